import ReproMNISTC
import ReproReport
import ReproRobustness
import ReproSupport

/// The test of one paper-2 claim as `paper/paper2/claims.json` states it: a generic curve rule,
/// the curves it reads (all must satisfy it for the claim to hold), and for rules that compare,
/// the curves to compare with (pairwise).
public struct Paper2ClaimTest: Codable, Sendable, Equatable {
    public var rule: CurveRule
    public var curves: [CurveSelector]
    public var against: [CurveSelector]?
}

/// Checks paper 2's claims against its results: builds each claim's curves from the tidy rows,
/// applies its rule, and reports the numbers that decided it.
public enum Paper2ClaimChecker {
    public static func check(_ claims: [Claim], rows: [RobustnessRow]) throws -> [ClaimResult] {
        try claims.map { claim in
            let test: Paper2ClaimTest
            do {
                test = try claim.test.decode(Paper2ClaimTest.self)
            } catch let error as DecodingError {
                throw ReproError("paper/paper2/claims.json, claim \(claim.id): "
                                 + PaperFacts.describe(error))
            }
            if test.rule.kind == .degradesSooner, test.against?.count != test.curves.count {
                throw ReproError("paper/paper2/claims.json, claim \(claim.id): degradesSooner "
                                 + "needs one 'against' curve per curve")
            }
            let names = CurveSelector.names(test.curves)
            let outcomes = test.curves.enumerated().map { k, selector in
                // A comparison names each side by its family: "clean, pruned-width … sparse-width".
                let mine = test.against == nil ? names[k] : "\(names[k]), \(selector.family.rawValue)"
                return test.rule.check(
                    Paper2Curves.curve(selector, rows: rows, name: mine),
                    against: test.against.map {
                        Paper2Curves.curve($0[k], rows: rows, name: $0[k].family.rawValue)
                    })
            }
            let verdict = test.rule.verdict(outcomes)
            return ClaimResult(claim: claim,
                               reproduced: outcomes.map(\.evidence).joined(separator: "; "),
                               verdict: verdict)
        }
    }
}

extension Paper2ClaimChecker {
    /// Every claim's test decodes and names curves that can exist: a family and evaluation the
    /// paper has, and a setting that evaluation is measured at (σ of the noise grid, ε of the
    /// attacks' grid, an MNIST-C corruption, `mean` or `identity`, none for clean accuracy and
    /// class recall). Checked before any work, with the file and claim named.
    public static func validate(_ claims: [Claim], file: String) throws {
        let grids = [RobustnessSettings.paper, .quick, .conv(quick: false), .conv(quick: true)]
        let sigmas = Set(grids.flatMap(\.sigmas)), epsilons = Set(grids.flatMap(\.epsilons))
        let corruptions = Set(MNISTCorruption.allCases.map(\.rawValue) + ["mean", "identity"])
        for claim in claims {
            let test: Paper2ClaimTest
            do { test = try claim.test.decode(Paper2ClaimTest.self) } catch let error as DecodingError {
                throw ReproError("\(file), claim \(claim.id): \(PaperFacts.describe(error))")
            }
            if test.rule.kind == .degradesSooner, test.against?.count != test.curves.count {
                throw ReproError("\(file), claim \(claim.id): degradesSooner needs one 'against' "
                                 + "curve per curve")
            }
            for curve in test.curves + (test.against ?? []) {
                let ok: Bool
                switch curve.evaluation {
                case .clean, .minRecall: ok = curve.setting == .none
                case .weightNoise, .weightNoiseDL: ok = curve.setting.number.map(sigmas.contains) ?? false
                case .fgsm, .ffgsm, .bim, .pgd, .apgd:
                    ok = curve.setting.number.map(epsilons.contains) ?? false
                case .mnistC:
                    if case .named(let name) = curve.setting { ok = corruptions.contains(name) } else { ok = false }
                }
                guard ok else {
                    throw ReproError("\(file), claim \(claim.id): \(curve.evaluation.rawValue) is not "
                                     + "measured at setting '\(curve.setting)'; "
                                     + Self.settingsHint(curve.evaluation, sigmas, epsilons))
                }
            }
        }
    }

    static func settingsHint(_ e: RobustnessEvaluation, _ sigmas: Set<Double>,
                             _ epsilons: Set<Double>) -> String {
        switch e {
        case .clean, .minRecall: return "give no setting"
        case .weightNoise, .weightNoiseDL:
            return "σ is one of " + sigmas.sorted().map { "\($0)" }.joined(separator: ", ")
        case .mnistC: return "name a corruption, mean or identity"
        case .fgsm, .ffgsm, .bim, .pgd, .apgd:
            return "ε is one of " + epsilons.sorted().map { "\($0)" }.joined(separator: ", ")
        }
    }
}
