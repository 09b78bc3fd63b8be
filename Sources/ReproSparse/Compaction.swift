/// Exact work avoidance: units that cannot affect the output are left out of the computation.
///
/// A hidden unit is *dead* when none of its kept outgoing weights reaches a live unit of the next
/// level (the output units are live). Its gradient is then a sum of kept weights times zero
/// gradients, exactly 0, so the weights and the bias into it never move (momentum stays 0), and
/// its value reaches the output only through dropped positions, i.e. not at all. At keep
/// 128/32,768 about 96 % of the hidden units are dead (a unit keeps each of its 10 outgoing
/// weights with probability 1/256), and with them 96 % of the first layer's weights.
///
/// Leaving a dead unit out therefore changes no number: every live unit's sum loses only terms
/// that are exactly ±0, added to a sum that starts at +0, which leaves it bit for bit unchanged.
/// The test `testCompactedTrainingIsBitIdentical` trains both ways and compares every bit.
///
/// A hidden level is compacted only when both layers touching it run sparse kernels (a dense
/// GEMM keeps its full shape, so BLAS sums in the same order as without compaction). The input
/// level is compacted to the pixels that feed a live unit when the first layer is sparse, which
/// only saves gathering pixels that no kept weight reads.
///
/// Not exact, so not done: dropping input pixels that are 0 in every training image (after the
/// normalisation they are −0.424, not 0, and their weights do get gradients); dropping units with
/// no incoming weight (their activation ReLU(b) is a constant but still reaches the output).
enum Compaction {
    /// Whether each unit of each level (0 = input … L = output) can affect the output.
    static func liveUnits(_ model: SparseMLP) -> [[Bool]] {
        let layers = model.layers
        var live = [[Bool]](repeating: [], count: layers.count + 1)
        live[layers.count] = [Bool](repeating: true, count: model.outputSize)
        for l in stride(from: layers.count - 1, through: 0, by: -1) {
            let layer = layers[l]
            var level = [Bool](repeating: false, count: layer.fanIn)
            let above = live[l + 1]
            for p in layer.indices {
                let o = Int(p) / layer.fanIn
                if above[o] { level[Int(p) - o * layer.fanIn] = true }
            }
            live[l] = level
        }
        return live
    }

    /// The active units of every level, given which layers run dense.
    static func activeUnits(_ model: SparseMLP, dense: [Bool], enabled: Bool) -> [ActiveUnits] {
        let layers = model.layers
        let sizes = [model.inputSize] + layers.map(\.fanOut)
        guard enabled else { return sizes.map { ActiveUnits.all($0) } }
        let live = liveUnits(model)
        return sizes.indices.map { level in
            let below = level == 0 ? false : dense[level - 1]
            let above = level == layers.count ? true : dense[level]
            let compact = level < layers.count && !above && (level == 0 || !below)
            guard compact else { return ActiveUnits.all(sizes[level]) }
            let units = live[level].indices.filter { live[level][$0] }.map { Int32($0) }
            return ActiveUnits(total: sizes[level], units: units)
        }
    }
}
