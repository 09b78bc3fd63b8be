import CBLAS

/// A fully connected layer on OpenBLAS: y = x·Wᵀ + b for a batch of rows, and its gradients.
enum DenseKernel {
    static func forward(batch: Int, inputs: Int, outputs: Int, x: UnsafePointer<Float>,
                        w: UnsafePointer<Float>, b: UnsafePointer<Float>?, y: UnsafeMutablePointer<Float>) {
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(batch), Int32(outputs), Int32(inputs),
                    1, x, Int32(inputs), w, Int32(inputs), 0, y, Int32(outputs))
        if let b {
            for n in 0..<batch { for o in 0..<outputs { y[n * outputs + o] += b[o] } }
        }
    }

    /// dx = dy·W (if given), dW = dyᵀ·x, db = Σ dy (if given); all overwritten.
    static func backward(batch: Int, inputs: Int, outputs: Int, x: UnsafePointer<Float>,
                         w: UnsafePointer<Float>, dy: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>?,
                         dw: UnsafeMutablePointer<Float>?, db: UnsafeMutablePointer<Float>?) {
        if let dx {
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(batch), Int32(inputs), Int32(outputs),
                        1, dy, Int32(outputs), w, Int32(inputs), 0, dx, Int32(inputs))
        }
        if let dw {
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, Int32(outputs), Int32(inputs), Int32(batch),
                        1, dy, Int32(outputs), x, Int32(inputs), 0, dw, Int32(inputs))
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
