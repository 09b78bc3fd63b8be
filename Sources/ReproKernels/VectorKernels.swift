/// The inner loops every kernel shares, on raw pointers, eight lanes at a time.
public enum Vector {
    @inlinable @inline(__always)
    public static func load(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
    }

    @inlinable @inline(__always)
    public static func store(_ v: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<Float>.self)
    }

    @inlinable @inline(__always)
    public static func load16(_ p: UnsafePointer<Float>) -> SIMD16<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD16<Float>.self)
    }

    @inlinable @inline(__always)
    public static func store16(_ v: SIMD16<Float>, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD16<Float>.self)
    }

    /// y += a · x over n elements.
    @inlinable @inline(__always)
    public static func axpy(_ n: Int, _ a: Float, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>) {
        var i = 0
        let av = SIMD8<Float>(repeating: a)
        while i + 8 <= n {
            store(load(y + i) + av * load(x + i), y + i)
            i += 8
        }
        while i < n { y[i] += a * x[i]; i += 1 }
    }

    /// y += a0·x0 + a1·x1 + a2·x2 + a3·x3: one load and store of y for four weights.
    @inlinable @inline(__always)
    public static func axpy4(_ n: Int, _ a: (Float, Float, Float, Float),
                      _ x0: UnsafePointer<Float>, _ x1: UnsafePointer<Float>,
                      _ x2: UnsafePointer<Float>, _ x3: UnsafePointer<Float>,
                      _ y: UnsafeMutablePointer<Float>) {
        let a0 = SIMD8<Float>(repeating: a.0), a1 = SIMD8<Float>(repeating: a.1)
        let a2 = SIMD8<Float>(repeating: a.2), a3 = SIMD8<Float>(repeating: a.3)
        var i = 0
        while i + 8 <= n {
            var v = load(y + i)
            v += a0 * load(x0 + i)
            v += a1 * load(x1 + i)
            v += a2 * load(x2 + i)
            v += a3 * load(x3 + i)
            store(v, y + i)
            i += 8
        }
        while i < n {
            y[i] += a.0 * x0[i] + a.1 * x1[i] + a.2 * x2[i] + a.3 * x3[i]
            i += 1
        }
    }

    /// Σ x·y over n elements (eight partial sums, then their total).
    @inlinable @inline(__always)
    public static func dot(_ n: Int, _ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>) -> Float {
        var acc = SIMD8<Float>(repeating: 0)
        var i = 0
        while i + 8 <= n {
            acc += load(x + i) * load(y + i)
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
            acc += load(x + i)
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
            let v = load(x + i)
            a0 += v * load(y0 + i)
            a1 += v * load(y1 + i)
            a2 += v * load(y2 + i)
            a3 += v * load(y3 + i)
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
