import Foundation
import ReproNN
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

    public func hasModel(_ key: String) -> Bool {
        FileManager.default.fileExists(atPath: recordURL(key).path)
    }

    public func model(_ key: String) throws -> ModelRecord {
        let url = recordURL(key)
        guard let data = try? Data(contentsOf: url) else {
            throw ReproError("no stored result \(key); run the experiment first")
        }
        do { return try CanonicalJSON.decode(ModelRecord.self, from: data) } catch {
            throw ReproError("\(url.path) is unreadable (\(error.localizedDescription)); delete it "
                             + "to recompute")
        }
    }

    public func weights(_ key: String) throws -> [LayerWeights] {
        let url = weightsURL(key)
        guard let data = try? Data(contentsOf: url) else {
            throw ReproError("no stored weights for \(key); delete \(recordURL(key).path) to "
                             + "retrain it")
        }
        return try WeightFile.decode(data, name: url.path)
    }

    public func save(_ result: TrainedResult) throws {
        try AtomicFile.write(WeightFile.encode(result.weights), to: weightsURL(result.record.key))
        try AtomicFile.write(CanonicalJSON.encode(result.record, pretty: true),
                             to: recordURL(result.record.key))
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
