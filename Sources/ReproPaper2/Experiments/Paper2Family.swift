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
    /// VGG11, 13, 16 at width 64, each keeping VGG11-64's count.
    case vggDepth = "vgg-depth"
    /// ResNet18, 34, 50 at width 64, each keeping ResNet18-64's count.
    case resnetDepth = "resnet-depth"
    /// Dense VGG11 of each width, trained, then pruned by magnitude to width 16's count.
    case vggPruned = "vgg-pruned"

    /// The MLP families.
    public static let mlpFamilies: [Paper2Family] = [.sparseWidth, .sparseDepth, .prunedWidth]
    /// The convolutional families.
    public static let convFamilies: [Paper2Family] = [.vggWidth, .resnetWidth, .vggDepth,
                                                      .resnetDepth, .vggPruned]
    /// The families the report trains, evaluates and shows.
    public static let reportFamilies = mlpFamilies + convFamilies
    /// Widths of the convolutional width families; 16 is their dense base.
    public static let convWidths = [16, 32, 64, 128]
    public static let convBaseWidth = 16
    /// The convolutional depth families' width, and their depths (layers of the architecture).
    public static let convDepthWidth = 64

    /// The kind of network a family trains.
    public var network: Paper2Network {
        switch self {
        case .sparseWidth, .sparseDepth, .prunedWidth: return .mlp
        case .vggWidth, .vggDepth, .vggPruned: return .vgg
        case .resnetWidth, .resnetDepth: return .resnet
        }
    }

    /// What the family varies at fixed capacity.
    public var role: Paper2FamilyRole {
        switch self {
        case .sparseWidth, .vggWidth, .resnetWidth: return .width
        case .sparseDepth, .vggDepth, .resnetDepth: return .depth
        case .prunedWidth, .vggPruned: return .pruned
        }
    }

    /// The family of `network` with `role`, if the paper has one.
    public static func of(_ network: Paper2Network, _ role: Paper2FamilyRole) -> Paper2Family? {
        allCases.first { $0.network == network && $0.role == role }
    }

    /// The depths a depth family trains (hidden layers of the MLP; layers of VGG and ResNet).
    public var depths: [Int] {
        switch self {
        case .sparseDepth: return Self.allDepths
        case .vggDepth: return [11, 13, 16]
        case .resnetDepth: return [18, 34, 50]
        case .vggWidth, .vggPruned: return [11]
        case .resnetWidth: return [18]
        case .sparseWidth, .prunedWidth: return [1]
        }
    }

    /// The architecture a convolutional family trains at a depth ("vgg11", "resnet34"); nil for
    /// an MLP.
    public func architectureName(depth: Int) -> String? {
        switch network {
        case .mlp: return nil
        case .vgg: return "vgg\(depth)"
        case .resnet: return "resnet\(depth)"
        }
    }

    public var isConvolutional: Bool { network != .mlp }

    /// How the figures name the family: "static sparsity by width", "VGG11 by width",
    /// "ResNet by depth", "VGG11 pruned after training, by width".
    public var figureName: String {
        let who = network == .mlp ? "static sparsity"
            : network.title + (role == .depth ? "" : "\(depths[0])")
        switch role {
        case .width: return "\(who) by width"
        case .depth: return "\(who) by depth"
        case .pruned: return network == .mlp ? "magnitude pruning after training, by width"
            : "\(who) pruned after training, by width"
        }
    }

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
        case .vggDepth:
            return "VGG11, 13, 16 at width 64, each keeping VGG11-64's 9.2 M weights (uniform rule)"
        case .resnetDepth:
            return "ResNet18, 34, 50 at width 64, each keeping ResNet18-64's 11.2 M weights"
        case .vggPruned:
            return "dense VGG11 at widths 16…128, pruned by magnitude to width 16's 0.58 M weights"
        }
    }

    /// The networks of `records` this family evaluates and tabulates: all of them, except that
    /// a pruned family shows its pruned copies (the dense nets they come from stay in the store).
    public func evaluated(_ records: [ModelRecord]) -> [ModelRecord] {
        role == .pruned ? records.filter(\.spec.isPruned) : records
    }

    /// The layer shapes (fan-in, fan-out, kept) the family trains at one width or depth.
    func shapes(width: Int, depth: Int,
                input: Paper2Input = Paper2Input(nil)) throws -> [SparseLayerShape] {
        let (n, k) = (input.pixels, input.classes)
        switch self {
        case .sparseWidth:
            return try SparseFamilies.width(width, baseWidth: Self.baseWidth, inputSize: n, classes: k)
        case .sparseDepth:
            return try SparseFamilies.depth(hiddenLayers: depth, width: Self.depthWidth,
                                            inputSize: n, classes: k)
        case .prunedWidth: return try SparseFamilies.dense(hidden: [width], inputSize: n, classes: k)
        case .vggWidth, .resnetWidth, .vggDepth, .resnetDepth, .vggPruned:
            throw ReproError("\(rawValue) is a convolutional family: it has no dense layer chain")
        }
    }
}

/// The kinds of network paper 2 trains; a claim is checked on each kind's families.
public enum Paper2Network: String, CaseIterable, Codable, Sendable {
    case mlp, vgg, resnet

    /// "MLP", "VGG11", "ResNet18": the architecture of the kind's width family, as the claims
    /// table names it.
    public var title: String {
        switch self {
        case .mlp: return "MLP"
        case .vgg: return "VGG"
        case .resnet: return "ResNet"
        }
    }
}

/// What a family varies at fixed capacity: the width, the depth, or (pruned) the width of a
/// dense net pruned after training.
public enum Paper2FamilyRole: String, CaseIterable, Codable, Sendable {
    case width, depth, pruned
}
