import ReproSupport
import ReproData
import ReproNN

/// Table 1: hidden units that output zero on every held-out image, before and after pruning.
public enum DeadNeuronStudy {
    public static let version = 1

    /// A table row to compute: the paper's rows (95 %) and the ones the published code ran.
    public struct Case: Codable, Equatable, Sendable {
        public var pair: DigitPair
        public var hidden: Int
        public var level: Double
        public var source: String
    }

    public static let cases = [
        Case(pair: DigitPair(0, 1), hidden: 12, level: 95, source: "paper"),
        Case(pair: DigitPair(3, 8), hidden: 16, level: 95, source: "paper"),
        Case(pair: Paper1Plan.hardestPair, hidden: 24, level: 95, source: "paper"),
        Case(pair: DigitPair(0, 1), hidden: 32, level: 99, source: "code"),
        Case(pair: Paper1Plan.hardestPair, hidden: 24, level: 99, source: "code"),
    ]

    public struct Row: Codable, Equatable, Sendable {
        public var `case`: Case
        public var seed: Int
        public var deadBefore: Int
        /// After pruning p % of the weights (the paper's reading).
        public var deadAfter: Int
        /// After pruning p/100 % (what the published code ran).
        public var deadAfterPublished: Int
    }

    /// Every seed of the base plan, each cached on its own (adding seeds computes only theirs).
    public static func run(_ context: StudyContext) throws -> [Row] {
        let bySeed = try context.base.seeds.map { try unit(context, seed: $0) }
        // Table order: case by case, seeds within.
        return cases.flatMap { c in bySeed.flatMap { $0.filter { $0.case == c } } }
    }

    static func unit(_ context: StudyContext, seed: Int) throws -> [Row] {
        let keys = cases.map { context.spec($0.pair, hidden: $0.hidden, seed: seed).key }
        struct Inputs: Encodable { let study = "dead-neurons"; let version: Int; let models: [String] }
        return try context.cache.value("dead-neurons-seed\(seed)", inputs: Inputs(version: version, models: keys)) {
            try context.ensure(cases.map { ($0.pair, $0.hidden, seed) })
            return try cases.map { c in
                let model = try context.trainedModel(c.pair, hidden: c.hidden, seed: seed)
                let data = try context.heldOut(c.pair, seed: seed)
                func dead(_ reading: MagnitudePruning.Reading) -> Int {
                    HiddenActivations.deadUnits(MagnitudePruning.prune(model, fraction: reading.fraction(level: c.level)), on: data).count
                }
                return Row(case: c, seed: seed, deadBefore: HiddenActivations.deadUnits(model, on: data).count,
                           deadAfter: dead(.correct), deadAfterPublished: dead(.published))
            }
        }
    }
}
