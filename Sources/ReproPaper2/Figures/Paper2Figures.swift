import ReproPlot
import ReproReport

/// Every figure of paper 2 with the id the report uses, in report order.
public enum Paper2Figures {
    public static func all(_ r: Paper2Results) -> [(id: FigureID, figure: Figure)] {
        [("fig1-weight-noise", WeightNoiseFigures.fig1(r)),
         ("fig2-mnist-c", CorruptionFigures.fig2(r)),
         ("fig3-attacks", AttackFigures.fig3(r)),
         ("fig4-pruned-weight-noise", WeightNoiseFigures.fig4(r)),
         ("fig5-pruned-mnist-c", CorruptionFigures.fig5(r)),
         ("fig6-depth-weight-noise", WeightNoiseFigures.fig6(r)),
         ("fig7-depth-mnist-c", CorruptionFigures.fig7(r)),
         ("fig8-min-recall", RecallFigure.fig8(r)),
         ("fig9-corruptions", CorruptionFigures.fig9(r)),
         ("mnist-c-gallery", CorruptionGallery.figure(r))]
    }
}
