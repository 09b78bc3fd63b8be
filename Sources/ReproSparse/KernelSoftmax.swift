import Foundation

/// Softmax cross-entropy on the output level, per sample column: the loss, the predicted class
/// (first maximum), and the gradient (softmax − one-hot) · scale with respect to the logits.
/// Training passes scale = 1 / batch (the mean over the batch, as PyTorch's default reduction);
/// per-sample input gradients pass 1. Columns past the real samples get a zero gradient.
enum SoftmaxKernel {
    static func run(
        logits: UnsafePointer<Float>, classes: Int, ld: Int, columns: Range<Int>,
        real: Int, label: UnsafePointer<Int32>?, scale: Float,
        delta: UnsafeMutablePointer<Float>?, loss: UnsafeMutablePointer<Float>,
        predicted: UnsafeMutablePointer<Int32>
    ) {
        for c in columns {
            guard c < real else {
                if let delta { for k in 0..<classes { delta[k &* ld &+ c] = 0 } }
                continue
            }
            var best = logits[c]
            var arg = 0
            for k in 1..<max(1, classes) where logits[k &* ld &+ c] > best {
                best = logits[k &* ld &+ c]
                arg = k
            }
            predicted[c] = Int32(arg)
            var sum: Float = 0
            for k in 0..<classes { sum += expf(logits[k &* ld &+ c] - best) }
            guard let label else { continue }
            let y = Int(label[c])
            loss[c] = logf(sum) + best - logits[y &* ld &+ c]
            guard let delta else { continue }
            for k in 0..<classes {
                let p = expf(logits[k &* ld &+ c] - best) / sum
                delta[k &* ld &+ c] = (k == y ? p - 1 : p) * scale
            }
        }
    }
}
