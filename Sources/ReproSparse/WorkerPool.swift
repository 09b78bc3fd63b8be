import Foundation

/// A fork-join pool of persistent threads: `run` calls `body(t)` for t = 0..<threads, t = 0 on
/// the caller's thread, and returns when all are done. A training batch forks twice (the passes
/// split by samples, then the weight step split by units), so threads are kept alive rather than
/// created per call. With one thread `run` is a plain call.
final class WorkerPool {
    let threads: Int
    private let state: PoolState

    init(threads: Int) {
        self.threads = max(1, threads)
        state = PoolState()
        for t in 1..<self.threads {
            let state = self.state
            let thread = Thread { state.serve(worker: t) }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    deinit {
        state.stop()
    }

    func run(_ body: (Int) -> Void) {
        guard threads > 1 else { return body(0) }
        withoutActuallyEscaping(body) { job in
            state.start(job, workers: threads - 1)
            job(0)
            state.waitForWorkers()
        }
    }
}

/// The shared state of a pool, owned jointly by the pool and its threads (so the pool can be
/// released while the threads still wait).
private final class PoolState: @unchecked Sendable {
    private let condition = NSCondition()
    private var generation = 0
    private var pending = 0
    private var stopping = false
    private var job: ((Int) -> Void)?

    func start(_ job: @escaping (Int) -> Void, workers: Int) {
        condition.lock()
        self.job = job
        pending = workers
        generation += 1
        condition.broadcast()
        condition.unlock()
    }

    func waitForWorkers() {
        condition.lock()
        while pending > 0 { condition.wait() }
        job = nil
        condition.unlock()
    }

    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    func serve(worker: Int) {
        var seen = 0
        while true {
            condition.lock()
            while generation == seen && !stopping { condition.wait() }
            if stopping {
                condition.unlock()
                return
            }
            seen = generation
            var work = job
            condition.unlock()
            work?(worker)
            // Drop the job before reporting: `run` lends a non-escaping closure, which must have
            // no reference left when it returns.
            work = nil
            condition.lock()
            pending -= 1
            if pending == 0 { condition.broadcast() }
            condition.unlock()
        }
    }
}
