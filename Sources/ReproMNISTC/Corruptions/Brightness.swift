/// brightness, severity 5 (protocol B §2.2): gray → RGB → HSV, V ← clip(V + 0.5, 0, 1), HSV →
/// RGB → gray. A grey pixel has S = 0, so HSV → RGB gives R = G = B = V exactly, and skimage's
/// `rgb2gray` (weights 0.2125, 0.7154, 0.0721) is evaluated in its own order; the result is
/// min(v + 0.5, 1) up to the last bit. Deterministic.
enum Brightness {
    static let shift = 0.5

    static func apply(_ image: [UInt8]) -> [Float] {
        let plane = MNISTImage.unitPlane(image).map { value in
            let v = min(max(value + shift, 0), 1)
            return (v * 0.2125 + v * 0.7154) + v * 0.0721
        }
        return MNISTImage.bytesScaleFloat32(plane)
    }
}
