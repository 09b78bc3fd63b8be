import ReproSupport
import ReproData
import ReproNN

/// One-shot magnitude pruning of trained models, evaluated on the held-out part without retraining,
/// under both readings of the level (p % as the paper says, p/100 % as its code ran).
public enum PruningStudy {
    public static let levels: [Double] = [10, 15, 20, 30, 40, 50, 80, 90, 95, 99]
    public static let version = 1

    public struct Row: Codable, Equatable, Sendable {
        public var pair: DigitPair
        public var seed: Int
        public var hidden: Int
        public var reading: MagnitudePruning.Reading
        public var level: Double
        public var f1: Double
        public var auc: Double
        public var baseF1: Double
        public var baseAUC: Double
        /// Fraction of W1 and W2 actually zero after pruning.
        public var sparsity: Double

        /// Percent change relative to the unpruned model (0 when the base is 0).
        public var f1Change: Double { baseF1 == 0 ? 0 : 100 * (f1 - baseF1) / baseF1 }
        public var aucChange: Double { baseAUC == 0 ? 0 : 100 * (auc - baseAUC) / baseAUC }
    }

    /// Sizes studied: the base plan's sizes from 4 up (the paper prunes h = 4 … 64).
    public static func sizes(_ context: StudyContext) -> [Int] { context.base.hiddenSizes.filter { $0 >= 4 } }

    public static func run(_ context: StudyContext, pairs: [DigitPair] = Paper1Plan.paperPairs) throws -> [Row] {
        try pairs.flatMap { pair in try context.base.seeds.flatMap { seed in try unit(context, pair: pair, seed: seed) } }
    }

    /// One (pair, seed): every size, level and reading, in one batched evaluation.
    static func unit(_ context: StudyContext, pair: DigitPair, seed: Int) throws -> [Row] {
        let sizes = sizes(context)
        let keys = sizes.map { context.spec(pair, hidden: $0, seed: seed).key }
        struct Inputs: Encodable { let study = "pruning"; let version: Int; let models: [String]; let levels: [Double] }
        return try context.cache.value("pruning-\(pair.slug)-seed\(seed)", inputs: Inputs(version: version, models: keys, levels: levels)) {
            let heldOut = try context.heldOut(pair, seed: seed)
            var rows: [Row] = []
            for hidden in sizes {
                let model = try context.trainedModel(pair, hidden: hidden, seed: seed)
                var variants = [model]
                var labels: [(MagnitudePruning.Reading, Double)] = []
                for reading in MagnitudePruning.Reading.allCases {
                    for level in levels {
                        variants.append(MagnitudePruning.prune(model, fraction: reading.fraction(level: level)))
                        labels.append((reading, level))
                    }
                }
                let metrics = Training.evaluate(variants, on: heldOut, precision: .float64)
                for (k, (reading, level)) in labels.enumerated() {
                    rows.append(Row(pair: pair, seed: seed, hidden: hidden, reading: reading, level: level,
                                    f1: metrics[k + 1].f1, auc: metrics[k + 1].auc, baseF1: metrics[0].f1, baseAUC: metrics[0].auc,
                                    sparsity: MagnitudePruning.sparsity(variants[k + 1])))
                }
            }
            return rows
        }
    }
}
