import Dispatch
import Foundation
import ReproNN

/// Exact t-SNE (van der Maaten & Hinton, 2008) with the usual defaults of scikit-learn ≥ 1.2:
/// perplexity 30, early exaggeration 12 for 250 iterations (momentum 0.5, then 0.8), 1000
/// iterations, learning rate max(n / 12 / 4, 50), PCA initialisation scaled to std 1e-4, and
/// delta-bar-delta gains. Deterministic: no random numbers are used.
public struct TSNE: Sendable {
    public var perplexity = 30.0
    public var earlyExaggeration = 12.0
    public var exaggerationIterations = 250
    public var iterations = 1000
    public var learningRate: Double?
    public var klEvery = 50

    public init() {}

    public struct Result: Codable, Equatable, Sendable {
        /// Row-major n × 2.
        public var embedding: [Double]
        /// KL(P‖Q) at `klIterations` (0 = the initial embedding).
        public var kl: [Double]
        public var klIterations: [Int]
        public var finalKL: Double { kl.last ?? .nan }
    }

    public func run(_ x: [Double], count n: Int, dimensions d: Int) -> Result {
        precondition(x.count == n * d && Double(n) > 3 * perplexity, "t-SNE needs more than 3 × perplexity points")
        let p = Self.jointProbabilities(x, count: n, dimensions: d, perplexity: perplexity)
        var y = Self.pcaInitialisation(x, count: n, dimensions: d)
        var yx = (0..<n).map { Float(y[2 * $0]) }, yy = (0..<n).map { Float(y[2 * $0 + 1]) }
        let rate = learningRate ?? max(Double(n) / earlyExaggeration / 4, 50)
        var update = [Double](repeating: 0, count: 2 * n), gains = [Double](repeating: 1, count: 2 * n)
        var kl: [Double] = [Self.klDivergence(p, yx, yy, n)], klIterations = [0]
        for iteration in 1...iterations {
            let early = iteration <= exaggerationIterations
            let gradient = Self.gradient(p, yx, yy, n, exaggeration: early ? earlyExaggeration : 1)
            let momentum = early ? 0.5 : 0.8
            for k in 0..<(2 * n) {
                gains[k] = (gradient[k] > 0) != (update[k] > 0) ? gains[k] + 0.2 : max(gains[k] * 0.8, 0.01)
                update[k] = momentum * update[k] - rate * gains[k] * gradient[k]
            }
            for i in 0..<n { yx[i] += Float(update[2 * i]); yy[i] += Float(update[2 * i + 1]) }
            if iteration % klEvery == 0 || iteration == iterations {
                kl.append(Self.klDivergence(p, yx, yy, n)); klIterations.append(iteration)
            }
        }
        y = (0..<n).flatMap { [Double(yx[$0]), Double(yy[$0])] }
        return Result(embedding: y, kl: kl, klIterations: klIterations)
    }

    // MARK: affinities

    /// Symmetric P: conditional Gaussians calibrated to the perplexity by binary search on the
    /// precision, then (P + Pᵀ) / 2n, floored at machine epsilon. Stored as Float (n × n).
    static func jointProbabilities(_ x: [Double], count n: Int, dimensions d: Int, perplexity: Double) -> [Float] {
        let distances = squaredDistances(x, count: n, dimensions: d)
        var conditional = [Double](repeating: 0, count: n * n)
        let target = log(perplexity)
        conditional.withUnsafeMutableBufferPointer { out in
            DispatchQueue.concurrentPerform(iterations: n) { i in
                let row = Array(distances[(i * n)..<((i + 1) * n)])
                let nearest = (0..<n).lazy.filter { $0 != i }.map { row[$0] }.min() ?? 0
                var beta = 1.0, low = -Double.infinity, high = Double.infinity
                var weights = [Double](repeating: 0, count: n)
                for _ in 0..<200 {
                    var sum = 0.0, weighted = 0.0
                    for j in 0..<n where j != i {
                        let shifted = row[j] - nearest
                        let w = exp(-shifted * beta)
                        weights[j] = w; sum += w; weighted += shifted * w
                    }
                    let entropy = log(sum) + beta * weighted / sum
                    if abs(entropy - target) < 1e-5 { break }
                    if entropy > target {
                        low = beta; beta = high.isInfinite ? beta * 2 : (beta + high) / 2
                    } else {
                        high = beta; beta = low.isInfinite ? beta / 2 : (beta + low) / 2
                    }
                }
                let sum = weights.reduce(0, +)
                for j in 0..<n { out[i * n + j] = j == i ? 0 : weights[j] / sum }
            }
        }
        var joint = [Float](repeating: 0, count: n * n)
        let floor = Double.ulpOfOne
        for i in 0..<n {
            for j in 0..<n { joint[i * n + j] = Float(max((conditional[i * n + j] + conditional[j * n + i]) / Double(2 * n), floor)) }
        }
        return joint
    }

    /// ‖x_i − x_j‖² for all pairs, through one GEMM (x xᵀ).
    static func squaredDistances(_ x: [Double], count n: Int, dimensions d: Int) -> [Double] {
        var gram = [Double](repeating: 0, count: n * n)
        Double.gemm(transA: false, transB: true, m: n, n: n, k: d, alpha: 1, a: x, lda: d, b: x, ldb: d, beta: 0, c: &gram, ldc: n)
        let norms = (0..<n).map { gram[$0 * n + $0] }
        for i in 0..<n { for j in 0..<n { gram[i * n + j] = max(norms[i] + norms[j] - 2 * gram[i * n + j], 0) } }
        return gram
    }

    /// The first two principal components of x, scaled so the first has standard deviation 1e-4.
    static func pcaInitialisation(_ x: [Double], count n: Int, dimensions d: Int) -> [Double] {
        let components = PrincipalComponents(x, count: n, dimensions: d, keep: 2)
        let scores = components.project(x, count: n)
        let first = (0..<n).map { scores[2 * $0] }
        let mean = first.reduce(0, +) / Double(n)
        let std = (first.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n)).squareRoot()
        let scale = std > 0 ? 1e-4 / std : 1
        return scores.map { $0 * scale }
    }

    // MARK: gradient and objective

    /// ∂KL/∂y_i = 4 Σ_j (α·p_ij − q_ij) (1 + ‖y_i − y_j‖²)⁻¹ (y_i − y_j), as (x, y) pairs.
    static func gradient(_ p: [Float], _ yx: [Float], _ yy: [Float], _ n: Int, exaggeration: Double) -> [Double] {
        var attraction = [Double](repeating: 0, count: 2 * n), repulsion = [Double](repeating: 0, count: 2 * n)
        var rowZ = [Double](repeating: 0, count: n)
        p.withUnsafeBufferPointer { pp in
            yx.withUnsafeBufferPointer { px in
                yy.withUnsafeBufferPointer { py in
                    attraction.withUnsafeMutableBufferPointer { att in
                        repulsion.withUnsafeMutableBufferPointer { rep in
                            rowZ.withUnsafeMutableBufferPointer { zs in
                                DispatchQueue.concurrentPerform(iterations: ParallelSplit.count(n)) { chunk in
                                    for i in ParallelSplit.range(chunk, of: n) {
                                        let sums = rowSums(pp.baseAddress! + i * n, px.baseAddress!, py.baseAddress!, n, i)
                                        att[2 * i] = sums.ax; att[2 * i + 1] = sums.ay
                                        rep[2 * i] = sums.rx; rep[2 * i + 1] = sums.ry
                                        zs[i] = sums.z - 1   // remove j = i (its kernel is 1)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        let z = rowZ.reduce(0, +)
        return (0..<(2 * n)).map { 4 * (exaggeration * attraction[$0] - repulsion[$0] / z) }
    }

    /// Row i's sums over j with 8-wide SIMD: Σ p·k·Δ, Σ k²·Δ and Σ k, where k = (1 + ‖Δ‖²)⁻¹.
    @inline(__always)
    static func rowSums(_ p: UnsafePointer<Float>, _ px: UnsafePointer<Float>, _ py: UnsafePointer<Float>, _ n: Int, _ i: Int)
        -> (ax: Double, ay: Double, rx: Double, ry: Double, z: Double) {
        let xi = SIMD8<Float>(repeating: px[i]), yi = SIMD8<Float>(repeating: py[i])
        var ax = SIMD8<Float>(), ay = SIMD8<Float>(), rx = SIMD8<Float>(), ry = SIMD8<Float>(), z = SIMD8<Float>()
        var j = 0
        while j + 8 <= n {
            let dx = xi - UnsafeRawPointer(px + j).loadUnaligned(as: SIMD8<Float>.self)
            let dy = yi - UnsafeRawPointer(py + j).loadUnaligned(as: SIMD8<Float>.self)
            let k = 1 / (1 + dx * dx + dy * dy)
            let pk = UnsafeRawPointer(p + j).loadUnaligned(as: SIMD8<Float>.self) * k
            let k2 = k * k
            ax += pk * dx; ay += pk * dy
            rx += k2 * dx; ry += k2 * dy
            z += k
            j += 8
        }
        var sax = Double(ax.sum()), say = Double(ay.sum()), srx = Double(rx.sum()), sry = Double(ry.sum()), sz = Double(z.sum())
        while j < n {
            let dx = px[i] - px[j], dy = py[i] - py[j]
            let k = 1 / (1 + dx * dx + dy * dy)
            sax += Double(p[j] * k * dx); say += Double(p[j] * k * dy)
            srx += Double(k * k * dx); sry += Double(k * k * dy); sz += Double(k)
            j += 1
        }
        return (sax, say, srx, sry, sz)
    }

    /// KL(P‖Q) = Σ_{i≠j} p_ij log(p_ij / q_ij), q_ij = k_ij / Σ k.
    static func klDivergence(_ p: [Float], _ yx: [Float], _ yy: [Float], _ n: Int) -> Double {
        var z = 0.0, cross = 0.0, entropy = 0.0
        for i in 0..<n {
            for j in 0..<n where j != i {
                let dx = Double(yx[i] - yx[j]), dy = Double(yy[i] - yy[j])
                let k = 1 / (1 + dx * dx + dy * dy)
                let pij = Double(p[i * n + j])
                z += k
                cross += pij * log(k)
                entropy += pij * log(pij)
            }
        }
        let total = p.reduce(0.0) { $0 + Double($1) } - (0..<n).reduce(0.0) { $0 + Double(p[$1 * n + $1]) }
        return entropy - cross + total * log(z)
    }
}

/// Contiguous row ranges, one per core.
enum ParallelSplit {
    static let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
    static func count(_ n: Int) -> Int { min(workers * 4, max(1, n / 64)) }
    static func range(_ chunk: Int, of n: Int) -> Range<Int> {
        let k = count(n)
        return (n * chunk / k)..<(n * (chunk + 1) / k)
    }
}
