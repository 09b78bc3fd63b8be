/// The ticks a panel shows on each axis, before any thinning for overlap.
enum PanelTicks {
    static func x(_ axes: Axes, range: ClosedRange<Double>) -> [Tick] {
        if let ticks = axes.xTicks { return ticks.filter { range.contains($0.value) } }
        for s in axes.series {
            switch s {
            case .heatmap(let h): return h.columnLabels.enumerated().map {
                Tick(Double($0.offset), $0.element)
            }
            case .bars(let b): return b.categories.enumerated().map {
                Tick(Double($0.offset), $0.element)
            }
            case .image: return []
            default: continue
            }
        }
        return generated(range, axes.xScale)
    }

    static func y(_ axes: Axes, range: ClosedRange<Double>) -> [Tick] {
        if let ticks = axes.yTicks { return ticks.filter { range.contains($0.value) } }
        for s in axes.series {
            switch s {
            case .heatmap(let h): return h.rowLabels.enumerated().map {
                Tick(Double($0.offset), $0.element)
            }
            case .image: return []
            default: continue
            }
        }
        return generated(range, axes.yScale, target: 5)
    }

    static func generated(_ range: ClosedRange<Double>, _ scale: Scale, target: Int = 6) -> [Tick] {
        switch scale {
        case .linear: return TickGenerator.linear(low: range.lowerBound, high: range.upperBound,
                                                  target: target)
        case .log10: return TickGenerator.log(low: range.lowerBound, high: range.upperBound)
        }
    }

    /// Every k-th tick, with the smallest k for which neighbouring labels keep `gap` points apart.
    /// `extent(i)` is label i's size along the axis and `position(i)` its centre.
    static func thinned(_ ticks: [Tick], gap: Double = 4, position: (Tick) -> Double,
                        extent: (Tick) -> Double) -> [Tick] {
        guard ticks.count > 2 else { return ticks }
        for k in 1...ticks.count {
            let kept = stride(from: 0, to: ticks.count, by: k).map { ticks[$0] }
            let fits = zip(kept, kept.dropFirst()).allSatisfy { a, b in
                abs(position(b) - position(a)) >= (extent(a) + extent(b)) / 2 + gap
            }
            if fits { return kept }
        }
        return [ticks[0]]
    }
}
