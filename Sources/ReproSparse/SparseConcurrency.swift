import ReproBLAS
import Foundation

/// Using both cores. Two ways, measured by `sparse-bench --threads` (see README.md):
/// - one model at a time with ``SparseTrainingOptions/threads`` = 2 (each batch split between two
///   threads: samples for the passes, units for the step), or
/// - two models side by side, one thread each, through ``runSideBySide(_:threads:_:)``.
public enum SparseConcurrency {
    /// Threads OpenBLAS may use in each call. Process-wide: set it to 1 whenever several threads
    /// call BLAS at once (side-by-side training, `threads` > 1 with dense layers).
    public static var blasThreads: Int {
        get { BLAS.threads }
        set { BLAS.threads = newValue }
    }

    /// Runs `body` with OpenBLAS single-threaded (restored when the last such section ends).
    /// For an engine whose stored bits must not depend on whether another section happens to
    /// hold OpenBLAS at one thread at the same moment: the count is process-wide.
    public static func withSingleThreadedBLAS<T>(_ body: () throws -> T) rethrows -> T {
        BLASSingleThreaded.enter()
        defer { BLASSingleThreaded.leave() }
        return try body()
    }

    /// Runs `body(i)` for i in 0..<count on `threads` threads (a shared queue of jobs, taken in
    /// order), with OpenBLAS single-threaded meanwhile (restored afterwards), and returns the
    /// results in job order. Each job should build its own trainer; a ``SparseDataset`` may be
    /// shared. The first error thrown is rethrown after all jobs stop.
    public static func runSideBySide<T>(
        _ count: Int, threads: Int = 2,
        _ body: @escaping @Sendable (Int) throws -> T
    ) throws -> [T] {
        BLASSingleThreaded.enter()
        defer { BLASSingleThreaded.leave() }
        let box = JobBox<T>(count: count)
        let group = DispatchGroup()
        for _ in 0..<max(1, min(threads, count)) {
            group.enter()
            let thread = Thread {
                while let i = box.next() {
                    do { box.store(i, .success(try body(i))) } catch {
                        box.store(i, .failure(error))
                    }
                }
                group.leave()
            }
            thread.stackSize = 1 << 22
            thread.start()
        }
        group.wait()
        return try box.results()
    }
}

/// The job counter and result slots of ``SparseConcurrency/runSideBySide(_:threads:_:)``.
private final class JobBox<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var nextJob = 0
    private let count: Int
    private var slots: [Result<T, Error>?]

    init(count: Int) {
        self.count = count
        slots = Array(repeating: nil, count: count)
    }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextJob < count else { return nil }
        nextJob += 1
        return nextJob - 1
    }

    func store(_ i: Int, _ r: Result<T, Error>) {
        lock.lock()
        slots[i] = r
        lock.unlock()
    }

    func results() throws -> [T] {
        try slots.map { slot in
            guard let slot else { throw SparseError("a side-by-side job did not finish") }
            return try slot.get()
        }
    }
}

/// OpenBLAS single-threaded while any side-by-side run is going, restored when the last one ends.
/// Its thread count is process-wide, so two side-by-side runs at once (the conv trainer trains
/// two batches at once) must not each save and restore it: the second would save the first's 1
/// and leave OpenBLAS single-threaded for the rest of the process, changing the last bits of
/// every later dense product (a stored network's test loss differed between a local run and its
/// Slurm shards).
enum BLASSingleThreaded {
    private static let lock = NSLock()
    private nonisolated(unsafe) static var depth = 0
    private nonisolated(unsafe) static var saved = 1

    static func enter() {
        lock.lock(); defer { lock.unlock() }
        if depth == 0 {
            saved = SparseConcurrency.blasThreads
            SparseConcurrency.blasThreads = 1
        }
        depth += 1
    }

    static func leave() {
        lock.lock(); defer { lock.unlock() }
        depth -= 1
        if depth == 0 { SparseConcurrency.blasThreads = saved }
    }
}
