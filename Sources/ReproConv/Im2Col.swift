/// Patch matrices of a tile of images: row r = (channel, kernel row, kernel column) at
/// r · rowStride, column (image in tile) · outPositions + output position; out-of-image taps are zero.
enum Im2Col {
    /// Fills `patches` (patchRows rows of t·outPositions) from images n0 ..< n0 + t of `x` (NCHW).
    static func gather(_ g: ConvGeometry, x: UnsafePointer<Float>, n0: Int, t: Int,
                       patches: UnsafeMutablePointer<Float>, rowStride cols: Int) {
        let oh = g.outHeight, ow = g.outWidth, k = g.kernel
        for c in 0..<g.inChannels {
            for a in 0..<k {
                for b in 0..<k {
                    let row = patches + ((c * k + a) * k + b) * cols
                    for n in 0..<t {
                        let image = x + ((n0 + n) * g.inChannels + c) * g.inPositions
                        let out = row + n * g.outPositions
                        for i in 0..<oh {
                            let r = i * g.stride - g.padding + a
                            let line = out + i * ow
                            guard r >= 0, r < g.height else {
                                for j in 0..<ow { line[j] = 0 }
                                continue
                            }
                            let src = image + r * g.width
                            let (lo, hi) = validColumns(g, b)
                            // Plain loops: the lines are short (2 to 32), too short for memcpy calls.
                            for j in 0..<lo { line[j] = 0 }
                            for j in hi..<ow { line[j] = 0 }
                            if g.stride == 1 {
                                let from = src - g.padding + b
                                for j in lo..<hi { line[j] = from[j] }
                            } else {
                                for j in lo..<hi { line[j] = src[j * g.stride - g.padding + b] }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Adds `patches` back into images n0 ..< n0 + t of `dx` (NCHW), the adjoint of `gather`.
    static func scatterAdd(_ g: ConvGeometry, patches: UnsafePointer<Float>, n0: Int, t: Int,
                           dx: UnsafeMutablePointer<Float>, rowStride cols: Int) {
        let oh = g.outHeight, ow = g.outWidth, k = g.kernel
        for c in 0..<g.inChannels {
            for a in 0..<k {
                for b in 0..<k {
                    let row = patches + ((c * k + a) * k + b) * cols
                    for n in 0..<t {
                        let image = dx + ((n0 + n) * g.inChannels + c) * g.inPositions
                        let src = row + n * g.outPositions
                        for i in 0..<oh {
                            let r = i * g.stride - g.padding + a
                            guard r >= 0, r < g.height else { continue }
                            let line = image + r * g.width
                            let from = src + i * ow
                            let (lo, hi) = validColumns(g, b)
                            if g.stride == 1 {
                                let to = line - g.padding + b
                                for j in lo..<hi { to[j] += from[j] }
                            } else {
                                for j in lo..<hi { line[j * g.stride - g.padding + b] += from[j] }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Output columns j whose input column j·s − p + b lies inside the image: lo ..< hi.
    @inline(__always)
    static func validColumns(_ g: ConvGeometry, _ b: Int) -> (Int, Int) {
        let shift = b - g.padding
        // j·s + shift ≥ 0 and j·s + shift ≤ width − 1
        let lo = shift >= 0 ? 0 : (-shift + g.stride - 1) / g.stride
        let last = g.width - 1 - shift
        let hi = last < 0 ? 0 : min(g.outWidth, last / g.stride + 1)
        return (lo, max(lo, hi))
    }
}
