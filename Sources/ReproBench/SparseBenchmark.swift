import Foundation
import ReproBLAS
import ReproKernelDispatch
import ReproKernels
import ReproSparse
import ReproSupport

/// Paper 2's engine against the dense-weights-times-mask way of training the same shapes: one
/// epoch (60,000 MNIST-shaped synthetic examples, batch 128, one thread) per width and depth, with
/// each kernel family the CPU runs (CPU seconds of the process, so other work on the machine
/// counts less than in wall time).
/// The dense side is only its matrix products (forward, weight-gradient and input-gradient GEMMs),
/// extrapolated from timed batches: a lower bound on what such an implementation costs.
public enum SparseBenchmark {
    public struct Row: Sendable {
        public var label: String
        /// CPU seconds of one epoch with each kernel family, in ``Kernels/supported``'s order.
        public var seconds: [(family: KernelFamily, seconds: Double)]
        public var denseSeconds: Double
        /// Multiply-adds that matter (kept weights × passes × examples) per epoch.
        public var macs: Double
        /// Weights computed per example after the exact work avoidance.
        public var computed: Int
        /// Whether every family trained the same bits.
        public var sameBits: Bool
        /// SHA-256 (first 16 hex digits) of the trained weights' bits, to compare builds.
        public var weightHash: String

        /// The active family's epoch (the fastest the CPU runs, unless `REPRO_KERNELS` says).
        public var oursSeconds: Double {
            seconds.first { $0.family == Kernels.active.family }?.seconds ?? seconds.last!.seconds
        }
    }

    /// Every row's label, widths then depths.
    public static let labels = (7...15).map { "width_\(1 << $0)" } + [1, 2, 4, 8].map { "depth_\($0)" }

    /// The rows named in `only` (all when nil), with width_128 and depth_1 beside any width or
    /// depth row, as the ratios need them.
    public static func rows(quick: Bool = false, only: Set<String>? = nil) throws -> [Row] {
        SparseConcurrency.blasThreads = 1
        let data = try syntheticSet()
        var wanted = only ?? Set(labels)
        if wanted.contains(where: { $0.hasPrefix("width_") }) { wanted.insert("width_128") }
        if wanted.contains(where: { $0.hasPrefix("depth_") }) { wanted.insert("depth_1") }
        let widths = (quick ? [128, 1024, 32768] : (7...15).map { 1 << $0 }).filter { wanted.contains("width_\($0)") }
        var rows = try widths.map { w in
            try row("width_\(w)", try SparseFamilies.width(w), units: [784, w, 10], data)
        }
        for depth in quick ? [1, 8] : [1, 2, 4, 8] where wanted.contains("depth_\(depth)") {
            rows.append(try row("depth_\(depth)", try SparseFamilies.depth(hiddenLayers: depth),
                                units: [784] + Array(repeating: 512, count: depth) + [10], data))
        }
        return rows
    }

    static func row(_ label: String, _ shapes: [SparseLayerShape], units: [Int],
                    _ data: SparseDataset) throws -> Row {
        var maskRNG = RandomStream(seed: 0, "bench-mask", label)
        var initRNG = RandomStream(seed: 0, "bench-init", label)
        let model = try SparseMLP.random(shapes: shapes, mask: &maskRNG, initialisation: &initRNG)
        var order = Array(0..<data.count)
        var rng = RandomStream(seed: 0, "bench-order")
        rng.shuffle(&order)
        var seconds: [(family: KernelFamily, seconds: Double)] = []
        var trained: [[UInt32]] = []   // each family's trained weights, as bits
        var computed = 0
        for family in Kernels.supported {
            let trainer = try SparseTrainer(model: model, options: SparseTrainingOptions(threads: 1))
            let start = ProcessClock.now()
            _ = try Kernels.with(family) { try trainer.trainEpoch(on: data, order: order) }
            seconds.append((family, ProcessClock.now().since(start).cpu))
            trained.append(trainer.model.weightBits)
            computed = trainer.work.computed
        }
        // Forward and weight gradient for every layer, input gradient for all but the first.
        let kept = shapes.map(\.kept)
        let macs = Double(kept.reduce(0, +) * 2 + kept.dropFirst().reduce(0, +))
            * Double(data.count)
        return Row(label: label, seconds: seconds, denseSeconds: denseEpochSeconds(units), macs: macs,
                   computed: computed, sameBits: Set(trained).count == 1,
                   weightHash: String(StableHash.sha256Hex(trained[0].withUnsafeBytes { Data($0) }).prefix(16)))
    }

    /// The dense products of one epoch, timed on 20 batches and scaled to 60,000 examples.
    static func denseEpochSeconds(_ units: [Int], batches: Int = 20) -> Double {
        let b = 128
        let w = (0..<(units.count - 1)).map {
            [Float](repeating: 0.01, count: units[$0] * units[$0 + 1])
        }
        var g = w.map { [Float](repeating: 0, count: $0.count) }
        var a = units.map { [Float](repeating: 0.5, count: $0 * b) }
        var d = units.map { [Float](repeating: 0.001, count: $0 * b) }
        let start = ProcessClock.now()
        for _ in 0..<batches {
            for l in 0..<(units.count - 1) {
                gemm(false, false, units[l + 1], b, units[l], w[l], a[l], &a[l + 1])
            }
            for l in stride(from: units.count - 2, through: 0, by: -1) {
                gemm(false, true, units[l + 1], units[l], b, d[l + 1], a[l], &g[l])
                if l > 0 { gemm(true, false, units[l], b, units[l + 1], w[l], d[l + 1], &d[l]) }
            }
        }
        return ProcessClock.now().since(start).cpu * 60_000 / Double(b * batches)
    }

    /// C (m × n) = op(A) · op(B), row-major.
    private static func gemm(_ ta: Bool, _ tb: Bool, _ m: Int, _ n: Int, _ k: Int, _ a: [Float],
                             _ b: [Float], _ c: inout [Float]) {
        BLAS.sgemm(transA: ta, transB: tb, m: m, n: n, k: k, a: a, lda: ta ? m : k, b: b,
                   ldb: tb ? k : n, c: &c, ldc: n)
    }

    /// 60,000 random MNIST-shaped examples (80 % of pixels 0): speed depends on shapes only.
    static func syntheticSet(count: Int = 60_000) throws -> SparseDataset {
        var rng = RandomStream(seed: 0, "bench-sparse-data")
        let pixels = (0..<(count * 784)).map { _ -> Float in
            rng.nextUniform() < 0.2 ? Float(rng.nextUniform()) : 0
        }
        return try SparseDataset(pixels: pixels, labels: (0..<count).map { $0 % 10 })
    }
}

extension SparseMLP {
    /// Every weight and bias as bits, for comparing runs.
    var weightBits: [UInt32] {
        layers.flatMap { $0.values.map(\.bitPattern) + $0.bias.map(\.bitPattern) }
    }
}
