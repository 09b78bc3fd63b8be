import Foundation
import ReproSupport

/// Cached analysis results: `results/analyses/<name>-<key>.json`, where the key hashes everything
/// the analysis depends on (its parameters and the keys of the models it reads). Written
/// atomically.
///
/// Each file is an envelope that names its analysis and key and carries the SHA-256 of its
/// payload, checked on every read: a truncated, edited, emptied or swapped file (another
/// network's cache copied over this one) is reported in one line, treated as missing and
/// computed again — never shown, never fatal.
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
        if let value = stored(Output.self, name, key: key) { return value }
        let value = try compute()
        // The checksum is taken over the payload as a reader re-encodes it (through JSONValue),
        // so both sides hash the same bytes.
        let tree = try CanonicalJSON.decode(JSONValue.self, from: try CanonicalJSON.encode(value))
        let envelope = CacheEnvelope(analysis: name, key: key,
                                     sha256: StableHash.sha256Hex(try CanonicalJSON.encode(tree)),
                                     payload: tree)
        try AtomicFile.write(try CanonicalJSON.encode(envelope, pretty: true),
                             to: url(name, key: key))
        return value
    }

    /// Whether (name, inputs) is stored and passes its checks.
    public func contains<Input: Encodable>(_ name: String, inputs: Input) -> Bool {
        guard let key = try? StableHash.key(inputs) else { return false }
        return stored(JSONValue.self, name, key: key) != nil
    }

    /// The checked payload of one file, or nil (with a notice when the file exists but fails).
    func stored<Output: Decodable>(_ type: Output.Type, _ name: String, key: String) -> Output? {
        let file = url(name, key: key)
        guard let data = try? Data(contentsOf: file) else {
            if FileManager.default.fileExists(atPath: file.path) {
                StoreNotices.report("\(file.path) is unreadable; treated as not computed, the "
                                    + "next run recomputes it")
            }
            return nil
        }
        func damaged(_ why: String) -> Output? {
            StoreNotices.report("\(file.path) \(why); treated as not computed, the next run "
                                + "recomputes it")
            return nil
        }
        guard let envelope = try? CanonicalJSON.decode(CacheEnvelope<JSONValue>.self, from: data)
        else {
            if let legacy = try? CanonicalJSON.decode(JSONValue.self, from: data),
               !Self.isEnvelopeShaped(legacy) {
                // One line for all of them: a store from before the check is recomputed once.
                StoreNotices.report("analysis results stored before caches carried a checksum "
                                    + "are treated as not computed and computed once more")
                return nil
            }
            return damaged("is not a checked cache entry (truncated or overwritten?)")
        }
        guard envelope.analysis == name, envelope.key == key else {
            return damaged("holds \(envelope.analysis)-\(envelope.key) (copied over another?)")
        }
        guard let payload = try? CanonicalJSON.encode(envelope.payload),
              StableHash.sha256Hex(payload) == envelope.sha256 else {
            return damaged("does not match its checksum (edited?)")
        }
        guard let value = try? CanonicalJSON.decode(Output.self, from: payload) else {
            return damaged("does not hold a \(name) result")
        }
        return value
    }
}

extension AnalysisCache {
    /// Whether a parsed file looks like an envelope at all (an object with a checksum): a
    /// file that does not was written before caches carried one.
    static func isEnvelopeShaped(_ value: JSONValue) -> Bool {
        if case .object(let fields) = value { return fields["sha256"] != nil }
        return false
    }
}

/// A cache file: what it is, and its payload with the SHA-256 of the payload's canonical JSON.
struct CacheEnvelope<Payload: Codable>: Codable {
    var analysis: String
    var key: String
    var sha256: String
    var payload: Payload
}
