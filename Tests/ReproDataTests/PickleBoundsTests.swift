import Foundation
import XCTest
import ReproSupport
import ReproTestSupport
@testable import ReproData

/// Hostile pickles get a one-line error instead of a trap, a stack overflow or minutes of work
/// (issue 15, class 9: regression tests for what fuzzing the pickle reader found).
final class PickleBoundsTests: XCTestCase {
    func assertRefused(_ bytes: Data, saying expected: String, file: StaticString = #filePath,
                       line: UInt = #line) {
        let start = Date()
        XCTAssertThrowsError(try MNISTPickle.idxFiles(fromPickle: bytes), file: file, line: line) {
            XCTAssertTrue("\($0)".contains(expected), "\($0)", file: file, line: line)
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 2, file: file, line: line)
    }

    /// Found by fuzzing: a NaN pixel trapped in `Int(rounded)`.
    func testNaNAndInfinitePixelsAreRefused() {
        for bad in [Float.nan, .infinity, -.infinity, 1e30] {
            var writer = PickleWriter()
            for count in [1, 1, 1] {
                var pixels = [Float](repeating: 0, count: count * 784)
                pixels[5] = bad
                writer.array(shape: [count, 784], dtype: "f4", payload: PickleWriter.float32(pixels))
                writer.array(shape: [count], dtype: "i8", payload: PickleWriter.int64([1]))
                writer.tuple(2)
            }
            writer.tuple(3); writer.stop()
            assertRefused(writer.bytes, saying: "not whole multiples of 1/256")
        }
    }

    /// Found by fuzzing: a shape whose element count overflows trapped in the size check.
    func testShapesThatOverflowAreRefused() {
        var writer = PickleWriter()
        let big = Int(Int32.max)
        writer.array(shape: [big, big, big], dtype: "f4", payload: Data())
        writer.stop()
        assertRefused(writer.bytes, saying: "payload bytes")
        var negative = PickleWriter()
        negative.array(shape: [-1, -4], dtype: "i1", payload: Data(count: 4))
        negative.stop()
        assertRefused(negative.bytes, saying: "payload bytes")
    }

    /// 100,000 nested one-item tuples overflowed the stack when the value was walked or freed.
    func testDeepNestingIsRefused() {
        var bytes = Data([0x80, 0x02, UInt8(ascii: "N")])
        bytes.append(Data(repeating: 0x85, count: 100_000))
        bytes.append(UInt8(ascii: "."))
        assertRefused(bytes, saying: "32 levels")
    }

    /// A tuple built from itself 40 times spans 2^40 values: walking it never ended.
    func testSharedValuesCannotBlowUpExponentially() {
        var bytes = Data([0x80, 0x02, UInt8(ascii: "N")])
        for _ in 0..<40 { bytes.append(contentsOf: [UInt8(ascii: "q"), 0, UInt8(ascii: "h"), 0, 0x86]) }
        bytes.append(UInt8(ascii: "."))
        assertRefused(bytes, saying: "65536 values")
    }

    /// Long lists and MARK runs cost quadratic time (each APPEND copied the list).
    func testLongListsAndStreamsAreRefusedQuickly() {
        var appends = Data([0x80, 0x02, UInt8(ascii: "]")])
        for _ in 0..<30_000 { appends.append(contentsOf: [UInt8(ascii: "N"), UInt8(ascii: "a")]) }
        appends.append(UInt8(ascii: "."))
        assertRefused(appends, saying: "grown one item at a time")
        var marks = Data([0x80, 0x02, UInt8(ascii: "(")])
        marks.append(Data(repeating: UInt8(ascii: "N"), count: 200_000))
        marks.append(UInt8(ascii: "t"))
        assertRefused(marks, saying: "more than 65536 operations")
    }

    /// The bounds leave room for what NumPy writes: the MNIST-shaped pickle still converts.
    func testRealisticPickleStillConverts() throws {
        let files = try MNISTPickle.idxFiles(fromPickle: SyntheticWheel.pickle(counts: [2, 1, 1]))
        XCTAssertEqual(files[.trainLabels]?.bytes, [3, 3, 3])
    }
}
