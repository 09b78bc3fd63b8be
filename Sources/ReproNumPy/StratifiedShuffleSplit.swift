/// Why scikit-learn would refuse a stratified split (each case is a `ValueError` there).
public enum StratifiedSplitError: Error, Equatable, Sendable {
    /// `test_size` as a fraction must lie in the open interval (0, 1).
    case testFractionOutOfRange(Double)
    /// The requested sizes are empty or add up to more than the number of samples.
    case invalidSizes(train: Int, test: Int, samples: Int)
    /// Some class has fewer than 2 members.
    case classTooSmall
    /// `n_train` or `n_test` is smaller than the number of classes.
    case fewerSamplesThanClasses(train: Int, test: Int, classes: Int)
}

/// scikit-learn's `StratifiedShuffleSplit(test_size=n_test, train_size=n_train,
/// random_state=seed)`, first split only: what `train_test_split(..., stratify=y)` computes
/// (§6.2–§6.7).
///
/// The random stream is a fresh `RandomState(seed)` (§6.4): class shares by
/// `_approximate_mode` for train, then for test out of what is left (§6.5), a permutation of
/// each class in ascending class order (§6.6), then one permutation of all train and one of all
/// test indices (§6.7). (Inlinable so that grouping by label is specialised for the caller's
/// label type; the rest is not generic.)
@inlinable
public func stratifiedShuffleSplit<Label: Comparable>(
    labels: [Label], trainCount: Int, testCount: Int, randomState seed: UInt32
) throws -> TrainTestIndices {
    try stratifiedShuffleSplit(classIndices: indicesByClass(labels), trainCount: trainCount,
                               testCount: testCount, randomState: seed)
}

/// `train_test_split(X, y, test_size=fraction, stratify=y, random_state=seed)` (§6.1–§6.2),
/// returning the row indices behind `X_train` and `X_test`.
///
/// `n_test = ceil(fraction × n)` with the IEEE product (0.2 × 12 = 2.4000000000000004 → 3) and
/// `n_train = n − n_test`, as `_validate_shuffle_split` computes them.
@inlinable
public func stratifiedTrainTestSplit<Label: Comparable>(
    labels: [Label], testFraction: Double = 0.2, randomState seed: UInt32
) throws -> TrainTestIndices {
    try stratifiedTrainTestSplit(classIndices: indicesByClass(labels), testFraction: testFraction,
                                 randomState: seed)
}

/// `stratifiedTrainTestSplit` on samples already grouped by class (see `indicesByClass`).
@usableFromInline
func stratifiedTrainTestSplit(
    classIndices: [[Int]], testFraction: Double, randomState seed: UInt32
) throws -> TrainTestIndices {
    guard testFraction > 0, testFraction < 1 else {
        throw StratifiedSplitError.testFractionOutOfRange(testFraction)
    }
    let samples = classIndices.reduce(0) { $0 + $1.count }
    let testCount = Int((testFraction * Double(samples)).rounded(.up))
    return try stratifiedShuffleSplit(classIndices: classIndices, trainCount: samples - testCount,
                                      testCount: testCount, randomState: seed)
}

/// The split itself (§6.3–§6.7), on `classIndices[k]`: the ascending sample positions of the
/// k-th class in ascending class order.
@usableFromInline
func stratifiedShuffleSplit(
    classIndices: [[Int]], trainCount: Int, testCount: Int, randomState seed: UInt32
) throws -> TrainTestIndices {
    let classCounts = classIndices.map(\.count)
    let samples = classCounts.reduce(0, +)
    guard trainCount > 0, testCount > 0, trainCount + testCount <= samples else {
        throw StratifiedSplitError.invalidSizes(train: trainCount, test: testCount,
                                                samples: samples)
    }
    guard classCounts.allSatisfy({ $0 >= 2 }) else { throw StratifiedSplitError.classTooSmall }
    guard trainCount >= classCounts.count, testCount >= classCounts.count else {
        throw StratifiedSplitError.fewerSamplesThanClasses(
            train: trainCount, test: testCount, classes: classCounts.count)
    }

    var rng = RandomState(seed: seed)
    let trainShares = approximateMode(classCounts: classCounts, draws: trainCount, rng: &rng)
    let remaining = zip(classCounts, trainShares).map { $0 - $1 }
    let testShares = approximateMode(classCounts: remaining, draws: testCount, rng: &rng)

    var train = [Int](), test = [Int]()
    train.reserveCapacity(trainCount)
    test.reserveCapacity(testCount)
    for (k, members) in classIndices.enumerated() {
        let shuffled = rng.permutation(members.count).map { members[$0] }
        train += shuffled[0..<trainShares[k]]
        test += shuffled[trainShares[k]..<(trainShares[k] + testShares[k])]
    }
    return TrainTestIndices(train: rng.permutation(of: train), test: rng.permutation(of: test))
}
