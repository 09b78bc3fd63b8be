import Foundation
import ReproNN
import ReproSupport

/// The binary weight format: `RPW1`, then inputs and hidden as little-endian UInt32, then w1, b1,
/// w2, b2 as little-endian Float64.
public enum WeightFile {
    static let magic = Data("RPW1".utf8)

    public static func encode(_ p: MLPParameters) -> Data {
        var out = magic
        for v in [UInt32(p.inputs), UInt32(p.hidden)] { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        for v in p.w1 + p.b1 + p.w2 + [p.b2] { withUnsafeBytes(of: v.bitPattern.littleEndian) { out.append(contentsOf: $0) } }
        return out
    }

    public static func decode(_ data: Data, name: String) throws -> MLPParameters {
        guard data.count >= 12, data.prefix(4) == magic else { throw ReproError("\(name): not a repro weight file") }
        let bytes = [UInt8](data)
        func u32(_ at: Int) -> Int { (0..<4).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) } }
        let inputs = u32(4), hidden = u32(8)
        let count = inputs * hidden + 2 * hidden + 1
        guard bytes.count == 12 + 8 * count else { throw ReproError("\(name): weight file is truncated; delete it to retrain") }
        let values: [Double] = (0..<count).map { k in
            let at = 12 + 8 * k
            return Double(bitPattern: (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[at + $1]) << (8 * UInt64($1)) })
        }
        let w1End = inputs * hidden
        return MLPParameters(inputs: inputs, hidden: hidden, w1: Array(values[0..<w1End]),
                             b1: Array(values[w1End..<(w1End + hidden)]),
                             w2: Array(values[(w1End + hidden)..<(w1End + 2 * hidden)]), b2: values[count - 1])
    }
}
