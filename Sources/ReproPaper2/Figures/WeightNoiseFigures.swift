import ReproPlot

/// Figs. 1, 4 and 6: test accuracy under multiplicative weight noise z ~ N(0, w²σ²) against
/// sparsity, one line per σ, and δL against σ, one line per size; Fig. 4 adds static sparsity
/// for comparison.
enum WeightNoiseFigures {
    static func noiseRows(_ r: Paper2Results, _ family: Paper2Family) -> [RobustnessRow] {
        r.rows(family, .weightNoise) + r.rows(family, .weightNoiseDL)
    }

    /// Fig. 1: a width family.
    static func fig1(_ r: Paper2Results, _ family: Paper2Family = .sparseWidth) -> Figure {
        twoPanels(r, family, "Fig. 1 · \(family.figureName)")
    }

    /// Fig. 6: a depth family.
    static func fig6(_ r: Paper2Results, _ family: Paper2Family = .sparseDepth) -> Figure {
        twoPanels(r, family, "Fig. 6 · \(family.figureName)")
    }

    /// Fig. 4: a pruned family; the middle panel sets it against static sparsity at σ.
    static func fig4(_ r: Paper2Results, _ family: Paper2Family = .prunedWidth) -> Figure {
        let sigma = r.setting(.value(0.2), family, .weightNoise) ?? .value(0.2)
        let compare = FamilyPanels.staticVsPruned(
            r, .weightNoise, setting: sigma, what: "σ = \(sigma)",
            title: "pruned vs static sparse, σ = \(sigma)", network: family.network)
        return Figure(width: 17, height: 5, title: title(
                          "Fig. 4 · \(family.figureName)", r, noiseRows(r, family)),
                      rows: 1, columns: 3,
                      panels: [accuracy(r, family), compare, FamilyPanels.flatness(r, family)])
    }

    static func twoPanels(_ r: Paper2Results, _ family: Paper2Family, _ name: String) -> Figure {
        Figure(width: 13, height: 5, title: title(name, r, noiseRows(r, family)), rows: 1,
               columns: 2, panels: [accuracy(r, family), FamilyPanels.flatness(r, family)])
    }

    static func accuracy(_ r: Paper2Results, _ family: Paper2Family) -> Axes {
        FamilyPanels.settingLines(r, family, .weightNoise, symbol: "σ",
                                  title: "test accuracy under weight noise")
    }

    static func title(_ name: String, _ r: Paper2Results, _ rows: [RobustnessRow]) -> String {
        "\(name): weight noise (\(SeedNote.of(rows)))"
    }
}
