import Foundation
import ReproExperiments
import ReproSparse
import ReproTestSupport
import XCTest
@testable import ReproPaper2

/// The protocol variants as specs: each changes what it names and nothing else, the default
/// reading keeps every key it had, and bad names or widths are refused in one line.
final class Paper2VariantTests: XCTestCase {
    static let mnistHash = "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"

    func spec(_ variant: Paper2Variant?, width: Int = 512, seed: Int = 1, quick: Bool = true) throws -> ModelSpec {
        var plan = Paper2Plan.named(.sparseWidth, quick: quick)
        if let variant { plan = plan.reading(variant) }
        return try ModelSpec.paper2(family: .sparseWidth, width: width, depth: 1, seed: seed,
                                    plan: plan, data: Self.mnistHash)
    }

    func testTheDefaultReadingKeepsItsKeys() throws {
        // Keys of default-profile networks stored before the variants existed.
        XCTAssertEqual(try spec(nil, width: 128, seed: 0, quick: false).key, "77e0d4d306cc439e")
        XCTAssertEqual(try spec(nil, width: 1024, seed: 1, quick: false).trainer.version, 1)
        // 2^9 (keep 0.25) moved from BLAS to the sparse kernels with the second crossover, which
        // sum in another order: a new trainer version, so a new key (it was 4d0df8a97a506bea).
        let moved = try spec(nil, width: 512, seed: 1, quick: false)
        XCTAssertEqual(moved.trainer.version, 2)
        XCTAssertNotEqual(moved.key, "4d0df8a97a506bea")
        var before = moved
        before.trainer.version = 1
        XCTAssertEqual(before.key, "4d0df8a97a506bea", "the trainer version is the only change")
        let json = String(decoding: try JSONEncoder().encode(try spec(nil)), as: UTF8.self)
        XCTAssertFalse(json.contains("inputTransform") || json.contains("biases"), json)
        let plan = Paper2Plan.named(.sparseWidth)
        XCTAssertFalse(String(decoding: try JSONEncoder().encode(plan), as: UTF8.self)
            .contains("variant"), "the default plan (and its run manifest) is unchanged too")
    }

    func testEachVariantChangesWhatItNames() throws {
        let base = try spec(nil)
        var keys: Set<String> = [base.key]
        for variant in Paper2Variant.mlpReadings {
            let s = try spec(variant)
            XCTAssertTrue(keys.insert(s.key).inserted, "\(variant) has its own networks")
            var back = s
            back.initialization = base.initialization
            back.inputTransform = nil
            back.biases = nil
            back.mask = base.mask
            back.trainer = base.trainer   // follows the mask (the kernels its layers run on)
            back.optimizer.batchSize = base.optimizer.batchSize
            XCTAssertEqual(back, base, "\(variant) changes nothing else")
        }
        let dense = try spec(.outputDense)
        XCTAssertEqual(dense.keptPerLayer, [96_512, 5_120])
        XCTAssertEqual(dense.keptPerLayer[1], dense.layerSizes[1], "the output layer is dense")
        // Its first layer (keep 0.24) and dense output ran on the same kernels under both crossovers.
        XCTAssertEqual(dense.trainer.version, 1)
        XCTAssertEqual(dense.keptPerLayer.reduce(0, +), base.keptPerLayer.reduce(0, +))
        XCTAssertEqual(try spec(.normalInit).initialization.kind, "normal-fan-in")
        XCTAssertFalse(try spec(.rawInput).normalisesInput)
        XCTAssertFalse(try spec(.noBias).hasBiases)
        XCTAssertEqual(try spec(.batch64).optimizer.batchSize, 64)
    }

    func testSharedNetworksKeepOneKey() throws {
        // The dense base is the same network under output-dense; batch-64's nets are the batch
        // check's.
        XCTAssertEqual(try spec(.outputDense, width: 128).key, try spec(nil, width: 128).key)
        let check = BatchSensitivity.plan(quick: true).specs(data: Self.mnistHash)
        let variant = Paper2Plan.variant(.batch64, quick: true).specs(data: Self.mnistHash)
        XCTAssertTrue(Set(check.map(\.key)).isSubset(of: Set(variant.map(\.key))))
    }

    func testTheInitialNetworkFollowsTheSpec() throws {
        let normal = try SparseNetworkTrainer.initialModel(try spec(.normalInit))
        let uniform = try SparseNetworkTrainer.initialModel(try spec(nil))
        XCTAssertEqual(normal.layers.map(\.indices), uniform.layers.map(\.indices))
        let s = 1 / (784.0 * 0.25).squareRoot()
        XCTAssertGreaterThan(normal.layers[0].values.map { abs(Double($0)) }.max() ?? 0, s)
        XCTAssertTrue(uniform.layers[0].values.allSatisfy { abs(Double($0)) <= s })
        let noBias = try SparseNetworkTrainer.initialModel(try spec(.noBias))
        XCTAssertTrue(noBias.layers.allSatisfy { $0.bias.allSatisfy { $0 == 0 } })
        XCTAssertFalse(try SparseNetworkTrainer.initialModel(try spec(.rawInput)).normalisesInput)
        XCTAssertTrue(uniform.normalisesInput)
        XCTAssertFalse(SparseNetworkTrainer().options(try spec(.noBias)).trainsBiases)
        XCTAssertEqual(SparseNetworkTrainer().readingKey(try spec(nil)), "")
    }

    func testPlansAndRefusals() throws {
        let plan = Paper2Plan.variant(.normalInit, quick: false)
        XCTAssertEqual(plan.widths, [128, 256, 512, 1024, 2048, 4096, 8192])
        XCTAssertEqual(plan.seeds, [0, 1, 2])
        XCTAssertEqual(plan.experiment, "sparse-width+normal-init")
        XCTAssertEqual(plan.runCommand, "repro run sparse-width --variant normal-init")
        XCTAssertEqual(Paper2Plan.named(.sparseDepth).runCommand, "repro run sparse-depth")
        XCTAssertEqual(Paper2Plan.variant(.noBias, quick: true).widths, [128, 512, 2048])
        for variant in Paper2Variant.mlpReadings {
            XCTAssertNoThrow(try Paper2Plan.variant(variant, quick: false).validate())
            XCTAssertFalse(variant.summary.isEmpty || variant.protocolText.isEmpty)
        }
        func refusal(_ body: () throws -> Void) -> String {
            do { try body(); return "" } catch { return "\(error)" }
        }
        let unknown = refusal { _ = try Paper2Variant.named("normal") }
        XCTAssertTrue(unknown.contains("--variant") && unknown.contains("output-dense, normal-init, "
            + "raw-input, no-bias, batch-64"), unknown)
        var options = ExperimentOptions()
        options.variant = "output-dense"
        options.widths = [128, 16384]
        let wide = refusal { _ = try Paper2Plan.plan("sparse-width", options: options) }
        XCTAssertTrue(wide.contains("16384") && wide.contains("8192"), wide)
        options.widths = nil
        let depth = refusal { _ = try Paper2Plan.plan("sparse-depth", options: options) }
        XCTAssertTrue(depth.contains("--variant"), depth)
        let plan2 = try Paper2Plan.plan("sparse-width", options: options)
        XCTAssertEqual(plan2.variant, .outputDense)
        for message in [unknown, wide, depth] { XCTAssertFalse(message.contains("\n")) }
    }

    /// The CNNs' reading: VGG11 and ResNet18 at the profile's widths and seeds with
    /// wide-sparse-nets' water-filling split — own keys for the sparse networks, the dense
    /// bases shared, the small layers dense, the same weight count.
    func testWaterFillingReadsTheCNNWidthFamilies() throws {
        let plans = Paper2Plan.variantPlans(.waterFilling, quick: false)
        XCTAssertEqual(plans.map(\.experiment), ["vgg-width+water-filling", "resnet-width+water-filling"])
        XCTAssertEqual(plans.map(\.widths), [[16, 32, 64], [16, 32]])
        XCTAssertTrue(plans.allSatisfy { $0.seeds == [0, 1, 2] })
        let uniform = Paper2Plan.report(quick: false).first { $0.family == .vggWidth }!
        func spec(_ plan: Paper2Plan, width: Int) throws -> ModelSpec {
            try ModelSpec.paper2(family: .vggWidth, width: width, depth: 11, seed: 0, plan: plan,
                                 data: Self.mnistHash)
        }
        XCTAssertEqual(try spec(plans[0], width: 16).key, try spec(uniform, width: 16).key,
                       "the dense base is one network under both splits")
        let water = try spec(plans[0], width: 64), flat = try spec(uniform, width: 64)
        XCTAssertNotEqual(water.key, flat.key)
        XCTAssertEqual(water.keptPerLayer.reduce(0, +), flat.keptPerLayer.reduce(0, +))
        XCTAssertEqual(water.keptPerLayer.first, water.layerSizes.first, "the stem stays dense")
        XCTAssertEqual(water.keptPerLayer.last, water.layerSizes.last, "the classifier stays dense")
        let sizes = water.layerSizes
        let widest = try XCTUnwrap(sizes.indices.max { sizes[$0] < sizes[$1] })
        XCTAssertLessThan(water.keptPerLayer[widest], flat.keptPerLayer[widest],
                          "the widest layer is cut harder")

        var options = ExperimentOptions()
        options.variant = "water-filling"
        XCTAssertEqual(try Paper2Plan.plan("resnet-width", options: options).experiment,
                       "resnet-width+water-filling")
        XCTAssertThrowsError(try Paper2Plan.plan("sparse-width", options: options)) {
            XCTAssertEqual("\($0)", "--variant water-filling reads vgg-width and resnet-width only; "
                           + "drop --variant for sparse-width")
        }
        options.variant = "output-dense"
        XCTAssertThrowsError(try Paper2Plan.plan("vgg-width", options: options))
        XCTAssertTrue(Paper2Variant.profile(full: true).contains(.waterFilling))
        XCTAssertFalse(Paper2Variant.profile(full: false).contains(.waterFilling),
                       "--full only: the default's 30 minutes hold output-dense")
    }

    func testExtendedSeeds() throws {
        XCTAssertEqual(try Paper2ExtendedSeeds.plan(8, quick: false)?.seeds, Array(0..<8))
        XCTAssertEqual(try Paper2ExtendedSeeds.plan(3, quick: true)?.seeds, [0, 1, 2])
        XCTAssertNil(try Paper2ExtendedSeeds.plan(2, quick: true), "the profile's own seeds")
        XCTAssertNil(try Paper2ExtendedSeeds.plan(3, quick: false), "paper 1's --seeds 3")
        XCTAssertNil(try Paper2ExtendedSeeds.plan(nil, quick: false))
        XCTAssertThrowsError(try Paper2ExtendedSeeds.plan(101, quick: false)) {
            XCTAssertTrue("\($0)".contains("--seeds"), "\($0)")
        }
        let plans = try Paper2Reproduction.readingPlans(quick: false, seedCount: 7)
        XCTAssertEqual(plans.first?.seeds, Array(0..<7))
        XCTAssertEqual(plans.first?.experiment, "sparse-width+7-seeds")
        XCTAssertEqual(plans.count, 1 + Paper2Variant.defaultProfile.count)
        XCTAssertEqual(try Paper2Reproduction.readingPlans(quick: false, seedCount: nil).count,
                       Paper2Variant.defaultProfile.count)
    }
}
