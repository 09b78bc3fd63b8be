import Foundation
import XCTest
import ReproNN
import ReproSupport
@testable import ReproExperiments

final class WeightFileTests: XCTestCase {
    let layers = [
        LayerWeights(fanIn: 3, fanOut: 2, storage: .dense([1, -2, 3.5, 0, 1e-300, -0.0]),
                     bias: [0.25, -1]),
        LayerWeights(fanIn: 2, fanOut: 4, storage: .sparse(indices: [1, 6], values: [0.5, -7]),
                     bias: [1, 2, 3, 4]),
    ]

    func testDenseAndSparseLayersRoundTripExactly() throws {
        let data = WeightFile.encode(layers)
        XCTAssertEqual(data.prefix(4), Data("RPW2".utf8))
        let back = try WeightFile.decode(data, name: "w")
        XCTAssertEqual(back, layers)
        XCTAssertEqual(back[1].denseWeights, [0, 0.5, 0, 0, 0, 0, -7, 0])
        XCTAssertEqual(back[0].denseWeights.map(\.bitPattern),
                       layers[0].denseWeights.map(\.bitPattern))
    }

    func testASparseLayerCostsItsKeptWeightsOnly() {
        let wide = LayerWeights(fanIn: 784, fanOut: 32768,
                                storage: .sparse(indices: Array(0..<100),
                                                 values: .init(repeating: 1, count: 100)),
                                bias: .init(repeating: 0, count: 32768))
        XCTAssertLessThan(WeightFile.encode([wide]).count, 300_000)
    }

    func testDamagedFilesAreRefusedWithOneLine() {
        let data = WeightFile.encode(layers)
        for bad in [data.prefix(30), data + Data([0]), Data("RPW1xxxx".utf8)] {
            XCTAssertThrowsError(try WeightFile.decode(Data(bad), name: "m.weights")) {
                XCTAssertTrue("\($0)".contains("m.weights"), "\($0)")
                XCTAssertFalse("\($0)".contains("\n"))
            }
        }
        var unsorted = data
        // Swap the two sparse indices (1, 6) → (6, 1): positions must ascend.
        let at = 4 + 4 + 16 + 6 * 8 + 2 * 8 + 16
        unsorted.replaceSubrange(at..<(at + 8), with: [6, 0, 0, 0, 1, 0, 0, 0])
        XCTAssertThrowsError(try WeightFile.decode(unsorted, name: "m.weights"))
    }
}
