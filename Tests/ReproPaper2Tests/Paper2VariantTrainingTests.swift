import Foundation
import ReproExperiments
import ReproNN
import ReproReport
import ReproSparse
import ReproTestSupport
import XCTest
@testable import ReproPaper2

/// Variants trained and evaluated on synthetic digits: adding one computes only its own
/// networks (the default's stored files are untouched and reused where the network is the same),
/// its rows are the default's kind of rows, and its effect shows in the stored network.
final class Paper2VariantTrainingTests: XCTestCase {
    let helper = Paper2Fixture()

    /// Paper 2's trainer, counting the networks it trains.
    final class CountingTrainer: ModelTrainer {
        let inner = SparseNetworkTrainer(threads: 1)
        var trained: [ModelSpec] = []

        func groupKey(_ spec: ModelSpec) -> String { inner.groupKey(spec) }
        func epochBudget(_ members: [ModelSpec]) -> Int { inner.epochBudget(members) }
        func describe(_ members: [ModelSpec]) -> String { inner.describe(members) }
        func train(_ members: [ModelSpec], data: DataSource,
                   onEpoch: @escaping (Int) -> Void) throws -> [TrainedResult] {
            trained += members
            return try inner.train(members, data: data, onEpoch: onEpoch)
        }
    }

    func files(_ root: URL) throws -> [String: Data] {
        let models = root.appendingPathComponent("models")
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: models.path) {
            out[name] = try Data(contentsOf: models.appendingPathComponent(name))
        }
        return out
    }

    func testAddingAVariantComputesOnlyItsNetworks() throws {
        let root = SyntheticMNIST.temporaryDirectory("paper2-variants")
        let runner = helper.runner(root)
        let base = helper.plan(.sparseWidth)
        try runner.run(base, trainer: SparseNetworkTrainer(threads: 1))
        let before = try files(runner.store.root)
        let settings = RobustnessStudyTests.settings
        let defaultRows = try EvaluatedPlan(plan: base, settings: settings)
            .rows(runner: runner, trainer: CountingTrainer(), log: { _ in })
        for (variant, expected) in [(Paper2Variant.outputDense, [512]), (.noBias, [128, 512]),
                                    (.rawInput, [128, 512])] {
            let plan = base.reading(variant)
            let evaluated = EvaluatedPlan(plan: plan, settings: settings)
            XCTAssertThrowsError(try evaluated.storedRows(runner: runner, command: "run it")) {
                XCTAssertTrue("\($0)".contains("run it"), "\($0)")
            }
            let counting = CountingTrainer()
            let rows = try evaluated.rows(runner: runner, trainer: counting, log: { _ in })
            XCTAssertEqual(counting.trained.map(\.width).sorted(), expected, "\(variant)")
            XCTAssertEqual(rows.count, defaultRows.count, "\(variant): the default's kind of rows")
            XCTAssertTrue(rows.allSatisfy { $0.family == .sparseWidth && $0.value.isFinite })
            XCTAssertEqual(Set(rows.map(\.width)), [128, 512])
            XCTAssertEqual(try evaluated.storedRows(runner: runner, command: "run it"), rows)
            let again = CountingTrainer()
            XCTAssertEqual(try evaluated.rows(runner: runner, trainer: again, log: { _ in }), rows)
            XCTAssertTrue(again.trained.isEmpty, "a second run trains nothing")
        }
        let after = try files(runner.store.root)
        for (name, data) in before { XCTAssertEqual(after[name], data, "\(name) untouched") }

        let noBias = try runner.records(base.reading(.noBias))
        for record in noBias {
            let layers = try runner.store.weights(record.key)
            XCTAssertTrue(layers.allSatisfy { $0.bias.allSatisfy { $0 == 0 } },
                          "no-bias networks stay without biases")
            XCTAssertNotEqual(record.history.stop, nil)
        }
        // raw-input's networks are loaded as raw-input networks for their evaluations.
        let raw = try runner.records(base.reading(.rawInput))
        let model = try NetworkEngines.load(raw[0], from: runner.store)
        XCTAssertFalse(try XCTUnwrap(model as? ReproSparse.SparseMLP).normalisesInput)
    }

    func testStoredRowsOfExtendedSeedsNameTheCommand() throws {
        let context = PaperContext(runner: helper.runner(
            SyntheticMNIST.temporaryDirectory("paper2-extended")), quick: true)
        XCTAssertNil(try Paper2ExtendedSeeds.storedRows(2, quick: true, context: context))
        XCTAssertThrowsError(try Paper2ExtendedSeeds.storedRows(4, quick: true, context: context)) {
            XCTAssertTrue("\($0)".contains("repro build-report --paper 2 --seeds 4 --quick"),
                          "\($0)")
        }
        XCTAssertThrowsError(try Paper2Variants.storedRows(.noBias, quick: true, context: context)) {
            XCTAssertTrue("\($0)".contains("repro run robustness --variant no-bias --quick"),
                          "\($0)")
        }
    }

    func testSameSeedsSameNumbers() throws {
        let plan = helper.plan(.sparseWidth).reading(.normalInit)
        func rows(_ name: String) throws -> [RobustnessRow] {
            try EvaluatedPlan(plan: plan, settings: RobustnessStudyTests.settings).rows(
                runner: helper.runner(SyntheticMNIST.temporaryDirectory(name)),
                trainer: CountingTrainer(), log: { _ in })
        }
        XCTAssertEqual(try rows("paper2-variant-a"), try rows("paper2-variant-b"))
    }
}
