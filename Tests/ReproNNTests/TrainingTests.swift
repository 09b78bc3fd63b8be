import XCTest
import ReproSupport
@testable import ReproNN

final class TrainingTests: XCTestCase {
    /// 40 examples of 12 inputs; the label depends on the first two inputs.
    func toyData(count: Int = 40, inputs: Int = 12) -> TrainingSet {
        var rng = RandomStream(seed: 5, "toy")
        let x = (0..<(count * inputs)).map { _ in rng.nextUniform() }
        let y = (0..<count).map { UInt8(x[$0 * inputs] + x[$0 * inputs + 1] > 1 ? 1 : 0) }
        return TrainingSet(features: x, labels: y, inputs: inputs)
    }

    func model(_ hidden: Int, seed: Int = 1, inputs: Int = 12) -> MLPParameters {
        var rng = RandomStream(seed: seed, "toy-init", "h=\(hidden)")
        return MLPParameters.initial(inputs: inputs, hidden: hidden, scale: 0.5, rng: &rng)
    }

    /// Mean BCE of one network, computed directly (no BLAS), for finite differences.
    func loss(_ p: MLPParameters, _ data: TrainingSet) -> Double {
        var total = 0.0
        for i in 0..<data.count {
            var z2 = p.b2
            for j in 0..<p.hidden {
                var z = p.b1[j]
                for k in 0..<p.inputs {
                    z += data.features[i * p.inputs + k] * p.w1[k * p.hidden + j]
                }
                z2 += max(z, 0) * p.w2[j]
            }
            let q = 1 / (1 + exp(-z2))
            total -= data.labels[i] == 1 ? log(q) : log(1 - q)
        }
        return total / Double(data.count)
    }

    func testOneStepFollowsTheFiniteDifferenceGradient() {
        let data = toyData()
        let start = model(5)
        let lr = 0.5
        let after = Training.train([ModelSlot(initial: start, learningRate: lr)], on: data,
                                   epochs: 1, precision: .float64)[0].parameters
        let h = 1e-6
        func check(_ path: WritableKeyPath<MLPParameters, [Double]>, _ index: Int) {
            var plus = start, minus = start
            plus[keyPath: path][index] += h
            minus[keyPath: path][index] -= h
            let numeric = (loss(plus, data) - loss(minus, data)) / (2 * h)
            let applied = (start[keyPath: path][index] - after[keyPath: path][index]) / lr
            XCTAssertEqual(applied, numeric, accuracy: 1e-7, "\(path) [\(index)]")
        }
        for index in [0, 7, 13, 59] { check(\.w1, index) }
        for index in 0..<5 { check(\.b1, index); check(\.w2, index) }
        var plus = start, minus = start
        plus.b2 += h; minus.b2 -= h
        XCTAssertEqual((start.b2 - after.b2) / lr, (loss(plus, data) - loss(minus, data)) / (2 * h),
                       accuracy: 1e-7)
    }

    func testHistoryLossIsTheLossBeforeEachUpdate() {
        let data = toyData()
        let start = model(4)
        let trained = Training.train([ModelSlot(initial: start, learningRate: 0.3)], on: data,
                                     epochs: 3, precision: .float64)[0]
        XCTAssertEqual(trained.history.epochs, 3)
        XCTAssertEqual(trained.history.loss[0], loss(start, data), accuracy: 1e-12)
        XCTAssertLessThan(trained.history.loss[2], trained.history.loss[0])
    }

    func testBatchedEqualsOneAtATime() {
        let data = toyData()
        let slots = [3, 5, 8].flatMap { h in
            [0.1, 0.7].map { ModelSlot(initial: model(h), learningRate: $0) }
        }
        for (precision, tolerance) in [(Precision.float64, 1e-12), (.float32, 2e-5)] {
            let batched = Training.train(slots, on: data, epochs: 15, precision: precision)
            for (k, slot) in slots.enumerated() {
                let alone = Training.train([slot], on: data, epochs: 15, precision: precision)[0]
                XCTAssertLessThan(batched[k].parameters.maxAbsDifference(to: alone.parameters),
                                  tolerance, "\(precision) slot \(k)")
                for (a, b) in zip(batched[k].history.loss, alone.history.loss) {
                    XCTAssertEqual(a, b, accuracy: tolerance)
                }
                XCTAssertEqual(batched[k].history.f1, alone.history.f1)
            }
        }
    }

    func testSameInputsSameNumbers() {
        let data = toyData()
        let slots = [ModelSlot(initial: model(6), learningRate: 0.2)]
        let a = Training.train(slots, on: data, epochs: 10)[0],
            b = Training.train(slots, on: data, epochs: 10)[0]
        XCTAssertEqual(a.parameters, b.parameters)
        XCTAssertEqual(a.history, b.history)
    }

    func testFloat32TracksFloat64() {
        let data = toyData()
        let slots = [ModelSlot(initial: model(6), learningRate: 0.2)]
        let single = Training.train(slots, on: data, epochs: 20, precision: .float32)[0]
        let double = Training.train(slots, on: data, epochs: 20, precision: .float64)[0]
        XCTAssertLessThan(single.parameters.maxAbsDifference(to: double.parameters), 1e-4)
    }

    func testTrainingLearnsTheToyTask() {
        let data = toyData(count: 200)
        let trained = Training.train([ModelSlot(initial: model(8), learningRate: 1.0)], on: data,
                                     epochs: 300, precision: .float64)[0]
        XCTAssertGreaterThan(trained.history.accuracy.last!, 0.85)
        let evaluated = Training.evaluate([trained.parameters], on: data, precision: .float64)[0]
        XCTAssertGreaterThan(evaluated.auc, 0.9)
    }

    func testInitialisationScaleAndZeroBiases() {
        var rng = RandomStream(seed: 0, "init-check")
        let p = MLPParameters.initial(inputs: 784, hidden: 64, rng: &rng)
        let std = (p.w1.map { $0 * $0 }.reduce(0, +) / Double(p.w1.count)).squareRoot()
        XCTAssertEqual(std, 0.1, accuracy: 0.002)
        XCTAssertEqual(p.b1, [Double](repeating: 0, count: 64))
        XCTAssertEqual(p.b2, 0)
    }
}
