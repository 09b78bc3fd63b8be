import ReproSupport
@testable import ReproAttacks

/// Two-layer ReLU network, logits = W₂·relu(W₁·x + b₁) + b₂ (row-major weights).
struct TinyReLUMLP: DifferentiableClassifier, RowwiseTestModel {
    let inputSize: Int
    let hiddenSize: Int
    let classCount: Int
    let w1: [Double]   // hidden × inputSize
    let b1: [Double]
    let w2: [Double]   // classCount × hidden
    let b2: [Double]
    /// Row by row in Double: a sample's results never depend on its batch.
    var scoresEachSampleAlone: Bool { true }

    static func random(inputs: Int, hidden: Int, classes: Int, rng: inout SplitMix64)
        -> TinyReLUMLP {
        let w1 = (0..<(hidden * inputs)).map { _ in rng.uniform(-3, 3) }
        let b1 = (0..<hidden).map { _ in rng.uniform(-1.5, 1.5) }
        let w2 = (0..<(classes * hidden)).map { _ in rng.uniform(-2, 2) }
        let b2 = (0..<classes).map { _ in rng.uniform(-0.5, 0.5) }
        return TinyReLUMLP(inputSize: inputs, hiddenSize: hidden, classCount: classes,
                           w1: w1, b1: b1, w2: w2, b2: b2)
    }

    /// A hand-set net on 2-D inputs (x₂ ignored) with class-0 logit 0 and a piecewise-linear
    /// class-1 logit h(x₁) = intercept + baseSlope·x₁ + Σ Δslopeᵢ·relu(x₁ − kinkᵢ): one ReLU per
    /// kink, plus relu(x₁) = x₁ for the base slope. The class-0 cross-entropy softplus(h) rises
    /// with h, so the attacks climb h; the sample is fooled where h > 0.
    static func piecewiseLinear(
        intercept: Double, baseSlope: Double, kinks: [(at: Double, slopeChange: Double)]
    ) -> TinyReLUMLP {
        let hidden = kinks.count + 1
        return TinyReLUMLP(
            inputSize: 2, hiddenSize: hidden, classCount: 2,
            w1: (0..<hidden).flatMap { _ in [1.0, 0] }, b1: kinks.map { -$0.at } + [0],
            w2: [Double](repeating: 0, count: hidden) + kinks.map(\.slopeChange) + [baseSlope],
            b2: [0, intercept])
    }

    /// h = −0.36 + 0.5x₁ with kinks +4 at 0.3, −8 at 0.4 and +`tail` at 0.5: slopes 0.5, 4.5,
    /// −3.5, `tail` − 3.5; a peak of 0.24 at 0.4, class 1 only on (0.347, 0.469). From
    /// x₁ ∈ [0.28, 0.33] at ε = 0.2, FGSM's full step lands at x₁ ≥ 0.48, beyond the class-1
    /// region, while small steps climb into it. `tail` = 3 makes h fall on beyond 0.5 (a single
    /// peak in the box); `tail` = 4 makes it rise again, so the upper face of the box becomes a
    /// second, lower local maximum that a step of 2ε can jump to and never leave.
    static func peak(tail: Double) -> TinyReLUMLP {
        piecewiseLinear(intercept: -0.36, baseSlope: 0.5,
                        kinks: [(0.3, 4), (0.4, -8), (0.5, tail)])
    }

    /// h = −1 + 2x₁ with kinks −4 at 0.35 and +12 at 0.4: a local maximum h = −0.3 at 0.35 (still
    /// class 0), a dip to −0.4 at 0.4, then slope 10 and class 1 beyond 0.44. From
    /// x₁ ∈ [0.28, 0.33] at ε = 0.2 the upper face (x₁ ≥ 0.48) is class 1: FGSM and APGD's 2ε
    /// steps jump the ledge and reach it, PGD's ε/16 steps stop on the ledge unless the random
    /// start already lies beyond 0.4.
    static let ledge = piecewiseLinear(intercept: -1, baseSlope: 2,
                                       kinks: [(0.35, -4), (0.4, 12)])

    private func hiddenPreActivations(_ x: [Double]) -> [Double] {
        affine(w1, b1, x, rows: hiddenSize)
    }

    func rowLogits(_ x: [Double]) -> [Double] {
        affine(w2, b2, hiddenPreActivations(x).map { max($0, 0) }, rows: classCount)
    }

    /// Backpropagation: δh = W₂ᵀ·δz masked by relu′, ∂loss/∂x = W₁ᵀ·δh.
    func rowInputGradient(_ x: [Double], dLogits: [Double]) -> [Double] {
        let pre = hiddenPreActivations(x)
        var dHidden = transposedProduct(w2, dLogits, columns: hiddenSize)
        for i in dHidden.indices where pre[i] <= 0 { dHidden[i] = 0 }
        return transposedProduct(w1, dHidden, columns: inputSize)
    }
}
