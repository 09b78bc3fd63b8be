import ReproMNISTC
import ReproPlot

/// Figs. 2, 5, 7 and 9: accuracy on MNIST-C (the mean over its 15 corruptions, or each one)
/// against sparsity, with clean test accuracy for reference.
enum CorruptionFigures {
    static let meanLabel = "MNIST-C, mean of 15"

    /// Fig. 2: a width family.
    static func fig2(_ r: Paper2Results, _ family: Paper2Family = .sparseWidth) -> Figure {
        single(r, family, "Fig. 2 · \(family.figureName)")
    }

    /// Fig. 7: a depth family.
    static func fig7(_ r: Paper2Results, _ family: Paper2Family = .sparseDepth) -> Figure {
        single(r, family, "Fig. 7 · \(family.figureName)")
    }

    /// Fig. 5: a pruned family against static sparsity.
    static func fig5(_ r: Paper2Results, _ family: Paper2Family = .prunedWidth) -> Figure {
        let rows = r.rows(family, .mnistC, setting: "mean")
        let panel = FamilyPanels.staticVsPruned(r, .mnistC, setting: "mean", what: meanLabel,
                                                title: nil, network: family.network)
        let who = family.network == .mlp ? "" : "\(family.network.title)11 "
        return Figure(width: 8.5, height: 5.2, title: "Fig. 5 · \(who)pruned after training vs "
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

    /// Fig. 9 (MLP), 10 (VGG11), 11 (ResNet18): one small panel per corruption (3 rows × 5), a
    /// width family; axis labels on the outer panels only.
    static func fig9(_ r: Paper2Results, _ family: Paper2Family = .sparseWidth) -> Figure {
        let columns = 5
        let corruptions = MNISTCorruption.allCases
        let panels = corruptions.enumerated().map { k, corruption -> Axes in
            var axes = FamilyPanels.measure(r, family, .mnistC,
                                            setting: .named(corruption.rawValue), label: "accuracy",
                                            title: corruption.displayName, withClean: false)
            axes.legend = .hidden
            if k % columns != 0 { axes.yLabel = nil }
            axes.xLabel = k < corruptions.count - columns ? nil
                : SparsityAxis.width.shortLabel
            return axes
        }
        let rows = r.rows(family, .mnistC).filter { $0.setting != .mean }
        let number = [Paper2Network.mlp: 9, .vgg: 10, .resnet: 11][family.network] ?? 9
        return Figure(width: 16, height: 9.5,
                      title: "Fig. \(number) · \(family.figureName): accuracy per MNIST-C "
                          + "corruption (\(SeedNote.of(rows))); x: remaining weights, log "
                          + "scale; dotted: dense base",
                      rows: 3, columns: columns, panels: panels)
    }
}
