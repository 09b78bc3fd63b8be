import CCPUFeatures
import Foundation
import ReproKernels
import ReproKernelsAVX2
import ReproKernelsAVX512

/// The baseline table, compiled with this module's portable flags.
private let baselineKernels = KernelTable(
    family: .baseline,
    sparseForward: { $0.run() }, sparseBackward: { $0.run() }, sparseUpdate: { $0.run() },
    shiftedRowSums: { $0.run() }, shiftedRowDots: { $0.run() },
    axpy: { Vector.axpy($0, $1, $2, $3) }, sum: { Vector.sum($0, $1) }, dot: { Vector.dot($0, $1, $2) },
    relu: { Vector.relu($0, $1, $2) }, reluGradient: { Vector.reluGradient($0, $1, $2, $3) },
    scaleShift: { Vector.scaleShift($0, $1, $2, $3, $4, relu: $5) },
    normGradient: { Vector.normGradient($0, $1, $2, $3, $4, $5, $6, $7) })

/// Which kernel family the engines call, chosen once per process: the widest the CPU can run,
/// unless `REPRO_KERNELS` names another (for a comparison, or a cluster that wants one family
/// everywhere). Every family gives the same bits (``KernelFamily``), so the choice is recorded in
/// the report's provenance and never enters a key: a store filled by old and new nodes stays one
/// store.
public enum Kernels {
    /// The families this CPU can run, ascending.
    public static let supported: [KernelFamily] = KernelFamily.allCases.filter(canRun)

    /// The table every engine calls.
    public nonisolated(unsafe) private(set) static var active: KernelTable = table(for: supported.last!)

    /// The environment variable that picks a family.
    public static let environmentKey = "REPRO_KERNELS"

    public static func canRun(_ family: KernelFamily) -> Bool {
        switch family {
        case .baseline: true
        case .avx2: repro_cpu_has_avx2() != 0
        case .avx512: repro_cpu_has_avx512() != 0
        }
    }

    public static func table(for family: KernelFamily) -> KernelTable {
        switch family {
        case .baseline: baselineKernels
        case .avx2: avx2Kernels
        case .avx512: avx512Kernels
        }
    }

    /// Makes `family` the active one; refuses one this CPU cannot run.
    public static func use(_ family: KernelFamily) throws {
        guard canRun(family) else { throw KernelChoiceError.unsupported(family, supported: supported) }
        active = table(for: family)
    }

    /// Applies `REPRO_KERNELS` when it is set (the CLI calls this once, before any work); blank
    /// means unset, and surrounding spaces are ignored.
    public static func configure(environment: [String: String]) throws {
        guard let raw = environment[environmentKey] else { return }
        let name = raw.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return }
        guard let family = KernelFamily(rawValue: name.lowercased()) else {
            throw KernelChoiceError.unknown(name)
        }
        try use(family)
    }

    /// Runs `body` with `family` active, then restores the previous one (tests and the bench).
    public static func with<T>(_ family: KernelFamily, _ body: () throws -> T) throws -> T {
        let previous = active
        try use(family)
        defer { active = previous }
        return try body()
    }
}

public enum KernelChoiceError: Error, CustomStringConvertible, Equatable {
    case unknown(String)
    case unsupported(KernelFamily, supported: [KernelFamily])

    public var description: String {
        let names = KernelFamily.allCases.map(\.rawValue).joined(separator: ", ")
        switch self {
        case .unknown(let name):
            return "\(Kernels.environmentKey)=\(name) is not a kernel family: use one of \(names), or unset it"
        case .unsupported(let family, let supported):
            return "\(Kernels.environmentKey)=\(family.rawValue): this CPU cannot run \(family.label) code; "
                + "use \(supported.map(\.rawValue).joined(separator: " or ")), or unset it"
        }
    }
}
