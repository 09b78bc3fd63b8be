import ReproExperiments
import ReproRobustness

/// Declared costs of paper 2's CNNs, in core-seconds, from their multiply-adds per image (the
/// kept weights') and throughputs measured on this project's 2-core machines: training (forward
/// and both backward passes, 3 multiply-adds per weight use) about 35 G multiply-adds a second on
/// one core (VGG11-16: 40 s an epoch; ResNet18-16: 187 s), inference about 26 G (VGG11-16's
/// 250,000 weight-noise passes took 85 s, ResNet18-16's 341 s); a sparse network (keep < 1) pays
/// the sparse kernels' measured overhead on top.
enum ConvCost {
    static let trainingRate = 35e9
    static let inferenceRate = 26e9
    /// Sparse kernels against dense ones at the same multiply-adds (`repro bench --conv`).
    static let sparseOverhead = 2.0

    static func multiplyAdds(_ spec: ModelSpec) -> Double {
        guard let a = spec.architecture,
              let macs = try? a.multiplyAdds(kept: spec.keptPerLayer) else { return 0 }
        return Double(macs) * (spec.mask == nil ? 1 : sparseOverhead)
    }

    /// One epoch over the spec's training images.
    static func epoch(_ spec: ModelSpec) -> Double {
        Double(spec.task.trainImages ?? 60_000) * 3 * multiplyAdds(spec) / trainingRate
    }

    /// Every robustness evaluation of one network: forward passes of weight noise and MNIST-C,
    /// and the attacks' gradient passes (about 3 forward passes each) — FGSM and FFGSM 1, BIM
    /// and PGD their step counts, APGD 100 — per attacked image and ε.
    static func evaluation(_ spec: ModelSpec, settings s: RobustnessSettings) -> Double {
        let noise = Double(s.sigmas.count * s.noiseDraws * (s.noiseImages ?? 10_000))
        let corruption = Double(16 * s.corruptionImages * s.corruptionDraws)
        let attacks = Double(s.attackImages * s.epsilons.count) * 3 * (1 + 1 + 20 + 20 + 100)
        return (noise + corruption + attacks) * multiplyAdds(spec) / inferenceRate
    }
}
