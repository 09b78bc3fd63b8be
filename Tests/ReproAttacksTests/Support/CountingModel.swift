@testable import ReproAttacks

/// Wraps a model and counts its calls, to check that attacks batch their work.
final class CountingModel<Base: DifferentiableClassifier>: DifferentiableClassifier {
    let base: Base
    private(set) var gradientCalls = 0
    private(set) var forwardCalls = 0
    private(set) var largestBatch = 0
    /// Samples over all gradient calls.
    private(set) var sampleEvaluations = 0

    init(_ base: Base) { self.base = base }

    var inputSize: Int { base.inputSize }
    var classCount: Int { base.classCount }
    var scoresEachSampleAlone: Bool { base.scoresEachSampleAlone }

    func lossGradient(inputs: [Float], labels: [Int])
        -> (logits: [Float], losses: [Float], gradient: [Float]) {
        gradientCalls += 1
        largestBatch = max(largestBatch, labels.count)
        sampleEvaluations += labels.count
        return base.lossGradient(inputs: inputs, labels: labels)
    }

    func logits(inputs: [Float]) -> [Float] {
        forwardCalls += 1
        return base.logits(inputs: inputs)
    }
}
