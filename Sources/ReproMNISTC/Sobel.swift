/// SciPy's `ndimage.sobel(input, axis)` with its default mode 'reflect': the derivative
/// [−1, 0, 1] along `axis`, then the smoothing [1, 2, 1] along the other axis, each a
/// `correlate1d` (protocol B §2.2 canny_edges step 2). Axis 0 differentiates down the columns
/// (skimage's `isobel`), axis 1 along the rows (`jsobel`).
func sobel(_ input: Plane, axis: Int) -> Plane {
    let derivative = correlate1D(input, weights: [-1, 0, 1], axis: axis, mode: .reflect)
    return correlate1D(derivative, weights: [1, 2, 1], axis: 1 - axis, mode: .reflect)
}
