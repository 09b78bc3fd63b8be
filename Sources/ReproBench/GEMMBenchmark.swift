import Foundation
import ReproNN
import ReproSupport

/// Timings of the batched trainer next to plain GEMMs of the same shapes, on synthetic data of
/// MNIST's shape (the time depends on the shapes only).
public enum GEMMBenchmark {
    public struct Result: Sendable {
        public var models: Int
        public var totalHidden: Int
        /// Inputs left after dropping those that are zero in every example (the GEMMs' inner size).
        public var activeInputs: Int
        public var secondsPerEpoch: Double
        /// Multiply-adds of one epoch's two big GEMMs (forward X·W1 and backward Xᵀ·δ) as run.
        public var macsPerEpoch: Double
        public var trainerGMACs: Double { macsPerEpoch / secondsPerEpoch / 1e9 }
        /// The same two GEMMs alone, through cblas_sgemm.
        public var sgemmGMACs: Double
    }

    /// Synthetic 28×28 inputs in [0, 1] with ~20 % non-zero pixels inside a central 25×25 window,
    /// so that, as in an MNIST digit pair, ~20 % of the pixels are zero in every image.
    public static func syntheticSet(count: Int, seed: Int = 0) -> TrainingSet {
        var rng = RandomStream(seed: seed, "bench-data")
        let inputs = 784
        let features = (0..<(count * inputs)).map { k -> Double in
            let row = (k % inputs) / 28, column = k % 28
            guard (2..<27).contains(row) && (1..<26).contains(column) else { return 0 }
            return rng.nextUniform() < 0.2 ? rng.nextUniform() : 0
        }
        let labels = (0..<count).map { UInt8($0 % 2) }
        return TrainingSet(features: features, labels: labels, inputs: inputs)
    }

    /// Times `epochs` epochs of float32 training of one model per (hidden size, learning rate).
    public static func run(data: TrainingSet, hiddenSizes: [Int], learningRates: [Double],
                           epochs: Int = 5) -> Result {
        var slots: [ModelSlot] = []
        for h in hiddenSizes {
            var rng = RandomStream(seed: 0, "bench-init", "h=\(h)")
            let initial = MLPParameters.initial(inputs: data.inputs, hidden: h, rng: &rng)
            for lr in learningRates { slots.append(ModelSlot(initial: initial, learningRate: lr)) }
        }
        let H = slots.reduce(0) { $0 + $1.initial.hidden }
        // warm up threads and caches
        _ = Training.train(slots, on: data, epochs: 1)
        let start = Date()
        _ = Training.train(slots, on: data, epochs: epochs)
        let seconds = Date().timeIntervalSince(start) / Double(epochs)
        let active = data.activeInputCount
        let macs = 2 * Double(data.count) * Double(active) * Double(H)
        return Result(models: slots.count, totalHidden: H, activeInputs: active,
                      secondsPerEpoch: seconds, macsPerEpoch: macs,
                      sgemmGMACs: sgemmRate(n: data.count, d: active, H: H))
    }

    /// GMAC/s of the forward (n×d · d×H) and backward (d×n · n×H) sgemm, best of several runs.
    public static func sgemmRate(n: Int, d: Int, H: Int, repeats: Int = 5) -> Double {
        let x = [Float](repeating: 0.5, count: n * d)
        var w = [Float](repeating: 0.01, count: d * H)
        var z = [Float](repeating: 0, count: n * H)
        var best = Double.infinity
        for _ in 0..<repeats {
            let start = Date()
            Float.gemm(transA: false, transB: false, m: n, n: H, k: d, alpha: 1, a: x, lda: d, b: w,
                       ldb: H, beta: 0, c: &z, ldc: H)
            Float.gemm(transA: true, transB: false, m: d, n: H, k: n, alpha: -1e-6, a: x, lda: d,
                       b: z, ldb: H, beta: 1, c: &w, ldc: H)
            best = min(best, Date().timeIntervalSince(start))
        }
        return 2 * Double(n) * Double(d) * Double(H) / best / 1e9
    }
}
