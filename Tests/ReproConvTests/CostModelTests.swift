import XCTest
import ReproNetwork
@testable import ReproConv

/// The conv engine's cost model: which layers it counts as dense or sparse, and the order of
/// the costs it gives paper 2's width families.
final class CostModelTests: XCTestCase {
    func kept(_ name: String, width: Int) throws -> (Architecture, [Int]) {
        let a = try ConvArchitectures.make(name, width: width)
        let budget = try ConvArchitectures.make(name, width: 16).capacity()
        return (a, try MaskRule.uniform.keptCounts(sizes: a.weightLayers().map(\.count), budget: budget))
    }

    func testADenseNetworkCountsEveryMultiplyAddAsDense() throws {
        let (a, kept) = try kept("vgg11", width: 16)
        let work = try ConvCostModel.work(a, kept: kept)
        XCTAssertEqual(work.dense, Double(try a.multiplyAdds()))
        XCTAssertEqual(work.sparse, 0)
        XCTAssertEqual(work.activations, Double(try a.outputShapes().reduce(0) { $0 + $1.reduce(1, *) }))
    }

    /// Keep 1/4 is above the crossover (oneDNN runs the masked weights too, so all of them
    /// count); keep 1/16 below it (only kept weights count, on the sparse kernels), but the
    /// linear layer always runs dense.
    func testLayersBelowTheCrossoverCountOnlyTheirKeptWeights() throws {
        let (a32, k32) = try kept("vgg11", width: 32)
        let w32 = try ConvCostModel.work(a32, kept: k32)
        XCTAssertEqual(w32.dense, Double(try a32.multiplyAdds()), "every weight of VGG11-32")
        XCTAssertEqual(w32.sparse, 0)

        let (a64, k64) = try kept("vgg11", width: 64)
        let w64 = try ConvCostModel.work(a64, kept: k64)
        let layers = try a64.weightLayers()
        let linear = layers.last!
        XCTAssertEqual(linear.shape.count, 2)
        XCTAssertEqual(w64.dense, Double(linear.count), "only the classifier, all its weights")
        XCTAssertEqual(w64.sparse + Double(k64.last!), Double(try a64.multiplyAdds(kept: k64)))
    }

    /// The measured order of a training epoch (`repro bench --conv`): VGG11 16 < 32 < 64 < 128,
    /// ResNet18 16 < 32 < 64 < 128, and ResNet18-32 above VGG11-128.
    func testTheModelOrdersTheWidthFamiliesAsMeasured() throws {
        let model = ConvCostModel()
        func cost(_ name: String, _ width: Int) throws -> Double {
            let (a, k) = try kept(name, width: width)
            return model.trainingSeconds(try ConvCostModel.work(a, kept: k))
        }
        let vgg = try [16, 32, 64, 128].map { try cost("vgg11", $0) }
        let resnet = try [16, 32, 64, 128].map { try cost("resnet18", $0) }
        XCTAssertEqual(vgg, vgg.sorted())
        XCTAssertEqual(resnet, resnet.sorted())
        XCTAssertGreaterThan(resnet[1], vgg[3])
        // VGG11-16 measured 48.5 ms per 128-image step: the fit is within 10 %.
        XCTAssertEqual(vgg[0] * 128, 0.0485, accuracy: 0.005)
        XCTAssertEqual(model.inferenceSeconds(try ConvCostModel.work(try kept("vgg11", width: 16).0,
                                                                   kept: try kept("vgg11", width: 16).1)),
                       model.inferenceShare * vgg[0], accuracy: 1e-15)
    }
}
