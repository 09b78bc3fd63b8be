import ReproKernelDispatch
import ReproKernels
import Foundation

/// Batch normalisation of NCHW maps, per channel, as PyTorch's `BatchNorm2d`: in training the
/// batch mean and biased variance normalise, the running statistics move by momentum 0.1 with
/// the unbiased variance; in inference the running statistics normalise. ε = 1e-5.
enum BatchNormKernel {
    static let epsilon: Float = 1e-5
    static let momentum: Float = 0.1

    struct Shape { var batch: Int, channels: Int, positions: Int }

    /// Training forward: y = γ·(x − μ)/σ + β with batch statistics; saves μ and 1/σ per channel
    /// and updates the running statistics.
    static func forwardTraining(_ s: Shape, x: UnsafePointer<Float>, gamma: UnsafePointer<Float>,
                                beta: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>,
                                mean: UnsafeMutablePointer<Float>, invStd: UnsafeMutablePointer<Float>,
                                runningMean: UnsafeMutablePointer<Float>,
                                runningVar: UnsafeMutablePointer<Float>, relu: Bool, threads: Int) {
        let m = s.batch * s.positions
        Parallel.forEach(s.channels, parts: threads) { _, channels in
            for c in channels {
                var total = 0.0
                for n in 0..<s.batch {
                    total += Double(Kernels.active.sum(s.positions, x + (n * s.channels + c) * s.positions))
                }
                let mu = Float(total / Double(m))
                var squares = 0.0
                for n in 0..<s.batch {
                    let row = x + (n * s.channels + c) * s.positions
                    var acc = SIMD8<Float>(repeating: 0)
                    let muv = SIMD8<Float>(repeating: mu)
                    var j = 0
                    while j + 8 <= s.positions {
                        let d = loadLane(row + j) - muv
                        acc += d * d
                        j += 8
                    }
                    var part = acc.sum()
                    while j < s.positions { let d = row[j] - mu; part += d * d; j += 1 }
                    squares += Double(part)
                }
                let variance = squares / Double(m)
                let inv = Float(1 / (variance + Double(epsilon)).squareRoot())
                mean[c] = mu; invStd[c] = inv
                runningMean[c] = (1 - momentum) * runningMean[c] + momentum * mu
                let unbiased = m > 1 ? variance * Double(m) / Double(m - 1) : variance
                runningVar[c] = (1 - momentum) * runningVar[c] + momentum * Float(unbiased)
                affine(s, c: c, x: x, scale: gamma[c] * inv, shift: beta[c] - gamma[c] * inv * mu, relu: relu, y: y)
            }
        }
    }

    /// Inference forward with the running statistics.
    static func forwardInference(_ s: Shape, x: UnsafePointer<Float>, gamma: UnsafePointer<Float>,
                                 beta: UnsafePointer<Float>, runningMean: UnsafePointer<Float>,
                                 runningVar: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>,
                                 relu: Bool, threads: Int) {
        Parallel.forEach(s.channels, parts: threads) { _, channels in
            for c in channels {
                let (scale, shift) = inferenceAffine(c, gamma: gamma, beta: beta, runningMean: runningMean,
                                                     runningVar: runningVar)
                affine(s, c: c, x: x, scale: scale, shift: shift, relu: relu, y: y)
            }
        }
    }

    /// Channel c's inference-mode y = scale·x + shift.
    static func inferenceAffine(_ c: Int, gamma: UnsafePointer<Float>, beta: UnsafePointer<Float>,
                                runningMean: UnsafePointer<Float>, runningVar: UnsafePointer<Float>) -> (Float, Float) {
        let inv = 1 / (runningVar[c] + epsilon).squareRoot()
        return (gamma[c] * inv, beta[c] - gamma[c] * inv * runningMean[c])
    }

    /// Training backward: dx (overwritten), dγ and dβ (overwritten). `reluOutput`: the batch norm
    /// fed a ReLU whose output that is and whose gradient dy is (dy counts where it is positive).
    static func backwardTraining(_ s: Shape, x: UnsafePointer<Float>, dy: UnsafePointer<Float>,
                                 reluOutput: UnsafePointer<Float>?,
                                 gamma: UnsafePointer<Float>, mean: UnsafePointer<Float>,
                                 invStd: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>,
                                 dGamma: UnsafeMutablePointer<Float>, dBeta: UnsafeMutablePointer<Float>,
                                 threads: Int) {
        let m = Float(s.batch * s.positions)
        Parallel.forEach(s.channels, parts: threads) { _, channels in
            let plane = GradientPlane(s, dy: dy, reluOutput: reluOutput)
            for c in channels {
                let mu = mean[c], inv = invStd[c]
                var sumDy = 0.0, sumDyX = 0.0
                for n in 0..<s.batch {
                    let off = (n * s.channels + c) * s.positions
                    let g = plane.at(off)
                    sumDy += Double(Kernels.active.sum(s.positions, g))
                    sumDyX += Double(Kernels.active.dot(s.positions, g, x + off))
                }
                // Σ dy·x̂ = (Σ dy·x − μ Σ dy)/σ
                let dg = Float((sumDyX - Double(mu) * sumDy) * Double(inv))
                let db = Float(sumDy)
                dGamma[c] = dg; dBeta[c] = db
                // dx = γ/σ · (dy − dβ/m − x̂ · dγ/m)
                let k = gamma[c] * inv
                let a = k, b = -k * db / m, xs = -k * dg / m * inv
                // dx = a·dy + b + xs·(x − μ)
                for n in 0..<s.batch {
                    let off = (n * s.channels + c) * s.positions
                    let g = plane.at(off)
                    Kernels.active.normGradient(s.positions, a, g, b, xs, x + off, mu, dx + off)
                }
            }
        }
    }

    /// Inference backward (running statistics are constants): dx = dy·γ/σ.
    static func backwardInference(_ s: Shape, dy: UnsafePointer<Float>, reluOutput: UnsafePointer<Float>?,
                                  gamma: UnsafePointer<Float>, runningVar: UnsafePointer<Float>,
                                  dx: UnsafeMutablePointer<Float>, threads: Int) {
        Parallel.forEach(s.channels, parts: threads) { _, channels in
            let plane = GradientPlane(s, dy: dy, reluOutput: reluOutput)
            for c in channels {
                let k = gamma[c] / (runningVar[c] + epsilon).squareRoot()
                for n in 0..<s.batch {
                    let off = (n * s.channels + c) * s.positions
                    let g = plane.at(off)
                    for j in 0..<s.positions { dx[off + j] = k * g[j] }
                }
            }
        }
    }

    /// y = scale·x + shift on channel c, through a ReLU if `relu`.
    private static func affine(_ s: Shape, c: Int, x: UnsafePointer<Float>, scale: Float, shift: Float,
                               relu: Bool, y: UnsafeMutablePointer<Float>) {
        for n in 0..<s.batch {
            let off = (n * s.channels + c) * s.positions
            Kernels.active.scaleShift(s.positions, scale, x + off, shift, y + off, relu)
        }
    }

}
