/// The feasible set of an L∞ attack in pixel space: every value within ε of its clean value and
/// inside [0, 1], i.e. [max(x₀ − ε, 0), min(x₀ + ε, 1)] elementwise.
///
/// Torchattacks projects in two steps, `clamp(x₀ + clamp(x − x₀, −ε, ε), 0, 1)` (PGD, FFGSM) or
/// `clamp(min(max(x, x₀ − ε), x₀ + ε), 0, 1)` (BIM, APGD); for x₀ ∈ [0, 1] both equal one clamp to
/// these bounds (protocol B §3.3), up to the rounding of x₀ ± ε, which can put a value one float
/// ulp beyond ε. The bounds are computed once per attack, not once per step.
struct LInfBox {
    let lower: [Float]
    let upper: [Float]

    init(center: [Float], epsilon: Float) {
        precondition(epsilon >= 0, "ε must be non-negative")
        lower = center.map { max($0 - epsilon, 0) }
        upper = center.map { min($0 + epsilon, 1) }
    }

    var count: Int { lower.count }

    /// The nearest feasible value to `value` for element `index`.
    @inline(__always)
    func clamp(_ value: Float, at index: Int) -> Float {
        min(max(value, lower[index]), upper[index])
    }

    /// Projects every element of `values` onto the box.
    func project(_ values: inout [Float]) {
        precondition(values.count == count)
        for i in values.indices {
            values[i] = clamp(values[i], at: i)
        }
    }
}

/// sign(g) as `torch.sign` has it: −1, 0 or +1, so a zero gradient (a dead ReLU region, or a
/// softmax saturated in float) does not move the pixel. NaN maps to 0 instead of propagating.
@inline(__always)
func gradientSign(_ g: Float) -> Float {
    g > 0 ? 1 : (g < 0 ? -1 : 0)
}

/// One signed-gradient step followed by projection: x ← P(x + α·sign(g)). The update of FGSM
/// (one step from x₀), BIM and PGD (repeated), and FFGSM's second half.
func signedGradientStep(_ x: inout [Float], gradient: [Float], alpha: Float, box: LInfBox) {
    precondition(x.count == gradient.count && x.count == box.count)
    x.withUnsafeMutableBufferPointer { x in
        gradient.withUnsafeBufferPointer { g in
            box.lower.withUnsafeBufferPointer { lo in
                box.upper.withUnsafeBufferPointer { hi in
                    for i in x.indices {
                        x[i] = min(max(x[i] + alpha * gradientSign(g[i]), lo[i]), hi[i])
                    }
                }
            }
        }
    }
}

/// Uniform random start inside the box: clamp(x₀ + U(−ε, ε), 0, 1), one draw per value in
/// row-major order (PGD's `random_start`, FFGSM's first step; protocol B §3.3).
func uniformStart(
    around center: [Float], epsilon: Float, rng: inout some RandomNumberGenerator
) -> [Float] {
    var x = center
    for i in x.indices {
        x[i] = min(max(center[i] + epsilon * rng.nextSymmetricUnit(), 0), 1)
    }
    return x
}
