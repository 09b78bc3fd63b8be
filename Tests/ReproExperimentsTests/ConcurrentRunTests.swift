import Foundation
import XCTest
import ReproNN
import ReproSupport
import ReproTestSupport
@testable import ReproExperiments

/// Two runs of one plan on one store share the work instead of each doing all of it.
final class ConcurrentRunTests: XCTestCase {
    /// RunnerTests' trainer, slowed down so that two runs overlap.
    final class SlowTrainer: ModelTrainer {
        let inner = RunnerTests.Trainer()
        var batches: Int { inner.batches.count }
        func groupKey(_ spec: ModelSpec) -> String { inner.groupKey(spec) }
        func epochBudget(_ members: [ModelSpec]) -> Int { inner.epochBudget(members) }
        func describe(_ members: [ModelSpec]) -> String { inner.describe(members) }
        func train(_ members: [ModelSpec], data: DataSource,
                   onEpoch: @escaping (Int) -> Void) throws -> [TrainedResult] {
            Thread.sleep(forTimeInterval: 0.25)
            return try inner.train(members, data: data, onEpoch: onEpoch)
        }
    }

    func runner(_ root: URL) -> ExperimentRunner {
        var r = ExperimentRunner(store: ResultStore(root: root), dataHash: "none") {
            throw ReproError("no data needed")
        }
        r.showProgress = false
        return r
    }

    /// Runs the plan twice at once, each in its own thread with its own runner and trainer.
    func runTwice(_ plan: RunnerTests.Plan, root: URL) throws
        -> [(outcome: ExperimentRunner.Outcome, batches: Int)] {
        let trainers = [SlowTrainer(), SlowTrainer()]
        var outcomes: [Result<ExperimentRunner.Outcome, Error>?] = [nil, nil]
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            let result = Result { try runner(root).run(plan, trainer: trainers[k]) }
            lock.lock(); outcomes[k] = result; lock.unlock()
        }
        return try (0..<2).map { (try outcomes[$0]!.get(), trainers[$0].batches) }
    }

    func testTwoRunsSplitTheBatchesBetweenThem() throws {
        let root = SyntheticMNIST.temporaryDirectory("concurrent")
        let plan = RunnerTests.Plan(seeds: [0, 1, 2, 3])
        let runs = try runTwice(plan, root: root)
        XCTAssertEqual(runs.map(\.batches).reduce(0, +), 4, "each batch trained once: \(runs)")
        XCTAssertTrue(runs.allSatisfy { $0.batches > 0 }, "both did some of it: \(runs)")
        XCTAssertTrue(runs.allSatisfy(\.outcome.complete))
        XCTAssertEqual(try runner(root).records(plan).count, 8)
    }

    func testARunWaitsForAClaimedBatchAndThenReusesIt() throws {
        let root = SyntheticMNIST.temporaryDirectory("concurrent-one")
        let plan = RunnerTests.Plan(seeds: [0])
        let runs = try runTwice(plan, root: root).sorted { $0.batches > $1.batches }
        XCTAssertEqual(runs.map(\.batches), [1, 0])
        XCTAssertEqual(runs.map(\.outcome.trained), [2, 0])
        XCTAssertEqual(runs[1].outcome.cached, 2)
        XCTAssertTrue(runs[1].outcome.complete)
    }

    /// A trainer that trains two batches at once: each batch once, two at a time, all stored.
    final class TwoAtOnce: ModelTrainer, @unchecked Sendable {
        let inner = RunnerTests.Trainer()
        let lock = NSLock()
        var running = 0, most = 0, batches = 0
        var concurrentBatches: Int { 2 }
        func groupKey(_ spec: ModelSpec) -> String { inner.groupKey(spec) }
        func epochBudget(_ members: [ModelSpec]) -> Int { inner.epochBudget(members) }
        func describe(_ members: [ModelSpec]) -> String { inner.describe(members) }
        func train(_ members: [ModelSpec], data: DataSource,
                   onEpoch: @escaping (Int) -> Void) throws -> [TrainedResult] {
            lock.lock(); running += 1; most = max(most, running); batches += 1; lock.unlock()
            Thread.sleep(forTimeInterval: 0.2)
            lock.lock(); running -= 1; lock.unlock()
            lock.lock(); defer { lock.unlock() }
            return try inner.train(members, data: data, onEpoch: onEpoch)
        }
    }

    func testATrainerThatTrainsTwoBatchesAtOnceKeepsBothBusy() throws {
        let root = SyntheticMNIST.temporaryDirectory("two-at-once")
        let plan = RunnerTests.Plan(seeds: [0, 1, 2])
        let trainer = TwoAtOnce()
        let outcome = try runner(root).run(plan, trainer: trainer)
        XCTAssertEqual(trainer.batches, 3, "each batch once")
        XCTAssertEqual(trainer.most, 2, "two at a time")
        XCTAssertTrue(outcome.complete)
        XCTAssertEqual(outcome.trained, 6)
        XCTAssertEqual(try runner(root).records(plan).count, 6)
        XCTAssertEqual(try runner(root).run(plan, trainer: TwoAtOnce()).trained, 0)
    }

    /// TwoAtOnce whose batch of seed s costs `costs[s]`, recording the order batches start in.
    final class Costed: ModelTrainer, @unchecked Sendable {
        let inner = RunnerTests.Trainer()
        let costs: [Int: Double]
        let lock = NSLock()
        var started: [Int] = []
        /// The first two batches wait for each other (at most 5 s), so the third can only be
        /// claimed after both first two have started: the order below does not hang on timing.
        let bothStarted = DispatchSemaphore(value: 0)
        init(_ costs: [Int: Double]) { self.costs = costs }
        var concurrentBatches: Int { 2 }
        func groupKey(_ spec: ModelSpec) -> String { inner.groupKey(spec) }
        func epochBudget(_ members: [ModelSpec]) -> Int { inner.epochBudget(members) }
        func describe(_ members: [ModelSpec]) -> String { inner.describe(members) }
        func relativeCost(_ members: [ModelSpec]) -> Double { costs[members[0].seed] ?? 0 }
        func train(_ members: [ModelSpec], data: DataSource,
                   onEpoch: @escaping (Int) -> Void) throws -> [TrainedResult] {
            lock.lock(); started.append(members[0].seed); let k = started.count; lock.unlock()
            if k <= 2 {
                if k == 2 { bothStarted.signal(); bothStarted.signal() }
                _ = bothStarted.wait(timeout: .now() + 5)
            }
            lock.lock(); defer { lock.unlock() }
            return try inner.train(members, data: data, onEpoch: onEpoch)
        }
    }

    func testBatchesTrainedTwoAtOnceStartCostliestFirstWithTiesInPlanOrder() throws {
        let costs: [Int: Double] = [0: 1, 1: 5, 2: 3, 3: 5, 4: 0.5]
        let trainer = Costed(costs)
        let pending = (0..<5).map { seed in
            ExperimentRunner.Claimable(batch: [], members: RunnerTests.Plan(seeds: [seed])
                .specs(data: "none"), budget: 2)
        }
        XCTAssertEqual(ExperimentRunner.longestFirst(pending, trainer: trainer)
            .map { $0.members[0].seed }, [1, 3, 2, 0, 4])

        let root = SyntheticMNIST.temporaryDirectory("costliest-first")
        let outcome = try runner(root).run(RunnerTests.Plan(seeds: [0, 1, 2, 3, 4]), trainer: trainer)
        XCTAssertEqual(outcome.trained, 10)
        XCTAssertEqual(Set(trainer.started.prefix(2)), [1, 3], "the two costliest start first")
        XCTAssertEqual(Set(trainer.started), [0, 1, 2, 3, 4])
    }

    func testALockIsFreedWhenItsHolderGoesAway() throws {
        let url = SyntheticMNIST.temporaryDirectory("lock").appendingPathComponent("b.lock")
        var holder: FileLock? = try FileLock(url)
        XCTAssertTrue(holder!.tryLock())
        XCTAssertFalse(try FileLock(url).tryLock(), "held")
        holder = nil   // as when the holding process is killed: its descriptor closes
        XCTAssertTrue(try FileLock(url).tryLock())
    }
}
