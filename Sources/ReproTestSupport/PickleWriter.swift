import Foundation

/// Writes protocol-2 pickles of NumPy arrays the way NumPy does (`_reconstruct` + BUILD), so the
/// pickle reader can be tested on bytes a test builds itself.
public struct PickleWriter {
    public private(set) var bytes = Data([0x80, 0x02])
    public init() {}

    mutating func op(_ c: Character) { bytes.append(c.asciiValue!) }
    mutating func int1(_ v: Int) { op("K"); bytes.append(UInt8(v)) }
    mutating func int(_ v: Int) {
        if (0..<256).contains(v) { return int1(v) }
        op("J"); withUnsafeBytes(of: Int32(v).littleEndian) { bytes.append(contentsOf: $0) }
    }
    mutating func shortString(_ s: String) {
        op("U"); bytes.append(UInt8(s.utf8.count)); bytes.append(contentsOf: Array(s.utf8))
    }
    mutating func global(_ module: String, _ name: String) {
        op("c"); bytes.append(contentsOf: Array("\(module)\n\(name)\n".utf8))
    }

    /// Appends one array: `dtype` is `f4` or `i8`, `payload` its little-endian bytes.
    public mutating func array(shape: [Int], dtype: String, payload: Data) {
        global("numpy.core.multiarray", "_reconstruct")
        global("numpy", "ndarray")
        int1(0); bytes.append(0x85)                      // (0,)
        shortString("b"); bytes.append(0x87)             // TUPLE3
        op("R")
        op("("); int1(1)
        op("("); for d in shape { int(d) }; op("t")
        global("numpy", "dtype"); shortString(dtype); int1(0); int1(1); bytes.append(0x87); op("R")
        op("(")
        int1(3)
        shortString("<")
        op("N")
        op("N")
        op("N")
        int(-1)
        int(-1)
        int1(0)
        op("t")
        op("b")
        bytes.append(0x89)                                // NEWFALSE
        op("T")
        withUnsafeBytes(of: UInt32(payload.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(payload)
        op("t"); op("b")
    }

    /// A dict of `entries` (Python 2 string keys), each value written by its closure, the way
    /// `cPickle` writes CIFAR's batches: EMPTY_DICT, MARK, key value …, SETITEMS.
    public mutating func dict(_ entries: [(String, (inout PickleWriter) -> Void)]) {
        op("}"); op("(")
        for (key, value) in entries { shortString(key); value(&self) }
        op("u")
    }

    /// A list of small integers, appended in runs of 1,000 as pickle does.
    public mutating func intList(_ values: [Int]) {
        op("]")
        for start in stride(from: 0, to: values.count, by: 1000) {
            op("("); for v in values[start..<min(start + 1000, values.count)] { int(v) }; op("e")
        }
    }

    public mutating func tuple(_ n: Int) { bytes.append([0x85, 0x86, 0x87][n - 1]) }
    public mutating func stop() { op(".") }
    /// A call of an arbitrary global, which a safe reader must refuse.
    public mutating func call(_ module: String, _ name: String) {
        global(module, name); op(")"); op("R")
    }

    public static func float32(_ values: [Float]) -> Data {
        var d = Data()
        for v in values {
            withUnsafeBytes(of: v.bitPattern.littleEndian) { d.append(contentsOf: $0) }
        }
        return d
    }
    public static func int64(_ values: [Int64]) -> Data {
        var d = Data()
        for v in values { withUnsafeBytes(of: v.littleEndian) { d.append(contentsOf: $0) } }
        return d
    }
}
