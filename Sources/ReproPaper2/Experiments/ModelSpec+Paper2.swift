import ReproExperiments
import ReproConv
import ReproNN
import ReproSparse
import ReproSupport

/// Paper 2's networks as generic specs: 10 classes, ReLU layers, softmax cross-entropy, a
/// static mask per layer (kept counts), U(±1/√(fan_in·keep)) initialisation, SGD with momentum
/// and the stopping rule.
extension ModelSpec {
    /// Sets the sparse trainer at the version that matches the kernels the layers run on with
    /// their mask (see ``SparseKernelChoice/trainerVersion(keeps:)``).
    mutating func chooseSparseTrainer() {
        let keeps = zip(keptPerLayer, layerSizes).map { Double($0) / Double($1) }
        trainer = TrainerVersion(kind: "sparse-sgd", version: SparseKernelChoice.trainerVersion(keeps: keeps))
    }
    public static let pruningVersion = 1

    static func paper2(family: Paper2Family, width: Int, depth: Int, seed: Int, plan: Paper2Plan,
                       data: String) throws -> ModelSpec {
        if family.isConvolutional {
            return try paper2Conv(family: family, width: width, depth: depth, seed: seed,
                                  plan: plan, data: data)
        }
        let input = Paper2Input(plan.dataset)
        let shapes = try plan.variant?.shapes(width: width)
            ?? family.shapes(width: width, depth: depth, input: input)
        let dense = shapes.allSatisfy { $0.kept == $0.fanIn * $0.fanOut }
        var spec = ModelSpec(task: input.task, layers: [shapes[0].fanIn] + shapes.map(\.fanOut),
                         loss: .softmaxCrossEntropy, mask: dense ? nil : shapes.map(\.kept),
                         initialization: Initialization(kind: "uniform-fan-in"),
                         optimizer: OptimizerSpec(kind: "sgd-momentum",
                                                  learningRate: plan.learningRate,
                                                  epochs: plan.maxEpochs, momentum: 0.9,
                                                  batchSize: plan.batchSize, stopLoss: 0.01),
                         seed: seed, precision: .float32, data: data,
                         trainer: TrainerVersion(kind: "sparse-sgd", version: 1))
        plan.variant?.apply(to: &spec)
        spec.chooseSparseTrainer()
        return spec
    }

    /// This dense net pruned by magnitude, per layer, to the width family's counts (an MLP's;
    /// a CNN's under the uniform rule at the width-16 net's count).
    func pruned(width: Int) throws -> ModelSpec {
        var spec = self
        if let architecture {
            let base = try input.architecture(architecture.name, width: Paper2Family.convBaseWidth)
            spec.mask = try MaskRule.uniform.keptCounts(sizes: layerSizes,
                                                        budget: try base.capacity())
        } else {
            spec.mask = try SparseFamilies.pruningTargets(width: width,
                                                          baseWidth: Paper2Family.baseWidth,
                                                          inputSize: input.pixels,
                                                          classes: input.classes)
            spec.chooseSparseTrainer()
        }
        spec.derivation = Derivation(kind: "magnitude-pruning", source: key,
                                     version: Self.pruningVersion)
        return spec
    }

    /// Hidden units per layer and hidden layers; a CNN's base width (its first convolution's
    /// channels) and depth 1, as the width families have.
    public var width: Int {
        if let architecture { return architecture.width }
        return layers.count > 2 ? layers[1] : 0
    }
    public var depth: Int {
        if let architecture { return ConvArchitectures.depth(architecture.name) ?? 1 }
        return max(0, layers.count - 2)
    }
    public var isPruned: Bool { derivation != nil }

    /// Positions of each weight layer (conv and dense), masked or not.
    public var layerSizes: [Int] {
        if let architecture { return (try? architecture.weightLayers().map(\.count)) ?? [] }
        return zip(layers, layers.dropFirst()).map { $0 * $1 }
    }

    /// Weights each layer can hold (all of them for a dense net).
    public var keptPerLayer: [Int] { mask ?? layerSizes }

    public var keepFraction: Double {
        Double(keptPerLayer.reduce(0, +)) / Double(max(1, layerSizes.reduce(0, +)))
    }
}

/// Paper 2's convolutional networks as generic specs (paper2-cnn-protocol part A): the
/// architecture as data, every conv and dense layer keeping the same share of the dense base's
/// weight count (the uniform rule), U(±1/√(fan_in·keep)), SGD with momentum 0.9, batch 128, the
/// cosine schedule over 300 epochs, stop below a mean training cross-entropy of 0.1.
extension ModelSpec {
    public static let convTrainer = TrainerVersion(kind: "conv-sgd", version: 1)
    public static let convStopLoss = 0.1
    public static let convSchedule = "cosine-300"

    /// A family's network at one width and depth. The width families keep the width-16 net's
    /// weight count; the depth families that of their shallowest architecture at the same
    /// width; a pruned family trains the dense net (pruned afterwards, ``pruned(width:)``).
    static func paper2Conv(family: Paper2Family, width: Int, depth: Int, seed: Int,
                           plan: Paper2Plan, data: String) throws -> ModelSpec {
        guard let name = family.architectureName(depth: depth),
              let shallowest = family.architectureName(depth: family.depths[0]) else {
            throw ReproError("\(family.rawValue) is not a convolutional family")
        }
        let input = Paper2Input(plan.dataset)
        let architecture = try input.architecture(name, width: width)
        let sizes = try architecture.weightLayers().map(\.count)
        let budget: Int
        switch family.role {
        case .width:
            budget = try input.architecture(shallowest, width: Paper2Family.convBaseWidth).capacity()
        case .depth: budget = try input.architecture(shallowest, width: width).capacity()
        case .pruned: budget = sizes.reduce(0, +)
        }
        let rule: MaskRule = plan.variant == .waterFilling ? .waterFilling : .uniform
        let kept = try rule.keptCounts(sizes: sizes, budget: budget)
        var task = input.task
        task.trainImages = plan.trainImages
        return ModelSpec(task: task, layers: [], loss: .softmaxCrossEntropy,
                         mask: kept == sizes ? nil : kept,
                         initialization: Initialization(kind: "uniform-fan-in"),
                         optimizer: OptimizerSpec(kind: "sgd-momentum",
                                                  learningRate: plan.learningRate,
                                                  epochs: plan.maxEpochs, momentum: 0.9,
                                                  batchSize: plan.batchSize,
                                                  stopLoss: convStopLoss, schedule: convSchedule),
                         seed: seed, precision: .float32, data: data, trainer: convTrainer,
                         architecture: architecture)
    }
}
