import Foundation
@testable import ReproAttacks

/// Softmax cross-entropy of one row of logits, and ∂loss/∂logits = softmax − onehot.
/// Computed in double precision, through log-sum-exp, so that finite differences are accurate.
func softmaxCrossEntropy(logits z: [Double], label: Int) -> (loss: Double, dLogits: [Double]) {
    let top = z.max() ?? 0
    let exps = z.map { exp($0 - top) }
    let total = exps.reduce(0, +)
    let loss = log(total) + top - z[label]
    var d = exps.map { $0 / total }
    d[label] -= 1
    return (loss, d)
}

/// Shared batching for the test models: per-row double-precision forward/backward, Float I/O.
protocol RowwiseTestModel: DifferentiableClassifier {
    /// Logits of one input row.
    func rowLogits(_ x: [Double]) -> [Double]
    /// ∂loss/∂x for one row, given ∂loss/∂logits.
    func rowInputGradient(_ x: [Double], dLogits: [Double]) -> [Double]
}

extension RowwiseTestModel {
    /// Cross-entropy of one row in double precision (for finite differences).
    func rowLoss(_ x: [Double], label: Int) -> Double {
        softmaxCrossEntropy(logits: rowLogits(x), label: label).loss
    }

    func lossGradient(inputs: [Float], labels: [Int])
        -> (logits: [Float], losses: [Float], gradient: [Float]) {
        var logits: [Float] = [], losses: [Float] = [], gradient: [Float] = []
        for (row, label) in labels.enumerated() {
            let x = inputs[(row * inputSize)..<((row + 1) * inputSize)].map(Double.init)
            let z = rowLogits(x)
            let (loss, dz) = softmaxCrossEntropy(logits: z, label: label)
            logits += z.map(Float.init)
            losses.append(Float(loss))
            gradient += rowInputGradient(x, dLogits: dz).map(Float.init)
        }
        return (logits, losses, gradient)
    }
}
