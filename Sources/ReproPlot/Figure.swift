/// A whole figure: its size, an optional title, and panels laid out in rows × columns.
public struct Figure: Sendable {
    /// Size in inches (matplotlib's default is 6.4 × 4.8).
    public var width: Double
    public var height: Double
    public var title: String?
    public var rows: Int
    public var columns: Int
    public var panels: [Axes]

    public init(width: Double = 6.4, height: Double = 4.8, title: String? = nil, rows: Int = 1,
                columns: Int = 1, panels: [Axes]) {
        precondition(rows >= 1 && columns >= 1 && panels.count <= rows * columns,
                     "more panels than grid cells")
        self.width = width; self.height = height; self.title = title
        self.rows = rows; self.columns = columns; self.panels = panels
    }

    /// A one-panel figure.
    public init(width: Double = 6.4, height: Double = 4.8, _ axes: Axes) {
        self.init(width: width, height: height, panels: [axes])
    }

    /// Size in points (1/72 inch).
    public var pointSize: Size { Size(width * 72, height * 72) }
}
