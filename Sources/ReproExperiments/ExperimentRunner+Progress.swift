import Foundation
import ReproSupport

/// Where a plan stands, batch by batch, without training or loading anything: which batches are
/// stored, which are claimed by a running process (their lock file is held), and which are
/// missing, with the shard of `count` that owns each (the same cut as `run(_:trainer:shard:)`).
/// `repro status` and the Slurm submission read it.
extension ExperimentRunner {
    public enum BatchState: String, Sendable, Equatable {
        case stored, claimed, missing
    }

    public struct BatchProgress: Sendable, Equatable {
        /// Position in the plan's fixed batch order; shard `i/n` owns the positions with
        /// `position % n == i`.
        public var position: Int
        public var members: [ModelSpec]
        public var state: BatchState
        /// Members not stored yet (all of them for a claimed or missing batch that is new).
        public var missing: [ModelSpec]
    }

    /// Every batch of the plan in order, with its state. A claim is seen by trying the batch's
    /// lock without waiting (and letting it go at once); a batch whose lock is held and which is
    /// not stored is `claimed`.
    public func progress(_ plan: some ExperimentPlanning,
                         trainer: some ModelTrainer) -> [BatchProgress] {
        let specs = plan.specs(data: dataHash(for: plan))
        let audit = StoreAudit(store)
        return Self.batches(specs, trainer: trainer, shard: nil).enumerated().map { position, batch in
            let missing = toTrain(batch, audit: audit)
            guard !missing.isEmpty else {
                return BatchProgress(position: position, members: batch, state: .stored, missing: [])
            }
            let state: BatchState = Self.isHeld(lockURL(batch, trainer: trainer)) ? .claimed : .missing
            return BatchProgress(position: position, members: batch, state: state, missing: missing)
        }
    }

    /// The lock file a process holds while it evaluates the stored model `key` (a local
    /// run's robustness study, a cluster task's evaluation part): two runs on one output
    /// never evaluate one network twice.
    public func evaluationLockURL(_ key: String) -> URL {
        store.root.appendingPathComponent("locks").appendingPathComponent("eval-\(key).lock")
    }

    /// Whether some process holds the lock file at `url` now (false if there is no such file).
    public static func isHeld(_ url: URL) -> Bool {
        guard FileManager.default.fileExists(atPath: url.path),
              let lock = try? FileLock(url) else { return false }
        guard lock.tryLock() else { return true }
        lock.unlock()
        return false
    }
}
