/// MNIST-C's `line_from_points`, shared by dotted_line and zigzag (protocol B §2.2 "Line
/// helper"). For the segment (c0, r0)–(c1, r1) with slope m = (r1 − r0)/(c1 − c0), every pixel
/// gets intensity clip(ln(1 − d/2.3) + 1, 0, 1), where d = |r − (m·(c − c0) + r0)| is the
/// *vertical* distance to the line, clipped to [0, 2.3 − 1e−10]: 1 on the line, 0 from
/// d ≈ 1.454 on. Columns before floor(c0) and from ceil(c1) on are zeroed. A vertical segment
/// (c1 = c0) gives an empty plane, as in the source.
func lineFromPoints(c0: Double, r0: Double, c1: Double, r1: Double) -> Plane {
    let side = MNISTImage.side
    var plane = Plane(rows: side, cols: side)
    guard c1 != c0 else { return plane }
    let slope = (r1 - r0) / (c1 - c0)
    let first = Int(c0.rounded(.down))
    let end = Int(c1.rounded(.up))
    for col in max(first, 0)..<max(min(end, side), max(first, 0)) {
        let lineRow = slope * (Double(col) - c0) + r0
        for row in 0..<side {
            let distance = min(max(abs(Double(row) - lineRow), 0), 2.3 - 1e-10)
            let intensity = LibM.log(1 - distance / 2.3) + 1
            plane[row, col] = min(max(intensity, 0), 1)
        }
    }
    return plane
}
