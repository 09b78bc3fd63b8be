import Foundation
import XCTest

/// A parsed JSON value that keeps integers exact up to `UInt64.max` (the fixtures hold 64-bit
/// outputs that `Double` or `Int` would mangle).
enum JSON: Decodable {
    case string(String)
    case unsigned(UInt64)
    case signed(Int64)
    case double(Double)
    case bool(Bool)
    case array([JSON])
    case object([String: JSON])
    case null

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null; return }
        if let value = try? container.decode(String.self) { self = .string(value); return }
        if let value = try? container.decode(UInt64.self) { self = .unsigned(value); return }
        if let value = try? container.decode(Int64.self) { self = .signed(value); return }
        if let value = try? container.decode(Double.self) { self = .double(value); return }
        if let value = try? container.decode(Bool.self) { self = .bool(value); return }
        if let value = try? container.decode([JSON].self) { self = .array(value); return }
        self = .object(try container.decode([String: JSON].self))
    }

    subscript(key: String) -> JSON {
        if case .object(let members) = self, let value = members[key] { return value }
        XCTFail("fixture has no key \(key)")
        return .null
    }

    subscript(index: Int) -> JSON {
        if case .array(let items) = self, items.indices.contains(index) { return items[index] }
        XCTFail("fixture has no element \(index)")
        return .null
    }

    var array: [JSON] {
        if case .array(let items) = self { return items }
        XCTFail("fixture value is not an array")
        return []
    }

    var keys: [String] {
        if case .object(let members) = self { return members.keys.sorted() }
        return []
    }

    var uint64: UInt64 {
        switch self {
        case .unsigned(let value): return value
        case .signed(let value) where value >= 0: return UInt64(value)
        default: XCTFail("fixture value \(self) is not an unsigned integer"); return 0
        }
    }

    var int: Int {
        switch self {
        case .unsigned(let value): return Int(value)
        case .signed(let value): return Int(value)
        default: XCTFail("fixture value \(self) is not an integer"); return 0
        }
    }

    var string: String {
        if case .string(let value) = self { return value }
        XCTFail("fixture value \(self) is not a string")
        return ""
    }

    var ints: [Int] { array.map(\.int) }
    var uint64s: [UInt64] { array.map(\.uint64) }

    /// A double given as `{"repr", "bits"}`: the exact value from its IEEE bit pattern.
    var bitsDouble: Double { Double(bitPattern: hexBits(self["bits"].string)) }

    /// A double given as a Python `repr` string (shortest round-trip, so exact).
    var reprDouble: Double {
        guard let value = Double(string) else {
            XCTFail("fixture value \(self) is not a double repr")
            return .nan
        }
        return value
    }
}

/// A 16-hex-digit IEEE-754 bit pattern.
func hexBits(_ hex: String) -> UInt64 {
    guard let value = UInt64(hex, radix: 16) else {
        XCTFail("bad hex bit pattern \(hex)")
        return 0
    }
    return value
}

/// The fixture file of the specification, loaded once.
enum Fixtures {
    static let root: JSON = {
        guard let url = Bundle.module.url(forResource: "numpy-replay-fixtures",
                                          withExtension: "json", subdirectory: "Fixtures"),
              let data = try? Data(contentsOf: url),
              let json = try? JSONDecoder().decode(JSON.self, from: data) else {
            XCTFail("cannot load Fixtures/numpy-replay-fixtures.json")
            return .null
        }
        return json
    }()
}

/// Asserts bit equality of doubles, printing both bit patterns on failure.
func assertBitEqual(_ actual: Double, _ expected: Double, _ message: @autoclosure () -> String = "",
                    file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(actual.bitPattern, expected.bitPattern,
                   "\(message()) got \(actual) (\(String(actual.bitPattern, radix: 16))), "
                   + "expected \(expected) (\(String(expected.bitPattern, radix: 16)))",
                   file: file, line: line)
}
