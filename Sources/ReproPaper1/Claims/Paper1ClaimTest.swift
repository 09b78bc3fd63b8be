import ReproSupport
import ReproData

/// The rule that tests one of paper 1's claims, decoded from `claims.json` by its `kind`; each
/// kind carries exactly the parameters it needs, so a missing one is a decoding error that names
/// the field, not a silent "bad parameters" verdict.
enum Paper1ClaimTest: Decodable {
    case capacityNearPerfect(pair: DigitPair, hidden: Int, threshold: Double)
    case minimumCapacity(pair: DigitPair, threshold: Double, low: Int, high: Int)
    case bestLearningRate(Double)
    case pruningTolerance(level: Double, tolerance: Double)
    case deadNeuronsZero(source: String?)
    case tsnePreserved(tolerance: Double)
    case gaussianOrder(larger: Int, smaller: Int)
    case occlusionOrder(sizes: [Int])
    case saliencyPreserved(threshold: Double)
    /// The smallest h with held-out F1 > threshold never decreases along `pairs`.
    case capacityOrder(pairs: [DigitPair], threshold: Double)
    /// For every pair, the spread of held-out F1 over seeds peaks within `steps` grid steps of
    /// the pair's critical size (its smallest h with F1 > threshold).
    case instabilityAtCriticalCapacity(threshold: Double, steps: Int)
    /// On `pair`, h = `smaller` has a higher mean best F1 than h = `larger`.
    case capacityInversion(pair: DigitPair, smaller: Int, larger: Int)
    /// On `pairs`, in at least `minimumCases` (pair, h) cases the mean F1 rises at some level in
    /// `levels`, under both readings of the level.
    case pruningRegularizes(pairs: [DigitPair], levels: [Double], minimumCases: Int)
    /// Every mean F1 drop larger than `tolerance` % happens above `level` % and at most `steps`
    /// grid steps above the pair's critical size (critical: smallest h with F1 > threshold).
    case degradationOnlyExtreme(level: Double, tolerance: Double, threshold: Double, steps: Int)
    /// Saliency mass on stroke pixels over their share of pixels, at least `ratio`, for every
    /// model (original and pruned) over all correctly classified held-out images.
    case saliencyOnStrokes(ratio: Double)
    /// Best held-out F1 over the grid's rates: the gain from `knee` to `top` is smaller than the
    /// gain from `from` to `knee`.
    case diminishingGains(from: Int, knee: Int, top: Int)

    private enum Key: String, CodingKey {
        case kind, pair, pairs, hidden, threshold, low, high, learningRate, level, levels, tolerance, source
        case larger, smaller, sizes, steps, minimumCases, ratio, from, knee, top
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        func pair() throws -> DigitPair { try DigitPair(parsing: c.decode(String.self, forKey: .pair)) }
        func pairs() throws -> [DigitPair] { try c.decode([String].self, forKey: .pairs).map { try DigitPair(parsing: $0) } }
        func int(_ k: Key) throws -> Int { try c.decode(Int.self, forKey: k) }
        func double(_ k: Key) throws -> Double { try c.decode(Double.self, forKey: k) }
        let kind = try c.decode(String.self, forKey: .kind)
        switch kind {
        case "capacityNearPerfect":
            self = .capacityNearPerfect(pair: try pair(), hidden: try int(.hidden), threshold: try double(.threshold))
        case "minimumCapacity":
            self = .minimumCapacity(pair: try pair(), threshold: try double(.threshold),
                                    low: try int(.low), high: try int(.high))
        case "bestLearningRate": self = .bestLearningRate(try double(.learningRate))
        case "pruningTolerance":
            self = .pruningTolerance(level: try double(.level), tolerance: try double(.tolerance))
        case "deadNeuronsZero": self = .deadNeuronsZero(source: try c.decodeIfPresent(String.self, forKey: .source))
        case "tsnePreserved": self = .tsnePreserved(tolerance: try c.decodeIfPresent(Double.self, forKey: .tolerance) ?? 0.02)
        case "gaussianOrder": self = .gaussianOrder(larger: try int(.larger), smaller: try int(.smaller))
        case "occlusionOrder": self = .occlusionOrder(sizes: try c.decode([Int].self, forKey: .sizes))
        case "saliencyPreserved": self = .saliencyPreserved(threshold: try double(.threshold))
        case "capacityOrder": self = .capacityOrder(pairs: try pairs(), threshold: try double(.threshold))
        case "instabilityAtCriticalCapacity":
            self = .instabilityAtCriticalCapacity(threshold: try double(.threshold), steps: try int(.steps))
        case "capacityInversion":
            self = .capacityInversion(pair: try pair(), smaller: try int(.smaller), larger: try int(.larger))
        case "pruningRegularizes":
            self = .pruningRegularizes(pairs: try pairs(), levels: try c.decode([Double].self, forKey: .levels),
                                       minimumCases: try int(.minimumCases))
        case "degradationOnlyExtreme":
            self = .degradationOnlyExtreme(level: try double(.level), tolerance: try double(.tolerance),
                                           threshold: try double(.threshold), steps: try int(.steps))
        case "saliencyOnStrokes": self = .saliencyOnStrokes(ratio: try double(.ratio))
        case "diminishingGains": self = .diminishingGains(from: try int(.from), knee: try int(.knee), top: try int(.top))
        default:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: c,
                                                   debugDescription: "unknown claim test kind '\(kind)'")
        }
    }
}
