import ReproKernels
import ReproBLAS

/// The three products of a dense (masked) layer through OpenBLAS sgemm (`BLAS.sgemm`), on feature-major
/// activations (units × samples, leading dimension `ld`).
enum DenseKernel {
    /// z = W·a + b for `width` samples starting at column `first`; W is rows × columns.
    static func forward(
        weights: UnsafePointer<Float>, bias: UnsafePointer<Float>, rows: Int,
        columns: Int, input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>,
        ld: Int, first: Int, width: Int, relu applyReLU: Bool
    ) {
        for r in 0..<rows {
            (output + r * ld + first).update(repeating: bias[r], count: width)
        }
        BLAS.sgemm(m: rows, n: width, k: columns, a: weights, lda: columns, b: input + first,
                   ldb: ld, beta: 1, c: output + first, ldc: ld)
        guard applyReLU else { return }
        for r in 0..<rows {
            let z = output + r * ld + first
            var c = 0
            while c < width {
                storeLane(z + c, relu(loadLane(z + c)))
                c += 8
            }
        }
    }

    /// g_a = Wᵀ·g_z for `width` samples, then the ReLU derivative from `mask` when given.
    static func backward(
        weights: UnsafePointer<Float>, rows: Int, columns: Int,
        delta: UnsafePointer<Float>, mask: UnsafePointer<Float>?,
        output: UnsafeMutablePointer<Float>, ld: Int, first: Int, width: Int
    ) {
        BLAS.sgemm(transA: true, m: columns, n: width, k: rows, a: weights, lda: columns,
                   b: delta + first, ldb: ld, c: output + first, ldc: ld)
        guard let mask else { return }
        for i in 0..<columns {
            let g = output + i * ld + first
            let m = mask + i * ld + first
            var c = 0
            while c < width {
                storeLane(g + c, keepWherePositive(loadLane(g + c), loadLane(m + c)))
                c += 8
            }
        }
    }

    /// G[rows] = g_z[rows] · aᵀ over the first `batch` samples (the full weight gradient of those
    /// rows, masked positions included; the caller reads only the kept ones).
    static func gradient(
        rows: Range<Int>, columns: Int, delta: UnsafePointer<Float>,
        input: UnsafePointer<Float>, ld: Int, batch: Int,
        into gradient: UnsafeMutablePointer<Float>
    ) {
        guard !rows.isEmpty else { return }
        BLAS.sgemm(transB: true, m: rows.count, n: columns, k: batch,
                   a: delta + rows.lowerBound * ld, lda: ld, b: input, ldb: ld,
                   c: gradient + rows.lowerBound * columns, ldc: columns)
    }
}
