import Dispatch
import Foundation

/// Full-batch gradient descent on many 784-h-1 networks at once (see `PackedMLPs`). Per epoch:
/// one GEMM forward (X · W1 for every model); one parallel pass over the rows that adds b1,
/// applies ReLU and computes every model's output logit; per model (in parallel) the sigmoid,
/// the logged metrics and the output delta; one parallel pass that forms the hidden-layer delta
/// (each model's block scaled by its learning rate) and accumulates the W2 and b1 gradients; and
/// one GEMM backward (W1 ← W1 − Xᵀ · δ, the update folded into the GEMM's accumulate).
/// Mathematically identical to training each model alone.
///
/// Inputs that are zero in every training example (MNIST's border: ~20 % of pixels for a digit
/// pair) are left out of both GEMMs: they add nothing forward and get zero gradient, so their rows
/// of W1 keep their initial values either way. Only the cost changes.
final class BatchedTrainer<T: BLASScalar> {
    private(set) var packed: PackedMLPs<T>
    private let learningRates: [T]
    /// The inputs that are non-zero somewhere in the training set, and X and W1 restricted to them.
    let activeInputs: [Int]
    private let x: [T]
    private var w1: [T]
    private let labels: [UInt8]
    private let n: Int
    private let d: Int
    private var activations: [T]
    private var gradient: [T]
    private var logits: [T]
    private var delta: [T]

    init(slots: [ModelSlot], data: TrainingSet) {
        packed = PackedMLPs(slots.map(\.initial))
        precondition(packed.inputs == data.inputs, "models expect \(packed.inputs) inputs, data has \(data.inputs)")
        learningRates = slots.map { T($0.learningRate) }
        let all = data.inputs
        activeInputs = (0..<all).filter { k in (0..<data.count).contains { data.features[$0 * all + k] != 0 } }
        let active = activeInputs
        x = (0..<data.count).flatMap { i in active.map { T(data.features[i * all + $0]) } }
        w1 = Self.rows(active, of: packed.w1, width: packed.totalHidden)
        labels = data.labels
        n = data.count
        d = active.count
        activations = [T](repeating: 0, count: n * packed.totalHidden)
        gradient = [T](repeating: 0, count: n * packed.totalHidden)
        logits = [T](repeating: 0, count: n * packed.count)
        delta = [T](repeating: 0, count: n * packed.count)
    }

    /// Runs `epochs` steps; returns each model's training history (metrics before each update).
    func train(epochs: Int, onEpoch: ((Int) -> Void)? = nil) -> [TrainingHistory] {
        var histories = [TrainingHistory](repeating: TrainingHistory(), count: packed.count)
        for epoch in 0..<epochs {
            Self.forward(packed, w1: w1, x: x, n: n, inputs: d, activations: &activations, logits: &logits)
            let metrics = outputDeltasAndMetrics()
            for m in 0..<packed.count { histories[m].append(metrics[m]) }
            step()
            onEpoch?(epoch + 1)
        }
        let H = packed.totalHidden
        for (r, k) in activeInputs.enumerated() {
            packed.w1.replaceSubrange((k * H)..<((k + 1) * H), with: w1[(r * H)..<((r + 1) * H)])
        }
        return histories
    }

    /// The given rows of a row-major matrix `width` wide.
    static func rows(_ indices: [Int], of matrix: [T], width: Int) -> [T] {
        indices.flatMap { matrix[($0 * width)..<(($0 + 1) * width)] }
    }

    /// Per model, in parallel: probabilities, the logged metrics, δ = (p − y)/n.
    private func outputDeltasAndMetrics() -> [BinaryMetrics] {
        let n = self.n, scale = 1 / Double(n)
        var results = [BinaryMetrics?](repeating: nil, count: packed.count)
        let lock = NSLock()
        logits.withUnsafeBufferPointer { z in
            labels.withUnsafeBufferPointer { y in
                delta.withUnsafeMutableBufferPointer { dm in
                    DispatchQueue.concurrentPerform(iterations: packed.count) { m in
                        var p = [Double](repeating: 0, count: n)
                        for i in 0..<n {
                            p[i] = Self.sigmoid(z[m * n + i])
                            dm[m * n + i] = T((p[i] - Double(y[i])) * scale)
                        }
                        let value = p.withUnsafeBufferPointer { BinaryMetrics(probabilities: $0, labels: y) }
                        lock.lock(); results[m] = value; lock.unlock()
                    }
                }
            }
        }
        return results.map { $0! }
    }

    /// One gradient step from the activations and deltas of the current epoch.
    private func step() {
        let H = packed.totalHidden, M = packed.count, n = self.n
        let offsets = packed.offsets, hidden = packed.hidden, rates = learningRates
        let chunks = ParallelRows.chunks(n)
        // Per chunk of rows: W2 gradient (Σ a·δ) and b1 gradient (Σ scaled hidden δ), summed after.
        var partials = [[T]](repeating: [T](repeating: 0, count: 2 * H), count: chunks.count)
        packed.w2.withUnsafeBufferPointer { w2 in
            activations.withUnsafeBufferPointer { a in
                gradient.withUnsafeMutableBufferPointer { g in
                    delta.withUnsafeBufferPointer { dm in
                        partials.withUnsafeMutableBufferPointer { parts in
                            DispatchQueue.concurrentPerform(iterations: chunks.count) { c in
                                parts[c].withUnsafeMutableBufferPointer { acc in
                                    for i in chunks[c] {
                                        for m in 0..<M {
                                            let off = offsets[m], row = i * H + off
                                            let di = dm[m * n + i], scaled = di * rates[m]
                                            for j in 0..<hidden[m] {
                                                let aij = a[row + j]
                                                acc[off + j] += aij * di
                                                let gij = aij > 0 ? scaled * w2[off + j] : 0
                                                g[row + j] = gij
                                                acc[H + off + j] += gij
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        for m in 0..<M {
            var gradB2: T = 0
            for i in 0..<n { gradB2 += delta[m * n + i] }
            for j in offsets[m]..<(offsets[m] + hidden[m]) {
                var gradW2: T = 0, gradB1: T = 0
                for part in partials { gradW2 += part[j]; gradB1 += part[H + j] }
                packed.w2[j] -= rates[m] * gradW2
                packed.b1[j] -= gradB1
            }
            packed.b2[m] -= rates[m] * gradB2
        }
        T.gemm(transA: true, transB: false, m: d, n: H, k: n, alpha: -1, a: x, lda: d,
               b: gradient, ldb: H, beta: 1, c: &w1, ldc: H)
    }

    /// Hidden activations (n × H, after bias and ReLU) and every model's output logit (models × n).
    /// `w1` and `x` may be restricted to a subset of `inputs` inputs (see the type's notes).
    static func forward(_ packed: PackedMLPs<T>, w1: [T], x: [T], n: Int, inputs: Int, activations: inout [T], logits: inout [T]) {
        let H = packed.totalHidden, M = packed.count
        let offsets = packed.offsets, hidden = packed.hidden
        T.gemm(transA: false, transB: false, m: n, n: H, k: inputs, alpha: 1, a: x, lda: inputs,
               b: w1, ldb: H, beta: 0, c: &activations, ldc: H)
        packed.b1.withUnsafeBufferPointer { b1 in
            packed.w2.withUnsafeBufferPointer { w2 in
                activations.withUnsafeMutableBufferPointer { a in
                    logits.withUnsafeMutableBufferPointer { z in
                        let chunks = ParallelRows.chunks(n)
                        DispatchQueue.concurrentPerform(iterations: chunks.count) { c in
                            for i in chunks[c] {
                                for m in 0..<M {
                                    let off = offsets[m], row = i * H + off
                                    var sum = packed.b2[m]
                                    for j in 0..<hidden[m] {
                                        let v = max(a[row + j] + b1[off + j], 0)
                                        a[row + j] = v
                                        sum += v * w2[off + j]
                                    }
                                    z[m * n + i] = sum
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @inline(__always)
    static func sigmoid(_ z: T) -> Double { 1 / (1 + Foundation.exp(-Double(z))) }
}
