import ReproKernels
/// A layer run by dense BLAS: the weights as a full rows × columns matrix with zeros at the
/// dropped positions. Worth it when the layer keeps a large fraction of its weights (see
/// ``SparseKernelChoice/denseCrossover``); never compacted, so BLAS sees the full shape.
///
/// The momentum buffer holds the kept weights only, and the step reads the dense gradient at the
/// kept positions only, so dropped weights stay exactly 0 as in the sparse kernels.
final class DenseExecutableLayer: ExecutableLayer {
    let rows: Int
    let columns: Int
    private let weights: AlignedBuffer<Float>
    private let gradient: AlignedBuffer<Float>
    /// Flat position in `weights` of each kept weight, in stored order (equal to the stored index,
    /// as both are output · fanIn + input).
    private let kept: AlignedBuffer<Int32>
    private let velocity: AlignedBuffer<Float>
    private let bias: AlignedBuffer<Float>
    private let biasVelocity: AlignedBuffer<Float>
    /// Row ranges for the threads' share of the step, and the kept entries of each.
    private let partition: [Range<Int>]
    private let keptRanges: [Range<Int>]

    var workPerSample: Int { rows * columns }

    init(layer: SparseLayer, parts: Int) {
        rows = layer.fanOut
        columns = layer.fanIn
        weights = AlignedBuffer(count: rows * columns)
        gradient = AlignedBuffer(count: rows * columns)
        kept = AlignedBuffer(layer.indices)
        velocity = AlignedBuffer(count: layer.kept)
        for (p, v) in zip(layer.indices, layer.values) { weights[Int(p)] = v }
        bias = AlignedBuffer(layer.bias)
        biasVelocity = AlignedBuffer(count: rows)
        partition = RowPartition.balanced(parts: parts, count: rows) { _ in 1 }
        let indices = layer.indices
        let fanIn = columns
        keptRanges = partition.map { range in
            let first = indices.partitionPoint { Int($0) < range.lowerBound * fanIn }
            let end = indices.partitionPoint { Int($0) < range.upperBound * fanIn }
            return first..<end
        }
    }

    func forward(
        input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>, ld: Int,
        blocks: Range<Int>, relu: Bool
    ) {
        guard !blocks.isEmpty else { return }
        DenseKernel.forward(
            weights: weights.pointer, bias: bias.pointer, rows: rows, columns: columns,
            input: input, output: output, ld: ld, first: blocks.lowerBound * blockWidth,
            width: blocks.count * blockWidth, relu: relu)
    }

    func backward(
        delta: UnsafePointer<Float>, mask: UnsafePointer<Float>?,
        output: UnsafeMutablePointer<Float>, ld: Int, blocks: Range<Int>
    ) {
        guard !blocks.isEmpty else { return }
        DenseKernel.backward(
            weights: weights.pointer, rows: rows, columns: columns, delta: delta,
            mask: mask, output: output, ld: ld, first: blocks.lowerBound * blockWidth,
            width: blocks.count * blockWidth)
    }

    func update(
        delta: UnsafePointer<Float>, input: UnsafePointer<Float>, ld: Int, batch: Int,
        part: Int, step: SGDStep
    ) {
        let range = partition[part]
        DenseKernel.gradient(
            rows: range, columns: columns, delta: delta, input: input, ld: ld,
            batch: batch, into: gradient.pointer)
        let blocks = (batch + blockWidth - 1) / blockWidth
        for r in range where step.biases {
            let gb = RowSum.of(delta + r * ld, blocks: blocks)
            step.apply(gradient: gb, weight: bias.pointer + r, velocity: biasVelocity.pointer + r)
        }
        let w = weights.pointer
        let g = gradient.pointer
        let v = velocity.pointer
        for q in keptRanges[part] {
            let p = Int(kept[q])
            step.apply(gradient: g[p], weight: w + p, velocity: v + q)
        }
    }

    var matrix: [Float] { weights.array }

    func written(into layer: SparseLayer) -> SparseLayer {
        layer.with(values: layer.indices.map { weights[Int($0)] }, bias: bias.array)
    }

    func velocities(like layer: SparseLayer) -> (weights: [Float], bias: [Float]) {
        (velocity.array, biasVelocity.array)
    }

    func setVelocities(weights: [Float], bias: [Float]) {
        for q in 0..<velocity.count { velocity[q] = weights[q] }
        for r in 0..<rows { biasVelocity[r] = bias[r] }
    }
}

extension Array {
    /// The first index whose element fails `belongs` (the array is partitioned by it).
    func partitionPoint(_ belongs: (Element) -> Bool) -> Int {
        var lo = 0
        var hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if belongs(self[mid]) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
