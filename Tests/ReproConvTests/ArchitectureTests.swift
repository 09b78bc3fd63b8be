import XCTest
import ReproNetwork
@testable import ReproConv

final class ArchitectureTests: XCTestCase {
    /// Protocol table B §4: weights and multiply-adds per 32×32 image. The table's "≈ 37 M" for
    /// ResNet18-16 disagrees with its own 556 M at width 64 (every layer but the 1-channel stem
    /// and the classifier scales with width²): our count is 34.75 M, 1/16 of 556 M.
    func testSizesAgainstTheProtocolTable() throws {
        let expected: [(String, Int, Double, Double)] = [
            ("vgg11", 16, 0.58e6, 9.6e6), ("vgg11", 32, 2.3e6, 38e6), ("vgg11", 64, 9.2e6, 152e6),
            ("vgg11", 128, 36.9e6, 605e6), ("resnet18", 16, 0.70e6, 34.75e6), ("resnet18", 64, 11.2e6, 556e6),
        ]
        for (name, width, weights, macs) in expected {
            let a = try ConvArchitectures.make(name, width: width)
            XCTAssertEqual(Double(try a.capacity()), weights, accuracy: weights * 0.02, "\(name)-\(width)")
            XCTAssertEqual(Double(try a.multiplyAdds()), macs, accuracy: macs * 0.02, "\(name)-\(width)")
        }
        // PyTorch's parameter counts of kuangliu's VGG11 and the CIFAR ResNet18 / ResNet50 at
        // width 64 on 32×32×3 images: weights + biases + batch-norm scales and shifts.
        for (name, parameters) in [("vgg11", 9_231_114), ("resnet18", 11_173_962), ("resnet50", 23_520_842)] {
            let a = try ConvArchitectures.make(name, width: 64, input: [3, 32, 32],
                                               normalisation: ChannelNormalisation(means: [0.5, 0.5, 0.5], deviations: [0.25, 0.25, 0.25]))
            let net = try ConvNetwork.initial(architecture: a, masks: try a.weightLayers().map { Array(0..<$0.count) },
                                              seed: 0)
            let counted = net.tensors.names.filter { !$0.hasSuffix("running_mean") && !$0.hasSuffix("running_var") }
                .reduce(0) { $0 + net.tensors[$1]!.count }
            XCTAssertEqual(counted, parameters, name)
        }
    }

    /// Under the uniform rule every architecture at every width keeps exactly the base's
    /// capacity, each layer ⌊f·n⌋ or ⌈f·n⌉; water-filling too, with small layers dense.
    func testKeptCountsPerLayerAndTotal() throws {
        for name in ConvArchitectures.names {
            let base = try ConvArchitectures.make(name, width: 16).capacity()
            for width in [16, 32, 64, 128] {
                let a = try ConvArchitectures.make(name, width: width)
                let sizes = try a.weightLayers().map(\.count)
                let total = sizes.reduce(0, +)
                let f = Double(base) / Double(total)
                let uniform = try MaskRule.uniform.keptCounts(sizes: sizes, budget: base)
                XCTAssertEqual(uniform.reduce(0, +), base, "\(name)-\(width)")
                for (k, n) in zip(uniform, sizes) {
                    XCTAssertTrue(k == Int((f * Double(n)).rounded(.down)) || k == Int((f * Double(n)).rounded(.down)) + 1)
                }
                let water = try MaskRule.waterFilling.keptCounts(sizes: sizes, budget: base)
                XCTAssertEqual(water.reduce(0, +), base)
                let cap = water.max()!
                for (k, n) in zip(water, sizes) { XCTAssertTrue(k == n || k >= cap - 1, "\(name)-\(width)") }
            }
        }
        // Drawn masks: exact counts, and the same positions for the same seed.
        let a = try ConvArchitectures.make("resnet18", width: 32)
        let masks = try ConvNetwork.masks(architecture: a, rule: .uniform, seed: 3)
        XCTAssertEqual(masks.map(\.count).reduce(0, +), try ConvArchitectures.make("resnet18", width: 16).capacity())
        XCTAssertEqual(masks, try ConvNetwork.masks(architecture: a, rule: .uniform, seed: 3))
        XCTAssertNotEqual(masks, try ConvNetwork.masks(architecture: a, rule: .uniform, seed: 4))
        let net = try ConvNetwork.initial(architecture: a, masks: masks, seed: 3)
        XCTAssertEqual(net.keptWeights, try ConvArchitectures.make("resnet18", width: 16).capacity())
        XCTAssertEqual(net.capacity, try a.capacity())
        // Init bound 1/√(fan_in·keep).
        let layers = try a.weightLayers()
        for (l, state) in zip(layers, net.layers) {
            let bound = 1 / (Double(l.fanIn) * state.keepFraction).squareRoot()
            XCTAssertLessThanOrEqual(Double(state.values.map(abs).max()!), bound)
        }
        XCTAssertTrue(net.norms.allSatisfy { $0.gamma.allSatisfy { $0 == 1 } && $0.beta.allSatisfy { $0 == 0 } })
    }

    func testStructure() throws {
        let vgg = try ConvArchitectures.make("vgg11", width: 2)
        XCTAssertEqual(try vgg.weightLayers().map(\.name),
                       ["features.0", "features.4", "features.8", "features.11", "features.15", "features.18",
                        "features.22", "features.25", "classifier"])
        let shapes = try vgg.outputShapes()
        XCTAssertEqual(shapes[0], [1, 32, 32])
        XCTAssertEqual(shapes.last, [10])
        let resnet = try ConvArchitectures.make("resnet18", width: 2)
        let names = try resnet.weightLayers().map(\.name)
        XCTAssertEqual(names.count, 21)
        XCTAssertTrue(names.contains("layer2.0.shortcut.0"))
        XCTAssertFalse(names.contains("layer1.0.shortcut.0"))
        XCTAssertEqual(try ConvArchitectures.make("resnet50", width: 2).weightLayers().count, 54)
        XCTAssertEqual(try ConvArchitectures.make("vgg16", width: 2).weightLayers().count, 14)
    }

    func testBadInputsGiveOneLineErrors() throws {
        func message(_ body: () throws -> Void) -> String {
            do { try body(); return "" } catch { return "\(error)" }
        }
        let unknown = message { _ = try ConvArchitectures.make("vgg12", width: 16) }
        XCTAssertTrue(unknown.contains("unknown architecture \"vgg12\""), unknown)
        XCTAssertTrue(message { _ = try ConvArchitectures.make("vgg11", width: 0) }.contains("width"))
        XCTAssertTrue(message { _ = try ConvArchitectures.make("resnet18", width: -3) }.contains("width"))
        let rule = message { _ = try MaskRule(parsing: "magnitude") }
        XCTAssertTrue(rule.contains("unknown mask rule \"magnitude\""), rule)
        XCTAssertEqual(try MaskRule(parsing: "water-filling"), .waterFilling)
        let narrow = try ConvArchitectures.make("vgg11", width: 8)
        XCTAssertTrue(message { _ = try ConvNetwork.masks(architecture: narrow, rule: .uniform, seed: 0) }
            .contains("fewer weights"))
        let net = try Toy.network(sparseBelow: 0)
        XCTAssertTrue(message { _ = try net.inference(batchSize: 0, threads: 1) }.contains("positive"))
        let inference = try net.inference(batchSize: 2, threads: 1)
        XCTAssertTrue(message { _ = try inference.logits(pixels: [0, 1, 2]) }.contains("whole images"))
        XCTAssertTrue(message { _ = try inference.lossesAndInputGradients(pixels: Array(repeating: 0, count: 36),
                                                                           labels: [7]) }.contains("labels"))
        let trainer = try ConvTrainer(network: net)
        let data = try Toy.data(count: 4)
        XCTAssertTrue(message { try trainer.step([9], data: data, learningRate: 0.1) }.contains("a step takes"))
        XCTAssertTrue(message { try trainer.step([], data: data, learningRate: 0.1) }.contains("a step takes"))
        var options = ConvTrainingOptions()
        options.momentum = 1
        XCTAssertTrue(message { _ = try ConvTrainer(network: net, options: options) }.contains("momentum"))
        for m in [unknown, rule] { XCTAssertFalse(m.contains("\n")) }
    }
}

final class NamingTests: XCTestCase {
    func testBatchNormNamedLikeAConvIsRefused() throws {
        let a = Architecture(name: "clash", width: 1, input: [1, 4, 4], nodes: [
            ArchitectureNode(.conv(name: "x", channels: 2, kernel: 3, stride: 1, padding: 1, bias: false)),
            ArchitectureNode(.batchNorm(name: "x")),
            ArchitectureNode(.flatten),
            ArchitectureNode(.dense(name: "fc", outputs: 2, bias: true)),
        ])
        let masks = try a.weightLayers().map { Array(0..<$0.count) }
        XCTAssertThrowsError(try ConvNetwork.initial(architecture: a, masks: masks, seed: 0)) { error in
            XCTAssertTrue("\(error)".contains("distinct names"))
        }
    }
}
