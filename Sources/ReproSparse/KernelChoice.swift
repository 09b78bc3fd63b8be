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

    /// The kept fraction from which a dense masked GEMM beats the sparse kernels, measured with
    /// `repro bench --paper2` (one thread, batch 128, medians of repeated runs on a shared
    /// machine): the sparse kernels win clearly at 0.5 (784-256-10) and below, BLAS at 1, and at
    /// 0.61 (two 512-unit layers) it depends on the machine's other load (sparse 1.5–2.2 s, BLAS
    /// 1.7 s), so that layer stays on BLAS. See README.md.
    public static let denseCrossover = 0.55

    /// Every value ``denseCrossover`` has had, oldest first: version k of the sparse trainer chose
    /// its kernels with the k-th.
    public static let crossovers: [Double] = [0.25, 0.55]

    /// The sparse trainer's version for a network whose layers keep these fractions: the oldest
    /// version whose automatic choice runs every layer on the kernels it runs on now. BLAS and the
    /// sparse kernels sum in different orders, so a network whose kernels changed gets a new key
    /// (and is computed again), while one whose kernels did not keeps its key and stored results.
    public static func trainerVersion(keeps: [Double]) -> Int {
        let now = keeps.map { $0 >= denseCrossover }
        let version = crossovers.firstIndex { c in keeps.map { $0 >= c } == now }
        return (version ?? crossovers.count - 1) + 1
    }

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
