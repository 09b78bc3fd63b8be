import ReproPlot
import ReproRobustness

/// The panel kinds paper 2's figures share: lines per setting against sparsity, δL against σ
/// per size, one measure against sparsity, and static against pruned sparsity. Each shows the
/// clean test accuracy for reference (dashed) and marks the dense base.
enum FamilyPanels {
    static let accuracy = "test accuracy"

    /// One evaluation (and setting) of a family over its sparsity axis.
    static func curve(_ r: Paper2Results, _ family: Paper2Family, _ axis: SparsityAxis,
                      _ evaluation: RobustnessEvaluation, setting: EvaluationSetting? = nil) -> SeedCurve {
        SeedCurve(r.rows(family, evaluation, setting: setting), x: axis.x, value: { $0.value })
    }

    /// Adds the family's clean test accuracy as a dashed dark line.
    static func addClean(_ panel: inout CurvePanel, _ r: Paper2Results, _ family: Paper2Family,
                         _ axis: SparsityAxis, label: String = "clean accuracy",
                         marker: Marker = .circle) {
        panel.add(curve(r, family, axis, .clean), label: label, color: CurvePanel.reference,
                  dash: CurvePanel.dashed, marker: marker)
    }

    /// One line per setting (σ or ε) of `evaluation` over the sparsity axis, and clean accuracy.
    static func settingLines(_ r: Paper2Results, _ family: Paper2Family,
                             _ evaluation: RobustnessEvaluation, symbol: String, title: String,
                             yLabel: String = accuracy) -> Axes {
        let axis = SparsityAxis.of(family, r)
        var panel = CurvePanel(title: title, yLabel: yLabel, axis: axis)
        let settings = r.numericSettings(family, evaluation)
        for (setting, color) in zip(settings, CurvePanel.settingColors(settings.count)) {
            panel.add(curve(r, family, axis, evaluation, setting: setting),
                      label: "\(symbol) = \(setting)", color: color)
        }
        addClean(&panel, r, family, axis)
        panel.markBase(axis)
        return panel.axes
    }

    /// δL against σ, one line per size (the paper's flatness argument): a flatter minimum's
    /// loss grows more slowly with the noise. Log y when every δL is positive.
    static func flatness(_ r: Paper2Results, _ family: Paper2Family) -> Axes {
        let axis = SparsityAxis.of(family, r)
        let rows = r.rows(family, .weightNoiseDL)
        let log = !rows.isEmpty && rows.allSatisfy { $0.value > 0 }
        var panel = CurvePanel(title: "loss increase δL = L(w + z) − L(w)",
                               yLabel: "δL, test cross-entropy" + (log ? " (log scale)" : ""))
        panel.axes.xLabel = "weight-noise σ (z ~ N(0, w²σ²))"
        if log { panel.axes.yScale = .log10 }
        let sizes = r.sizes(family)
        for (size, color) in zip(sizes, CurvePanel.sizeColors(sizes.count)) {
            panel.add(SeedCurve(rows.filter { NetworkSize($0) == size },
                                x: { $0.setting.number }, value: { $0.value }),
                      label: axis.sizeLabel(size), color: color)
        }
        switch (family.network, family.role) {
        case (.mlp, .depth): panel.axes.legendTitle = "hidden layers"
        case (.mlp, _): panel.axes.legendTitle = "hidden width"
        case (_, .depth): panel.axes.legendTitle = "architecture"
        case (_, _): panel.axes.legendTitle = "base width"
        }
        return panel.axes
    }

    /// One evaluation (and setting) over the sparsity axis, optionally with clean accuracy.
    static func measure(_ r: Paper2Results, _ family: Paper2Family,
                        _ evaluation: RobustnessEvaluation, setting: EvaluationSetting? = nil, label: String,
                        title: String?, yLabel: String = accuracy,
                        withClean: Bool = true) -> Axes {
        let axis = SparsityAxis.of(family, r)
        var panel = CurvePanel(title: title, yLabel: yLabel, axis: axis)
        panel.add(curve(r, family, axis, evaluation, setting: setting), label: label,
                  color: Palette.color(0))
        if withClean { addClean(&panel, r, family, axis) }
        panel.markBase(axis)
        return panel.axes
    }

    /// Pruned after training (solid) against static sparsity from the start (dashed, squares)
    /// at the same share of remaining weights, with both clean accuracies.
    static func staticVsPruned(_ r: Paper2Results, _ evaluation: RobustnessEvaluation,
                               setting: EvaluationSetting?, what: String, title: String?,
                               network: Paper2Network = .mlp) -> Axes {
        let axis = SparsityAxis.width(network, r)
        let pruned = Paper2Family.of(network, .pruned) ?? .prunedWidth
        let sparse = Paper2Family.of(network, .width) ?? .sparseWidth
        var panel = CurvePanel(title: title, yLabel: accuracy, axis: axis)
        let color = Palette.color(1)
        panel.add(curve(r, pruned, axis, evaluation, setting: setting),
                  label: "\(what), pruned after training", color: color)
        panel.add(curve(r, sparse, axis, evaluation, setting: setting),
                  label: "\(what), static sparse", color: color, dash: CurvePanel.dashed,
                  marker: .square)
        panel.add(curve(r, pruned, axis, .clean), label: "clean, pruned after training",
                  color: CurvePanel.reference)
        addClean(&panel, r, sparse, axis, label: "clean, static sparse", marker: .square)
        panel.markBase(axis)
        return panel.axes
    }

    /// A panel that only shows `axes`' legend (the key shared by a grid of panels).
    static func legendOnly(_ axes: Axes) -> Axes {
        var key = Axes()
        key.series = axes.resolvedSeries.compactMap { s in
            guard case .line(var line) = s, line.label != nil else { return nil }
            line.x = []
            line.y = []
            return .line(line)
        }
        key.legendTitle = axes.legendTitle
        key.legend = .centerLeft
        key.showAxes = false
        key.grid = false
        return key
    }
}
