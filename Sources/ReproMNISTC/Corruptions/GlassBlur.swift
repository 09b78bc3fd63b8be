/// glass_blur, severity 1: σ 0.7, max_delta 1, 2 iterations (protocol B §2.2).
/// 1. blur v = x/255 with the vertical-only Gaussian of skimage's `multichannel=True` quirk;
/// 2. truncate to uint8: uint8(blurred·255);
/// 3. twice: for h = 27…2 and, inside, w = 27…2, with probability ½ draw dx then dy uniformly
///    from {−1, 0} and swap pixel (h, w) with (h + dy, w + dx);
/// 4. blur (uint8)/255 again the same way, clip to [0, 1], ×255 as float32.
enum GlassBlur {
    static let sigma = 0.7
    static let maxDelta = 1
    static let iterations = 2

    static func apply<G: RandomNumberGenerator>(
        _ image: [UInt8], using generator: inout G
    ) -> [Float] {
        var bytes = truncatedBytes(gaussianStage(MNISTImage.unitPlane(image)))
        shuffleLocally(&bytes, using: &generator)
        let blurred = gaussianStage(MNISTImage.unitPlane(bytes))
        return MNISTImage.bytesScaleFloat32(blurred)
    }

    /// Steps 1 and 4: the Gaussian that runs only down the columns.
    static func gaussianStage(_ plane: Plane) -> Plane {
        multichannelQuirkGaussian(plane, sigma: sigma)
    }

    /// `np.uint8(plane * 255)`: truncation toward zero. The blur of values in [0, 1] stays in
    /// [0, 1] up to rounding, so the clamp only guards against 255 + ε.
    static func truncatedBytes(_ plane: Plane) -> [UInt8] {
        plane.values.map { UInt8(min(max($0 * 255, 0), 255)) }
    }

    /// Step 3, the local pixel shuffle, in `corruptions.py`'s loop order (rows and columns from
    /// 28 − d down to d + 1; NumPy's `randint(−d, d)` excludes d, so offsets lie in [−d, d)).
    static func shuffleLocally<G: RandomNumberGenerator>(
        _ bytes: inout [UInt8], using generator: inout G
    ) {
        let side = MNISTImage.side
        for _ in 0..<iterations {
            for h in stride(from: side - maxDelta, to: maxDelta, by: -1) {
                for w in stride(from: side - maxDelta, to: maxDelta, by: -1) {
                    guard generator.nextBool(probability: 0.5) else { continue }
                    let dx = generator.nextInt(from: -maxDelta, below: maxDelta)
                    let dy = generator.nextInt(from: -maxDelta, below: maxDelta)
                    bytes.swapAt(h * side + w, (h + dy) * side + (w + dx))
                }
            }
        }
    }
}
