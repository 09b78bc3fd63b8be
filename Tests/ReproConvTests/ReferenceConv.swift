@testable import ReproConv

/// The textbook loops the engine is checked against.
enum Reference {
    /// y[n, o, i, j] = b[o] + Σ w[o, c, a, b] · x[n, c, i·s − p + a, j·s − p + b].
    static func conv(_ x: [Float], _ w: [Float], _ b: [Float]?, _ g: ConvGeometry, batch: Int) -> [Float] {
        var y = [Float](repeating: 0, count: batch * g.outChannels * g.outPositions)
        for n in 0..<batch {
            for o in 0..<g.outChannels {
                for i in 0..<g.outHeight {
                    for j in 0..<g.outWidth {
                        var s: Float = b?[o] ?? 0
                        for c in 0..<g.inChannels {
                            for a in 0..<g.kernel {
                                for bb in 0..<g.kernel {
                                    let r = i * g.stride - g.padding + a
                                    let q = j * g.stride - g.padding + bb
                                    guard r >= 0, r < g.height, q >= 0, q < g.width else { continue }
                                    s += w[((o * g.inChannels + c) * g.kernel + a) * g.kernel + bb]
                                        * x[((n * g.inChannels + c) * g.height + r) * g.width + q]
                                }
                            }
                        }
                        y[((n * g.outChannels + o) * g.outHeight + i) * g.outWidth + j] = s
                    }
                }
            }
        }
        return y
    }
}
