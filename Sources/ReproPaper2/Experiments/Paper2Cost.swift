import ReproAttacks
import ReproConv
import ReproExperiments
import ReproRobustness

/// Estimated core-seconds of paper 2's networks, used to train and evaluate the longest first (so
/// two cores stay busy to the end) and to size cluster requests; estimates, not measurements.
/// A CNN's come from the conv engine's cost model (which layers run dense, which on the sparse
/// kernels, and the activations' memory-bound layers; fitted to `repro bench --conv`); an MLP's
/// evaluations cost about 20 core-seconds per one-hidden-layer network and 15 more per extra
/// layer for 1,000 attacked images (56 core-minutes for the default profile's 95 networks).
public enum Paper2Cost {
    static let model = ConvCostModel()

    static func work(_ spec: ModelSpec) -> ConvCostModel.Work? {
        guard let a = spec.architecture else { return nil }
        return try? ConvCostModel.work(a, kept: spec.keptPerLayer)
    }

    /// One epoch over the spec's training images; 0 for a spec without an architecture.
    public static func epoch(_ spec: ModelSpec) -> Double {
        guard let w = work(spec) else { return 0 }
        return Double(spec.task.trainImages ?? 60_000) * model.trainingSeconds(w)
    }

    /// Training a CNN: its epochs (`epochs`, as a stored twin ran them, else 2, where the
    /// stopping rule ended every measured CNN), at most the spec's.
    public static func training(_ spec: ModelSpec, epochs measured: Int? = nil) -> Double {
        epoch(spec) * Double(min(measured ?? 2, spec.optimizer.epochs))
    }

    /// Every robustness evaluation of one network. A CNN's: forward passes of weight noise (σ ×
    /// draws × images) and MNIST-C (15 corruptions and the clean images, × draws), and the
    /// attacks' gradient passes (each attack's steps at each ε) per attacked image.
    public static func evaluation(_ spec: ModelSpec, settings s: RobustnessSettings) -> Double {
        guard let w = work(spec) else {
            return (20 + 15 * Double(max(0, spec.depth - 1))) * Double(s.attackImages) / 1000
        }
        let noise = Double(s.sigmas.count * s.noiseDraws * (s.noiseImages ?? 10_000))
        let corruption = Double(16 * s.corruptionImages * s.corruptionDraws)
        let steps = s.epsilons.reduce(0) { total, epsilon in
            total + s.attacks.reduce(0) { $0 + StepRule.standard($1, epsilon: epsilon).steps }
        }
        return (noise + corruption) * model.inferenceSeconds(w)
            + Double(s.attackImages * steps) * model.gradientSeconds(w)
    }
}
