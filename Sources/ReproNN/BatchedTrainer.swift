import Dispatch
import Foundation
import ReproSupport

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
///
/// All working memory sits in `Buffers` (BatchedTrainer+Buffers.swift), allocated once; the
/// passes below take raw pointers from it, and an epoch allocates nothing.
final class BatchedTrainer<T: BLASScalar> {
    /// The models' weights; up to date after `train` returns.
    private(set) var packed: PackedMLPs<T>
    /// The inputs that are non-zero somewhere in the training set: the rows of `buffers.w1`.
    let activeInputs: [Int]
    private let buffers: Buffers

    init(slots: [ModelSlot], data: TrainingSet) {
        packed = PackedMLPs(slots.map(\.initial))
        precondition(packed.inputs == data.inputs,
                     "models expect \(packed.inputs) inputs, data has \(data.inputs)")
        let all = data.inputs, n = data.count, features = data.features
        activeInputs = Self.nonZeroColumns(features, rows: n, columns: all)
        let active = activeInputs, d = active.count, H = packed.totalHidden
        buffers = Buffers(packed, rows: n, inputs: d, training: true)
        let b = buffers
        for i in 0..<n {
            for (r, k) in active.enumerated() { b.x[i * d + r] = T(features[i * all + k]) }
        }
        for (r, k) in active.enumerated() {
            for j in 0..<H { b.w1[r * H + j] = packed.w1[k * H + j] }
        }
        for (i, label) in data.labels.enumerated() { b.labels[i] = label }
        for (m, slot) in slots.enumerated() { b.rates[m] = T(slot.learningRate) }
    }

    /// Runs `epochs` steps; returns each model's training history (metrics before each update).
    func train(epochs: Int, onEpoch: ((Int) -> Void)? = nil) -> [TrainingHistory] {
        var histories = (0..<buffers.models).map { _ in Self.history(reserving: epochs) }
        for epoch in 0..<epochs {
            Self.forward(buffers)
            outputDeltasAndMetrics()
            for m in histories.indices { histories[m].append(buffers.metrics[m]) }
            step()
            onEpoch?(epoch + 1)
        }
        buffers.copyWeights(into: &packed, activeInputs: activeInputs)
        return histories
    }

    /// Per model, in parallel: probabilities, the logged metrics, δ = (p − y)/n. Each model
    /// writes only its own rows and its own metrics slot.
    private func outputDeltasAndMetrics() {
        let b = buffers, n = b.rows, scale = 1 / Double(n)
        let z = b.logits, y = UnsafeBufferPointer(b.labels), dm = b.delta, p = b.probabilities
        let metrics = b.metrics
        DispatchQueue.concurrentPerform(iterations: b.models) { m in
            b.check(m, below: b.models)
            for i in (m * n)..<((m + 1) * n) {
                p[i] = Self.sigmoid(z[i])
                dm[i] = T((p[i] - Double(y[i - m * n])) * scale)
            }
            metrics[m] = BinaryMetrics(probabilities: b.probabilities(ofModel: m), labels: y,
                                       scratch: b.aucScratch(ofModel: m))
        }
    }

    /// One gradient step from the activations and deltas of the current epoch.
    private func step() {
        let b = buffers, H = b.totalHidden, M = b.models, n = b.rows
        let offsets = b.offsets, hidden = b.hidden, rates = b.rates, dm = b.delta
        let a = b.activations.baseAddress!, g = b.gradient.baseAddress!
        let w2 = b.w2, parts = b.partials
        // Per chunk of rows: W2 gradient (Σ a·δ) and b1 gradient (Σ scaled hidden δ), summed
        // after, chunk by chunk. The inner loop runs over one model's units through pointers to
        // its block (rows are checked here, blocks when the buffers are made) and reads w2
        // unconditionally, so LLVM vectorizes it across units; each unit's operations and their
        // order over the rows are unchanged, and so are the bits.
        parts.update(repeating: 0)
        b.split.forEach { c, rows in
            b.check(rows: rows)
            b.check(c, below: b.split.count)
            let acc = parts.baseAddress! + c * 2 * H
            for i in rows {
                for m in 0..<M {
                    let off = offsets[m], di = dm[m * n + i], scaled = di * rates[m]
                    let ai = a + (i * H + off), gi = g + (i * H + off), w = w2.baseAddress! + off
                    let gradW2 = acc + off, gradB1 = acc + (H + off)
                    for j in 0..<hidden[m] {
                        let aij = ai[j], wj = w[j]
                        gradW2[j] += aij * di
                        let gij = aij > 0 ? scaled * wj : 0
                        gi[j] = gij
                        gradB1[j] += gij
                    }
                }
            }
        }
        for m in 0..<M {
            var gradB2: T = 0
            for i in 0..<n { gradB2 += dm[m * n + i] }
            for j in offsets[m]..<(offsets[m] + hidden[m]) {
                var gradW2: T = 0, gradB1: T = 0
                for c in 0..<b.split.count {
                    gradW2 += parts[c * 2 * H + j]; gradB1 += parts[c * 2 * H + H + j]
                }
                w2[j] -= rates[m] * gradW2
                b.b1[j] -= gradB1
            }
            b.b2[m] -= rates[m] * gradB2
        }
        T.gemm(transA: true, transB: false, m: b.inputs, n: H, k: n, alpha: -1,
               a: b.x.baseAddress!, lda: b.inputs, b: g, ldb: H,
               beta: 1, c: b.w1.baseAddress!, ldc: H)
    }

    /// Hidden activations (n × H, after bias and ReLU) and every model's output logit
    /// (models × n), from `b.x` and `b.w1`.
    static func forward(_ b: Buffers) {
        let H = b.totalHidden, M = b.models, n = b.rows
        T.gemm(transA: false, transB: false, m: n, n: H, k: b.inputs, alpha: 1,
               a: b.x.baseAddress!, lda: b.inputs, b: b.w1.baseAddress!, ldb: H,
               beta: 0, c: b.activations.baseAddress!, ldc: H)
        let offsets = b.offsets, hidden = b.hidden, b2 = b.b2, z = b.logits
        let a = b.activations.baseAddress!, b1 = b.b1.baseAddress!, w2 = b.w2.baseAddress!
        b.split.forEach { _, rows in
            b.check(rows: rows)
            for i in rows {
                for m in 0..<M {
                    let off = offsets[m], ai = a + (i * H + off), bias = b1 + off, w = w2 + off
                    var sum = b2[m]
                    for j in 0..<hidden[m] {
                        let v = max(ai[j] + bias[j], 0)
                        ai[j] = v
                        sum += v * w[j]
                    }
                    z[m * n + i] = sum
                }
            }
        }
    }

    /// The forward pass on arrays, for prediction: `w1` and `x` may be restricted to a subset of
    /// `inputs` inputs (see the type's notes).
    static func forward(_ packed: PackedMLPs<T>, w1: [T], x: [T], n: Int, inputs: Int,
                        activations: inout [T], logits: inout [T]) {
        let b = Buffers(packed, rows: n, inputs: inputs, training: false)
        _ = b.x.update(fromContentsOf: x)
        _ = b.w1.update(fromContentsOf: w1)
        forward(b)
        activations = Array(b.activations)
        logits = Array(b.logits)
    }

    @inline(__always)
    static func sigmoid(_ z: T) -> Double { 1 / (1 + Foundation.exp(-Double(z))) }

    /// The columns of a row-major matrix that hold a non-zero value in some row, in one
    /// branch-free (vectorized) pass over the rows, instead of a strided scan down every column.
    static func nonZeroColumns(_ matrix: [Double], rows: Int, columns: Int) -> [Int] {
        precondition(matrix.count == rows * columns)
        var used = [UInt8](repeating: 0, count: columns)
        used.withUnsafeMutableBufferPointer { used in
            matrix.withUnsafeBufferPointer { values in
                for i in 0..<rows {
                    let row = values.baseAddress! + i * columns
                    for k in 0..<columns { used[k] |= row[k] != 0 ? 1 : 0 }
                }
            }
        }
        return used.indices.filter { used[$0] != 0 }
    }

    /// An empty history with room for `epochs` entries, so appending allocates nothing.
    private static func history(reserving epochs: Int) -> TrainingHistory {
        var history = TrainingHistory()
        for name in BinaryMetrics.names {
            var values: [Double] = []
            values.reserveCapacity(epochs)
            history.metrics[name] = values
        }
        return history
    }
}
