import ReproKernelDispatch
/// The output gradient of a batch norm one (image, channel) plane at a time: dy itself, or — when
/// a ReLU after the batch norm was fused into it — dy where the ReLU's output is positive and 0
/// elsewhere (the ReLU's own backward pass), made in a plane-sized buffer of this thread.
struct GradientPlane {
    private let dy: UnsafePointer<Float>
    private let reluOutput: UnsafePointer<Float>?
    private let buffer: FloatBuffer?

    init(_ s: BatchNormKernel.Shape, dy: UnsafePointer<Float>, reluOutput: UnsafePointer<Float>?) {
        self.dy = dy; self.reluOutput = reluOutput
        buffer = reluOutput == nil ? nil : FloatBuffer(count: s.positions)
    }

    /// The plane of `positions` floats at flat offset `offset`.
    func at(_ offset: Int) -> UnsafePointer<Float> {
        guard let reluOutput, let buffer else { return dy + offset }
        let g = buffer.pointer, y = reluOutput + offset, d = dy + offset
        Kernels.active.reluGradient(buffer.count, y, d, g)
        return UnsafePointer(g)
    }
}
