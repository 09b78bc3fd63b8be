import Foundation

/// Softmax cross-entropy per example, and its gradient with respect to the logits.
enum SoftmaxCrossEntropy {
    /// Losses (one per example) and, if `gradients` is given, ∂loss/∂logits scaled by `scale`
    /// (1/batch for a mean loss).
    static func run(logits: UnsafePointer<Float>, labels: [Int], classes: Int,
                    losses: UnsafeMutablePointer<Float>, gradients: UnsafeMutablePointer<Float>?,
                    scale: Float) {
        for (n, label) in labels.enumerated() {
            let z = logits + n * classes
            var top = z[0]
            for k in 1..<classes { top = max(top, z[k]) }
            var total: Double = 0
            for k in 0..<classes { total += Double(expf(z[k] - top)) }
            let logTotal = Float(log(total))
            losses[n] = logTotal + top - z[label]
            if let gradients {
                let g = gradients + n * classes
                for k in 0..<classes {
                    let p = expf(z[k] - top - logTotal)
                    g[k] = (p - (k == label ? 1 : 0)) * scale
                }
            }
        }
    }
}
