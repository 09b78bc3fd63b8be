import ReproSupport

/// A binary task built from MNIST's training split exactly as paper 1's code builds it:
/// keep two digits, balance them by drawing (without replacement) as many of each as the smaller
/// class has, shuffle, then split 80/20 stratified by class. Lower digit → label 0.
public struct BinaryTask: Sendable {
    public let pair: DigitPair
    public let seed: Int
    public let train: LabeledImages
    public let heldOut: LabeledImages

    public static let heldOutFraction = 0.2

    public init(mnist: MNIST, pair: DigitPair, seed: Int) throws {
        var rng = RandomStream(seed: seed, "split", pair.slug)
        var low = mnist.trainLabels.indices.filter { mnist.trainLabels[$0] == pair.low }
        var high = mnist.trainLabels.indices.filter { mnist.trainLabels[$0] == pair.high }
        let perClass = min(low.count, high.count)
        guard perClass >= 2 else { throw ReproError("pair \(pair) has too few images (\(perClass) of one digit)") }
        rng.shuffle(&low)
        rng.shuffle(&high)
        var chosen = Array(low.prefix(perClass)) + Array(high.prefix(perClass))
        rng.shuffle(&chosen)

        let testCounts = Self.stratifiedTestCounts(classSizes: [perClass, perClass], fraction: Self.heldOutFraction)
        var taken = [0, 0]
        var trainIndices: [Int] = [], testIndices: [Int] = []
        for index in chosen {
            let cls = mnist.trainLabels[index] == pair.low ? 0 : 1
            if taken[cls] < testCounts[cls] {
                taken[cls] += 1
                testIndices.append(index)
            } else {
                trainIndices.append(index)
            }
        }
        self.pair = pair
        self.seed = seed
        self.train = Self.subset(mnist, trainIndices, pair)
        self.heldOut = Self.subset(mnist, testIndices, pair)
    }

    /// A task from a split made elsewhere (e.g. replayed from the published code's own draws):
    /// indices into the MNIST training split, in the order the split lists them.
    public init(mnist: MNIST, pair: DigitPair, seed: Int, trainIndices: [Int],
                heldOutIndices: [Int]) {
        self.pair = pair
        self.seed = seed
        self.train = Self.subset(mnist, trainIndices, pair)
        self.heldOut = Self.subset(mnist, heldOutIndices, pair)
    }

    /// How many of each class go to the held-out part: `ceil(fraction · total)` in all, shared in
    /// proportion to class sizes, the remainder going to the largest fractional shares (ties: lower class first).
    public static func stratifiedTestCounts(classSizes: [Int], fraction: Double) -> [Int] {
        let total = classSizes.reduce(0, +)
        let testTotal = Int((fraction * Double(total)).rounded(.up))
        let exact = classSizes.map { Double(testTotal) * Double($0) / Double(total) }
        var counts = exact.map { Int($0.rounded(.down)) }
        let order = exact.indices.sorted { (exact[$0] - Double(counts[$0]), -$0) > (exact[$1] - Double(counts[$1]), -$1) }
        for k in 0..<(testTotal - counts.reduce(0, +)) { counts[order[k % order.count]] += 1 }
        return counts
    }

    private static func subset(_ mnist: MNIST, _ indices: [Int], _ pair: DigitPair) -> LabeledImages {
        let d = mnist.pixelsPerImage
        var pixels = [UInt8](); pixels.reserveCapacity(indices.count * d)
        for i in indices { pixels.append(contentsOf: mnist.trainImages[(i * d)..<((i + 1) * d)]) }
        let digits = indices.map { mnist.trainLabels[$0] }
        return LabeledImages(pixels: pixels, labels: digits.map { Int($0) == pair.high ? 1 : 0 },
                             digits: digits, sourceIndices: indices, pixelsPerImage: d)
    }
}
