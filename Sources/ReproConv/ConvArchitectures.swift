import ReproNetwork

/// The conv families by name: "vgg11", "vgg13", "vgg16", "resnet18", "resnet34", "resnet50", at
/// any positive base width, for 1×28×28 MNIST images and 10 classes unless told otherwise.
public enum ConvArchitectures {
    public static let names = ["vgg11", "vgg13", "vgg16", "resnet18", "resnet34", "resnet50"]
    /// The number in an architecture's name: its depth in the papers' counting (VGG counts
    /// conv and classifier layers, ResNet weighted layers), nil for a name not listed.
    public static func depth(_ name: String) -> Int? {
        ["vgg11": 11, "vgg13": 13, "vgg16": 16, "resnet18": 18, "resnet34": 34,
         "resnet50": 50][name.lowercased()]
    }

    /// The paper's dense base width.
    public static let baseWidth = 16

    /// The architecture `name` at `width` for images of shape `input` (channels, height, width;
    /// resized to 32×32 first when they are not) normalised per channel by `normalisation`
    /// (nil: MNIST's constants on every channel).
    public static func make(_ name: String, width: Int, input: [Int] = [1, 28, 28],
                            classes: Int = 10,
                            normalisation: ChannelNormalisation? = nil) throws -> Architecture {
        guard width > 0 else { throw ConvError("width must be a positive integer, got \(width)") }
        guard classes > 1 else { throw ConvError("classes must be at least 2, got \(classes)") }
        let normalisation = normalisation ?? ChannelNormalisation.mnist.repeated(input.first ?? 1)
        guard input.count == 3, normalisation.means.count == input[0] else {
            throw ConvError("the input normalisation has \(normalisation.means.count) channels, "
                            + "the input shape \(input) does not")
        }
        let stage = InputStage.nodes(input: input, normalisation: normalisation)
        let key = name.lowercased()
        guard let a = VGG.architecture(key, width: width, input: input, classes: classes, stage: stage)
                ?? ResNet.architecture(key, width: width, input: input, classes: classes,
                                       stage: stage) else {
            throw ConvError("unknown architecture \"\(name)\" (known: \(names.joined(separator: ", ")))")
        }
        _ = try a.outputShapes()
        return a
    }
}

/// The per-channel mean and standard deviation a model's first operation normalises with: MNIST's
/// one channel (0.1307, 0.3081) or a CIFAR set's three.
public struct ChannelNormalisation: Equatable, Sendable {
    public var means: [Double]
    public var deviations: [Double]

    public static let mnist = ChannelNormalisation(means: [0.1307], deviations: [0.3081])

    public init(means: [Double], deviations: [Double]) {
        self.means = means
        self.deviations = deviations
    }

    /// Its first channel's constants on `channels` channels.
    func repeated(_ channels: Int) -> ChannelNormalisation {
        ChannelNormalisation(means: Array(repeating: means[0], count: max(1, channels)),
                             deviations: Array(repeating: deviations[0], count: max(1, channels)))
    }
}
