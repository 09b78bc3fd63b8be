import ReproSupport

/// Which models of a batch group to train now: the missing ones, and with them any stored models
/// whose batch they belonged to, so that a batch is always trained again as it first was.
extension ExperimentRunner {
    func toTrain(_ group: [ModelSpec], audit: StoreAudit) -> [ModelSpec] {
        let missing = group.filter { !audit.isStored($0.key) }
        let mates = Self.legacyBatchmates(group, missing: missing, audit: audit)
        return mates.isEmpty ? missing
            : group.filter { mates.contains($0.key) || !audit.isStored($0.key) }
    }

    /// Records stored before records named their batch (`batch` nil) still tell their batch
    /// apart: its models share its size and its wall time to the bit. If the stored ones of one
    /// such batch in this group fall short of its size by exactly the number of missing trained
    /// models (and no other batch does), they are the missing models' batch-mates.
    static func legacyBatchmates(_ group: [ModelSpec], missing: [ModelSpec],
                                 audit: StoreAudit) -> Set<String> {
        let lost = missing.filter { $0.derivation == nil }.count
        guard lost > 0 else { return [] }
        let legacy = group.compactMap { audit.record($0.key) }.filter {
            $0.batch == nil && $0.spec.derivation == nil && $0.batchSize > 1
                && audit.isStored($0.key)
        }
        let batches = Dictionary(grouping: legacy) { "\($0.batchSize)|\($0.batchSeconds.bitPattern)" }
        let short = batches.values.filter { $0.count < $0[0].batchSize
                                            && $0.count + lost == $0[0].batchSize }
        guard short.count == 1 else { return [] }
        return Set(short[0].map(\.key))
    }
}
