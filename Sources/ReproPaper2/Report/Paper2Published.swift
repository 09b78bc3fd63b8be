/// `paper/paper2/published.json`: the paper gives its MLP results as figures only, so this holds
/// what the report must say about them, and the parts out of reach here.
public struct Paper2Published: Codable, Sendable {
    public var note: String
    public var outOfReach: [String]
}
