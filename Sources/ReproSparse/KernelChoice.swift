/// Which kernels run a layer.
public enum SparseKernelChoice: Sendable, Equatable {
    /// Dense BLAS for layers that keep at least ``denseCrossover`` of their weights, sparse
    /// kernels for the others.
    case automatic
    /// Sparse kernels for every layer.
    case sparse
    /// Dense BLAS (masked) for every layer.
    case dense
    /// Dense BLAS for layers that keep at least this fraction, sparse kernels for the others.
    case threshold(Double)

    /// The kept fraction from which a dense masked GEMM beats the sparse kernels: measured with
    /// `sparse-bench --crossover` (784 → w layers of the width family, batch 128). See README.md.
    public static let denseCrossover = 0.25

    func usesDense(keep: Double) -> Bool {
        switch self {
        case .automatic: return keep >= Self.denseCrossover
        case .sparse: return false
        case .dense: return true
        case .threshold(let t): return keep >= t
        }
    }
}

/// Which units of one level of activations (the input, a hidden layer, or the output) take part
/// in the computation, as ascending unit indices.
struct ActiveUnits: Equatable {
    let total: Int
    let units: [Int32]

    static func all(_ n: Int) -> ActiveUnits {
        ActiveUnits(total: n, units: (0..<Int32(n)).map { $0 })
    }

    var count: Int { units.count }
    var isComplete: Bool { units.count == total }

    /// full unit index → position among the active units, or −1.
    func compactIndex() -> [Int32] {
        var map = [Int32](repeating: -1, count: total)
        for (k, u) in units.enumerated() { map[Int(u)] = Int32(k) }
        return map
    }
}
