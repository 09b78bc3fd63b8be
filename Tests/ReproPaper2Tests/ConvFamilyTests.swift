import Foundation
import ReproConv
import ReproExperiments
import ReproNetwork
import ReproRobustness
import ReproTestSupport
import XCTest
@testable import ReproPaper2

/// A convolutional family end to end on synthetic digits: VGG11 at widths 16 and 32 (the second
/// keeping width 16's weight count under the uniform rule) trained through the runner, stored as
/// named tensors, found again, and every evaluation reaching it through the engine registry.
final class ConvFamilyTests: XCTestCase {
    let helper = Paper2Fixture()

    func plan() -> Paper2Plan {
        var plan = Paper2Plan.named(.vggWidth, quick: true)
        plan.widths = [16, 32]
        plan.seeds = [3]
        plan.maxEpochs = 1
        plan.batchSize = 32
        return plan
    }

    func testVGGWidthFamilyTrainsStoresAndIsEvaluated() throws {
        let root = SyntheticMNIST.temporaryDirectory("paper2-vgg")
        let runner = helper.runner(root)
        let specs = plan().specs(data: runner.dataHash)
        XCTAssertEqual(specs.count, 2, "both widths have a spec")
        XCTAssertEqual(specs[0].keptPerLayer.reduce(0, +), specs[1].keptPerLayer.reduce(0, +),
                       "width 32 keeps width 16's weight count")
        XCTAssertNil(specs[0].mask, "width 16 is the dense base")
        XCTAssertLessThan(specs[1].keepFraction, 0.3)

        let outcome = try runner.run(plan(), trainer: ConvNetworkTrainer())
        XCTAssertEqual(outcome.trained, 2)
        let records = try runner.records(plan())
        for r in records {
            XCTAssertEqual(r.spec.architecture?.name, "vgg11")
            XCTAssertEqual(r.history.epochs, 1)
            let network = try NetworkEngines.load(r, from: runner.store)
            let test = try LabeledPixels(bytes: helper.mnist.testImages,
                                         labels: helper.mnist.testLabels, inputSize: 784)
            XCTAssertEqual(try network.inference(batchSize: 256, threads: 2).evaluate(test).meanLoss,
                           r.evaluation["loss"], "the stored network is the trained one")
            XCTAssertEqual(network.keptPerLayer, r.spec.keptPerLayer)
            XCTAssertNotNil(network.tensors["bn1.running_var"] ?? network.tensors.names.first {
                $0.hasSuffix("running_var") }.flatMap { network.tensors[$0] },
                "batch-norm statistics are stored with the weights")
        }
        XCTAssertEqual(try runner.run(plan(), trainer: ConvNetworkTrainer()).trained, 0,
                       "a second run reuses the stored networks")

        let settings = RobustnessSettings(
            sigmas: [0, 0.3], noiseDraws: 1, corruptionImages: 10, corruptionDraws: 1,
            attackImages: 6, attacks: [.fgsm, .pgd], epsilons: [0, 0.3])
        let study = RobustnessStudy(runner: runner, settings: settings, threads: 2) { _ in }
        let rows = try study.rows([.vggWidth: records])
        // Per network: clean, 2 σ × (accuracy, δL), identity + 15 corruptions + mean,
        // 2 attacks × 2 ε, minimum recall.
        XCTAssertEqual(rows.count, 2 * (1 + 4 + 17 + 4 + 1))
        for width in [16, 32] {
            let mine = rows.filter { $0.width == width }
            let clean = mine.first { $0.evaluation == .clean }?.value
            XCTAssertEqual(mine.first { $0.evaluation == .weightNoiseDL && $0.setting == .value(0) }?
                .value, 0, "σ = 0 leaves the loss as it was")
            XCTAssertNotNil(clean)
            XCTAssertTrue(mine.allSatisfy { $0.value.isFinite })
        }
        XCTAssertTrue(study.isComplete([.vggWidth: records]))
    }

    /// One key, one result: seed 3 trained alone and trained beside seed 2 give the same bits.
    func testANetworkGetsTheSameBitsAloneAndPaired() throws {
        var alone = plan(), paired = plan()
        alone.widths = [16]; paired.widths = [16]
        paired.seeds = [2, 3]
        let a = helper.runner(SyntheticMNIST.temporaryDirectory("vgg-alone"))
        let b = helper.runner(SyntheticMNIST.temporaryDirectory("vgg-paired"))
        try a.run(alone, trainer: ConvNetworkTrainer())
        try b.run(paired, trainer: ConvNetworkTrainer())
        let key = try XCTUnwrap(alone.specs(data: a.dataHash).first?.key)
        XCTAssertEqual(try b.records(paired).filter { $0.key == key }.count, 1)
        XCTAssertEqual(try a.store.tensors(key), try b.store.tensors(key))
    }

    /// A run killed after its first epoch continues from the checkpoint and ends with the bytes
    /// of an uninterrupted run.
    func testAnInterruptedNetworkResumesFromItsCheckpointBitForBit() throws {
        var two = plan()
        two.widths = [16]
        two.maxEpochs = 2
        let spec = try XCTUnwrap(two.specs(data: "synthetic").first)
        let architecture = try XCTUnwrap(spec.architecture)

        let whole = helper.runner(SyntheticMNIST.temporaryDirectory("vgg-whole"))
        try whole.run(two, trainer: ConvNetworkTrainer(store: whole.store))

        let cut = helper.runner(SyntheticMNIST.temporaryDirectory("vgg-cut"))
        let trainer = ConvNetworkTrainer(store: cut.store)
        struct Killed: Error {}
        let masks = try ConvNetwork.masks(architecture: architecture, rule: .uniform,
                                          seed: spec.seed, budget: spec.keptPerLayer.reduce(0, +))
        XCTAssertThrowsError(try ConvTrainer.train(
            network: try ConvNetwork.initial(architecture: architecture, masks: masks, seed: spec.seed),
            data: try Paper2Pixels.of(cut.data).train, seed: spec.seed,
            options: trainer.options(spec),
            checkpoint: { state in
                try ConvCheckpoints(store: cut.store).save(state, key: spec.key)
                throw Killed()       // the process dies after its first epoch is saved
            }))
        XCTAssertNotNil(ConvCheckpoints(store: cut.store).load(spec.key, architecture: architecture))
        // Mark the saved epoch: if training continues from the checkpoint, the record keeps it.
        let record = cut.store.root.appendingPathComponent("checkpoints/\(spec.key).json")
        var json = try XCTUnwrap(JSONSerialization.jsonObject(
            with: try Data(contentsOf: record)) as? [String: Any])
        var history = try XCTUnwrap(json["history"] as? [[String: Any]])
        history[0]["meanLoss"] = 7.0
        json["history"] = history
        try JSONSerialization.data(withJSONObject: json).write(to: record)
        try cut.run(two, trainer: trainer)
        XCTAssertEqual(try cut.store.model(spec.key).history.series("loss").first, 7.0,
                       "the first epoch came from the checkpoint, not from training again")
        XCTAssertEqual(try cut.store.tensors(spec.key), try whole.store.tensors(spec.key))
        XCTAssertEqual(try cut.store.model(spec.key).history.epochs, 2)
        XCTAssertNil(ConvCheckpoints(store: cut.store).load(spec.key, architecture: architecture),
                     "the checkpoint is removed once the network is stored")
    }

    func testConvWidthsOutsideTheirRangeAreRefused() throws {
        var options = ExperimentOptions()
        options.widths = [8]
        XCTAssertThrowsError(try Paper2Plan.plan("vgg-width", options: options)) {
            XCTAssertTrue("\($0)".contains("from 16 to 512"), "\($0)")
        }
    }
}
