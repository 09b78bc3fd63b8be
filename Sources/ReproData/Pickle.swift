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
    /// A dict's entries in insertion order (CIFAR's batches are dicts of arrays and lists).
    case dict([(key: PickleValue, value: PickleValue)])

    public static func == (a: PickleValue, b: PickleValue) -> Bool {
        switch (a, b) {
        case (.none, .none), (.arrayShell, .arrayShell): true
        case (.bool(let x), .bool(let y)): x == y
        case (.int(let x), .int(let y)): x == y
        case (.float(let x), .float(let y)): x == y
        case (.bytes(let x), .bytes(let y)): x == y
        case (.text(let x), .text(let y)): x == y
        case (.tuple(let x), .tuple(let y)), (.list(let x), .list(let y)): x == y
        case (.global(let m, let n), .global(let m2, let n2)): m == m2 && n == n2
        case (.dtype(let x), .dtype(let y)): x == y
        case (.array(let x), .array(let y)): x == y
        case (.dict(let x), .dict(let y)):
            x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    /// The value under `key` (text, or Python 2's byte strings) in a dict, the last one given
    /// as in Python; nil otherwise.
    public subscript(key: String) -> PickleValue? {
        guard case .dict(let entries) = self else { return nil }
        return entries.last { entry in
            switch entry.key {
            case .text(let text): text == key
            case .bytes(let bytes): bytes == Data(key.utf8)
            default: false
            }
        }?.value
    }

    /// The NumPy arrays in this value, in the order a depth-first walk meets them.
    public var arrays: [PickledArray] {
        switch self {
        case .array(let a): [a]
        case .tuple(let items), .list(let items): items.flatMap(\.arrays)
        case .dict(let entries): entries.flatMap(\.value.arrays)
        default: []
        }
    }
}

/// A small, safe reader for the subset of Python's pickle protocol 2 that NumPy arrays use
/// (`numpy.core.multiarray._reconstruct` + `BUILD` with the array state), with the dicts and
/// lists CIFAR's Python batches wrap them in. It never runs code: any other callable is refused.
public struct PickleReader {
    /// What a pickle may build, so a hostile stream is stopped instead of running for minutes or
    /// overflowing the stack.
    public struct Limits: Sendable {
        public var operations: Int
        public var items: Int
        public var depth: Int
        public var nodes: Int

        /// NumPy-array pickles take a few hundred operations, tuples of at most 8 items and a
        /// nesting depth of 4.
        public static let arrays = Limits(operations: 1 << 16, items: 1 << 10, depth: 32, nodes: 1 << 16)
        /// A CIFAR batch: up to 50,000 labels (two lists of them in CIFAR-100) and file names,
        /// each name a string and a memo entry.
        public static let cifarBatch = Limits(operations: 1 << 20, items: 1 << 17, depth: 32,
                                              nodes: 1 << 19)
    }

    /// A value with the depth and node count of the tree it spans (shared parts counted each time
    /// they appear, as a walk over it meets them).
    private struct Item {
        var value: PickleValue
        var depth = 1
        var nodes = 1
    }

    private let data: Data
    private var position: Int
    private var stack: [Item?] = []   // nil marks a MARK
    private var memo: [Int: Item] = [:]
    private var operations = 0
    /// Values copied by APPEND(S) and SETITEM(S) (each rebuilds its container), charged so a
    /// stream of many one-item appends cannot run quadratically within the other limits.
    private var copied = 0
    private let limits: Limits

    public init(data: Data, limits: Limits = .arrays) {
        self.data = data
        self.position = data.startIndex
        self.limits = limits
    }

    /// Reads the whole stream and returns the value left by STOP.
    public static func load(_ data: Data, limits: Limits = .arrays) throws -> PickleValue {
        var reader = PickleReader(data: data, limits: limits)
        return try reader.run()
    }

    private mutating func run() throws -> PickleValue {
        while true {
            let opcode = try byte()
            operations += 1
            guard operations <= limits.operations else {
                throw malformed("more than \(limits.operations) operations; not a NumPy array pickle")
            }
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
            case UInt8(ascii: "t"): try pushContainer(try popToMark(), list: false)
            case 0x85: try pushContainer(try pop(1), list: false)
            case 0x86: try pushContainer(try pop(2), list: false)
            case 0x87: try pushContainer(try pop(3), list: false)
            case UInt8(ascii: "]"): push(.list([]))
            case UInt8(ascii: "}"): push(.dict([]))                     // EMPTY_DICT
            case UInt8(ascii: "s"): try setItems(try pop(2))            // SETITEM
            case UInt8(ascii: "u"): try setItems(try popToMark())       // SETITEMS
            case UInt8(ascii: "a"): try append(try pop(1))              // APPEND
            case UInt8(ascii: "e"): try append(try popToMark())         // APPENDS
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
            case UInt8(ascii: "."): return try popOne().value           // STOP
            default:
                throw malformed("unsupported opcode 0x\(String(opcode, radix: 16)) at byte "
                                + "\(position - data.startIndex - 1)")
            }
        }
    }

    private mutating func reduce() throws -> PickleValue {
        let args = try popOne().value
        let callable = try popOne().value
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
        let state = try popOne().value
        let object = try popOne().value
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
            let itemSize = Int(code.dropFirst()) ?? 1
            var bytes = (1...16).contains(itemSize) ? itemSize : -1
            for n in shape {
                let (product, overflow) = bytes.multipliedReportingOverflow(by: n)
                bytes = n < 0 || overflow ? -1 : product
            }
            guard bytes == payload.count else {
                throw malformed("array \(shape) of \(code) has \(payload.count) payload bytes")
            }
            return .array(PickledArray(shape: shape, dtype: code, littleEndian: little,
                                       payload: payload))
        default:
            throw malformed("BUILD on an unsupported object")
        }
    }

    // MARK: stack and input

    private mutating func push(_ value: PickleValue) { stack.append(Item(value: value)) }
    private mutating func push(_ item: Item) { stack.append(item) }

    /// A tuple or list of `items`.
    private mutating func pushContainer(_ items: [Item], list: Bool) throws {
        let values = items.map(\.value)
        var container = Item(value: list ? .list(values) : .tuple(values))
        container.depth = 1 + (items.map(\.depth).max() ?? 0)
        container.nodes = items.reduce(1) { min($0 + $1.nodes, limits.nodes + 1) }
        try checkBounds(container, count: items.count)
        push(container)
    }

    /// APPEND(S): the list below `items` grows by them.
    private mutating func append(_ items: [Item]) throws {
        let list = try popOne()
        guard case .list(let existing) = list.value else {
            throw malformed("APPEND to a non-list")
        }
        try charge(existing.count + items.count)
        var grown = Item(value: .list(existing + items.map(\.value)))
        grown.depth = max(list.depth, 1 + (items.map(\.depth).max() ?? 0))
        grown.nodes = items.reduce(list.nodes) { min($0 + $1.nodes, limits.nodes + 1) }
        try checkBounds(grown, count: existing.count + items.count)
        push(grown)
    }

    /// SETITEM(S): the dict below `items` (key, value, key, value, …) gains them.
    private mutating func setItems(_ items: [Item]) throws {
        let dict = try popOne()
        guard case .dict(var entries) = dict.value, items.count % 2 == 0 else {
            throw malformed("SETITEM to a non-dict, or a key without a value")
        }
        try charge(entries.count + items.count / 2)
        for k in stride(from: 0, to: items.count, by: 2) {
            entries.append((key: items[k].value, value: items[k + 1].value))
        }
        var grown = Item(value: .dict(entries))
        grown.depth = max(dict.depth, 1 + (items.map(\.depth).max() ?? 0))
        grown.nodes = items.reduce(dict.nodes) { min($0 + $1.nodes, limits.nodes + 1) }
        try checkBounds(grown, count: entries.count)
        push(grown)
    }

    /// At most `copies` values copied in all, growing containers: 48 times the most items one
    /// may hold (a CIFAR-100 batch, appended 1,000 labels at a time, copies under 4 M values).
    private mutating func charge(_ values: Int) throws {
        copied += values
        guard copied <= 48 * limits.items else {
            throw malformed("lists or dicts grown one item at a time past \(48 * limits.items) "
                            + "copied values; not a pickle this reader is for")
        }
    }

    private func checkBounds(_ container: Item, count: Int) throws {
        guard count <= limits.items, container.depth <= limits.depth,
              container.nodes <= limits.nodes else {
            throw malformed("a tuple, list or dict of more than \(limits.items) items, "
                            + "\(limits.nodes) values or \(limits.depth) levels; not a NumPy "
                            + "array pickle")
        }
    }

    private mutating func popOne() throws -> Item {
        guard let last = stack.popLast(), let item = last else {
            throw malformed("stack underflow")
        }
        return item
    }

    private mutating func pop(_ n: Int) throws -> [Item] {
        var items: [Item] = []
        for _ in 0..<n { items.insert(try popOne(), at: 0) }
        return items
    }

    /// The items above the topmost MARK, which is removed with them.
    private mutating func popToMark() throws -> [Item] {
        guard let mark = stack.lastIndex(where: { $0 == nil }) else {
            throw malformed("no MARK on the stack")
        }
        let items = stack[(mark + 1)...].map { $0! }
        stack.removeSubrange(mark...)
        return items
    }

    private func top() throws -> Item {
        guard let last = stack.last, let item = last else {
            throw malformed("memo of an empty stack")
        }
        return item
    }

    private func recall(_ index: Int) throws -> Item {
        guard let item = memo[index] else { throw malformed("memo \(index) is empty") }
        return item
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
