import Foundation
import ReproSupport

/// What a run checks and tidies before it trains: leftovers of interrupted writes, and whether
/// each batch fits in memory.
extension ExperimentRunner {
    /// Removes the store's temporary files left by a write cut short (only old ones, never a
    /// live writer's), with a one-line note.
    func removeStaleTemporaries() {
        let removed = AtomicFile.removeStale(under: store.root)
        guard !removed.isEmpty else { return }
        StoreNotices.report("removed \(removed.count) stale temporary file"
                            + (removed.count == 1 ? "" : "s")
                            + " left by an interrupted write under \(store.root.path)")
    }

    /// Refuses, before any training, a batch whose estimated memory exceeds what is available,
    /// with both numbers and the fix.
    func checkMemory(_ batches: [[ModelSpec]], trainer: some ModelTrainer) throws {
        guard let largest = batches.max(by: {
            trainer.estimatedBytes($0) < trainer.estimatedBytes($1)
        }) else { return }
        let need = trainer.estimatedBytes(largest)
        let limit = memoryLimit ?? AvailableMemory.bytes()
        guard need > limit else { return }
        throw ReproError("the batch \(trainer.describe(largest)) (\(largest.count) models) needs "
                         + "about \(AvailableMemory.text(need)) of memory, but only "
                         + "\(AvailableMemory.text(limit)) is available; "
                         + "\(trainer.smallerBatches), or free memory")
    }
}
