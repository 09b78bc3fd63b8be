import XCTest
import ReproNumPy

/// `train_py_init_grid.{0,42,78}` (§0.1, §1.8): the global stream of `train.py`, reseeded once
/// per seed, then 55 models of `randn(784, h) * 0.1` and `randn(h, 1) * 0.1` in a row. Every
/// model's corner weights and the final MT state must match, which pins all 2.66 M draws' count
/// and every accept/reject decision.
final class TrainGridTests: XCTestCase {
    func testWholeGridForAllSeeds() {
        let hiddenSizes = [2, 4, 6, 8, 10, 12, 16, 24, 32, 48, 64]
        let pairs = ["0_and_1", "1_and_7", "4_and_9", "3_and_8", "5_and_6"]
        for seed: UInt32 in [0, 42, 78] {
            let fixture = Fixtures.root["train_py_init_grid"][String(seed)]
            let rows = fixture["rows"].array
            XCTAssertEqual(rows.count, hiddenSizes.count * pairs.count)
            var state = RandomState(seed: seed)
            var row = 0
            for h in hiddenSizes {
                for pair in pairs {
                    let w1 = state.randn(rows: 784, columns: h).map { $0 * 0.1 }
                    let w2 = state.randn(rows: h, columns: 1).map { $0 * 0.1 }
                    let expected = rows[row].array
                    let label = "seed \(seed) h \(h) \(pair)"
                    XCTAssertEqual(expected[0].int, h, label)
                    XCTAssertEqual(expected[1].string, pair, label)
                    assertBitEqual(w1[0], expected[2].reprDouble, "\(label) w1[0,0]")
                    assertBitEqual(w1[783 * h + h - 1], expected[3].reprDouble,
                                   "\(label) w1[783,h-1]")
                    assertBitEqual(w2[0], expected[4].reprDouble, "\(label) w2[0,0]")
                    assertBitEqual(w2[h - 1], expected[5].reprDouble, "\(label) w2[h-1,0]")
                    row += 1
                }
            }
            let final = fixture["final_state"]
            XCTAssertEqual(state.bitGenerator.position, final["pos"].int, "seed \(seed)")
            XCTAssertEqual(Int(state.bitGenerator.key[0]), final["key0"].int, "seed \(seed)")
            XCTAssertEqual(state.hasGauss, final["has_gauss"].int != 0, "seed \(seed)")
            XCTAssertEqual(state.gauss, final["cached_gauss"].reprDouble, "seed \(seed)")
        }
    }
}
