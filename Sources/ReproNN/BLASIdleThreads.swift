import CBLAS
import Foundation

/// How long OpenBLAS's worker threads spin after a call before they sleep.
///
/// OpenBLAS (pthreads build) keeps its workers busy-waiting for 2²⁸ cycles (about 0.1 s) after
/// every call, in case another follows. The batched trainer runs its own row passes on every
/// core between its GEMMs, for milliseconds at a time, so a spinning worker takes a core from
/// them every epoch (and from everything else on a shared machine). OpenBLAS reads the spin
/// time from `OPENBLAS_THREAD_TIMEOUT` (as a power of two, 4–30) when it starts its threads,
/// which happens as the library loads, before `main`; so this sets the variable, has OpenBLAS
/// read it again, and restarts the threads, with the same number of them. Which thread computes
/// what in a GEMM depends on that number only, so results are bit-identical.
public enum BLASIdleThreads {
    /// Spin 2^`exponent` cycles (2²⁰: under a millisecond) instead of OpenBLAS's default, unless
    /// the user set `OPENBLAS_THREAD_TIMEOUT`. Call it once, before any BLAS call can run on
    /// another thread (restarting the threads under a running call would break it). Returns
    /// whether the threads were restarted; false also when this OpenBLAS lacks the entry points.
    @discardableResult
    public static func shortenSpin(exponent: Int = 20) -> Bool {
        let variable = "OPENBLAS_THREAD_TIMEOUT"
        guard getenv(variable) == nil, (4...30).contains(exponent),
              let readEnvironment = symbol("openblas_read_env", as: ReadEnvironment.self),
              let shutdown = symbol("blas_thread_shutdown_", as: Shutdown.self)
        else { return false }
        let threads = openblas_get_num_threads()
        setenv(variable, "\(exponent)", 1)
        readEnvironment()
        unsetenv(variable)
        _ = shutdown()
        // Restarts the pool (OpenBLAS re-creates it lazily; this does it now, same size).
        openblas_set_num_threads(threads)
        return openblas_get_num_threads() == threads
    }

    private typealias ReadEnvironment = @convention(c) () -> Void
    private typealias Shutdown = @convention(c) () -> Int32

    /// A function exported by the loaded OpenBLAS (not in its header), if present.
    private static func symbol<F>(_ name: String, as type: F.Type) -> F? {
        guard let handle = dlopen(nil, RTLD_NOW), let address = dlsym(handle, name) else {
            return nil
        }
        return unsafeBitCast(address, to: type)
    }
}
