import Foundation
import XCTest
import ReproSupport
import ReproTestSupport
@testable import ReproData

/// CIFAR-C from a release folder (or its tar) in miniature: checked, installed with its
/// SHA-256 list, read per corruption and severity as CIFAR's planes, damage caught.
final class CIFARCorruptedTests: XCTestCase {
    func testAReleaseFolderInstallsAndReadsPerSeverity() throws {
        let parent = SyntheticMNIST.temporaryDirectory("cifar-c")
        let folder = try SyntheticCIFAR.corruptedFolder(.cifar10, perSeverity: 4, in: parent)
        let data = parent.appendingPathComponent("data")
        let store = CIFARCorrupted(data: data, dataset: .cifar10, perSeverity: 4)
        XCTAssertThrowsError(try store.images("fog", severity: 2)) {
            XCTAssertTrue("\($0)".contains("repro data fetch --dataset cifar10-c --from"), "\($0)")
        }
        XCTAssertTrue(try store.install(from: folder).contains("15 corruptions × 5 severities × 4 images"))
        XCTAssertTrue(store.isInstalled)
        // Severity 2 is images 4…7 of the file; fog is corruption 9; image 5, green: 5 + 10 + 9.
        let fog = try store.images("fog", severity: 2)
        XCTAssertEqual(fog.count, 4)
        XCTAssertEqual(fog.labels, [4, 5, 6, 7])
        XCTAssertEqual(fog.pixels[1 * 3072 + 1024 + 17], 24, "planes, red first: green of image 5")
        XCTAssertEqual(fog.pixels[1 * 3072], 14, "red of image 5")
        XCTAssertNoThrow(try store.verify())
        XCTAssertThrowsError(try store.images("speckle_noise", severity: 1)) {
            XCTAssertTrue("\($0)".contains("corruptions: gaussian_noise"), "\($0)")
        }

        let file = store.url.appendingPathComponent("snow.npy")
        var bytes = try Data(contentsOf: file)
        bytes[bytes.count - 1] ^= 1
        try bytes.write(to: file)
        XCTAssertThrowsError(try store.images("snow", severity: 5)) {
            XCTAssertTrue("\($0)".contains("missing or damaged"), "\($0)")
        }
    }

    func testATarOfTheReleaseInstallsAndAWrongShapeIsRefused() throws {
        let parent = SyntheticMNIST.temporaryDirectory("cifar-c-tar")
        let folder = try SyntheticCIFAR.corruptedFolder(.cifar100, perSeverity: 2, in: parent)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let tar = SyntheticCIFAR.tar(try names.map {
            ("CIFAR-100-C/\($0)", try Data(contentsOf: folder.appendingPathComponent($0)))
        })
        let archive = parent.appendingPathComponent("CIFAR-100-C.tar")
        try tar.write(to: archive)
        let store = CIFARCorrupted(data: parent.appendingPathComponent("data"), dataset: .cifar100,
                                   perSeverity: 2)
        XCTAssertNoThrow(try store.install(from: archive))
        XCTAssertEqual(try store.images("contrast", severity: 5).labels, [8, 9])

        let other = CIFARCorrupted(data: parent.appendingPathComponent("data2"), dataset: .cifar100,
                                   perSeverity: 3)
        XCTAssertThrowsError(try other.install(from: folder)) {
            XCTAssertTrue("\($0)".contains("not 15 × 32 × 32 × 3 bytes"), "\($0)")
        }
        XCTAssertFalse(other.isInstalled)
    }
}
