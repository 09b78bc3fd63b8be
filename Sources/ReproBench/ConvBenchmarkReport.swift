import Foundation
import ReproConv
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
                                                  threads: Int(ProcessInfo.processInfo.environment["REPRO_CONV_THREADS"] ?? "1")!)
                for (k, v) in p.timings { Swift.print("step_\(k): \(Digits.fixed(v * 1000, 1)) ms") }
                for (k, v) in p.layers { Swift.print("layer \(k): \(v)") }
                return
            }
            if let spec = ProcessInfo.processInfo.environment["REPRO_CONV_SPARSE_LAYERS"] {
                // name,width: every conv layer on our sparse kernels, forward and backward apart
                let parts = spec.split(separator: ",").map(String.init)
                let a = try ConvArchitectures.make(parts[0], width: Int(parts[1])!)
                var forward = 0.0, backward = 0.0
                for r in try SparseLayerTiming.rows(a) {
                    forward += r.forwardSeconds; backward += r.backwardSeconds
                    let gflops = { (s: Double, passes: Double) in Digits.fixed(2 * passes * Double(r.multiplyAdds) / s / 1e9, 1) }
                    Swift.print("layer \(r.layer) (\(r.layout), \(r.keptWeights) kept): forward "
                                + "\(Digits.fixed(r.forwardSeconds * 1000, 1)) ms (\(gflops(r.forwardSeconds, 1)) GFLOP/s), backward "
                                + "\(Digits.fixed(r.backwardSeconds * 1000, 1)) ms (\(gflops(r.backwardSeconds, 2)) GFLOP/s)")
                }
                Swift.print("sparse_layers_forward_ms: \(Digits.fixed(forward * 1000, 1))")
                Swift.print("sparse_layers_backward_ms: \(Digits.fixed(backward * 1000, 1))")
                return
            }
            if let spec = ProcessInfo.processInfo.environment["REPRO_CONV_LAYERS"] {
                // name,width: dense conv layers, ours (plain layouts) against oneDNN's own layouts
                let parts = spec.split(separator: ",").map(String.init)
                let a = try ConvArchitectures.make(parts[0], width: Int(parts[1])!)
                var ours = 0.0, best = 0.0, macs = 0
                for r in try DenseLayerTiming.rows(a) {
                    ours += r.oursSeconds; best += r.oneDNNSeconds; macs += r.multiplyAdds
                    Swift.print("layer \(r.layer): ours \(Digits.fixed(r.oursSeconds * 1000, 1)) ms "
                                + "(\(r.oursImplementation)), oneDNN own \(Digits.fixed(r.oneDNNSeconds * 1000, 1)) ms "
                                + "(\(r.oneDNNImplementation))")
                }
                Swift.print("dense_layers_ours_gflops: \(Digits.fixed(6 * Double(macs) / ours / 1e9, 1))")
                Swift.print("dense_layers_onednn_own_gflops: \(Digits.fixed(6 * Double(macs) / best / 1e9, 1))")
                Swift.print("dense_layers_ours_over_onednn_throughput: \(Digits.fixed(best / ours, 2))")
                return
            }
            let widths = ProcessInfo.processInfo.environment["REPRO_CONV_WIDTHS"]
                .map { $0.split(separator: ",").compactMap { Int($0) } } ?? [16, 32, 64, 128]
            let rows = try ConvBenchmark.rows(widths: widths, threads: Int(ProcessInfo.processInfo.environment["REPRO_CONV_THREADS"] ?? "1")!)
            Swift.print("conv_note: epoch = median step of 128 images (after a warm-up) × 60000/128, one thread; inference = median pass over 128 images")
            for name in ["vgg11", "resnet18"] where widths.contains(16) {
                let s = try ConvBenchmark.sideBySideStepSeconds(name, width: 16)
                Swift.print("\(name)_16_two_side_by_side_epoch_s: \(Digits.fixed(s * 60_000 / 128, 1)) (each of two networks at once)")
            }
            for r in rows {
                let base = rows.first { $0.label.hasPrefix(r.label.split(separator: "_")[0]) }!
                Swift.print("\(r.label)_kept_weights: \(r.keptWeights) of \(r.capacity)")
                Swift.print("\(r.label)_epoch_s: \(Digits.fixed(r.oursEpochSeconds, 1))")
                if let d = r.denseMaskedEpochSeconds {
                    Swift.print("\(r.label)_dense_masked_epoch_s: \(Digits.fixed(d, 1))")
                }
                Swift.print("\(r.label)_over_width_16: \(Digits.fixed(r.oursEpochSeconds / base.oursEpochSeconds, 2))")
                if let d = r.denseMaskedEpochSeconds {
                    Swift.print("\(r.label)_over_dense_masked: \(Digits.fixed(r.oursEpochSeconds / d, 2))")
                }
                Swift.print("\(r.label)_inference_images_per_s: \(Digits.fixed(r.oursInferenceImagesPerSecond, 0))")
                if let d = r.denseMaskedInferenceImagesPerSecond {
                    Swift.print("\(r.label)_dense_masked_inference_images_per_s: \(Digits.fixed(d, 0))")
                }
                Swift.print("\(r.label)_inference_width_16_over_this: "
                            + "\(Digits.fixed(base.oursInferenceImagesPerSecond / r.oursInferenceImagesPerSecond, 2))")
                Swift.print("\(r.label)_gflops_kept: \(Digits.fixed(r.gflops, 1))")
            }
        } catch {
            Swift.print("conv: \(error)")
        }
    }
}
