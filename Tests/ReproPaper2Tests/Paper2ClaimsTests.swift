import Foundation
import ReproRobustness
import XCTest
import ReproReport
@testable import ReproPaper2

/// `paper/paper2/` read as the report reads it: every claim's rule decodes and names curves the
/// evaluations produce, and verdicts follow the results (flip the results, the verdict flips).
final class Paper2ClaimsTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    func facts() throws -> PaperFacts {
        try PaperFacts(directory: Self.repository.appendingPathComponent("paper/paper2"))
    }

    /// Width-family rows: `curve[k]` at width 128·2^k for each of three seeds (± 0.001).
    func rows(_ evaluation: RobustnessEvaluation, setting: EvaluationSetting = .none, _ curve: [Double],
              family: Paper2Family = .sparseWidth) -> [RobustnessRow] {
        curve.enumerated().flatMap { k, mean in
            (0..<3).map { seed in
                RobustnessRow(family: family, width: family == .sparseDepth ? 512 : 128 << k,
                              depth: family == .sparseDepth ? 1 << k : 1, seed: seed,
                              evaluation: evaluation, setting: setting,
                              value: mean + 0.001 * Double(seed - 1))
            }
        }
    }

    func verdict(_ id: String, _ rows: [RobustnessRow]) throws -> ClaimResult {
        let claim = try XCTUnwrap(try facts().claims.first { $0.id == id })
        return try XCTUnwrap(try Paper2ClaimChecker.check([claim], rows: rows).first)
    }

    func testEveryClaimDecodesAndPointsAtAFigureOrTable() throws {
        let facts = try facts()
        XCTAssertGreaterThanOrEqual(facts.claims.count, 9)
        for claim in facts.claims {
            XCTAssertNoThrow(try claim.test.decode(Paper2ClaimTest.self), claim.id)
            XCTAssertNotNil(facts.figure(claim.figure), "\(claim.id) cites \(claim.figure)")
        }
        // With no results at all, a claim cannot hold.
        for result in try Paper2ClaimChecker.check(facts.claims, rows: []) {
            XCTAssertNotEqual(result.verdict.kind, .holds, result.claim.id)
        }
    }

    func testNoiseRobustnessVerdictFollowsTheCurve() throws {
        let riseFall = [0.95, 0.96, 0.97, 0.90]
        let noisy = ["0.1", "0.2", "0.3"].flatMap { self.rows(.weightNoise, setting: $0, riseFall) }
        XCTAssertEqual(try verdict("C2", noisy).verdict.kind, .holds)
        let falling = ["0.1", "0.2", "0.3"].flatMap {
            self.rows(.weightNoise, setting: $0, [0.97, 0.96, 0.95, 0.90])
        }
        XCTAssertEqual(try verdict("C2", falling).verdict.kind, .doesNotHold)
        let mixed = noisy.filter { $0.setting != "0.3" }
            + self.rows(.weightNoise, setting: "0.3", [0.97, 0.96, 0.95, 0.90])
        XCTAssertEqual(try verdict("C2", mixed).verdict.kind, .partly)
    }

    func testRecallAndDepthClaimsFlip() throws {
        let steady = rows(.minRecall, [0.95, 0.95, 0.96])
            + rows(.minRecall, [0.95, 0.955, 0.95], family: .sparseDepth)
        XCTAssertEqual(try verdict("C6", steady).verdict.kind, .holds)
        let dropping = rows(.minRecall, [0.95, 0.90, 0.85])
            + rows(.minRecall, [0.95, 0.955, 0.95], family: .sparseDepth)
        let result = try verdict("C6", dropping)
        XCTAssertEqual(result.verdict.kind, .partly)
        XCTAssertTrue(result.reproduced.contains("0.8500"), result.reproduced)
    }

    func testPrunedDegradesSoonerThanStatic() throws {
        let stat: [Double] = [0.98, 0.98, 0.97, 0.90]
        let pruned: [Double] = [0.98, 0.93, 0.80, 0.50]
        func family(_ f: Paper2Family, _ c: [Double]) -> [RobustnessRow] {
            rows(.clean, c, family: f) + rows(.weightNoise, setting: "0.2", c, family: f)
                + rows(.mnistC, setting: "mean", c, family: f)
        }
        let sooner = family(.prunedWidth, pruned) + family(.sparseWidth, stat)
        XCTAssertEqual(try verdict("C7", sooner).verdict.kind, .holds)
        let later = family(.prunedWidth, stat) + family(.sparseWidth, pruned)
        XCTAssertEqual(try verdict("C7", later).verdict.kind, .doesNotHold)
    }
}

/// The batch-size check trains twins that differ from the protocol's networks only in the batch.
final class BatchSensitivityTests: XCTestCase {
    func testTwinsDifferOnlyInBatchSize() throws {
        let twins = BatchSensitivity.plan(quick: false)
        XCTAssertEqual(twins.batchSize, 64)
        XCTAssertEqual(twins.widths, [128, 1024])
        XCTAssertEqual(twins.seeds, [0, 1])
        var protocolPlan = Paper2Plan.named(.sparseWidth)
        protocolPlan.widths = twins.widths
        protocolPlan.seeds = twins.seeds
        let a = protocolPlan.specs(data: "d"), b = twins.specs(data: "d")
        XCTAssertEqual(a.count, b.count)
        for (x, y) in zip(a, b) {
            XCTAssertNotEqual(x.key, y.key, "stored apart")
            var same = y
            same.optimizer.batchSize = x.optimizer.batchSize
            XCTAssertEqual(same.key, x.key, "nothing else differs")
        }
    }
}
