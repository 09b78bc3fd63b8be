/// Categorical colours: matplotlib's ten `tab10` colours, then four darker ones, so up to 14 series
/// (paper 1 has up to 11 hidden sizes in one plot) stay distinguishable.
public enum Palette {
    public static let categorical: [Color] = [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
        "#bcbd22", "#17becf",
        "#393b79", "#637939", "#8c6d31", "#843c39",
    ].map { Color(hex: $0) }

    /// The i-th categorical colour (cycling past the end).
    public static func color(_ index: Int) -> Color { categorical[index % categorical.count] }

    /// `count` colours sampled evenly from a colour map, for ordered categories (e.g. sizes).
    public static func sequential(_ count: Int, colormap: Colormap = .viridis, from low: Double = 0,
                                  to high: Double = 0.92) -> [Color] {
        guard count > 1 else { return [colormap(low)] }
        return (0..<count).map {
            colormap.interpolate(low + (high - low) * Double($0) / Double(count - 1))
        }
    }
}
