/// SciPy's 1-D Gaussian kernel (`scipy.ndimage._gaussian_kernel1d`, order 0), as
/// `gaussian_filter1d` builds it: radius = int(truncate·σ + 0.5), weights
/// exp((−0.5/σ²)·x·x) for x = −radius…radius, divided by their NumPy sum. Protocol B §2.2
/// fixes truncate = 4 everywhere MNIST-C blurs (glass blur, spatter, Canny).
struct GaussianKernel {
    let sigma: Double
    let radius: Int
    /// 2·radius + 1 weights, centre at index `radius`; they sum to 1 up to rounding.
    let weights: [Double]

    init(sigma: Double, truncate: Double = 4) {
        precondition(sigma > 0, "Gaussian sigma must be positive")
        self.sigma = sigma
        radius = Int(truncate * sigma + 0.5)
        // SciPy (2018–2019) evaluates the exponent as the polynomial −0.5/σ²·x² by Horner's
        // rule, i.e. ((−0.5/σ²)·x)·x.
        let coefficient = -0.5 / (sigma * sigma)
        let raw = (-radius...radius).map { offset -> Double in
            let x = Double(offset)
            return LibM.exp(coefficient * x * x)
        }
        let total = numpyPairwiseSum(raw[...])
        weights = raw.map { $0 / total }
    }
}
