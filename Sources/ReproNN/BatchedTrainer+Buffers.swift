import ReproSupport

extension BatchedTrainer {
    /// Everything an epoch reads or writes, allocated once when the trainer is made and freed in
    /// `deinit`, so the passes take raw pointers from here instead of re-entering
    /// `withUnsafe…BufferPointer` closures, and allocate nothing per epoch. Never handed out
    /// beyond the trainer's own passes.
    ///
    /// Shapes (all row-major): `x` n × d, `w1` d × H, `activations` and `gradient` n × H,
    /// `logits`, `delta` and `probabilities` models × n, `partials` one 2H row per chunk of rows
    /// (W2 gradient, then b1 gradient), `aucScratch` models × `RankedAUC.scratchCount(n)`. The
    /// training-only buffers are empty when `training` is false (forward passes for prediction).
    final class Buffers {
        let rows, inputs, models, totalHidden: Int
        let offsets, hidden: UnsafeMutableBufferPointer<Int>
        let x, w1, b1, w2, b2, activations, logits: UnsafeMutableBufferPointer<T>
        // Training only.
        let labels: UnsafeMutableBufferPointer<UInt8>
        let rates, delta, gradient, partials: UnsafeMutableBufferPointer<T>
        let probabilities: UnsafeMutableBufferPointer<Double>
        let metrics: UnsafeMutableBufferPointer<BinaryMetrics>
        let aucScratch: UnsafeMutableBufferPointer<UInt64>
        /// The trainer's split of the rows (see `ParallelRows`): partial sums follow it.
        let split: ParallelRows

        /// Copies the packed biases and output weights; `x` and `w1` (`inputs` wide) start at zero
        /// for the caller to fill.
        init(_ packed: PackedMLPs<T>, rows n: Int, inputs d: Int, training: Bool) {
            let H = packed.totalHidden, M = packed.count, t = training ? 1 : 0
            rows = n; inputs = d; models = M; totalHidden = H
            split = ParallelRows(n)
            offsets = Self.allocate(packed.offsets); hidden = Self.allocate(packed.hidden)
            x = Self.allocate(n * d, 0); w1 = Self.allocate(d * H, 0)
            b1 = Self.allocate(packed.b1); w2 = Self.allocate(packed.w2)
            b2 = Self.allocate(packed.b2)
            activations = Self.allocate(n * H, 0); logits = Self.allocate(M * n, 0)
            labels = Self.allocate(t * n, 0); rates = Self.allocate(t * M, 0)
            delta = Self.allocate(t * M * n, 0); gradient = Self.allocate(t * n * H, 0)
            partials = Self.allocate(t * split.count * 2 * H, 0)
            probabilities = Self.allocate(t * M * n, 0)
            let none = BinaryMetrics(loss: .nan, accuracy: .nan, precision: .nan, recall: .nan,
                                     f1: .nan, auc: .nan)
            metrics = Self.allocate(t * M, none)
            aucScratch = Self.allocate(t * M * RankedAUC.scratchCount(n), 0)
            checkPacking()
        }

        deinit {
            offsets.deallocate(); hidden.deallocate()
            x.deallocate(); w1.deallocate(); b1.deallocate(); w2.deallocate(); b2.deallocate()
            activations.deallocate(); logits.deallocate()
            labels.deallocate(); rates.deallocate(); delta.deallocate(); gradient.deallocate()
            partials.deallocate(); probabilities.deallocate(); aucScratch.deallocate()
            metrics.deinitialize().deallocate()
        }

        /// Writes the weights back into `packed`; `activeInputs[r]` is the input of row r of `w1`.
        func copyWeights(into packed: inout PackedMLPs<T>, activeInputs: [Int]) {
            let H = totalHidden
            for (r, k) in activeInputs.enumerated() {
                let row = w1[(r * H)..<((r + 1) * H)]
                packed.w1.replaceSubrange((k * H)..<((k + 1) * H), with: row)
            }
            packed.b1 = Array(b1); packed.w2 = Array(w2); packed.b2 = Array(b2)
        }

        /// Model m's probabilities (valid after the output pass of an epoch).
        func probabilities(ofModel m: Int) -> UnsafeBufferPointer<Double> {
            check(m, below: models)
            return UnsafeBufferPointer(rebasing: probabilities[(m * rows)..<((m + 1) * rows)])
        }

        /// Model m's share of the ROC-AUC scratch.
        func aucScratch(ofModel m: Int) -> UnsafeMutableBufferPointer<UInt64> {
            check(m, below: models)
            let size = RankedAUC.scratchCount(rows)
            return UnsafeMutableBufferPointer(rebasing: aucScratch[(m * size)..<((m + 1) * size)])
        }

        // MARK: DEBUG-only checks

        // These modules are compiled with -O even in debug builds (see Package.swift), where
        // `assert` is compiled out; so the checks are `precondition`s inside `#if DEBUG`.

        /// A range of rows handed to a pass lies inside the data.
        @inline(__always)
        func check(rows range: Range<Int>) {
            #if DEBUG
            precondition(range.lowerBound >= 0 && range.upperBound <= rows, "rows \(range)")
            #endif
        }

        @inline(__always)
        func check(_ index: Int, below count: Int) {
            #if DEBUG
            precondition(index >= 0 && index < count, "index \(index) of \(count)")
            #endif
        }

        /// Model blocks tile 0..<H in order, so `row + offset + j` never leaves a row.
        private func checkPacking() {
            #if DEBUG
            var next = 0
            for m in 0..<models {
                precondition(offsets[m] == next && hidden[m] >= 0, "model \(m) block")
                next += hidden[m]
            }
            precondition(next == totalHidden, "blocks cover \(next) of \(totalHidden) units")
            #endif
        }

        private static func allocate<V>(_ count: Int, _ value: V) -> UnsafeMutableBufferPointer<V> {
            let buffer = UnsafeMutableBufferPointer<V>.allocate(capacity: count)
            buffer.initialize(repeating: value)
            return buffer
        }

        private static func allocate<V>(_ values: [V]) -> UnsafeMutableBufferPointer<V> {
            let buffer = UnsafeMutableBufferPointer<V>.allocate(capacity: values.count)
            _ = buffer.initialize(from: values)
            return buffer
        }
    }
}
