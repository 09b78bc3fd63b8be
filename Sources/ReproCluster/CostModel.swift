import ReproExperiments
import ReproPaper2
import ReproRobustness

/// Declared costs, in core-seconds, of the units a report's work is made of. Nothing in the
/// plans carried a cost before, so these are declared from the README's measurements on this
/// project's 2-core machines (AMD EPYC, OpenBLAS 0.3.21), not measured on the cluster:
///
/// - paper 1: 4.2e-4 core-seconds per hidden unit and epoch (one extra seed of the claims, 66
///   grid + 44 capacity models at 100 epochs, took 58 s on 2 cores);
/// - paper 2: the per-epoch CPU seconds of `repro bench --paper2` for each width (dense
///   networks scale with their width from the 2^7 base) and depth, times the epochs a stored twin
///   of another seed ran (measured), else the plan's most epochs (the stopping rule often ends
///   sooner: then the estimate is an upper bound);
/// - paper 2's CNNs and every paper-2 evaluation: ``Paper2Cost`` (the conv engine's fitted cost
///   model; the MLPs' evaluations per network and depth).
public enum CostModel {
    public static let paper1SecondsPerUnitEpoch = 4.2e-4

    /// CPU seconds of one epoch of paper 2's sparse width family, 2^7 … 2^15 (`repro bench
    /// --paper2`, AVX-512, December 2026; the baseline family costs up to 2× more).
    static let sparseWidthEpoch: [Int: Double] = [
        128: 0.26, 256: 0.34, 512: 0.34, 1024: 0.28, 2048: 0.20, 4096: 0.14, 8192: 0.10,
        16384: 0.08, 32768: 0.07,
    ]
    /// CPU seconds of one epoch of the depth family (512 units a layer), by hidden layers (the
    /// middle of the measured ranges).
    static let depthEpoch: [Int: Double] = [1: 0.96, 2: 1.8, 4: 2.1, 8: 2.1]

    /// Core-seconds to train one model: at most, or for `epochs` epochs when a stored twin (the
    /// same network of another seed) says how long training ran.
    public static func training(_ spec: ModelSpec, epochs measured: Int? = nil) -> Double {
        if spec.architecture != nil {
            guard spec.derivation == nil else { return 5 }   // pruned from its stored source
            return Paper2Cost.training(spec, epochs: measured)
        }
        if let measured, spec.task.pair == nil, spec.derivation == nil {
            return paper2Epoch(spec) * Double(min(measured, spec.optimizer.epochs))
        }
        if spec.derivation != nil { return 0.5 }   // derived (pruned) from its stored source
        if spec.task.pair != nil {                 // paper 1: 784-h-1, full batch
            let hidden = spec.layers.dropFirst().dropLast().reduce(0, +)
            let epochs = spec.optimizer.epochs
            return paper1SecondsPerUnitEpoch * Double(hidden * epochs)
        }
        return paper2Epoch(spec) * Double(spec.optimizer.epochs)
    }

    static func paper2Epoch(_ spec: ModelSpec) -> Double {
        if spec.depth > 1 { return depthEpoch[spec.depth] ?? 1.3 * Double(spec.depth) }
        if spec.mask == nil { return 0.26 * Double(spec.width) / 128 }
        return sparseWidthEpoch[spec.width] ?? 0.5
    }

    /// Core-seconds of every robustness evaluation of one paper-2 network.
    public static func evaluation(_ spec: ModelSpec, settings: RobustnessSettings) -> Double {
        Paper2Cost.evaluation(spec, settings: settings)
    }

    /// "1.25 core-hours", "3 core-minutes".
    public static func text(_ seconds: Double) -> String {
        if seconds < 3600 { return "\(Int((seconds / 60).rounded(.up))) core-min" }
        return String(format: "%.1f core-h", seconds / 3600)
    }
}
