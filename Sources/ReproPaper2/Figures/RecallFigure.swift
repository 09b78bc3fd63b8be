import ReproPlot

/// Fig. 8: the smallest per-class recall on the clean test set against sparsity, for the width
/// family (left) and the depth family (right), with clean accuracy for reference.
enum RecallFigure {
    static func fig8(_ r: Paper2Results) -> Figure {
        let panels = [(Paper2Family.sparseWidth, "by width"),
                      (.sparseDepth, "by depth")].map { family, name in
            FamilyPanels.measure(r, family, .minRecall, label: "minimum class recall",
                                 title: "static sparsity \(name)",
                                 yLabel: "recall / accuracy")
        }
        let rows = r.rows(.sparseWidth, .minRecall) + r.rows(.sparseDepth, .minRecall)
        return Figure(width: 13, height: 5,
                      title: "Fig. 8 · minimum recall among the 10 classes "
                          + "(\(SeedNote.of(rows)))",
                      rows: 1, columns: 2, panels: panels)
    }
}
