/// Sparse forward product z = W·a + b for a compressed-row (CSR by output) layer.
///
/// Activations are feature-major: row u of `input` holds unit u's values for the batch's samples,
/// `ld` floats apart. A kept weight w_oi then adds w_oi times a contiguous run of input row i to
/// output row o, so a row's sums stay in registers while the kernel walks its kept weights
/// (one block of 32 samples at a time). Rows and blocks are independent, so threads may split
/// either without changing any number.
///
/// With several tiles (see ``Tiling``) a row's sum is carried from tile to tile through the
/// output: each sum is still 0 + w₁x₁ + w₂x₂ + … in index order, then + b, then the ReLU.
public struct SparseForwardPass {
    /// Segment t of output row o is start[o · (tiles + 1) + t] ..< start[o · (tiles + 1) + t + 1]
    /// of `column` and `value`.
    public var tiles: Int
    public var start: UnsafePointer<Int32>
    public var column: UnsafePointer<Int32>
    public var value: UnsafePointer<Float>
    public var bias: UnsafePointer<Float>
    public var rows: Int
    public var input: UnsafePointer<Float>
    public var output: UnsafeMutablePointer<Float>
    public var ld: Int
    public var blocks: Range<Int>
    public var applyReLU: Bool

    public init(
        tiles: Int, start: UnsafePointer<Int32>, column: UnsafePointer<Int32>, value: UnsafePointer<Float>,
        bias: UnsafePointer<Float>, rows: Int, input: UnsafePointer<Float>,
        output: UnsafeMutablePointer<Float>, ld: Int, blocks: Range<Int>, relu applyReLU: Bool
    ) {
        self.tiles = tiles; self.start = start; self.column = column; self.value = value; self.bias = bias
        self.rows = rows; self.input = input; self.output = output; self.ld = ld; self.blocks = blocks
        self.applyReLU = applyReLU
    }

    @inlinable @inline(__always)
    public func run() {
        let width = tiles &+ 1
        assert(blocks.upperBound * blockWidth <= ld, "column blocks beyond the row length")
        for block in blocks {
            let c = block &* blockWidth
            for t in 0..<tiles {
                for o in 0..<rows {
                    let lo = Int(start[o &* width &+ t])
                    let hi = Int(start[o &* width &+ t &+ 1])
                    let z = output + (o &* ld &+ c)
                    var a0 = HalfBlock(), a1 = HalfBlock()
                    if t > 0 {
                        if lo == hi { continue }
                        a0 = loadHalf(z)
                        a1 = loadHalf(z + 16)
                    }
                    var j = lo
                    while j < hi {
                        let s = HalfBlock(repeating: value[j])
                        let x = input + (Int(column[j]) &* ld &+ c)
                        a0 = a0 + s * loadHalf(x)
                        a1 = a1 + s * loadHalf(x + 16)
                        j &+= 1
                    }
                    if t == tiles &- 1 {
                        let b = HalfBlock(repeating: bias[o])
                        a0 += b
                        a1 += b
                        if applyReLU {
                            a0 = a0.replacing(with: 0, where: a0 .< 0)
                            a1 = a1.replacing(with: 0, where: a1 .< 0)
                        }
                    }
                    storeHalf(z, a0)
                    storeHalf(z + 16, a1)
                }
            }
            // Rows whose last tile was empty have not had their bias and ReLU yet.
            guard tiles > 1 else { continue }
            for o in 0..<rows {
                let last = o &* width &+ tiles
                guard start[last &- 1] == start[last] else { continue }
                let z = output + (o &* ld &+ c)
                let b = Lane(repeating: bias[o])
                for k in stride(from: 0, to: blockWidth, by: 8) {
                    let v = loadLane(z + k) + b
                    storeLane(z + k, applyReLU ? relu(v) : v)
                }
            }
        }
    }
}
