/// Cuts every compressed row of a sparse layer into segments by ranges of its column index
/// (tiles of `height` consecutive columns), so a kernel can walk all rows' segments of one tile
/// while that tile's rows of the other operand stay in the 32 kB L1 cache. Without it the other
/// operand (for the first layer, 784 rows of 576 bytes) does not even fit the 512 kB L2 next to
/// the output, and every kept weight waits for a row from L3.
///
/// Tiling never changes a number: the forward and backward kernels carry a row's running sum from
/// one tile to the next through memory and add the terms in the same order as without tiles, and
/// the weight step computes each weight's whole dot product in one go.
struct Tiling {
    let tiles: Int
    /// Segment t of row r is start[r · (tiles + 1) + t] ..< start[r · (tiles + 1) + t + 1].
    let start: AlignedBuffer<Int32>

    /// Average kept weights per row and tile below which tiling costs more (reloading the running
    /// sums) than the cache misses it saves.
    static let minimumSegment = 6

    /// Off only in tests, to prove that tiling changes no number.
    nonisolated(unsafe) static var enabled = true

    /// `rowStart` / `column` in CSR form; `columns` the column count; `rowBytes` what one column
    /// index costs in the cache (bytes of the other operand a segment touches per index).
    init(
        rowStart: AlignedBuffer<Int32>, column: AlignedBuffer<Int32>, rows: Int, columns: Int,
        rowBytes: Int
    ) {
        let height = max(8, 24 * 1024 / rowBytes)
        var tiles = max(1, (columns + height - 1) / height)
        let nnz = rows > 0 ? Int(rowStart[rows]) : 0
        if !Self.enabled || rows == 0 || nnz / (rows * tiles) < Self.minimumSegment { tiles = 1 }
        self.tiles = tiles
        let width = tiles + 1
        start = AlignedBuffer(count: rows * width)
        for r in 0..<rows {
            var j = Int(rowStart[r])
            let end = Int(rowStart[r + 1])
            start[r * width] = Int32(j)
            for t in 1...tiles {
                let bound = tiles == 1 ? Int.max : t * height
                while j < end && Int(column[j]) < bound { j += 1 }
                start[r * width + t] = Int32(j)
            }
        }
    }
}
