import ReproExperiments
import ReproSparse
import ReproSupport

/// Paper 2's families of networks: the MLPs' three (protocol part A) and the convolutional
/// networks' (paper2-cnn-protocol part A).
public enum Paper2Family: String, CaseIterable, Codable, Sendable {
    /// One hidden layer of 2^7…2^15 units, every layer keeping 128/width of its weights.
    case sparseWidth = "sparse-width"
    /// 512 units per hidden layer, 1/2/4/8 layers, the same total as the dense one-layer net.
    case sparseDepth = "sparse-depth"
    /// Dense nets of each width, trained, then pruned by magnitude to the width family's counts.
    case prunedWidth = "pruned-width"
    /// VGG11 at widths 16 (the dense base), 32, 64, 128, each keeping width 16's weight count.
    case vggWidth = "vgg-width"
    /// ResNet18 at widths 16 (the dense base), 32, 64, 128, each keeping width 16's count.
    case resnetWidth = "resnet-width"

    /// The MLP families (what the report has always built).
    public static let mlpFamilies: [Paper2Family] = [.sparseWidth, .sparseDepth, .prunedWidth]
    /// The families the report trains, evaluates and shows. The convolutional families run with
    /// `repro run vgg-width|resnet-width` and `repro run robustness`; they join the report once
    /// their figures and claims are built.
    public static let reportFamilies = mlpFamilies
    /// The convolutional families.
    public static let convFamilies: [Paper2Family] = [.vggWidth, .resnetWidth]
    /// Widths of the convolutional width families; 16 is their dense base.
    public static let convWidths = [16, 32, 64, 128]
    public static let convBaseWidth = 16

    /// The architecture a convolutional family trains ("vgg11", "resnet18"); nil for an MLP.
    public var architectureName: String? {
        switch self {
        case .vggWidth: return "vgg11"
        case .resnetWidth: return "resnet18"
        case .sparseWidth, .sparseDepth, .prunedWidth: return nil
        }
    }

    public var isConvolutional: Bool { architectureName != nil }

    public static let baseWidth = 128
    public static let allWidths = (7...15).map { 1 << $0 }
    public static let depthWidth = 512
    public static let allDepths = [1, 2, 4, 8]
    /// Dense training costs grow with width: 2^7…2^12 by default, all of them under --full.
    public static let prunedWidths = (7...12).map { 1 << $0 }

    public var summary: String {
        switch self {
        case .sparseWidth:
            return "1 hidden layer of 2^7…2^15 units, 101,632 non-zeros each, 5 seeds"
        case .sparseDepth:
            return "512 units × 1/2/4/8 layers, 406,528 non-zeros each, 5 seeds"
        case .prunedWidth:
            return "dense 2^7…2^12 (2^15 with --full), pruned to 101,632 non-zeros, 5 seeds"
        case .vggWidth:
            return "VGG11 at widths 16…128, each keeping width 16's 0.58 M weights (uniform rule)"
        case .resnetWidth:
            return "ResNet18 at widths 16…128, each keeping width 16's 0.70 M weights (uniform rule)"
        }
    }

    /// The networks of `records` this family evaluates and tabulates: all of them, except that
    /// pruned-width shows its pruned copies (the dense nets they come from stay in the store).
    public func evaluated(_ records: [ModelRecord]) -> [ModelRecord] {
        self == .prunedWidth ? records.filter(\.spec.isPruned) : records
    }

    /// The layer shapes (fan-in, fan-out, kept) the family trains at one width or depth.
    func shapes(width: Int, depth: Int) throws -> [SparseLayerShape] {
        switch self {
        case .sparseWidth: return try SparseFamilies.width(width, baseWidth: Self.baseWidth)
        case .sparseDepth:
            return try SparseFamilies.depth(hiddenLayers: depth, width: Self.depthWidth)
        case .prunedWidth: return try SparseFamilies.dense(hidden: [width])
        case .vggWidth, .resnetWidth:
            throw ReproError("\(rawValue) is a convolutional family: it has no dense layer chain")
        }
    }
}
