/// scikit-learn's `_approximate_mode(class_counts, n_draws, rng)` (`utils/extmath.py`, §6.5):
/// how many of `draws` samples each class gets, proportionally, with ties broken at random.
///
/// 1. `continuous[k] = counts[k] / Σcounts × draws` (IEEE: divide, then multiply);
/// 2. floor each; the shortfall `draws − Σ floor` is handed out by descending remainder;
/// 3. among classes with **exactly** the same remainder, `rng.choice(inds, add, replace=False)`
///    decides, which permutes all tied classes (§2.4) even when all of them are chosen.
/// Draws therefore happen only on ties of two or more classes.
func approximateMode(classCounts: [Int], draws: Int, rng: inout RandomState) -> [Int] {
    let total = Double(classCounts.reduce(0, +))
    let continuous = classCounts.map { Double($0) / total * Double(draws) }
    var floored = continuous.map { $0.rounded(.down) }
    // Sums of integral doubles far below 2^53 are exact in any order, so numpy's pairwise
    // summation gives the same total as this loop.
    var needToAdd = Int(Double(draws) - floored.reduce(0, +))
    if needToAdd > 0 {
        let remainders = zip(continuous, floored).map { $0 - $1 }
        let distinctDescending = Set(remainders).sorted(by: >)
        for value in distinctDescending {
            let tied = remainders.indices.filter { remainders[$0] == value }
            let addNow = min(tied.count, needToAdd)
            for k in rng.choiceWithoutReplacement(from: tied, size: addNow) {
                floored[k] += 1
            }
            needToAdd -= addNow
            if needToAdd == 0 { break }
        }
    }
    return floored.map { Int($0) }
}
