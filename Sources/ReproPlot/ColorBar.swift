/// A colour scale beside an axes, for heatmaps and colour-mapped images.
public struct ColorBar: Equatable, Sendable {
    public var colormap: Colormap
    public var range: ClosedRange<Double>
    public var label: String?

    public init(colormap: Colormap, range: ClosedRange<Double>, label: String? = nil) {
        self.colormap = colormap; self.range = range; self.label = label
    }
}
