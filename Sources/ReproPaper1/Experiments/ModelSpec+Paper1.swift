import ReproData
import ReproExperiments
import ReproNN
import ReproSupport

/// Paper 1's networks: 784-h-1, sigmoid + binary cross-entropy, N(0, 1)·0.1 weights, full-batch
/// gradient descent for a fixed number of epochs, trained by the batched binary trainer.
extension ModelSpec {
    public static let binaryTrainer = TrainerVersion(kind: "binary-batched", version: 1)

    public init(pair: DigitPair, seed: Int, hidden: Int, learningRate: Double, epochs: Int,
                precision: Precision = .float32, initScale: Double = 0.1,
                data: String = MNISTFile.trainImages.sha256, replay: ReplayScheme? = nil) {
        self.init(task: .digits(pair), layers: [784, hidden, 1], loss: .binaryCrossEntropy,
                  initialization: Initialization(kind: "normal", scale: initScale),
                  optimizer: OptimizerSpec(kind: "full-batch-gd", learningRate: learningRate,
                                           epochs: epochs),
                  seed: seed, precision: precision, data: data, trainer: Self.binaryTrainer,
                  rng: replay?.rawValue)
    }

    /// The replay scheme of a spec whose random numbers are the published code's, else nil.
    public var replay: ReplayScheme? { rng.flatMap(ReplayScheme.init(rawValue:)) }

    /// The digit pair (paper 1's specs always have one).
    public var pair: DigitPair { task.pair ?? DigitPair(0, 1) }
    public var hidden: Int { layers.count > 1 ? layers[1] : 0 }
    public var learningRate: Double { optimizer.learningRate }
    public var epochs: Int { optimizer.epochs }

    /// The initial weights: drawn from a stream named by (seed, pair, hidden size) only, so every
    /// learning rate starts from the same network and no result depends on run order.
    public func initialParameters(inputs: Int) -> MLPParameters {
        var rng = RandomStream(seed: seed, "init", pair.slug, "h=\(hidden)")
        return MLPParameters.initial(inputs: inputs, hidden: hidden,
                                     scale: initialization.scale ?? 0.1, rng: &rng)
    }
}

extension ModelRecord {
    /// Metrics on the held-out part of the pair's data after training.
    public var heldOut: BinaryMetrics { BinaryMetrics(named: evaluation) }
    public var heldOutCount: Int { evaluationCount }
    public var bestTrainF1: Double { history.bestF1 }
}
