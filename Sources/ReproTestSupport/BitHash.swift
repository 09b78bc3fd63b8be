/// FNV-1a-64 over the IEEE bit patterns of Doubles (so -0 ≠ 0 and every NaN payload counts).
public struct BitHash {
    public init() {}

    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public mutating func add(_ values: [Double]) {
        for v in values {
            var bits = v.bitPattern
            for _ in 0..<8 {
                value ^= bits & 0xff
                value = value &* 0x0000_0100_0000_01b3
                bits >>= 8
            }
        }
    }
}
