import Foundation

/// A convolution that keeps some of its weights, computed as patches (im2col) × sparse
/// weights, so every pass costs kept weights × output positions whatever the width.
///
/// Kept positions are flat OIHW indices, ascending; values come compact (one per kept
/// position). Rows of the weights (outputs) index the forward pass; columns (patch rows) the
/// input gradient; the weight gradient is computed at the kept positions only.
final class SparseConvolution {
    let geometry: ConvGeometry
    let kept: Int
    /// CSR by output channel: entries rowStart[o] ..< rowStart[o + 1], patch row of each.
    private let rowStart: [Int]
    private let patchRow: [Int32]
    /// CSC by patch row: entries of row r, as indices into the compact order.
    private let columnStart: [Int]
    private let columnEntry: [Int32]
    private let columnOutput: [Int32]
    /// Floats of a patch-matrix tile (tuned by `repro bench --conv`; env REPRO_CONV_TILE overrides).
    static let defaultTileFloats: Int = {
        if let text = getenv("REPRO_CONV_TILE"), let n = Int(String(cString: text)), n > 0 { return n }
        return 1 << 20
    }()
    /// Images per tile: a patch matrix of about `tileFloats` floats.
    let tileImages: Int
    let threads: Int
    private var workspaces: [Workspace] = []

    private final class Workspace {
        let patches, outputs, patchGradients: FloatBuffer
        let weightGradients, biasGradients: FloatBuffer
        init(_ g: ConvGeometry, cols: Int, kept: Int) {
            patches = FloatBuffer(count: g.patchRows * cols)
            outputs = FloatBuffer(count: g.outChannels * cols)
            patchGradients = FloatBuffer(count: g.patchRows * cols)
            weightGradients = FloatBuffer(count: kept)
            biasGradients = FloatBuffer(count: g.outChannels)
        }
    }

    init(_ g: ConvGeometry, positions: [Int], batch: Int, threads: Int, tileFloats: Int = SparseConvolution.defaultTileFloats) {
        geometry = g
        kept = positions.count
        let rows = g.patchRows
        var start = [Int](repeating: 0, count: g.outChannels + 1)
        var cstart = [Int](repeating: 0, count: rows + 1)
        for p in positions {
            start[p / rows + 1] += 1
            cstart[p % rows + 1] += 1
        }
        for o in 0..<g.outChannels { start[o + 1] += start[o] }
        for r in 0..<rows { cstart[r + 1] += cstart[r] }
        rowStart = start
        patchRow = positions.map { Int32($0 % rows) }
        var fill = cstart
        var entry = [Int32](repeating: 0, count: positions.count)
        var output = [Int32](repeating: 0, count: positions.count)
        for (e, p) in positions.enumerated() {
            let r = p % rows
            entry[fill[r]] = Int32(e)
            output[fill[r]] = Int32(p / rows)
            fill[r] += 1
        }
        columnStart = cstart; columnEntry = entry; columnOutput = output
        self.threads = max(1, min(threads, batch))
        let perImage = max(rows, g.outChannels) * g.outPositions
        tileImages = max(1, min((batch + self.threads - 1) / self.threads, tileFloats / max(1, perImage)))
        workspaces = (0..<self.threads).map { _ in
            Workspace(g, cols: tileImages * g.outPositions, kept: positions.count)
        }
    }

    /// y = conv(x, w) + b for `batch` images (NCHW).
    func forward(x: UnsafePointer<Float>, values: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
                 y: UnsafeMutablePointer<Float>, batch: Int) {
        let g = geometry
        Parallel.forEach(batch, parts: threads) { part, images in
            let ws = workspaces[part]
            var n0 = images.lowerBound
            while n0 < images.upperBound {
                let t = min(tileImages, images.upperBound - n0)
                let cols = t * g.outPositions
                Im2Col.gather(g, x: x, n0: n0, t: t, patches: ws.patches.pointer)
                multiply(values: values, patches: ws.patches.pointer, cols: cols,
                         outputs: ws.outputs.pointer)
                for o in 0..<g.outChannels {
                    let b = bias?[o] ?? 0
                    let row = ws.outputs.pointer + o * cols
                    for n in 0..<t {
                        let dst = y + ((n0 + n) * g.outChannels + o) * g.outPositions
                        let src = row + n * g.outPositions
                        for j in 0..<g.outPositions { dst[j] = src[j] + b }
                    }
                }
                n0 += t
            }
        }
    }

    /// outputs[o, :] = Σ_kept w[o, r] · patches[r, :].
    private func multiply(values: UnsafePointer<Float>, patches: UnsafePointer<Float>, cols: Int,
                          outputs: UnsafeMutablePointer<Float>) {
        patchRow.withUnsafeBufferPointer { rowOf in
            for o in 0..<geometry.outChannels {
                let out = outputs + o * cols
                out.update(repeating: 0, count: cols)
                var e = rowStart[o]
                let end = rowStart[o + 1]
                while e + 4 <= end {
                    Vector.axpy4(cols, (values[e], values[e + 1], values[e + 2], values[e + 3]),
                                 patches + Int(rowOf[e]) * cols, patches + Int(rowOf[e + 1]) * cols,
                                 patches + Int(rowOf[e + 2]) * cols, patches + Int(rowOf[e + 3]) * cols,
                                 out)
                    e += 4
                }
                while e < end {
                    Vector.axpy(cols, values[e], patches + Int(rowOf[e]) * cols, out)
                    e += 1
                }
            }
        }
    }

    /// From dy: the weight gradient at the kept positions (`weightGradients`, compact,
    /// overwritten), the bias gradient (overwritten) and, if `dx` is given, the input gradient
    /// (overwritten).
    func backward(x: UnsafePointer<Float>, dy: UnsafePointer<Float>, values: UnsafePointer<Float>,
                  dx: UnsafeMutablePointer<Float>?, weightGradients: UnsafeMutablePointer<Float>?,
                  biasGradients: UnsafeMutablePointer<Float>?, batch: Int) {
        let g = geometry
        let parts = Parallel.ranges(batch, parts: threads).count
        Parallel.forEach(batch, parts: threads) { part, images in
            let ws = workspaces[part]
            ws.weightGradients.zero(); ws.biasGradients.zero()
            if let dx {
                (dx + images.lowerBound * g.inChannels * g.inPositions)
                    .update(repeating: 0, count: images.count * g.inChannels * g.inPositions)
            }
            var n0 = images.lowerBound
            while n0 < images.upperBound {
                let t = min(tileImages, images.upperBound - n0)
                let cols = t * g.outPositions
                let dOut = ws.outputs.pointer
                for o in 0..<g.outChannels {
                    for n in 0..<t {
                        (dOut + o * cols + n * g.outPositions).update(
                            from: dy + ((n0 + n) * g.outChannels + o) * g.outPositions,
                            count: g.outPositions)
                    }
                    ws.biasGradients.pointer[o] += Vector.sum(cols, dOut + o * cols)
                }
                if weightGradients != nil {
                    Im2Col.gather(g, x: x, n0: n0, t: t, patches: ws.patches.pointer)
                    gradient(dOut: dOut, patches: ws.patches.pointer, cols: cols,
                             into: ws.weightGradients.pointer)
                }
                if let dx {
                    transposeMultiply(values: values, dOut: dOut, cols: cols,
                                      patchGradients: ws.patchGradients.pointer)
                    Im2Col.scatterAdd(g, patches: ws.patchGradients.pointer, n0: n0, t: t, dx: dx)
                }
                n0 += t
            }
        }
        if let weightGradients {
            weightGradients.update(from: workspaces[0].weightGradients.pointer, count: kept)
            for p in 1..<max(1, parts) {
                Vector.axpy(kept, 1, workspaces[p].weightGradients.pointer, weightGradients)
            }
        }
        if let biasGradients {
            biasGradients.update(from: workspaces[0].biasGradients.pointer, count: g.outChannels)
            for p in 1..<max(1, parts) {
                Vector.axpy(g.outChannels, 1, workspaces[p].biasGradients.pointer, biasGradients)
            }
        }
    }

    /// gradient[e] += Σ dOut[o, :] · patches[r, :] for every kept (o, r).
    private func gradient(dOut: UnsafePointer<Float>, patches: UnsafePointer<Float>, cols: Int,
                          into gradients: UnsafeMutablePointer<Float>) {
        patchRow.withUnsafeBufferPointer { rowOf in
            for o in 0..<geometry.outChannels {
                let d = dOut + o * cols
                var e = rowStart[o]
                let end = rowStart[o + 1]
                while e + 4 <= end {
                    let s = Vector.dot4(cols, d, patches + Int(rowOf[e]) * cols, patches + Int(rowOf[e + 1]) * cols,
                                        patches + Int(rowOf[e + 2]) * cols, patches + Int(rowOf[e + 3]) * cols)
                    gradients[e] += s.0; gradients[e + 1] += s.1; gradients[e + 2] += s.2; gradients[e + 3] += s.3
                    e += 4
                }
                while e < end {
                    gradients[e] += Vector.dot(cols, d, patches + Int(rowOf[e]) * cols)
                    e += 1
                }
            }
        }
    }

    /// patchGradients[r, :] = Σ_kept w[o, r] · dOut[o, :].
    private func transposeMultiply(values: UnsafePointer<Float>, dOut: UnsafePointer<Float>, cols: Int,
                                   patchGradients: UnsafeMutablePointer<Float>) {
        columnEntry.withUnsafeBufferPointer { entry in
            columnOutput.withUnsafeBufferPointer { output in
                for r in 0..<geometry.patchRows {
                    let out = patchGradients + r * cols
                    out.update(repeating: 0, count: cols)
                    var c = columnStart[r]
                    let end = columnStart[r + 1]
                    while c + 4 <= end {
                        Vector.axpy4(cols, (values[Int(entry[c])], values[Int(entry[c + 1])],
                                            values[Int(entry[c + 2])], values[Int(entry[c + 3])]),
                                     dOut + Int(output[c]) * cols, dOut + Int(output[c + 1]) * cols,
                                     dOut + Int(output[c + 2]) * cols, dOut + Int(output[c + 3]) * cols,
                                     out)
                        c += 4
                    }
                    while c < end {
                        Vector.axpy(cols, values[Int(entry[c])], dOut + Int(output[c]) * cols, out)
                        c += 1
                    }
                }
            }
        }
    }
}
