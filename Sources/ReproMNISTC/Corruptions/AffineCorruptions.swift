/// shear, rotate, scale and translate: MNIST-C's four skimage `warp` corruptions (protocol B
/// §2.2 "Affine family"). Each draws its parameters, builds the 2019 `AffineTransform`, warps
/// v = x/255 bilinearly with zero fill and returns clip(·, 0, 1)·255 as float32. The
/// parameterised warps are exposed to the tests, which check that angle 0 is the identity.
enum AffineCorruptions {
    /// shear severity 2: |s| = 0.4 rad, sign ±1 with probability ½.
    static let shearAngle = 0.4
    /// rotate severity 2: |ρ| = 0.4 rad, sign ±1 with probability ½.
    static let rotationAngle = 0.4
    /// scale severity 3: the inverse map scales by 1/0.7, shrinking the digit to 70 %.
    static let inverseScale = 1 / 0.7
    /// translate severity 3: 3 px along each axis, independent signs.
    static let shift = 3.0

    static func shear<G: RandomNumberGenerator>(
        _ image: [UInt8], using generator: inout G
    ) -> [Float] {
        let angle = shearAngle * generator.nextSign()
        return MNISTImage.bytesScaleFloat32(shear(MNISTImage.unitPlane(image), angle: angle))
    }

    static func rotate<G: RandomNumberGenerator>(
        _ image: [UInt8], using generator: inout G
    ) -> [Float] {
        let angle = rotationAngle * generator.nextSign()
        return MNISTImage.bytesScaleFloat32(rotate(MNISTImage.unitPlane(image), angle: angle))
    }

    /// Deterministic: MNIST-C's scale has no random parameter.
    static func scale(_ image: [UInt8]) -> [Float] {
        MNISTImage.bytesScaleFloat32(
            scale(MNISTImage.unitPlane(image), inverseFactor: inverseScale))
    }

    static func translate<G: RandomNumberGenerator>(
        _ image: [UInt8], using generator: inout G
    ) -> [Float] {
        // np.random.choice([-1, 1], 2): the x sign is drawn first.
        let dx = shift * generator.nextSign()
        let dy = shift * generator.nextSign()
        return MNISTImage.bytesScaleFloat32(translate(MNISTImage.unitPlane(image), dx: dx, dy: dy))
    }

    /// Input point = (c − (r − 13.5)·sin s, 13.5 + (r − 13.5)·cos s).
    static func shear(_ plane: Plane, angle: Double) -> Plane {
        warpBilinear(plane, inverseMap: AffineMatrix(shear: angle).fixingCentre())
    }

    /// Input point = R(ρ)·((c, r) − 13.5) + 13.5.
    static func rotate(_ plane: Plane, angle: Double) -> Plane {
        warpBilinear(plane, inverseMap: AffineMatrix(rotation: angle).fixingCentre())
    }

    /// Input point = k·((c, r) − 13.5) + 13.5.
    static func scale(_ plane: Plane, inverseFactor k: Double) -> Plane {
        warpBilinear(plane, inverseMap: AffineMatrix(scaleX: k, scaleY: k).fixingCentre())
    }

    /// Input point = (c + dx, r + dy): the content moves by (−dx, −dy), zeros fill in.
    static func translate(_ plane: Plane, dx: Double, dy: Double) -> Plane {
        warpBilinear(plane, inverseMap: AffineMatrix(translationX: dx, translationY: dy))
    }
}
