/// A fixed-size, 64-byte-aligned, zero-initialised array of plain numbers, allocated once and
/// freed with its owner.
///
/// The hot loops work on raw pointers; this small handle owns the memory, so the kernels take
/// `pointer` directly instead of nesting `withUnsafe…` closures, and the arrays are never
/// copied or reference-count checked inside a loop.
final class AlignedBuffer<Element: AdditiveArithmetic> {
    let pointer: UnsafeMutablePointer<Element>
    let count: Int

    init(count: Int) {
        let capacity = max(1, count)
        let raw = UnsafeMutableRawPointer.allocate(
            byteCount: capacity * MemoryLayout<Element>.stride,
            alignment: 64)
        pointer = raw.bindMemory(to: Element.self, capacity: capacity)
        pointer.initialize(repeating: .zero, count: capacity)
        self.count = count
    }

    convenience init(_ array: [Element]) {
        self.init(count: array.count)
        for i in array.indices { pointer[i] = array[i] }
    }

    deinit {
        UnsafeMutableRawPointer(pointer).deallocate()
    }

    var array: [Element] { Array(UnsafeBufferPointer(start: pointer, count: count)) }

    func fill(_ value: Element) {
        pointer.update(repeating: value, count: count)
    }

    @inline(__always)
    subscript(i: Int) -> Element {
        get {
            #if DEBUG
                precondition(i >= 0 && i < count, "AlignedBuffer index \(i) out of 0..<\(count)")
            #endif
            return pointer[i]
        }
        set {
            #if DEBUG
                precondition(i >= 0 && i < count, "AlignedBuffer index \(i) out of 0..<\(count)")
            #endif
            pointer[i] = newValue
        }
    }
}

/// A check of pointer arithmetic that only debug builds (and so the tests) pay for.
@inline(__always)
func debugCheck(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    #if DEBUG
        precondition(condition(), message())
    #endif
}
