/// zigzag (protocol B §2.2), with zig length a = 2 and width b = 2 from column 2 to column 25:
/// r0 uniform in [0, 26], r1 = r0 + uniform integer in [−5, 4]; θ = atan((r1 − r0)/23),
/// d = 23/cos θ. Local vertices: (0, 0), then ((2i + 1)·a, (−1)ⁱ·b) for
/// i = 0 … ⌊(d − a)/(2a)⌋, then — because d ≠ 2a·⌊d/(2a)⌋ — one last vertex
/// (d, r_last/(2·(d − 2a·⌊d/(2a)⌋))) with r_last the loop's last row (the source's formula).
/// The vertices are rotated by θ, shifted by (2, r0), and each segment's line-helper intensity is
/// added to v with a clip to [0, 1] after each; ×255 as float32.
enum Zigzag {
    static let zigLength = 2.0
    static let zigWidth = 2.0
    static let startColumn = 2.0
    static let endColumn = 25.0

    static func apply<G: RandomNumberGenerator>(
        _ image: [UInt8], using generator: inout G
    ) -> [Float] {
        let r0 = generator.nextInt(from: 0, below: 27)
        let r1 = r0 + generator.nextInt(from: -5, below: 5)
        var plane = MNISTImage.unitPlane(image)
        let points = vertices(r0: Double(r0), r1: Double(r1))
        for (start, end) in zip(points, points.dropFirst()) {
            let line = lineFromPoints(c0: start.column, r0: start.row, c1: end.column, r1: end.row)
            for index in plane.values.indices {
                plane.values[index] = min(max(plane.values[index] + line.values[index], 0), 1)
            }
        }
        return MNISTImage.bytesScaleFloat32(plane)
    }

    /// The zigzag's vertices in image coordinates (column, row).
    static func vertices(r0: Double, r1: Double) -> [(column: Double, row: Double)] {
        let a = zigLength, b = zigWidth
        let theta = LibM.atan((r1 - r0) / (endColumn - startColumn))
        let length = (endColumn - startColumn) / LibM.cos(theta)
        var local: [(c: Double, r: Double)] = [(0, 0)]
        var lastRow = 0.0
        let zigs = Int(((length - a) / (2 * a)).rounded(.down)) + 1
        for i in 0..<zigs {
            lastRow = (i % 2 == 0 ? 1 : -1) * b
            local.append((Double(2 * i + 1) * a, lastRow))
        }
        let lastFullColumn = (2 * a) * (length / (2 * a)).rounded(.down)
        if length != lastFullColumn {
            local.append((length, lastRow / (2 * (length - lastFullColumn))))
        }
        let cosine = LibM.cos(theta), sine = LibM.sin(theta)
        return local.map { point in
            (column: cosine * point.c - sine * point.r + startColumn,
             row: sine * point.c + cosine * point.r + r0)
        }
    }
}
