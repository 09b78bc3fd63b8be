import ReproData
import ReproPlot
import ReproReport
import ReproRobustness

/// Paper 2's CIFAR columns: for each CIFAR set with results and each network's width family,
/// Fig. 1 (weight noise), Fig. 2 (CIFAR-C, the mean of its 15 corruptions at severities 2 and
/// 4), Fig. 3 (attacks) and Figs. 9–11 (each corruption at both severities). Ids end with the
/// set and, for the CNNs, the network: `fig2-corruptions-cifar10`, `fig3-attacks-cifar100-vgg`.
enum CIFARFigures {
    static func all(_ r: Paper2Results) -> [(id: FigureID, figure: Figure)] {
        CIFARDataset.allCases.flatMap { of(r, dataset: $0) }
    }

    /// One set's figures (none without results).
    static func of(_ r: Paper2Results, dataset: CIFARDataset) -> [(id: FigureID, figure: Figure)] {
        guard let view = r.cifarView(dataset) else { return [] }
        return Paper2Plan.cifarFamilies.filter(view.hasRows).flatMap { family in
            let number = [Paper2Network.mlp: 9, .vgg: 10, .resnet: 11][family.network] ?? 9
            return [
                ("fig1-weight-noise", WeightNoiseFigures.fig1(view, family)),
                ("fig2-corruptions", fig2(view, family)),
                ("fig3-attacks", AttackFigures.fig3(view, family)),
                ("fig\(number)-corruptions", fig9(view, family, number: number)),
            ].map { name, figure in
                (id(name, dataset, family), titled(figure, dataset,
                                                   unofficial: view.cifarUnofficial.contains(dataset)))
            }
        }
    }

    /// `fig1-weight-noise-cifar10`, `fig1-weight-noise-cifar10-vgg`.
    static func id(_ name: String, _ dataset: CIFARDataset, _ family: Paper2Family) -> FigureID {
        FigureID("\(name)-\(dataset.rawValue)"
                 + (family.network == .mlp ? "" : "-\(family.network.rawValue)"))
    }

    /// The figure with its data set named first in the title ("CIFAR-10 · Fig. 1 · …"), and
    /// marked when the data is not the published set.
    static func titled(_ figure: Figure, _ dataset: CIFARDataset, unofficial: Bool) -> Figure {
        var named = figure
        named.title = "\(dataset.title)\(unofficial ? " (UNOFFICIAL test data)" : "") · "
            + (figure.title ?? "")
        return named
    }

    static let severityDash: [Int: [Double]] = [2: [], 4: CurvePanel.dashed]

    /// Fig. 2: the mean over the 15 CIFAR-C corruptions at severity 2 (solid) and 4 (dashed),
    /// with clean accuracy.
    static func fig2(_ r: Paper2Results, _ family: Paper2Family) -> Figure {
        let axis = SparsityAxis.of(family, r)
        let name = r.dataset.map { CIFARCorrupted.folder($0) } ?? "CIFAR-C"
        var panel = CurvePanel(title: nil, yLabel: FamilyPanels.accuracy, axis: axis)
        for (k, severity) in CIFARCorruptedImages.severities.enumerated() {
            let setting = CIFARCorruptedImages.setting("mean", severity: severity)
            panel.add(FamilyPanels.curve(r, family, axis, .cifarC, setting: setting),
                      label: "\(name), mean of 15, severity \(severity)",
                      color: Palette.color(k), dash: severityDash[severity] ?? [])
        }
        FamilyPanels.addClean(&panel, r, family, axis)
        panel.markBase(axis)
        let rows = r.rows(family, .cifarC).filter { $0.setting != .identity }
        return Figure(width: 8.5, height: 5.2,
                      title: "Fig. 2 · \(family.figureName): \(name) accuracy "
                          + "(\(SeedNote.of(rows)))", panels: [panel.axes])
    }

    /// Figs. 9–11: one small panel per corruption (3 rows × 5), severity 2 solid, 4 dashed.
    static func fig9(_ r: Paper2Results, _ family: Paper2Family, number: Int) -> Figure {
        let columns = 5
        let axis = SparsityAxis.of(family, r)
        let corruptions = CIFARCorrupted.corruptions
        let panels = corruptions.enumerated().map { k, corruption -> Axes in
            var panel = CurvePanel(title: corruption.replacingOccurrences(of: "_", with: " "),
                                   yLabel: "accuracy", axis: axis)
            for (c, severity) in CIFARCorruptedImages.severities.enumerated() {
                panel.add(FamilyPanels.curve(r, family, axis, .cifarC, setting: CIFARCorruptedImages
                              .setting(corruption, severity: severity)),
                          label: "severity \(severity)", color: Palette.color(c),
                          dash: severityDash[severity] ?? [])
            }
            panel.markBase(axis)
            var axes = panel.axes
            axes.legend = k == 0 ? axes.legend : .hidden
            if k % columns != 0 { axes.yLabel = nil }
            axes.xLabel = k < corruptions.count - columns ? nil : SparsityAxis.width.shortLabel
            return axes
        }
        let shown = Set(CIFARCorruptedImages.severities.flatMap { severity in
            corruptions.map { CIFARCorruptedImages.setting($0, severity: severity) }
        })
        let rows = r.rows(family, .cifarC).filter { shown.contains($0.setting) }
        return Figure(width: 16, height: 9.5,
                      title: "Fig. \(number) · \(family.figureName): accuracy per corruption, "
                          + "severity 2 solid, 4 dashed (\(SeedNote.of(rows))); x: remaining "
                          + "weights, log scale; dotted: dense base",
                      rows: 3, columns: columns, panels: panels)
    }
}
