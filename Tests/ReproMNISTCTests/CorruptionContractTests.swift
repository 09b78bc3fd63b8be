import ReproSupport
import XCTest
@testable import ReproMNISTC

/// What every corruption promises: names, determinism, value ranges, the batch helper.
final class CorruptionContractTests: XCTestCase {
    func testNamesFollowMNISTC() {
        XCTAssertEqual(MNISTCorruption.allCases.map(\.rawValue), [
            "shot_noise", "impulse_noise", "glass_blur", "motion_blur", "shear", "scale",
            "rotate", "brightness", "translate", "stripe", "fog", "spatter", "dotted_line",
            "zigzag", "canny_edges",
        ])
        XCTAssertEqual(MNISTCorruption.shotNoise.displayName, "shot noise")
        XCTAssertEqual(MNISTCorruption.cannyEdges.displayName, "canny edges")
        XCTAssertEqual(MNISTCorruption(rawValue: "dotted_line"), .dottedLine)
    }

    func testEveryCorruptionIsDeterministic() {
        for corruption in MNISTCorruption.allCases {
            for image in [TestImages.seven, TestImages.random(seed: 20)] {
                var first = SplitMix64(state: 21), second = SplitMix64(state: 21)
                let a = corruption.apply(to: image, using: &first)
                let b = corruption.apply(to: image, using: &second)
                XCTAssertEqual(a, b, "\(corruption)")
                XCTAssertEqual(first.state, second.state, "\(corruption)")
            }
        }
    }

    func testRandomCorruptionsDependOnTheGeneratorAndOthersLeaveItAlone() {
        for corruption in MNISTCorruption.allCases {
            var generator = SplitMix64(state: 22)
            let outputs = (0..<6).map { _ in
                corruption.apply(to: TestImages.zero, using: &generator)
            }
            if corruption.isRandom {
                XCTAssertGreaterThan(Set(outputs).count, 1, "\(corruption)")
            } else {
                XCTAssertEqual(Set(outputs).count, 1, "\(corruption)")
                XCTAssertEqual(generator.state, SplitMix64(state: 22).state, "\(corruption)")
            }
        }
    }

    func testEveryCorruptionStaysInByteRangeOnRandomImages() {
        var generator = SplitMix64(state: 23)
        for corruption in MNISTCorruption.allCases {
            for seed in 0..<8 {
                let image = seed % 2 == 0
                    ? TestImages.random(seed: UInt64(seed))
                    : TestImages.sparseRandom(seed: UInt64(seed))
                let output = corruption.apply(to: image, using: &generator)
                XCTAssertEqual(output.count, 784)
                XCTAssertTrue(output.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 255 },
                              "\(corruption)")
                let unit = corruption.applyUnitRange(to: image, using: &generator)
                XCTAssertTrue(unit.allSatisfy { $0 >= 0 && $0 <= 1 }, "\(corruption)")
            }
        }
    }

    func testUnitRangeIsTheByteRangeOverTwoFiftyFive() {
        for corruption in MNISTCorruption.allCases {
            var first = SplitMix64(state: 24), second = SplitMix64(state: 24)
            let bytes = corruption.apply(to: TestImages.seven, using: &first)
            let unit = corruption.applyUnitRange(to: TestImages.seven, using: &second)
            XCTAssertEqual(unit, bytes.map { $0 / 255 }, "\(corruption)")
        }
    }

    func testBatchUsesOneGeneratorPerImageWhateverTheWorkers() {
        let images = (0..<7).flatMap { TestImages.sparseRandom(seed: UInt64(30 + $0)) }
        for corruption in [MNISTCorruption.fog, .glassBlur, .zigzag, .stripe] {
            let serial = corruption.apply(toBatch: images) { SplitMix64(state: UInt64(100 + $0)) }
            let parallel = corruption.apply(toBatch: images, range: .unit, workers: 3) {
                SplitMix64(state: UInt64(100 + $0))
            }
            XCTAssertEqual(parallel, serial.map { $0 / 255 })
            for index in 0..<7 {
                var generator = SplitMix64(state: UInt64(100 + index))
                let single = corruption.apply(
                    to: Array(images[(index * 784)..<((index + 1) * 784)]), using: &generator)
                XCTAssertEqual(Array(serial[(index * 784)..<((index + 1) * 784)]), single)
            }
        }
        XCTAssertEqual(MNISTCorruption.fog.apply(toBatch: []) { SplitMix64(state: UInt64($0)) },
                       [])
    }
}
