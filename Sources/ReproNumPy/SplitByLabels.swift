/// Why `splitByLabels` cannot proceed.
public enum SplitByLabelsError: Error, Equatable, Sendable {
    /// Fewer than two classes were requested, or a class was listed twice.
    case needDistinctClasses
    /// The stratified split refused the balanced subset.
    case split(StratifiedSplitError)
}

/// The published `helper.split_by_labels(classes, seed=seed)` end to end, as indices (§7):
/// keep the samples whose label is one of `classes`, balance them by drawing `m` of each class
/// with `default_rng(seed)`, shuffle them with the same generator, then split with
/// `train_test_split(test_size: testFraction, stratify: labels, random_state: seed)`.
///
/// - Parameters:
///   - labels: every sample's label in file order (for paper 1, the 60 000 MNIST training labels).
///   - classes: the classes in the order the caller lists them (`helper.pairs`' order, e.g.
///     `[4, 9]`); that order decides which class is balanced first and so the draws.
///   - seed: used for both `default_rng(seed)` and sklearn's `random_state`.
/// - Returns: indices into `labels`: `train[t]` is the sample behind `x_train[t]`, `test[t]` the
///   one behind `x_test[t]`; their labels are `labels[train[t]]` and `labels[test[t]]`.
///
/// Inlinable so that only the label comparisons are specialised for the caller's label type:
/// labels become class ranks here, and the rest is not generic.
@inlinable
public func splitByLabels<Label: Comparable>(
    labels: [Label], classes: [Label], seed: UInt32, testFraction: Double = 0.2
) throws -> TrainTestIndices {
    let ascending = classes.sorted()
    guard ascending.count >= 2, zip(ascending, ascending.dropFirst()).allSatisfy({ $0 < $1 })
    else { throw SplitByLabelsError.needDistinctClasses }
    // Rank in ascending class order (what sklearn's `np.unique` sorts by); -1 for other labels.
    let ranks = labels.map { label in ascending.firstIndex(of: label) ?? -1 }
    let order = classes.map { ascending.firstIndex(of: $0) ?? -1 }
    return try splitByLabels(classRanks: ranks, classOrder: order, seed: seed,
                             testFraction: testFraction)
}

/// `splitByLabels` on class ranks: `classRanks[i]` is sample `i`'s class as its rank in
/// ascending class order, or -1 for a sample of another class; `classOrder` lists the ranks in
/// the caller's class order.
@usableFromInline
func splitByLabels(
    classRanks: [Int], classOrder: [Int], seed: UInt32, testFraction: Double
) throws -> TrainTestIndices {
    let balanced = BalancedSubset(classRanks: classRanks, classOrder: classOrder, seed: seed)
    let samples = balanced.sampleIndices
    var classIndices = [[Int]](repeating: [], count: classOrder.count)
    for (position, sample) in samples.enumerated() {
        classIndices[classRanks[sample]].append(position)
    }
    let split: TrainTestIndices
    do {
        split = try stratifiedTrainTestSplit(classIndices: classIndices,
                                             testFraction: testFraction, randomState: seed)
    } catch let error as StratifiedSplitError {
        throw SplitByLabelsError.split(error)
    }
    return TrainTestIndices(train: split.train.map { samples[$0] },
                            test: split.test.map { samples[$0] })
}

/// Steps 1–6 of §7, with the intermediate values kept so tests can follow the trace (§7.2).
struct BalancedSubset {
    /// `F`: indices of the samples of the requested classes, in file order (`np.isin` keeps it).
    var filtered: [Int]
    /// `Sel`: positions within `F` chosen per class, concatenated in the caller's class order.
    var selected: [Int]
    /// `π`: the permutation of `Sel` (`Generator.permutation(2m)`).
    var order: [Int]

    /// Sample indices in shuffled order: `F[Sel[π[q]]]`.
    var sampleIndices: [Int] { order.map { filtered[selected[$0]] } }

    /// For each class in the caller's order, `choice(P_c, m, replace=False)` picks `m` (the
    /// smallest class size) positions within `F`; the concatenation is then reordered by
    /// `permutation(2m)`. All from one `Generator` whose 32-bit buffer carries over between the
    /// calls (§3.6).
    init(classRanks: [Int], classOrder: [Int], seed: UInt32) {
        let filtered = classRanks.indices.filter { classRanks[$0] >= 0 }
        var positionsByRank = [[Int]](repeating: [], count: classOrder.count)
        for (position, sample) in filtered.enumerated() {
            positionsByRank[classRanks[sample]].append(position)
        }
        let minCount = positionsByRank.map(\.count).min() ?? 0

        var rng = Generator(seed: UInt64(seed))
        var selected = [Int]()
        selected.reserveCapacity(minCount * classOrder.count)
        for rank in classOrder {
            selected += rng.choiceWithoutReplacement(from: positionsByRank[rank], size: minCount)
        }
        self.filtered = filtered
        self.selected = selected
        order = rng.permutation(selected.count)
    }
}
