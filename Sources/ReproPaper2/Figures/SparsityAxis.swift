import Foundation
import ReproExperiments
import ReproConv
import ReproPlot

/// Where a family's networks sit along x, the same in every figure: sparsity grows to the
/// right. The width families (static and pruned) are placed by their share of remaining
/// weights in % (128 / width exactly), on a reversed log axis from 100 % (the dense 128-unit
/// base) down to 0.39 %; the depth family by its number of hidden layers (1, 2, 4, 8, on a log
/// axis, so evenly spaced) with its remaining share (from the records, else the design) in the tick
/// label. The dense base is drawn as a dotted vertical line.
struct SparsityAxis {
    var label: String
    /// The label of a small panel (Fig. 9).
    var shortLabel: String
    /// Fixed, so every panel of a family spans the same sizes whatever was computed.
    var limits: ClosedRange<Double>
    var scale: Scale = .log10
    var reversed: Bool
    var ticks: [Tick]
    /// The dense base's x and its legend label.
    var base: Double
    var baseLabel: String
    private var place: (NetworkSize) -> Double?
    private var name: (NetworkSize) -> String

    /// The axis of `family`: a depth family's by depth, every other by its share of remaining
    /// weights (a pruned family shares its width family's).
    static func of(_ family: Paper2Family, _ r: Paper2Results) -> SparsityAxis {
        guard family.role == .depth else { return width(family.network, r) }
        return family.network == .mlp ? depth(r.evaluatedRecords(.sparseDepth))
            : convDepth(family, r.evaluatedRecords(family))
    }

    static let width = width(.mlp)

    /// The width axis of a kind of network: the MLP's 2^7…2^15 units, a CNN's base widths
    /// 16…128 channels, each at its share of the base's weights; with results, only the widths
    /// they hold of that network's width and pruned families (the default profile's VGG11 stops
    /// at 64 channels: no empty tick where nothing was run).
    static func width(_ network: Paper2Network, _ r: Paper2Results? = nil) -> SparsityAxis {
        let all = network == .mlp ? Paper2Family.allWidths : Paper2Family.convWidths
        let present = Set(Paper2Family.allCases
            .filter { $0.network == network && $0.role != .depth }
            .flatMap { r?.evaluatedRecords($0) ?? [] }.map(\.spec.width))
        let widths = present.isEmpty ? all : all.filter(present.contains)
        let input = Paper2Input(r?.dataset)
        func share(_ network: Paper2Network, _ width: Int) -> Double {
            Self.share(network, width, input: input)
        }
        let unit = network == .mlp ? "units" : "channels"
        let base = network == .mlp ? "dense base (128 units)"
            : "dense base (\(network.title)\(network == .vgg ? 11 : 18)-16)"
        return SparsityAxis(
            label: "remaining weights (%, log scale; sparser →)",
            shortLabel: "remaining weights (%) →",
            limits: AxisLimits.padded(widths.map { share(network, $0) }, scale: .log10),
            reversed: true,
            ticks: widths.map { Tick(share(network, $0), shareText(share(network, $0))) },
            base: 100, baseLabel: base,
            place: { share(network, $0.width) },
            name: { "\($0.width) \(unit), \(shareText(share(network, $0.width))) %" })
    }

    /// A CNN depth family's axis: its architectures by depth (log scale), each tick naming the
    /// architecture and its share of remaining weights.
    static func convDepth(_ family: Paper2Family, _ records: [ModelRecord]) -> SparsityAxis {
        var shares: [Int: Double] = [:]
        for record in records { shares[record.spec.depth] = 100 * record.spec.keepFraction }
        let depths = family.depths
        let prefix = family.network.title
        func text(_ depth: Int) -> String {
            shares[depth].map { "\(depth) (\(shareText($0)) %)" } ?? "\(depth)"
        }
        let width = records.first?.spec.width ?? Paper2Family.convDepthWidth
        return SparsityAxis(
            label: "\(prefix) depth at width \(width) (remaining weights; sparser →)",
            shortLabel: "depth →",
            limits: AxisLimits.padded(depths.map(Double.init), scale: .log10), reversed: false,
            ticks: depths.map { Tick(Double($0), text($0)) },
            base: Double(depths[0]), baseLabel: "dense base (\(prefix)\(depths[0])-\(width))",
            place: { Double($0.depth) },
            name: { "\(prefix)" + text($0.depth) })
    }

    static func depth(_ records: [ModelRecord]) -> SparsityAxis {
        var shares: [Int: Double] = [:]
        for depth in Paper2Family.allDepths {
            shares[depth] = designShare(depth)
        }
        for record in records { shares[record.spec.depth] = 100 * record.spec.keepFraction }
        let depths = shares.keys.sorted()
        func text(_ depth: Int) -> String {
            shares[depth].map { "\(depth) (\(shareText($0)) %)" } ?? "\(depth)"
        }
        return SparsityAxis(
            label: "hidden layers of 512 units (remaining weights; sparser →)",
            shortLabel: "hidden layers →",
            limits: AxisLimits.padded(depths.map(Double.init), scale: .log10), reversed: false,
            ticks: depths.map { Tick(Double($0), text($0)) },
            base: 1, baseLabel: "dense base (1 × 512 units)",
            place: { Double($0.depth) },
            name: { "depth " + text($0.depth) })
    }

    /// The share in % the design gives a depth (where no record says it).
    static func designShare(_ depth: Int) -> Double? {
        guard let shapes = try? Paper2Family.sparseDepth.shapes(
            width: Paper2Family.depthWidth, depth: depth) else { return nil }
        let kept = shapes.reduce(0) { $0 + $1.kept }
        let total = shapes.reduce(0) { $0 + $1.fanIn * $1.fanOut }
        return 100 * Double(kept) / Double(total)
    }

    /// The x of a network of this size.
    func x(_ size: NetworkSize) -> Double? { place(size) }
    func x(_ row: RobustnessRow) -> Double? { place(NetworkSize(row)) }

    /// A size's legend label ("512 units, 25 %" or "depth 2 (61 %)").
    func sizeLabel(_ size: NetworkSize) -> String { name(size) }

    /// Sets the x scale, direction, ticks and label of `axes`.
    func configure(_ axes: inout Axes) {
        axes.xScale = scale
        axes.xReversed = reversed
        axes.xTicks = ticks
        axes.xLimits = limits
        axes.xLabel = label
    }

    /// 100 × 128 / width.
    static func share(_ width: Int) -> Double {
        100 * Double(Paper2Family.baseWidth) / Double(width)
    }

    /// The share in % of its weights a width keeps: 128 / width for the MLP; for a CNN, the
    /// width-16 net's weight count over this width's (about (16 / width)²) on its data set's
    /// images (MNIST's unless told).
    static func share(_ network: Paper2Network, _ width: Int,
                      input: Paper2Input = Paper2Input(nil)) -> Double {
        guard network != .mlp else { return share(width) }
        let name = network == .vgg ? "vgg11" : "resnet18"
        guard let base = try? input.architecture(name, width: Paper2Family.convBaseWidth).capacity(),
              let mine = try? input.architecture(name, width: width).capacity() else { return .nan }
        return 100 * Double(base) / Double(mine)
    }

    /// A share in % as a tick reads it: 100, 50, 12.5, 3.13, 0.78, 0.39.
    static func shareText(_ percent: Double) -> String {
        percent >= 1 ? String(format: "%.3g", percent * (1 + 1e-9))
                     : String(format: "%.2f", percent)
    }
}
