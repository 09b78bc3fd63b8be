import ReproKernels
/// Builds the input matrix of a batch: example-major pixels become feature-major rows (one row per
/// active input pixel, one column per sample), eight samples at a time so each store is a full
/// lane. Columns past the batch's real samples are zero, so they add nothing to any sum.
enum GatherKernel {
    /// Rows `pixels` of already normalised examples; column c holds example `sample[c]`.
    static func normalised(
        features: UnsafePointer<Float>, inputSize: Int,
        sample: UnsafePointer<Int32>, pixels: UnsafePointer<Int32>, rows: Int,
        output: UnsafeMutablePointer<Float>, ld: Int, columns: Range<Int>,
        real: Int
    ) {
        gather(
            inputSize: inputSize, pixels: pixels, rows: rows, output: output, ld: ld,
            columns: columns, real: real, transform: { p, _ in p }
        ) { c in
            features + Int(sample[c]) &* inputSize
        }
    }

    /// Rows `pixels` of raw pixels in [0, 1] (example `first + c` in column c), normalised here
    /// by `normalisation` when there is one.
    static func raw(
        pixels source: UnsafePointer<Float>, inputSize: Int, first: Int,
        pixels: UnsafePointer<Int32>, rows: Int, output: UnsafeMutablePointer<Float>,
        ld: Int, columns: Range<Int>, real: Int, normalisation: InputNormalisation?
    ) {
        let example = { (c: Int) in source + (first + c) &* inputSize }
        if let normalisation {
            gather(inputSize: inputSize, pixels: pixels, rows: rows, output: output, ld: ld,
                   columns: columns, real: real,
                   transform: { normalisation.apply($0, at: $1, of: inputSize) },
                   example: example)
        } else {
            gather(inputSize: inputSize, pixels: pixels, rows: rows, output: output, ld: ld,
                   columns: columns, real: real, transform: { p, _ in p }, example: example)
        }
    }

    @inline(__always)
    private static func gather(
        inputSize: Int, pixels: UnsafePointer<Int32>, rows: Int,
        output: UnsafeMutablePointer<Float>, ld: Int, columns: Range<Int>,
        real: Int, transform: (Float, Int) -> Float,
        example: (Int) -> UnsafePointer<Float>
    ) {
        debugCheck(columns.upperBound <= ld, "columns beyond the row length")
        debugCheck(columns.lowerBound % 8 == 0 && columns.count % 8 == 0, "columns not in eights")
        var c = columns.lowerBound
        while c < columns.upperBound {
            if c + 8 <= real {
                let p0 = example(c)
                let p1 = example(c + 1)
                let p2 = example(c + 2)
                let p3 = example(c + 3)
                let p4 = example(c + 4)
                let p5 = example(c + 5)
                let p6 = example(c + 6)
                let p7 = example(c + 7)
                var r = 0
                while r < rows {
                    let u = Int(pixels[r])
                    // Eight consecutive pixels: load eight lanes along the examples and transpose.
                    if r &+ 8 <= rows && Int(pixels[r &+ 7]) == u &+ 7 {
                        let s0 = loadLane(p0 + u)
                        let s1 = loadLane(p1 + u)
                        let s2 = loadLane(p2 + u)
                        let s3 = loadLane(p3 + u)
                        let s4 = loadLane(p4 + u)
                        let s5 = loadLane(p5 + u)
                        let s6 = loadLane(p6 + u)
                        let s7 = loadLane(p7 + u)
                        for k in 0..<8 {
                            let i = u &+ k
                            let v = Lane(
                                transform(s0[k], i), transform(s1[k], i), transform(s2[k], i),
                                transform(s3[k], i), transform(s4[k], i), transform(s5[k], i),
                                transform(s6[k], i), transform(s7[k], i))
                            storeLane(output + ((r &+ k) &* ld &+ c), v)
                        }
                        r &+= 8
                        continue
                    }
                    let v = Lane(
                        transform(p0[u], u), transform(p1[u], u), transform(p2[u], u),
                        transform(p3[u], u), transform(p4[u], u), transform(p5[u], u),
                        transform(p6[u], u), transform(p7[u], u))
                    storeLane(output + (r &* ld &+ c), v)
                    r &+= 1
                }
            } else {
                for k in c..<(c + 8) {
                    if k < real {
                        let p = example(k)
                        for r in 0..<rows {
                            let u = Int(pixels[r])
                            output[r &* ld &+ k] = transform(p[u], u)
                        }
                    } else {
                        for r in 0..<rows { output[r &* ld &+ k] = 0 }
                    }
                }
            }
            c += 8
        }
    }
}
