import ReproBLAS

/// OpenBLAS facts for provenance and benchmarks.
public enum BLASInfo {
    public static var threads: Int { BLAS.threads }
    public static var configuration: String { BLAS.configuration }
    public static var coreName: String { BLAS.coreName }
}
