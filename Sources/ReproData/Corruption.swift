import ReproSupport

/// Input corruptions of paper 1's robustness study, on images scaled to [0, 1].
public enum Corruption {
    /// x' = clip(x + N(0, σ²), 0, 1) for every pixel (draws in row-major order of the batch).
    public static func gaussian(_ features: [Double], sigma: Double,
                                rng: inout RandomStream) -> [Double] {
        features.map { min(max($0 + sigma * rng.nextNormal(), 0), 1) }
    }

    /// One `side × side` patch per image set to 0, its top-left corner uniform in 0…(width − side)
    /// on both axes (row drawn first, then column).
    public static func occlusion(_ features: [Double], width: Int = 28, side: Int = 7,
                                 rng: inout RandomStream) -> [Double] {
        occlusionWithPatches(features, width: width, side: side, rng: &rng).images
    }

    /// The same, also returning each image's patch corner (row, column), e.g. to outline it.
    public static func occlusionWithPatches(_ features: [Double], width: Int = 28, side: Int = 7,
                                            rng: inout RandomStream)
        -> (images: [Double], patches: [(top: Int, left: Int)]) {
        let pixels = width * width
        precondition(features.count % pixels == 0 && side <= width)
        var out = features
        var patches: [(top: Int, left: Int)] = []
        for image in 0..<(features.count / pixels) {
            let top = rng.nextInt(below: width - side + 1),
                left = rng.nextInt(below: width - side + 1)
            patches.append((top, left))
            for r in top..<(top + side) {
                for c in left..<(left + side) { out[image * pixels + r * width + c] = 0 }
            }
        }
        return (out, patches)
    }
}
