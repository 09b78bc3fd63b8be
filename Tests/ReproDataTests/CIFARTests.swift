import Foundation
import XCTest
import ReproSupport
import ReproTestSupport
@testable import ReproData

/// CIFAR from archives in the official format that the tests build (gzipped ustar of pickled
/// batch dicts; `.npy` files): reading, verification, refusals in one line naming the fix.
final class CIFARTests: XCTestCase {
    func write(_ data: Data, _ name: String) throws -> URL {
        let url = SyntheticMNIST.temporaryDirectory("cifar-archive").appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    func testABatchDictReadsItsImagesAndLabels() throws {
        let images = try CIFARBatch.read(SyntheticCIFAR.batch(.cifar10, count: 12, first: 4),
                                         dataset: .cifar10, name: "data_batch_1")
        XCTAssertEqual(images.count, 12)
        XCTAssertEqual(images.pixels.count, 12 * 3072)
        XCTAssertEqual(Array(images.labels.prefix(3)), [4, 5, 6])
        // Image 1 (label 5): red plane 5·7 + 1 = 36, green 86, blue 136.
        XCTAssertEqual(images.pixels[3072], 36)
        XCTAssertEqual(images.pixels[3072 + 1024], 86)
        XCTAssertEqual(images.pixels[3072 + 2048 + 1023], 136)
        XCTAssertEqual(images.classCounts(10).reduce(0, +), 12)
        let hundred = try CIFARBatch.read(SyntheticCIFAR.batch(.cifar100, count: 150),
                                          dataset: .cifar100, name: "train")
        XCTAssertEqual(hundred.labels.max(), 99, "fine labels, not the 20 coarse ones")
        XCTAssertThrowsError(try CIFARBatch.read(SyntheticCIFAR.batch(.cifar100, count: 150),
                                                 dataset: .cifar10, name: "data_batch_1")) {
            XCTAssertTrue("\($0)".contains("no 'labels' list"), "\($0)")
        }
    }

    /// A stream that grows a list one item at a time, within every other bound, is stopped by
    /// the copy budget instead of running quadratically.
    func testAListGrownOneItemAtATimeIsStopped() throws {
        var w = PickleWriter()
        w.intList([])
        var bytes = w.bytes
        for _ in 0..<120_000 { bytes.append(contentsOf: [UInt8(ascii: "K"), 1, UInt8(ascii: "a")]) }
        bytes.append(UInt8(ascii: "."))
        XCTAssertThrowsError(try PickleReader.load(bytes, limits: .cifarBatch)) {
            XCTAssertTrue("\($0)".contains("grown one item at a time"), "\($0)")
        }
        // A real batch's lists, appended 1,000 at a time, stay well inside it.
        XCTAssertNoThrow(try PickleReader.load(SyntheticCIFAR.batch(.cifar100, count: 50_000),
                                               limits: .cifarBatch))
    }

    func testATarArchiveListsItsFilesAndRefusesDamage() throws {
        let tar = SyntheticCIFAR.tar([("a/b.txt", Data("hello".utf8)), ("a/c", Data(count: 600))])
        let archive = try TarArchive(tar, name: "t.tar")
        XCTAssertEqual(archive.entries.map(\.name), ["a/b.txt", "a/c"])
        XCTAssertEqual(archive.file(named: "b.txt"), Data("hello".utf8))
        XCTAssertEqual(archive.file(named: "c")?.count, 600)
        XCTAssertThrowsError(try TarArchive(tar.prefix(1000), name: "t.tar")) {
            XCTAssertTrue("\($0)".contains("truncated"), "\($0)")
        }
        var bad = tar
        bad[bad.startIndex + 3] ^= 1
        XCTAssertThrowsError(try TarArchive(bad, name: "t.tar")) {
            XCTAssertTrue("\($0)".contains("wrong checksum"), "\($0)")
        }
    }

    /// A synthetic archive is not the official one: refused unless it is declared test data;
    /// then installed, marked, and read back with every MD5 checked.
    /// Two installs of different archives into one data directory at once, again and again: each
    /// takes the set's lock, so the files and the marker always come from one of them and read
    /// back whole (the loser's install simply replaces the winner's).
    func testConcurrentInstallsNeverMixTheirFiles() throws {
        let a = try write(try SyntheticCIFAR.archive(.cifar10, perBatch: 12), "a.tar.gz")
        let b = try write(try SyntheticCIFAR.archive(.cifar10, perBatch: 16), "b.tar.gz")
        let data = SyntheticMNIST.temporaryDirectory("cifar-concurrent")
        let directory = CIFARDirectory(data: data, dataset: .cifar10)
        for _ in 0..<6 {
            let errors = NSLock()
            var failures: [String] = []
            DispatchQueue.concurrentPerform(iterations: 3) { k in
                do {
                    if k == 2 { _ = try directory.load() } else {
                        _ = try directory.install(archive: k == 0 ? a : b, unofficial: true)
                    }
                } catch where k == 2 && !directory.isInstalled {
                    // A read before the first install finished: nothing installed yet.
                } catch {
                    errors.lock(); failures.append("\(error)"); errors.unlock()
                }
            }
            XCTAssertEqual(failures, [])
            let cifar = try directory.load()
            XCTAssertTrue([12, 16].contains(cifar.test.count))
            XCTAssertEqual(cifar.train.count, 5 * cifar.test.count, "every file from one archive")
        }
    }

    func testAnUnofficialArchiveIsRefusedUnlessDeclaredTestData() throws {
        for dataset in CIFARDataset.allCases {
            let archive = try write(try SyntheticCIFAR.archive(dataset, perBatch: 20), dataset.archiveName)
            let data = SyntheticMNIST.temporaryDirectory("cifar-data")
            let directory = CIFARDirectory(data: data, dataset: dataset)
            XCTAssertThrowsError(try directory.install(archive: archive)) {
                XCTAssertTrue("\($0)".contains("is not the official \(dataset.archiveName)"), "\($0)")
                XCTAssertTrue("\($0)".contains("add --unofficial if it is test data"), "\($0)")
            }
            XCTAssertFalse(directory.isInstalled, "nothing written")
            let line = try directory.install(archive: archive, unofficial: true)
            XCTAssertTrue(line.contains("UNOFFICIAL"), line)
            let cifar = try directory.load()
            XCTAssertTrue(cifar.unofficial)
            XCTAssertEqual(cifar.train.count, 20 * dataset.train.count)
            XCTAssertEqual(cifar.test.count, 20)
            XCTAssertEqual(cifar.train.pixels.count, cifar.train.count * 3072)

            // A member changed after installation is caught on the next read.
            let member = directory.url.appendingPathComponent(dataset.test.name)
            var bytes = try Data(contentsOf: member)
            bytes[bytes.count - 2] ^= 0xff
            try bytes.write(to: member)
            XCTAssertThrowsError(try directory.load()) {
                XCTAssertTrue("\($0)".contains("is damaged (wrong MD5)"), "\($0)")
            }
        }
    }

    /// The official path, on a synthetic archive whose checksums stand in for the published
    /// ones: installed without a marker, and a member with another MD5, or another image count,
    /// than published is refused.
    func testAnOfficialArchiveIsCheckedMemberByMember() throws {
        let dataset = CIFARDataset.cifar10
        let bytes = try SyntheticCIFAR.archive(dataset, perBatch: 20)
        let archive = try write(bytes, dataset.archiveName)
        let tar = try TarArchive(try Gzip.decompress(bytes, name: "a", limit: 1 << 26), name: "a")
        var published = CIFARDirectory.Published(dataset)
        published.archiveBytes = bytes.count
        published.archiveMD5 = StableHash.md5Hex(bytes)
        published.members = dataset.members.map { member in
            var m = member
            m.md5 = StableHash.md5Hex(tar.file(named: "\(dataset.folder)/\(member.name)")!)
            if m.images > 0 { m.images = 20 }
            return m
        }
        let data = SyntheticMNIST.temporaryDirectory("cifar-official")
        let directory = CIFARDirectory(data: data, dataset: dataset, published: published)
        let line = try directory.install(archive: archive)
        XCTAssertTrue(line.contains("official archive, every MD5 verified"), line)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.unofficialMarker.path))
        XCTAssertFalse(try directory.load().unofficial)
        XCTAssertEqual(try directory.load().train.count, 100)

        var wrongMember = published
        wrongMember.members[2].md5 = String(repeating: "0", count: 32)
        XCTAssertThrowsError(try CIFARDirectory(data: data, dataset: dataset, published: wrongMember)
            .install(archive: archive)) {
            XCTAssertTrue("\($0)".contains("data_batch_3 has the wrong MD5 (damaged archive)"), "\($0)")
        }
        var wrongCount = published
        wrongCount.members[0].images = 10_000
        XCTAssertThrowsError(try CIFARDirectory(data: data, dataset: dataset, published: wrongCount)
            .install(archive: archive)) {
            XCTAssertTrue("\($0)".contains("holds 20 images, not 10000"), "\($0)")
        }
    }

    func testATruncatedOrMissingArchiveIsRefusedInOneLine() throws {
        let full = try SyntheticCIFAR.archive(.cifar10)
        let directory = CIFARDirectory(data: SyntheticMNIST.temporaryDirectory("cifar-cut"), dataset: .cifar10)
        let cut = try write(full.prefix(full.count / 2), "cifar-10-python.tar.gz")
        XCTAssertThrowsError(try directory.install(archive: cut, unofficial: true)) {
            XCTAssertFalse("\($0)".contains("\n"), "\($0)")
        }
        XCTAssertThrowsError(try directory.install(archive: cut)) {
            XCTAssertTrue("\($0)".contains("(truncated?)"), "\($0)")
        }
        XCTAssertThrowsError(try directory.load()) {
            XCTAssertTrue("\($0)".contains("repro data fetch --dataset cifar10 --from"), "\($0)")
        }
    }

    func testTheOfficialChecksumsAreTorchvisions() {
        XCTAssertEqual(CIFARDataset.cifar10.members.map(\.name),
                       ["data_batch_1", "data_batch_2", "data_batch_3", "data_batch_4",
                        "data_batch_5", "test_batch", "batches.meta"])
        XCTAssertEqual(CIFARDataset.cifar10.archiveMD5, "c58f30108f718f92721af3b95e74349a")
        XCTAssertEqual(CIFARDataset.cifar100.members.map(\.md5),
                       ["16019d7e3df5f24257cddd939b257f8d", "f0ef6b0ae62326f3e7ffdfab6717acfc",
                        "7973b15100ade9c7d40fb424638fde48"])
        XCTAssertEqual(StableHash.md5Hex(Data("abc".utf8)), "900150983cd24fb0d6963f7d28e17f72",
                       "RFC 1321's test vector")
    }

    static func npy(_ descr: String, shape: [Int], payload: Data, fortran: Bool = false) -> Data {
        SyntheticCIFAR.npy(descr, shape: shape, payload: payload, fortran: fortran)
    }

    func testNPYFilesOfBytesAndInt64ReadAndOthersAreRefused() throws {
        let images = try NPYFile(Self.npy("|u1", shape: [2, 32, 32, 3], payload: Data(count: 6144)), name: "fog.npy")
        XCTAssertEqual(images.shape, [2, 32, 32, 3])
        XCTAssertEqual(images.element, .uint8)
        let labels = try NPYFile(Self.npy("<i8", shape: [3], payload: PickleWriter.int64([7, 0, 99])),
                                 name: "labels.npy")
        XCTAssertEqual(labels.integers, [7, 0, 99])
        let cases: [(Data, String)] = [
            (Self.npy("<f4", shape: [2], payload: Data(count: 8)), "only uint8 (|u1)"),
            (Self.npy("|u1", shape: [2, 2], payload: Data(count: 4), fortran: true), "Fortran order"),
            (Self.npy("|u1", shape: [4, 4], payload: Data(count: 10)), "(truncated)"),
            (Data("not numpy".utf8), "not a .npy file"),
            (Self.npy("|u1", shape: [4611686018427387904, 4], payload: Data(count: 4)), "not a list of sizes"),
            (Self.npy("|u1", shape: [-1, -4], payload: Data(count: 4)), "not a list of sizes"),
            (Self.npy("|u1", shape: [2], payload: Data(count: 2)).prefix(11), "cut short"),
        ]
        for (data, expected) in cases {
            XCTAssertThrowsError(try NPYFile(data, name: "x.npy")) {
                XCTAssertTrue("\($0)".contains(expected), "\(expected): \($0)")
            }
        }
    }
}
