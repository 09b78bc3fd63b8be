import ReproData
import ReproNN
import ReproNetwork
import ReproSupport

/// Everything that determines one trained network, and nothing else: equal specs give equal
/// results, and the spec's hash is the name of its result in the store. Papers describe their
/// models with it (a digit pair or ten classes; layer sizes; loss; an optional static mask; the
/// optimiser) and add accessors of their own in their targets.
///
/// Optional fields are left out of the JSON when nil, so a field added later as an optional does
/// not change the key of any spec that does not use it.
public struct ModelSpec: Codable, Hashable, Sendable {
    public var task: TaskSpec
    /// Units per layer, input first: `[784, 24, 1]` (a chain of dense layers); empty when the
    /// network is described by `architecture`.
    public var layers: [Int]
    public var loss: Loss
    /// Weights kept per weight layer by a static random mask; nil for a dense network.
    public var mask: [Int]?
    public var initialization: Initialization
    public var optimizer: OptimizerSpec
    public var seed: Int
    public var precision: Precision
    /// SHA-256 of the training images (canonical MNIST unless a test says otherwise).
    public var data: String
    /// Which trainer, at which version: bumping one kind's version invalidates only its results.
    public var trainer: TrainerVersion
    /// How the network is derived from another stored one (e.g. pruned after training), if so.
    public var derivation: Derivation?
    /// Whose random numbers drew the split and the initial weights: nil for the tool's own
    /// streams, else a replay scheme (e.g. "numpy", the published code's draws). Optional, so
    /// every spec drawn the default way keeps its key.
    public var rng: String?
    /// The layers as data, for every network that is not a plain chain of dense layers (a VGG,
    /// a ResNet); `mask` then counts kept weights per conv and dense layer in its order. Nil for
    /// the MLPs, so their keys are the ones they always had.
    public var architecture: Architecture?
    /// The model's first operation when it is not the trainer's default input normalisation:
    /// "none" for pixels straight into the first layer. Nil for every spec that normalises as
    /// always, so their keys are unchanged.
    public var inputTransform: String?
    /// False for a network without biases (zero, never trained); nil for biases on every layer,
    /// so every spec with biases keeps its key.
    public var biases: Bool?

    public init(task: TaskSpec, layers: [Int], loss: Loss, mask: [Int]? = nil,
                initialization: Initialization, optimizer: OptimizerSpec, seed: Int,
                precision: Precision, data: String, trainer: TrainerVersion,
                derivation: Derivation? = nil, rng: String? = nil,
                architecture: Architecture? = nil, inputTransform: String? = nil,
                biases: Bool? = nil) {
        self.task = task; self.layers = layers; self.loss = loss; self.mask = mask
        self.initialization = initialization; self.optimizer = optimizer; self.seed = seed
        self.precision = precision; self.data = data; self.trainer = trainer
        self.derivation = derivation; self.rng = rng; self.architecture = architecture
        self.inputTransform = inputTransform; self.biases = biases
    }

    /// Whether the network normalises its input (every spec but a "none" input transform).
    public var normalisesInput: Bool { inputTransform != "none" }
    /// Whether the network has biases (every spec but `biases: false`).
    public var hasBiases: Bool { biases != false }

    /// The store key: 16 hex digits of the SHA-256 of the canonical JSON.
    public var key: String { (try? StableHash.key(self)) ?? "invalid" }

    public enum Loss: String, Codable, Hashable, Sendable {
        case binaryCrossEntropy = "binary-cross-entropy"
        case softmaxCrossEntropy = "softmax-cross-entropy"
    }
}

/// What the network classifies: one digit against another, all ten digits, or a CIFAR data
/// set's classes.
public struct TaskSpec: Codable, Hashable, Sendable {
    public var pair: DigitPair?
    public var classes: Int
    /// Trained on the first this many training images (a profile's miniature); nil: all of them,
    /// and left out of the key, so every spec trained on the whole set keeps its key.
    public var trainImages: Int?
    /// The CIFAR data set it is trained on; nil for MNIST, so every MNIST spec keeps its key.
    public var dataset: CIFARDataset?

    public init(pair: DigitPair?, classes: Int, trainImages: Int? = nil,
                dataset: CIFARDataset? = nil) {
        self.pair = pair; self.classes = classes; self.trainImages = trainImages
        self.dataset = dataset
    }

    public static func digits(_ pair: DigitPair) -> TaskSpec { TaskSpec(pair: pair, classes: 2) }
    public static let tenDigits = TaskSpec(pair: nil, classes: 10)
}

/// How the initial weights are drawn.
public struct Initialization: Codable, Hashable, Sendable {
    /// "normal" (N(0, 1) · scale, biases zero), "uniform-fan-in" (U(±s), s = 1/√(fan_in · keep))
    /// or "normal-fan-in" (N(0, (s/√3)²), the standard deviation of that uniform).
    public var kind: String
    public var scale: Double?

    public init(kind: String, scale: Double? = nil) { self.kind = kind; self.scale = scale }
}

/// The optimiser and its schedule.
public struct OptimizerSpec: Codable, Hashable, Sendable {
    /// "full-batch-gd" or "sgd-momentum".
    public var kind: String
    public var learningRate: Double
    /// The number of epochs, or the most a stopping rule allows.
    public var epochs: Int
    public var momentum: Double?
    public var batchSize: Int?
    /// Stop after the first epoch whose mean training loss is below this.
    public var stopLoss: Double?
    /// The learning-rate schedule, e.g. "cosine-300" (lr·(1 + cos(π·e/300))/2 at epoch e); nil
    /// for a constant rate, so the keys of every spec without a schedule stay as they were.
    public var schedule: String?

    public init(kind: String, learningRate: Double, epochs: Int, momentum: Double? = nil,
                batchSize: Int? = nil, stopLoss: Double? = nil, schedule: String? = nil) {
        self.kind = kind; self.learningRate = learningRate; self.epochs = epochs
        self.momentum = momentum; self.batchSize = batchSize; self.stopLoss = stopLoss
        self.schedule = schedule
    }
}

/// A trainer kind and its version.
public struct TrainerVersion: Codable, Hashable, Sendable {
    public var kind: String
    public var version: Int

    public init(kind: String, version: Int) { self.kind = kind; self.version = version }
}

/// A network computed from another stored network rather than trained from scratch.
public struct Derivation: Codable, Hashable, Sendable {
    /// e.g. "magnitude-pruning".
    public var kind: String
    /// The store key of the network it starts from.
    public var source: String
    public var version: Int

    public init(kind: String, source: String, version: Int) {
        self.kind = kind; self.source = source; self.version = version
    }
}
