import Foundation
import ReproNN
import ReproSupport

/// The binary weight format, version 2: `RPW2`, the layer count, then per layer: fan-in, fan-out,
/// storage (0 dense, 1 sparse) and the number of stored values as little-endian UInt32; for a
/// sparse layer the kept positions as UInt32; the values, then the bias, as little-endian Float64.
/// Any number of layers and outputs; a masked layer costs its kept weights only.
public enum WeightFile {
    static let magic = Data("RPW2".utf8)

    public static func encode(_ layers: [LayerWeights]) -> Data {
        var out = magic
        func u32(_ v: Int) {
            withUnsafeBytes(of: UInt32(v).littleEndian) { out.append(contentsOf: $0) }
        }
        func f64(_ v: [Double]) {
            for x in v {
                withUnsafeBytes(of: x.bitPattern.littleEndian) { out.append(contentsOf: $0) }
            }
        }
        u32(layers.count)
        for layer in layers {
            u32(layer.fanIn); u32(layer.fanOut)
            switch layer.storage {
            case .dense(let w):
                u32(0); u32(w.count); f64(w)
            case .sparse(let indices, let values):
                u32(1); u32(values.count)
                indices.forEach(u32)
                f64(values)
            }
            f64(layer.bias)
        }
        return out
    }

    public static func decode(_ data: Data, name: String) throws -> [LayerWeights] {
        guard data.count >= 8, data.prefix(4) == magic else {
            throw ReproError("\(name): not a repro weight file (version 2)")
        }
        var reader = ByteReader(bytes: [UInt8](data), name: name)
        let count = try reader.u32()
        var layers: [LayerWeights] = []
        for _ in 0..<count {
            let fanIn = try reader.u32(), fanOut = try reader.u32()
            let kind = try reader.u32(), n = try reader.u32()
            let storage: LayerWeights.Storage
            if kind == 0 {
                storage = .dense(try reader.f64(n))
            } else {
                let indices = try (0..<n).map { _ in try reader.u32() }
                storage = .sparse(indices: indices, values: try reader.f64(n))
            }
            let layer = LayerWeights(fanIn: fanIn, fanOut: fanOut, storage: storage,
                                     bias: try reader.f64(fanOut))
            guard layer.isConsistent else { throw reader.damaged() }
            layers.append(layer)
        }
        guard reader.atEnd else { throw reader.damaged() }
        return layers
    }

    /// Each layer's (fan-in, fan-out), read from the headers alone: the cheap check that a
    /// stored file is whole (every declared value present, nothing after) and has the expected
    /// shape, without decoding its values.
    public static func shapes(_ data: Data, name: String) throws -> [(fanIn: Int, fanOut: Int)] {
        guard data.count >= 8, data.prefix(4) == magic else {
            throw ReproError("\(name): not a repro weight file (version 2)")
        }
        var reader = ByteReader(bytes: [UInt8](data.prefix(8)), name: name)
        var shapes: [(fanIn: Int, fanOut: Int)] = []
        var at = 8
        func u32(_ k: Int) throws -> Int {
            guard at + 4 * (k + 1) <= data.count else { throw reader.damaged() }
            let p = data.startIndex + at + 4 * k
            return (0..<4).reduce(0) { $0 | Int(data[p + $1]) << (8 * $1) }
        }
        let count = try reader.u32()
        for _ in 0..<count {
            let fanIn = try u32(0), fanOut = try u32(1), kind = try u32(2), n = try u32(3)
            guard kind <= 1, n <= fanIn * fanOut else { throw reader.damaged() }
            at += 16 + (kind == 1 ? 12 : 8) * n + 8 * fanOut
            shapes.append((fanIn, fanOut))
        }
        guard at == data.count else { throw reader.damaged() }
        return shapes
    }
}

/// Little-endian reads that fail with one message instead of trapping on a short file.
private struct ByteReader {
    let bytes: [UInt8]
    let name: String
    var at = 4

    func damaged() -> ReproError {
        ReproError("\(name): weight file is damaged (truncated or overwritten)")
    }

    var atEnd: Bool { at == bytes.count }

    mutating func u32() throws -> Int {
        guard at + 4 <= bytes.count else { throw damaged() }
        defer { at += 4 }
        return (0..<4).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) }
    }

    mutating func f64(_ n: Int) throws -> [Double] {
        guard n >= 0, at + 8 * n <= bytes.count else { throw damaged() }
        let values: [Double] = (0..<n).map { k in
            let p = at + 8 * k
            return Double(bitPattern: (0..<8).reduce(UInt64(0)) {
                $0 | UInt64(bytes[p + $1]) << (8 * UInt64($1))
            })
        }
        at += 8 * n
        return values
    }
}
