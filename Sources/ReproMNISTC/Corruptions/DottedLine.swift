/// dotted_line (protocol B §2.2): rows r0, r1 uniform integers in [0, 26]; the line from
/// (column 0, row r0) to (column 27, row r1), with column pairs blanked alternately — [0, 2)
/// off, [2, 4) on, … , [26, 28) on — and column 27 masked by the line helper, so only columns
/// 2–3, 6–7, …, 22–23 and 26 can be lit. out = clip(v + line, 0, 1)·255 as float32.
enum DottedLine {
    /// Whether `column` lies in one of the "on" pairs [2, 4), [6, 8), …, [26, 28).
    static func isDrawn(column: Int) -> Bool {
        (column / 2) % 2 == 1
    }

    static func apply<G: RandomNumberGenerator>(
        _ image: [UInt8], using generator: inout G
    ) -> [Float] {
        let r0 = generator.nextInt(from: 0, below: 27)
        let r1 = generator.nextInt(from: 0, below: 27)
        var line = lineFromPoints(c0: 0, r0: Double(r0), c1: 27, r1: Double(r1))
        for row in 0..<MNISTImage.side {
            for col in 0..<MNISTImage.side where !isDrawn(column: col) {
                line[row, col] = 0
            }
        }
        var plane = MNISTImage.unitPlane(image)
        for index in plane.values.indices {
            plane.values[index] += line.values[index]
        }
        return MNISTImage.bytesScaleFloat32(plane)
    }
}
