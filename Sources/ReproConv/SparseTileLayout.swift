import Foundation

/// Where a group of images sits for the sparse kernels. Output positions q of the group form one
/// contiguous range; the source tile has one row per kernel input, and the tap (a, b) of every
/// output is the same shift of that row, so a kept weight is one shifted vector:
///
/// - `padded` (stride 1, no im2col): a row per input channel holding the group's images
///   zero-padded to (H+2p)×(W+2p), their lines interleaved — line i of image n at
///   i·(G·(W+2p)) + n·(W+2p) — so q = i·G·(W+2p) + n·(W+2p) + j and the tap (a, b) is
///   source[q + a·G·(W+2p) + b]. The 2p extra columns per image line are computed and dropped
///   (zero in the output gradient): a 2×2 map still uses half of the lanes.
/// - `patches` (strided convs): a row per patch row (channel, a, b), im2col of the group,
///   q = n·outPositions + i·outWidth + j.
struct SparseTileLayout {
    enum Kind: String { case padded, patches }

    let kind: Kind
    let geometry: ConvGeometry
    /// Images per group: fixed by the shape (never by threads or batch), so every sum has one order.
    let groupImages: Int
    /// Steps of q per image and per output line.
    let imageStride: Int, lineStride: Int
    /// Source rows and their stride (floats).
    let sourceRows: Int, sourceStride: Int
    /// Zeros in front of every output-gradient row (the input gradient reads back that far).
    let front: Int
    /// Kernels run over whole blocks of `SparseTileLayout.block` positions; every output row has
    /// that many more floats behind its positions (zero in the output gradient), so the extra
    /// lanes add nothing to a weight gradient.
    static let block = 16
    var gradientStride: Int { front + sourceStride + Self.block }

    /// `REPRO_CONV_SPARSE_LAYOUT=padded|patches` forces one where allowed (for measuring).
    static let forced: Kind? = getenv("REPRO_CONV_SPARSE_LAYOUT").flatMap { Kind(rawValue: String(cString: $0)) }

    /// Padded where the stride is 1, else patches (`kind` forces one; padded needs stride 1);
    /// groups of about `tileFloats` floats of source or output tile.
    init(_ g: ConvGeometry, tileFloats: Int, kind forced: Kind? = SparseTileLayout.forced) {
        geometry = g
        kind = g.stride == 1 ? (forced ?? .padded) : .patches
        let wp = g.width + 2 * g.padding, hp = g.height + 2 * g.padding
        let perImage = kind == .padded ? max(g.inChannels, g.outChannels) * hp * wp
            : max(g.patchRows, g.outChannels) * g.outPositions
        let images = max(1, min(64, tileFloats / max(1, perImage)))
        groupImages = images
        switch kind {
        case .padded:
            imageStride = wp; lineStride = images * wp; sourceRows = g.inChannels
            sourceStride = hp * images * wp
            front = (g.kernel - 1) * (lineStride + 1)
        case .patches:
            imageStride = g.outPositions; lineStride = g.outWidth; sourceRows = g.patchRows
            sourceStride = images * g.outPositions
            front = 0
        }
    }

    /// Floats of a source or input-gradient tile: the last row's blocks may run past its end
    /// (a row's extra lanes read the next row: finite numbers, and only for dropped outputs or
    /// zero output gradients).
    var sourceTileCount: Int { sourceRows * sourceStride + Self.block }

    /// The source offset of tap (c, a, b) at q = 0.
    func forwardOffset(channel c: Int, a: Int, b: Int) -> Int {
        switch kind {
        case .padded: return c * sourceStride + a * lineStride + b
        case .patches: return ((c * geometry.kernel + a) * geometry.kernel + b) * sourceStride
        }
    }

    /// The input-gradient row of tap (c, a, b) and its offset into the output gradient for output o.
    func backwardRow(channel c: Int, a: Int, b: Int) -> Int {
        kind == .padded ? c : (c * geometry.kernel + a) * geometry.kernel + b
    }

    func backwardOffset(output o: Int, a: Int, b: Int) -> Int {
        kind == .padded ? o * gradientStride + front - a * lineStride - b : o * gradientStride
    }

    /// Positions the forward pass and weight gradient cover for t images (up to the last valid
    /// output), rounded up to whole blocks.
    func forwardLength(_ t: Int) -> Int {
        Self.blocks((t - 1) * imageStride + (geometry.outHeight - 1) * lineStride + geometry.outWidth)
    }

    /// Where the input gradient's positions start in a tile row and how many it covers: the
    /// image lines of the padded tile (not its padding lines), or the t images' patches.
    func backwardRange(_ t: Int) -> (start: Int, length: Int) {
        kind == .padded ? (geometry.padding * lineStride, Self.blocks(geometry.height * lineStride))
            : (0, Self.blocks(t * imageStride))
    }

    private static func blocks(_ n: Int) -> Int { (n + block - 1) / block * block }

    /// The source tile of images n0 ..< n0 + t of x (NCHW); padding is never written, so stays 0.
    func fillSource(_ x: UnsafePointer<Float>, n0: Int, t: Int, into tile: UnsafeMutablePointer<Float>) {
        switch kind {
        case .patches: Im2Col.gather(geometry, x: x, n0: n0, t: t, patches: tile, rowStride: sourceStride)
        case .padded:
            forEachInputLine(n0: n0, t: t) { nchw, q, count in (tile + q).update(from: x + nchw, count: count) }
        }
    }

    /// dx (NCHW, images n0 ..< n0 + t, overwritten) from the input-gradient tile.
    func writeInputGradient(_ tile: UnsafePointer<Float>, n0: Int, t: Int, dx: UnsafeMutablePointer<Float>) {
        let g = geometry
        switch kind {
        case .patches:
            (dx + n0 * g.inChannels * g.inPositions).update(repeating: 0, count: t * g.inChannels * g.inPositions)
            Im2Col.scatterAdd(g, patches: tile, n0: n0, t: t, dx: dx, rowStride: sourceStride)
        case .padded:
            forEachInputLine(n0: n0, t: t) { nchw, q, count in (dx + nchw).update(from: tile + q, count: count) }
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
    /// positions off the output grid are never written, so stay 0 — but a smaller last group
    /// first clears what earlier groups left in the images it lacks.
    func fillOutputGradient(_ dy: UnsafePointer<Float>, n0: Int, t: Int, into tile: UnsafeMutablePointer<Float>) {
        if t < groupImages { tile.update(repeating: 0, count: geometry.outChannels * gradientStride) }
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

    /// Every input line on the padded grid: (NCHW offset, tile offset, length).
    @inline(__always)
    private func forEachInputLine(n0: Int, t: Int, _ body: (Int, Int, Int) -> Void) {
        let g = geometry, p = g.padding
        for c in 0..<g.inChannels {
            for n in 0..<t {
                let nchw = ((n0 + n) * g.inChannels + c) * g.inPositions
                let q = c * sourceStride + n * imageStride + p * lineStride + p
                for i in 0..<g.height { body(nchw + i * g.width, q + i * lineStride, g.width) }
            }
        }
    }
}
