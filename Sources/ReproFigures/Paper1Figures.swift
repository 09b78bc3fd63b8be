import ReproData
import ReproPlot

/// Every figure of paper 1 with the id the report uses, and its tables.
public enum Paper1Figures {
    public static func all(_ r: Paper1Results) -> [(id: String, figure: Figure)] {
        let pairs = orderedPairs(r.capacity.map(\.spec.pair))
        var figures: [(String, Figure)] = [
            ("fig1", TrainingFigures.fig1(r)), ("fig2", TrainingFigures.fig2(r)),
            ("fig3", TrainingFigures.fig3(r, heldOut: false)), ("fig3-heldout", TrainingFigures.fig3(r, heldOut: true)),
        ]
        for (k, pair) in pairs.enumerated() { figures.append(("figA\(k + 1)", TrainingFigures.figA(r, pair: pair))) }
        let hardest = DigitPair(4, 9)
        let pruned = orderedPairs(r.pruning.map(\.pair))
        if pruned.contains(hardest) {
            figures.append(("fig4", PruningFigures.figure(r, pair: hardest, auc: false)))
            figures.append(("fig4-auc", PruningFigures.figure(r, pair: hardest, auc: true)))
        }
        for (k, pair) in pruned.filter({ $0 != hardest }).enumerated() {
            figures.append(("figB\(k + 1)", PruningFigures.figure(r, pair: pair, auc: false)))
            figures.append(("figB\(k + 1)-auc", PruningFigures.figure(r, pair: pair, auc: true)))
        }
        figures += [("fig5", AnalysisFigures.fig5(r)), ("fig6", AnalysisFigures.fig6(r)), ("fig7", AnalysisFigures.fig7(r))]
        for s in r.saliency { figures.append((s.configuration.source == "paper" ? "fig8" : "fig8-\(s.configuration.source)", AnalysisFigures.fig8(s))) }
        figures.append(("figD1", AnalysisFigures.figD1(r)))
        return figures
    }

    /// Tables as (id, Markdown, CSV).
    public static func tables(_ r: Paper1Results) -> [(id: String, markdown: String, csv: String)] {
        [("tab1", DeadNeuronTable.markdown(r.deadNeurons), DeadNeuronTable.csv(r.deadNeurons))]
    }
}
