import Foundation
import ReproNN
import ReproNetwork
import ReproSupport

/// Content-addressed results under one paper's `results/` folder: `models/<key>.json` (+
/// `<key>.weights`) per trained network, `runs/<experiment>-<hash>.json` per completed experiment.
/// Every write is atomic; a model counts as done once its JSON exists, and its weights are
/// written before it.
public struct ResultStore: Sendable {
    public let root: URL

    public init(root: URL) { self.root = root }

    var modelsDirectory: URL { root.appendingPathComponent("models") }
    var runsDirectory: URL { root.appendingPathComponent("runs") }

    func recordURL(_ key: String) -> URL { modelsDirectory.appendingPathComponent("\(key).json") }
    func weightsURL(_ key: String) -> URL {
        modelsDirectory.appendingPathComponent("\(key).weights")
    }

    /// Whether `key` is stored and can be trusted: intact (see ``inspect(_:)``), and so is every
    /// model of its batch. A damaged model counts as missing (with a one-line notice), so the
    /// next run recomputes it.
    public func hasModel(_ key: String) -> Bool { StoreAudit(self).isStored(key) }

    /// The stored record of `key`, checked; a damaged one is refused with the reason.
    public func model(_ key: String) throws -> ModelRecord {
        switch inspect(key) {
        case .intact(let record): return record
        case .missing: throw ReproError("no stored result \(key); run the experiment first")
        case .damaged(let why):
            throw ReproError("\(why); run the experiment again to recompute it")
        }
    }

    public func weights(_ key: String) throws -> [LayerWeights] {
        try readWeights(key, WeightFile.decode)
    }

    /// The stored state of `key` as named tensors (a version 2 file converted, see
    /// ``TensorFile``).
    public func tensors(_ key: String) throws -> NamedTensors {
        try readWeights(key, TensorFile.decode)
    }

    /// The weight file of `key`, decoded; a missing or damaged file names the fix.
    private func readWeights<T>(_ key: String, _ decode: (Data, String) throws -> T) throws -> T {
        let url = weightsURL(key)
        guard let data = try? Data(contentsOf: url) else {
            throw ReproError("no stored weights for \(key) (\(url.path)); run the experiment "
                             + "again to recompute it")
        }
        do { return try decode(data, url.path) } catch {
            throw ReproError("\(error); run the experiment again to recompute it")
        }
    }

    /// Writes the weights, then the record sealed with both checksums (``ModelRecord/sha256``).
    public func save(_ result: TrainedResult) throws {
        let weights = result.weights.encoded
        try AtomicFile.write(weights, to: weightsURL(result.record.key))
        var record = result.record
        record.weightsSHA256 = StableHash.sha256Hex(weights)
        record.sha256 = try Self.bodyHash(record)
        try AtomicFile.write(CanonicalJSON.encode(record, pretty: true),
                             to: recordURL(result.record.key))
    }

    /// The SHA-256 of the record's canonical JSON without its own checksum.
    static func bodyHash(_ record: ModelRecord) throws -> String {
        var body = record
        body.sha256 = nil
        return StableHash.sha256Hex(try CanonicalJSON.encode(body))
    }

    public func saveRun(_ run: RunManifest) throws {
        try AtomicFile.write(CanonicalJSON.encode(run, pretty: true),
                             to: runURL(run.experiment, run.planKey))
    }

    public func run(experiment: String, planKey: String) -> RunManifest? {
        (try? Data(contentsOf: runURL(experiment, planKey)))
            .flatMap { try? CanonicalJSON.decode(RunManifest.self, from: $0) }
    }

    func runURL(_ experiment: String, _ planKey: String) -> URL {
        runsDirectory.appendingPathComponent("\(experiment)-\(planKey).json")
    }
}
