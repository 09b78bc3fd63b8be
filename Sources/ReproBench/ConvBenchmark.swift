import Foundation
import ReproConv
import ReproNetwork
import ReproSupport

/// Paper 2's conv engine: per width of VGG11 and ResNet18 under the uniform rule (the width-16
/// capacity), the time of a training step of 128 MNIST-shaped synthetic images on our engine
/// and on oneDNN with the dense weights × mask (the same shapes), each timed on a few batches
/// after a warm-up and scaled to an epoch of 60,000 images (469 batches).
public enum ConvBenchmark {
    public struct Row: Sendable {
        public var label: String
        public var keptWeights: Int
        public var capacity: Int
        public var batchesTimed: Int
        public var oursEpochSeconds: Double
        public var denseMaskedEpochSeconds: Double?
        /// Images per second of a forward pass in inference mode (batches of 128).
        public var oursInferenceImagesPerSecond: Double
        public var denseMaskedInferenceImagesPerSecond: Double?
        /// 2 × multiply-adds on the kept weights (forward, input gradient, weight gradient) per
        /// second of ours.
        public var gflops: Double
    }

    public static let epochImages = 60_000

    public static func rows(widths: [Int] = [16, 32, 64, 128], batches: Int = 4, denseBatches: Int = 2,
                            threads: Int = 1, log: (String) -> Void = { _ in }) throws -> [Row] {
        let data = try syntheticBatch()
        var rows: [Row] = []
        for name in ["vgg11", "resnet18"] {
            for width in widths {
                let a = try ConvArchitectures.make(name, width: width)
                let masks = try ConvNetwork.masks(architecture: a, rule: .uniform, seed: 0)
                let ours = try ConvNetwork.initial(architecture: a, masks: masks, seed: 0)
                let oursSeconds = try stepSeconds(ours, data, batches: batches, threads: threads)
                var dense = ours
                dense.sparseBelow = 0
                let denseSeconds = width == 16 ? oursSeconds
                    : try stepSeconds(dense, data, batches: denseBatches, threads: threads)
                let oursRate = try inferenceImagesPerSecond(ours, data, batches: batches, threads: threads)
                let denseRate = width == 16 ? oursRate
                    : try inferenceImagesPerSecond(dense, data, batches: denseBatches, threads: threads)
                let kept = masks.map(\.count)
                let macs = Double(try a.multiplyAdds(kept: kept)) * 3 * Double(epochImages)
                let steps = Double(epochImages) / 128
                let row = Row(label: "\(name)_\(width)", keptWeights: kept.reduce(0, +),
                              capacity: try a.capacity(), batchesTimed: batches,
                              oursEpochSeconds: oursSeconds * steps, denseMaskedEpochSeconds: denseSeconds * steps,
                              oursInferenceImagesPerSecond: oursRate, denseMaskedInferenceImagesPerSecond: denseRate,
                              gflops: 2 * macs / (oursSeconds * steps) / 1e9)
                log(row.label)
                rows.append(row)
            }
        }
        return rows
    }

    /// Seconds per training step of 128 images (median of `batches` after one warm-up step).
    static func stepSeconds(_ network: ConvNetwork, _ data: LabeledPixels, batches: Int, threads: Int) throws -> Double {
        var options = ConvTrainingOptions()
        options.threads = threads
        let trainer = try ConvTrainer(network: network, options: options)
        let indices = Array(0..<128)
        try trainer.step(indices, data: data, learningRate: 0.01)
        var times: [Double] = []
        for _ in 0..<batches {
            let start = Date()
            try trainer.step(indices, data: data, learningRate: 0.01)
            times.append(Date().timeIntervalSince(start))
        }
        return times.sorted()[times.count / 2]
    }

    /// Images per second of inference-mode logits on 128 images (median of `batches` after a warm-up).
    static func inferenceImagesPerSecond(_ network: ConvNetwork, _ data: LabeledPixels, batches: Int,
                                         threads: Int) throws -> Double {
        let inference = try network.inference(batchSize: 128, threads: threads)
        _ = try inference.logits(pixels: data.pixels)
        var times: [Double] = []
        for _ in 0..<batches {
            let start = Date()
            _ = try inference.logits(pixels: data.pixels)
            times.append(Date().timeIntervalSince(start))
        }
        return Double(data.count) / times.sorted()[times.count / 2]
    }

    /// 128 MNIST-shaped images: a bright stroke whose position depends on the label.
    static func syntheticBatch() throws -> LabeledPixels {
        var pixels = [Float](repeating: 0, count: 128 * 784)
        let labels = (0..<128).map { $0 % 10 }
        for (n, label) in labels.enumerated() {
            for r in 4..<24 { pixels[n * 784 + r * 28 + 4 + 2 * label] = 1 }
        }
        return try LabeledPixels(pixels: pixels, labels: labels, inputSize: 784)
    }
}

extension ConvBenchmark {
    /// Where a step's time goes: seconds per operation kind over `batches` steps, and the
    /// implementation of every layer.
    public static func profile(_ name: String, width: Int, sparseBelow: Double? = nil, batches: Int = 2,
                               threads: Int = 2) throws -> (timings: [(String, Double)], layers: [(String, String)]) {
        let a = try ConvArchitectures.make(name, width: width)
        let masks = try ConvNetwork.masks(architecture: a, rule: .uniform, seed: 0)
        var network = try ConvNetwork.initial(architecture: a, masks: masks, seed: 0)
        if let sparseBelow { network.sparseBelow = sparseBelow }
        var options = ConvTrainingOptions()
        options.threads = threads
        let trainer = try ConvTrainer(network: network, options: options)
        let data = try syntheticBatch()
        try trainer.step(Array(0..<128), data: data, learningRate: 0.01)
        trainer.profile = [:]
        for _ in 0..<batches { try trainer.step(Array(0..<128), data: data, learningRate: 0.01) }
        let t = trainer.profile!.map { ($0.key, $0.value / Double(batches)) }.sorted { $0.1 > $1.1 }
        return (t, try trainer.implementations())
    }
}

extension ConvBenchmark {
    /// Both cores as the runner should use them: two networks (seeds 0 and 1) of the same shape
    /// trained side by side, one thread each; wall seconds per step of each (median of
    /// `batches` after a warm-up), so ×469 is the epoch time of each of the two.
    public static func sideBySideStepSeconds(_ name: String, width: Int, batches: Int = 4) throws -> Double {
        let a = try ConvArchitectures.make(name, width: width)
        let data = try syntheticBatch()
        let trainers = try (0..<2).map { seed -> ConvTrainer in
            let masks = try ConvNetwork.masks(architecture: a, rule: .uniform, seed: seed)
            return try ConvTrainer(network: try ConvNetwork.initial(architecture: a, masks: masks, seed: seed))
        }
        let indices = Array(0..<128)
        let failed = Locked<Error?>(nil)
        var times: [Double] = []
        for b in 0...batches {
            let start = Date()
            DispatchQueue.concurrentPerform(iterations: 2) { i in
                do { try trainers[i].step(indices, data: data, learningRate: 0.01) } catch {
                    failed.update { $0 = error }
                }
            }
            if let error = failed.value { throw error }
            if b > 0 { times.append(Date().timeIntervalSince(start)) }
        }
        return times.sorted()[times.count / 2]
    }
}
