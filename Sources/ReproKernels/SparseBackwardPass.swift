/// Sparse input gradient g_a = Wᵀ·g_z for a layer, through its compressed-column (CSC by input)
/// index: an input row's sums stay in registers while the kernel walks the kept weights of that
/// input, so no two threads ever write the same row and no atomics are needed.
///
/// The CSC index holds, per kept weight, its output row and its position in the CSR value array,
/// so the values live in one place (updated by the step kernel) and this kernel reads them
/// through that position. With several tiles (over output rows, see ``Tiling``) the running sums
/// go through memory between tiles, in the same order as without.
public struct SparseBackwardPass {
    /// Segment t of input row i is start[i · (tiles + 1) + t] ..< start[i · (tiles + 1) + t + 1]
    /// of `row` (the output row of each kept weight) and `position` (its place in `value`).
    public var tiles: Int
    public var start: UnsafePointer<Int32>
    public var row: UnsafePointer<Int32>
    public var position: UnsafePointer<Int32>
    public var value: UnsafePointer<Float>
    public var inputs: Int
    public var delta: UnsafePointer<Float>
    /// When given (the input's post-ReLU activation), entries whose activation is not positive
    /// become 0 at the end: the ReLU derivative.
    public var mask: UnsafePointer<Float>?
    public var output: UnsafeMutablePointer<Float>
    public var ld: Int
    public var blocks: Range<Int>

    public init(
        tiles: Int, start: UnsafePointer<Int32>, row: UnsafePointer<Int32>, position: UnsafePointer<Int32>,
        value: UnsafePointer<Float>, inputs: Int, delta: UnsafePointer<Float>,
        mask: UnsafePointer<Float>?, output: UnsafeMutablePointer<Float>, ld: Int, blocks: Range<Int>
    ) {
        self.tiles = tiles; self.start = start; self.row = row; self.position = position; self.value = value
        self.inputs = inputs; self.delta = delta; self.mask = mask; self.output = output; self.ld = ld
        self.blocks = blocks
    }

    @inlinable @inline(__always)
    public func run() {
        accumulateTiledRows(
            tiles: tiles, start: start, rows: inputs, source: delta, output: output, ld: ld, blocks: blocks,
            entry: { (value[Int(position[$0])], Int(row[$0])) },
            finish: { _, offset, a0, a1 in
                guard let mask else { return }
                a0 = a0.replacing(with: 0, where: loadHalf(mask + offset) .<= 0)
                a1 = a1.replacing(with: 0, where: loadHalf(mask + offset + 16) .<= 0)
            })
    }
}
