import Foundation
import ReproKernelDispatch
import ReproKernels

/// A convolution that keeps some of its weights, computed on fixed groups of images by the
/// sparse row kernels on `SparseTileLayout`'s padded phase planes: per output channel a sum of
/// shifted source vectors over its kept taps (forward), per source row (input channel and
/// phase) the same over the output gradient (input gradient), and per kept weight a dot
/// product (weight gradient). Cost ∝ kept weights ×
/// positions, whatever the width; masked weights are never touched.
///
/// Kept positions are flat OIHW indices, ascending; values come compact (one per kept position).
/// Groups are fixed by the shape and the batch, and weight and bias gradients are summed over
/// groups in group order, so the bits do not depend on the number of threads.
final class SparseConvolution {
    let geometry: ConvGeometry
    let kept: Int
    let layout: SparseTileLayout
    let threads: Int
    /// Images per group.
    var tileImages: Int { layout.groupImages }
    private let forwardRows: SparseRows
    private let backwardRows: SparseRows
    /// The values in `backwardRows` order (rewritten every backward pass).
    private let transposed: FloatBuffer
    /// Per group: the kept weights' gradients, then the bias gradients.
    private let groupGradients: FloatBuffer
    private let workspaces: [Workspace]

    /// Floats of a group's source tile (env REPRO_CONV_TILE overrides, for tuning).
    static let defaultTileFloats: Int = {
        if let text = getenv("REPRO_CONV_TILE"), let n = Int(String(cString: text)), n > 0 { return n }
        return 1 << 17
    }()

    private final class Workspace {
        let source, outputs, outputGradients, inputGradients: FloatBuffer
        init(_ l: SparseTileLayout) {
            source = FloatBuffer(count: l.sourceTileCount)
            inputGradients = FloatBuffer(count: l.sourceTileCount)
            outputs = FloatBuffer(count: l.geometry.outChannels * l.gradientStride)
            outputGradients = FloatBuffer(count: l.geometry.outChannels * l.gradientStride)
        }
    }

    init(_ g: ConvGeometry, positions: [Int], batch: Int, threads: Int,
         tileFloats: Int = SparseConvolution.defaultTileFloats) {
        geometry = g
        kept = positions.count
        let layout = SparseTileLayout(g, tileFloats: tileFloats)
        self.layout = layout
        let rows = g.patchRows, k = g.kernel
        let taps = positions.map { p -> (o: Int, c: Int, a: Int, b: Int) in
            let r = p % rows
            return (p / rows, r / (k * k), r / k % k, r % k)
        }
        forwardRows = SparseRows(rows: g.outChannels, kept: kept, row: { taps[$0].o }) {
            layout.forwardOffset(channel: taps[$0].c, a: taps[$0].a, b: taps[$0].b)
        }
        precondition(forwardRows.isCompactOrder, "kept positions must be ascending")
        backwardRows = SparseRows(rows: layout.sourceRows, kept: kept, row: {
            layout.sourceRow(channel: taps[$0].c, a: taps[$0].a, b: taps[$0].b)
        }) { layout.backwardOffset(output: taps[$0].o, a: taps[$0].a, b: taps[$0].b) }
        transposed = FloatBuffer(count: kept)
        let groups = (max(1, batch) + layout.groupImages - 1) / layout.groupImages
        groupGradients = FloatBuffer(count: groups * (kept + g.outChannels))
        self.threads = max(1, min(threads, groups))
        workspaces = (0..<self.threads).map { _ in Workspace(layout) }
    }

    /// Runs `body(workspace, n0, t)` for every group of `batch` images, groups split over threads.
    private func forEachGroup(_ batch: Int, _ body: (Workspace, Int, Int) -> Void) {
        let g = layout.groupImages
        let groups = (batch + g - 1) / g
        precondition(groups * (kept + geometry.outChannels) <= groupGradients.count, "batch above the compiled size")
        Parallel.forEach(groups, parts: threads) { part, range in
            for group in range { body(workspaces[part], group * g, min(g, batch - group * g)) }
        }
    }

    /// y = conv(x, w) + b for `batch` images (NCHW), through `affine` if given.
    func forward(x: UnsafePointer<Float>, values: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
                 affine: OutputAffine? = nil, y: UnsafeMutablePointer<Float>, batch: Int) {
        forEachGroup(batch) { ws, n0, t in
            layout.fillSource(x, n0: n0, t: t, into: ws.source.pointer)
            forwardRows.withRows {
                Kernels.active.shiftedRowSums(ShiftedRowSums(
                    rows: $0, weights: values, source: ws.source.pointer, length: layout.forwardLength(t),
                    output: ws.outputs.pointer, outputStride: layout.gradientStride))
            }
            layout.writeOutput(ws.outputs.pointer, bias: bias, affine: affine, n0: n0, t: t, y: y)
        }
    }

    /// From dy: the weight gradient at the kept positions (`weightGradients`, compact,
    /// overwritten), the bias gradient (overwritten) and, if `dx` is given, the input gradient
    /// (overwritten).
    func backward(x: UnsafePointer<Float>, dy: UnsafePointer<Float>, values: UnsafePointer<Float>,
                  dx: UnsafeMutablePointer<Float>?, weightGradients: UnsafeMutablePointer<Float>?,
                  biasGradients: UnsafeMutablePointer<Float>?, batch: Int) {
        let l = layout, out = geometry.outChannels, slot = kept + out
        if dx != nil { backwardRows.gather(values, into: transposed.pointer) }
        let sums = groupGradients.pointer
        forEachGroup(batch) { ws, n0, t in
            let d = ws.outputGradients.pointer
            l.fillOutputGradient(dy, n0: n0, t: t, into: d)
            let mine = sums + n0 / l.groupImages * slot
            if biasGradients != nil {
                for o in 0..<out { mine[kept + o] = Kernels.active.sum(l.forwardLength(t), d + o * l.gradientStride + l.front) }
            }
            if weightGradients != nil {
                l.fillSource(x, n0: n0, t: t, into: ws.source.pointer)
                forwardRows.withRows {
                    Kernels.active.shiftedRowDots(ShiftedRowDots(
                        rows: $0, d: d + l.front, dStride: l.gradientStride, source: ws.source.pointer,
                        length: l.forwardLength(t), into: mine))
                }
            }
            if let dx {
                let (start, length) = l.backwardRange()
                backwardRows.withRows {
                    Kernels.active.shiftedRowSums(ShiftedRowSums(
                        rows: $0, weights: transposed.pointer, source: d + start, length: length,
                        output: ws.inputGradients.pointer + start, outputStride: l.sourceStride))
                }
                l.writeInputGradient(ws.inputGradients.pointer, n0: n0, t: t, dx: dx)
            }
        }
        let groups = (batch + l.groupImages - 1) / l.groupImages
        if let weightGradients { sumGroups(groups, from: 0, count: kept, into: weightGradients) }
        if let biasGradients { sumGroups(groups, from: kept, count: out, into: biasGradients) }
    }

    /// into[i] = Σ over groups in order of the group's value at `from + i`.
    private func sumGroups(_ groups: Int, from: Int, count: Int, into: UnsafeMutablePointer<Float>) {
        let slot = kept + geometry.outChannels, sums = groupGradients.pointer + from
        into.update(from: sums, count: count)
        for group in 1..<max(1, groups) { Kernels.active.axpy(count, 1, sums + group * slot, into) }
    }
}
