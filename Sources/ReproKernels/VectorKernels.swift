/// The inner loops every kernel shares, on raw pointers, eight lanes at a time.
public enum Vector {
    /// y += a · x over n elements.
    @inlinable @inline(__always)
    public static func axpy(_ n: Int, _ a: Float, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>) {
        var i = 0
        let av = SIMD8<Float>(repeating: a)
        while i + 8 <= n {
            storeLane(y + i, loadLane(y + i) + av * loadLane(x + i))
            i += 8
        }
        while i < n { y[i] += a * x[i]; i += 1 }
    }

    /// y = max(0, x) over n elements, as Swift's `max(0, x)` computes it (x where x ≥ 0, else 0:
    /// −0 stays −0 and NaN becomes 0).
    @inlinable @inline(__always)
    public static func relu(_ n: Int, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>) {
        var i = 0
        while i + 8 <= n {
            storeLane(y + i, maxZero(loadLane(x + i)))
            i += 8
        }
        while i < n { y[i] = max(0, x[i]); i += 1 }
    }

    /// dx = dy where y > 0, else 0, over n elements (the ReLU's gradient from its output y).
    @inlinable @inline(__always)
    public static func reluGradient(
        _ n: Int, _ y: UnsafePointer<Float>, _ dy: UnsafePointer<Float>, _ dx: UnsafeMutablePointer<Float>
    ) {
        var i = 0
        while i + 8 <= n {
            storeLane(dx + i, loadLane(dy + i).replacing(with: 0, where: .!(loadLane(y + i) .> 0)))
            i += 8
        }
        while i < n { dx[i] = y[i] > 0 ? dy[i] : 0; i += 1 }
    }

    /// y = scale·x + shift over n elements, through max(0, ·) when `relu` (a batch norm's
    /// output on one plane); each element as Swift computes the scalar expression.
    @inlinable @inline(__always)
    public static func scaleShift(
        _ n: Int, _ scale: Float, _ x: UnsafePointer<Float>, _ shift: Float, _ y: UnsafeMutablePointer<Float>,
        relu: Bool
    ) {
        let sv = Lane(repeating: scale), tv = Lane(repeating: shift)
        var i = 0
        while i + 8 <= n {
            let v = sv * loadLane(x + i) + tv
            storeLane(y + i, relu ? maxZero(v) : v)
            i += 8
        }
        while i < n {
            let v = scale * x[i] + shift
            y[i] = relu ? max(0, v) : v
            i += 1
        }
    }

    /// dx = a·g + b + c·(x − μ) over n elements (a batch norm's input gradient on one plane),
    /// each element summed in that order.
    @inlinable @inline(__always)
    public static func normGradient(
        _ n: Int, _ a: Float, _ g: UnsafePointer<Float>, _ b: Float, _ c: Float, _ x: UnsafePointer<Float>,
        _ mu: Float, _ dx: UnsafeMutablePointer<Float>
    ) {
        let av = Lane(repeating: a), bv = Lane(repeating: b), cv = Lane(repeating: c), mv = Lane(repeating: mu)
        var i = 0
        while i + 8 <= n {
            storeLane(dx + i, av * loadLane(g + i) + bv + cv * (loadLane(x + i) - mv))
            i += 8
        }
        while i < n { dx[i] = a * g[i] + b + c * (x[i] - mu); i += 1 }
    }

    /// Σ x·y over n elements (eight partial sums, then their total).
    @inlinable @inline(__always)
    public static func dot(_ n: Int, _ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>) -> Float {
        var acc = SIMD8<Float>(repeating: 0)
        var i = 0
        while i + 8 <= n {
            acc += loadLane(x + i) * loadLane(y + i)
            i += 8
        }
        var s = acc.sum()
        while i < n { s += x[i] * y[i]; i += 1 }
        return s
    }

    /// Σ x over n elements.
    @inlinable @inline(__always)
    public static func sum(_ n: Int, _ x: UnsafePointer<Float>) -> Float {
        var acc = SIMD8<Float>(repeating: 0)
        var i = 0
        while i + 8 <= n {
            acc += loadLane(x + i)
            i += 8
        }
        var s = acc.sum()
        while i < n { s += x[i]; i += 1 }
        return s
    }

    /// (Σ x·y0, Σ x·y1, Σ x·y2, Σ x·y3): one load of x for four rows.
    @inlinable @inline(__always)
    public static func dot4(_ n: Int, _ x: UnsafePointer<Float>, _ y0: UnsafePointer<Float>, _ y1: UnsafePointer<Float>,
                     _ y2: UnsafePointer<Float>, _ y3: UnsafePointer<Float>) -> (Float, Float, Float, Float) {
        var a0 = SIMD8<Float>(repeating: 0), a1 = a0, a2 = a0, a3 = a0
        var i = 0
        while i + 8 <= n {
            let v = loadLane(x + i)
            a0 += v * loadLane(y0 + i)
            a1 += v * loadLane(y1 + i)
            a2 += v * loadLane(y2 + i)
            a3 += v * loadLane(y3 + i)
            i += 8
        }
        var s = (a0.sum(), a1.sum(), a2.sum(), a3.sum())
        while i < n {
            s.0 += x[i] * y0[i]; s.1 += x[i] * y1[i]; s.2 += x[i] * y2[i]; s.3 += x[i] * y3[i]
            i += 1
        }
        return s
    }
}
