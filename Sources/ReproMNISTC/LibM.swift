#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The C math library functions the corruptions need, behind one name so that no other file has
/// to import a platform module. NumPy, SciPy and ImageMagick call the same libm functions, so
/// using them (rather than hand-written approximations) keeps the port's arithmetic close to the
/// originals'.
enum LibM {
    @inline(__always) static func exp(_ x: Double) -> Double { cExp(x) }
    @inline(__always) static func log(_ x: Double) -> Double { cLog(x) }
    @inline(__always) static func sin(_ x: Double) -> Double { cSin(x) }
    @inline(__always) static func cos(_ x: Double) -> Double { cCos(x) }
    @inline(__always) static func atan(_ x: Double) -> Double { cAtan(x) }
    @inline(__always) static func hypot(_ x: Double, _ y: Double) -> Double { cHypot(x, y) }
}

@inline(__always) private func cExp(_ x: Double) -> Double { exp(x) }
@inline(__always) private func cLog(_ x: Double) -> Double { log(x) }
@inline(__always) private func cSin(_ x: Double) -> Double { sin(x) }
@inline(__always) private func cCos(_ x: Double) -> Double { cos(x) }
@inline(__always) private func cAtan(_ x: Double) -> Double { atan(x) }
@inline(__always) private func cHypot(_ x: Double, _ y: Double) -> Double { hypot(x, y) }
