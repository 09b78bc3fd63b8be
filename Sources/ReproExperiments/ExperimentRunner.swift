import Foundation
import ReproData
import ReproNN
import ReproSupport

/// Trains what a plan needs and the store lacks, batch by batch (the trainer decides which models
/// share a batch), and stores each batch as soon as it ends. A killed run loses at most the batch
/// in flight; a batch counts as stored only once all its models are, so a partly saved one is
/// trained again whole and no model's numbers depend on where a run was interrupted.
public struct ExperimentRunner {
    public let store: ResultStore
    /// Verified MNIST, loaded only if something must be trained or evaluated.
    public let data: DataSource
    /// SHA-256 of the training images `data` holds.
    public let dataHash: String
    public var showProgress: Bool = true
    /// The most memory a batch may need; nil for what the machine has available now.
    public var memoryLimit: Int?
    /// Read only (`repro claims --stored`): `run` trains nothing and `records` returns the
    /// plan's stored records, leaving out those not computed, so claims can be checked on what
    /// an output holds (a cluster run half way, say) without computing the rest.
    public var storedOnly = false

    public init(store: ResultStore, data: DataSource,
                dataHash: String = MNISTFile.trainImages.sha256) {
        self.store = store
        self.data = data
        self.dataHash = dataHash
    }

    /// A runner whose data comes from a closure (called at most once).
    public init(store: ResultStore, dataHash: String = MNISTFile.trainImages.sha256,
                loadData: @escaping () throws -> MNIST) {
        self.init(store: store, data: DataSource(load: loadData), dataHash: dataHash)
    }

    /// The same runner writing into another store (another paper's, say).
    public func with(store: ResultStore) -> ExperimentRunner {
        var copy = ExperimentRunner(store: store, data: data, dataHash: dataHash)
        copy.showProgress = showProgress
        copy.memoryLimit = memoryLimit
        copy.storedOnly = storedOnly
        return copy
    }

    public struct Outcome: Equatable, Sendable {
        public var trained: Int
        public var cached: Int
        public var seconds: Double
        public var complete: Bool

        /// "capacity: 12 trained, 153 reused, 40.2 s", as `repro run` ends.
        public func line(_ experiment: String) -> String {
            "\(experiment): \(trained) trained, \(cached) reused, \(Digits.fixed(seconds, 1)) s"
                + (complete ? "" : " (incomplete: other shards still to run)")
        }
    }

    /// What the plan's networks name as their data: `dataHash` for MNIST, the installed CIFAR's
    /// identity (``DataSource/identity(of:)``) for a CIFAR plan.
    public func dataHash(for plan: some ExperimentPlanning) -> String {
        plan.dataset.map { data.identity(of: $0) } ?? dataHash
    }

    /// Runs the plan (or this shard of it) and returns what was trained and what was reused.
    @discardableResult
    public func run(_ plan: some ExperimentPlanning, trainer: some ModelTrainer,
                    shard: Shard? = nil) throws -> Outcome {
        try plan.validate()
        let specs = plan.specs(data: dataHash(for: plan))
        let audit = StoreAudit(store)
        if storedOnly {
            let stored = specs.filter { audit.isStored($0.key) }.count
            return Outcome(trained: 0, cached: stored, seconds: 0, complete: stored == specs.count)
        }
        let pending = Self.batches(specs, trainer: trainer, shard: shard).compactMap { batch in
            let members = toTrain(batch, audit: audit)
            return members.isEmpty ? nil : Claimable(batch: batch, members: members,
                                                     budget: trainer.epochBudget(members))
        }
        removeStaleTemporaries()
        try checkMemory(pending.map(\.members), trainer: trainer)
        let start = Date()
        var trained = 0
        if !pending.isEmpty {
            let progress = ReproSupport.Progress(label: plan.experiment,
                                                 total: pending.reduce(0) { $0 + $1.budget })
            trained = try trainClaiming(pending, trainer: trainer, progress: progress)
        }
        let after = StoreAudit(store)
        let stored = specs.filter { after.isStored($0.key) }.count
        let complete = stored == specs.count
        if complete { try saveManifest(plan, specs: specs, trainer: trainer) }
        return Outcome(trained: trained, cached: max(0, stored - trained),
                       seconds: Date().timeIntervalSince(start), complete: complete)
    }

    /// The plan's batches in a fixed order. Shards are cut from this full list, so they stay
    /// fixed however much is already done.
    static func batches(_ specs: [ModelSpec], trainer: some ModelTrainer,
                        shard: Shard?) -> [[ModelSpec]] {
        var order: [String] = []
        var members: [String: [ModelSpec]] = [:]
        for spec in specs {
            let group = trainer.groupKey(spec)
            if members[group] == nil { order.append(group) }
            members[group, default: []].append(spec)
        }
        return order.enumerated().filter { shard?.includes($0.offset) ?? true }
            .compactMap { members[$0.element] }
    }

    func train(_ batch: [ModelSpec], trainer: some ModelTrainer,
                       progress: ReproSupport.Progress) throws {
        // A derived model whose source is stored (trained by another plan, or before an
        // interruption) is computed from the stored source; the rest of the batch trains.
        let fromStore = batch.filter { spec in
            guard let source = spec.derivation?.source else { return false }
            return !batch.contains { $0.key == source } && store.hasModel(source)
        }
        for spec in fromStore {
            guard let source = spec.derivation?.source else { continue }
            try store.save(try trainer.derive(spec, from: try store.model(source), store: store,
                                              data: data))
        }
        let members = batch.filter { spec in !fromStore.contains { $0.key == spec.key } }
        guard !members.isEmpty else {
            if showProgress {
                progress.advance(by: trainer.epochBudget(batch),
                                 detail: "\(trainer.describe(batch)) (derived from stored models)")
            }
            return
        }
        let started = Date()
        let budget = trainer.epochBudget(members)
        var reported = 0
        let results = try trainer.train(members, data: data) { epoch in
            guard self.showProgress else { return }
            // The batch's line once, when its share of the bar is first complete.
            let detail = epoch >= budget && reported < budget
                ? "\(trainer.describe(members)) (\(members.count) models, "
                    + "\(Digits.fixed(Date().timeIntervalSince(started), 1)) s)"
                : ""
            progress.advance(by: max(0, min(epoch, budget) - reported), detail: detail)
            reported = max(reported, min(epoch, budget))
        }
        // A batch that stopped early (a stopping rule) still completes its share of the bar.
        if showProgress && reported < budget {
            progress.advance(by: budget - reported,
                             detail: "\(trainer.describe(members)) (\(members.count) models)")
        }
        // The trained members' numbers depend on each other (they shared GEMMs, or threads):
        // each record names them all, and counts as stored only once all are (see StoreAudit).
        let together = members.filter { $0.derivation == nil }.map(\.key)
        for var result in results {
            if result.record.spec.derivation == nil { result.record.batch = together }
            try store.save(result)
        }
    }

    /// Records the completed plan; its compute time counts each batch once, whenever it ran.
    private func saveManifest(_ plan: some ExperimentPlanning, specs: [ModelSpec],
                              trainer: some ModelTrainer) throws {
        var perBatch: [String: Double] = [:]
        for spec in Set(specs) {
            let record = try store.model(spec.key)
            perBatch["\(trainer.groupKey(spec))|\(record.batchSeconds)"] = record.batchSeconds
        }
        try store.saveRun(RunManifest(experiment: plan.experiment, planKey: plan.key,
                                      modelKeys: specs.map(\.key),
                                      computeSeconds: perBatch.values.reduce(0, +)))
    }

    /// The stored records of a plan, in plan order; an error names the command that fills the gap.
    /// Read only (`storedOnly`): those stored, the rest left out.
    public func records(_ plan: some ExperimentPlanning) throws -> [ModelRecord] {
        let specs = plan.specs(data: dataHash(for: plan))
        let audit = StoreAudit(store)
        let missing = specs.filter { !audit.isStored($0.key) }
        if storedOnly {
            return try specs.filter { audit.isStored($0.key) }
                .map { try audit.record($0.key) ?? store.model($0.key) }
        }
        guard missing.isEmpty else {
            let damaged = missing.filter {
                if case .damaged = audit.state($0.key) { return true } else { return false }
            }.count
            throw ReproError("\(missing.count) of \(specs.count) \(plan.experiment) results are not "
                             + "computed yet"
                             + (damaged > 0 ? " (\(damaged) damaged, see the note above)" : "")
                             + "; run `\(plan.runCommand)` with the same options first")
        }
        return try specs.map { try audit.record($0.key) ?? store.model($0.key) }
    }
}
