import Foundation
import ReproSupport
import ReproTestSupport
import XCTest
@testable import ReproData

/// `data fetch` blames what is wrong: an unwritable destination before any source is tried, a
/// source file that cannot be read by its own path.
final class FetchDestinationTests: XCTestCase {
    func testAnUnwritableDestinationIsBlamedBeforeAnySource() throws {
        let source = SyntheticMNIST.temporaryDirectory("source")
        try SyntheticMNIST.write(to: source, gzip: true)
        let file = SyntheticMNIST.temporaryDirectory("target").appendingPathComponent("data")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(),
                                                withIntermediateDirectories: true)
        try Data("x".utf8).write(to: file)
        var tried: [String] = []
        for destination in [URL(fileURLWithPath: "/proc/x"), file] {
            let fetcher = MNISTFetcher(directory: MNISTDirectory(url: destination)) {
                tried.append($0)
            }
            XCTAssertThrowsError(try fetcher.fetch(source: .dir, mnistDir: source)) {
                let message = "\($0)"
                XCTAssertTrue(message.hasPrefix("cannot write \(destination.path): "), message)
                XCTAssertFalse(message.contains("could not get MNIST"), message)
            }
        }
        XCTAssertEqual(tried, [], "no source was tried")
    }

    func testADirectoryInPlaceOfASourceFileIsNamed() throws {
        let source = SyntheticMNIST.temporaryDirectory("source")
        try SyntheticMNIST.write(to: source)
        let images = source.appendingPathComponent(MNISTFile.trainImages.fileName)
        try FileManager.default.removeItem(at: images)
        try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
        let fetcher = MNISTFetcher(directory: MNISTDirectory(
            url: SyntheticMNIST.temporaryDirectory("target")))
        XCTAssertThrowsError(try fetcher.fetch(source: .dir, mnistDir: source)) {
            XCTAssertTrue("\($0)".contains("cannot read \(images.path): it is a folder, not a "
                                           + "file"), "\($0)")
        }
    }
}
