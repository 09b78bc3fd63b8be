/// fog, severity 5: (3.0, wibble decay 1.4) (protocol B §2.2).
/// v = x/255, m = max(v), F = the top-left 28×28 of a 256×256 plasma fractal;
/// out = clip((v + 3·F)·m/(m + 3), 0, 1)·255 as float32. The fractal makes fog the most
/// expensive corruption (65,535 uniform draws per image).
enum Fog {
    static let strength = 3.0
    static let wibbleDecay = 1.4
    static let mapSize = 256

    static func apply<G: RandomNumberGenerator>(
        _ image: [UInt8], using generator: inout G
    ) -> [Float] {
        let plane = MNISTImage.unitPlane(image)
        let peak = plane.maximum
        let fractal = PlasmaFractal.generate(
            size: mapSize, wibbleDecay: wibbleDecay, keep: MNISTImage.side, using: &generator)
        var fogged = plane
        for row in 0..<plane.rows {
            for col in 0..<plane.cols {
                let value = plane[row, col] + strength * fractal[row, col]
                fogged[row, col] = value * peak / (peak + strength)
            }
        }
        return MNISTImage.bytesScaleFloat32(fogged)
    }
}
