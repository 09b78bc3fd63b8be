/// The loop FGSM, FFGSM, BIM and PGD share: from the clean inputs (or a uniform start in the
/// ε-box), take `steps` steps of α along the sign of the input gradient, projecting into the
/// ε-box ∩ [0, 1] after each. FGSM is one step of ε; FFGSM one step of α from a random start;
/// BIM several from the clean point; PGD several from an optional random start.
func signedGradientAscent(
    model: some DifferentiableClassifier, inputs: [Float], labels: [Int], epsilon: Double,
    alpha: Double, steps: Int, randomStart: Bool, rng: inout some RandomNumberGenerator
) -> [Float] {
    validateBatch(model: model, inputs: inputs, labels: labels)
    let eps = Float(epsilon)
    let box = LInfBox(center: inputs, epsilon: eps)
    var x = randomStart ? uniformStart(around: inputs, epsilon: eps, rng: &rng) : inputs
    for _ in 0..<steps {
        let gradient = model.lossGradient(inputs: x, labels: labels).gradient
        signedGradientStep(&x, gradient: gradient, alpha: Float(alpha), box: box)
    }
    return x
}
