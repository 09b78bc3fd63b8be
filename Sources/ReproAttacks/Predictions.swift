/// Which samples a model classifies correctly, from a batch of logits.
///
/// The predicted class is the first index of the largest logit, as `torch.max(dim=1)` returns it.
func correctlyClassified(logits: [Float], labels: [Int], classCount: Int) -> [Bool] {
    precondition(logits.count == labels.count * classCount, "logits must be count × classCount")
    var correct = [Bool](repeating: false, count: labels.count)
    for sample in labels.indices {
        let row = sample * classCount
        var best = 0
        for c in 1..<max(classCount, 1) where logits[row + c] > logits[row + best] {
            best = c
        }
        correct[sample] = best == labels[sample]
    }
    return correct
}

/// Scores adversarial inputs with one forward pass.
func correctlyClassified(
    model: some DifferentiableClassifier, inputs: [Float], labels: [Int]
) -> [Bool] {
    correctlyClassified(
        logits: model.logits(inputs: inputs), labels: labels, classCount: model.classCount)
}

/// Checks the shapes and the [0, 1] range that every attack assumes (protocol B §3.2).
/// A violation is a programming error in the caller, so it stops the program.
func validateBatch(model: some DifferentiableClassifier, inputs: [Float], labels: [Int]) {
    precondition(model.inputSize > 0 && model.classCount > 0, "empty model")
    precondition(inputs.count == labels.count * model.inputSize,
                 "inputs must be count × inputSize, row-major")
    precondition(labels.allSatisfy { (0..<model.classCount).contains($0) }, "label out of range")
    precondition(inputs.allSatisfy { $0 >= 0 && $0 <= 1 }, "inputs must lie in [0, 1]")
}
