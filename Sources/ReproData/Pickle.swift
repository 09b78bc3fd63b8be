import Foundation
import ReproSupport

/// A NumPy array recovered from a pickle: shape, dtype code (`f4`, `i8`, …), byte order and raw
/// bytes.
public struct PickledArray: Equatable {
    public var shape: [Int]
    public var dtype: String
    public var littleEndian: Bool
    public var payload: Data

    public var count: Int { shape.reduce(1, *) }
}

/// A value on the stack of the pickle machine. Only what NumPy arrays in protocol-2 pickles need.
public indirect enum PickleValue: Equatable {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case bytes(Data)
    case text(String)
    case tuple([PickleValue])
    case list([PickleValue])
    case global(module: String, name: String)
    case arrayShell
    case dtype(String)
    case array(PickledArray)

    /// The NumPy arrays in this value, in the order a depth-first walk meets them.
    public var arrays: [PickledArray] {
        switch self {
        case .array(let a): [a]
        case .tuple(let items), .list(let items): items.flatMap(\.arrays)
        default: []
        }
    }
}

/// A small, safe reader for the subset of Python's pickle protocol 2 that NumPy arrays use
/// (`numpy.core.multiarray._reconstruct` + `BUILD` with the array state). It never runs code:
/// any other callable is refused.
public struct PickleReader {
    private let data: Data
    private var position: Int
    private var stack: [PickleValue?] = []   // nil marks a MARK
    private var memo: [Int: PickleValue] = [:]

    public init(data: Data) {
        self.data = data
        self.position = data.startIndex
    }

    /// Reads the whole stream and returns the value left by STOP.
    public static func load(_ data: Data) throws -> PickleValue {
        var reader = PickleReader(data: data)
        return try reader.run()
    }

    private mutating func run() throws -> PickleValue {
        while true {
            let opcode = try byte()
            switch opcode {
            case 0x80: _ = try byte()                                  // PROTO
            case UInt8(ascii: "c"):                                     // GLOBAL
                let module = try line(), name = try line()
                push(.global(module: module, name: name))
            case UInt8(ascii: "q"): memo[Int(try byte())] = try top()  // BINPUT
            case UInt8(ascii: "r"): memo[Int(try uint32())] = try top() // LONG_BINPUT
            case UInt8(ascii: "h"): push(try recall(Int(try byte())))   // BINGET
            case UInt8(ascii: "j"): push(try recall(Int(try uint32()))) // LONG_BINGET
            case UInt8(ascii: "K"): push(.int(Int(try byte())))         // BININT1
            case UInt8(ascii: "M"): push(.int(Int(try uint16())))       // BININT2
            case UInt8(ascii: "J"): push(.int(Int(Int32(bitPattern: try uint32())))) // BININT
            case 0x8a:                                                   // LONG1
                let n = Int(try byte())
                let raw = try take(n)
                var value = 0
                for (i, b) in raw.enumerated() { value |= Int(b) << (8 * i) }
                if n > 0 && n < 8 && raw.last! & 0x80 != 0 { value -= 1 << (8 * n) }
                push(.int(value))
            case UInt8(ascii: "G"):                                      // BINFLOAT
                push(.float(Double(bitPattern: try uint64BigEndian())))
            case UInt8(ascii: "N"): push(.none)
            case 0x88: push(.bool(true))
            case 0x89: push(.bool(false))
            case UInt8(ascii: "("): stack.append(nil)                   // MARK
            case UInt8(ascii: ")"): push(.tuple([]))
            case UInt8(ascii: "t"): push(.tuple(try popToMark()))
            case 0x85: push(.tuple(try pop(1)))
            case 0x86: push(.tuple(try pop(2)))
            case 0x87: push(.tuple(try pop(3)))
            case UInt8(ascii: "]"): push(.list([]))
            case UInt8(ascii: "a"):                                      // APPEND
                let item = try pop(1)
                guard case .list(let items) = try popOne() else {
                    throw malformed("APPEND to a non-list")
                }
                push(.list(items + item))
            case UInt8(ascii: "e"):                                      // APPENDS
                let items = try popToMark()
                guard case .list(let existing) = try popOne() else {
                    throw malformed("APPENDS to a non-list")
                }
                push(.list(existing + items))
            case UInt8(ascii: "U"): push(.bytes(try take(Int(try byte()))))      // SHORT_BINSTRING
            case UInt8(ascii: "T"): push(.bytes(try take(Int(try uint32()))))    // BINSTRING
            case UInt8(ascii: "C"): push(.bytes(try take(Int(try byte()))))      // SHORT_BINBYTES
            case UInt8(ascii: "B"): push(.bytes(try take(Int(try uint32()))))    // BINBYTES
            case UInt8(ascii: "X"):                                              // BINUNICODE
                let raw = try take(Int(try uint32()))
                guard let text = String(data: raw, encoding: .utf8) else {
                    throw malformed("bad UTF-8 in BINUNICODE")
                }
                push(.text(text))
            case UInt8(ascii: "R"): push(try reduce())
            case UInt8(ascii: "b"): push(try build())
            case UInt8(ascii: "."): return try popOne()                 // STOP
            default:
                throw malformed("unsupported opcode 0x\(String(opcode, radix: 16)) at byte "
                                + "\(position - data.startIndex - 1)")
            }
        }
    }

    private mutating func reduce() throws -> PickleValue {
        let args = try popOne()
        let callable = try popOne()
        guard case .global(let module, let name) = callable, case .tuple(let items) = args else {
            throw malformed("REDUCE without a global and an argument tuple")
        }
        switch (module, name) {
        case ("numpy.core.multiarray", "_reconstruct"), ("numpy._core.multiarray", "_reconstruct"):
            return .arrayShell
        case ("numpy", "dtype"):
            guard case .bytes(let code)? = items.first,
                  let name = String(data: code, encoding: .ascii) else {
                if case .text(let name)? = items.first { return .dtype(name) }
                throw malformed("numpy.dtype without a type code")
            }
            return .dtype(name)
        case ("_codecs", "encode"):
            guard case .text(let text)? = items.first else {
                throw malformed("_codecs.encode without text")
            }
            return .bytes(Data(text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }))
        default:
            throw malformed("refusing to call \(module).\(name)")
        }
    }

    private mutating func build() throws -> PickleValue {
        let state = try popOne()
        let object = try popOne()
        switch object {
        case .dtype(let code):
            var little = true
            if case .tuple(let items) = state, items.count > 1, case .bytes(let order) = items[1] {
                little = order != Data(">".utf8)
            }
            return .dtype(little ? code : ">" + code)
        case .arrayShell:
            guard case .tuple(let items) = state, items.count == 5,
                  case .tuple(let shapeItems) = items[1], case .dtype(var code) = items[2],
                  case .bytes(let payload) = items[4] else {
                throw malformed("NumPy array state is not (version, shape, dtype, fortran, data)")
            }
            let shape = try shapeItems.map { item -> Int in
                guard case .int(let n) = item else { throw malformed("non-integer array shape") }
                return n
            }
            let little = !code.hasPrefix(">")
            if !little { code.removeFirst() }
            let array = PickledArray(shape: shape, dtype: code, littleEndian: little,
                                     payload: payload)
            guard array.count * (Int(code.dropFirst()) ?? 1) == payload.count else {
                throw malformed("array \(shape) of \(code) has \(payload.count) payload bytes")
            }
            return .array(array)
        default:
            throw malformed("BUILD on an unsupported object")
        }
    }

    // MARK: stack and input

    private mutating func push(_ value: PickleValue) { stack.append(value) }

    private mutating func popOne() throws -> PickleValue {
        guard let last = stack.popLast(), let value = last else {
            throw malformed("stack underflow")
        }
        return value
    }

    private mutating func pop(_ n: Int) throws -> [PickleValue] {
        var items: [PickleValue] = []
        for _ in 0..<n { items.insert(try popOne(), at: 0) }
        return items
    }

    private mutating func popToMark() throws -> [PickleValue] {
        var items: [PickleValue] = []
        while let last = stack.popLast() {
            guard let value = last else { return items }
            items.insert(value, at: 0)
        }
        throw malformed("no MARK on the stack")
    }

    private func top() throws -> PickleValue {
        guard let last = stack.last, let value = last else {
            throw malformed("memo of an empty stack")
        }
        return value
    }

    private func recall(_ index: Int) throws -> PickleValue {
        guard let value = memo[index] else { throw malformed("memo \(index) is empty") }
        return value
    }

    private mutating func take(_ n: Int) throws -> Data {
        guard n >= 0, position + n <= data.endIndex else {
            throw malformed("stream ends inside a value (truncated?)")
        }
        defer { position += n }
        return data[position..<position + n]
    }

    private mutating func byte() throws -> UInt8 {
        guard position < data.endIndex else {
            throw malformed("stream ends before STOP (truncated?)")
        }
        defer { position += 1 }
        return data[position]
    }

    private mutating func uint16() throws -> UInt16 {
        let b = try take(2)
        return UInt16(b[b.startIndex]) | UInt16(b[b.startIndex + 1]) << 8
    }

    private mutating func uint32() throws -> UInt32 {
        let b = try take(4)
        return (0..<4).reduce(0) { $0 | UInt32(b[b.startIndex + $1]) << (8 * UInt32($1)) }
    }

    private mutating func uint64BigEndian() throws -> UInt64 {
        let b = try take(8)
        return (0..<8).reduce(0) { $0 << 8 | UInt64(b[b.startIndex + $1]) }
    }

    private mutating func line() throws -> String {
        guard let end = data[position...].firstIndex(of: 0x0a) else {
            throw malformed("unterminated GLOBAL (truncated?)")
        }
        defer { position = end + 1 }
        return String(decoding: data[position..<end], as: UTF8.self)
    }

    private func malformed(_ what: String) -> ReproError {
        ReproError("pickle: \(what)")
    }
}
