import ReproExperiments
import ReproSparse

/// Paper 2's three families of networks (protocol part A).
public enum Paper2Family: String, CaseIterable, Codable, Sendable {
    /// One hidden layer of 2^7…2^15 units, every layer keeping 128/width of its weights.
    case sparseWidth = "sparse-width"
    /// 512 units per hidden layer, 1/2/4/8 layers, the same total as the dense one-layer net.
    case sparseDepth = "sparse-depth"
    /// Dense nets of each width, trained, then pruned by magnitude to the width family's counts.
    case prunedWidth = "pruned-width"

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
        }
    }
}
