import Foundation
import ReproAttacks
import ReproData
import ReproExperiments
import ReproNetwork
import ReproRobustness
import ReproSparse
import ReproSupport

/// Every evaluation of issue 11 on every evaluated network of the families given: weight noise,
/// MNIST-C and the attacks, each cached under a hash of (its name and version, the network's key,
/// the settings it reads), so a second run computes nothing and an interrupted one resumes.
/// Clean accuracy and the minimum class recall come from the training record itself.
///
/// Networks are taken seed by seed (the MNIST-C images of a seed are built once for all of its
/// networks) and two at a time side by side, one core each, the costliest first
/// (``Paper2Cost``). A network with something to compute
/// is claimed with its lock file (`results/locks/eval-<key>.lock`): another run on the same
/// output takes the networks nobody holds and then waits for the held ones, which it finds
/// evaluated, so two runs never evaluate one network twice.
public struct RobustnessStudy {
    public let runner: ExperimentRunner
    public let settings: RobustnessSettings
    public var threads: Int
    /// Whether networks are claimed with their lock files (off where the caller holds them).
    public var claimsNetworks = true
    private let log: LockedLog

    public init(runner: ExperimentRunner, settings: RobustnessSettings,
                threads: Int = max(1, ProcessInfo.processInfo.activeProcessorCount),
                log: @escaping (String) -> Void) {
        self.runner = runner
        self.settings = settings
        self.threads = threads
        self.log = LockedLog(log)
    }

    /// Evaluated networks: every network of the static families, the pruned ones of pruned-width.
    public static func evaluated(_ records: [Paper2Family: [ModelRecord]])
        -> [(family: Paper2Family, record: ModelRecord)]
    {
        Paper2Family.allCases.flatMap { family in
            family.evaluated(records[family] ?? []).map { (family, $0) }
        }
    }

    /// Whether every evaluation of these networks is cached (nothing would be computed).
    public func isComplete(_ records: [Paper2Family: [ModelRecord]]) -> Bool {
        let cache = AnalysisCache(store: runner.store)
        return Self.evaluated(records).allSatisfy { isEvaluated($0.record, cache: cache) }
    }

    func isEvaluated(_ record: ModelRecord, cache: AnalysisCache) -> Bool {
        EvaluationPart.allCases.allSatisfy {
            cache.contains($0.name(for: record), inputs: key($0, record))
        }
    }

    /// Every evaluation of these networks, computing what the cache lacks; a read-only runner
    /// (`storedOnly`) computes nothing and leaves out the networks not evaluated in full.
    public func rows(_ records: [Paper2Family: [ModelRecord]]) throws -> [RobustnessRow] {
        var networks = Self.evaluated(records)
        if runner.storedOnly {
            let cache = AnalysisCache(store: runner.store)
            networks = networks.filter { isEvaluated($0.record, cache: cache) }
        }
        guard !networks.isEmpty else { return [] }
        var measured: [String: [MeasuredValue]] = [:]
        let byData = Dictionary(grouping: networks.map(\.record), by: \.spec.task.dataset)
        for dataset in [nil] + CIFARDataset.allCases where byData[dataset] != nil {
            let material = try EvaluationMaterial(runner.data, dataset: dataset)
            let bySeed = Dictionary(grouping: byData[dataset] ?? [], by: \.spec.seed)
            for seed in bySeed.keys.sorted() {
                var unique: [ModelRecord] = []
                for r in bySeed[seed] ?? [] where !unique.contains(where: { $0.key == r.key }) {
                    unique.append(r)
                }
                let values = try evaluate(unique, seed: seed, material: material)
                for (r, v) in zip(unique, values) { measured[r.key] = v }
            }
        }
        return networks.flatMap { family, r -> [RobustnessRow] in
            let base = [MeasuredValue(.clean, value: r.evaluation["accuracy"] ?? .nan)]
            let recall = [MeasuredValue(.minRecall, value: r.evaluation["minClassRecall"] ?? .nan)]
            return (base + (measured[r.key] ?? []) + recall).map { v in
                RobustnessRow(family: family, width: r.spec.width, depth: r.spec.depth,
                              seed: r.spec.seed, evaluation: v.evaluation, setting: v.setting,
                              value: v.value, dataset: r.spec.task.dataset)
            }
        }
    }

    /// The measured values of each network of one seed, computing only what the cache lacks.
    private func evaluate(_ records: [ModelRecord], seed: Int,
                          material: EvaluationMaterial) throws -> [[MeasuredValue]] {
        let cache = AnalysisCache(store: runner.store)
        var corrupted: CorruptedTestSet?
        if records.contains(where: {
            !cache.contains(EvaluationPart.mnistC.name(for: $0), inputs: key(.mnistC, $0))
        }) {
            let started = Date()
            corrupted = try material.corrupted(seed: seed, settings: settings, workers: threads)
            log.say("\(material.corruptedName) images of seed \(seed): "
                    + "\(seconds(since: started)) s")
        }
        // Threads per network from the seed's whole list (weight noise sums its loss per
        // thread), whichever of them this run ends up computing.
        let side = min(threads, max(1, records.count))
        let perNetwork = max(1, threads / side)
        let study = self
        let shared = (material.images, material.test, corrupted)
        // First every network nobody else holds (side by side), then the held ones, each
        // after its holder lets go (normally evaluated by then: read from the cache).
        let claims = try records.map { record -> FileLock? in
            guard claimsNetworks, !isEvaluated(record, cache: cache) else { return nil }
            return try FileLock(runner.evaluationLockURL(record.key))
        }
        defer { claims.forEach { $0?.unlock() } }
        // Costliest first, so the seed's last networks to start are short ones.
        let cost = records.map { Paper2Cost.evaluation($0.spec, settings: settings) }
        let mine = records.indices.filter { claims[$0]?.tryLock() ?? true }
            .sorted { cost[$0] != cost[$1] ? cost[$0] > cost[$1] : $0 < $1 }
        var values = [[MeasuredValue]](repeating: [], count: records.count)
        let computed = try SparseConcurrency.runSideBySide(mine.count, threads: side) { k in
            try study.measure(records[mine[k]], seed: seed, cache: cache, images: shared.0,
                              test: shared.1, corrupted: shared.2, threads: perNetwork)
        }
        for (k, v) in zip(mine, computed) { values[k] = v }
        for k in records.indices where !mine.contains(k) {
            log.say("waiting for another run, which is evaluating \(records[k].key)")
            try claims[k]?.lock()
            values[k] = try study.measure(records[k], seed: seed, cache: cache, images: shared.0,
                                          test: shared.1, corrupted: shared.2, threads: perNetwork)
        }
        return values
    }

    private func measure(_ record: ModelRecord, seed: Int, cache: AnalysisCache,
                         images: EvaluationImages, test: LabeledPixels,
                         corrupted: CorruptedTestSet?, threads: Int) throws -> [MeasuredValue] {
        var model: (any Network)?
        func network() throws -> any Network {
            if let model { return model }
            let loaded = try NetworkEngines.load(record, from: runner.store)
            model = loaded
            return loaded
        }
        var times: [String] = []
        var values: [MeasuredValue] = []
        for part in EvaluationPart.allCases {
            let started = Date()
            let name = part.name(for: record)
            let computed = !cache.contains(name, inputs: key(part, record))
            values += try cache.value(name, inputs: key(part, record)) {
                () -> [MeasuredValue] in
                switch part {
                case .weightNoise:
                    return try WeightNoiseEvaluation.measure(
                        try network(), seed: seed, settings: settings,
                        test: try test.prefix(settings.noiseImages ?? test.count),
                        threads: threads)
                case .mnistC:
                    guard let corrupted else { throw ReproError("corrupted images missing") }
                    return try corrupted.measure(try network(), threads: threads)
                case .attacks:
                    return try AttackEvaluation.measure(
                        try network(), seed: seed, settings: settings, images: images,
                        threads: threads)
                }
            }
            if computed { times.append("\(part.label(for: record)) \(seconds(since: started)) s") }
        }
        if !times.isEmpty {
            let s = record.spec
            let name = s.architecture.map { "\($0.name) width \($0.width)" }
                ?? (s.depth > 1 ? "depth \(s.depth)" : "width \(s.width)")
            log.say(name
                    + "\(s.isPruned ? " pruned" : "") seed \(seed): " + times.joined(separator: ", "))
        }
        return values
    }

    /// What an evaluation's cached value depends on.
    func key(_ part: EvaluationPart, _ record: ModelRecord) -> EvaluationKey {
        let s = settings
        switch part {
        case .weightNoise:
            return EvaluationKey(part: part, model: record.key, numbers: s.sigmas,
                                 counts: [s.noiseDraws] + (s.noiseImages.map { [$0] } ?? []),
                                 rules: nil)
        case .mnistC where record.spec.task.dataset != nil:
            var key = EvaluationKey(part: part, model: record.key, numbers: [],
                                    counts: [s.corruptionImages] + CIFARCorruptedImages.severities,
                                    rules: nil)
            key.release = record.spec.task.dataset.map(runner.data.corruptedIdentity)
            return key
        case .mnistC:
            return EvaluationKey(part: part, model: record.key, numbers: [],
                                 counts: [s.corruptionImages, s.corruptionDraws], rules: nil)
        case .attacks:
            return EvaluationKey(
                part: part, model: record.key, numbers: s.epsilons, counts: [s.attackImages],
                rules: s.attacks.flatMap { kind in
                    s.epsilons.map { StepRule.standard(kind, epsilon: $0) }
                })
        }
    }

    private func seconds(since start: Date) -> String {
        String(format: "%.1f", Date().timeIntervalSince(start))
    }
}

/// The three cached evaluations of one network (`mnistC`: the corrupted test set of its data,
/// MNIST-C or CIFAR-C).
enum EvaluationPart: String, CaseIterable, Codable, Sendable {
    case weightNoise = "weight-noise", mnistC = "mnist-c", attacks

    var name: String { "p2-\(rawValue)" }
    /// The cache's name of the part for a network: `p2-cifar-c` for a CIFAR network's
    /// corruptions.
    func name(for record: ModelRecord) -> String {
        self == .mnistC && record.spec.task.dataset != nil ? "p2-cifar-c" : name
    }
    /// How the log names the part for a network: its cache name without the paper's prefix
    /// (`weight-noise`, `mnist-c` or `cifar-c`, `attacks`).
    func label(for record: ModelRecord) -> String {
        String(name(for: record).dropFirst("p2-".count))
    }
    /// Bumped when the evaluation's algorithm changes, so stale cached values are not reused.
    var version: Int { 1 }
}

/// The inputs an evaluation's cache key hashes.
struct EvaluationKey: Codable, Sendable {
    var part: EvaluationPart
    var version: Int
    var model: String
    var numbers: [Double]
    var counts: [Int]
    var rules: [StepRule]?
    /// The corrupted release the values come from, where it is not generated here (CIFAR-C);
    /// nil, and left out of the key, for MNIST-C.
    var release: String?

    init(part: EvaluationPart, model: String, numbers: [Double], counts: [Int],
         rules: [StepRule]?) {
        self.part = part
        version = part.version
        self.model = model
        self.numbers = numbers
        self.counts = counts
        self.rules = rules
    }
}

/// A log that several threads may write to, one whole line at a time.
final class LockedLog: @unchecked Sendable {
    private let lock = NSLock()
    private let write: (String) -> Void

    init(_ write: @escaping (String) -> Void) { self.write = write }

    func say(_ line: String) {
        lock.lock(); defer { lock.unlock() }
        write(line)
    }
}
