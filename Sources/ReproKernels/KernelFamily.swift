/// The instruction sets the hot kernels are compiled for. One binary carries all three; the best
/// one the CPU can run is chosen once per process (`ReproKernelDispatch`). Every family runs the
/// same operations in the same order — 8- and 16-float lanes, a separate multiply and add (no
/// fused multiply-add), fixed reduction orders — so every family gives the same bits: the choice
/// changes speed, never a stored number.
public enum KernelFamily: String, CaseIterable, Sendable, Comparable {
    /// The portable build: x86-64's baseline (SSE2), or the architecture's default elsewhere.
    case baseline
    /// AVX2 with FMA, BMI and F16C available to the compiler (Haswell, 2013, and later; AMD Zen).
    case avx2
    /// AVX-512 F, VL, BW, DQ and CD (Skylake-SP, 2017, and later; AMD Zen 4).
    case avx512

    /// How the report's provenance and `repro bench` name it.
    public var label: String {
        switch self {
        case .baseline: "baseline (SSE2)"
        case .avx2: "AVX2"
        case .avx512: "AVX-512"
        }
    }

    public static func < (a: KernelFamily, b: KernelFamily) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
