/// skimage v0.15 `feature.canny` on a float image in [0, 1] with no mask (protocol B §2.2
/// canny_edges): Gaussian smoothing normalised by the blurred all-ones image, Sobel gradients,
/// non-maximum suppression in four sectors with bilinear interpolation between neighbours, and
/// hysteresis between two thresholds. Defaults are MNIST-C's: σ 1, low 0.1, high 0.2.
struct CannyEdgeDetector {
    var sigma = 1.0
    var lowThreshold = 0.1
    var highThreshold = 0.2

    /// The edge map, one Bool per pixel.
    func edges(_ image: Plane) -> [Bool] {
        let gradient = gradients(smoothed(image))
        let maxima = localMaxima(gradient)
        let low = zip(maxima, gradient.magnitude.values).map { $0 && $1 >= lowThreshold }
        let high = zip(maxima, gradient.magnitude.values).map { $0 && $1 >= highThreshold }
        return hysteresis(low: low, high: high, rows: image.rows, cols: image.cols)
    }

    /// Step 1: Gaussian with zero padding divided by the same Gaussian of an all-ones image
    /// (`smooth_with_function_and_mask`, which adds float64 epsilon to the divisor).
    func smoothed(_ image: Plane) -> Plane {
        let ones = Plane(rows: image.rows, cols: image.cols, repeating: 1)
        let bleed = skimageGaussian(ones, sigma: sigma, mode: .constant(0))
        var result = skimageGaussian(image, sigma: sigma, mode: .constant(0))
        for index in result.values.indices {
            result.values[index] /= bleed.values[index] + Double.ulpOfOne
        }
        return result
    }

    /// Step 2: isobel (axis 0), jsobel (axis 1) and their `hypot`.
    func gradients(_ smoothed: Plane) -> CannyGradients {
        let isobel = sobel(smoothed, axis: 0)
        let jsobel = sobel(smoothed, axis: 1)
        var magnitude = isobel
        for index in magnitude.values.indices {
            magnitude.values[index] = LibM.hypot(isobel.values[index], jsobel.values[index])
        }
        return CannyGradients(isobel: isobel, jsobel: jsobel, magnitude: magnitude)
    }

    /// Steps 3–4: candidates are interior pixels (the all-ones mask eroded by a 3×3 square with
    /// border 0 drops the 1-pixel frame) with magnitude > 0. skimage assigns the four sectors
    /// one after another, so a pixel on a sector boundary (|i| = |j|, or i or j = 0) takes the
    /// verdict of the last sector that contains it; the port evaluates them in the same order.
    func localMaxima(_ gradient: CannyGradients) -> [Bool] {
        let rows = gradient.magnitude.rows, cols = gradient.magnitude.cols
        let m = gradient.magnitude
        var maxima = [Bool](repeating: false, count: rows * cols)
        guard rows > 2, cols > 2 else { return maxima }
        for r in 1..<(rows - 1) {
            for c in 1..<(cols - 1) {
                let value = m[r, c]
                guard value > 0 else { continue }
                let i = gradient.isobel[r, c], j = gradient.jsobel[r, c]
                let ai = abs(i), aj = abs(j)
                let sameSigns = (i >= 0 && j >= 0) || (i <= 0 && j <= 0)
                let oppositeSigns = (i <= 0 && j >= 0) || (i >= 0 && j <= 0)
                // (c1, c2) on the plus side, then on the minus side, weight w on c2.
                func isPeak(_ w: Double, _ plus: (Double, Double), _ minus: (Double, Double))
                    -> Bool {
                    plus.1 * w + plus.0 * (1 - w) <= value
                        && minus.1 * w + minus.0 * (1 - w) <= value
                }
                var verdict = false
                if sameSigns && ai >= aj {        // 0–45°
                    verdict = isPeak(aj / ai, (m[r + 1, c], m[r + 1, c + 1]),
                                     (m[r - 1, c], m[r - 1, c - 1]))
                }
                if sameSigns && ai <= aj {        // 45–90°
                    verdict = isPeak(ai / aj, (m[r, c + 1], m[r + 1, c + 1]),
                                     (m[r, c - 1], m[r - 1, c - 1]))
                }
                if oppositeSigns && ai <= aj {    // 90–135°
                    verdict = isPeak(ai / aj, (m[r, c + 1], m[r - 1, c + 1]),
                                     (m[r, c - 1], m[r + 1, c - 1]))
                }
                if oppositeSigns && ai >= aj {    // 135–180°
                    verdict = isPeak(aj / ai, (m[r - 1, c], m[r - 1, c + 1]),
                                     (m[r + 1, c], m[r + 1, c - 1]))
                }
                maxima[r * cols + c] = verdict
            }
        }
        return maxima
    }
}

/// The Sobel responses and gradient magnitude of a smoothed image.
struct CannyGradients {
    let isobel: Plane
    let jsobel: Plane
    let magnitude: Plane
}
