/// The two inner loops of the sparse conv, on a source tile whose rows are shifted views of the
/// input (or of the output gradient): a row of outputs is a weighted sum of shifted source
/// vectors, and a weight gradient is a dot product of an output-gradient row with one. Both run
/// over a contiguous range of positions (images × pixels of a group), 64 at a time in registers,
/// so memory is touched once per kept weight and position, never the masked ones.
///
/// The rows are given as `start` (count + 1 entries: row r is entries start[r] ..< start[r + 1])
/// and `offset` (per entry, where its shifted source vector begins).
public struct ShiftedRows {
    public var count: Int
    public var start: UnsafePointer<Int>
    public var offset: UnsafePointer<Int>

    public init(count: Int, start: UnsafePointer<Int>, offset: UnsafePointer<Int>) {
        self.count = count; self.start = start; self.offset = offset
    }
}

/// out[r·outputStride + q] = Σ_{i ∈ row r} w[i] · source[offset[i] + q] for q ∈ 0 ..< length, a
/// multiple of 16 (overwritten). Every q sums its entries in entry order (64 positions in eight
/// independent registers, then 16 at a time), so the bits do not depend on q's lane.
public struct ShiftedRowSums {
    public var rows: ShiftedRows
    public var weights: UnsafePointer<Float>
    public var source: UnsafePointer<Float>
    public var length: Int
    public var output: UnsafeMutablePointer<Float>
    public var outputStride: Int

    public init(rows: ShiftedRows, weights: UnsafePointer<Float>, source: UnsafePointer<Float>, length: Int,
                output: UnsafeMutablePointer<Float>, outputStride: Int) {
        self.rows = rows; self.weights = weights; self.source = source; self.length = length
        self.output = output; self.outputStride = outputStride
    }

    @inlinable @inline(__always)
    public func run() {
        typealias V = HalfBlock
        precondition(length % 16 == 0, "sparse kernels run on whole blocks of 16 positions")
        let start = rows.start, offset = rows.offset, w = weights
        for r in 0..<rows.count {
            let out = output + r * outputStride
            let lo = start[r], hi = start[r + 1]
            var q = 0
            while q + 64 <= length {
                var a0 = V(repeating: 0), a1 = a0, a2 = a0, a3 = a0
                for i in lo..<hi {
                    let wv = V(repeating: w[i]), p = source + offset[i] + q
                    a0 += wv * loadHalf(p); a1 += wv * loadHalf(p + 16)
                    a2 += wv * loadHalf(p + 32); a3 += wv * loadHalf(p + 48)
                }
                storeHalf(out + q, a0); storeHalf(out + q + 16, a1)
                storeHalf(out + q + 32, a2); storeHalf(out + q + 48, a3)
                q += 64
            }
            while q < length {
                var a0 = V(repeating: 0)
                for i in lo..<hi { a0 += V(repeating: w[i]) * loadHalf(source + offset[i] + q) }
                storeHalf(out + q, a0)
                q += 16
            }
        }
    }
}

/// g[i] = Σ_q d[r·dStride + q] · source[offset[i] + q] over q ∈ 0 ..< length, for every entry i of
/// every row r (overwritten, row order).
public struct ShiftedRowDots {
    public var rows: ShiftedRows
    public var d: UnsafePointer<Float>
    public var dStride: Int
    public var source: UnsafePointer<Float>
    public var length: Int
    public var g: UnsafeMutablePointer<Float>

    public init(rows: ShiftedRows, d: UnsafePointer<Float>, dStride: Int, source: UnsafePointer<Float>,
                length: Int, into g: UnsafeMutablePointer<Float>) {
        self.rows = rows; self.d = d; self.dStride = dStride; self.source = source; self.length = length
        self.g = g
    }

    @inlinable @inline(__always)
    public func run() {
        let start = rows.start, offset = rows.offset
        for r in 0..<rows.count {
            let dr = d + r * dStride
            var i = start[r]
            let hi = start[r + 1]
            while i + 4 <= hi {
                let s = Vector.dot4(length, dr, source + offset[i], source + offset[i + 1],
                                    source + offset[i + 2], source + offset[i + 3])
                g[i] = s.0; g[i + 1] = s.1; g[i + 2] = s.2; g[i + 3] = s.3
                i += 4
            }
            while i < hi {
                g[i] = Vector.dot(length, dr, source + offset[i])
                i += 1
            }
        }
    }
}
