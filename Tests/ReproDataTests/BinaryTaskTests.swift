import XCTest
import ReproTestSupport
@testable import ReproData

final class BinaryTaskTests: XCTestCase {
    func testPaperSizesForFourAndNine() {
        // 5,842 fours and 5,949 nines → 11,684 balanced → 9,347 / 2,337.
        let counts = BinaryTask.stratifiedTestCounts(classSizes: [5842, 5842], fraction: 0.2)
        XCTAssertEqual(counts.reduce(0, +), 2337)
        XCTAssertEqual(counts, [1169, 1168])
    }

    func testBalancesSplitsAndLabels() throws {
        let mnist = try SyntheticMNIST.mnist()        // 26 fours, 34 nines
        let task = try BinaryTask(mnist: mnist, pair: DigitPair(9, 4), seed: 0)
        XCTAssertEqual(task.train.count + task.heldOut.count, 52)
        XCTAssertEqual(task.heldOut.count, 11)       // ceil(0.2 · 52)
        let all = task.train.digits + task.heldOut.digits
        XCTAssertEqual(all.filter { $0 == 4 }.count, 26)
        XCTAssertEqual(all.filter { $0 == 9 }.count, 26)
        XCTAssertEqual(task.heldOut.digits.filter { $0 == 4 }.count, 6)
        XCTAssertTrue(zip(task.train.digits, task.train.labels)
            .allSatisfy { ($0 == 9) == ($1 == 1) })
        XCTAssertTrue(Set(task.train.sourceIndices).isDisjoint(with: task.heldOut.sourceIndices))
        XCTAssertEqual(Set(task.train.sourceIndices + task.heldOut.sourceIndices).count, 52)
        let first = task.train.sourceIndices[0]
        XCTAssertEqual(Array(task.train.pixels[0..<784]),
                       Array(mnist.trainImages[(first * 784)..<((first + 1) * 784)]))
    }

    func testSameSeedSameSplitOtherSeedOtherSplit() throws {
        let mnist = try SyntheticMNIST.mnist()
        let a = try BinaryTask(mnist: mnist, pair: DigitPair(3, 8), seed: 42)
        let b = try BinaryTask(mnist: mnist, pair: DigitPair(3, 8), seed: 42)
        let c = try BinaryTask(mnist: mnist, pair: DigitPair(3, 8), seed: 78)
        XCTAssertEqual(a.heldOut.sourceIndices, b.heldOut.sourceIndices)
        XCTAssertNotEqual(a.heldOut.sourceIndices, c.heldOut.sourceIndices)
    }

    func testFeaturesAreBytesOver255() throws {
        let task = try BinaryTask(mnist: SyntheticMNIST.mnist(), pair: DigitPair(0, 1), seed: 0)
        let features: [Double] = task.train.features()
        XCTAssertEqual(features[0], Double(task.train.pixels[0]) / 255)
        XCTAssertEqual(features.max()!, Double(task.train.pixels.max()!) / 255, accuracy: 1e-15)
    }

    func testPairParsing() throws {
        XCTAssertEqual(try DigitPair(parsing: "4/9"), DigitPair(4, 9))
        XCTAssertEqual(try DigitPair(parsing: "9-4"), DigitPair(4, 9))
        XCTAssertThrowsError(try DigitPair(parsing: "4/4"))
        XCTAssertThrowsError(try DigitPair(parsing: "12/3"))
        XCTAssertThrowsError(try DigitPair(parsing: "a/b"))
    }
}
