/// A conv-engine input that cannot be used (unknown architecture, bad width, unknown mask rule,
/// mis-sized data), in one line.
public struct ConvError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
