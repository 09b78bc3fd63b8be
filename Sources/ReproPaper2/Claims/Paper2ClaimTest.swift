import ReproReport
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
