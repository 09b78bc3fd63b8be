#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#elseif canImport(ucrt)
import ucrt
#endif

extension RandomState {
    /// One standard normal by numpy's legacy polar method, `legacy_gauss` (§1.6).
    ///
    /// Each accepted pair yields two normals: one is returned, the other cached in `gauss` for
    /// the next call, even across `randn` calls; reseeding clears the cache.
    @inline(__always)
    public mutating func standardNormal() -> Double {
        if let cached = takeCachedGauss() { return cached }
        let pair = Self.polarPair { bitGenerator.nextDouble() }
        gauss = pair.cached
        hasGauss = true
        return pair.returned
    }

    /// Returns and clears the cached normal, if any (numpy resets `gauss` to 0.0 too).
    @inline(__always)
    mutating func takeCachedGauss() -> Double? {
        guard hasGauss else { return nil }
        let cached = gauss
        hasGauss = false
        gauss = 0.0
        return cached
    }

    /// The polar step of `legacy_gauss` (§1.6) on 53-bit uniforms from `uniform()`:
    /// `x1` from the first double, `x2` from the second; reject `r2 >= 1 || r2 == 0`;
    /// `f = sqrt(-2 log(r2) / r2)`; `f·x2` is returned **first** and `f·x1` cached.
    ///
    /// Written as separate IEEE operations: Swift never contracts `x1*x1 + x2*x2` into a fused
    /// multiply-add, which would change results. `log` is the C library's; on Linux x86_64 with
    /// glibc 2.28+ on an FMA-capable CPU that is the very `log` numpy called for the fixtures
    /// (§1.6.1). Elsewhere a few weights in 10⁴ can differ in their last bits, which the
    /// `libm_log_vectors` test catches.
    @inline(__always)
    static func polarPair(_ uniform: () -> Double) -> (returned: Double, cached: Double) {
        var x1: Double, x2: Double, r2: Double
        repeat {
            x1 = 2.0 * uniform() - 1.0
            x2 = 2.0 * uniform() - 1.0
            r2 = x1 * x1 + x2 * x2
        } while r2 >= 1.0 || r2 == 0.0
        let f = (-2.0 * log(r2) / r2).squareRoot()
        return (returned: f * x2, cached: f * x1)
    }
}
