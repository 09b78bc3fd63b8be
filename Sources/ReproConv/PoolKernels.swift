/// Max and average pooling of NCHW maps (square window, stride, no padding), forward and
/// backward; images × channels are planes split over threads.
enum PoolKernels {
    struct Shape {
        var planes: Int, height: Int, width: Int, size: Int, stride: Int
        var outHeight: Int { (height - size) / stride + 1 }
        var outWidth: Int { (width - size) / stride + 1 }
    }

    /// Max pool; `argmax` gets the flat in-plane index of each output's maximum (first wins).
    static func maxForward(_ s: Shape, x: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>,
                           argmax: UnsafeMutablePointer<Int32>, threads: Int) {
        let oh = s.outHeight, ow = s.outWidth
        let pairs = s.size == 2 && s.stride == 2 ? ow / 8 * 8 : 0
        Parallel.forEach(s.planes, parts: threads) { _, planes in
            for p in planes {
                let src = x + p * s.height * s.width
                for i in 0..<oh {
                    let o = (p * oh + i) * ow
                    maxPairs(src + 2 * i * s.width, width: s.width, line: 2 * i, count: pairs,
                             y: y + o, argmax: argmax + o)
                    for j in pairs..<ow {
                        var best = -Float.infinity, at = 0
                        for a in 0..<s.size {
                            for b in 0..<s.size {
                                let idx = (i * s.stride + a) * s.width + j * s.stride + b
                                if src[idx] > best || (a == 0 && b == 0) { best = src[idx]; at = idx }
                            }
                        }
                        y[o + j] = best; argmax[o + j] = Int32(at)
                    }
                }
            }
        }
    }

    /// The 2×2, stride-2 windows of outputs 0 ..< count (a multiple of 8) on input lines `line`
    /// and `line + 1`, eight at a time; the same results as the plain loop (first maximum wins).
    @inline(__always)
    private static func maxPairs(_ top: UnsafePointer<Float>, width: Int, line: Int, count: Int,
                                 y: UnsafeMutablePointer<Float>, argmax: UnsafeMutablePointer<Int32>) {
        let lanes = SIMD8<Int32>(0, 2, 4, 6, 8, 10, 12, 14)
        var j = 0
        while j < count {
            let upper = UnsafeRawPointer(top + 2 * j).loadUnaligned(as: SIMD16<Float>.self)
            let lower = UnsafeRawPointer(top + width + 2 * j).loadUnaligned(as: SIMD16<Float>.self)
            let first = lanes &+ Int32(line * width + 2 * j)
            var best = upper.evenHalf, at = first
            // The other three corners in window order; a later one wins only if strictly larger.
            var better = upper.oddHalf .> best
            best.replace(with: upper.oddHalf, where: better)
            at.replace(with: first &+ 1, where: better)
            better = lower.evenHalf .> best
            best.replace(with: lower.evenHalf, where: better)
            at.replace(with: first &+ Int32(width), where: better)
            better = lower.oddHalf .> best
            best.replace(with: lower.oddHalf, where: better)
            at.replace(with: first &+ Int32(width + 1), where: better)
            UnsafeMutableRawPointer(y + j).storeBytes(of: best, as: SIMD8<Float>.self)
            UnsafeMutableRawPointer(argmax + j).storeBytes(of: at, as: SIMD8<Int32>.self)
            j += 8
        }
    }

    static func maxBackward(_ s: Shape, dy: UnsafePointer<Float>, argmax: UnsafePointer<Int32>,
                            dx: UnsafeMutablePointer<Float>, threads: Int) {
        let oh = s.outHeight, ow = s.outWidth, plane = s.height * s.width
        Parallel.forEach(s.planes, parts: threads) { _, planes in
            for p in planes {
                let dst = dx + p * plane
                dst.update(repeating: 0, count: plane)
                for o in 0..<(oh * ow) { dst[Int(argmax[p * oh * ow + o])] += dy[p * oh * ow + o] }
            }
        }
    }

    static func averageForward(_ s: Shape, x: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>,
                               threads: Int) {
        let oh = s.outHeight, ow = s.outWidth, scale = 1 / Float(s.size * s.size)
        Parallel.forEach(s.planes, parts: threads) { _, planes in
            for p in planes {
                let src = x + p * s.height * s.width
                for i in 0..<oh {
                    for j in 0..<ow {
                        var total: Float = 0
                        for a in 0..<s.size {
                            for b in 0..<s.size { total += src[(i * s.stride + a) * s.width + j * s.stride + b] }
                        }
                        y[(p * oh + i) * ow + j] = total * scale
                    }
                }
            }
        }
    }

    static func averageBackward(_ s: Shape, dy: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>,
                                threads: Int) {
        let oh = s.outHeight, ow = s.outWidth, scale = 1 / Float(s.size * s.size)
        let plane = s.height * s.width
        Parallel.forEach(s.planes, parts: threads) { _, planes in
            for p in planes {
                let dst = dx + p * plane
                dst.update(repeating: 0, count: plane)
                for i in 0..<oh {
                    for j in 0..<ow {
                        let g = dy[(p * oh + i) * ow + j] * scale
                        for a in 0..<s.size {
                            for b in 0..<s.size { dst[(i * s.stride + a) * s.width + j * s.stride + b] += g }
                        }
                    }
                }
            }
        }
    }
}
