import ReproData
import ReproSupport

/// How a replayed model's initial weights were drawn from NumPy's global generator: the order
/// of the published program's loop. The scheme's raw value is what `ModelSpec.rng` stores.
///
/// Only `trainPy` is the published program (its `train.py`: per seed, `np.random.seed(seed)`
/// once, then for each hidden size 2…64 and, inside it, each pair in `helper.pairs` order,
/// `randn(784, h)` then `randn(h, 1)`). The learning-rate grid's script is not published, so
/// its schemes are hypotheses about its loop order (issue 13 §3).
public enum ReplayScheme: String, CaseIterable, Codable, Sendable {
    /// `train.py`: seed once; sizes × pairs.
    case trainPy = "numpy"
    /// LR-grid hypothesis: seed once; sizes × learning rates.
    case sizesThenRates = "numpy:sizes-rates"
    /// LR-grid hypothesis: seed once; learning rates × sizes.
    case ratesThenSizes = "numpy:rates-sizes"
    /// LR-grid hypothesis: `np.random.seed(seed)` before every model.
    case freshPerModel = "numpy:fresh"

    /// The pairs in the order of the published `helper.pairs` dict, which `train.py` loops over.
    public static let publishedPairOrder = [DigitPair(0, 1), DigitPair(1, 7), DigitPair(4, 9),
                                            DigitPair(3, 8), DigitPair(5, 6)]

    /// One model of the seeded stream: what it is and where it sits in the draw order.
    public struct Slot: Hashable, Sendable {
        public var pair: DigitPair
        public var hidden: Int
        /// The learning rate, for the LR-grid schemes (nil in `train.py`, whose rate is fixed).
        public var learningRate: Double?
    }

    /// Every model of one seed's stream, in draw order; `reseedsEachModel` says whether the
    /// stream starts afresh at each.
    public var slots: [Slot] {
        let sizes = Paper1Plan.paperHiddenSizes, rates = Paper1Plan.paperLearningRates
        let pair = Paper1Plan.hardestPair
        switch self {
        case .trainPy:
            return sizes.flatMap { h in Self.publishedPairOrder.map { Slot(pair: $0, hidden: h) } }
        case .sizesThenRates, .freshPerModel:
            return sizes.flatMap { h in
                rates.map { Slot(pair: pair, hidden: h, learningRate: $0) }
            }
        case .ratesThenSizes:
            return rates.flatMap { lr in
                sizes.map { Slot(pair: pair, hidden: $0, learningRate: lr) }
            }
        }
    }

    public var reseedsEachModel: Bool { self == .freshPerModel }

    /// The slot a spec occupies in this scheme's order.
    public func slot(pair: DigitPair, hidden: Int, learningRate: Double) -> Slot {
        Slot(pair: pair, hidden: hidden, learningRate: self == .trainPy ? nil : learningRate)
    }
}

extension ReplayScheme {
    /// The scheme `--lr-grid-order` names, for a replayed LR-grid plan only.
    init(lrGridOrder order: String, _ plan: Paper1Plan) throws {
        guard plan.replay != nil, plan.experiment == "lr-grid" else {
            throw ReproError("--lr-grid-order applies to `run lr-grid --rng numpy` only")
        }
        guard let scheme = ReplayScheme(rawValue: "numpy:" + order), scheme != .trainPy else {
            throw ReproError("--lr-grid-order: '\(order)' is not an order; "
                             + "choose sizes-rates, rates-sizes or fresh")
        }
        self = scheme
    }
}
