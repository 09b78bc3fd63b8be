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

    private enum Key: String, CodingKey {
        case kind, pair, hidden, threshold, low, high, learningRate, level, tolerance, source
        case larger, smaller, sizes
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        func pair() throws -> DigitPair { try DigitPair(parsing: c.decode(String.self, forKey: .pair)) }
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
        default:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: c,
                                                   debugDescription: "unknown claim test kind '\(kind)'")
        }
    }
}
