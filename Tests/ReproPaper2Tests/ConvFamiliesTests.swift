import Foundation
import ReproConv
import ReproExperiments
import ReproNetwork
import ReproReport
import ReproSparse
import ReproTestSupport
import XCTest
@testable import ReproPaper2

/// The CNN families beyond the width ones, on synthetic digits: the pruned family keeps the
/// dense nets it trains and evaluates their magnitude-pruned copies; the depth families keep
/// their shallowest architecture's count; a training subset is honoured and keyed.
final class ConvFamiliesTests: XCTestCase {
    let helper = Paper2Fixture()

    func quick(_ family: Paper2Family) -> Paper2Plan {
        var plan = Paper2Plan.named(family, quick: true)
        plan.seeds = [1]
        plan.batchSize = 32
        return plan
    }

    func testPrunedFamilyPrunesItsTrainedDenseNetsToTheBaseCount() throws {
        var plan = quick(.vggPruned)
        plan.widths = [32]
        plan.trainImages = 200
        let runner = helper.runner(SyntheticMNIST.temporaryDirectory("vgg-pruned"))
        let specs = plan.specs(data: runner.dataHash)
        XCTAssertEqual(specs.count, 2, "the dense net and its pruned copy")
        XCTAssertNil(specs[0].mask)
        XCTAssertTrue(specs[1].isPruned)
        XCTAssertEqual(specs[1].keptPerLayer.reduce(0, +), 577_424, "VGG11-16's weight count")
        XCTAssertEqual(ConvNetworkTrainer().groupKey(specs[0]), ConvNetworkTrainer().groupKey(specs[1]),
                       "the pruned copy is computed in its source's batch")
        let outcome = try runner.run(plan, trainer: ConvNetworkTrainer())
        XCTAssertEqual(outcome.trained, 2)
        let records = try runner.records(plan)
        let dense = try XCTUnwrap(records.first { !$0.spec.isPruned })
        let pruned = try XCTUnwrap(records.first(where: \.spec.isPruned))
        XCTAssertEqual(dense.trainCount, 200, "trained on the subset")
        XCTAssertEqual(Paper2Family.vggPruned.evaluated(records).map(\.key), [pruned.key])
        // The pruned copy holds the largest-magnitude weights of the trained dense net.
        let denseNet = try NetworkEngines.load(dense, from: runner.store)
        let prunedNet = try NetworkEngines.load(pruned, from: runner.store)
        XCTAssertEqual(prunedNet.keptPerLayer, pruned.spec.keptPerLayer)
        let expected = try denseNet.pruned(keep: pruned.spec.keptPerLayer)
        XCTAssertEqual(prunedNet.tensors, expected.tensors)
        // Stored the dense net only: the pruned copy is derived from the store, the same bits.
        let again = helper.runner(SyntheticMNIST.temporaryDirectory("vgg-pruned-again"))
        try again.store.save(TrainedResult(record: dense, tensors: denseNet.tensors))
        XCTAssertEqual(try again.run(plan, trainer: ConvNetworkTrainer()).trained, 1)
        XCTAssertEqual(try again.store.tensors(pruned.key), try runner.store.tensors(pruned.key))
    }

    /// A pruned copy is scored in its source's batch while the other batch trains, or later from
    /// the store: OpenBLAS's process-wide thread count (1 while any side-by-side run goes, else
    /// the machine's) must not reach its bits. 300 test images in chunks of 256: the classifier's
    /// product (256 × 10 × 256) is large enough for OpenBLAS to split over threads.
    func testAPrunedCopysScoreIgnoresTheOpenBLASThreadCountOfTheMoment() throws {
        let data = try SyntheticMNIST.mnist(testPerDigit: 30)
        func runner(_ name: String) -> ExperimentRunner {
            var r = ExperimentRunner(store: ResultStore(root: SyntheticMNIST.temporaryDirectory(name)),
                                     dataHash: "synthetic") { data }
            r.showProgress = false
            return r
        }
        var plan = quick(.vggPruned)
        plan.widths = [16]
        plan.maxEpochs = 3
        let saved = SparseConcurrency.blasThreads
        defer { SparseConcurrency.blasThreads = saved }
        SparseConcurrency.blasThreads = 1
        let first = runner("blas-one")
        XCTAssertEqual(try first.run(plan, trainer: ConvNetworkTrainer()).trained, 2)
        let records = try first.records(plan)
        let dense = try XCTUnwrap(records.first { !$0.spec.isPruned })
        let pruned = try XCTUnwrap(records.first(where: \.spec.isPruned))
        SparseConcurrency.blasThreads = 2
        let again = runner("blas-two")
        try again.store.save(TrainedResult(record: dense, tensors: try first.store.tensors(dense.key)))
        XCTAssertEqual(try again.run(plan, trainer: ConvNetworkTrainer()).trained, 1)
        XCTAssertEqual(try again.store.model(pruned.key).evaluation, pruned.evaluation)
        XCTAssertEqual(SparseConcurrency.blasThreads, 2, "the caller's count is restored")
    }

    func testDepthFamiliesKeepTheShallowestArchitecturesCount() throws {
        for (family, base) in [(Paper2Family.vggDepth, "vgg11"), (.resnetDepth, "resnet18")] {
            let plan = Paper2Plan.named(family)
            XCTAssertEqual(plan.widths, [64])
            let specs = plan.specs(data: "d").filter { $0.seed == 0 }
            XCTAssertEqual(specs.map(\.depth), family.depths)
            let budget = try ConvArchitectures.make(base, width: 64).capacity()
            for spec in specs {
                XCTAssertEqual(spec.keptPerLayer.reduce(0, +), budget, "\(spec.architecture?.name ?? "")")
            }
            XCTAssertNil(specs[0].mask, "the shallowest is the dense base")
            XCTAssertLessThan(specs[2].keepFraction, specs[1].keepFraction)
        }
        XCTAssertEqual(Paper2Plan.named(.vggDepth, quick: true).widths, [16], "the quick miniature")
        var options = ExperimentOptions()
        options.depths = [12]
        XCTAssertThrowsError(try Paper2Plan.plan("vgg-depth", options: options)) {
            XCTAssertEqual("\($0)", "--depths: vgg-depth trains depths 11, 13, 16")
        }
    }

    func testATrainingSubsetIsPartOfTheKeyOnlyWhenSet() throws {
        var plan = quick(.vggWidth)
        plan.widths = [16]
        plan.trainImages = nil
        let whole = try XCTUnwrap(plan.specs(data: "d").first)
        XCTAssertFalse(whole.key.isEmpty)
        let json = String(decoding: try JSONEncoder().encode(whole.task), as: UTF8.self)
        XCTAssertFalse(json.contains("trainImages"), "left out when nil: old keys stand")
        plan.trainImages = 1000
        XCTAssertNotEqual(try XCTUnwrap(plan.specs(data: "d").first).key, whole.key)
    }

    func testTheDefaultProfileBuildsThreeSeedsOfTheWidthFamiliesOnly() throws {
        let plans = Paper2Plan.report(quick: false).filter(\.family.isConvolutional)
        XCTAssertEqual(plans.map(\.family), [.vggWidth, .resnetWidth])
        XCTAssertTrue(plans.allSatisfy { $0.seeds == [0, 1, 2] })
        XCTAssertEqual(Paper2Plan.report(quick: false, full: true).filter(\.family.isConvolutional)
                           .map(\.family), Paper2Family.convFamilies)
        XCTAssertEqual(Paper2Plan.report(quick: true).filter(\.family.isConvolutional).count, 5,
                       "the quick profile has every CNN family in miniature")
        XCTAssertTrue(ConvProfile.standard.leftOut().contains("vgg-depth (all of it)"))
        XCTAssertEqual(plans.map(\.widths), [[16, 32, 64], [16, 32]])
        XCTAssertTrue(ConvProfile.standard.leftOut().contains("vgg-width at widths 128"))
        // `repro run` trains what the report reads, not more.
        for plan in plans {
            let run = try Paper2Plan.plan(plan.family.rawValue, options: ExperimentOptions())
            XCTAssertEqual(run.key, plan.key, plan.family.rawValue)
        }
        XCTAssertEqual(try Paper2Plan.plan("vgg-depth", options: ExperimentOptions()).seeds.count, 5,
                       "a family the default leaves out: its whole design")
    }

    /// The provenance table lists the experiments the profile ran: a full report its depth and
    /// pruned CNN families, a default one only the width families.
    func testTheProvenanceFollowsTheProfile() {
        let runner = helper.runner(SyntheticMNIST.temporaryDirectory("provenance"))
        func names(full: Bool) -> [String] {
            var context = PaperContext(runner: runner, quick: false)
            context.full = full
            return Paper2Reproduction().provenance(context).map(\.name)
        }
        XCTAssertFalse(names(full: false).contains("vgg-depth"))
        XCTAssertTrue(names(full: true).contains("vgg-depth"))
        XCTAssertTrue(names(full: true).contains("vgg-pruned"))
    }
}
