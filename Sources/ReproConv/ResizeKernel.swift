/// Bilinear resize of NCHW planes with half-pixel centres and no corner alignment, as
/// PyTorch's `interpolate(mode="bilinear", align_corners=False)` (torchvision's `Resize` on a
/// tensor; antialiasing does not change an upsampling), and its adjoint.
struct ResizeKernel {
    struct Tap { var low: Int, high: Int, lowWeight: Float, highWeight: Float }
    let inHeight: Int, inWidth: Int, outHeight: Int, outWidth: Int
    let rows: [Tap], columns: [Tap]

    init(inHeight: Int, inWidth: Int, outHeight: Int, outWidth: Int) {
        self.inHeight = inHeight; self.inWidth = inWidth
        self.outHeight = outHeight; self.outWidth = outWidth
        rows = Self.taps(from: inHeight, to: outHeight)
        columns = Self.taps(from: inWidth, to: outWidth)
    }

    static func taps(from n: Int, to m: Int) -> [Tap] {
        let scale = Float(n) / Float(m)
        return (0..<m).map { d in
            let source = max(0, scale * (Float(d) + 0.5) - 0.5)
            let low = min(Int(source), n - 1)
            let high = low < n - 1 ? low + 1 : low
            let w = source - Float(low)
            return Tap(low: low, high: high, lowWeight: 1 - w, highWeight: w)
        }
    }

    func forward(planes: Int, x: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>) {
        for p in 0..<planes {
            let src = x + p * inHeight * inWidth
            let dst = y + p * outHeight * outWidth
            for (i, r) in rows.enumerated() {
                for (j, c) in columns.enumerated() {
                    let top = c.lowWeight * src[r.low * inWidth + c.low] + c.highWeight * src[r.low * inWidth + c.high]
                    let bottom = c.lowWeight * src[r.high * inWidth + c.low] + c.highWeight * src[r.high * inWidth + c.high]
                    dst[i * outWidth + j] = r.lowWeight * top + r.highWeight * bottom
                }
            }
        }
    }

    /// dx (overwritten) from dy.
    func backward(planes: Int, dy: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>) {
        for p in 0..<planes {
            let src = dy + p * outHeight * outWidth
            let dst = dx + p * inHeight * inWidth
            dst.update(repeating: 0, count: inHeight * inWidth)
            for (i, r) in rows.enumerated() {
                for (j, c) in columns.enumerated() {
                    let g = src[i * outWidth + j]
                    dst[r.low * inWidth + c.low] += r.lowWeight * c.lowWeight * g
                    dst[r.low * inWidth + c.high] += r.lowWeight * c.highWeight * g
                    dst[r.high * inWidth + c.low] += r.highWeight * c.lowWeight * g
                    dst[r.high * inWidth + c.high] += r.highWeight * c.highWeight * g
                }
            }
        }
    }
}
