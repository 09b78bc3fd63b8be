extension RandomState {
    /// Fills `buffer` in order with `standardNormal()` draws: numpy's `cont()` loop over the flat
    /// C-order buffer (§1.7). The allocation-free form of `randn`; the Gaussian cache carries
    /// over exactly as with single calls.
    public mutating func fillStandardNormal(_ buffer: UnsafeMutableBufferPointer<Double>) {
        for i in buffer.indices { buffer[i] = standardNormal() }
    }

    /// `np.random.randn(count)`: `count` standard normals in draw order.
    public mutating func randn(count: Int) -> [Double] {
        precondition(count >= 0, "randn needs a non-negative count")
        return [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            fillStandardNormal(buffer)
            initialized = count
        }
    }

    /// `np.random.randn(rows, columns)` as a flat row-major array (§1.7): element `[r][c]` is at
    /// `r * columns + c`, i.e. it is the `(r·columns + c)`-th normal of the call. So
    /// `randn(784, h)` fills row 0 (h values) first, then row 1, and so on.
    public mutating func randn(rows: Int, columns: Int) -> [Double] {
        precondition(rows >= 0 && columns >= 0, "randn needs non-negative dimensions")
        return randn(count: rows * columns)
    }
}
