import Foundation

/// Pixel-importance maps of one network for one input image.
public enum Saliency {
    /// |p(x + ε·e_i) − p(x)| for every pixel i (the published method), in Float64. Pixels are not
    /// clipped after adding ε, as in the code. Moving pixel i by ε moves the hidden pre-activations
    /// by ε·W1[i, ·], so each perturbed forward pass costs h operations, not 784·h: the same
    /// quantity as 784 separate passes, up to rounding, about 800 times faster.
    public static func finiteDifference(_ model: MLPParameters, image: [Double],
                                        epsilon: Double) -> [Double] {
        let h = model.hidden
        let z = preActivations(model, image: image)
        func probability(_ pixel: Int?) -> Double {
            var logit = model.b2
            for j in 0..<h {
                let shifted = pixel.map { z[j] + epsilon * model.w1[$0 * h + j] } ?? z[j]
                logit += max(shifted, 0) * model.w2[j]
            }
            return 1 / (1 + exp(-logit))
        }
        let base = probability(nil)
        return (0..<model.inputs).map { abs(probability($0) - base) }
    }

    /// |∂p/∂x_i| = p(1 − p) · |Σ_j W1[i, j] · w2[j] · 1[z_j > 0]|, the analytic limit of the above.
    public static func inputGradient(_ model: MLPParameters, image: [Double]) -> [Double] {
        let h = model.hidden
        let z = preActivations(model, image: image)
        let logit = zip(z, model.w2).reduce(model.b2) { $0 + max($1.0, 0) * $1.1 }
        let p = 1 / (1 + exp(-logit))
        let gate = (0..<h).map { z[$0] > 0 ? model.w2[$0] : 0 }
        return (0..<model.inputs).map { i in
            abs(p * (1 - p) * (0..<h).reduce(0) { $0 + model.w1[i * h + $1] * gate[$1] })
        }
    }

    /// z = b1 + x·W1, the hidden units' inputs.
    static func preActivations(_ model: MLPParameters, image: [Double]) -> [Double] {
        precondition(image.count == model.inputs, "saliency: \(image.count) pixels for \(model.inputs) inputs")
        let h = model.hidden
        var z = model.b1
        for i in 0..<model.inputs where image[i] != 0 {
            for j in 0..<h { z[j] += image[i] * model.w1[i * h + j] }
        }
        return z
    }

    /// Min–max normalised to [0, 1] (all zeros when the map is flat).
    public static func normalized(_ map: [Double]) -> [Double] {
        guard let low = map.min(), let high = map.max(), high > low else {
            return map.map { _ in 0 }
        }
        return map.map { ($0 - low) / (high - low) }
    }

    /// Pearson correlation of two maps (0 when either is flat).
    public static func correlation(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count && !a.isEmpty)
        let ma = a.reduce(0, +) / Double(a.count), mb = b.reduce(0, +) / Double(b.count)
        var sab = 0.0, saa = 0.0, sbb = 0.0
        for i in a.indices {
            sab += (a[i] - ma) * (b[i] - mb)
            saa += (a[i] - ma) * (a[i] - ma)
            sbb += (b[i] - mb) * (b[i] - mb)
        }
        return saa > 0 && sbb > 0 ? sab / (saa * sbb).squareRoot() : 0
    }
}
