import XCTest
import ReproExperiments
import ReproSparse
@testable import ReproPaper2

final class Paper2PlanTests: XCTestCase {
    func testEveryWidthKeepsExactlyTheDenseBaseCount() {
        let specs = Paper2Plan.named(.sparseWidth).specs(data: "d")
        XCTAssertEqual(Set(specs.map(\.width)), Set(Paper2Family.allWidths))
        XCTAssertEqual(specs.count, 9 * 5)
        for spec in specs {
            XCTAssertEqual(spec.keptPerLayer, [100_352, 1_280], "width \(spec.width)")
            XCTAssertEqual(spec.keptPerLayer.reduce(0, +), 101_632)
        }
        XCTAssertNil(specs.first { $0.width == 128 }?.mask, "the base net is dense")
    }

    func testEveryDepthKeepsTheDenseOneLayerTotal() {
        let specs = Paper2Plan.named(.sparseDepth).specs(data: "d")
        XCTAssertEqual(Set(specs.map(\.depth)), [1, 2, 4, 8])
        for spec in specs {
            XCTAssertEqual(spec.keptPerLayer.reduce(0, +), 784 * 512 + 512 * 10,
                           "depth \(spec.depth)")
            XCTAssertEqual(spec.layers.count, spec.depth + 2)
        }
    }

    func testPrunedFamilyListsEachDenseNetAndItsPrunedCopy() {
        let specs = Paper2Plan.named(.prunedWidth).specs(data: "d")
        XCTAssertEqual(specs.count, 2 * 6 * 5)
        for (dense, pruned) in zip(specs, specs.dropFirst()) where !dense.isPruned {
            XCTAssertTrue(pruned.isPruned)
            XCTAssertNil(dense.mask)
            XCTAssertEqual(pruned.derivation?.source, dense.key)
            XCTAssertEqual(pruned.keptPerLayer.reduce(0, +), 101_632)
        }
        XCTAssertEqual(Set(Paper2Plan.named(.prunedWidth, full: true).widths),
                       Set(Paper2Family.allWidths))
    }

    func testQuickProfile() {
        let plan = Paper2Plan.named(.sparseWidth, quick: true)
        XCTAssertEqual(plan.widths, [128, 512, 2048, 8192, 32768])
        XCTAssertEqual(plan.seeds.count, 2)
        XCTAssertLessThanOrEqual(plan.maxEpochs, 30)
        XCTAssertEqual(Paper2Plan.named(.sparseDepth, quick: true).depths, [1, 2])
    }

    func testBadOptionsAreNamedInOneLine() {
        func refused(_ experiment: String, _ set: (inout ExperimentOptions) -> Void,
                     _ option: String) {
            var options = ExperimentOptions()
            set(&options)
            XCTAssertThrowsError(try Paper2Plan.plan(experiment, options: options)) {
                XCTAssertTrue("\($0)".contains(option), "\($0)")
                XCTAssertFalse("\($0)".contains("\n"))
            }
        }
        refused("sparse-width", { $0.widths = [100] }, "--widths")
        refused("sparse-depth", { $0.depths = [0] }, "--depths")
        refused("sparse-width", { $0.batchSize = 0 }, "--batch-size")
        refused("sparse-width", { $0.learningRate = -1 }, "--lr")
        refused("sparse-width", { $0.learningRate = .nan }, "--lr")
        refused("sparse-width", { $0.depths = [2] }, "--depths does not apply")
        refused("sparse-width", { $0.pairs = [] }, "--pairs does not apply")
        refused("no-such-family", { _ in }, "unknown experiment")
    }

    func testTheDesignTableIsPrintableBeforeTraining() {
        let text = Paper2Design.describe(Paper2Plan.named(.sparseWidth))
        XCTAssertTrue(text.contains("100352 / 1280"), text)
        XCTAssertTrue(text.contains("32768"))
        XCTAssertTrue(text.contains("0.003906"), text)
    }
}
