import ReproNetwork
import ReproSupport

/// Weight perturbation (paper 2 Figs. 1, 4, 6): per σ, `noiseDraws` noisy copies of the network,
/// w·(1 + σξ), each scored on the whole test set. Reports the test accuracy and
/// δL = L(w + z) − L(w) (mean test cross-entropy), as means over draws with every draw kept.
public enum WeightNoiseEvaluation {
    public static func measure(_ network: some Network, seed: Int, settings: RobustnessSettings,
                               test: LabeledPixels, threads: Int) throws -> [MeasuredValue] {
        let clean = try network.inference(batchSize: network.evaluationBatch(), threads: threads).evaluate(test)
        var values: [MeasuredValue] = []
        for sigma in settings.sigmas {
            var accuracies: [Double] = []
            var increases: [Double] = []
            for draw in 0..<settings.noiseDraws {
                var rng = RandomStream(seed: seed, "weight-noise", "sigma=\(sigma)",
                                       "draw=\(draw)")
                let noisy = try network.perturbed(sigma: sigma, using: &rng)
                let score = try noisy.inference(batchSize: noisy.evaluationBatch(), threads: threads).evaluate(test)
                accuracies.append(score.accuracy)
                increases.append(score.meanLoss - clean.meanLoss)
            }
            values.append(MeasuredValue(.weightNoise, setting: .value(sigma),
                                        value: Summary(accuracies).mean, draws: accuracies))
            values.append(MeasuredValue(.weightNoiseDL, setting: .value(sigma),
                                        value: Summary(increases).mean, draws: increases))
        }
        return values
    }
}
