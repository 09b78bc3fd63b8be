import Foundation
import ReproNN
import ReproSupport

/// Timings of the batched trainer next to plain GEMMs of the same shapes, on synthetic data of
/// MNIST's shape (the time depends on the shapes only).
///
/// The comparison is like for like: the plain pair is the trainer's two big GEMMs (forward
/// X·W1 into a fresh n × H matrix, backward W ← W − Xᵀ·G accumulated), same shapes, same
/// transposes, same OpenBLAS threads, once per trainer epoch. One pair runs right after every
/// trainer epoch, so the two see the same load on a shared machine, and the fraction of sgemm
/// speed is the median over epochs of pair time over epoch time (robust to the load changing
/// between epochs). Neither includes setup (the trainer's packing and buffers are timed apart,
/// as `setupSeconds`).
public enum GEMMBenchmark {
    public struct Result: Sendable {
        public var models: Int
        public var totalHidden: Int
        /// Inputs left after dropping those that are zero in every example (the GEMMs' inner size).
        public var activeInputs: Int
        /// Best trainer epoch, wall clock and process CPU time (every thread).
        public var secondsPerEpoch: Double
        public var cpuSecondsPerEpoch: Double
        /// Best plain GEMM pair, wall clock and process CPU time.
        public var sgemmSeconds: Double
        public var sgemmCPUSeconds: Double
        /// The trainer's share of plain sgemm speed: the median over epochs of the following
        /// pair's time over the epoch's, by wall clock and by process CPU time.
        public var fractionOfSGEMM: Double
        public var cpuFractionOfSGEMM: Double
        /// The trainer's one-off work before its first epoch (packing, buffers), approximately:
        /// the time to the end of the first epoch less the best epoch.
        public var setupSeconds: Double
        /// Multiply-adds of one epoch's two big GEMMs (forward X·W1 and backward Xᵀ·δ) as run.
        public var macsPerEpoch: Double
        public var trainerGMACs: Double { macsPerEpoch / secondsPerEpoch / 1e9 }
        /// The same two GEMMs alone, through cblas_sgemm.
        public var sgemmGMACs: Double { macsPerEpoch / sgemmSeconds / 1e9 }
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

    /// Times `epochs` epochs of float32 training of one model per (hidden size, learning rate),
    /// each followed by one plain GEMM pair of the same shapes.
    public static func run(data: TrainingSet, hiddenSizes: [Int], learningRates: [Double],
                           epochs: Int = 12) -> Result {
        precondition(epochs > 0)
        var slots: [ModelSlot] = []
        for h in hiddenSizes {
            var rng = RandomStream(seed: 0, "bench-init", "h=\(h)")
            let initial = MLPParameters.initial(inputs: data.inputs, hidden: h, rng: &rng)
            for lr in learningRates { slots.append(ModelSlot(initial: initial, learningRate: lr)) }
        }
        let H = slots.reduce(0) { $0 + $1.initial.hidden }
        let n = data.count, d = data.activeInputCount
        let pair = GEMMPair(n: n, d: d, H: H)
        var epochTimes: [ProcessClock] = [], pairTimes: [ProcessClock] = []
        let start = ProcessClock.now()
        var firstEpochEnd = start, mark = start
        // One warm-up epoch (threads, caches, page faults), then `epochs` timed ones.
        _ = Training.train(slots, on: data, epochs: epochs + 1) { epoch in
            let now = ProcessClock.now()
            if epoch == 1 { firstEpochEnd = now } else { epochTimes.append(now.since(mark)) }
            let before = ProcessClock.now()
            pair.run()
            pairTimes.append(ProcessClock.now().since(before))
            mark = ProcessClock.now()
        }
        let best = epochTimes.map(\.wall).min()!
        // Each timed epoch with the pair that ran right after it.
        func medianRatio(_ time: (ProcessClock) -> Double) -> Double {
            let ratios = zip(pairTimes.dropFirst(), epochTimes).map { time($0) / time($1) }
            return ratios.sorted()[ratios.count / 2]
        }
        return Result(models: slots.count, totalHidden: H, activeInputs: d,
                      secondsPerEpoch: best, cpuSecondsPerEpoch: epochTimes.map(\.cpu).min()!,
                      sgemmSeconds: pairTimes.map(\.wall).min()!,
                      sgemmCPUSeconds: pairTimes.map(\.cpu).min()!,
                      fractionOfSGEMM: medianRatio { $0.wall },
                      cpuFractionOfSGEMM: medianRatio { $0.cpu },
                      setupSeconds: max(0, firstEpochEnd.since(start).wall - best),
                      macsPerEpoch: 2 * Double(n) * Double(d) * Double(H))
    }
}
