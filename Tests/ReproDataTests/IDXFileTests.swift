import Foundation
import XCTest
import ReproSupport
@testable import ReproData

final class IDXFileTests: XCTestCase {
    let sample = IDXFile(dimensions: [2, 2, 3], bytes: Array(0..<12))

    func testEncodingHasBigEndianHeader() {
        let data = sample.encoded()
        XCTAssertEqual(Array(data.prefix(16)), [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 3])
        XCTAssertEqual(data.count, 16 + 12)
    }

    func testRoundTripPlainAndGzipped() throws {
        XCTAssertEqual(try IDXFile(data: sample.encoded(), name: "x"), sample)
        XCTAssertEqual(try IDXFile(data: Gzip.compress(sample.encoded()), name: "x.gz"), sample)
    }

    func testLabelFileMagic() throws {
        let labels = IDXFile(dimensions: [3], bytes: [1, 2, 3])
        XCTAssertEqual(labels.magic, 0x0000_0801)
        XCTAssertEqual(try IDXFile(data: labels.encoded(), name: "l"), labels)
    }

    func testBadMagicIsRefused() {
        var data = sample.encoded()
        data[0] = 0x1f; data[1] = 0x00
        XCTAssertThrowsError(try IDXFile(data: data, name: "bad")) {
            XCTAssertTrue("\($0)".contains("bad magic number"))
        }
    }

    func testTruncatedAndOverlongFilesAreRefused() {
        let data = sample.encoded()
        XCTAssertThrowsError(try IDXFile(data: data.dropLast(1), name: "t")) {
            XCTAssertTrue("\($0)".contains("truncated"))
        }
        XCTAssertThrowsError(try IDXFile(data: data + Data([0]), name: "t")) {
            XCTAssertTrue("\($0)".contains("longer"))
        }
        XCTAssertThrowsError(try IDXFile(data: data.prefix(6), name: "t")) {
            XCTAssertTrue("\($0)".contains("truncated"))
        }
    }

    func testNonByteElementTypeIsRefused() {
        var data = sample.encoded()
        data[2] = 0x0D   // float
        XCTAssertThrowsError(try IDXFile(data: data, name: "f")) {
            XCTAssertTrue("\($0)".contains("not unsigned byte"))
        }
    }
}

final class GzipTests: XCTestCase {
    func testRoundTripOfLargeData() throws {
        let data = Data((0..<3_000_000).map { UInt8(($0 * 7) % 253) })
        let packed = try Gzip.compress(data)
        XCTAssertTrue(Gzip.isGzip(packed))
        XCTAssertLessThan(packed.count, data.count)
        XCTAssertEqual(try Gzip.decompress(packed, limit: data.count), data)
    }

    func testCorruptAndTruncatedStreamsAreErrors() throws {
        let packed = try Gzip.compress(Data(repeating: 65, count: 10_000)
                                       + Data((0..<10_000).map { UInt8($0 % 200) }))
        XCTAssertThrowsError(try Gzip.decompress(packed.prefix(packed.count / 2),
                                                 name: "half.gz", limit: 1 << 20)) {
            XCTAssertTrue("\($0)".contains("half.gz"))
        }
        var corrupt = packed
        corrupt[12] ^= 0xff; corrupt[13] ^= 0xff
        XCTAssertThrowsError(try Gzip.decompress(corrupt, name: "c.gz", limit: 1 << 20))
    }
}

final class FashionMNISTTests: XCTestCase {
    /// Debian's dataset-fashion-mnist ships the same IDX format gzipped; skipped when not
    /// installed.
    func testReadsFashionMNISTWhenInstalled() throws {
        let url = URL(
            fileURLWithPath: "/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz")
        try XCTSkipUnless(FileManager.default.fileExists(atPath: url.path),
                          "dataset-fashion-mnist is not installed")
        let labels = try IDXFile(contentsOf: url)
        XCTAssertEqual(labels.dimensions, [10_000])
        XCTAssertEqual(Set(labels.bytes), Set(0..<10))
        let images = try IDXFile(contentsOf: url.deletingLastPathComponent()
            .appendingPathComponent("t10k-images-idx3-ubyte.gz"))
        XCTAssertEqual(images.dimensions, [10_000, 28, 28])
    }
}
