/// Automatic axis limits: the data range of every series plus a 5 % margin on each side (on log
/// axes, 5 % of the decades), never including values the scale cannot show.
public enum AxisLimits {
    public static let margin = 0.05

    public static func x(_ axes: Axes) -> ClosedRange<Double> {
        if let fixed = axes.xLimits { return fixed }
        let v = values(axes.resolvedSeries, x: true)
        return axes.isCellGrid ? v.min()!...v.max()! : padded(v, scale: axes.xScale)
    }

    public static func y(_ axes: Axes) -> ClosedRange<Double> {
        if let fixed = axes.yLimits { return fixed }
        let v = values(axes.resolvedSeries, x: false)
        return axes.isCellGrid ? v.min()!...v.max()! : padded(v, scale: axes.yScale)
    }

    static func values(_ series: [Series], x: Bool) -> [Double] {
        series.flatMap { s -> [Double] in
            switch s {
            case .line(let l): return x ? l.x : l.y
            case .errorBars(let e):
                return x ? e.x : zip(e.y, e.error).flatMap { [$0 - $1, $0 + $1] }
            case .band(let b): return x ? b.x : b.lower + b.upper
            case .scatter(let sc): return x ? sc.x : sc.y
            case .bars(let b):
                if x { return [-0.5, Double(b.values.count) - 0.5] }
                return [0] + zip(b.values, b.errors ?? b.values.map { _ in 0 }).map { $0 + $1 }
            case .heatmap(let h):
                return x ? [-0.5, Double(h.columnLabels.count) - 0.5]
                         : [-0.5, Double(h.rowLabels.count) - 0.5]
            case .image(let i):
                return x ? [-0.5, Double(i.columns) - 0.5] : [-0.5, Double(i.rows) - 0.5]
            }
        }
    }

    public static func padded(_ values: [Double], scale: Scale) -> ClosedRange<Double> {
        let usable = values.filter { scale.accepts($0) }
        guard var low = usable.min(), var high = usable.max() else {
            return scale == .log10 ? 1...10 : 0...1
        }
        switch scale {
        case .linear:
            if low == high { low -= 0.5; high += 0.5 }
            let pad = (high - low) * margin
            return (low - pad)...(high + pad)
        case .log10:
            if low == high { low /= 2; high *= 2 }
            let ratio = _pow(high / low, margin)
            return (low / ratio)...(high * ratio)
        }
    }
}
