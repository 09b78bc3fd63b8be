import ReproMNISTC
import ReproPlot

/// Figs. 2, 5, 7 and 9: accuracy on MNIST-C (the mean over its 15 corruptions, or each one)
/// against sparsity, with clean test accuracy for reference.
enum CorruptionFigures {
    static let meanLabel = "MNIST-C, mean of 15"

    /// Fig. 2: the width family.
    static func fig2(_ r: Paper2Results) -> Figure {
        single(r, .sparseWidth, "Fig. 2 · static sparsity by width")
    }

    /// Fig. 7: the depth family.
    static func fig7(_ r: Paper2Results) -> Figure {
        single(r, .sparseDepth, "Fig. 7 · static sparsity by depth")
    }

    /// Fig. 5: pruned after training against static sparsity.
    static func fig5(_ r: Paper2Results) -> Figure {
        let rows = r.rows(.prunedWidth, .mnistC, setting: "mean")
        let panel = FamilyPanels.staticVsPruned(r, .mnistC, setting: "mean", what: meanLabel,
                                                title: nil)
        return Figure(width: 8.5, height: 5.2, title: "Fig. 5 · pruned after training vs "
                          + "static sparse: MNIST-C (\(SeedNote.of(rows)))", panels: [panel])
    }

    static func single(_ r: Paper2Results, _ family: Paper2Family, _ name: String) -> Figure {
        let rows = r.rows(family, .mnistC, setting: "mean")
        let panel = FamilyPanels.measure(r, family, .mnistC, setting: "mean", label: meanLabel,
                                         title: nil)
        return Figure(width: 8.5, height: 5.2,
                      title: "\(name): MNIST-C accuracy (\(SeedNote.of(rows)))",
                      panels: [panel])
    }

    /// Fig. 9: one small panel per corruption (3 rows × 5), the width family; axis labels on
    /// the outer panels only.
    static func fig9(_ r: Paper2Results) -> Figure {
        let columns = 5
        let corruptions = MNISTCorruption.allCases
        let panels = corruptions.enumerated().map { k, corruption -> Axes in
            var axes = FamilyPanels.measure(r, .sparseWidth, .mnistC,
                                            setting: .named(corruption.rawValue), label: "accuracy",
                                            title: corruption.displayName, withClean: false)
            axes.legend = .hidden
            if k % columns != 0 { axes.yLabel = nil }
            axes.xLabel = k < corruptions.count - columns ? nil
                : SparsityAxis.width.shortLabel
            return axes
        }
        let rows = r.rows(.sparseWidth, .mnistC).filter { $0.setting != .mean }
        return Figure(width: 16, height: 9.5,
                      title: "Fig. 9 · static sparsity by width: accuracy per MNIST-C "
                          + "corruption (\(SeedNote.of(rows))); x: remaining weights, log "
                          + "scale; dotted: dense base",
                      rows: 3, columns: columns, panels: panels)
    }
}
