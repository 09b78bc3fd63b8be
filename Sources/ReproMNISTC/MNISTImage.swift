/// Geometry and conversions of one MNIST image: 28×28 bytes, row-major (protocol B §2.1).
enum MNISTImage {
    static let side = 28
    static let pixelCount = side * side
    /// The point skimage's affine corruptions keep fixed: the middle of the 28-pixel grid.
    static let centre = 13.5

    /// `np.array(x) / 255.`: the image as float64 in [0, 1].
    static func unitPlane(_ bytes: [UInt8]) -> Plane {
        precondition(bytes.count == pixelCount, "an MNIST image has 784 pixels")
        return Plane(rows: side, cols: side, values: bytes.map { Double($0) / 255 })
    }

    /// `(np.clip(x, 0, 1) * 255).astype(np.float32)`: the ending shared by most corruptions.
    static func bytesScaleFloat32(_ plane: Plane) -> [Float] {
        plane.values.map { Float(Swift.min(Swift.max($0, 0), 1) * 255) }
    }
}
