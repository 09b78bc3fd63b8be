import ReproData
import ReproNetwork
import ReproSupport

/// The CIFAR-C images of one seed (paper 2: "1000 examples … corruption severity of two and
/// four"): `corruptionImages` test indices drawn from (seed, "cifar-c"), the same for every
/// corruption and severity, taken from Hendrycks & Dietterich's release; and those images
/// uncorrupted (`identity`). Shared by every network of the seed trained on that data set.
public final class CIFARCorruptedImages: @unchecked Sendable {
    /// The severities the paper evaluates.
    public static let severities = [2, 4]

    public let identity: LabeledPixels
    public let sets: [(corruption: String, severity: Int, images: LabeledPixels)]

    public init(seed: Int, settings: RobustnessSettings, images: EvaluationImages,
                release: CIFARCorrupted) throws {
        let indices = images.subset(size: settings.corruptionImages, seed: seed, purpose: "cifar-c")
        identity = try LabeledPixels(bytes: images.bytes(of: indices),
                                     labels: indices.map { UInt8(images.labels[$0]) },
                                     inputSize: images.pixelsPerImage)
        var sets: [(String, Int, LabeledPixels)] = []
        for corruption in CIFARCorrupted.corruptions {
            let perSeverity = try release.images(corruption, severities: Self.severities,
                                                 indices: indices)
            for (severity, set) in zip(Self.severities, perSeverity) {
                guard set.labels.map(Int.init) == indices.map({ images.labels[$0] }) else {
                    throw ReproError("\(CIFARCorrupted.folder(release.dataset))'s labels are not "
                                     + "the test set's: it is not the release of this data set")
                }
                sets.append((corruption, severity, try LabeledPixels(
                    bytes: set.pixels, labels: set.labels, inputSize: images.pixelsPerImage)))
            }
        }
        self.sets = sets
    }

    /// The setting a corruption at a severity is stored under: `snow@2`, `mean@4`.
    public static func setting(_ name: String, severity: Int) -> EvaluationSetting {
        .named("\(name)@\(severity)")
    }
}
