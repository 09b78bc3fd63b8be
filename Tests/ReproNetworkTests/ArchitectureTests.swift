import ReproNetwork
import XCTest

/// Shapes, weight layers, capacity and multiply-adds of architectures small enough to count by
/// hand, and the one-line refusals of ones that do not fit together.
final class ArchitectureTests: XCTestCase {
    /// resize 28→32, normalise, conv 3×3 (4 ch, pad 1), BN, ReLU, pool 2, a residual block of
    /// one conv, flatten, dense → 10.
    static let small = Architecture(name: "tiny", width: 4, input: [1, 28, 28], nodes: [
        .init(.resize(height: 32, width: 32)),
        .init(.normalize(mean: [0.1307], std: [0.3081])),
        .init(.conv(name: "conv1", channels: 4, kernel: 3, stride: 1, padding: 1, bias: true)),
        .init(.batchNorm(name: "bn1")),
        .init(.relu),
        .init(.maxPool(size: 2, stride: 2)),                                   // 5: [4, 16, 16]
        .init(.conv(name: "conv2", channels: 4, kernel: 3, stride: 1, padding: 1, bias: false)),
        .init(.add, from: [5, 6]),
        .init(.conv(name: "down", channels: 8, kernel: 1, stride: 2, padding: 0, bias: false)),
        .init(.averagePool(size: 8, stride: 8)),                               // 9: [8, 1, 1]
        .init(.flatten),
        .init(.dense(name: "fc", outputs: 10, bias: true)),
    ])

    func testShapesFollowEveryNode() throws {
        let shapes = try Self.small.outputShapes()
        XCTAssertEqual(shapes[0], [1, 32, 32])
        XCTAssertEqual(shapes[2], [4, 32, 32])
        XCTAssertEqual(shapes[5], [4, 16, 16])
        XCTAssertEqual(shapes[7], [4, 16, 16])
        XCTAssertEqual(shapes[8], [8, 8, 8])
        XCTAssertEqual(shapes[9], [8, 1, 1])
        XCTAssertEqual(shapes[11], [10])
    }

    func testWeightLayersCapacityAndMultiplyAdds() throws {
        let layers = try Self.small.weightLayers()
        XCTAssertEqual(layers.map(\.name), ["conv1", "conv2", "down", "fc"])
        XCTAssertEqual(layers.map(\.shape), [[4, 1, 3, 3], [4, 4, 3, 3], [8, 4, 1, 1], [10, 8]])
        XCTAssertEqual(layers.map(\.fanIn), [9, 36, 4, 8])
        XCTAssertEqual(try Self.small.capacity(), 36 + 144 + 32 + 80)
        // Per output position: 32·32·36 + 16·16·144 + 8·8·32 + 80.
        XCTAssertEqual(try Self.small.multiplyAdds(), 36_864 + 36_864 + 2_048 + 80)
        XCTAssertEqual(try Self.small.multiplyAdds(kept: [18, 72, 16, 40]),
                       (36_864 + 36_864 + 2_048 + 80) / 2)
    }

    func testMisfitsAreRefusedInOneLine() {
        var bad = Self.small
        bad.nodes[7] = .init(.add, from: [4, 6])   // [4, 32, 32] + [4, 16, 16]
        XCTAssertThrowsError(try bad.outputShapes()) { error in
            XCTAssertTrue("\(error)".contains("node 7 (add)"), "\(error)")
        }
        var forward = Self.small
        forward.nodes[3] = .init(.batchNorm(name: "bn1"), from: [5])
        XCTAssertThrowsError(try forward.outputShapes()) { error in
            XCTAssertTrue("\(error)".contains("not an earlier one"), "\(error)")
        }
        var twice = Self.small
        twice.nodes[8] = .init(.conv(name: "conv1", channels: 8, kernel: 1, stride: 2, padding: 0,
                                     bias: false))
        XCTAssertThrowsError(try twice.weightLayers())
        var pooled = Self.small
        pooled.nodes[9] = .init(.averagePool(size: 16, stride: 16))
        XCTAssertThrowsError(try pooled.outputShapes())
    }

    func testItRoundTripsThroughJSON() throws {
        let data = try JSONEncoder().encode(Self.small)
        XCTAssertEqual(try JSONDecoder().decode(Architecture.self, from: data), Self.small)
    }
}
