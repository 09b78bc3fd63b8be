/// The shape of one layer and how many of its weights are kept.
public struct SparseLayerShape: Equatable, Sendable, CustomStringConvertible {
    public let fanIn: Int
    public let fanOut: Int
    public let kept: Int

    public init(fanIn: Int, fanOut: Int, kept: Int) throws {
        try Check.positive(fanIn, "fan-in")
        try Check.positive(fanOut, "width")
        guard kept >= 0, kept <= fanIn * fanOut else {
            throw SparseError(
                "cannot keep \(kept) weights in a \(fanIn)×\(fanOut) layer "
                    + "(at most \(fanIn * fanOut))")
        }
        self.fanIn = fanIn
        self.fanOut = fanOut
        self.kept = kept
    }

    /// The kept fraction k / (fanIn · fanOut).
    public var keep: Double { Double(kept) / Double(fanIn * fanOut) }

    public var description: String { "\(fanIn)→\(fanOut) keeps \(kept)" }
}

/// Non-zero counts per layer for the three families of paper 2 (protocol part A), for MNIST's
/// 784 inputs and 10 classes unless told otherwise (CIFAR: 3,072 inputs).
public enum SparseFamilies {
    public static let inputSize = 784
    public static let classes = 10

    /// One hidden layer of `width` units; every layer keeps the fraction baseWidth / width, so
    /// the layers keep 784 · baseWidth and 10 · baseWidth weights (100,352 and 1,280 for the
    /// base 128) at every width, exactly the dense 784-128-10 count.
    public static func width(_ width: Int, baseWidth: Int = 128, inputSize: Int = SparseFamilies.inputSize,
                             classes: Int = SparseFamilies.classes) throws -> [SparseLayerShape] {
        try Check.positive(width, "width")
        try Check.positive(baseWidth, "base width")
        guard width >= baseWidth else {
            throw SparseError("width \(width) is below the base width \(baseWidth)")
        }
        return [
            try SparseLayerShape(fanIn: inputSize, fanOut: width, kept: inputSize * baseWidth),
            try SparseLayerShape(fanIn: width, fanOut: classes, kept: classes * baseWidth),
        ]
    }

    /// `hiddenLayers` hidden layers of `width` units; every layer keeps the same fraction
    /// T / N of its weights, where T is the weight count of the dense one-hidden-layer net of that
    /// width (406,528 at 512) and N the total weight count. The per-layer counts T · n_l / N are
    /// rounded by largest remainder: each layer gets the floor, and the few weights left over go
    /// one each to the layers with the largest fractional parts (earlier layer first on a tie), so
    /// the total is exactly T and no layer is off its share by a whole weight.
    public static func depth(hiddenLayers: Int, width: Int = 512, inputSize: Int = SparseFamilies.inputSize,
                             classes: Int = SparseFamilies.classes) throws -> [SparseLayerShape] {
        try Check.positive(hiddenLayers, "depth")
        try Check.positive(width, "width")
        var sizes = [(inputSize, width)]
        for _ in 1..<hiddenLayers { sizes.append((width, width)) }
        sizes.append((width, classes))
        let target = inputSize * width + width * classes
        let total = sizes.reduce(0) { $0 + $1.0 * $1.1 }
        var kept = sizes.map { target * $0.0 * $0.1 / total }
        let remainders = sizes.map { target * $0.0 * $0.1 % total }
        let leftOver = target - kept.reduce(0, +)
        let order = remainders.indices.sorted {
            remainders[$0] != remainders[$1]
                ? remainders[$0] > remainders[$1] : $0 < $1
        }
        for l in order.prefix(leftOver) { kept[l] += 1 }
        return try zip(sizes, kept).map {
            try SparseLayerShape(fanIn: $0.0.0, fanOut: $0.0.1, kept: $0.1)
        }
    }

    /// Fully dense layers for the given hidden widths (784 → hidden… → 10).
    public static func dense(hidden: [Int], inputSize: Int = SparseFamilies.inputSize,
                             classes: Int = SparseFamilies.classes) throws -> [SparseLayerShape] {
        guard !hidden.isEmpty else { throw SparseError("depth must be positive, got 0") }
        let units = [inputSize] + hidden + [classes]
        return try (0..<(units.count - 1)).map {
            try SparseLayerShape(
                fanIn: units[$0], fanOut: units[$0 + 1], kept: units[$0] * units[$0 + 1])
        }
    }

    /// How many weights per layer one-shot magnitude pruning keeps for the pruned family: the
    /// dense net of `width` pruned to the width family's counts (fraction baseWidth / width).
    public static func pruningTargets(width: Int, baseWidth: Int = 128, inputSize: Int = SparseFamilies.inputSize,
                                      classes: Int = SparseFamilies.classes) throws -> [Int] {
        try self.width(width, baseWidth: baseWidth, inputSize: inputSize, classes: classes)
            .map(\.kept)
    }
}
