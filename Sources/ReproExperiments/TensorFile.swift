import Foundation
import ReproNN
import ReproNetwork
import ReproSupport

/// The binary weight format, version 3: named tensors of any rank. `RPW3`, the tensor count,
/// then per tensor: its name (byte count, UTF-8), rank, each dimension, storage (0 dense,
/// 1 sparse) and the number of stored values, for a sparse tensor its kept positions, then the
/// values as little-endian Float32; all counts little-endian UInt32. The file ends with the
/// SHA-256 of everything before it, checked on every read, so a flipped byte or a truncated
/// copy is refused, never used.
///
/// Version 2 files (``WeightFile``, unnamed rank-2 layers in Float64) are still read: their
/// layers become `dense<l>.weight` ([fanOut, fanIn]) and `dense<l>.bias`.
public enum TensorFile {
    static let magic = Data("RPW3".utf8)
    static let digestBytes = 32

    public static func encode(_ tensors: NamedTensors) -> Data {
        var out = magic
        func u32(_ v: Int) { withUnsafeBytes(of: UInt32(v).littleEndian) { out.append(contentsOf: $0) } }
        u32(tensors.count)
        for (name, t) in zip(tensors.names, tensors.tensors) {
            let bytes = Data(name.utf8)
            u32(bytes.count); out.append(bytes)
            u32(t.shape.count); t.shape.forEach(u32)
            let values: [Float]
            switch t.storage {
            case .dense(let v):
                u32(0); u32(v.count); values = v
            case .sparse(let indices, let v):
                u32(1); u32(v.count); indices.forEach(u32); values = v
            }
            // Float32 little-endian: the bytes in memory on every platform Swift builds this for
            // (x86-64, arm64), checked once per process.
            precondition(UInt32(1).littleEndian == 1, "the weight format assumes little-endian")
            values.withUnsafeBytes { out.append(contentsOf: $0) }
        }
        out.append(StableHash.sha256(out))
        return out
    }

    /// The tensors of a version 3 file, or of a version 2 file converted.
    public static func decode(_ data: Data, name: String) throws -> NamedTensors {
        if data.prefix(4) == WeightFile.magic {
            return try layersAsTensors(try WeightFile.decode(data, name: name))
        }
        var reader = try TensorReader(data, name: name)
        var tensors = NamedTensors()
        for _ in 0..<(try reader.u32()) {
            let entry = try reader.header()
            let storage: Tensor.Storage
            if entry.sparse {
                let indices = try (0..<entry.stored).map { _ in try reader.u32() }
                storage = .sparse(indices: indices, values: try reader.f32(entry.stored))
            } else {
                storage = .dense(try reader.f32(entry.stored))
            }
            let tensor = Tensor(shape: entry.shape, storage: storage)
            guard tensor.isConsistent else { throw reader.damaged() }
            do { try tensors.append(entry.name, tensor) } catch { throw reader.damaged() }
        }
        try reader.finish()
        return tensors
    }

    /// Each tensor's name, shape and stored count, read without keeping the values, after the
    /// file's digest is checked: the cheap check that a stored file is whole and fits its spec.
    public static func headers(_ data: Data, name: String)
        throws -> [(name: String, shape: [Int], kept: Int)]
    {
        var reader = try TensorReader(data, name: name)
        var out: [(name: String, shape: [Int], kept: Int)] = []
        for _ in 0..<(try reader.u32()) {
            let entry = try reader.header()
            try reader.skip((entry.sparse ? 8 : 4) * entry.stored)
            out.append((entry.name, entry.shape, entry.stored))
        }
        try reader.finish()
        return out
    }

    /// Version 2 layers as named tensors, [fanOut, fanIn] (the stored input-major positions
    /// transposed), values converted to Float (exact for networks trained in Float32).
    static func layersAsTensors(_ layers: [LayerWeights]) throws -> NamedTensors {
        var out = NamedTensors()
        for (l, layer) in layers.enumerated() {
            let n = layer.fanIn, m = layer.fanOut
            let storage: Tensor.Storage
            switch layer.storage {
            case .dense(let w):
                var t = [Float](repeating: 0, count: n * m)
                for i in 0..<n { for o in 0..<m { t[o * n + i] = Float(w[i * m + o]) } }
                storage = .dense(t)
            case .sparse(let indices, let values):
                let pairs: [(Int, Float)] = zip(indices, values).map { q, v -> (Int, Float) in
                    ((q % m) * n + q / m, Float(v))
                }.sorted { $0.0 < $1.0 }
                storage = .sparse(indices: pairs.map(\.0), values: pairs.map(\.1))
            }
            try out.append("dense\(l).weight", Tensor(shape: [m, n], storage: storage))
            try out.append("dense\(l).bias", Tensor(shape: [m], values: layer.bias.map(Float.init)))
        }
        return out
    }
}

/// Little-endian reads of a version 3 file whose digest has been checked; one message for
/// anything short, long or inconsistent.
private struct TensorReader {
    let bytes: [UInt8]
    let name: String
    let end: Int
    var at = 4

    init(_ data: Data, name: String) throws {
        self.name = name
        guard data.count >= 8 + TensorFile.digestBytes, data.prefix(4) == TensorFile.magic else {
            throw ReproError("\(name): not a repro weight file (version 2 or 3)")
        }
        bytes = [UInt8](data)
        end = bytes.count - TensorFile.digestBytes
        let body = Data(bytes[0..<end])
        guard StableHash.sha256(body) == Data(bytes[end...]) else {
            throw ReproError("\(name): weight file is damaged (its checksum does not match)")
        }
    }

    func damaged() -> ReproError {
        ReproError("\(name): weight file is damaged (truncated or overwritten)")
    }

    mutating func u32() throws -> Int {
        guard at + 4 <= end else { throw damaged() }
        defer { at += 4 }
        return (0..<4).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) }
    }

    mutating func skip(_ n: Int) throws {
        guard n >= 0, at + n <= end else { throw damaged() }
        at += n
    }

    mutating func f32(_ n: Int) throws -> [Float] {
        guard n >= 0, at + 4 * n <= end else { throw damaged() }
        let p = at
        at += 4 * n
        return bytes.withUnsafeBytes { raw in
            (0..<n).map { k in
                Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: p + 4 * k,
                                                                         as: UInt32.self)))
            }
        }
    }

    mutating func header() throws -> (name: String, shape: [Int], sparse: Bool, stored: Int) {
        let length = try u32()
        guard length <= 1024, at + length <= end,
              let text = String(bytes: bytes[at..<(at + length)], encoding: .utf8) else {
            throw damaged()
        }
        at += length
        let rank = try u32()
        guard rank <= 8 else { throw damaged() }
        let shape = try (0..<rank).map { _ in try u32() }
        let kind = try u32(), stored = try u32()
        guard kind <= 1, stored <= shape.reduce(1, *), kind == 1 || stored == shape.reduce(1, *)
        else { throw damaged() }
        return (text, shape, kind == 1, stored)
    }

    func finish() throws {
        guard at == end else { throw damaged() }
    }
}
