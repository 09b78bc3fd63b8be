import ReproData
import ReproMNISTC
import ReproReport
import ReproRobustness
import ReproSupport

/// The test of one paper-2 claim as `paper/paper2/claims.json` states it: a generic curve rule,
/// the curves it reads (all must satisfy it for the claim to hold), and for rules that compare,
/// the curves to compare with (pairwise). The curves name the MLP's families; the claim is
/// checked on each kind of network in `networks` (default: all three), its curves read from that
/// network's family of the same role (`sparse-width` → `vgg-width`, `resnet-width`).
public struct Paper2ClaimTest: Codable, Sendable, Equatable {
    public var rule: CurveRule
    public var curves: [CurveSelector]
    public var against: [CurveSelector]?
    public var networks: [Paper2Network]?

    /// The test within one kind of network, or nil when the paper has no family of that kind
    /// for one of its curves (ResNet has no pruned family). Curves that name a network of their
    /// own (a CNN family) keep it; comparison curves too.
    func scoped(to network: Paper2Network) -> Paper2ClaimTest? {
        func move(_ s: CurveSelector) -> CurveSelector? {
            guard s.family.network == .mlp else { return s }
            guard let family = Paper2Family.of(network, s.family.role) else { return nil }
            var moved = s
            moved.family = family
            return moved
        }
        let curves = self.curves.compactMap(move)
        guard curves.count == self.curves.count else { return nil }
        var test = self
        test.curves = curves
        if rule.kind == .degradesSooner, let against {
            let moved = against.compactMap(move)
            guard moved.count == against.count else { return nil }
            test.against = moved
        }
        return test
    }

    /// The kinds of network the claim is checked on.
    var scopes: [Paper2Network] { networks ?? Paper2Network.allCases }
}

/// Checks paper 2's claims against its results: builds each claim's curves from the tidy rows,
/// applies its rule within each kind of network, and reports the numbers that decided it. Each
/// scope's verdict is checked on the profile's seeds and again on every seed the rows hold, with
/// a 95 % bootstrap interval over those seeds of the number the rule decides on.
public enum Paper2ClaimChecker {
    /// `paperSeeds`: the profile's seeds of each kind of network (the verdict's own); the rows
    /// may hold more (`--seeds N`), which the robustness check uses.
    /// `readings`: the width family's rows under each variant of the protocol; with them (or
    /// with several settings of a claim's evaluation in the rows) each claim also gets its MLP
    /// verdict under every other reading, and is flagged where one flips it.
    /// `absent`: why a scope or reading without rows is untestable.
    public static func check(_ claims: [Claim], rows: [RobustnessRow],
                             paperSeeds: [Paper2Network: [Int]] = [:],
                             readings: [(name: String, rows: [RobustnessRow])] = [],
                             absent: String = "not run in this profile",
                             bootstrap: SeedBootstrap = SeedBootstrap()) throws -> [ClaimResult] {
        try claims.map { claim in
            let test: Paper2ClaimTest
            do {
                test = try claim.test.decode(Paper2ClaimTest.self)
            } catch let error as DecodingError {
                throw ReproError("paper/paper2/claims.json, claim \(claim.id): "
                                 + PaperFacts.describe(error))
            }
            if test.rule.kind.compares, test.against?.count != test.curves.count {
                throw ReproError("paper/paper2/claims.json, claim \(claim.id): \(test.rule.kind) "
                                 + "needs one 'against' curve per curve")
            }
            let checked = test.scopes.compactMap { network -> (ScopedVerdict, SeedRobustness?)? in
                guard let scoped = test.scoped(to: network) else { return nil }
                let selectors = scoped.curves + (scoped.against ?? [])
                let families = Set(selectors.map(\.family))
                guard families.allSatisfy({ f in rows.contains { $0.family == f } }) else {
                    return (ScopedVerdict(scope: network.title, verdict: .untestable,
                                          evidence: absent), nil)
                }
                // A curve needs two sizes of network (a partly stored output may hold one), a
                // rise then a fall three (the default profile's ResNet18 has two).
                func sizes(_ f: Paper2Family) -> Int {
                    Set(rows.filter { $0.family == f }.map { [$0.width, $0.depth] }).count
                }
                let needed = test.rule.kind.minimumPoints
                if let f = families.sorted(by: { $0.rawValue < $1.rawValue })
                    .first(where: { sizes($0) < needed }) {
                    let evidence = sizes(f) == 1 ? "\(f.rawValue): one size of network only"
                        : "\(f.rawValue): \(sizes(f)) sizes of network only; a rise then a fall needs \(needed)"
                    return (ScopedVerdict(scope: network.title, verdict: .untestable,
                                          evidence: evidence), nil)
                }
                let relevant = rows.filter { row in selectors.contains { $0.selects(row) } }
                let bySeed = Dictionary(grouping: relevant, by: \.seed)
                let all = bySeed.keys.sorted()
                let own = paperSeeds[network].map { mine in all.filter(mine.contains) } ?? all
                let result = SeedRobustClaims.check(
                    claim, paperSeeds: own.isEmpty ? all : own, extendedSeeds: all,
                    bootstrap: bootstrap) { seeds in
                    measure(scoped, rows: seeds.flatMap { bySeed[$0] ?? [] })
                }
                return (ScopedVerdict(scope: network.title, verdict: result.verdict,
                                      evidence: result.reproduced,
                                      fragile: result.robustness?.fragile ?? false),
                        result.robustness)
            }
            let scopes = checked.map(\.0)
            let tested = scopes.filter { $0.verdict.kind != .untestable }
            let reproduced = tested.count == 1 && scopes.count == 1 ? tested[0].evidence
                : tested.map { "\($0.scope): \($0.evidence)" }.joined(separator: " · ")
            // The claims table's seed column speaks for the first kind of network tested (the
            // MLP where it is); each scope's own flag is in `scopes`.
            let robustness = checked.first { $0.0.verdict.kind != .untestable }?.1
            var result = ClaimResult(claim: claim, reproduced: tested.isEmpty ? "–" : reproduced,
                                     verdict: ScopedVerdict.combined(scopes), robustness: robustness,
                                     scopes: scopes.count > 1 ? scopes : nil)
            // Each kind of network tested, under the readings of its width family (the MLP's
            // named as they are, a CNN's prefixed with it: "VGG, water-filling").
            var all: [ScopedVerdict] = [], flipped: [String] = []
            for network in Paper2Network.allCases {
                guard let scope = scopes.first(where: { $0.scope == network.title }),
                      scope.verdict.kind != .untestable else { continue }
                let mine = readings.filter { reading in
                    Paper2Variant(rawValue: reading.name)?.families
                        .contains { $0.network == network } ?? (network == .mlp)
                }
                func named(_ readings: [ScopedVerdict]) -> [ScopedVerdict] {
                    network == .mlp ? readings
                        : readings.map { var v = $0; v.scope = "\(network.title), \(v.scope)"; return v }
                }
                let variants = named(Paper2Readings.verdicts(test, network: network, default: rows,
                                                             readings: mine, absent: absent))
                let settings = named(Paper2Readings.otherSettings(test, network: network, rows: rows))
                all += variants + settings
                flipped += Paper2Readings.flips(variants, settings: settings, from: scope.verdict)
            }
            if !all.isEmpty {
                result.readings = all
                result.readingSensitive = flipped
            }
            return result
        }
    }

    /// The rule applied to every curve of one scoped test: the verdict, the numbers that decided
    /// it, and the statistic (the weakest curve's).
    static func measure(_ test: Paper2ClaimTest, rows: [RobustnessRow]) -> ClaimMeasurement {
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
        let value = test.rule.weakest(outcomes.map(\.statistic))
        return ClaimMeasurement(
            outcomes.map(\.evidence).joined(separator: "; "), test.rule.verdict(outcomes),
            statistic: value.isNaN ? nil : ClaimStatistic(
                test.rule.statisticName + (outcomes.count > 1 ? ", weakest curve" : ""),
                value: value, holdsIn: test.rule.holdsIn,
                digits: test.rule.kind == .bestAmongFirst || test.rule.kind == .degradesSooner ? 0 : 4))
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
                throw ReproError("\(PaperFacts.claimPlace(file, claim.id)): \(PaperFacts.describe(error))")
            }
            if test.rule.kind.compares, test.against?.count != test.curves.count {
                throw ReproError("\(PaperFacts.claimPlace(file, claim.id)): \(test.rule.kind) needs one "
                                 + "'against' curve per curve")
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
                case .cifarC:
                    ok = curve.setting == .identity || CIFARCorruptedImages.severities.contains {
                        s in (CIFARCorrupted.corruptions + ["mean"]).contains {
                            curve.setting == CIFARCorruptedImages.setting($0, severity: s)
                        }
                    }
                }
                guard ok else {
                    throw ReproError("\(PaperFacts.claimPlace(file, claim.id)): \(curve.evaluation.rawValue) is not "
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
        case .cifarC: return "name <corruption>@<severity 2 or 4>, mean@2, mean@4 or identity"
        case .fgsm, .ffgsm, .bim, .pgd, .apgd:
            return "ε is one of " + epsilons.sorted().map { "\($0)" }.joined(separator: ", ")
        }
    }
}
