/// spatter, severity 4: (0.65, 0.3, 1, 0.65, 1.5, 1); the 6th parameter is unused in MNIST-C
/// (protocol B §2.2).
/// 1. liquid L ~ N(0.65, 0.3²) per pixel (float64), blurred with σ = 1 (skimage `gaussian`:
///    isotropic, mode 'nearest', truncate 4);
/// 2. L[L < 0.65] = 0; mask m = 1 where L > 0.65, else 0;
/// 3. m blurred with σ = 1.5 as a float32 array (skimage keeps float32, SciPy stores the
///    intermediate and result as float32); m[m < 0.8] = 0;
/// 4. out = clip(v·(1 − m) + (63/255)·m, 0, 1)·255, all in float32 as NumPy computes it
///    (v = float32(x)/255).
enum Spatter {
    static let liquidMean = 0.65
    static let liquidSpread = 0.3
    static let liquidSigma = 1.0
    static let liquidThreshold = 0.65
    static let maskSigma = 1.5
    static let maskThreshold: Float = 0.8
    static let mudColour = Float(63.0 / 255.0)

    static func apply<G: RandomNumberGenerator>(
        _ image: [UInt8], using generator: inout G
    ) -> [Float] {
        let side = MNISTImage.side
        precondition(image.count == MNISTImage.pixelCount, "an MNIST image has 784 pixels")
        let normals = generator.standardNormals(count: MNISTImage.pixelCount)
        let liquid = skimageGaussian(
            Plane(rows: side, cols: side,
                  values: normals.map { liquidMean + liquidSpread * $0 }),
            sigma: liquidSigma)
        let wet = liquid.map { $0 > liquidThreshold ? 1 : 0 }
        let mask = skimageGaussian(wet, sigma: maskSigma, storeAsFloat32: true).values.map {
            let m = Float($0)
            return m < maskThreshold ? 0 : m
        }
        return zip(image, mask).map { byte, m in
            let v = Float(byte) / 255
            let mixed = v * (1 - m) + mudColour * m
            return min(max(mixed, 0), 1) * 255
        }
    }
}
