/// NumPy's pairwise summation of a contiguous float64 array (`np.sum`, `ndarray.sum`): under 8
/// values a plain left-to-right loop; up to 128, eight running sums combined as a tree; beyond,
/// split in halves at a multiple of 8. Reproducing the order keeps the Gaussian kernel weights
/// equal to SciPy's to the last bit, which matters where Canny compares magnitudes that tie.
func numpyPairwiseSum(_ values: ArraySlice<Double>) -> Double {
    let n = values.count
    let start = values.startIndex
    if n < 8 {
        var sum = 0.0
        for value in values { sum += value }
        return sum
    }
    if n <= 128 {
        var partial = [Double](values[start..<(start + 8)])
        var i = 8
        while i < n - n % 8 {
            for j in 0..<8 { partial[j] += values[start + i + j] }
            i += 8
        }
        var sum = ((partial[0] + partial[1]) + (partial[2] + partial[3]))
            + ((partial[4] + partial[5]) + (partial[6] + partial[7]))
        while i < n {
            sum += values[start + i]
            i += 1
        }
        return sum
    }
    var half = n / 2
    half -= half % 8
    return numpyPairwiseSum(values[start..<(start + half)])
        + numpyPairwiseSum(values[(start + half)...])
}
