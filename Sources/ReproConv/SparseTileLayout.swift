/// Where a group of G images sits for the sparse kernels. Every input channel's images are
/// zero-padded to (H+2p)×(W+2p) and split into s×s phase planes (s the stride: phase (u, v)
/// holds padded rows ≡ u, columns ≡ v mod s), each ⌈(H+2p)/s⌉ × ⌈(W+2p)/s⌉ =: Hs × Ws; a source
/// row is one (channel, phase) with the group's plane lines interleaved — line i of image n at
/// i·G·Ws + n·Ws. An output (i, j) of image n sits at q = i·G·Ws + n·Ws + j, and its tap (a, b)
/// reads phase (a mod s, b mod s) at q + ⌊a/s⌋·G·Ws + ⌊b/s⌋: a kept weight is one shifted vector
/// over all the group's outputs, with no im2col. Positions past the output's width or height are
/// computed and dropped (and are zero in the output gradient): a 2×2 map uses half the lanes.
struct SparseTileLayout {
    let geometry: ConvGeometry
    /// Images per group: fixed by the shape (never by threads or batch), so every sum has one order.
    let groupImages: Int
    /// Phase plane width Ws and height Hs.
    let planeWidth: Int, planeHeight: Int
    /// Steps of q per image (Ws) and per line (G·Ws).
    var imageStride: Int { planeWidth }
    let lineStride: Int
    /// Source rows (channels × s²) and their stride (floats).
    let sourceRows: Int, sourceStride: Int
    /// Zeros in front of every output-gradient row (the input gradient reads back that far).
    let front: Int
    /// Kernels run over whole blocks of `SparseTileLayout.block` positions; every output row has
    /// that many more floats behind its positions (zero in the output gradient), so the extra
    /// lanes add nothing to a weight gradient.
    static let block = 16
    var gradientStride: Int { front + sourceStride + Self.block }
    private var phases: Int { geometry.stride * geometry.stride }

    /// Groups of about `tileFloats` floats of source or output tile.
    init(_ g: ConvGeometry, tileFloats: Int) {
        geometry = g
        let s = g.stride
        planeHeight = (g.height + 2 * g.padding + s - 1) / s
        planeWidth = (g.width + 2 * g.padding + s - 1) / s
        let planes = planeHeight * planeWidth
        let perImage = max(g.inChannels * s * s, g.outChannels) * planes
        groupImages = max(1, min(64, tileFloats / max(1, perImage)))
        lineStride = groupImages * planeWidth
        sourceRows = g.inChannels * s * s
        sourceStride = planeHeight * lineStride
        front = (g.kernel - 1) / s * (lineStride + 1)
    }

    /// Floats of a source or input-gradient tile: the last row's blocks may run past its end
    /// (a row's extra lanes read the next row: finite numbers, and only for dropped outputs or
    /// zero output gradients).
    var sourceTileCount: Int { sourceRows * sourceStride + Self.block }

    /// The source row of tap (c, a, b), its offset at q = 0, and its offset into the output
    /// gradient of output o for the input gradient.
    func sourceRow(channel c: Int, a: Int, b: Int) -> Int {
        let s = geometry.stride
        return c * phases + a % s * s + b % s
    }

    func forwardOffset(channel c: Int, a: Int, b: Int) -> Int {
        sourceRow(channel: c, a: a, b: b) * sourceStride + shift(a, b)
    }

    func backwardOffset(output o: Int, a: Int, b: Int) -> Int { o * gradientStride + front - shift(a, b) }

    private func shift(_ a: Int, _ b: Int) -> Int {
        a / geometry.stride * lineStride + b / geometry.stride
    }

    /// Positions the forward pass and weight gradient cover for t images (up to the last valid
    /// output), rounded up to whole blocks.
    func forwardLength(_ t: Int) -> Int {
        Self.blocks((t - 1) * imageStride + (geometry.outHeight - 1) * lineStride + geometry.outWidth)
    }

    /// Where the input gradient's positions start in a source row and how many it covers: the
    /// image lines without the padding lines at stride 1, every line otherwise.
    func backwardRange() -> (start: Int, length: Int) {
        geometry.stride == 1 ? (geometry.padding * lineStride, Self.blocks(geometry.height * lineStride))
            : (0, Self.blocks(sourceStride))
    }

    private static func blocks(_ n: Int) -> Int { (n + block - 1) / block * block }

    /// The source tile of images n0 ..< n0 + t of x (NCHW); padding is never written, so stays 0.
    func fillSource(_ x: UnsafePointer<Float>, n0: Int, t: Int, into tile: UnsafeMutablePointer<Float>) {
        let s = geometry.stride
        forEachInputLine(n0: n0, t: t) { nchw, q, count in
            if s == 1 { (tile + q).update(from: x + nchw, count: count); return }
            for j in 0..<count { tile[q + j] = x[nchw + j * s] }
        }
    }

    /// dx (NCHW, images n0 ..< n0 + t, overwritten) from the input-gradient tile.
    func writeInputGradient(_ tile: UnsafePointer<Float>, n0: Int, t: Int, dx: UnsafeMutablePointer<Float>) {
        let s = geometry.stride
        forEachInputLine(n0: n0, t: t) { nchw, q, count in
            if s == 1 { (dx + nchw).update(from: tile + q, count: count); return }
            for j in 0..<count { dx[nchw + j * s] = tile[q + j] }
        }
    }

    /// y (NCHW) = the output tile + bias, through `affine` if given, for images n0 ..< n0 + t.
    func writeOutput(_ tile: UnsafePointer<Float>, bias: UnsafePointer<Float>?, affine: OutputAffine?,
                     n0: Int, t: Int, y: UnsafeMutablePointer<Float>) {
        forEachOutputLine(n0: n0, t: t, tileOffset: 0) { o, nchw, q, count in
            let b = bias?[o] ?? 0
            if let affine {
                for j in 0..<count { y[nchw + j] = affine.apply(tile[q + j] + b, o) }
            } else {
                for j in 0..<count { y[nchw + j] = tile[q + j] + b }
            }
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

    /// Every input line's part in each column phase: (NCHW offset of its first column, tile
    /// offset, count); the part's columns are s apart.
    @inline(__always)
    private func forEachInputLine(n0: Int, t: Int, _ body: (Int, Int, Int) -> Void) {
        let g = geometry, s = g.stride, p = g.padding
        for c in 0..<g.inChannels {
            for n in 0..<t {
                let image = ((n0 + n) * g.inChannels + c) * g.inPositions
                for r in 0..<g.height {
                    let (u, line) = ((r + p) % s, (r + p) / s)
                    for v in 0..<s {
                        // Input columns x with (x + p) ≡ v (mod s), at plane column (x + p) / s.
                        let first = ((v - p) % s + s) % s
                        guard first < g.width else { continue }
                        let row = c * phases + u * s + v
                        body(image + r * g.width + first,
                             row * sourceStride + line * lineStride + n * imageStride + (first + p) / s,
                             (g.width - first + s - 1) / s)
                    }
                }
            }
        }
    }
}
