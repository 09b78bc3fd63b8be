import ReproNN

/// The batched trainer's two big GEMMs on their own, through cblas_sgemm: forward Z = X·W
/// (n × d times d × H, into a fresh matrix) and backward C ← C − α·Xᵀ·Z (d × n times
/// n × H, accumulated). The backward writes its own matrix, not W, so repeated runs leave the
/// inputs alone and the values stay far from subnormal (which would slow the kernel down).
final class GEMMPair {
    let n, d, H: Int
    private var x, w, z, c: [Float]

    init(n: Int, d: Int, H: Int) {
        self.n = n; self.d = d; self.H = H
        x = [Float](repeating: 0.5, count: n * d)
        w = [Float](repeating: 0.01, count: d * H)
        z = [Float](repeating: 0, count: n * H)
        c = [Float](repeating: 0, count: d * H)
    }

    func run() {
        Float.gemm(transA: false, transB: false, m: n, n: H, k: d, alpha: 1, a: x, lda: d, b: w,
                   ldb: H, beta: 0, c: &z, ldc: H)
        Float.gemm(transA: true, transB: false, m: d, n: H, k: n, alpha: -1e-6, a: x, lda: d,
                   b: z, ldb: H, beta: 1, c: &c, ldc: H)
    }
}
