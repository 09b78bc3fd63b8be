import ReproKernels
/// The activation and gradient matrices of one batch, allocated once per trainer or inference
/// engine: one feature-major matrix (active units × `ld`) per level, plus per-sample slots.
///
/// `ld` is the batch capacity rounded up to whole column blocks, plus 16 floats, so that rows do
/// not all start at the same cache set (rows 512 bytes apart alias in L1).
final class Workspace {
    let capacity: Int
    let ld: Int
    let activation: [AlignedBuffer<Float>]
    /// Gradients with respect to each level's pre-activation; level 0 only when asked for.
    let delta: [AlignedBuffer<Float>]
    let loss: AlignedBuffer<Float>
    let predicted: AlignedBuffer<Int32>
    let label: AlignedBuffer<Int32>
    let sample: AlignedBuffer<Int32>

    init(levels: [ActiveUnits], capacity: Int, inputGradient: Bool) {
        self.capacity = capacity
        let blocks = (capacity + blockWidth - 1) / blockWidth
        ld = blocks * blockWidth + 16
        activation = levels.map { AlignedBuffer(count: $0.count * (blocks * blockWidth + 16)) }
        delta = levels.indices.map { l in
            AlignedBuffer(
                count: l > 0 || inputGradient ? levels[l].count * (blocks * blockWidth + 16) : 0)
        }
        loss = AlignedBuffer(count: ld)
        predicted = AlignedBuffer(count: ld)
        label = AlignedBuffer(count: ld)
        sample = AlignedBuffer(count: ld)
    }

    /// Column blocks holding `count` samples.
    static func blocks(for count: Int) -> Int { (count + blockWidth - 1) / blockWidth }

    /// The share of `blocks` column blocks of thread t among `threads`.
    static func blockRange(_ t: Int, of threads: Int, blocks: Int) -> Range<Int> {
        (blocks * t / threads)..<(blocks * (t + 1) / threads)
    }
}
