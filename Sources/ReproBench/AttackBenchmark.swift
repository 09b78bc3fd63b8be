import ReproAttacks
import ReproData
import ReproNetwork
import ReproRobustness
import ReproSparse
import ReproSupport

/// The attacks' cost per network, with APGD's early stop off (every sample iterated to the end,
/// as before) and on (fooled samples leave the batch where the network scores each image alone):
/// MLPs of the width family trained briefly on MNIST, the paper's 5 attacks × 6 ε on 1,000 test
/// images, CPU seconds of the process, and whether both gave the same robust accuracies.
public enum AttackBenchmark {
    public struct Row: Sendable {
        public var label: String
        public var before: Double
        public var after: Double
        public var sameValues: Bool
        /// Whether the engine let APGD stop early (no layer on BLAS).
        public var stopsEarly: Bool
    }

    public static func rows(_ images: ImageSplits, widths: [Int] = [128, 1024, 8192], epochs: Int = 3) throws -> [Row] {
        let train = try SparseDataset(bytes: images.trainImages, labels: images.trainLabels,
                                      inputSize: images.pixelsPerImage, normalisation: .mnist)
        let evaluation = EvaluationImages(images)
        let settings = RobustnessSettings.paper
        return try widths.map { width in
            var mask = RandomStream(seed: 0, "bench-attack-mask", "\(width)")
            var initial = RandomStream(seed: 0, "bench-attack-init", "\(width)")
            let model = try SparseMLP.random(shapes: try SparseFamilies.width(width), mask: &mask,
                                             initialisation: &initial)
            let trainer = try SparseTrainer(model: model, options: SparseTrainingOptions(threads: 1))
            var order = RandomStream(seed: 0, "bench-attack-order")
            for _ in 0..<epochs { _ = try trainer.trainEpoch(on: train, shuffling: &order) }
            let network = trainer.model
            var times: [Double] = [], values: [[MeasuredValue]] = []
            for early in [false, true] {
                APGD.stopsFooledSamples = early
                defer { APGD.stopsFooledSamples = true }
                let start = ProcessClock.now()
                values.append(try AttackEvaluation.measure(network, seed: 0, settings: settings,
                                                           images: evaluation, threads: 1))
                times.append(ProcessClock.now().since(start).cpu)
            }
            let inference = try network.inference(batchSize: network.evaluationBatch(), threads: 1)
            return Row(label: "width_\(width)", before: times[0], after: times[1],
                       sameValues: values[0] == values[1], stopsEarly: inference.scoresEachImageAlone)
        }
    }
}
