/// A row-major grid of doubles: the float64 NumPy array every corruption works on. Indexing is
/// [row, column] as in NumPy; skimage's "x" is the column and "y" the row (protocol B §2.1).
struct Plane: Equatable {
    let rows: Int
    let cols: Int
    var values: [Double]

    init(rows: Int, cols: Int, repeating value: Double = 0) {
        self.rows = rows
        self.cols = cols
        self.values = [Double](repeating: value, count: rows * cols)
    }

    init(rows: Int, cols: Int, values: [Double]) {
        precondition(values.count == rows * cols, "plane size mismatch")
        self.rows = rows
        self.cols = cols
        self.values = values
    }

    @inline(__always)
    subscript(row: Int, col: Int) -> Double {
        get { values[row * cols + col] }
        set { values[row * cols + col] = newValue }
    }

    /// The largest value (NumPy's `max()`); −∞ for an empty plane.
    var maximum: Double { values.reduce(-Double.infinity) { Swift.max($0, $1) } }

    /// The smallest value (NumPy's `min()`); +∞ for an empty plane.
    var minimum: Double { values.reduce(Double.infinity) { Swift.min($0, $1) } }

    /// Applies `transform` to every value.
    func map(_ transform: (Double) -> Double) -> Plane {
        Plane(rows: rows, cols: cols, values: values.map(transform))
    }
}
