import ReproKernelDispatch
import Dispatch
import XCTest
import ReproNetwork
import ReproSupport
@testable import ReproConv

final class EngineTests: XCTestCase {
    /// Our sparse kernels and oneDNN on the dense weights × mask give the same numbers.
    func testSparseConvEqualsDenseTimesMask() throws {
        let data = try Toy.data(count: 6, seed: 2)
        var results: [InputGradients] = []
        var trained: [ConvNetwork] = []
        for below in [0.0, 2.0] {
            let net = try Toy.network(seed: 1, sparseBelow: below)
            results.append(try net.inference(batchSize: 4, threads: 2)
                .lossesAndInputGradients(pixels: data.pixels, labels: data.labels))
            var options = ConvTrainingOptions()
            options.batchSize = 3; options.maxEpochs = 2; options.stopBelowLoss = 0
            trained.append(try ConvTrainer.train(network: net, data: data, seed: 4, options: options).network)
        }
        XCTAssertLessThan(maxDifference(results[0].logits, results[1].logits), 1e-5)
        XCTAssertLessThan(maxDifference(results[0].gradients, results[1].gradients), 1e-5)
        for (a, b) in zip(trained[0].layers, trained[1].layers) {
            XCTAssertEqual(a.positions, b.positions)
            XCTAssertLessThan(maxDifference(a.values, b.values), 1e-4, a.name)
        }
    }

    /// A larger conv on both paths, with a kernel-3 stride-2 shape and a tile smaller than the batch.
    func testSparseConvolutionKernelAgainstLoops() throws {
        let g = ConvGeometry(inChannels: 5, height: 9, width: 9, outChannels: 7, kernel: 3, stride: 2,
                             padding: 1, bias: true)
        var rng = RandomStream(seed: 0, "positions")
        var all = Array(0..<g.weightCount)
        rng.shuffle(&all)
        let positions = Array(all.prefix(g.weightCount / 5)).sorted()
        let values = randomFloats(positions.count, seed: 0, "values")
        var dense = [Float](repeating: 0, count: g.weightCount)
        for (k, p) in positions.enumerated() { dense[p] = values[k] }
        let bias = randomFloats(7, seed: 0, "bias")
        let x = randomFloats(5 * 5 * 81, seed: 0, "x")
        let conv = SparseConvolution(g, positions: positions, batch: 5, threads: 2, tileFloats: 600)
        XCTAssertLessThan(conv.tileImages, 3)
        var y = [Float](repeating: 0, count: 5 * 7 * g.outPositions)
        conv.forward(x: x, values: values, bias: bias, y: &y, batch: 5)
        XCTAssertLessThan(maxDifference(y, Reference.conv(x, dense, bias, g, batch: 5)), 1e-5)
        // Backward against oneDNN on the dense weights.
        let dy = randomFloats(y.count, seed: 0, "dy")
        var dx = [Float](repeating: 0, count: x.count), dw = [Float](repeating: 0, count: positions.count)
        var db = [Float](repeating: 0, count: 7)
        conv.backward(x: x, dy: dy, values: values, dx: &dx, weightGradients: &dw, biasGradients: &db, batch: 5)
        let reference = try DNNLConvolution(g, batch: 5)
        var dx2 = [Float](repeating: 0, count: x.count), dw2 = [Float](repeating: 0, count: g.weightCount)
        var db2 = [Float](repeating: 0, count: 7)
        try reference.backwardData(dy: dy, w: dense, dx: &dx2)
        try reference.backwardWeights(x: x, dy: dy, dw: &dw2, db: &db2)
        XCTAssertLessThan(maxDifference(dx, dx2), 1e-4)
        XCTAssertLessThan(maxDifference(dw, positions.map { dw2[$0] }), 1e-4)
        XCTAssertLessThan(maxDifference(db, db2), 1e-4)
    }

    /// Masked weights are absent, so zero after training, in the stored tensors too.
    func testMaskedWeightsStayZeroAfterTraining() throws {
        let data = try Toy.data(count: 8)
        for below in [0.0, 2.0] {
            let net = try Toy.network(seed: 2, sparseBelow: below)
            var options = ConvTrainingOptions()
            options.batchSize = 4; options.maxEpochs = 3; options.stopBelowLoss = 0
            let result = try ConvTrainer.train(network: net, data: data, seed: 1, options: options)
            XCTAssertEqual(result.history.count, 3)
            XCTAssertEqual(result.stopReason, .maxEpochs)
            for (before, after) in zip(net.layers, result.network.layers) {
                XCTAssertEqual(before.positions, after.positions)
                XCTAssertNotEqual(before.values, after.values, "\(before.name) did not train")
                let stored = result.network.tensors["\(after.name).weight"]!.dense
                let kept = Set(after.positions)
                XCTAssertTrue(stored.indices.allSatisfy { kept.contains($0) || stored[$0] == 0 })
            }
            XCTAssertEqual(try ConvNetwork(architecture: Toy.architecture, tensors: result.network.tensors,
                                           sparseBelow: below), result.network)
        }
    }

    /// Same seed, same bits; the loss falls on a learnable toy task.
    func testTrainingIsReproducibleAndLearns() throws {
        let data = try Toy.data(count: 24, seed: 9)
        var options = ConvTrainingOptions()
        options.batchSize = 8; options.maxEpochs = 40; options.learningRate = 0.1; options.stopBelowLoss = 0.3
        let net = try Toy.network(seed: 0, sparseBelow: 0.6)
        let a = try ConvTrainer.train(network: net, data: data, seed: 7, options: options)
        let b = try ConvTrainer.train(network: net, data: data, seed: 7, options: options)
        XCTAssertEqual(a.network, b.network)
        XCTAssertEqual(a.history.map(\.meanLoss), b.history.map(\.meanLoss))
        XCTAssertLessThan(a.history.last!.meanLoss, a.history.first!.meanLoss)
        // Every kernel family this CPU runs (baseline, AVX2, AVX-512) trains the same bits.
        options.maxEpochs = 3
        let reference = try Kernels.with(.baseline) {
            try ConvTrainer.train(network: net, data: data, seed: 7, options: options).network
        }
        for family in Kernels.supported {
            let trained = try Kernels.with(family) {
                try ConvTrainer.train(network: net, data: data, seed: 7, options: options).network
            }
            XCTAssertEqual(trained, reference, "\(family)")
        }
    }

    /// Two networks trained side by side on two threads (one thread each) give the bits they
    /// give alone.
    func testNetworksSideBySide() throws {
        let data = try Toy.data(count: 16, seed: 3)
        var options = ConvTrainingOptions()
        options.batchSize = 8; options.maxEpochs = 2; options.stopBelowLoss = 0; options.threads = 1
        let nets = try [0.0, 2.0].map { try Toy.network(seed: 5, sparseBelow: $0) }
        let alone = try nets.map { try ConvTrainer.train(network: $0, data: data, seed: 2, options: options).network }
        let results = Locked<[ConvNetwork?]>([nil, nil])
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let trained = try? ConvTrainer.train(network: nets[i], data: data, seed: 2, options: options).network
            results.update { $0[i] = trained }
        }
        XCTAssertEqual(results.value, alone)
    }

    /// Training mode normalises with the batch's statistics and moves the running ones by
    /// momentum 0.1 with the unbiased variance; inference uses the running statistics, so an
    /// image's logits do not depend on the rest of its batch.
    func testBatchNormStatistics() throws {
        let s = BatchNormKernel.Shape(batch: 3, channels: 2, positions: 5)
        let x = randomFloats(30, seed: 0, "bn")
        var y = [Float](repeating: 0, count: 30), mean = [Float](repeating: 0, count: 2)
        var inv = mean, rm: [Float] = [0.5, -0.5], rv: [Float] = [2, 3]
        BatchNormKernel.forwardTraining(s, x: x, gamma: [1, 2], beta: [0, 1], y: &y, mean: &mean,
                                        invStd: &inv, runningMean: &rm, runningVar: &rv, relu: false, threads: 2)
        for c in 0..<2 {
            let values = (0..<3).flatMap { n in (0..<5).map { Double(x[(n * 2 + c) * 5 + $0]) } }
            let mu = values.reduce(0, +) / 15
            let biased = values.map { ($0 - mu) * ($0 - mu) }.reduce(0, +) / 15
            XCTAssertEqual(Double(mean[c]), mu, accuracy: 1e-6)
            XCTAssertEqual(Double(inv[c]), 1 / (biased + 1e-5).squareRoot(), accuracy: 1e-4)
            XCTAssertEqual(Double(rm[c]), 0.9 * [0.5, -0.5][c] + 0.1 * mu, accuracy: 1e-6)
            XCTAssertEqual(Double(rv[c]), 0.9 * [2, 3][c] + 0.1 * biased * 15 / 14, accuracy: 1e-5)
        }
        let net = try Toy.network(seed: 4, sparseBelow: 0)
        let data = try Toy.data(count: 4)
        let inference = try net.inference(batchSize: 4, threads: 1)
        let batch = try inference.logits(pixels: data.pixels)
        let single = try inference.logits(pixels: Array(data.pixels.prefix(36)))
        XCTAssertLessThan(maxDifference(Array(batch.prefix(3)), single), 1e-5)
        var other = net
        other.norms[0].runningMean = other.norms[0].runningMean.map { $0 + 1 }
        let moved = try other.inference(batchSize: 4, threads: 1).logits(pixels: data.pixels)
        XCTAssertGreaterThan(maxDifference(batch, moved), 1e-3)
        // The scores agree with the logits.
        let score = try inference.evaluate(data)
        XCTAssertEqual(score.count, 4)
        let predicted = (0..<4).map { n in (0..<3).max { batch[n * 3 + $0] < batch[n * 3 + $1] }! }
        XCTAssertEqual(score.correct, zip(predicted, data.labels).filter { $0 == $1 }.count)
    }

    /// torchvision's bilinear upsampling with half-pixel centres: [0, 1] → [0, .25, .75, 1].
    func testResizeMatchesHalfPixelBilinear() {
        let kernel = ResizeKernel(inHeight: 1, inWidth: 2, outHeight: 1, outWidth: 4)
        var y = [Float](repeating: 0, count: 4)
        kernel.forward(planes: 1, x: [0, 1], y: &y)
        XCTAssertEqual(y, [0, 0.25, 0.75, 1])
        let taps = ResizeKernel.taps(from: 28, to: 32)
        XCTAssertEqual(taps[0].low, 0); XCTAssertEqual(taps[31].low, 27)
        XCTAssertEqual(taps[1].lowWeight, 1 - (1.5 * 28 / 32 - 0.5), accuracy: 1e-6)
    }

    func testPerturbedAndPruned() throws {
        let net = try Toy.network(seed: 0, sparseBelow: 0)
        var rng = RandomStream(seed: 1, "noise")
        let zero = try net.perturbed(sigma: 0, using: &rng)
        XCTAssertEqual(zero, net)
        let noisy = try net.perturbed(sigma: 0.1, using: &rng)
        XCTAssertEqual(noisy.layers.map(\.positions), net.layers.map(\.positions))
        XCTAssertNotEqual(noisy.layers[0].values, net.layers[0].values)
        XCTAssertEqual(noisy.norms, net.norms)
        let pruned = try net.pruned(keep: net.keptPerLayer.map { $0 / 2 })
        XCTAssertEqual(pruned.keptPerLayer, net.keptPerLayer.map { $0 / 2 })
        let smallestKept = pruned.layers[0].values.map(abs).min()!
        let dropped = Set(net.layers[0].positions).subtracting(pruned.layers[0].positions)
        for (k, p) in net.layers[0].positions.enumerated() where dropped.contains(p) {
            XCTAssertLessThanOrEqual(abs(net.layers[0].values[k]), smallestKept)
        }
        XCTAssertThrowsError(try net.pruned(keep: [1]))
    }
}

final class ResumeTests: XCTestCase {
    /// Stopped after one epoch and resumed from its checkpoint, training gives the bits of an
    /// uninterrupted run.
    func testResumeGivesTheUninterruptedBits() throws {
        let data = try Toy.data(count: 12, seed: 8)
        var options = ConvTrainingOptions()
        options.batchSize = 4; options.maxEpochs = 3; options.stopBelowLoss = 0
        let net = try Toy.network(seed: 6, sparseBelow: 0.6)
        let straight = try ConvTrainer.train(network: net, data: data, seed: 1, options: options)
        var saved: [ConvCheckpoint] = []
        var short = options
        short.maxEpochs = 1
        _ = try ConvTrainer.train(network: net, data: data, seed: 1, options: short, checkpoint: { saved.append($0) })
        XCTAssertEqual(saved.count, 1)
        let resumed = try ConvTrainer.train(network: net, data: data, seed: 1, options: options, resuming: saved[0])
        XCTAssertEqual(resumed.network, straight.network)
        XCTAssertEqual(resumed.history.map(\.meanLoss), straight.history.map(\.meanLoss))
        XCTAssertEqual(resumed.stopReason, .maxEpochs)
    }
}
