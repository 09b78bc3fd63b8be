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
    /// held one only when every batch left is held. Returns how many models it trained.
    func trainClaiming(_ batches: [Claimable], trainer: some ModelTrainer,
                       progress: ReproSupport.Progress) throws -> Int {
        var pending = batches
        var trained = 0
        while !pending.isEmpty {
            let (index, lock) = try claim(pending, trainer: trainer)
            defer { lock.unlock() }
            let next = pending.remove(at: index)
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
