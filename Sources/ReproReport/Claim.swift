import ReproSupport

/// One claim of a paper, as `paper/<paper>/claims.json` states it: the text, the published value,
/// the figure or table with the evidence, and the rule that tests it. The rule is the paper's own
/// schema; generic code passes it through and the paper decodes it.
public struct Claim: Codable, Sendable, Equatable {
    public var id: String
    public var text: String
    /// The published value, as the paper states it.
    public var published: String
    /// The figure or table that shows the evidence.
    public var figure: String
    public var test: JSONValue
}

/// What the results say about a claim. The text is what reports print; the kind is what the
/// verdict counts and colours are computed from.
public struct Verdict: Codable, Sendable, Equatable, Hashable {
    public enum Kind: String, CaseIterable, Sendable {
        case holds, partly, doesNotHold, untestable
    }

    public let text: String
    public let kind: Kind

    public init(_ text: String, kind: Kind) {
        self.text = text
        self.kind = kind
    }

    public static let holds = Verdict("holds", kind: .holds)
    public static let doesNotHold = Verdict("does not hold", kind: .doesNotHold)
    public static let untestable = Verdict("cannot be tested", kind: .untestable)

    /// A qualified verdict: true only under a stated condition ("holds only under …").
    public static func holdsOnly(under condition: String) -> Verdict {
        Verdict("holds only under \(condition)", kind: .partly)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        let kinds: [String: Kind] = ["holds": .holds, "does not hold": .doesNotHold,
                                     "cannot be tested": .untestable]
        self.init(text, kind: kinds[text] ?? .partly)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }
}

/// A claim with its reproduced value and verdict (on the paper's seeds).
public struct ClaimResult: Codable, Sendable, Equatable {
    public var claim: Claim
    public var reproduced: String
    public var verdict: Verdict
    /// The verdict on an extended set of seeds, with an interval and the fragile flag (nil for a
    /// paper whose claims are checked on one set of seeds only).
    public var robustness: SeedRobustness?
    /// The verdict within each scope the claim was checked in (each architecture, each reading
    /// of the paper), when it was checked in several; nil otherwise.
    public var scopes: [ScopedVerdict]?
    /// The verdict under other readings of the paper (protocol variants, other settings of the
    /// claim's own parameters), where they were checked; nil otherwise.
    public var readings: [ScopedVerdict]?
    /// The readings whose verdict differs in kind from the paper's reading: the claim is
    /// *reading-sensitive* when there is any.
    public var readingSensitive: [String]?

    public init(claim: Claim, reproduced: String, verdict: Verdict, robustness: SeedRobustness? = nil,
                scopes: [ScopedVerdict]? = nil) {
        self.claim = claim
        self.reproduced = reproduced
        self.verdict = verdict
        self.robustness = robustness
        self.scopes = scopes
    }
}

/// A claim's verdict within one scope ("VGG11", "normal-init"), with the numbers that decided it.
public struct ScopedVerdict: Codable, Sendable, Equatable {
    public var scope: String
    public var verdict: Verdict
    public var evidence: String
    /// Whether other seeds could flip this scope's verdict (see ``SeedRobustness``).
    public var fragile: Bool

    public init(scope: String, verdict: Verdict, evidence: String, fragile: Bool = false) {
        self.scope = scope
        self.verdict = verdict
        self.evidence = evidence
        self.fragile = fragile
    }

    /// "VGG: holds", "MLP: does not hold (fragile)".
    public var text: String {
        "\(scope): \(verdict.text)" + (fragile ? " (fragile)" : "")
    }

    /// One verdict over several scopes: holds (or does not) when every scope agrees; otherwise
    /// "holds for VGG11 and ResNet18, not for MLP", a verdict that holds in part. A scope that
    /// could not be tested does not count; none tested: cannot be tested.
    public static func combined(_ scopes: [ScopedVerdict]) -> Verdict {
        let tested = scopes.filter { $0.verdict.kind != .untestable }
        guard let first = tested.first else { return .untestable }
        if tested.allSatisfy({ $0.verdict == first.verdict }) { return first.verdict }
        func names(_ kind: Verdict.Kind) -> [String] {
            tested.filter { $0.verdict.kind == kind }.map(\.scope)
        }
        var parts: [String] = []
        if !names(.holds).isEmpty { parts.append("holds for " + list(names(.holds))) }
        if !names(.partly).isEmpty { parts.append("in part for " + list(names(.partly))) }
        if !names(.doesNotHold).isEmpty { parts.append("not for " + list(names(.doesNotHold))) }
        return Verdict(parts.joined(separator: ", "), kind: .partly)
    }

    /// "A", "A and B", "A, B and C".
    static func list(_ names: [String]) -> String {
        names.count < 2 ? names.joined()
            : names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
    }
}
