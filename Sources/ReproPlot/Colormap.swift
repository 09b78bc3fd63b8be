/// A continuous colour map from [0, 1] to colours, quantised to 256 levels as matplotlib's are
/// (so `colormap(x)` equals matplotlib's `cmap(x)` to within the anchor interpolation, < 0.007).
public struct Colormap: Equatable, Sendable {
    public let name: String
    /// Anchor positions in [0, 1] and their colours; linear interpolation in between.
    let positions: [Double]
    let colors: [(Double, Double, Double)]

    public static func == (a: Colormap, b: Colormap) -> Bool { a.name == b.name }

    init(name: String, positions: [Double], colors: [(Double, Double, Double)]) {
        precondition(positions.count == colors.count && positions.count >= 2)
        self.name = name; self.positions = positions; self.colors = colors
    }

    /// The colour at `value` in [0, 1] (clamped; NaN maps to transparent).
    public func callAsFunction(_ value: Double) -> Color {
        guard value.isFinite else { return .clear }
        let level = min(max(Int(value * 256), 0), 255)          // matplotlib's 256-level lookup
        return interpolate(Double(level) / 255)
    }

    /// The colour for `value` on a `low … high` range.
    public func color(_ value: Double, low: Double, high: Double) -> Color {
        self(high > low ? (value - low) / (high - low) : 0.5)
    }

    func interpolate(_ t: Double) -> Color {
        var k = 0
        while k < positions.count - 2 && t > positions[k + 1] { k += 1 }
        let span = positions[k + 1] - positions[k]
        let f = span > 0 ? min(max((t - positions[k]) / span, 0), 1) : 0
        let (a, b) = (colors[k], colors[k + 1])
        return Color(a.0 + (b.0 - a.0) * f, a.1 + (b.1 - a.1) * f, a.2 + (b.2 - a.2) * f)
    }

    public static let gray = Colormap(name: "gray", positions: [0, 1],
                                      colors: [(0, 0, 0), (1, 1, 1)])

    /// matplotlib's `hot`: black → red → yellow → white, from its segment definition.
    public static let hot: Colormap = {
        // Each channel is piecewise linear; merge the breakpoints of the three channels.
        let breaks = [0, 0.365079, 0.746032, 1.0]
        func red(_ t: Double) -> Double { t < 0.365079 ? 0.0416 + (1 - 0.0416) * t / 0.365079 : 1 }
        func green(_ t: Double) -> Double {
            t < 0.365079 ? 0 : t < 0.746032 ? (t - 0.365079) / (0.746032 - 0.365079) : 1
        }
        func blue(_ t: Double) -> Double { t < 0.746032 ? 0 : (t - 0.746032) / (1 - 0.746032) }
        return Colormap(name: "hot", positions: breaks,
                        colors: breaks.map { (red($0), green($0), blue($0)) })
    }()

    /// matplotlib's `viridis`, sampled at every 8th of its 256 entries (and the last).
    public static let viridis = Colormap(
        name: "viridis",
        positions: (Array(stride(from: 0, through: 248, by: 8)) + [255]).map { Double($0) / 255 },
        colors: [
            (0.267004, 0.004874, 0.329415), (0.277018, 0.050344, 0.375715),
            (0.282327, 0.094955, 0.417331),
            (0.282884, 0.135920, 0.453427), (0.278826, 0.175490, 0.483397),
            (0.270595, 0.214069, 0.507052),
            (0.258965, 0.251537, 0.524736), (0.244972, 0.287675, 0.537260),
            (0.229739, 0.322361, 0.545706),
            (0.214298, 0.355619, 0.551184), (0.199430, 0.387607, 0.554642),
            (0.185556, 0.418570, 0.556753),
            (0.172719, 0.448791, 0.557885), (0.160665, 0.478540, 0.558115),
            (0.149039, 0.508051, 0.557250),
            (0.137770, 0.537492, 0.554906), (0.127568, 0.566949, 0.550556),
            (0.120565, 0.596422, 0.543611),
            (0.120638, 0.625828, 0.533488), (0.132268, 0.655014, 0.519661),
            (0.157851, 0.683765, 0.501686),
            (0.196571, 0.711827, 0.479221), (0.246070, 0.738910, 0.452024),
            (0.304148, 0.764704, 0.419943),
            (0.369214, 0.788888, 0.382914), (0.440137, 0.811138, 0.340967),
            (0.515992, 0.831158, 0.294279),
            (0.595839, 0.848717, 0.243329), (0.678489, 0.863742, 0.189503),
            (0.762373, 0.876424, 0.137064),
            (0.845561, 0.887322, 0.099702), (0.926106, 0.897330, 0.104071),
            (0.993248, 0.906157, 0.143936),
        ])

    public static func named(_ name: String) -> Colormap? {
        [gray, hot, viridis, coolwarm].first { $0.name == name }
    }
}

extension Colormap {
    /// A diverging map for signed differences: blue (−) through light grey (0) to red (+),
    /// close to matplotlib's `coolwarm` (anchored on its end and middle colours).
    public static let coolwarm = Colormap(
        name: "coolwarm", positions: [0, 0.25, 0.5, 0.75, 1],
        colors: [(0.230, 0.299, 0.754), (0.554, 0.690, 0.996), (0.867, 0.864, 0.863),
                 (0.957, 0.598, 0.477), (0.706, 0.016, 0.150)])
}
