/// ImageMagick 6's motion-blur kernel (`GetMotionBlurKernel`, `MotionBlurImageChannel` in
/// magick/effect.c; `GetOptimalKernelWidth1D` in magick/gem.c), protocol B §2.2 motion_blur.
///
/// The kernel is one-sided: tap i = 0…width−1 has weight ∝ exp(−i²/(2σ²)), normalised to sum
/// 1, and samples the pixel i·(cos θ, sin θ) away (rounded half up), so the peak is the pixel
/// itself and the streak trails in one direction only.
struct MotionBlurKernel {
    /// Tap weights, summing to 1; `weights[0]` is the largest.
    let weights: [Double]
    /// (column, row) offset of each tap; offset 0 is (0, 0).
    let offsets: [(dx: Int, dy: Int)]

    /// `radius` > 0 gives width 2·ceil(radius) + 1 (21 for radius 10); `angle` in degrees.
    init(radius: Double, sigma: Double, angle: Double) {
        precondition(radius > 0, "ImageMagick derives the width from sigma when radius is 0")
        let width = Int(2 * radius.rounded(.up) + 1)
        // MagickSigma guards against σ = 0; MagickSQ2PI is √(2π). The constant factor cancels
        // in the normalisation but is kept for the same rounding.
        let magickSigma = abs(sigma) < 1e-12 ? 1e-12 : sigma
        let sqrt2Pi = 2.50662827463100024161235523934010416269302368164062
        var raw = [Double]()
        var total = 0.0
        for i in 0..<width {
            let weight = LibM.exp(-Double(i * i) / (2 * magickSigma * magickSigma))
                / (sqrt2Pi * magickSigma)
            raw.append(weight)
            total += weight
        }
        weights = raw.map { $0 / total }
        // DegreesToRadians is MagickPI·degrees/180; point = width·(sin, cos).
        let radians = Double.pi * angle / 180
        let pointX = Double(width) * LibM.sin(radians)
        let pointY = Double(width) * LibM.cos(radians)
        let length = LibM.hypot(pointX, pointY)
        offsets = (0..<width).map { i in
            (dx: Int((Double(i) * pointY / length - 0.5).rounded(.up)),
             dy: Int((Double(i) * pointX / length - 0.5).rounded(.up)))
        }
    }
}
