/// A network's stored state: its tensors by name, in a fixed order (the order the engine wrote
/// them, which is also the order in the file). Conv and dense weights, biases, and batch-norm
/// scales, shifts and running statistics are all named tensors, so one format holds every
/// architecture.
public struct NamedTensors: Equatable, Sendable {
    public private(set) var names: [String]
    public private(set) var tensors: [Tensor]

    public init() { names = []; tensors = [] }

    public init(_ entries: [(String, Tensor)]) throws {
        self.init()
        for (name, tensor) in entries { try append(name, tensor) }
    }

    public mutating func append(_ name: String, _ tensor: Tensor) throws {
        guard !name.isEmpty, !names.contains(name) else {
            throw ArchitectureError("tensor name \"\(name)\" is empty or used twice")
        }
        names.append(name); tensors.append(tensor)
    }

    public subscript(name: String) -> Tensor? {
        names.firstIndex(of: name).map { tensors[$0] }
    }

    /// The tensor called `name`, or a one-line error naming what is missing or mis-shaped.
    public func require(_ name: String, shape: [Int]) throws -> Tensor {
        guard let t = self[name] else { throw ArchitectureError("no stored tensor \"\(name)\"") }
        guard t.shape == shape else {
            throw ArchitectureError("tensor \"\(name)\" has shape \(t.shape), expected \(shape)")
        }
        return t
    }

    public var count: Int { names.count }
}
