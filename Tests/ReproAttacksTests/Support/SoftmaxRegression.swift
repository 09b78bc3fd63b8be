import ReproSupport
@testable import ReproAttacks

/// Dense softmax regression, logits = W·x + b. With two classes its cross-entropy is a monotone
/// function of one linear margin, so the L∞-optimal attack is FGSM's corner of the box.
struct SoftmaxRegression: DifferentiableClassifier, RowwiseTestModel {
    let inputSize: Int
    let classCount: Int
    let weights: [Double]   // classCount × inputSize, row-major
    let bias: [Double]

    /// Weights uniform in [−scale, scale], biases in [−scale/4, scale/4].
    static func random(inputs: Int, classes: Int, scale: Double, rng: inout SplitMix64)
        -> SoftmaxRegression {
        let w = (0..<(classes * inputs)).map { _ in rng.uniform(-scale, scale) }
        let b = (0..<classes).map { _ in rng.uniform(-scale, scale) / 4 }
        return SoftmaxRegression(inputSize: inputs, classCount: classes, weights: w, bias: b)
    }

    /// Two classes with logit difference w·(x − ½): the decision boundary passes through the
    /// centre of the cube, so labels are balanced and margins spread around 0.
    static func binary(inputs: Int, scale: Double, rng: inout SplitMix64) -> SoftmaxRegression {
        let w = (0..<inputs).map { _ in rng.uniform(-scale, scale) }
        let b = -0.5 * w.reduce(0, +)
        return SoftmaxRegression(inputSize: inputs, classCount: 2,
                                 weights: [Double](repeating: 0, count: inputs) + w, bias: [0, b])
    }

    func rowLogits(_ x: [Double]) -> [Double] {
        affine(weights, bias, x, rows: classCount)
    }

    /// ∂loss/∂x = Wᵀ·(softmax − onehot).
    func rowInputGradient(_ x: [Double], dLogits: [Double]) -> [Double] {
        transposedProduct(weights, dLogits, columns: inputSize)
    }
}

/// W·x + b for a row-major `rows × x.count` matrix.
func affine(_ w: [Double], _ b: [Double], _ x: [Double], rows: Int) -> [Double] {
    var out = b
    let cols = x.count
    for r in 0..<rows {
        var sum = out[r]
        for c in 0..<cols { sum += w[r * cols + c] * x[c] }
        out[r] = sum
    }
    return out
}

/// Wᵀ·v for a row-major `v.count × columns` matrix.
func transposedProduct(_ w: [Double], _ v: [Double], columns: Int) -> [Double] {
    var out = [Double](repeating: 0, count: columns)
    for r in v.indices where v[r] != 0 {
        for c in 0..<columns { out[c] += w[r * columns + c] * v[r] }
    }
    return out
}
