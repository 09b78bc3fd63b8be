import XCTest
import ReproSupport
@testable import ReproData

final class CorruptionTests: XCTestCase {
    func testGaussianNoiseIsClippedAndHasTheRightSpread() {
        var rng = RandomStream(seed: 0, "noise")
        let clean = [Double](repeating: 0.5, count: 20_000)
        let noisy = Corruption.gaussian(clean, sigma: 0.1, rng: &rng)
        XCTAssertTrue(noisy.allSatisfy { (0...1).contains($0) })
        let std = (noisy.map { ($0 - 0.5) * ($0 - 0.5) }.reduce(0, +)
                   / Double(noisy.count)).squareRoot()
        XCTAssertEqual(std, 0.1, accuracy: 0.003)
        var again = RandomStream(seed: 0, "noise")
        XCTAssertEqual(Corruption.gaussian(clean, sigma: 0.1, rng: &again), noisy,
                       "same stream → same noise")
        var big = RandomStream(seed: 1, "noise")
        XCTAssertTrue(Corruption.gaussian([0, 1], sigma: 5, rng: &big)
            .allSatisfy { $0 == 0 || $0 == 1 })
    }

    func testOcclusionZeroesOneSevenBySevenPatchPerImage() {
        var rng = RandomStream(seed: 0, "occlusion")
        let images = [Double](repeating: 1, count: 784 * 50)
        let occluded = Corruption.occlusion(images, rng: &rng)
        for k in 0..<50 {
            let zeros = (0..<784).filter { occluded[k * 784 + $0] == 0 }
            XCTAssertEqual(zeros.count, 49)
            let rows = Set(zeros.map { $0 / 28 }), columns = Set(zeros.map { $0 % 28 })
            XCTAssertEqual(rows.count, 7); XCTAssertEqual(columns.count, 7)
            XCTAssertEqual(rows.max()! - rows.min()!, 6)
        }
    }
}

final class OcclusionPatchTests: XCTestCase {
    func testReportedPatchesAreTheZeroedOnes() {
        var a = RandomStream(seed: 3, "patch"), b = RandomStream(seed: 3, "patch")
        let images = [Double](repeating: 1, count: 784 * 5)
        let (occluded, patches) = Corruption.occlusionWithPatches(images, rng: &a)
        XCTAssertEqual(occluded, Corruption.occlusion(images, rng: &b),
                       "same draws as the plain occlusion")
        for (k, p) in patches.enumerated() {
            XCTAssertEqual(occluded[k * 784 + p.top * 28 + p.left], 0)
            XCTAssertEqual(occluded[k * 784 + (p.top + 6) * 28 + p.left + 6], 0)
        }
    }
}
