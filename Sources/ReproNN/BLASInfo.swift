import CBLAS

/// OpenBLAS facts for provenance and benchmarks.
public enum BLASInfo {
    public static var threads: Int { Int(openblas_get_num_threads()) }
    public static var configuration: String { String(cString: openblas_get_config()) }
    public static var coreName: String { String(cString: openblas_get_corename()) }
}
