import Foundation
import ReproExperiments
import ReproNN
import ReproNetwork
import ReproTestSupport
import XCTest

/// The version 3 weight format: named tensors of any rank round-trip to the bit, a damaged file
/// is refused, version 2 files are still read, and a model spec without an architecture keeps
/// the key it always had.
final class TensorFileTests: XCTestCase {
    func tensors() throws -> NamedTensors {
        try NamedTensors([
            ("conv1.weight", Tensor(shape: [2, 1, 3, 3],
                                    storage: .sparse(indices: [0, 4, 17], values: [0.5, -1, 3e-8]))),
            ("conv1.bias", Tensor(shape: [2], values: [0, -0.25])),
            ("bn1.running_var", Tensor(shape: [2], values: [1, .leastNonzeroMagnitude])),
            ("fc.weight", Tensor(shape: [3, 2], values: [1, 2, 3, 4, 5, -6])),
        ])
    }

    func testNamedTensorsRoundTripBitForBit() throws {
        let t = try tensors()
        let data = TensorFile.encode(t)
        XCTAssertEqual(try TensorFile.decode(data, name: "x"), t)
        XCTAssertEqual(try TensorFile.headers(data, name: "x").map(\.name), t.names)
        XCTAssertEqual(try TensorFile.headers(data, name: "x").map(\.kept), [3, 2, 2, 6])
    }

    func testAnyChangedByteOrTruncationIsRefused() throws {
        let data = TensorFile.encode(try tensors())
        for position in [5, 40, data.count / 2, data.count - 40, data.count - 1] {
            var bad = data
            bad[position] ^= 0x10
            XCTAssertThrowsError(try TensorFile.decode(bad, name: "w.weights"), "byte \(position)") {
                XCTAssertTrue("\($0)".contains("w.weights: weight file is damaged"), "\($0)")
            }
        }
        XCTAssertThrowsError(try TensorFile.headers(data.prefix(data.count - 3), name: "w"))
    }

    func testVersionTwoLayersReadAsOutputMajorTensors() throws {
        // 2 inputs → 3 outputs, stored input-major: w[i·3 + o].
        let dense = LayerWeights(fanIn: 2, fanOut: 3, storage: .dense([1, 2, 3, 4, 5, 6]),
                                 bias: [0.5, 0, -0.5])
        let sparse = LayerWeights(fanIn: 3, fanOut: 1,
                                  storage: .sparse(indices: [0, 2], values: [7, 8]), bias: [1])
        let t = try TensorFile.decode(WeightFile.encode([dense, sparse]), name: "v2")
        XCTAssertEqual(t.names, ["dense0.weight", "dense0.bias", "dense1.weight", "dense1.bias"])
        XCTAssertEqual(t["dense0.weight"], Tensor(shape: [3, 2], values: [1, 4, 2, 5, 3, 6]))
        XCTAssertEqual(t["dense1.weight"],
                       Tensor(shape: [1, 3], storage: .sparse(indices: [0, 2], values: [7, 8])))
        XCTAssertEqual(t["dense0.bias"]?.dense, [0.5, 0, -0.5])
    }

    func testSpecsWithoutAnArchitectureKeepTheirKeys() throws {
        let spec = ModelSpec(task: .tenDigits, layers: [784, 128, 10], loss: .softmaxCrossEntropy,
                             initialization: Initialization(kind: "uniform-fan-in"),
                             optimizer: OptimizerSpec(kind: "sgd-momentum", learningRate: 0.05,
                                                      epochs: 3),
                             seed: 0, precision: .float32, data: "d",
                             trainer: TrainerVersion(kind: "t", version: 1))
        let json = String(decoding: try CanonicalJSONProbe.encode(spec), as: UTF8.self)
        XCTAssertFalse(json.contains("architecture"))
        var cnn = spec
        cnn.layers = []
        cnn.architecture = Architecture(name: "x", width: 1, input: [1, 28, 28], nodes: [])
        XCTAssertNotEqual(cnn.key, spec.key)
        XCTAssertEqual(spec.key.count, 16)
    }
}

/// The canonical JSON the store hashes.
enum CanonicalJSONProbe {
    static func encode(_ spec: ModelSpec) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(spec)
    }
}
