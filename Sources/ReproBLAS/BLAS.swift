import CBLAS

/// Every OpenBLAS call of the tool, and nothing else: row-major matrix products and the thread
/// pool. Other modules import this one, never `CBLAS`, so a change of BLAS touches this file.
public enum BLAS {
    @inline(__always)
    static func op(_ t: Bool) -> CBLAS_TRANSPOSE { t ? CblasTrans : CblasNoTrans }

    /// C ← alpha · op(A) · op(B) + beta · C, op(A) m×k, op(B) k×n, in Float32.
    @inline(__always)
    public static func sgemm(transA: Bool = false, transB: Bool = false, m: Int, n: Int, k: Int,
                             alpha: Float = 1, a: UnsafePointer<Float>, lda: Int,
                             b: UnsafePointer<Float>, ldb: Int, beta: Float = 0,
                             c: UnsafeMutablePointer<Float>, ldc: Int) {
        cblas_sgemm(CblasRowMajor, op(transA), op(transB), Int32(m), Int32(n), Int32(k), alpha,
                    a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// The same in Float64.
    @inline(__always)
    public static func dgemm(transA: Bool = false, transB: Bool = false, m: Int, n: Int, k: Int,
                             alpha: Double = 1, a: UnsafePointer<Double>, lda: Int,
                             b: UnsafePointer<Double>, ldb: Int, beta: Double = 0,
                             c: UnsafeMutablePointer<Double>, ldc: Int) {
        cblas_dgemm(CblasRowMajor, op(transA), op(transB), Int32(m), Int32(n), Int32(k), alpha,
                    a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// y ← alpha · op(A) · x + beta · y, A m×n (before op), unit strides, Float32.
    @inline(__always)
    public static func sgemv(trans: Bool, m: Int, n: Int, alpha: Float, a: UnsafePointer<Float>,
                             lda: Int, x: UnsafePointer<Float>, beta: Float,
                             y: UnsafeMutablePointer<Float>) {
        cblas_sgemv(CblasRowMajor, op(trans), Int32(m), Int32(n), alpha, a, Int32(lda), x, 1,
                    beta, y, 1)
    }

    /// The same in Float64.
    @inline(__always)
    public static func dgemv(trans: Bool, m: Int, n: Int, alpha: Double,
                             a: UnsafePointer<Double>, lda: Int, x: UnsafePointer<Double>,
                             beta: Double, y: UnsafeMutablePointer<Double>) {
        cblas_dgemv(CblasRowMajor, op(trans), Int32(m), Int32(n), alpha, a, Int32(lda), x, 1,
                    beta, y, 1)
    }

    /// Threads OpenBLAS may use in each call (process-wide).
    public static var threads: Int {
        get { Int(openblas_get_num_threads()) }
        set { openblas_set_num_threads(Int32(max(1, newValue))) }
    }

    /// The build's configuration string and the kernel family chosen for this CPU.
    public static var configuration: String { String(cString: openblas_get_config()) }
    public static var coreName: String { String(cString: openblas_get_corename()) }
}
