/// SciPy's `ndimage.gaussian_filter` on a plane: one 1-D Gaussian correlation per axis whose σ
/// exceeds 1e-15, axis 0 (down the columns) first, then axis 1 (along the rows). A σ of 0 skips
/// its axis entirely, which is how skimage's `multichannel=True` quirk makes glass blur
/// vertical-only (protocol B §2.2).
///
/// `storeAsFloat32` mimics a float32 input array, whose output (and so the intermediate
/// between the two axes) SciPy stores as float32.
func gaussianFilter(
    _ input: Plane, sigmaRows: Double, sigmaCols: Double, mode: BoundaryMode,
    truncate: Double = 4, storeAsFloat32: Bool = false
) -> Plane {
    var result = input
    for (axis, sigma) in [(0, sigmaRows), (1, sigmaCols)] where sigma > 1e-15 {
        let kernel = GaussianKernel(sigma: sigma, truncate: truncate)
        result = correlate1D(
            result, weights: kernel.weights, axis: axis, mode: mode,
            storeAsFloat32: storeAsFloat32)
    }
    return result
}

/// skimage `filters.gaussian(image, sigma)` on a 2-D grey image (v0.15, `multichannel` unset):
/// isotropic σ, SciPy mode `nearest` unless told otherwise, truncate 4. Spatter uses it.
func skimageGaussian(
    _ input: Plane, sigma: Double, mode: BoundaryMode = .nearest, storeAsFloat32: Bool = false
) -> Plane {
    gaussianFilter(
        input, sigmaRows: sigma, sigmaCols: sigma, mode: mode, storeAsFloat32: storeAsFloat32)
}

/// skimage v0.15 `gaussian(image, sigma, multichannel=True)` on a 2-D image, as glass blur calls
/// it: the last axis is taken for colour channels, σ becomes [σ, 0], and the blur runs only
/// down the columns (protocol B §2.2, glass_blur step 1). Mode `nearest`, truncate 4.
func multichannelQuirkGaussian(_ input: Plane, sigma: Double) -> Plane {
    gaussianFilter(input, sigmaRows: sigma, sigmaCols: 0, mode: .nearest)
}
