import Dispatch
import Foundation

/// Full-batch gradient descent on many 784-h-1 networks at once (see `PackedMLPs`): per epoch one
/// GEMM forward (X · W1 for every model), per-model output heads by GEMV, and one GEMM backward
/// (Xᵀ · δ, with each model's learning rate folded into its block of δ, so the update is the GEMM's
/// accumulate). Mathematically identical to training each model alone.
final class BatchedTrainer<T: BLASScalar> {
    private(set) var packed: PackedMLPs<T>
    private let learningRates: [T]
    private let x: [T]
    private let labels: [UInt8]
    private let n: Int
    private let d: Int
    private var activations: [T]
    private var gradient: [T]
    private var probabilities: [Double]
    private let ones: [T]

    init(slots: [ModelSlot], data: TrainingSet) {
        packed = PackedMLPs(slots.map(\.initial))
        precondition(packed.inputs == data.inputs, "models expect \(packed.inputs) inputs, data has \(data.inputs)")
        learningRates = slots.map { T($0.learningRate) }
        x = data.features.map { T($0) }
        labels = data.labels
        n = data.count
        d = data.inputs
        activations = [T](repeating: 0, count: n * packed.totalHidden)
        gradient = [T](repeating: 0, count: n * packed.totalHidden)
        probabilities = [Double](repeating: 0, count: n * packed.count)
        ones = [T](repeating: 1, count: n)
    }

    /// Runs `epochs` steps; returns each model's training history (metrics before each update).
    func train(epochs: Int, onEpoch: ((Int) -> Void)? = nil) -> [TrainingHistory] {
        var histories = [TrainingHistory](repeating: TrainingHistory(), count: packed.count)
        for epoch in 0..<epochs {
            Self.forward(packed, x: x, n: n, activations: &activations, probabilities: &probabilities)
            let metrics = Self.metrics(probabilities, labels: labels, models: packed.count)
            for m in 0..<packed.count { histories[m].append(metrics[m]) }
            step()
            onEpoch?(epoch + 1)
        }
        return histories
    }

    /// One gradient step, using the activations and probabilities of the last forward pass.
    private func step() {
        let H = packed.totalHidden, M = packed.count, n = self.n
        let scale = 1 / Double(n)
        // Output deltas δ = (p − y)/n per model (models × n), and the output-layer gradients.
        var delta = [T](repeating: 0, count: M * n)
        var gradW2 = [T](repeating: 0, count: H)
        var gradB2 = [T](repeating: 0, count: M)
        for m in 0..<M {
            for i in 0..<n {
                let v = T((probabilities[m * n + i] - Double(labels[i])) * scale)
                delta[m * n + i] = v
                gradB2[m] += v
            }
            activations.withUnsafeBufferPointer { a in
                delta.withUnsafeBufferPointer { dm in
                    T.gemv(trans: true, m: n, n: packed.hidden[m], alpha: 1, a: a.baseAddress! + packed.offsets[m], lda: H,
                           x: dm.baseAddress! + m * n, beta: 0, y: &gradW2[packed.offsets[m]])
                }
            }
        }
        // δ of the hidden layer, each block scaled by its model's learning rate (uses the old W2).
        let offsets = packed.offsets, hidden = packed.hidden, rates = learningRates
        packed.w2.withUnsafeBufferPointer { w2 in
            activations.withUnsafeBufferPointer { a in
                gradient.withUnsafeMutableBufferPointer { g in
                    delta.withUnsafeBufferPointer { dm in
                        ParallelRows.run(n) { rows in
                            for i in rows {
                                for m in 0..<M {
                                    let row = i * H + offsets[m], di = dm[m * n + i] * rates[m]
                                    for j in 0..<hidden[m] {
                                        g[row + j] = a[row + j] > 0 ? di * w2[offsets[m] + j] : 0
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        for m in 0..<M {
            for j in offsets[m]..<(offsets[m] + hidden[m]) { packed.w2[j] -= rates[m] * gradW2[j] }
            packed.b2[m] -= rates[m] * gradB2[m]
        }
        // b1 ← b1 − column sums of the scaled δ;  W1 ← W1 − Xᵀ · δ.
        T.gemv(trans: true, m: n, n: H, alpha: -1, a: gradient, lda: H, x: ones, beta: 1, y: &packed.b1)
        T.gemm(transA: true, transB: false, m: d, n: H, k: n, alpha: -1, a: x, lda: d,
               b: gradient, ldb: H, beta: 1, c: &packed.w1, ldc: H)
    }

    /// Hidden activations (n × H) and each model's probabilities (model-major, models × n).
    static func forward(_ packed: PackedMLPs<T>, x: [T], n: Int, activations: inout [T], probabilities: inout [Double]) {
        let H = packed.totalHidden
        T.gemm(transA: false, transB: false, m: n, n: H, k: packed.inputs, alpha: 1, a: x, lda: packed.inputs,
               b: packed.w1, ldb: H, beta: 0, c: &activations, ldc: H)
        packed.b1.withUnsafeBufferPointer { b1 in
            activations.withUnsafeMutableBufferPointer { a in
                ParallelRows.run(n) { rows in
                    for i in rows {
                        for j in 0..<H { a[i * H + j] = max(a[i * H + j] + b1[j], 0) }
                    }
                }
            }
        }
        var logits = [T](repeating: 0, count: n)
        for m in 0..<packed.count {
            activations.withUnsafeBufferPointer { a in
                packed.w2.withUnsafeBufferPointer { w2 in
                    T.gemv(trans: false, m: n, n: packed.hidden[m], alpha: 1, a: a.baseAddress! + packed.offsets[m], lda: H,
                           x: w2.baseAddress! + packed.offsets[m], beta: 0, y: &logits)
                }
            }
            let bias = Double(packed.b2[m])
            for i in 0..<n { probabilities[m * n + i] = 1 / (1 + Foundation.exp(-(Double(logits[i]) + bias))) }
        }
    }

    /// Each model's metrics, computed in parallel (the cores are free between GEMMs).
    static func metrics(_ probabilities: [Double], labels: [UInt8], models: Int) -> [BinaryMetrics] {
        let n = labels.count
        var results = [BinaryMetrics?](repeating: nil, count: models)
        let lock = NSLock()
        probabilities.withUnsafeBufferPointer { p in
            labels.withUnsafeBufferPointer { y in
                DispatchQueue.concurrentPerform(iterations: models) { m in
                    let value = BinaryMetrics(probabilities: UnsafeBufferPointer(rebasing: p[(m * n)..<((m + 1) * n)]), labels: y)
                    lock.lock(); results[m] = value; lock.unlock()
                }
            }
        }
        return results.map { $0! }
    }
}
