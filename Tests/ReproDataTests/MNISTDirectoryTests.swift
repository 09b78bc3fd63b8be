import XCTest
import ReproSupport
import ReproTestSupport
@testable import ReproData

final class MNISTDirectoryTests: XCTestCase {
    func testVerifiedFilesLoad() throws {
        let dir = SyntheticMNIST.temporaryDirectory()
        let expectations = try SyntheticMNIST.write(to: dir)
        let mnist = try MNISTDirectory(url: dir, expectations: expectations).load()
        XCTAssertEqual(mnist.trainClassCounts, [30, 32, 28, 31, 26, 27, 30, 33, 29, 34])
        XCTAssertEqual(mnist.pixelsPerImage, 784)
    }

    func testMissingFileNamesTheFetchCommand() throws {
        let dir = SyntheticMNIST.temporaryDirectory()
        XCTAssertThrowsError(try MNISTDirectory(url: dir).verifyAll()) {
            // Not the default ./data: the hint names the directory, which a bare fetch would miss.
            XCTAssertTrue("\($0)".contains("is missing; run `repro data fetch --data-dir \(dir.path)`"), "\($0)")
        }
    }

    func testCorruptAndTruncatedFilesAreRefused() throws {
        let dir = SyntheticMNIST.temporaryDirectory()
        let expectations = try SyntheticMNIST.write(to: dir)
        let directory = MNISTDirectory(url: dir, expectations: expectations)
        let labels = directory.path(of: .trainLabels)
        var data = try Data(contentsOf: labels)
        data[20] ^= 1
        try data.write(to: labels)
        XCTAssertThrowsError(try directory.load()) {
            XCTAssertTrue("\($0)".contains("SHA-256"), "\($0)")
        }
        try data.dropLast(5).write(to: labels)
        XCTAssertThrowsError(try directory.load()) {
            XCTAssertTrue("\($0)".contains("truncated"), "\($0)")
        }
    }

    /// Valid files behind symbolic links verify and load (the link's own size is not the file's);
    /// a dangling link and a directory in a file's place get their own one-line messages.
    func testSymbolicLinksAreFollowedAndDanglingOnesNamed() throws {
        let real = SyntheticMNIST.temporaryDirectory("real")
        let expectations = try SyntheticMNIST.write(to: real)
        let linked = SyntheticMNIST.temporaryDirectory("linked")
        let manager = FileManager.default
        for file in MNISTFile.allCases {
            try manager.createSymbolicLink(at: linked.appendingPathComponent(file.fileName),
                                           withDestinationURL: real.appendingPathComponent(file.fileName))
        }
        let directory = MNISTDirectory(url: linked, expectations: expectations)
        XCTAssertNoThrow(try directory.verifyAll())
        XCTAssertEqual(try directory.load().trainClassCounts.reduce(0, +), 300)
        // A link to the whole directory works too.
        let dirLink = SyntheticMNIST.temporaryDirectory("dirlink").appendingPathComponent("data")
        try manager.createSymbolicLink(at: dirLink, withDestinationURL: real)
        XCTAssertNoThrow(try MNISTDirectory(url: dirLink, expectations: expectations).verifyAll())
        // Dangling.
        try manager.removeItem(at: real.appendingPathComponent(MNISTFile.trainLabels.fileName))
        XCTAssertThrowsError(try directory.verifyAll()) {
            XCTAssertTrue("\($0)".contains("is a symbolic link to"), "\($0)")
            XCTAssertTrue("\($0)".contains("which does not exist"), "\($0)")
            XCTAssertFalse("\($0)".contains("truncated"), "\($0)")
        }
        // A directory where a file should be.
        try manager.createDirectory(at: real.appendingPathComponent(MNISTFile.trainLabels.fileName),
                                    withIntermediateDirectories: false)
        XCTAssertThrowsError(try MNISTDirectory(url: real, expectations: expectations)
            .verify(.trainLabels)) {
            XCTAssertTrue("\($0)".contains("is a directory, not a file"), "\($0)")
        }
    }

    func testFetchFromGzippedDirectoryInstallsVerifiedFiles() throws {
        let source = SyntheticMNIST.temporaryDirectory("source")
        let expectations = try SyntheticMNIST.write(to: source, gzip: true)
        let target = MNISTDirectory(url: SyntheticMNIST.temporaryDirectory("target"),
                                    expectations: expectations)
        let message = try MNISTFetcher(directory: target).fetch(source: .dir, mnistDir: source)
        XCTAssertTrue(message.contains("verified"))
        XCTAssertNoThrow(try target.verifyAll())
        XCTAssertTrue(try MNISTFetcher(directory: target).fetch(source: .dir, mnistDir: source)
            .contains("already present"))
    }

    func testFetchRefusesFilesThatDoNotMatchTheHashes() throws {
        let source = SyntheticMNIST.temporaryDirectory("source")
        try SyntheticMNIST.write(to: source)
        // canonical hashes
        let target = MNISTDirectory(url: SyntheticMNIST.temporaryDirectory("target"))
        XCTAssertThrowsError(try MNISTFetcher(directory: target).fetch(source: .dir,
                                                                       mnistDir: source)) {
            XCTAssertTrue("\($0)".contains("could not get MNIST"), "\($0)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.path(of: .trainImages).path),
                       "nothing unverified is installed")
    }

    func testWheelConversion() throws {
        let wheel = try SyntheticWheel.write(into: SyntheticMNIST.temporaryDirectory("wheel"))
        let directory = MNISTDirectory(url: SyntheticMNIST.temporaryDirectory())
        let files = try MNISTFetcher(directory: directory).fromWheel(wheel)
        XCTAssertEqual(try IDXFile(data: files[.trainLabels]!, name: "l").bytes, [3, 3, 3])
        XCTAssertEqual(try IDXFile(data: files[.trainImages]!, name: "i").dimensions, [3, 28, 28])
    }
}
