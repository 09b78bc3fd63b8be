import Dispatch
import Foundation
import ReproNN

/// Exact t-SNE (van der Maaten & Hinton, 2008) with the usual defaults of scikit-learn ≥ 1.2:
/// perplexity 30, early exaggeration 12 for 250 iterations (momentum 0.5, then 0.8), 1000
/// iterations, learning rate max(n / 12 / 4, 50), PCA initialisation scaled to std 1e-4, and
/// delta-bar-delta gains. Deterministic: no random numbers are used.
///
/// A run's working memory sits in `Workspace` (TSNE+Workspace.swift), allocated once; the gradient
/// and the optimiser (TSNE+Gradient.swift) read raw pointers from it.
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
        precondition(x.count == n * d && Double(n) > 3 * perplexity,
                     "t-SNE needs more than 3 × perplexity points")
        let p = Self.jointProbabilities(x, count: n, dimensions: d, perplexity: perplexity)
        let y = Self.pcaInitialisation(x, count: n, dimensions: d)
        let work = Workspace(p: p, initial: y, count: n)
        let rate = learningRate ?? max(Double(n) / earlyExaggeration / 4, 50)
        var kl: [Double] = [work.klDivergence()], klIterations = [0]
        for iteration in 1...iterations {
            let early = iteration <= exaggerationIterations
            work.computeGradient(exaggeration: early ? earlyExaggeration : 1)
            work.descend(momentum: early ? 0.5 : 0.8, rate: rate)
            if iteration % klEvery == 0 || iteration == iterations {
                kl.append(work.klDivergence()); klIterations.append(iteration)
            }
        }
        return Result(embedding: work.embedding(), kl: kl, klIterations: klIterations)
    }

    // MARK: affinities

    /// Symmetric P: conditional Gaussians calibrated to the perplexity by binary search on the
    /// precision, then (P + Pᵀ) / 2n, floored at machine epsilon. Stored as Float (n × n).
    static func jointProbabilities(_ x: [Double], count n: Int, dimensions d: Int,
                                   perplexity: Double) -> [Float] {
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
            for j in 0..<n {
                let sum = conditional[i * n + j] + conditional[j * n + i]
                joint[i * n + j] = Float(max(sum / Double(2 * n), floor))
            }
        }
        return joint
    }

    /// ‖x_i − x_j‖² for all pairs, through one GEMM (x xᵀ).
    static func squaredDistances(_ x: [Double], count n: Int, dimensions d: Int) -> [Double] {
        var gram = [Double](repeating: 0, count: n * n)
        Double.gemm(transA: false, transB: true, m: n, n: n, k: d, alpha: 1, a: x, lda: d,
                    b: x, ldb: d, beta: 0, c: &gram, ldc: n)
        let norms = (0..<n).map { gram[$0 * n + $0] }
        for i in 0..<n {
            for j in 0..<n { gram[i * n + j] = max(norms[i] + norms[j] - 2 * gram[i * n + j], 0) }
        }
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
}
