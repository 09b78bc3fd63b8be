import CBLAS
import Foundation

/// A floating-point type that OpenBLAS can multiply: Float (sgemm/sgemv) or Double (dgemm/dgemv).
/// All matrices are row-major.
public protocol BLASScalar: BinaryFloatingPoint, Codable, Sendable {
    /// C ← alpha · op(A) · op(B) + beta · C, with op(A) m×k and op(B) k×n.
    static func gemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Self,
                     a: UnsafePointer<Self>, lda: Int, b: UnsafePointer<Self>, ldb: Int,
                     beta: Self, c: UnsafeMutablePointer<Self>, ldc: Int)
    /// y ← alpha · op(A) · x + beta · y, with A m×n (before op).
    static func gemv(trans: Bool, m: Int, n: Int, alpha: Self, a: UnsafePointer<Self>, lda: Int,
                     x: UnsafePointer<Self>, beta: Self, y: UnsafeMutablePointer<Self>)
    static func exponential(_ x: Self) -> Self
}

@inline(__always)
private func order(_ t: Bool) -> CBLAS_TRANSPOSE { t ? CblasTrans : CblasNoTrans }

extension Float: BLASScalar {
    public static func gemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
                            a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                            beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        cblas_sgemm(CblasRowMajor, order(transA), order(transB), Int32(m), Int32(n), Int32(k),
                    alpha,
                    a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
    public static func gemv(trans: Bool, m: Int, n: Int, alpha: Float, a: UnsafePointer<Float>,
                            lda: Int,
                            x: UnsafePointer<Float>, beta: Float, y: UnsafeMutablePointer<Float>) {
        cblas_sgemv(CblasRowMajor, order(trans), Int32(m), Int32(n), alpha, a, Int32(lda), x, 1,
                    beta, y, 1)
    }
    public static func exponential(_ x: Float) -> Float { Foundation.exp(x) }
}

extension Double: BLASScalar {
    public static func gemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Double,
                            a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
                            beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int) {
        cblas_dgemm(CblasRowMajor, order(transA), order(transB), Int32(m), Int32(n), Int32(k),
                    alpha,
                    a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
    public static func gemv(trans: Bool, m: Int, n: Int, alpha: Double, a: UnsafePointer<Double>,
                            lda: Int,
                            x: UnsafePointer<Double>, beta: Double,
                            y: UnsafeMutablePointer<Double>) {
        cblas_dgemv(CblasRowMajor, order(trans), Int32(m), Int32(n), alpha, a, Int32(lda), x, 1,
                    beta, y, 1)
    }
    public static func exponential(_ x: Double) -> Double { Foundation.exp(x) }
}
