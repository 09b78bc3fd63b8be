/// One claim of a paper and how to test it against our results.
public struct Claim: Codable, Sendable, Equatable {
    public var id: String
    public var text: String
    /// The published value, as the paper states it.
    public var published: String
    /// The figure or table that shows the evidence.
    public var figure: String
    public var test: ClaimTest
}

/// The test of a claim: a kind and the parameters that kind needs.
public struct ClaimTest: Codable, Sendable, Equatable {
    public var kind: String
    public var pair: String?
    public var hidden: Int?
    public var threshold: Double?
    public var low: Int?
    public var high: Int?
    public var learningRate: Double?
    public var level: Double?
    public var tolerance: Double?
    public var source: String?
    public var larger: Int?
    public var smaller: Int?
    public var sizes: [Int]?
}

/// What the results say about a claim.
public enum Verdict: String, Codable, Sendable {
    case holds = "holds"
    case doesNotHold = "does not hold"
    /// True of the models as the published code pruned them (p/100 %), false at the stated p %.
    case holdsOnlyUnderPublishedPruning = "holds only under the published code's pruning"
    case untestable = "cannot be tested"
}

/// A claim with its reproduced value and verdict.
public struct ClaimResult: Codable, Sendable, Equatable {
    public var claim: Claim
    public var reproduced: String
    public var verdict: Verdict
}
