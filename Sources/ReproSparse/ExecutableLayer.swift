import ReproKernels
/// One layer compiled for execution: its weights in the layout its kernels want, restricted to
/// the active units of the two levels it connects (see ``Compaction``).
///
/// `forward` and `backward` work on a range of column blocks (samples) and `update` on one of
/// `parts` row ranges, so a batch can be shared between threads along samples for the passes
/// and along output units for the weight step, without two threads writing the same memory.
protocol ExecutableLayer: AnyObject {
    /// Active output units (rows of the output activations).
    var rows: Int { get }
    /// Active input units (rows of the input activations).
    var columns: Int { get }
    /// Multiply-adds per sample in one forward pass (the kept weights that are computed).
    var workPerSample: Int { get }

    func forward(
        input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>, ld: Int,
        blocks: Range<Int>, relu: Bool)
    func backward(
        delta: UnsafePointer<Float>, mask: UnsafePointer<Float>?,
        output: UnsafeMutablePointer<Float>, ld: Int, blocks: Range<Int>)
    func update(
        delta: UnsafePointer<Float>, input: UnsafePointer<Float>, ld: Int, batch: Int,
        part: Int, step: SGDStep)

    /// The stored layer with this layer's current values written over its active part.
    func written(into layer: SparseLayer) -> SparseLayer
    /// The momentum buffers in stored order (kept weights, biases), dead entries 0.
    func velocities(like layer: SparseLayer) -> (weights: [Float], bias: [Float])
    func setVelocities(weights: [Float], bias: [Float])
}

/// Splits rows 0..<count into `parts` contiguous ranges of about equal cost.
enum RowPartition {
    static func balanced(parts: Int, count: Int, cost: (Int) -> Int) -> [Range<Int>] {
        let total = (0..<count).reduce(0) { $0 + cost($1) }
        var bounds = [0]
        var acc = 0
        var r = 0
        for p in 1..<max(1, parts) {
            let target = total * p / parts
            while r < count && acc + cost(r) <= target {
                acc += cost(r)
                r += 1
            }
            bounds.append(r)
        }
        bounds.append(count)
        return (0..<(bounds.count - 1)).map { bounds[$0]..<max(bounds[$0], bounds[$0 + 1]) }
    }
}
