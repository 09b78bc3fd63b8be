import XCTest
import ReproSupport
import ReproData
import ReproNN
@testable import ReproExperiments
@testable import ReproPaper1

final class PlanAndTableTests: XCTestCase {
    func testPaperPlansHaveThePublishedSizes() {
        XCTAssertEqual(Paper1Plan.lrGrid().specs().count, 6 * 11 * 3)
        XCTAssertEqual(Paper1Plan.capacity().specs().count, 5 * 11 * 3)
        XCTAssertEqual(Set(Paper1Plan.capacity().specs().map(\.learningRate)), [0.03])
    }

    func testSpecKeyIsStableAndSensitiveToEveryField() {
        let base = ModelSpec(pair: DigitPair(4, 9), seed: 0, hidden: 24, learningRate: 0.03, epochs: 100)
        XCTAssertEqual(base.key, ModelSpec(pair: DigitPair(9, 4), seed: 0, hidden: 24, learningRate: 0.03, epochs: 100).key)
        var variants = [base, base, base, base, base, base]
        variants[0].seed = 42; variants[1].layers[1] = 12; variants[2].optimizer.learningRate = 0.01
        variants[3].optimizer.epochs = 99; variants[4].precision = .float64; variants[5].data = "other"
        XCTAssertEqual(Set(variants.map(\.key) + [base.key]).count, 7)
    }

    func testInitialWeightsDependOnSizeNotLearningRate() {
        let a = ModelSpec(pair: DigitPair(4, 9), seed: 0, hidden: 8, learningRate: 0.03, epochs: 100)
        var b = a; b.optimizer.learningRate = 1e-4
        var c = a; c.seed = 42
        XCTAssertEqual(a.initialParameters(inputs: 784), b.initialParameters(inputs: 784))
        XCTAssertNotEqual(a.initialParameters(inputs: 784), c.initialParameters(inputs: 784))
    }

    func testValidationNamesTheOption() {
        var plan = Paper1Plan.capacity()
        plan.epochs = 0
        XCTAssertThrowsError(try plan.validate()) { XCTAssertTrue("\($0)".contains("--epochs")) }
        plan = .capacity(); plan.hiddenSizes = []
        XCTAssertThrowsError(try plan.validate()) { XCTAssertTrue("\($0)".contains("--sizes")) }
    }

    func record(pair: DigitPair = DigitPair(4, 9), seed: Int, f1: Double) -> ModelRecord {
        var history = TrainingHistory()
        history.append(BinaryMetrics(loss: 0.5, accuracy: 0.8, precision: 0.8, recall: 0.8, f1: f1 - 0.1, auc: 0.9))
        history.append(BinaryMetrics(loss: 0.25, accuracy: 0.9, precision: 0.9, recall: 0.9, f1: f1, auc: 0.95))
        let spec = ModelSpec(pair: pair, seed: seed, hidden: 24, learningRate: 0.03, epochs: 2)
        return ModelRecord(key: spec.key, spec: spec, history: history,
                           evaluation: BinaryMetrics(loss: 0.3, accuracy: 0.9, precision: 0.9, recall: 0.9,
                                                     f1: 0.875, auc: 0.96).named,
                           trainCount: 10, evaluationCount: 3, batchSize: 1, batchSeconds: 0.1)
    }

    func testCSVHasTheDocumentedColumnsAndOneRowPerModel() {
        let table = Paper1ResultTable(records: [record(seed: 0, f1: 0.9), record(seed: 42, f1: 0.8)], showLearningRate: false)
        let lines = table.csv().split(separator: "\n")
        XCTAssertEqual(lines[0], "pair,hidden,seed,best_train_f1,final_train_loss,heldout_f1,heldout_auc")
        XCTAssertEqual(lines[1], "4/9,24,0,0.9000,0.2500,0.8750,0.9600")
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(Paper1ResultTable(records: [record(seed: 0, f1: 0.9)], showLearningRate: true).csv().split(separator: "\n")[1],
                       "4/9,24,0,3e-2,0.9000,0.2500,0.8750,0.9600")
    }

    func testSummaryIsMeanAndPopulationStd() {
        let table = Paper1ResultTable(records: [record(seed: 0, f1: 0.9), record(seed: 42, f1: 0.8)], showLearningRate: false)
        XCTAssertTrue(table.summary(title: "t", metric: \.bestTrainF1).contains("0.850 ± 0.050"))
        XCTAssertEqual(Summary([1, 2, 3, 4]).std, (1.25).squareRoot(), accuracy: 1e-12)
    }
}
