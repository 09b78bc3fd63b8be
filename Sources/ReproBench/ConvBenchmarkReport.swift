import Foundation
import ReproSupport

/// `repro bench --conv`: the conv engine's rows as `name: value` lines.
public enum ConvBenchmarkReport {
    public static func print() {
        do {
            if let spec = ProcessInfo.processInfo.environment["REPRO_CONV_PROFILE"] {
                // name,width[,sparseBelow]
                let parts = spec.split(separator: ",").map(String.init)
                let p = try ConvBenchmark.profile(parts[0], width: Int(parts[1])!,
                                                  sparseBelow: parts.count > 2 ? Double(parts[2]) : nil,
                                                  threads: Int(ProcessInfo.processInfo.environment["REPRO_CONV_THREADS"] ?? "2")!)
                for (k, v) in p.timings { Swift.print("step_\(k): \(Digits.fixed(v * 1000, 1)) ms") }
                for (k, v) in p.layers { Swift.print("layer \(k): \(v)") }
                return
            }
            let widths = ProcessInfo.processInfo.environment["REPRO_CONV_WIDTHS"]
                .map { $0.split(separator: ",").compactMap { Int($0) } } ?? [16, 32, 64, 128]
            let rows = try ConvBenchmark.rows(widths: widths)
            Swift.print("conv_note: epoch = median step of 128 images (after a warm-up) × 60000/128")
            for r in rows {
                let base = rows.first { $0.label.hasPrefix(r.label.split(separator: "_")[0]) }!
                Swift.print("\(r.label)_kept_weights: \(r.keptWeights) of \(r.capacity)")
                Swift.print("\(r.label)_epoch_s: \(Digits.fixed(r.oursEpochSeconds, 1))")
                if let d = r.denseMaskedEpochSeconds {
                    Swift.print("\(r.label)_dense_masked_epoch_s: \(Digits.fixed(d, 1))")
                }
                Swift.print("\(r.label)_over_width_16: \(Digits.fixed(r.oursEpochSeconds / base.oursEpochSeconds, 2))")
                Swift.print("\(r.label)_gflops_kept: \(Digits.fixed(r.gflops, 1))")
            }
        } catch {
            Swift.print("conv: \(error)")
        }
    }
}
