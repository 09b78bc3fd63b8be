import ReproPlot

/// Fig. 8: the smallest per-class recall on the clean test set against sparsity, for the width
/// family (left) and the depth family (right), with clean accuracy for reference.
enum RecallFigure {
    static func fig8(_ r: Paper2Results, _ network: Paper2Network = .mlp) -> Figure {
        let families = [Paper2FamilyRole.width, .depth].compactMap { Paper2Family.of(network, $0) }
            .filter { !r.rows($0, .minRecall).isEmpty || network == .mlp }
        let panels = families.map { family in
            FamilyPanels.measure(r, family, .minRecall, label: "minimum class recall",
                                 title: family.figureName, yLabel: "recall / accuracy")
        }
        let rows = families.flatMap { r.rows($0, .minRecall) }
        let who = network == .mlp ? "" : "\(network.title): "
        return Figure(width: 6.5 * Double(max(1, panels.count)), height: 5,
                      title: "Fig. 8 · \(who)minimum recall among the 10 classes "
                          + "(\(SeedNote.of(rows)))",
                      rows: 1, columns: max(1, panels.count), panels: panels)
    }
}
