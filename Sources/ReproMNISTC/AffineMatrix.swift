/// The 2×3 part of a skimage `AffineTransform` as scikit-image ≤ 0.19 defined it (v0.15
/// `_geometric.py`, protocol B §2.2 "Affine family"):
///
///     [[sx·cos ρ, −sy·sin(ρ + s), tx],
///      [sx·sin ρ,  sy·cos(ρ + s), ty]]
///
/// with ρ the rotation and s the shear (later skimage versions changed the shear term, so the
/// 2019 formula is written out here). It maps an output (column, row) to an input (column, row)
/// when used as `warp`'s inverse map.
struct AffineMatrix: Equatable {
    var a11: Double, a12: Double, a13: Double
    var a21: Double, a22: Double, a23: Double

    init(a11: Double, a12: Double, a13: Double, a21: Double, a22: Double, a23: Double) {
        self.a11 = a11; self.a12 = a12; self.a13 = a13
        self.a21 = a21; self.a22 = a22; self.a23 = a23
    }

    /// `AffineTransform(scale=, rotation=, shear=, translation=)` of skimage v0.15.
    init(
        scaleX: Double = 1, scaleY: Double = 1, rotation: Double = 0, shear: Double = 0,
        translationX: Double = 0, translationY: Double = 0
    ) {
        self.init(
            a11: scaleX * LibM.cos(rotation), a12: -scaleY * LibM.sin(rotation + shear),
            a13: translationX,
            a21: scaleX * LibM.sin(rotation), a22: scaleY * LibM.cos(rotation + shear),
            a23: translationY)
    }

    /// The same linear part with the translation MNIST-C adds so that the image centre
    /// (13.5, 13.5) maps to itself: tx = 13.5·(1 − a11 − a12), ty = 13.5·(1 − a21 − a22).
    func fixingCentre(_ centre: Double = MNISTImage.centre) -> AffineMatrix {
        var fixed = self
        fixed.a13 = centre * (1 - a11 - a12)
        fixed.a23 = centre * (1 - a21 - a22)
        return fixed
    }

    /// The input point (column, row) for output point (column, row), in skimage's operation
    /// order (`_transform_affine`: a11·x + a12·y + a13).
    @inline(__always)
    func apply(column x: Double, row y: Double) -> (column: Double, row: Double) {
        (a11 * x + a12 * y + a13, a21 * x + a22 * y + a23)
    }
}
