import ReproNetwork

/// About how long the conv engine takes per image, from an architecture's shapes and which of
/// its kernels runs each layer: a conv layer keeping at least `sparseBelow` of its weights runs
/// dense on oneDNN (every weight costs, masked or not), a sparser one on our sparse kernels (only
/// kept weights cost, at a lower rate), and every activation costs its memory-bound layers (batch
/// norm, ReLU, pools, adds). The three rates are fitted to `repro bench --conv` on this project's
/// 2-core machine (one thread, batch 128, VGG11 and ResNet18 at widths 16–128: every one within 10 %), so
/// the model orders work longest first and sizes cluster requests; it is not a measurement.
public struct ConvCostModel: Sendable, Equatable {
    /// What the estimate counts for one image's forward pass.
    public struct Work: Sendable, Equatable {
        /// Multiply-adds of the layers run dense (all their weights).
        public var dense: Double
        /// Multiply-adds of the layers run on the sparse kernels (kept weights only).
        public var sparse: Double
        /// Floats of every node's output.
        public var activations: Double
    }

    /// Seconds per dense multiply-add, per sparse (kept) multiply-add and per activation float
    /// of one training image (forward and both backward passes).
    public var denseSeconds = 1.0 / 45.6e9
    public var sparseSeconds = 1.0 / 5.9e9
    public var activationSeconds = 1.46e-9
    /// An inference pass (every weight-noise and MNIST-C image) against a training image, and an
    /// attack's gradient pass (forward and input gradient, batch ≤ 100) against one: measured
    /// per network in the default profile's evaluations, 0.40–0.50 and 0.75–0.85.
    public var inferenceShare = 0.45
    public var gradientShare = 0.8

    public init() {}

    /// The work of one image's forward pass with `kept[l]` of weight layer l's weights.
    public static func work(_ architecture: Architecture, kept: [Int],
                            sparseBelow: Double = ConvNetwork.defaultSparseBelow) throws -> Work {
        let shapes = try architecture.outputShapes()
        let layers = try architecture.weightLayers()
        var work = Work(dense: 0, sparse: 0,
                        activations: Double(shapes.reduce(0) { $0 + $1.reduce(1, *) }))
        for (l, layer) in layers.enumerated() {
            let out = shapes[layer.node]
            let positions = Double(out.count == 3 ? out[1] * out[2] : 1)
            let keptHere = l < kept.count ? kept[l] : layer.count
            let isConv = layer.shape.count == 4
            if isConv && Double(keptHere) < sparseBelow * Double(layer.count) {
                work.sparse += positions * Double(keptHere)
            } else {
                work.dense += positions * Double(layer.count)
            }
        }
        return work
    }

    /// Seconds to train on one image (one image's share of a mini-batch step).
    public func trainingSeconds(_ work: Work) -> Double {
        work.dense * denseSeconds + work.sparse * sparseSeconds + work.activations * activationSeconds
    }

    /// Seconds of one inference pass of one image.
    public func inferenceSeconds(_ work: Work) -> Double { inferenceShare * trainingSeconds(work) }

    /// Seconds of one gradient pass of one image with respect to its pixels (an attack's step).
    public func gradientSeconds(_ work: Work) -> Double { gradientShare * trainingSeconds(work) }
}
