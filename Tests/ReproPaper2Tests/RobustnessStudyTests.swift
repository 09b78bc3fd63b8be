import Foundation
import ReproRobustness
import XCTest
import ReproExperiments
import ReproSupport
import ReproTestSupport
@testable import ReproPaper2

/// The evaluations on small networks trained on synthetic digits: every row present, the
/// identities that must hold (σ = 0 and ε = 0 change nothing; the MNIST-C mean is the mean of its
/// 15), cached (a second run computes nothing) and reproducible.
final class RobustnessStudyTests: XCTestCase {
    let helper = Paper2Fixture()

    static let settings = RobustnessSettings(
        sigmas: [0, 0.5], noiseDraws: 2, corruptionImages: 12, corruptionDraws: 2,
        attackImages: 12, attacks: [.fgsm, .ffgsm, .bim, .pgd, .apgd], epsilons: [0, 0.3])

    func records(_ root: URL) throws -> [Paper2Family: [ModelRecord]] {
        var plan = helper.plan(.sparseWidth)
        plan.maxEpochs = 3
        try helper.runner(root).run(plan, trainer: SparseNetworkTrainer(threads: 1))
        return [.sparseWidth: try helper.runner(root).records(plan)]
    }

    func study(_ root: URL, log: @escaping (String) -> Void) -> RobustnessStudy {
        RobustnessStudy(runner: helper.runner(root), settings: Self.settings, threads: 2, log: log)
    }

    func testEveryEvaluationIsPresentConsistentAndCached() throws {
        let root = SyntheticMNIST.temporaryDirectory("paper2-robustness")
        let records = try records(root)
        var lines: [String] = []
        let rows = try study(root) { lines.append($0) }.rows(records)
        XCTAssertFalse(lines.isEmpty, "the first run computes and says so")
        // Per network: clean, 2 σ × (accuracy, δL), identity + 15 corruptions + mean,
        // 5 attacks × 2 ε, minimum recall.
        XCTAssertEqual(rows.count, 2 * (1 + 4 + 17 + 10 + 1))
        for width in [128, 512] {
            let mine = rows.filter { $0.width == width }
            func value(_ e: RobustnessEvaluation, _ setting: EvaluationSetting = .none) -> Double? {
                mine.first { $0.evaluation == e && $0.setting == setting }?.value
            }
            let clean = try XCTUnwrap(value(.clean))
            XCTAssertEqual(value(.weightNoise, "0.0"), clean, "σ = 0 is the clean network")
            XCTAssertEqual(value(.weightNoiseDL, "0.0"), 0)
            let corruptions = mine.filter {
                $0.evaluation == .mnistC && ![EvaluationSetting.mean, .identity].contains($0.setting)
            }
            XCTAssertEqual(corruptions.count, 15)
            XCTAssertEqual(try XCTUnwrap(value(.mnistC, "mean")),
                           corruptions.map(\.value).reduce(0, +) / 15, accuracy: 1e-12)
            let unattacked = [RobustnessEvaluation.fgsm, .ffgsm, .bim, .pgd, .apgd].map {
                value($0, "0.0")
            }
            XCTAssertEqual(Set(unattacked).count, 1, "ε = 0 leaves every attack's accuracy alone")
            XCTAssertLessThanOrEqual(try XCTUnwrap(value(.apgd, "0.3")),
                                     try XCTUnwrap(unattacked[0]))
            XCTAssertTrue(mine.allSatisfy { $0.value.isFinite })
        }
        lines = []
        let again = try study(root) { lines.append($0) }.rows(records)
        XCTAssertEqual(lines, [], "a second run computes nothing")
        XCTAssertEqual(again, rows)
        XCTAssertTrue(study(root) { _ in }.isComplete(records))
        XCTAssertTrue(RobustnessTable(rows: rows).csv()
            .hasPrefix("family,architecture,width,depth,seed,evaluation,setting,value\n"))
    }

    /// A read-only runner (`repro claims --stored`) computes nothing and leaves out the
    /// networks whose evaluations are not all stored.
    func testAReadOnlyStudyGivesOnlyTheEvaluatedNetworks() throws {
        let root = SyntheticMNIST.temporaryDirectory("paper2-robust-stored")
        let records = try records(root)
        let narrow = try XCTUnwrap(records[.sparseWidth]?.filter { $0.spec.width == 128 })
        let evaluated = try study(root) { _ in }.rows([.sparseWidth: narrow])
        var readOnly = helper.runner(root)
        readOnly.storedOnly = true
        var lines: [String] = []
        let stored = try RobustnessStudy(runner: readOnly, settings: Self.settings, threads: 2) {
            lines.append($0)
        }.rows(records)
        XCTAssertEqual(lines, [], "nothing computed")
        XCTAssertEqual(stored, evaluated, "width 512 left out")
    }

    /// Two runs on one output: a network another run holds is not evaluated twice; this run
    /// evaluates the rest, waits for the held one and reads its values from the cache.
    func testANetworkAnotherRunHoldsIsWaitedForNotEvaluatedTwice() throws {
        let root = SyntheticMNIST.temporaryDirectory("paper2-robust-locks")
        let records = try records(root)
        let narrow = try XCTUnwrap(records[.sparseWidth]?.first { $0.spec.width == 128 })
        let other = try FileLock(helper.runner(root).evaluationLockURL(narrow.key))
        XCTAssertTrue(other.tryLock(), "the other run claims width 128")
        let lines = LockedLines()
        let rows = ResultBox<[RobustnessRow]>()
        let finished = expectation(description: "the study ends")
        let study = study(root) { lines.append($0) }
        DispatchQueue.global().async {
            rows.result = Result { try study.rows(records) }
            finished.fulfill()
        }
        let deadline = Date().addingTimeInterval(120)
        while !lines.all.contains(where: { $0.hasPrefix("waiting for another run") }),
              Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertTrue(lines.all.contains { $0.hasPrefix("width 512 seed 3:") }, "\(lines.all)")
        // The other run evaluates its network (holding the lock itself), then lets go.
        var holder = self.study(root) { _ in }
        holder.claimsNetworks = false
        let held = try holder.rows([.sparseWidth: [narrow]])
        other.unlock()
        wait(for: [finished], timeout: 120)
        let all = try XCTUnwrap(rows.result).get()
        XCTAssertFalse(lines.all.contains { $0.hasPrefix("width 128 seed 3:") },
                       "width 128 evaluated once, by the other run: \(lines.all)")
        XCTAssertEqual(all.filter { $0.width == 128 }, held)
        XCTAssertEqual(all, try self.study(root) { _ in }.rows(records), "all cached")
    }

    func testSameSeedsSameValuesInAnotherStore() throws {
        let a = SyntheticMNIST.temporaryDirectory("paper2-robust-a")
        let b = SyntheticMNIST.temporaryDirectory("paper2-robust-b")
        let ra = try study(a) { _ in }.rows(try records(a))
        let rb = try study(b) { _ in }.rows(try records(b))
        XCTAssertEqual(ra, rb)
    }
}

/// A result handed from a background thread (read after waiting for it).
final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, Error>?
}

/// Log lines written from several threads.
final class LockedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
}
