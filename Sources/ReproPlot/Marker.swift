/// Marker shapes for lines, error bars and scatter plots.
public enum Marker: String, Sendable, CaseIterable {
    case none, circle, square, triangle, diamond, cross

    /// Markers in the order series get them when each series should differ in shape too.
    public static let cycle: [Marker] = [.circle, .square, .triangle, .diamond]
}
