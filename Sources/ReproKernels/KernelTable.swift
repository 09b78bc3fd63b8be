/// The hot kernels of one instruction set: the sparse MLP's three passes, the sparse conv's two
/// inner loops, and the vector loops the conv graph runs on every activation. Each entry is a
/// kernel body (`@inlinable`) compiled in the module that builds the table, so the module's target
/// CPU decides the instructions; callers reach the kernels only through a table.
public struct KernelTable: Sendable {
    public let family: KernelFamily
    public let sparseForward: @Sendable (SparseForwardPass) -> Void
    public let sparseBackward: @Sendable (SparseBackwardPass) -> Void
    public let sparseUpdate: @Sendable (SparseUpdatePass) -> Void
    public let shiftedRowSums: @Sendable (ShiftedRowSums) -> Void
    public let shiftedRowDots: @Sendable (ShiftedRowDots) -> Void
    /// y += a · x over n elements.
    public let axpy: @Sendable (_ n: Int, _ a: Float, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>) -> Void
    /// Σ x over n elements.
    public let sum: @Sendable (_ n: Int, _ x: UnsafePointer<Float>) -> Float
    /// Σ x·y over n elements.
    public let dot: @Sendable (_ n: Int, _ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>) -> Float
    /// y = max(0, x) over n elements.
    public let relu: @Sendable (_ n: Int, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>) -> Void
    /// dx = dy where y > 0, else 0, over n elements.
    public let reluGradient: @Sendable (_ n: Int, _ y: UnsafePointer<Float>, _ dy: UnsafePointer<Float>,
                                        _ dx: UnsafeMutablePointer<Float>) -> Void
    /// ``Vector/scaleShift(_:_:_:_:_:relu:)``: a batch norm's output plane.
    public let scaleShift: @Sendable (_ n: Int, _ scale: Float, _ x: UnsafePointer<Float>, _ shift: Float,
                                      _ y: UnsafeMutablePointer<Float>, _ relu: Bool) -> Void
    /// ``Vector/normGradient(_:_:_:_:_:_:_:_:)``: a batch norm's input-gradient plane.
    public let normGradient: @Sendable (_ n: Int, _ a: Float, _ g: UnsafePointer<Float>, _ b: Float, _ c: Float,
                                        _ x: UnsafePointer<Float>, _ mu: Float, _ dx: UnsafeMutablePointer<Float>) -> Void

    public init(
        family: KernelFamily,
        sparseForward: @escaping @Sendable (SparseForwardPass) -> Void,
        sparseBackward: @escaping @Sendable (SparseBackwardPass) -> Void,
        sparseUpdate: @escaping @Sendable (SparseUpdatePass) -> Void,
        shiftedRowSums: @escaping @Sendable (ShiftedRowSums) -> Void,
        shiftedRowDots: @escaping @Sendable (ShiftedRowDots) -> Void,
        axpy: @escaping @Sendable (Int, Float, UnsafePointer<Float>, UnsafeMutablePointer<Float>) -> Void,
        sum: @escaping @Sendable (Int, UnsafePointer<Float>) -> Float,
        dot: @escaping @Sendable (Int, UnsafePointer<Float>, UnsafePointer<Float>) -> Float,
        relu: @escaping @Sendable (Int, UnsafePointer<Float>, UnsafeMutablePointer<Float>) -> Void,
        reluGradient: @escaping @Sendable (Int, UnsafePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>) -> Void,
        scaleShift: @escaping @Sendable (Int, Float, UnsafePointer<Float>, Float, UnsafeMutablePointer<Float>, Bool) -> Void,
        normGradient: @escaping @Sendable (Int, Float, UnsafePointer<Float>, Float, Float, UnsafePointer<Float>, Float,
                                           UnsafeMutablePointer<Float>) -> Void
    ) {
        self.family = family
        self.sparseForward = sparseForward; self.sparseBackward = sparseBackward; self.sparseUpdate = sparseUpdate
        self.shiftedRowSums = shiftedRowSums; self.shiftedRowDots = shiftedRowDots
        self.axpy = axpy; self.sum = sum; self.dot = dot
        self.relu = relu; self.reluGradient = reluGradient
        self.scaleShift = scaleShift; self.normGradient = normGradient
    }
}
