/// skimage v0.15 `transform.warp(image, inverse_map=T)` with its defaults as MNIST-C uses them
/// (protocol B §2.2 "Affine family"): order 1 (bilinear), mode 'constant' with cval 0, clip on.
///
/// For every output pixel (row r, column c) the input point is T·(c, r, 1); the four
/// neighbours floor/ceil of each coordinate are blended bilinearly, and a neighbour outside the
/// image counts as 0 (`_warp_fast` and `bilinear_interpolation` in `_warps_cy.pyx` and
/// `_shared/interpolation.pxd`).
///
/// Clipping (`_clip_warp_output` of v0.15): the output is clipped to [min, max] of the input.
/// When 0 (the fill value) lies outside that range, i.e. the input has no zero and a positive
/// minimum, output values exactly equal to 0 are put back to 0 after the clip; v0.15 does this
/// to keep the fill visible. Real MNIST digits contain zeros, where this reduces to a clip to
/// [0, max].
func warpBilinear(_ image: Plane, inverseMap map: AffineMatrix) -> Plane {
    var output = Plane(rows: image.rows, cols: image.cols)
    for row in 0..<image.rows {
        for col in 0..<image.cols {
            let point = map.apply(column: Double(col), row: Double(row))
            output[row, col] = bilinearSample(image, row: point.row, column: point.column)
        }
    }
    let low = image.minimum
    let high = image.maximum
    let keepFill = !(low <= 0 && 0 <= high)
    for index in output.values.indices {
        let value = output.values[index]
        if keepFill && value == 0 { continue }
        output.values[index] = min(max(value, low), high)
    }
    return output
}

/// skimage's `bilinear_interpolation` with mode 'C' and cval 0, in its operation order.
@inline(__always)
private func bilinearSample(_ image: Plane, row r: Double, column c: Double) -> Double {
    let minRow = Int(r.rounded(.down)), maxRow = Int(r.rounded(.up))
    let minCol = Int(c.rounded(.down)), maxCol = Int(c.rounded(.up))
    let dr = r - Double(minRow)
    let dc = c - Double(minCol)
    let topLeft = pixelOrZero(image, minRow, minCol)
    let topRight = pixelOrZero(image, minRow, maxCol)
    let bottomLeft = pixelOrZero(image, maxRow, minCol)
    let bottomRight = pixelOrZero(image, maxRow, maxCol)
    let top = (1 - dc) * topLeft + dc * topRight
    let bottom = (1 - dc) * bottomLeft + dc * bottomRight
    return (1 - dr) * top + dr * bottom
}

@inline(__always)
private func pixelOrZero(_ image: Plane, _ row: Int, _ col: Int) -> Double {
    guard row >= 0, row < image.rows, col >= 0, col < image.cols else { return 0 }
    return image[row, col]
}
