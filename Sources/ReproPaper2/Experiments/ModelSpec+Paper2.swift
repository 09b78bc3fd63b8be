import ReproExperiments
import ReproNN
import ReproSparse

/// Paper 2's networks as generic specs: 10 classes, ReLU layers, softmax cross-entropy, a
/// static mask per layer (kept counts), U(±1/√(fan_in·keep)) initialisation, SGD with momentum
/// and the stopping rule.
extension ModelSpec {
    public static let sparseTrainer = TrainerVersion(kind: "sparse-sgd", version: 1)
    public static let pruningVersion = 1

    static func paper2(family: Paper2Family, width: Int, depth: Int, seed: Int, plan: Paper2Plan,
                       data: String) throws -> ModelSpec {
        let shapes = try family.shapes(width: width, depth: depth)
        let dense = shapes.allSatisfy { $0.kept == $0.fanIn * $0.fanOut }
        return ModelSpec(task: .tenDigits, layers: [shapes[0].fanIn] + shapes.map(\.fanOut),
                         loss: .softmaxCrossEntropy, mask: dense ? nil : shapes.map(\.kept),
                         initialization: Initialization(kind: "uniform-fan-in"),
                         optimizer: OptimizerSpec(kind: "sgd-momentum",
                                                  learningRate: plan.learningRate,
                                                  epochs: plan.maxEpochs, momentum: 0.9,
                                                  batchSize: plan.batchSize, stopLoss: 0.01),
                         seed: seed, precision: .float32, data: data, trainer: sparseTrainer)
    }

    /// This dense net pruned by magnitude, per layer, to the width family's counts.
    func pruned(width: Int) throws -> ModelSpec {
        var spec = self
        spec.mask = try SparseFamilies.pruningTargets(width: width,
                                                      baseWidth: Paper2Family.baseWidth)
        spec.derivation = Derivation(kind: "magnitude-pruning", source: key,
                                     version: Self.pruningVersion)
        return spec
    }

    /// Hidden units per layer and hidden layers.
    public var width: Int { layers.count > 2 ? layers[1] : 0 }
    public var depth: Int { max(0, layers.count - 2) }
    public var isPruned: Bool { derivation != nil }

    /// Weights each layer can hold (all of them for a dense net).
    public var keptPerLayer: [Int] {
        mask ?? zip(layers, layers.dropFirst()).map { $0 * $1 }
    }

    public var keepFraction: Double {
        let total = zip(layers, layers.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 }
        return Double(keptPerLayer.reduce(0, +)) / Double(total)
    }
}
