import Foundation
import ReproSupport

/// An array in the IDX format of MNIST (and Fashion-MNIST): a big-endian magic number
/// `0x0000TTDD` (TT = element type, DD = number of dimensions), DD big-endian UInt32 sizes, then
/// the elements. Only unsigned bytes (TT = 0x08) occur in these data sets and only they are
/// accepted.
public struct IDXFile: Equatable {
    public let dimensions: [Int]
    public let bytes: [UInt8]

    public init(dimensions: [Int], bytes: [UInt8]) {
        precondition(dimensions.reduce(1, *) == bytes.count,
                     "IDX dimensions do not match the element count")
        self.dimensions = dimensions
        self.bytes = bytes
    }

    /// The most bytes an IDX array may declare unless the caller says otherwise (the largest MNIST
    /// file is 47 MB).
    public static let defaultMaxBytes = 1 << 30

    /// Parses IDX bytes, gunzipping first if they start with the gzip magic. `name` appears in
    /// errors. A gzipped file is inflated only as far as its header says it reaches (and never past
    /// `maxBytes`), so a small `.gz` cannot fill memory.
    public init(data raw: Data, name: String, maxBytes: Int = IDXFile.defaultMaxBytes) throws {
        var data = raw
        if Gzip.isGzip(raw) {
            let head = try Gzip.prefix(raw, name: name, count: IDXFile.longestHeader)
            let (_, declared) = try IDXFile.header(head, name: name, maxBytes: maxBytes)
            data = try Gzip.decompress(raw, name: name, limit: declared.total)
        }
        let (dims, header) = try IDXFile.header(data, name: name, maxBytes: maxBytes)
        let expected = header.total - header.length
        guard data.count == header.total else {
            let verb = data.count < header.total ? "truncated" : "longer than its header says"
            throw ReproError("\(name): file is \(verb) (\(data.count - header.length) of "
                             + "\(expected) data bytes)")
        }
        self.dimensions = dims
        self.bytes = [UInt8](data.suffix(from: data.startIndex + header.length))
    }

    /// 4 magic bytes and up to 255 sizes of 4 bytes.
    static let longestHeader = 4 + 4 * 255

    /// The dimensions in a header, its length and the total file length it declares (refused when
    /// that passes `maxBytes` or overflows).
    static func header(_ data: Data, name: String,
                       maxBytes: Int) throws -> ([Int], (length: Int, total: Int)) {
        guard data.count >= 4 else {
            throw ReproError("\(name): too short to be an IDX file (\(data.count) bytes)")
        }
        let b = [UInt8](data.prefix(4))
        guard b[0] == 0, b[1] == 0 else {
            throw ReproError("\(name): not an IDX file (bad magic number \(IDXFile.hex(b)))")
        }
        guard b[2] == 0x08 else {
            throw ReproError("\(name): IDX element type 0x\(String(b[2], radix: 16)) is not "
                             + "unsigned byte (0x08)")
        }
        let rank = Int(b[3])
        let length = 4 + 4 * rank
        guard rank >= 1, data.count >= length else {
            throw ReproError("\(name): IDX header is truncated")
        }
        var dims: [Int] = []
        var total = 1
        var overflow = false
        data.withUnsafeBytes { raw in
            for d in 0..<rank {
                var value: UInt32 = 0
                for k in 0..<4 { value = value << 8 | UInt32(raw[4 + 4 * d + k]) }
                dims.append(Int(value))
                let (product, over) = total.multipliedReportingOverflow(by: Int(value))
                total = product
                overflow = overflow || over || total > maxBytes
            }
        }
        if dims.contains(0) { (total, overflow) = (0, false) }
        guard !overflow, total + length <= maxBytes else {
            let shape = dims.map(String.init).joined(separator: " × ")
            throw ReproError("\(name): IDX header declares \(shape) bytes, more than the "
                             + "\(maxBytes) allowed; not a data file this tool reads")
        }
        return (dims, (length, total + length))
    }

    public init(contentsOf url: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ReproError("\(url.path): cannot read (\(error.localizedDescription))")
        }
        try self.init(data: data, name: url.lastPathComponent)
    }

    /// The magic number this array is written with.
    public var magic: UInt32 { 0x0000_0800 | UInt32(dimensions.count) }

    /// The IDX encoding of this array (uncompressed).
    public func encoded() -> Data {
        var out = Data(capacity: 4 + 4 * dimensions.count + bytes.count)
        for value in [magic] + dimensions.map(UInt32.init) {
            out.append(contentsOf: [UInt8(value >> 24), UInt8(value >> 16 & 0xff),
                                    UInt8(value >> 8 & 0xff), UInt8(value & 0xff)])
        }
        out.append(contentsOf: bytes)
        return out
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        "0x" + bytes.map { String(format: "%02x", $0) }.joined()
    }
}
