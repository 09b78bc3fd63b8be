import ReproKernels

/// Kept weights grouped by row for the sparse kernels: row r owns entries start[r] ..< start[r + 1],
/// each with its offset into a source tile and its index into the compact (flat OIHW order)
/// values. Forward rows are output channels (the compact order itself); input-gradient rows are
/// input channels or patch rows, entries ascending in the compact order within a row.
struct SparseRows {
    let start: [Int]
    let offset: [Int]
    let entry: [Int]
    /// Whether `entry` is 0, 1, 2, …: the compact values are already in row order.
    let isCompactOrder: Bool

    var count: Int { start.count - 1 }

    /// Buckets the `kept` compact entries by `row(e)` (stable), with `offset(e)` each.
    init(rows: Int, kept: Int, row: (Int) -> Int, offset: (Int) -> Int) {
        var start = [Int](repeating: 0, count: rows + 1)
        let rowOf = (0..<kept).map(row)
        for r in rowOf { start[r + 1] += 1 }
        for r in 0..<rows { start[r + 1] += start[r] }
        var fill = start
        var entry = [Int](repeating: 0, count: kept)
        var offsets = [Int](repeating: 0, count: kept)
        for e in 0..<kept {
            let r = rowOf[e]
            entry[fill[r]] = e
            offsets[fill[r]] = offset(e)
            fill[r] += 1
        }
        self.start = start; self.entry = entry; self.offset = offsets
        isCompactOrder = entry.enumerated().allSatisfy { $0.offset == $0.element }
    }

    /// The compact `values` in row order.
    /// The rows as the kernels read them.
    func withRows<T>(_ body: (ShiftedRows) -> T) -> T {
        start.withUnsafeBufferPointer { s in
            offset.withUnsafeBufferPointer { o in
                body(ShiftedRows(count: count, start: s.baseAddress!, offset: o.baseAddress!))
            }
        }
    }

    func gather(_ values: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>) {
        for (i, e) in entry.enumerated() { out[i] = values[e] }
    }
}
