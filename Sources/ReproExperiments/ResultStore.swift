import Foundation
import ReproNN
import ReproSupport

/// Content-addressed results under `output/results/`: `models/<key>.json` (+ `<key>.weights`) per
/// trained network, `runs/<experiment>-<hash>.json` per completed experiment. Every write is atomic;
/// a model counts as done once its JSON exists, and its weights are written before it.
public struct ResultStore: Sendable {
    public let root: URL

    public init(root: URL) { self.root = root }

    var modelsDirectory: URL { root.appendingPathComponent("models") }
    var runsDirectory: URL { root.appendingPathComponent("runs") }

    func recordURL(_ key: String) -> URL { modelsDirectory.appendingPathComponent("\(key).json") }
    func weightsURL(_ key: String) -> URL { modelsDirectory.appendingPathComponent("\(key).weights") }

    public func hasModel(_ key: String) -> Bool { FileManager.default.fileExists(atPath: recordURL(key).path) }

    public func model(_ key: String) throws -> ModelRecord {
        let url = recordURL(key)
        guard let data = try? Data(contentsOf: url) else { throw ReproError("no stored result \(key); run the experiment first") }
        do { return try CanonicalJSON.decode(ModelRecord.self, from: data) } catch {
            throw ReproError("\(url.path) is unreadable (\(error.localizedDescription)); delete it to recompute")
        }
    }

    public func weights(_ key: String) throws -> MLPParameters {
        let url = weightsURL(key)
        guard let data = try? Data(contentsOf: url) else { throw ReproError("no stored weights \(key); delete \(recordURL(key).lastPathComponent) to retrain") }
        return try WeightFile.decode(data, name: url.path)
    }

    public func save(_ record: ModelRecord, weights: MLPParameters) throws {
        try AtomicFile.write(WeightFile.encode(weights), to: weightsURL(record.key))
        try AtomicFile.write(CanonicalJSON.encode(record, pretty: true), to: recordURL(record.key))
    }

    public func saveRun(_ run: RunManifest) throws {
        try AtomicFile.write(CanonicalJSON.encode(run, pretty: true),
                             to: runsDirectory.appendingPathComponent("\(run.experiment)-\(run.planKey).json"))
    }

    public func run(experiment: String, planKey: String) -> RunManifest? {
        let url = runsDirectory.appendingPathComponent("\(experiment)-\(planKey).json")
        return (try? Data(contentsOf: url)).flatMap { try? CanonicalJSON.decode(RunManifest.self, from: $0) }
    }
}

/// What one completed experiment was: its plan, the keys of its models, and the time it took.
public struct RunManifest: Codable, Equatable, Sendable {
    public var experiment: String
    public var planKey: String
    public var plan: ExperimentPlan
    public var modelKeys: [String]
    /// Sum of the batch wall times of all its models' batches, whenever they were computed.
    public var computeSeconds: Double
}
