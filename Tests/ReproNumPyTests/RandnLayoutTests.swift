import XCTest
import ReproNumPy

/// `randn_784x2_seed0` (§1.7): row-major layout of `randn(784, 2)` then `randn(2, 1)`, the sums,
/// the `× 0.1` scaling and the state afterwards.
final class RandnLayoutTests: XCTestCase {
    let fixture = Fixtures.root["randn_784x2_seed0"]

    func testRowMajorLayoutAndFollowingCall() {
        var state = RandomState(seed: 0)
        let a = state.randn(rows: 784, columns: 2)
        let b = state.randn(rows: 2, columns: 1)
        for (row, key) in [(0, "a_row0"), (1, "a_row1"), (783, "a_row783")] {
            for column in 0..<2 {
                assertBitEqual(a[row * 2 + column], fixture[key][column].bitsDouble,
                               "a[\(row), \(column)]")
            }
        }
        for row in 0..<2 { assertBitEqual(b[row], fixture["b_col0"][row].bitsDouble, "b[\(row)]") }
        for column in 0..<2 {
            assertBitEqual(a[column] * 0.1, fixture["w1_row0_times_0.1"][column].bitsDouble)
        }
        XCTAssertEqual(state.bitGenerator.position, fixture["state_after"]["pos"].int)
        XCTAssertEqual(state.hasGauss, fixture["state_after"]["has_gauss"].int != 0)
        XCTAssertEqual(state.gauss, fixture["state_after"]["cached_gauss"].reprDouble)
    }

    /// The three sums pin every one of the 1 568 values at once (not bit by bit, but any
    /// wrong value would almost surely move them).
    func testSums() {
        var state = RandomState(seed: 0)
        let a = state.randn(rows: 784, columns: 2)
        assertBitEqual(a.reduce(0, +), fixture["sequential_sum_a_C_order"].reprDouble,
                       "left-to-right sum")
        assertBitEqual(numpyPairwiseSum(a[...]), fixture["np_sum_a"].bitsDouble, "np.sum")
        assertBitEqual(exactlyRoundedSum(a), fixture["exact_fsum_a"].reprDouble, "math.fsum")
    }
}

/// numpy's pairwise summation (`pairwise_sum` in `loops_utils.h`): below 8 elements a plain
/// loop; up to 128, eight interleaved accumulators combined as ((0+1)+(2+3))+((4+5)+(6+7)) plus
/// the tail; above, split at half rounded down to a multiple of 8 and recurse.
func numpyPairwiseSum(_ values: ArraySlice<Double>) -> Double {
    let n = values.count, start = values.startIndex
    if n < 8 {
        return values.reduce(0.0) { $0 + $1 }
    }
    if n <= 128 {
        var r = (0..<8).map { values[start + $0] }
        var i = 8
        while i < n - n % 8 {
            for k in 0..<8 { r[k] += values[start + i + k] }
            i += 8
        }
        var result = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
        while i < n {
            result += values[start + i]
            i += 1
        }
        return result
    }
    var half = n / 2
    half -= half % 8
    return numpyPairwiseSum(values[start..<(start + half)])
        + numpyPairwiseSum(values[(start + half)...])
}

/// The correctly rounded sum (Python's `math.fsum`), by Shewchuk's exact partials.
func exactlyRoundedSum(_ values: [Double]) -> Double {
    var partials = [Double]()
    for value in values {
        var x = value
        var kept = [Double]()
        for y in partials {
            let (big, small) = abs(x) < abs(y) ? (y, x) : (x, y)
            let high = big + small
            let low = small - (high - big)
            if low != 0 { kept.append(low) }
            x = high
        }
        kept.append(x)
        partials = kept
    }
    // Add the partials from the largest down, with Python's half-way correction.
    var total = 0.0
    var i = partials.count - 1
    var low = 0.0
    if i >= 0 {
        total = partials[i]
        while i > 0 {
            i -= 1
            let x = total, y = partials[i]
            total = x + y
            low = y - (total - x)
            if low != 0 { break }
        }
        if i > 0, (low < 0 && partials[i - 1] < 0) || (low > 0 && partials[i - 1] > 0) {
            let y = low * 2
            let x = total + y
            if y == x - total { total = x }
        }
    }
    return total
}
