/// What is measured on a trained network (issue 11's `evaluation` column).
public enum RobustnessEvaluation: String, Codable, CaseIterable, Sendable {
    /// Accuracy on the whole clean test set.
    case clean
    /// Test accuracy under multiplicative weight noise; setting σ.
    case weightNoise = "weight-noise"
    /// δL = L(w + z) − L(w) on the test set; setting σ.
    case weightNoiseDL = "weight-noise-dL"
    /// Accuracy on MNIST-C; setting the corruption's name, `mean` (over the 15) or `identity`.
    case mnistC = "mnist-c"
    /// Accuracy on CIFAR-10-C / CIFAR-100-C; setting `<corruption>@<severity>`,
    /// `mean@<severity>` (over the 15) or `identity`.
    case cifarC = "cifar-c"
    case fgsm, ffgsm, bim, pgd, apgd
    /// The smallest per-class recall on the clean test set.
    case minRecall = "min-recall"
}
