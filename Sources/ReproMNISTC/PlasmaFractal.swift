/// The diamond-square height map behind fog (protocol B §2.2 fog; MNIST-C's modification of
/// FLHerne/mapgen): a `size`×`size` torus, normalised to [0, 1].
///
/// A[0, 0] = 0, step s = size, wibble w = 100. While s ≥ 2: every cell centre gets the
/// "wibbled mean" of its 4 corners, then every edge midpoint that of its 2 neighbouring centres
/// and 2 neighbouring corners (indices wrap); s ← s/2, w ← w/decay. The wibbled mean of a sum S
/// is S/4 + w·U(−w, w): the noise amplitude is w², a quirk of the source kept here. Draws are
/// taken in NumPy's order: per step, the centres row by row, then the row-edge midpoints
/// (i·s, j·s + s/2), then the column-edge midpoints (i·s + s/2, j·s). Sums are formed in
/// NumPy's order too.
///
/// Cost: size² − 1 uniform draws (65,535 for 256) and as many small sums per call, about
/// 0.5–1 ms per 256×256 map on one core. Fog needs the whole map only for its min and max.
enum PlasmaFractal {
    /// The normalised map's top-left `keep`×`keep` block (`keep` = `size` for the whole map):
    /// (A − min A) / max(A − min A).
    static func generate<G: RandomNumberGenerator>(
        size: Int = 256, wibbleDecay: Double, keep: Int, using generator: inout G
    ) -> Plane {
        precondition(size > 0 && size & (size - 1) == 0, "plasma size must be a power of two")
        precondition(keep > 0 && keep <= size, "the kept block must fit the map")
        let uniforms = generator.unitDoubles(count: size * size - 1)
        var map = [Double](repeating: 0, count: size * size)
        map.withUnsafeMutableBufferPointer { map in
            uniforms.withUnsafeBufferPointer { uniforms in
                fill(map, size: size, wibbleDecay: wibbleDecay, uniforms: uniforms)
            }
        }
        var low = Double.infinity, high = -Double.infinity
        for value in map {
            low = min(low, value)
            high = max(high, value)
        }
        // max(A − low) = fl(max A − low): rounding is monotonic, so this equals NumPy's
        // subtract-then-max.
        let range = high - low
        var block = Plane(rows: keep, cols: keep)
        for row in 0..<keep {
            for col in 0..<keep {
                block[row, col] = (map[row * size + col] - low) / range
            }
        }
        return block
    }

    /// The diamond-square passes, consuming `uniforms` in order.
    private static func fill(
        _ map: UnsafeMutableBufferPointer<Double>, size: Int, wibbleDecay: Double,
        uniforms: UnsafeBufferPointer<Double>
    ) {
        let mask = size - 1
        var step = size
        var wibble = 100.0
        var drawn = 0

        @inline(__always)
        func wibbledMean(_ sum: Double) -> Double {
            // NumPy's uniform(−w, w) = −w + (w − (−w))·u.
            let noise = -wibble + (wibble - -wibble) * uniforms[drawn]
            drawn += 1
            return sum / 4 + wibble * noise
        }

        while step >= 2 {
            let half = step / 2
            // Squares: centre (r0 + s/2, c0 + s/2) from the 4 corners, summed as NumPy does:
            // (C + C below) + (C right + C below right).
            for r0 in stride(from: 0, to: size, by: step) {
                let r1 = (r0 + step) & mask
                for c0 in stride(from: 0, to: size, by: step) {
                    let c1 = (c0 + step) & mask
                    let column0 = map[r0 * size + c0] + map[r1 * size + c0]
                    let column1 = map[r0 * size + c1] + map[r1 * size + c1]
                    map[(r0 + half) * size + c0 + half] = wibbledMean(column0 + column1)
                }
            }
            // Diamonds on the corner rows: (r, c + s/2) from the centres below and above and
            // the corners left and right.
            for r in stride(from: 0, to: size, by: step) {
                let above = (r - half) & mask
                for c in stride(from: 0, to: size, by: step) {
                    let centres = map[(r + half) * size + c + half] + map[above * size + c + half]
                    let corners = map[r * size + c] + map[r * size + ((c + step) & mask)]
                    map[r * size + c + half] = wibbledMean(centres + corners)
                }
            }
            // Diamonds on the corner columns: (r + s/2, c) from the centres right and left and
            // the corners above and below.
            for r in stride(from: 0, to: size, by: step) {
                let below = (r + step) & mask
                for c in stride(from: 0, to: size, by: step) {
                    let centres = map[(r + half) * size + c + half]
                        + map[(r + half) * size + ((c - half) & mask)]
                    let corners = map[r * size + c] + map[below * size + c]
                    map[(r + half) * size + c] = wibbledMean(centres + corners)
                }
            }
            step /= 2
            wibble /= wibbleDecay
        }
    }
}
