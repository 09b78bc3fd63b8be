/// The walk the sparse forward and input-gradient passes share: for each column block and tile,
/// each compressed row's running sum (a block of 32 samples, two halves in registers) gains
/// weight × source row for every entry of the row's segment, in entry order; a row's sum goes
/// through `output` between tiles and gets `finish` (bias and ReLU, or the ReLU mask) after its
/// last one, also when that last segment is empty. So each sum is 0 + w₁x₁ + w₂x₂ + … in index
/// order, then `finish`, whatever the tiling.
///
/// `start`: segment t of row r is start[r · (tiles + 1) + t] ..< start[r · (tiles + 1) + t + 1];
/// `entry(j)`: the weight of entry j and the source row it multiplies; `finish(r, offset, &a0,
/// &a1)`: the row's last step, where `offset` = r · ld + the block's first column.
@inlinable @inline(__always)
func accumulateTiledRows(
    tiles: Int, start: UnsafePointer<Int32>, rows: Int, source: UnsafePointer<Float>,
    output: UnsafeMutablePointer<Float>, ld: Int, blocks: Range<Int>,
    entry: (Int) -> (weight: Float, sourceRow: Int),
    finish: (_ row: Int, _ offset: Int, _ a0: inout HalfBlock, _ a1: inout HalfBlock) -> Void
) {
    let width = tiles &+ 1
    assert(blocks.upperBound * blockWidth <= ld, "column blocks beyond the row length")
    for block in blocks {
        let c = block &* blockWidth
        for t in 0..<tiles {
            for r in 0..<rows {
                let lo = Int(start[r &* width &+ t])
                let hi = Int(start[r &* width &+ t &+ 1])
                let offset = r &* ld &+ c
                let z = output + offset
                var a0 = HalfBlock(), a1 = HalfBlock()
                if t > 0 {
                    if lo == hi { continue }
                    a0 = loadHalf(z)
                    a1 = loadHalf(z + 16)
                }
                var j = lo
                while j < hi {
                    let (weight, sourceRow) = entry(j)
                    let s = HalfBlock(repeating: weight)
                    let x = source + (sourceRow &* ld &+ c)
                    a0 = a0 + s * loadHalf(x)
                    a1 = a1 + s * loadHalf(x + 16)
                    j &+= 1
                }
                if t == tiles &- 1 { finish(r, offset, &a0, &a1) }
                storeHalf(z, a0)
                storeHalf(z + 16, a1)
            }
        }
        // Rows whose last segment was empty have not had their last step yet.
        guard tiles > 1 else { continue }
        for r in 0..<rows {
            let last = r &* width &+ tiles
            guard start[last &- 1] == start[last] else { continue }
            let offset = r &* ld &+ c
            var a0 = loadHalf(output + offset), a1 = loadHalf(output + offset + 16)
            finish(r, offset, &a0, &a1)
            storeHalf(output + offset, a0)
            storeHalf(output + offset + 16, a1)
        }
    }
}
