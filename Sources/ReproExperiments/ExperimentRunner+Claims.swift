import Foundation
import ReproSupport

/// Runs on one store share the work: a batch is trained by whoever claims its lock file
/// (`results/locks/<group>.lock`, an `flock`, so a killed process frees it), and the store is
/// checked again under the claim, so a batch another run finished is skipped, not repeated.
extension ExperimentRunner {
    /// A batch still to do, and its share of the progress bar.
    struct Claimable {
        var batch: [ModelSpec]
        /// Its models to train, as the store stood when the run began.
        var members: [ModelSpec]
        var budget: Int
    }

    /// Trains each batch this process claims; takes the first batch nobody holds, and waits for a
    /// held one only when every batch left is held. With a trainer that trains several batches
    /// at once (``ModelTrainer/concurrentBatches``), as many workers each claim and train batches
    /// until none is left, the costliest first (``longestFirst(_:trainer:)``). Returns how many
    /// models it trained.
    func trainClaiming(_ batches: [Claimable], trainer: some ModelTrainer,
                       progress: ReproSupport.Progress) throws -> Int {
        let workers = max(1, min(trainer.concurrentBatches, batches.count))
        guard workers > 1 else {
            return try trainClaiming(WorkQueue(batches), trainer: trainer, progress: progress)
        }
        let queue = WorkQueue(Self.longestFirst(batches, trainer: trainer))
        let outcomes = Locked([Result<Int, Error>]())
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let outcome = Result { try trainClaiming(queue, trainer: trainer, progress: progress) }
            if case .failure = outcome { queue.stop() }
            outcomes.update { $0.append(outcome) }
        }
        return try outcomes.value.reduce(0) { $0 + (try $1.get()) }
    }

    /// The batches by the trainer's estimated cost, costliest first (ties in plan order): with
    /// two workers the last batches to start are the short ones, so neither core idles long at
    /// the end (a three-seed VGG family: 1,628 s in plan order, about 1,460 s this way, its
    /// core-seconds over two being 1,458).
    static func longestFirst(_ batches: [Claimable], trainer: some ModelTrainer) -> [Claimable] {
        let costs = batches.map { trainer.relativeCost($0.members) }
        return batches.indices.sorted { costs[$0] != costs[$1] ? costs[$0] > costs[$1] : $0 < $1 }
            .map { batches[$0] }
    }

    /// One worker's loop over the shared queue.
    private func trainClaiming(_ queue: WorkQueue, trainer: some ModelTrainer,
                               progress: ReproSupport.Progress) throws -> Int {
        var trained = 0
        while let (next, lock) = try queue.claimNext({ try claim($0, trainer: trainer) }) {
            defer { lock.unlock() }
            let audit = StoreAudit(store)
            let members = toTrain(next.batch, audit: audit)
            guard !members.isEmpty else {
                if showProgress {
                    progress.advance(by: next.budget,
                                     detail: "\(trainer.describe(next.batch)) (done by another run)")
                }
                continue
            }
            try train(members, trainer: trainer, progress: progress)
            trained += members.count
        }
        return trained
    }

    /// The batches still to claim, shared by a process's workers: one takes a batch at a time
    /// under a lock, so no two workers (and, by the file locks, no two processes) train the same.
    final class WorkQueue: @unchecked Sendable {
        private var pending: [Claimable]
        private var stopped = false
        private let lock = NSLock()

        init(_ batches: [Claimable]) { pending = batches }

        /// Claims the next batch with `claim` (index into the pending list and its file lock) and
        /// removes it; nil when none is left or a worker failed.
        func claimNext(_ claim: ([Claimable]) throws -> (Int, FileLock))
            throws -> (Claimable, FileLock)?
        {
            lock.lock(); defer { lock.unlock() }
            guard !stopped, !pending.isEmpty else { return nil }
            let (index, fileLock) = try claim(pending)
            return (pending.remove(at: index), fileLock)
        }

        func stop() {
            lock.lock(); defer { lock.unlock() }
            stopped = true
        }
    }

    func claim(_ pending: [Claimable], trainer: some ModelTrainer) throws -> (Int, FileLock) {
        for (index, item) in pending.enumerated() {
            let lock = try FileLock(lockURL(item.batch, trainer: trainer))
            if lock.tryLock() { return (index, lock) }
        }
        let lock = try FileLock(lockURL(pending[0].batch, trainer: trainer))
        if showProgress {
            FileHandle.standardError.write(Data(
                ("\nwaiting for another run, which is training \(trainer.describe(pending[0].batch))"
                 + "\n").utf8))
        }
        try lock.lock()
        return (0, lock)
    }

    /// One lock per batch group (whichever plan it comes from: plans that share models share
    /// their groups).
    func lockURL(_ batch: [ModelSpec], trainer: some ModelTrainer) -> URL {
        let group = "\(batch[0].trainer.kind)|\(trainer.groupKey(batch[0]))"
        return store.root.appendingPathComponent("locks")
            .appendingPathComponent(String(StableHash.fnv1a64(group), radix: 16) + ".lock")
    }
}
