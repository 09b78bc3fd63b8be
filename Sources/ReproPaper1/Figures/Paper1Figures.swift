import ReproSupport
import ReproData
import ReproPlot
import ReproReport

/// Every figure of paper 1 with the id `figures.json` and the templates use, in report order,
/// and its tables.
public enum Paper1Figures {
    /// `full` holds every seed; the figures show the paper's, and the ones that carry a claim
    /// (Figs. 3 held-out, 6, 7) add the interval over all of them.
    public static func all(_ full: Paper1Results, published: Paper1Published) -> [(id: FigureID, figure: Figure)] {
        let r = full.paperView
        let pairs = orderedPairs(r.capacity.map(\.spec.pair))
        let heatmap = published.heatmap
        var figures: [(FigureID, Figure)] = [
            ("fig1", TrainingFigures.fig1(r)), ("fig2", TrainingFigures.fig2(r)),
            ("fig2-compare", ComparisonFigures.heatmap(r, publishedSizes: heatmap.hiddenSizes,
                                                       publishedRates: heatmap.learningRates,
                                                       published: heatmap.f1)),
            ("fig3", TrainingFigures.fig3(r, heldOut: false)),
            ("fig3-heldout", TrainingFigures.fig3(r, heldOut: true, extended: full)),
        ]
        for (k, pair) in pairs.enumerated() {
            figures.append((FigureID("figA\(k + 1)"), TrainingFigures.figA(r, pair: pair)))
        }
        let hardest = Paper1Plan.hardestPair
        let pruned = orderedPairs(r.pruning.map(\.pair))
        if pruned.contains(hardest) {
            figures.append(("fig4", PruningFigures.figure(r, pair: hardest, auc: false)))
            figures.append(("fig4-auc", PruningFigures.figure(r, pair: hardest, auc: true)))
        }
        for (k, pair) in pruned.filter({ $0 != hardest }).enumerated() {
            figures.append((FigureID("figB\(k + 1)"), PruningFigures.figure(r, pair: pair, auc: false)))
            figures.append((FigureID("figB\(k + 1)-auc"), PruningFigures.figure(r, pair: pair, auc: true)))
        }
        figures += [("fig5", AnalysisFigures.fig5(r)),
                    ("fig6", AnalysisFigures.fig6(r, published: published.gaussian, extended: full)),
                    ("fig7", AnalysisFigures.fig7(r, published: published.occlusion, extended: full))]
        for s in r.saliency {
            let prefix = s.configuration.source == "paper" ? "fig8" : "fig8-\(s.configuration.source)"
            for digit in SaliencyStudy.digits {
                figures.append((FigureID("\(prefix)-\(digit)"), AnalysisFigures.fig8(s, digit: digit)))
            }
        }
        figures.append(("figD1", AnalysisFigures.figD1(r)))
        return figures
    }

    public static func tables(_ r: Paper1Results) -> [ReportTable] {
        [ReportTable(id: "tab1", markdown: DeadNeuronTable.markdown(r.deadNeurons),
                     csv: DeadNeuronTable.csv(r.deadNeurons))]
    }
}
