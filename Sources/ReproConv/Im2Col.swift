/// Patch matrices of a tile of images: row r = (channel, kernel row, kernel column), column
/// (image in tile) · outPositions + output position; out-of-image taps are zero.
enum Im2Col {
    /// Fills `patches` (patchRows × t·outPositions) from images n0 ..< n0 + t of `x` (NCHW).
    static func gather(_ g: ConvGeometry, x: UnsafePointer<Float>, n0: Int, t: Int,
                       patches: UnsafeMutablePointer<Float>) {
        let cols = t * g.outPositions
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
                                line.update(repeating: 0, count: ow)
                                continue
                            }
                            let src = image + r * g.width
                            if g.stride == 1 {
                                for j in 0..<ow {
                                    let q = j - g.padding + b
                                    line[j] = (q >= 0 && q < g.width) ? src[q] : 0
                                }
                            } else {
                                for j in 0..<ow {
                                    let q = j * g.stride - g.padding + b
                                    line[j] = (q >= 0 && q < g.width) ? src[q] : 0
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Adds `patches` back into images n0 ..< n0 + t of `dx` (NCHW), the adjoint of `gather`.
    static func scatterAdd(_ g: ConvGeometry, patches: UnsafePointer<Float>, n0: Int, t: Int,
                           dx: UnsafeMutablePointer<Float>) {
        let cols = t * g.outPositions
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
                            for j in 0..<ow {
                                let q = j * g.stride - g.padding + b
                                if q >= 0 && q < g.width { line[q] += from[j] }
                            }
                        }
                    }
                }
            }
        }
    }
}
