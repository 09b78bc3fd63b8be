import XCTest
import ReproData
import ReproNN
import ReproNumPy
@testable import ReproPaper1

/// A replayed model's initial weights are its slice of the published program's whole stream.
final class ReplayInitTests: XCTestCase {
    /// `train.py`'s stream for one seed, drawn model by model exactly as the program does,
    /// up to and including `count` models.
    func wholeGrid(seed: UInt32, count: Int) -> [MLPParameters] {
        var state = RandomState(seed: seed)
        return ReplayScheme.trainPy.slots.prefix(count).map { slot in
            let w1 = state.randn(rows: 784, columns: slot.hidden).map { $0 * 0.1 }
            let w2 = state.randn(rows: slot.hidden, columns: 1).map { $0 * 0.1 }
            return MLPParameters(inputs: 784, hidden: slot.hidden, w1: w1,
                                 b1: .init(repeating: 0, count: slot.hidden), w2: w2, b2: 0)
        }
    }

    func testEachModelIsItsSliceOfTheWholeStream() throws {
        let grid = wholeGrid(seed: 42, count: 13)
        let slots = ReplayScheme.trainPy.slots
        // Out of order and with gaps: the draw must still follow the program's order.
        let wanted = [12, 0, 7, 4]
        let drawn = try ReplayedInitialWeights.draw(seed: 42, scheme: .trainPy,
                                                    wanted: wanted.map { slots[$0] })
        for (k, at) in wanted.enumerated() {
            XCTAssertEqual(drawn[k], grid[at], "slot \(at): \(slots[at])")
        }
    }

    /// `train_py_init_grid.0` of the specification's fixtures: rows (h = 2, 0/1), (h = 2, 1/7)
    /// and (h = 4, 4/9): w1[0,0], w1[783,h−1], w2[0,0], w2[h−1,0].
    func testPublishedGridFixture() throws {
        let expected: [(DigitPair, Int, [Double])] = [
            (DigitPair(0, 1), 2, [0.1764052345967664, 0.007912172392953509,
                                  0.08505306835234383, -0.08391241905992737]),
            (DigitPair(1, 7), 2, [-0.10117740841054886, -0.08348071635345083,
                                  0.1235382392009477, -0.024380379713912194]),
            (DigitPair(4, 9), 4, [0.13441191416536116, 0.01764370982364804,
                                  -0.08172885346615846, 0.08626067603965534]),
        ]
        let drawn = try ReplayedInitialWeights.draw(
            seed: 0, scheme: .trainPy,
            wanted: expected.map { ReplayScheme.trainPy.slot(pair: $0.0, hidden: $0.1,
                                                              learningRate: 0.03) })
        for (model, (pair, h, corners)) in zip(drawn, expected) {
            let got = [model.w1[0], model.w1[783 * h + h - 1], model.w2[0], model.w2[h - 1]]
            XCTAssertEqual(got.map(\.bitPattern), corners.map(\.bitPattern), "\(pair) h = \(h)")
        }
    }

    func testFreshSchemeReseedsEveryModel() throws {
        let slots = ReplayScheme.freshPerModel.slots
        let drawn = try ReplayedInitialWeights.draw(seed: 0, scheme: .freshPerModel,
                                                    wanted: [slots[0], slots[6]])
        XCTAssertEqual(drawn[0], wholeGrid(seed: 0, count: 1)[0], "h = 2 from a fresh seed")
        var fresh = RandomState(seed: 0)
        XCTAssertEqual(slots[6].hidden, 4)
        XCTAssertEqual(drawn[1].w1, fresh.randn(rows: 784, columns: 4).map { $0 * 0.1 },
                       "h = 4 from a fresh seed, not after h = 2")
    }
}
