/// shot_noise, severity 5 (protocol B §2.2): k ~ Poisson(3·x/255) per pixel, output
/// clip(k/3, 0, 1)·255, so every value is a multiple of 85.
enum ShotNoise {
    static let photons = 3.0

    static func apply<G: RandomNumberGenerator>(
        _ image: [UInt8], using generator: inout G
    ) -> [Float] {
        let plane = MNISTImage.unitPlane(image)
        let noisy = plane.map { value in
            Double(generator.nextPoisson(mean: value * photons)) / photons
        }
        return MNISTImage.bytesScaleFloat32(noisy)
    }
}
