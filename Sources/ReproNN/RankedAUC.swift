/// ROC-AUC by radix sort: the same number, bit for bit, as sorting the two classes' scores and
/// merging them (`BinaryMetrics.rocAUC`'s definition), at a fraction of the cost, and with no
/// allocation when the caller lends the scratch (the trainer scores every model every epoch).
///
/// Each score becomes a 64-bit key whose unsigned order is the scores' order (−0 and +0 share a
/// key, so ties are exactly the scores' equalities); the keys of each class are sorted by an LSD
/// radix sort on bytes, skipping the bytes every key shares; the merge counts, for each positive,
/// the negatives strictly below it and those equal to it. The count is kept as an integer, twice
/// the Mann–Whitney statistic, so the result does not depend on summation order: the sum of
/// halves the definition adds is exact in Double (every partial sum is a multiple of ½ below
/// 2⁵²), hence equal to this integer over two.
enum RankedAUC {
    /// Scratch `auc(scores:labels:scratch:)` needs for `count` scores: the keys, as many again
    /// for the sort, and the sort's byte histograms.
    static func scratchCount(_ count: Int) -> Int { 2 * count + histogramCount }

    private static let histogramCount = 8 * 256

    /// ROC-AUC of `scores` against `labels` (1 positive, anything else negative); NaN when a
    /// score is NaN, 0 when a class is missing. `scratch` holds at least `scratchCount` values.
    static func auc(scores: UnsafeBufferPointer<Double>, labels: UnsafeBufferPointer<UInt8>,
                    scratch: UnsafeMutableBufferPointer<UInt64>) -> Double {
        let n = scores.count
        precondition(labels.count == n && scratch.count >= scratchCount(n))
        guard n > 0 else { return 0 }
        let keys = scratch.baseAddress!, spare = keys + n, histogram = spare + n
        // Positives fill keys from the front, negatives from the back.
        var positives = 0, negatives = 0
        for i in 0..<n {
            let s = scores[i]
            if s.isNaN { return .nan }
            if labels[i] == 1 {
                keys[positives] = key(s); positives += 1
            } else {
                negatives += 1; keys[n - negatives] = key(s)
            }
        }
        guard positives > 0, negatives > 0 else { return 0 }
        sort(keys, count: positives, spare: spare, histogram: histogram)
        sort(keys + positives, count: negatives, spare: spare, histogram: histogram)
        let neg = keys + positives
        var below = 0, notAbove = 0, twiceWins = 0
        for k in 0..<positives {
            let score = keys[k]
            while below < negatives && neg[below] < score { below += 1 }
            if notAbove < below { notAbove = below }
            while notAbove < negatives && neg[notAbove] <= score { notAbove += 1 }
            twiceWins += 2 * below + (notAbove - below)
        }
        return Double(twiceWins) / 2 / (Double(positives) * Double(negatives))
    }

    /// A key whose unsigned order is the order of non-NaN doubles, equal keys for equal values.
    @inline(__always)
    static func key(_ x: Double) -> UInt64 {
        let bits = (x == 0 ? 0 : x).bitPattern
        return bits >> 63 == 1 ? ~bits : bits | (1 << 63)
    }

    /// Sorts `count` keys ascending in place (LSD radix on bytes); `spare` holds as many keys,
    /// `histogram` 8 × 256 counts.
    static func sort(_ keys: UnsafeMutablePointer<UInt64>, count: Int,
                     spare: UnsafeMutablePointer<UInt64>,
                     histogram h: UnsafeMutablePointer<UInt64>) {
        guard count > 1 else { return }
        h.update(repeating: 0, count: histogramCount)
        for i in 0..<count {
            let k = keys[i]
            for byte in 0..<8 { h[byte &* 256 &+ Int((k &>> (8 &* byte)) & 0xff)] &+= 1 }
        }
        var from = keys, to = spare
        for byte in 0..<8 {
            let counts = h + byte * 256
            // A byte every key shares leaves the order as it is.
            if counts[Int((from[0] &>> (8 &* byte)) & 0xff)] == count { continue }
            var start: UInt64 = 0
            for digit in 0..<256 { let c = counts[digit]; counts[digit] = start; start &+= c }
            for i in 0..<count {
                let k = from[i], digit = Int((k &>> (8 &* byte)) & 0xff)
                to[Int(counts[digit])] = k
                counts[digit] &+= 1
            }
            swap(&from, &to)
        }
        if from != keys { keys.update(from: from, count: count) }
    }
}
