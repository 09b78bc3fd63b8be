import XCTest

@testable import ReproSparse
import ReproNetwork

final class ValidationTests: XCTestCase {
    private func message(_ body: () throws -> Void) -> String {
        do {
            try body()
        } catch let error as SparseError {
            return error.message
        } catch {
            return "unexpected \(error)"
        }
        return "no error"
    }

    private func assertOneLine(_ text: String, contains needle: String) {
        XCTAssertTrue(text.contains(needle), "“\(text)” should mention “\(needle)”")
        XCTAssertFalse(text.contains("\n"))
        XCTAssertFalse(text.isEmpty)
    }

    func testBadArgumentsAreRejectedWithOneClearLine() throws {
        let model = try randomModel([(10, 8, 20), (8, 3, 24)], seed: 1)
        assertOneLine(
            message { _ = try SparseFamilies.width(0) }, contains: "width must be positive")
        assertOneLine(
            message { _ = try SparseLayerShape(fanIn: 784, fanOut: -3, kept: 1) },
            contains: "width must be positive")
        assertOneLine(
            message { _ = try SparseLayerShape(fanIn: 4, fanOut: 5, kept: 21) },
            contains: "cannot keep 21")
        assertOneLine(
            message { _ = try SparseMask.draw(keep: 11, of: 10, using: &SplitMix64.shared) },
            contains: "cannot keep 11")
        assertOneLine(
            message { _ = try SparseTrainer(model: model, options: .init(batchSize: 0)) },
            contains: "batch size must be positive")
        for lr in [0, -0.1, .nan, .infinity] {
            assertOneLine(
                message { _ = try SparseTrainer(model: model, options: .init(learningRate: lr)) },
                contains: "learning rate must be a positive finite number")
        }
        assertOneLine(
            message { _ = try SparseFamilies.depth(hiddenLayers: 0) },
            contains: "depth must be positive")
        assertOneLine(message { _ = try SparseMLP(layers: []) }, contains: "depth must be positive")
        assertOneLine(
            message { _ = try SparseFamilies.dense(hidden: []) }, contains: "depth must be positive"
        )
        assertOneLine(
            message { _ = try SparseInference(model: model, batchSize: 0) },
            contains: "batch size must be positive")
        assertOneLine(
            message {
                _ = try SparseLayer(
                    fanIn: 2, fanOut: 2, indices: [3, 1], values: [1, 1], bias: [0, 0])
            }, contains: "ascending")
        assertOneLine(
            message { _ = try SparseFamilies.width(64) }, contains: "below the base width")
    }

    func testBadDataAndOrdersAreRejected() throws {
        let model = try randomModel([(10, 8, 20), (8, 3, 24)], seed: 1)
        let trainer = try SparseTrainer(model: model)
        let good = try SparseDataset(
            pixels: [Float](repeating: 0.5, count: 40), labels: [0, 1, 2, 1],
            inputSize: 10)
        assertOneLine(
            message { _ = try trainer.trainEpoch(on: good, order: [0, 1, 1, 2]) },
            contains: "not a permutation")
        let badLabels = try SparseDataset(
            pixels: [Float](repeating: 0.5, count: 20), labels: [0, 3],
            inputSize: 10)
        assertOneLine(
            message { _ = try trainer.trainEpoch(on: badLabels, order: [0, 1]) },
            contains: "out of range")
        assertOneLine(
            message { _ = try SparseDataset(pixels: [0, 1, 2], labels: [0], inputSize: 10) },
            contains: "pixels")
    }
}

extension SplitMix64 {
    static var shared = SplitMix64(123)
}
