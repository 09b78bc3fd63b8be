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
        Parallel.forEach(s.planes, parts: threads) { _, planes in
            for p in planes {
                let src = x + p * s.height * s.width
                for i in 0..<oh {
                    for j in 0..<ow {
                        var best = -Float.infinity, at = 0
                        for a in 0..<s.size {
                            for b in 0..<s.size {
                                let idx = (i * s.stride + a) * s.width + j * s.stride + b
                                if src[idx] > best || (a == 0 && b == 0) { best = src[idx]; at = idx }
                            }
                        }
                        let o = (p * oh + i) * ow + j
                        y[o] = best; argmax[o] = Int32(at)
                    }
                }
            }
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
