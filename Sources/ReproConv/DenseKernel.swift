import ReproBLAS

/// A fully connected layer on OpenBLAS: y = x·Wᵀ + b for a batch of rows, and its gradients.
enum DenseKernel {
    static func forward(batch: Int, inputs: Int, outputs: Int, x: UnsafePointer<Float>,
                        w: UnsafePointer<Float>, b: UnsafePointer<Float>?, y: UnsafeMutablePointer<Float>) {
        BLAS.sgemm(transB: true, m: batch, n: outputs, k: inputs, a: x, lda: inputs, b: w, ldb: inputs,
                   c: y, ldc: outputs)
        if let b {
            for n in 0..<batch { for o in 0..<outputs { y[n * outputs + o] += b[o] } }
        }
    }

    /// dx = dy·W (if given), dW = dyᵀ·x, db = Σ dy (if given); all overwritten.
    static func backward(batch: Int, inputs: Int, outputs: Int, x: UnsafePointer<Float>,
                         w: UnsafePointer<Float>, dy: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>?,
                         dw: UnsafeMutablePointer<Float>?, db: UnsafeMutablePointer<Float>?) {
        if let dx {
            BLAS.sgemm(m: batch, n: inputs, k: outputs, a: dy, lda: outputs, b: w, ldb: inputs, c: dx, ldc: inputs)
        }
        if let dw {
            BLAS.sgemm(transA: true, m: outputs, n: inputs, k: batch, a: dy, lda: outputs, b: x, ldb: inputs,
                       c: dw, ldc: inputs)
        }
        if let db {
            for o in 0..<outputs {
                var s: Float = 0
                for n in 0..<batch { s += dy[n * outputs + o] }
                db[o] = s
            }
        }
    }
}
