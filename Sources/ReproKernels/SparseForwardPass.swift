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
        accumulateTiledRows(
            tiles: tiles, start: start, rows: rows, source: input, output: output, ld: ld, blocks: blocks,
            entry: { (value[$0], Int(column[$0])) },
            finish: { o, _, a0, a1 in
                let b = HalfBlock(repeating: bias[o])
                a0 += b
                a1 += b
                if applyReLU {
                    a0 = a0.replacing(with: 0, where: a0 .< 0)
                    a1 = a1.replacing(with: 0, where: a1 .< 0)
                }
            })
    }
}
