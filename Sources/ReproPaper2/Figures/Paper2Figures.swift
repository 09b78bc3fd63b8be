import ReproPlot
import ReproReport

/// Every figure of paper 2 with the id the report uses, in report order: the MLP's (always), then
/// each CNN family's that has results (id suffix `-vgg` or `-resnet`), then the CIFAR columns
/// (``CIFARFigures``).
public enum Paper2Figures {
    public static func all(_ r: Paper2Results) -> [(id: FigureID, figure: Figure)] {
        var figures: [(id: FigureID, figure: Figure)] = [
            ("fig1-weight-noise", WeightNoiseFigures.fig1(r)),
            ("fig2-mnist-c", CorruptionFigures.fig2(r)),
            ("fig3-attacks", AttackFigures.fig3(r)),
            ("fig4-pruned-weight-noise", WeightNoiseFigures.fig4(r)),
            ("fig5-pruned-mnist-c", CorruptionFigures.fig5(r)),
            ("fig6-depth-weight-noise", WeightNoiseFigures.fig6(r)),
            ("fig7-depth-mnist-c", CorruptionFigures.fig7(r)),
            ("fig8-min-recall", RecallFigure.fig8(r)),
            ("fig9-corruptions", CorruptionFigures.fig9(r)),
            ("mnist-c-gallery", CorruptionGallery.figure(r))]
        for network in [Paper2Network.vgg, .resnet] {
            let suffix = "-\(network.rawValue)"
            func has(_ role: Paper2FamilyRole) -> Paper2Family? {
                Paper2Family.of(network, role).flatMap { r.hasRows($0) ? $0 : nil }
            }
            if let width = has(.width) {
                figures += [
                    (FigureID("fig1-weight-noise" + suffix), WeightNoiseFigures.fig1(r, width)),
                    (FigureID("fig2-mnist-c" + suffix), CorruptionFigures.fig2(r, width)),
                    (FigureID("fig3-attacks" + suffix), AttackFigures.fig3(r, width)),
                    (FigureID(network == .vgg ? "fig10-corruptions-vgg" : "fig11-corruptions-resnet"),
                     CorruptionFigures.fig9(r, width))]
            }
            if let pruned = has(.pruned) {
                figures += [
                    (FigureID("fig4-pruned-weight-noise" + suffix), WeightNoiseFigures.fig4(r, pruned)),
                    (FigureID("fig5-pruned-mnist-c" + suffix), CorruptionFigures.fig5(r, pruned))]
            }
            if let depth = has(.depth) {
                figures += [
                    (FigureID("fig6-depth-weight-noise" + suffix), WeightNoiseFigures.fig6(r, depth)),
                    (FigureID("fig7-depth-mnist-c" + suffix), CorruptionFigures.fig7(r, depth))]
            }
            if has(.width) != nil || has(.depth) != nil {
                figures.append((FigureID("fig8-min-recall" + suffix), RecallFigure.fig8(r, network)))
            }
        }
        return figures + CIFARFigures.all(r)
    }
}
