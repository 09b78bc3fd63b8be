/// impulse_noise, severity 4 (protocol B §2.2): skimage v0.15 `random_noise(mode='s&p',
/// amount=0.17)`. Each pixel is flipped with probability 0.17; a second, independent draw
/// (salt_vs_pepper = ½) makes a flipped pixel 1 (salt), else 0 (pepper). As in skimage, all
/// 784 flip draws come first, then all 784 salt draws.
enum ImpulseNoise {
    static let amount = 0.17
    static let saltFraction = 0.5

    static func apply<G: RandomNumberGenerator>(
        _ image: [UInt8], using generator: inout G
    ) -> [Float] {
        var plane = MNISTImage.unitPlane(image)
        let flipped = (0..<plane.values.count).map { _ in generator.nextBool(probability: amount) }
        let salted = (0..<plane.values.count).map { _ in
            generator.nextBool(probability: saltFraction)
        }
        for index in plane.values.indices where flipped[index] {
            plane.values[index] = salted[index] ? 1 : 0
        }
        return MNISTImage.bytesScaleFloat32(plane)
    }
}
