import ReproSupport

extension TSNE {
    /// One run's working memory, allocated once and freed in `deinit`: P (n × n, Float), the
    /// embedding as two Float coordinate vectors (contiguous, for the SIMD row kernel), each row's
    /// attraction and repulsion sums and kernel total, the gradient, and the optimiser's update
    /// and gains (the last five as (x, y) pairs, 2n long). The iterations read raw pointers from
    /// here instead of re-entering `withUnsafe…BufferPointer` closures, and allocate nothing.
    /// Never leaves `run`.
    final class Workspace {
        let count: Int
        let p: UnsafeMutableBufferPointer<Float>
        let yx, yy: UnsafeMutableBufferPointer<Float>
        let attraction, repulsion, gradient, update, gains: UnsafeMutableBufferPointer<Double>
        let rowZ: UnsafeMutableBufferPointer<Double>
        /// Rows are independent in the gradient, so the split only balances the load: small
        /// chunks, several per core.
        let split: ParallelRows

        /// `p` is n × n; `y` the initial embedding as (x, y) pairs.
        init(p: [Float], initial y: [Double], count n: Int) {
            precondition(p.count == n * n && y.count == 2 * n)
            count = n
            split = ParallelRows(n, minimumRows: 64, chunksPerWorker: 4)
            self.p = .allocate(capacity: n * n)
            _ = self.p.initialize(from: p)
            yx = .allocate(capacity: n); yy = .allocate(capacity: n)
            for i in 0..<n {
                (yx.baseAddress! + i).initialize(to: Float(y[2 * i]))
                (yy.baseAddress! + i).initialize(to: Float(y[2 * i + 1]))
            }
            attraction = Self.allocate(2 * n, 0); repulsion = Self.allocate(2 * n, 0)
            gradient = Self.allocate(2 * n, 0); update = Self.allocate(2 * n, 0)
            gains = Self.allocate(2 * n, 1)
            rowZ = Self.allocate(n, 0)
        }

        deinit {
            for buffer in [p, yx, yy] { buffer.deallocate() }
            for buffer in [attraction, repulsion, gradient, update, gains, rowZ] {
                buffer.deallocate()
            }
        }

        /// The embedding, row-major n × 2.
        func embedding() -> [Double] {
            (0..<count).flatMap { [Double(yx[$0]), Double(yy[$0])] }
        }

        /// A range of rows handed to a pass lies inside the data; in DEBUG builds only (this
        /// module is compiled with -O even in debug, where `assert` is compiled out).
        @inline(__always)
        func check(rows range: Range<Int>) {
            #if DEBUG
            precondition(range.lowerBound >= 0 && range.upperBound <= count, "rows \(range)")
            #endif
        }

        private static func allocate(_ count: Int, _ value: Double)
            -> UnsafeMutableBufferPointer<Double> {
            let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: count)
            buffer.initialize(repeating: value)
            return buffer
        }
    }
}
