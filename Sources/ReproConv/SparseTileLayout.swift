import Foundation

/// Where a group of images sits for the sparse kernels. Positions q of the output run over the
/// group's images one after another; the source tile has one row per kernel input:
///
/// - `padded` (stride 1): a row per input channel, each image zero-padded to (H+2p)×(W+2p); the
///   tap (a, b) of output q is source[q + a·(W+2p) + b], so a kept weight is one shifted vector
///   and there is no im2col. Outputs live on the padded grid too (the extra columns and rows are
///   computed and dropped, and are zero in the output gradient).
/// - `patches` (strided convs and small maps, where the padded grid wastes most lanes): a row
///   per patch row (channel, a, b), im2col of the group, outputs on the plain grid.
struct SparseTileLayout {
    enum Kind: String { case padded, patches }

    let kind: Kind
    let geometry: ConvGeometry
    /// Images per group: fixed by the shape (never by threads or batch), so every sum has one order.
    let groupImages: Int
    /// Positions q per image and per output row.
    let imageStride: Int, lineStride: Int
    /// Source rows and their stride (floats).
    let sourceRows: Int, sourceStride: Int
    /// Zeros in front of every output-gradient row (the input gradient reads back that far).
    let front: Int
    var gradientStride: Int { front + groupImages * imageStride }
    private var paddedWidth: Int { geometry.width + 2 * geometry.padding }

    /// `REPRO_CONV_SPARSE_LAYOUT=padded|patches` forces one where allowed (for measuring).
    static let forced: Kind? = getenv("REPRO_CONV_SPARSE_LAYOUT").flatMap { Kind(rawValue: String(cString: $0)) }

    /// The padded grid where the stride is 1 and it wastes at most 60% more lanes, else patches
    /// (`kind` forces one; padded needs stride 1); groups of about `tileFloats` source floats.
    init(_ g: ConvGeometry, tileFloats: Int, kind forced: Kind? = SparseTileLayout.forced) {
        geometry = g
        let wp = g.width + 2 * g.padding, hp = g.height + 2 * g.padding
        let paddedFits = g.stride == 1 && 5 * hp * wp <= 8 * g.outPositions
        kind = g.stride == 1 ? (forced ?? (paddedFits ? .padded : .patches)) : .patches
        switch kind {
        case .padded:
            imageStride = hp * wp; lineStride = wp; sourceRows = g.inChannels
            front = (g.kernel - 1) * (wp + 1)
        case .patches:
            imageStride = g.outPositions; lineStride = g.outWidth; sourceRows = g.patchRows
            front = 0
        }
        let perImage = max(sourceRows, g.outChannels) * imageStride
        groupImages = max(1, min(64, tileFloats / max(1, perImage)))
        sourceStride = groupImages * imageStride
    }

    /// The source offset of tap (c, a, b) at q = 0.
    func forwardOffset(channel c: Int, a: Int, b: Int) -> Int {
        switch kind {
        case .padded: return c * sourceStride + a * paddedWidth + b
        case .patches: return ((c * geometry.kernel + a) * geometry.kernel + b) * sourceStride
        }
    }

    /// The input-gradient row of tap (c, a, b) and its offset into the output gradient for output o.
    func backwardRow(channel c: Int, a: Int, b: Int) -> Int {
        kind == .padded ? c : (c * geometry.kernel + a) * geometry.kernel + b
    }

    func backwardOffset(output o: Int, a: Int, b: Int) -> Int {
        kind == .padded ? o * gradientStride + front - a * paddedWidth - b : o * gradientStride
    }

    /// Positions the forward pass and weight gradient cover for t images (the last ends at the
    /// last valid output), and that the input gradient covers.
    func forwardLength(_ t: Int) -> Int {
        (t - 1) * imageStride + (geometry.outHeight - 1) * lineStride + geometry.outWidth
    }

    func backwardLength(_ t: Int) -> Int { t * imageStride }

    /// The source tile of images n0 ..< n0 + t of x (NCHW); padding is never written, so stays 0.
    func fillSource(_ x: UnsafePointer<Float>, n0: Int, t: Int, into tile: UnsafeMutablePointer<Float>) {
        switch kind {
        case .patches: Im2Col.gather(geometry, x: x, n0: n0, t: t, patches: tile, rowStride: sourceStride)
        case .padded: forEachInputLine(n0: n0, t: t) { nchw, q, count in (tile + q).update(from: x + nchw, count: count) }
        }
    }

    /// dx (NCHW, images n0 ..< n0 + t, overwritten) from the input-gradient tile.
    func writeInputGradient(_ tile: UnsafePointer<Float>, n0: Int, t: Int, dx: UnsafeMutablePointer<Float>) {
        let g = geometry
        switch kind {
        case .patches:
            (dx + n0 * g.inChannels * g.inPositions).update(repeating: 0, count: t * g.inChannels * g.inPositions)
            Im2Col.scatterAdd(g, patches: tile, n0: n0, t: t, dx: dx, rowStride: sourceStride)
        case .padded: forEachInputLine(n0: n0, t: t) { nchw, q, count in (dx + nchw).update(from: tile + q, count: count) }
        }
    }

    /// y (NCHW) = the output tile + bias, for images n0 ..< n0 + t.
    func writeOutput(_ tile: UnsafePointer<Float>, bias: UnsafePointer<Float>?, n0: Int, t: Int,
                     y: UnsafeMutablePointer<Float>) {
        forEachOutputLine(n0: n0, t: t, tileOffset: 0) { o, nchw, q, count in
            let b = bias?[o] ?? 0
            for j in 0..<count { y[nchw + j] = tile[q + j] + b }
        }
    }

    /// The output-gradient tile (rows of `gradientStride`, after `front` zeros) from dy (NCHW);
    /// positions off the output grid are never written, so stay 0.
    func fillOutputGradient(_ dy: UnsafePointer<Float>, n0: Int, t: Int, into tile: UnsafeMutablePointer<Float>) {
        forEachOutputLine(n0: n0, t: t, tileOffset: front) { _, nchw, q, count in
            (tile + q).update(from: dy + nchw, count: count)
        }
    }

    /// Every output line: (channel, NCHW offset, tile offset, length).
    @inline(__always)
    private func forEachOutputLine(n0: Int, t: Int, tileOffset: Int, _ body: (Int, Int, Int, Int) -> Void) {
        let g = geometry, ow = g.outWidth
        for o in 0..<g.outChannels {
            for n in 0..<t {
                let nchw = ((n0 + n) * g.outChannels + o) * g.outPositions
                let q = o * gradientStride + tileOffset + n * imageStride
                for i in 0..<g.outHeight { body(o, nchw + i * ow, q + i * lineStride, ow) }
            }
        }
    }

    /// Every input line on the padded grid: (NCHW offset, tile offset) with the line's length.
    @inline(__always)
    private func forEachInputLine(n0: Int, t: Int, _ body: (Int, Int, Int) -> Void) {
        let g = geometry, wp = paddedWidth
        for c in 0..<g.inChannels {
            for n in 0..<t {
                let nchw = ((n0 + n) * g.inChannels + c) * g.inPositions
                let q = c * sourceStride + n * imageStride + g.padding * wp + g.padding
                for i in 0..<g.height { body(nchw + i * g.width, q + i * wp, g.width) }
            }
        }
    }
}
