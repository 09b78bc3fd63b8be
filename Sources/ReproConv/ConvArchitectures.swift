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

    public static func make(_ name: String, width: Int, input: [Int] = [1, 28, 28],
                            classes: Int = 10) throws -> Architecture {
        guard width > 0 else { throw ConvError("width must be a positive integer, got \(width)") }
        guard classes > 1 else { throw ConvError("classes must be at least 2, got \(classes)") }
        let key = name.lowercased()
        guard let a = VGG.architecture(key, width: width, input: input, classes: classes)
                ?? ResNet.architecture(key, width: width, input: input, classes: classes) else {
            throw ConvError("unknown architecture \"\(name)\" (known: \(names.joined(separator: ", ")))")
        }
        _ = try a.outputShapes()
        return a
    }
}
