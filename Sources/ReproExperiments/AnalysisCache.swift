import Foundation
import ReproSupport

/// Cached analysis results: `results/analyses/<name>-<key>.json`, where the key hashes everything
/// the analysis depends on (its parameters and the keys of the models it reads). Written
/// atomically.
public struct AnalysisCache: Sendable {
    public let store: ResultStore

    public init(store: ResultStore) { self.store = store }

    public func url(_ name: String, key: String) -> URL {
        store.root.appendingPathComponent("analyses").appendingPathComponent("\(name)-\(key).json")
    }

    /// The stored value for (name, inputs), or `compute()`'s, stored for next time.
    public func value<Input: Encodable,
    Output: Codable>(_ name: String, inputs: Input, compute: () throws -> Output) throws -> Output {
        let key = try StableHash.key(inputs)
        let file = url(name, key: key)
        if let data = try? Data(contentsOf: file),
           let value = try? CanonicalJSON.decode(Output.self, from: data) {
            return value
        }
        let value = try compute()
        try AtomicFile.write(try CanonicalJSON.encode(value, pretty: true), to: file)
        return value
    }

    public func contains<Input: Encodable>(_ name: String, inputs: Input) -> Bool {
        guard let key = try? StableHash.key(inputs) else { return false }
        return FileManager.default.fileExists(atPath: url(name, key: key).path)
    }
}
