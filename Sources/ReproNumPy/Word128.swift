/// An unsigned 128-bit integer as two 64-bit halves, with the wrapping (mod 2¹²⁸) arithmetic
/// PCG64 needs (§3.4): addition and multiplication.
///
/// Swift 6 has a built-in `UInt128`, but on Apple platforms it needs macOS 15 / iOS 18; this
/// small type keeps the module usable on older deployment targets at no cost in speed.
public struct Word128: Hashable, Sendable, CustomStringConvertible {
    /// Bits 64…127.
    public var high: UInt64
    /// Bits 0…63.
    public var low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// Lower-case hexadecimal, 32 digits, most significant first (as numpy's `hex()` without
    /// the prefix and zero-padded).
    public var description: String {
        func hex(_ value: UInt64) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return hex(high) + hex(low)
    }

    /// `(a + b) mod 2¹²⁸`.
    @inline(__always)
    static func &+ (a: Word128, b: Word128) -> Word128 {
        let (low, carry) = a.low.addingReportingOverflow(b.low)
        return Word128(high: a.high &+ b.high &+ (carry ? 1 : 0), low: low)
    }

    /// `(a × b) mod 2¹²⁸`: the full product of the low halves plus the two cross products
    /// shifted up by 64 bits; `a.high × b.high` lies entirely above bit 127.
    @inline(__always)
    static func &* (a: Word128, b: Word128) -> Word128 {
        let (productHigh, productLow) = a.low.multipliedFullWidth(by: b.low)
        let cross = a.high &* b.low &+ a.low &* b.high
        return Word128(high: productHigh &+ cross, low: productLow)
    }
}
