import Foundation
import XCTest
import ReproSupport
import ReproTestSupport
@testable import ReproData

/// A small `.gz` that inflates to far more than expected is refused after inflating at most the
/// expected size (issue 15, class 6: a 13 MB `.gz` was inflated to 3 GB before the size check).
final class GzipBoundTests: XCTestCase {
    /// 48 MB of zeros, about 47 KB gzipped.
    static let bomb = try! Gzip.compress(Data(count: 48 << 20), level: 9)

    func testInflationStopsAtTheLimitAndNamesTheFile() throws {
        XCTAssertLessThan(Self.bomb.count, 100_000)
        XCTAssertThrowsError(try Gzip.decompress(Self.bomb, name: "bomb.gz", limit: 1 << 20)) {
            XCTAssertEqual("\($0)", "bomb.gz: gzip data inflates to more than 1048576 bytes, the "
                           + "most expected; it is not the expected file (delete or replace it)")
        }
        let run = try GzipInflater.inflate(Self.bomb, name: "bomb.gz", upTo: 1 << 20)
        XCTAssertFalse(run.complete)
        XCTAssertEqual(run.output.count, 1 << 20)
        XCTAssertEqual(run.produced, (1 << 20) + 1, "zlib was given room for one byte past the limit")
    }

    func testAStreamOfExactlyTheLimitInflates() throws {
        let data = Data((0..<5000).map { UInt8($0 % 7) })
        XCTAssertEqual(try Gzip.decompress(Gzip.compress(data), limit: 5000), data)
        XCTAssertThrowsError(try Gzip.decompress(Gzip.compress(data), name: "x", limit: 4999))
        XCTAssertEqual(try Gzip.prefix(Gzip.compress(data), count: 10), data.prefix(10))
    }

    /// An IDX header declaring 10 bytes, followed by 48 MB: inflation stops at what the header says.
    func testGzippedIDXIsInflatedOnlyAsFarAsItsHeaderSays() throws {
        let idx = IDXFile(dimensions: [10], bytes: Array(repeating: 1, count: 10)).encoded()
        let packed = try Gzip.compress(idx + Data(count: 48 << 20), level: 9)
        XCTAssertThrowsError(try IDXFile(data: packed, name: "labels.gz")) {
            XCTAssertTrue("\($0)".hasPrefix("labels.gz: gzip data inflates to more than 18 bytes"),
                          "\($0)")
        }
    }

    func testIDXHeadersDeclaringTooMuchAreRefusedWithoutOverflow() throws {
        var huge = Data([0, 0, 8, 255])
        huge.append(Data(repeating: 0xff, count: 4 * 255))
        XCTAssertThrowsError(try IDXFile(data: huge, name: "huge")) {
            XCTAssertTrue("\($0)".contains("more than the 1073741824 allowed"), "\($0)")
        }
        let big = IDXFile(dimensions: [100, 100], bytes: Array(repeating: 0, count: 10_000))
        XCTAssertThrowsError(try IDXFile(data: Gzip.compress(big.encoded()), name: "big.gz",
                                         maxBytes: 5000)) {
            XCTAssertTrue("\($0)".contains("100 × 100 bytes, more than the 5000 allowed"), "\($0)")
        }
    }

    /// `data fetch --mnist-dir` with a `.gz` that inflates past the expected file size.
    func testFetchFromDirectoryRefusesAnOversizedGzip() throws {
        let source = SyntheticMNIST.temporaryDirectory("bomb-source")
        let expectations = try SyntheticMNIST.write(to: source, gzip: true)
        let labels = source.appendingPathComponent(MNISTFile.trainLabels.fileName + ".gz")
        try Self.bomb.write(to: labels)
        let target = MNISTDirectory(url: SyntheticMNIST.temporaryDirectory("bomb-target"),
                                    expectations: expectations)
        XCTAssertThrowsError(try MNISTFetcher(directory: target).fromDirectory(source)) {
            let limit = expectations[.trainLabels]!.byteCount
            XCTAssertEqual("\($0)", "\(labels.path): gzip data inflates to more than \(limit) bytes, "
                           + "the most expected; it is not the expected file (delete or replace it)")
        }
    }
}
