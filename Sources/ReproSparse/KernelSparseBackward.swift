/// Sparse input gradient g_a = Wᵀ·g_z for a layer, through its compressed-column (CSC by input)
/// index: an input row's sums stay in registers while the kernel walks the kept weights of that
/// input, so no two threads ever write the same row and no atomics are needed.
///
/// The CSC index holds, per kept weight, its output row and its position in the CSR value array,
/// so the values live in one place (updated by the step kernel) and this kernel reads them
/// through that position. With several tiles (over output rows, see ``Tiling``) the running sums
/// go through memory between tiles, in the same order as without.
enum SparseBackwardKernel {
    /// When `mask` is given (the input's post-ReLU activation), entries whose activation is not
    /// positive become 0 at the end: the ReLU derivative.
    static func run(
        segments: Tiling, row: UnsafePointer<Int32>, position: UnsafePointer<Int32>,
        value: UnsafePointer<Float>, inputs: Int, delta: UnsafePointer<Float>,
        mask: UnsafePointer<Float>?, output: UnsafeMutablePointer<Float>, ld: Int,
        blocks: Range<Int>
    ) {
        let tiles = segments.tiles
        let width = tiles &+ 1
        let start = segments.start.pointer
        debugCheck(blocks.upperBound * blockWidth <= ld, "column blocks beyond the row length")
        debugCheck(segments.start.count == inputs * width, "tiling does not match the inputs")
        for block in blocks {
            let c = block &* blockWidth
            for t in 0..<tiles {
                for i in 0..<inputs {
                    let lo = Int(start[i &* width &+ t])
                    let hi = Int(start[i &* width &+ t &+ 1])
                    let base = i &* ld &+ c
                    let g = output + base
                    var a0 = Lane()
                    var a1 = Lane()
                    var a2 = Lane()
                    var a3 = Lane()
                    if t > 0 {
                        if lo == hi { continue }
                        a0 = loadLane(g)
                        a1 = loadLane(g + 8)
                        a2 = loadLane(g + 16)
                        a3 = loadLane(g + 24)
                    }
                    var q = lo
                    while q < hi {
                        let s = Lane(repeating: value[Int(position[q])])
                        let d = delta + (Int(row[q]) &* ld &+ c)
                        a0 = mulAdd(a0, s, loadLane(d))
                        a1 = mulAdd(a1, s, loadLane(d + 8))
                        a2 = mulAdd(a2, s, loadLane(d + 16))
                        a3 = mulAdd(a3, s, loadLane(d + 24))
                        q &+= 1
                    }
                    if t == tiles &- 1, let mask {
                        let m = mask + base
                        a0 = keepWherePositive(a0, loadLane(m))
                        a1 = keepWherePositive(a1, loadLane(m + 8))
                        a2 = keepWherePositive(a2, loadLane(m + 16))
                        a3 = keepWherePositive(a3, loadLane(m + 24))
                    }
                    storeLane(g, a0)
                    storeLane(g + 8, a1)
                    storeLane(g + 16, a2)
                    storeLane(g + 24, a3)
                }
            }
            // Rows whose last tile was empty have not been masked yet.
            guard tiles > 1, let mask else { continue }
            for i in 0..<inputs {
                let last = i &* width &+ tiles
                guard start[last &- 1] == start[last] else { continue }
                let base = i &* ld &+ c
                for k in stride(from: 0, to: blockWidth, by: 8) {
                    storeLane(
                        output + base + k,
                        keepWherePositive(
                            loadLane(output + base + k),
                            loadLane(mask + base + k)))
                }
            }
        }
    }
}
