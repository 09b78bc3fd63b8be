/// The four canonical MNIST files and what they must contain (see docs/data.md).
public enum MNISTFile: String, CaseIterable, Codable, Sendable {
    case trainImages = "train-images-idx3-ubyte"
    case trainLabels = "train-labels-idx1-ubyte"
    case testImages = "t10k-images-idx3-ubyte"
    case testLabels = "t10k-labels-idx1-ubyte"

    public var fileName: String { rawValue }

    /// Size in bytes of the uncompressed file.
    public var byteCount: Int {
        switch self {
        case .trainImages: 47_040_016
        case .trainLabels: 60_008
        case .testImages: 7_840_016
        case .testLabels: 10_008
        }
    }

    /// SHA-256 of the uncompressed file.
    public var sha256: String {
        switch self {
        case .trainImages: "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"
        case .trainLabels: "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"
        case .testImages: "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"
        case .testLabels: "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"
        }
    }

    public var dimensions: [Int] {
        switch self {
        case .trainImages: [60_000, 28, 28]
        case .trainLabels: [60_000]
        case .testImages: [10_000, 28, 28]
        case .testLabels: [10_000]
        }
    }

    /// Other names the same file goes by in downloads (`t10k-images.idx3-ubyte` etc.).
    public var aliases: [String] {
        let dotted = fileName.replacingOccurrences(of: "-idx", with: ".idx")
        return [fileName, dotted]
    }

    /// Official per-digit counts, used as a last sanity check on the labels.
    public static let trainClassCounts = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851,
                                          5949]
    public static let testClassCounts = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]
}
