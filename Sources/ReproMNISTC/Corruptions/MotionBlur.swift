/// motion_blur, severity 1: radius 10, σ 3, angle θ ~ U(−45°, 45°) (protocol B §2.2).
///
/// MNIST-C round-trips the image through PNG into ImageMagick (Wand), so the port reproduces a
/// Q16, non-HDRI ImageMagick 6 (the common Linux build): an 8-bit grey value p is read as the
/// 16-bit quantum 257·p; each output quantum is Σ kᵢ·quantum(x + dxᵢ, y + dyᵢ) rounded to the
/// nearest integer and clamped (`ClampToQuantum`); the PNG written back is 8-bit
/// (`ScaleQuantumToChar`), decoded by OpenCV as uint8 and returned as float32.
///
/// Samples outside the image use ImageMagick's default virtual-pixel method, which is edge
/// replication: `GetVirtualPixelsFromNexus` treats the undefined method as `Edge`.
enum MotionBlur {
    static let radius = 10.0
    static let sigma = 3.0
    static let maxAngle = 45.0

    static func apply<G: RandomNumberGenerator>(
        _ image: [UInt8], using generator: inout G
    ) -> [Float] {
        let angle = generator.nextUniform(-maxAngle, maxAngle)
        return blur(image, kernel: MotionBlurKernel(radius: radius, sigma: sigma, angle: angle))
            .map { Float($0) }
    }

    /// The deterministic ImageMagick step for one kernel, 8-bit in and out.
    static func blur(_ image: [UInt8], kernel: MotionBlurKernel) -> [UInt8] {
        precondition(image.count == MNISTImage.pixelCount, "an MNIST image has 784 pixels")
        let side = MNISTImage.side
        var output = [UInt8](repeating: 0, count: image.count)
        for y in 0..<side {
            for x in 0..<side {
                var sum = 0.0
                for (weight, offset) in zip(kernel.weights, kernel.offsets) {
                    let sx = min(max(x + offset.dx, 0), side - 1)
                    let sy = min(max(y + offset.dy, 0), side - 1)
                    sum += weight * Double(257 * Int(image[sy * side + sx]))
                }
                output[y * side + x] = scaleQuantumToChar(clampToQuantum(sum))
            }
        }
        return output
    }

    /// ImageMagick's non-HDRI `ClampToQuantum`: 0 below 0, 65535 above, else ⌊v + 0.5⌋.
    static func clampToQuantum(_ value: Double) -> Int {
        if value.isNaN || value <= 0 { return 0 }
        if value >= 65535 { return 65535 }
        return Int(value + 0.5)
    }

    /// Q16 `ScaleQuantumToChar`: ((q + 128) − ((q + 128) >> 8)) >> 8, i.e. q/257 rounded.
    static func scaleQuantumToChar(_ quantum: Int) -> UInt8 {
        let shifted = quantum + 128
        return UInt8((shifted - (shifted >> 8)) >> 8)
    }
}
