/// One stored array of any rank, row-major (the last index fastest), held densely or, for a
/// masked weight, as its kept positions only. Values are Float: every network of the conv
/// engine and of the sparse MLP engine trains in Float32.
public struct Tensor: Equatable, Sendable {
    public enum Storage: Equatable, Sendable {
        case dense([Float])
        /// Kept flat positions, ascending, and their values.
        case sparse(indices: [Int], values: [Float])
    }

    public var shape: [Int]
    public var storage: Storage

    public init(shape: [Int], storage: Storage) { self.shape = shape; self.storage = storage }
    public init(shape: [Int], values: [Float]) { self.init(shape: shape, storage: .dense(values)) }

    /// Positions of the whole array (masked or not).
    public var count: Int { shape.reduce(1, *) }

    /// Positions that can be non-zero.
    public var kept: Int {
        switch storage {
        case .dense(let v): return v.count
        case .sparse(let indices, _): return indices.count
        }
    }

    /// Every position, masked ones as zero.
    public var dense: [Float] {
        switch storage {
        case .dense(let v): return v
        case .sparse(let indices, let values):
            var out = [Float](repeating: 0, count: count)
            for (k, p) in indices.enumerated() { out[p] = values[k] }
            return out
        }
    }

    /// Whether the sizes agree (checked when a file is read).
    public var isConsistent: Bool {
        guard shape.allSatisfy({ $0 > 0 }) else { return false }
        switch storage {
        case .dense(let v): return v.count == count
        case .sparse(let indices, let values):
            return indices.count == values.count
                && zip(indices, indices.dropFirst()).allSatisfy { $0 < $1 }
                && (indices.first ?? 0) >= 0 && (indices.last ?? 0) < count
        }
    }
}
