@testable import ReproConv

/// The textbook loops the engine is checked against.
enum Reference {
    /// Every tap of the conv: (image n, output o, output index, input index, weight index) with
    /// output (n, o, i, j), input (n, c, i·s − p + a, j·s − p + b) inside the image, weight (o, c, a, b).
    static func forEachTap(_ g: ConvGeometry, batch: Int, _ body: (Int, Int, Int, Int, Int) -> Void) {
        for n in 0..<batch {
            for o in 0..<g.outChannels {
                for i in 0..<g.outHeight {
                    for j in 0..<g.outWidth {
                        let y = ((n * g.outChannels + o) * g.outHeight + i) * g.outWidth + j
                        for c in 0..<g.inChannels {
                            for a in 0..<g.kernel {
                                for bb in 0..<g.kernel {
                                    let r = i * g.stride - g.padding + a
                                    let q = j * g.stride - g.padding + bb
                                    guard r >= 0, r < g.height, q >= 0, q < g.width else { continue }
                                    body(n, o, y, ((n * g.inChannels + c) * g.height + r) * g.width + q,
                                         ((o * g.inChannels + c) * g.kernel + a) * g.kernel + bb)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// y[n, o, i, j] = b[o] + Σ w[o, c, a, b] · x[n, c, i·s − p + a, j·s − p + b].
    static func conv(_ x: [Float], _ w: [Float], _ b: [Float]?, _ g: ConvGeometry, batch: Int) -> [Float] {
        var y = [Float](repeating: 0, count: batch * g.outChannels * g.outPositions)
        if let b {
            for n in 0..<batch { for o in 0..<g.outChannels { for p in 0..<g.outPositions {
                y[(n * g.outChannels + o) * g.outPositions + p] = b[o]
            } } }
        }
        forEachTap(g, batch: batch) { _, _, yi, xi, wi in y[yi] += w[wi] * x[xi] }
        return y
    }

    /// The conv's gradients from dy: input (dx), every weight (dw, dense OIHW) and bias (db).
    static func convGradients(_ x: [Float], _ w: [Float], dy: [Float], _ g: ConvGeometry,
                              batch: Int) -> (dx: [Float], dw: [Float], db: [Float]) {
        var dx = [Float](repeating: 0, count: x.count), dw = [Float](repeating: 0, count: w.count)
        var db = [Float](repeating: 0, count: g.outChannels)
        for n in 0..<batch { for o in 0..<g.outChannels { for p in 0..<g.outPositions {
            db[o] += dy[(n * g.outChannels + o) * g.outPositions + p]
        } } }
        forEachTap(g, batch: batch) { _, _, yi, xi, wi in
            dx[xi] += w[wi] * dy[yi]
            dw[wi] += x[xi] * dy[yi]
        }
        return (dx, dw, db)
    }
}
