/// Builds the input matrix of a batch: example-major pixels become feature-major rows (one row per
/// active input pixel, one column per sample), eight samples at a time so each store is a full
/// lane. Columns past the batch's real samples are zero, so they add nothing to any sum.
enum GatherKernel {
    /// Rows `pixels` of already normalised examples; column c holds example `sample[c]`.
    static func normalised(features: UnsafePointer<Float>, inputSize: Int,
                           sample: UnsafePointer<Int32>, pixels: UnsafePointer<Int32>, rows: Int,
                           output: UnsafeMutablePointer<Float>, ld: Int, columns: Range<Int>,
                           real: Int) {
        gather(inputSize: inputSize, pixels: pixels, rows: rows, output: output, ld: ld,
               columns: columns, real: real, transform: { $0 }) { c in
            features + Int(sample[c]) &* inputSize
        }
    }

    /// Rows `pixels` of raw pixels in [0, 1] (example `first + c` in column c), normalised here.
    static func raw(pixels source: UnsafePointer<Float>, inputSize: Int, first: Int,
                    pixels: UnsafePointer<Int32>, rows: Int, output: UnsafeMutablePointer<Float>,
                    ld: Int, columns: Range<Int>, real: Int) {
        gather(inputSize: inputSize, pixels: pixels, rows: rows, output: output, ld: ld,
               columns: columns, real: real, transform: InputNormalisation.apply) { c in
            source + (first + c) &* inputSize
        }
    }

    @inline(__always)
    private static func gather(inputSize: Int, pixels: UnsafePointer<Int32>, rows: Int,
                               output: UnsafeMutablePointer<Float>, ld: Int, columns: Range<Int>,
                               real: Int, transform: (Float) -> Float,
                               example: (Int) -> UnsafePointer<Float>) {
        var c = columns.lowerBound
        while c < columns.upperBound {
            if c + 8 <= real {
                let p0 = example(c), p1 = example(c + 1), p2 = example(c + 2), p3 = example(c + 3)
                let p4 = example(c + 4), p5 = example(c + 5), p6 = example(c + 6), p7 = example(c + 7)
                for r in 0..<rows {
                    let u = Int(pixels[r])
                    let v = Lane(transform(p0[u]), transform(p1[u]), transform(p2[u]), transform(p3[u]),
                                 transform(p4[u]), transform(p5[u]), transform(p6[u]), transform(p7[u]))
                    storeLane(output + (r &* ld &+ c), v)
                }
            } else {
                for k in c..<(c + 8) {
                    if k < real {
                        let p = example(k)
                        for r in 0..<rows { output[r &* ld &+ k] = transform(p[Int(pixels[r])]) }
                    } else {
                        for r in 0..<rows { output[r &* ld &+ k] = 0 }
                    }
                }
            }
            c += 8
        }
    }
}
