import Foundation
import ReproRobustness
import ReproSupport
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

    /// A claim about the width family is checked on each kind of network: where the MLP's curve
    /// rises then falls and VGG11's only falls, it holds for the MLP, not for the VGG; ResNet,
    /// absent from these results, is "not run".
    func testClaimsAreCheckedPerKindOfNetwork() throws {
        let sigmas: [EvaluationSetting] = [.value(0.1), .value(0.2), .value(0.3)]
        let mlp = sigmas.flatMap { rows(.weightNoise, setting: $0, [0.95, 0.96, 0.97, 0.90]) }
        let vgg = sigmas.flatMap {
            rows(.weightNoise, setting: $0, [0.97, 0.96, 0.95, 0.90], family: .vggWidth)
        }
        let result = try verdict("C2", mlp + vgg)
        XCTAssertEqual(result.verdict.kind, .partly)
        XCTAssertEqual(result.verdict.text, "holds for MLP, not for VGG")
        XCTAssertEqual(result.scopes?.map { $0.scope }, ["MLP", "VGG", "ResNet"])
        XCTAssertEqual(result.scopes?.map { $0.verdict.kind }, [Verdict.Kind.holds, .doesNotHold, .untestable])
        XCTAssertEqual(result.scopes?[2].evidence, "not run in this profile")
        let claim = try XCTUnwrap(try facts().claims.first { $0.id == "C2" })
        let stored = try XCTUnwrap(try Paper2ClaimChecker.check([claim], rows: mlp + vgg,
                                                                absent: "not stored in this output").first)
        XCTAssertEqual(stored.scopes?[2].evidence, "not stored in this output",
                       "claims --stored says why ResNet is untestable")
        XCTAssertTrue(result.reproduced.hasPrefix("MLP: "), result.reproduced)
        XCTAssertEqual(try verdict("C2", mlp + vgg.map { row in
            var r = row; r.family = .resnetWidth; return r }).verdict.text,
                       "holds for MLP, not for ResNet")
        // A claim about the VGG only (C12) is not moved to the other networks.
        let attacks: [RobustnessEvaluation] = [.fgsm, .ffgsm, .bim, .pgd, .apgd]
        let robust = attacks.flatMap {
            rows($0, setting: .value(0.05), [0.30, 0.50, 0.40], family: .vggWidth)
        }
        let c12 = try verdict("C12", robust)
        XCTAssertEqual(c12.verdict.kind, .holds)
        XCTAssertNil(c12.scopes, "one scope only")
    }

    /// A rise then a fall cannot be seen on two sizes of network (the default profile's
    /// ResNet18 at widths 16 and 32): untestable with the reason, not "does not hold"; a rule
    /// that compares two points still decides on them.
    func testARiseThenFallOnTwoSizesIsUntestable() throws {
        let sigmas: [EvaluationSetting] = [.value(0.1), .value(0.2), .value(0.3)]
        let vgg = sigmas.flatMap {
            rows(.weightNoise, setting: $0, [0.95, 0.96, 0.97, 0.90], family: .vggWidth)
        }
        let resnet = sigmas.flatMap { rows(.weightNoise, setting: $0, [0.97, 0.90], family: .resnetWidth) }
        let result = try verdict("C2", vgg + resnet)
        XCTAssertEqual(result.scopes?.map { $0.verdict.kind }, [Verdict.Kind.untestable, .holds, .untestable])
        XCTAssertEqual(result.scopes?[2].evidence,
                       "resnet-width: 2 sizes of network only; a rise then a fall needs 3")
        let clean = rows(.clean, [0.97, 0.90], family: .resnetWidth)
        XCTAssertEqual(try verdict("C1", clean).scopes?[2].verdict.kind, .doesNotHold,
                       "the first sparse point against the base needs two sizes only")
    }

    /// The verdict is re-checked over every seed with a bootstrap interval of the number the
    /// rule decides on; a claim whose number could fall either side of the rule's edge with
    /// other seeds is fragile, one far from it is not.
    func testSeedBootstrapFlagsFragileVerdicts() throws {
        func spreadRows(_ means: [Double], spread: Double) -> [RobustnessRow] {
            means.enumerated().flatMap { k, mean in
                (0..<5).map { seed in
                    RobustnessRow(family: .sparseWidth, width: 128 << k, depth: 1, seed: seed,
                                  evaluation: .clean, value: mean + spread * Double(seed - 2))
                }
            }
        }
        let clear = try verdict("C1", spreadRows([0.95, 0.96, 0.90], spread: 0.0005))
        XCTAssertEqual(clear.verdict.kind, .holds)
        let robust = try XCTUnwrap(clear.robustness)
        XCTAssertFalse(robust.fragile)
        XCTAssertEqual(robust.statistic?.value ?? .nan, 0.01, accuracy: 1e-9,
                       "first sparse point − base")
        // Seeds spread by ± 0.02 around means 0.001 apart: the sign could go either way.
        var shaky = spreadRows([0.95, 0.95, 0.90], spread: 0)
        for k in shaky.indices where shaky[k].width == 256 {
            shaky[k].value += 0.02 * Double([1, -1, 1, -1, 0.5][shaky[k].seed])
        }
        let fragile = try verdict("C1", shaky)
        XCTAssertTrue(fragile.robustness?.fragile ?? false, "\(String(describing: fragile.robustness))")
        XCTAssertTrue(fragile.robustness?.note?.contains("straddles") ?? false)
    }

    /// A reading of the paper (a protocol variant's width family) that flips a claim flags it
    /// reading-sensitive and names the variant; one that agrees does not; a claim reading a
    /// family the variants do not train is not re-checked; another σ that flips it is named.
    func testReadingsThatFlipAClaimAreNamed() throws {
        let sigmas: [EvaluationSetting] = [.value(0.1), .value(0.2), .value(0.3)]
        let riseFall = sigmas.flatMap { rows(.weightNoise, setting: $0, [0.95, 0.96, 0.97, 0.90]) }
        let falling = sigmas.flatMap { rows(.weightNoise, setting: $0, [0.97, 0.96, 0.95, 0.90]) }
        let claim = try XCTUnwrap(try facts().claims.first { $0.id == "C2" })
        let result = try XCTUnwrap(try Paper2ClaimChecker.check(
            [claim], rows: riseFall,
            readings: [("normal-init", falling), ("no-bias", riseFall)]).first)
        XCTAssertEqual(result.verdict.kind, .holds)
        XCTAssertEqual(result.readings?.map { $0.scope }, ["normal-init", "no-bias"])
        XCTAssertEqual(result.readings?.map { $0.verdict.kind }, [Verdict.Kind.doesNotHold, .holds])
        XCTAssertEqual(result.readingSensitive, ["normal-init"])
        // What `repro claims --paper 2 --json` prints for it: the statistic, its interval, the
        // fragile flag, and the verdict under each reading.
        let json = String(decoding: try CanonicalJSON.encode([result]), as: UTF8.self)
        for key in ["\"robustness\"", "\"interval\"", "\"fragile\"", "\"statistic\"",
                    "\"readings\"", "\"readingSensitive\"", "\"normal-init\""] {
            XCTAssertTrue(json.contains(key), "\(key) in \(json.prefix(400))")
        }

        // Another σ of the same evaluation: at σ = 0.5 the curve only falls, so C2 would not hold.
        let withHalf = riseFall + rows(.weightNoise, setting: .value(0.5), [0.97, 0.96, 0.95, 0.90])
        let settings = try XCTUnwrap(try Paper2ClaimChecker.check([claim], rows: withHalf).first)
        XCTAssertEqual(settings.readings?.map { $0.scope }, ["σ = 0.5"])
        XCTAssertEqual(settings.readingSensitive, ["σ = 0.5"])

        // C7 reads the pruned family too: not re-checked under a variant.
        let c7 = try XCTUnwrap(try facts().claims.first { $0.id == "C7" })
        let stat = rows(.clean, [0.98, 0.98, 0.97]) + rows(.clean, [0.98, 0.90, 0.80], family: .prunedWidth)
        let pruned = try XCTUnwrap(try Paper2ClaimChecker.check(
            [c7], rows: stat, readings: [("normal-init", rows(.clean, [0.98, 0.98, 0.97]))]).first)
        XCTAssertEqual(pruned.readings?.first?.verdict.kind, .untestable)
        XCTAssertEqual(pruned.readingSensitive, [])
    }

    /// The CNNs' reading (water-filling) re-checks the claim on the VGG's width family and is
    /// named with the network; an MLP reading does not touch the VGG's verdict.
    func testACNNReadingThatFlipsAClaimIsNamedWithItsNetwork() throws {
        let steady = rows(.clean, [0.98, 0.98, 0.97], family: .vggWidth)
        let dropping = rows(.clean, [0.98, 0.95, 0.94], family: .vggWidth)
        let c1 = try XCTUnwrap(try facts().claims.first { $0.id == "C1" })
        let result = try XCTUnwrap(try Paper2ClaimChecker.check(
            [c1], rows: steady,
            readings: [("water-filling", dropping), ("normal-init", rows(.clean, [0.98, 0.90, 0.9]))]).first)
        XCTAssertEqual(result.scopes?.first { $0.scope == "VGG" }?.verdict.kind, .holds)
        XCTAssertEqual(result.readings?.map(\.scope), ["VGG, water-filling"])
        XCTAssertEqual(result.readings?.first?.verdict.kind, .doesNotHold)
        XCTAssertEqual(result.readingSensitive, ["VGG, water-filling"])
        let agreeing = try XCTUnwrap(try Paper2ClaimChecker.check(
            [c1], rows: steady, readings: [("water-filling", steady)]).first)
        XCTAssertEqual(agreeing.readingSensitive, [])
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
