import ReproNN

/// The leading principal axes of a small data matrix (few dimensions), by power iteration with
/// deflation on the covariance matrix. Each axis is signed so that its largest component is
/// positive.
public struct PrincipalComponents {
    public let mean: [Double]
    /// `keep` unit vectors of length `dimensions`.
    public let axes: [[Double]]

    public init(_ x: [Double], count n: Int, dimensions d: Int, keep: Int) {
        var mean = [Double](repeating: 0, count: d)
        for i in 0..<n { for k in 0..<d { mean[k] += x[i * d + k] } }
        mean = mean.map { $0 / Double(n) }
        let centered = (0..<(n * d)).map { x[$0] - mean[$0 % d] }
        var covariance = [Double](repeating: 0, count: d * d)
        Double.gemm(transA: true, transB: false, m: d, n: d, k: n, alpha: 1 / Double(n),
                    a: centered, lda: d,
                    b: centered, ldb: d, beta: 0, c: &covariance, ldc: d)
        var axes: [[Double]] = []
        for component in 0..<min(keep, d) {
            var v = (0..<d).map { 1 + 0.01 * Double(($0 * 7 + component * 3) % 11) }
            for _ in 0..<1000 {
                var next = (0..<d).map {
                    r in (0..<d).reduce(0) { $0 + covariance[r * d + $1] * v[$1] }
                }
                for axis in axes {   // deflate: stay orthogonal to the axes found so far
                    let dot = zip(next, axis).reduce(0) { $0 + $1.0 * $1.1 }
                    next = zip(next, axis).map { $0 - dot * $1 }
                }
                let norm = next.reduce(0) { $0 + $1 * $1 }.squareRoot()
                guard norm > 0 else { break }
                next = next.map { $0 / norm }
                let change = zip(next, v).reduce(0) { max($0, abs($1.0 - $1.1)) }
                v = next
                if change < 1e-12 { break }
            }
            if let largest = v.indices.max(by: { abs(v[$0]) < abs(v[$1]) }), v[largest] < 0 {
                v = v.map { -$0 }
            }
            axes.append(v)
        }
        self.mean = mean
        self.axes = axes
    }

    /// Coordinates of each row of x on the axes (row-major n × keep).
    public func project(_ x: [Double], count n: Int) -> [Double] {
        let d = mean.count
        return (0..<n).flatMap { i in
            axes.map { axis in (0..<d).reduce(0) { $0 + (x[i * d + $1] - mean[$1]) * axis[$1] } }
        }
    }
}
