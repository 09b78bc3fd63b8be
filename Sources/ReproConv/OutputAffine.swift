/// y = scale[o]·x + shift[o] per output channel o, then max(0, ·) if `relu`, applied as a sparse
/// conv writes its output: an inference-mode batch norm (with the ReLU after it) folded into the
/// conv before it, one pass over the maps instead of three, with the bits of the three.
struct OutputAffine {
    let scale: UnsafePointer<Float>
    let shift: UnsafePointer<Float>
    let relu: Bool

    @inline(__always)
    func apply(_ x: Float, _ o: Int) -> Float {
        let y = scale[o] * x + shift[o]
        return relu ? max(0, y) : y
    }
}
