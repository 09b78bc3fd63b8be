import Foundation
import ReproSupport

/// A NumPy `.npy` file (format versions 1–3) holding what CIFAR-10-C and CIFAR-100-C need: a
/// C-ordered array of uint8 (`|u1`, the images) or little-endian int64 (`<i8`, labels in some
/// releases). Anything else (another type, Fortran order, object arrays) is refused in one line.
public struct NPYFile: Equatable {
    public enum Element: String, Sendable { case uint8 = "|u1", int64 = "<i8" }

    public var shape: [Int]
    public var element: Element
    public var payload: Data

    public var count: Int { shape.reduce(1, *) }

    public init(shape: [Int], element: Element, payload: Data) {
        self.shape = shape
        self.element = element
        self.payload = payload
    }

    public init(_ data: Data, name: String) throws {
        func fail(_ why: String) -> ReproError { ReproError("\(name): \(why)") }
        let bytes = [UInt8](data.prefix(12))
        guard bytes.count >= 10, bytes[0] == 0x93, Data(bytes[1..<6]) == Data("NUMPY".utf8) else {
            throw fail("not a .npy file; give the .npy files of the CIFAR-C release")
        }
        let major = bytes[6]
        let lengthBytes = major == 1 ? 2 : 4
        guard (1...3).contains(major) else {
            throw fail(".npy format version \(major) is not supported (1–3 are); save it with "
                       + "numpy.save")
        }
        guard bytes.count >= 8 + lengthBytes else { throw fail("the header is cut short (truncated)") }
        let length = (0..<lengthBytes).reduce(0) { $0 | Int(bytes[8 + $1]) << (8 * $1) }
        let start = data.startIndex + 8 + lengthBytes + length
        guard start <= data.endIndex else { throw fail("the header is cut short (truncated)") }
        let header = String(decoding: data[(data.startIndex + 8 + lengthBytes)..<start], as: UTF8.self)
        guard let descr = Self.field("descr", header)?.trimmingCharacters(in: CharacterSet(charactersIn: "'\"")),
              let element = Element(rawValue: descr == "u1" ? "|u1" : descr) else {
            throw fail("holds \(Self.field("descr", header) ?? "an unknown type"); only uint8 (|u1) "
                       + "and little-endian int64 (<i8) arrays are read")
        }
        guard Self.field("fortran_order", header) == "False" else {
            throw fail("is in Fortran order; only C-ordered arrays are read")
        }
        guard let shapeText = Self.field("shape", header) else { throw fail("has no shape") }
        let sizes = shapeText.trimmingCharacters(in: CharacterSet(charactersIn: "()"))
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let shape = sizes.compactMap { Int($0) }.filter { $0 >= 0 }
        var expected = element == .uint8 ? 1 : 8
        var overflow = false
        for n in shape {
            let (product, o) = expected.multipliedReportingOverflow(by: n)
            expected = product; overflow = overflow || o
        }
        guard shape.count == sizes.count, !overflow else {
            throw fail("has the shape (\(shapeText)), not a list of sizes a file can hold")
        }
        guard data.endIndex - start == expected else {
            throw fail("holds \(data.endIndex - start) bytes of data, its shape \(shape) needs "
                       + "\(expected)" + (data.endIndex - start < expected ? " (truncated)" : ""))
        }
        self.init(shape: shape, element: element, payload: Data(data[start...]))
    }

    /// The values as integers (either element type).
    public var integers: [Int] {
        switch element {
        case .uint8: return payload.map(Int.init)
        case .int64:
            return payload.withUnsafeBytes { raw in
                (0..<count).map { Int(Int64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * $0, as: Int64.self))) }
            }
        }
    }

    /// The text after `'name':` in the header dict, up to the next top-level comma.
    static func field(_ name: String, _ header: String) -> String? {
        guard let key = header.range(of: "'\(name)':") else { return nil }
        var depth = 0
        var value = ""
        for c in header[key.upperBound...] {
            if c == "(" { depth += 1 }
            if c == ")" { depth -= 1 }
            if (c == "," && depth == 0) || c == "}" { break }
            value.append(c)
        }
        return value.trimmingCharacters(in: .whitespaces)
    }
}
