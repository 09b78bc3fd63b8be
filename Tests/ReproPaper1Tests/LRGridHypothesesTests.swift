import XCTest
import ReproData
import ReproExperiments
import ReproNN
@testable import ReproPaper1

/// A draw-order hypothesis agrees with the published heatmap cell by cell at two decimals; the
/// best-matching order is named, and "explained" only when every cell agrees.
final class LRGridHypothesesTests: XCTestCase {
    func record(hidden: Int, rate: Double, seed: Int, f1: Double) -> ModelRecord {
        let spec = ModelSpec(pair: DigitPair(4, 9), seed: seed, hidden: hidden,
                             learningRate: rate, epochs: 2)
        return ModelRecord(key: spec.key, spec: spec, history: TrainingHistory(),
                           evaluation: BinaryMetrics(loss: 0.3, accuracy: 0.9, precision: 0.9,
                                                     recall: 0.9, f1: f1, auc: 0.9).named,
                           trainCount: 10, evaluationCount: 3, batchSize: 1, batchSeconds: 0)
    }

    let published = Paper1Published.Heatmap(hiddenSizes: [2, 4], learningRates: [0.01, 0.03],
                                            f1: [[0.50, 0.60], [0.70, 0.80]])

    /// Two seeds whose mean is `means` (± 0.01 per seed).
    func grid(_ means: [[Double]]) -> [ModelRecord] {
        [0, 42].flatMap { seed in
            [(0, 2), (1, 4)].flatMap { i, h in
                [(0, 0.01), (1, 0.03)].map { j, lr in
                    record(hidden: h, rate: lr, seed: seed,
                           f1: means[i][j] + (seed == 0 ? -0.01 : 0.01))
                }
            }
        }
    }

    func testAgreementAtTwoDecimalsAndTheBestOrder() {
        let exact = grid([[0.501, 0.598], [0.70, 0.80]])
        let off = grid([[0.52, 0.60], [0.70, 0.75]])
        XCTAssertEqual(published.agreeing(exact).agree, 4)
        XCTAssertEqual(published.agreeing(off).agree, 2)
        XCTAssertEqual(published.agreeing(off).meanAbs, (0.02 + 0.05) / 4, accuracy: 1e-12)
        let values = LRGridHypotheses.values([(.sizesThenRates, off), (.freshPerModel, exact)],
                                             published: published)
        XCTAssertEqual(values["best"] as? String, LRGridHypotheses.name(.freshPerModel))
        XCTAssertEqual(values["explained"] as? Bool, true)
        let none = LRGridHypotheses.values([(.sizesThenRates, off)], published: published)
        XCTAssertEqual(none["explained"] as? Bool, false)
        XCTAssertEqual(LRGridHypotheses.values([], published: published)["available"] as? Bool,
                       false)
    }
}
