import ReproSupport

/// Two MNIST digits to tell apart; the lower digit is class 0, the higher class 1.
public struct DigitPair: Hashable, Codable, Comparable, CustomStringConvertible, Sendable {
    public let low: Int
    public let high: Int

    public init(_ a: Int, _ b: Int) {
        precondition(a != b && (0...9).contains(a) && (0...9).contains(b),
                     "a pair needs two different digits")
        low = min(a, b)
        high = max(a, b)
    }

    /// Parses `4/9`, `4-9`, `4,9` or `49`.
    public init(parsing text: String) throws {
        let digits = text.compactMap { $0.wholeNumberValue }
        let separators = text.filter { !$0.isNumber }
        guard digits.count == 2, separators.allSatisfy({ "/-,_ ".contains($0) }),
              digits[0] != digits[1] else {
            throw ReproError("'\(text)' is not a digit pair; write it like 4/9")
        }
        self.init(digits[0], digits[1])
    }

    public var description: String { "\(low)/\(high)" }
    /// A form safe for file names and keys: `4-9`.
    public var slug: String { "\(low)-\(high)" }

    public static func < (a: DigitPair, b: DigitPair) -> Bool { (a.low, a.high) < (b.low, b.high) }
}
