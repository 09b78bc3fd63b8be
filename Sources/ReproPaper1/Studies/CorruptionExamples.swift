import ReproData
import ReproSupport

/// Fig. D.1: one held-out image of (4, 9), with σ = 0.3 Gaussian noise and with a 7×7 occlusion.
public enum CorruptionExamples {
    public static let version = 2

    public struct Result: Codable, Equatable, Sendable {
        public var digit: Int
        public var original: [Double]
        public var noisy: [Double]
        public var occluded: [Double]
        /// Top-left corner (row, column) of the 7×7 patch, so a figure can outline it.
        public var patchTop: Int
        public var patchLeft: Int
    }

    public static func run(_ context: StudyContext) throws -> Result {
        let seed = context.seed(preferring: 42)
        struct Inputs: Encodable { let study = "corruption-examples"; let version: Int; let seed: Int; let data: String }
        return try context.cache.value("corruption-examples", inputs: Inputs(version: version, seed: seed, data: context.runner.dataHash)) {
            let pair = Paper1Plan.hardestPair
            let task = try context.task(pair, seed: seed)
            let image: [Double] = Array(task.heldOut.features()[0..<784])
            var noise = RandomStream(seed: seed, "example-gaussian")
            var patch = RandomStream(seed: seed, "example-occlusion")
            let occluded = Corruption.occlusionWithPatches(image, rng: &patch)
            return Result(digit: Int(task.heldOut.digits[0]), original: image, noisy: Corruption.gaussian(image, sigma: 0.3, rng: &noise),
                          occluded: occluded.images, patchTop: occluded.patches[0].top, patchLeft: occluded.patches[0].left)
        }
    }
}
