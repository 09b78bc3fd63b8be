import ReproData
import ReproNumPy
import ReproSupport

extension BinaryTask {
    /// The published `helper.split_by_labels([low, high], seed=seed)`, replayed bit for bit on
    /// the MNIST training labels in file order: `default_rng(seed)` balances and shuffles,
    /// `train_test_split(stratify=…, random_state=seed)` splits. Rows keep scikit-learn's order.
    public static func replayed(mnist: MNIST, pair: DigitPair, seed: Int) throws -> BinaryTask {
        let seed32 = try numpySeed(seed)
        let split: TrainTestIndices
        do {
            split = try splitByLabels(labels: mnist.trainLabels,
                                      classes: [UInt8(pair.low), UInt8(pair.high)], seed: seed32)
        } catch {
            throw ReproError("cannot replay the split of pair \(pair) (\(error)); "
                             + "it needs at least two images of each digit")
        }
        return BinaryTask(mnist: mnist, pair: pair, seed: seed, trainIndices: split.train,
                          heldOutIndices: split.test)
    }

    /// The tool's own split, or (`replay`) the published code's.
    public static func make(mnist: MNIST, pair: DigitPair, seed: Int,
                            replay: Bool) throws -> BinaryTask {
        replay ? try replayed(mnist: mnist, pair: pair, seed: seed)
            : try BinaryTask(mnist: mnist, pair: pair, seed: seed)
    }
}
