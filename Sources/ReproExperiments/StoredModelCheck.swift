import Foundation
import ReproNetwork
import ReproSupport

/// What the store holds under one key, after checking it: nothing, a model that can be trusted,
/// or files that cannot (with the reason, one line).
public enum StoredModelState: Equatable, Sendable {
    case missing
    case intact(ModelRecord)
    case damaged(String)
}

extension ResultStore {
    /// Checks the files of `key` without decoding the weights' values: the record parses, names
    /// this key, its spec hashes to it, a trained model has a history, and the weight file is
    /// whole and has the spec's layer shapes.
    public func inspect(_ key: String) -> StoredModelState {
        let url = recordURL(key)
        guard let data = try? Data(contentsOf: url) else {
            return FileManager.default.fileExists(atPath: url.path)
                ? .damaged("\(url.path) is unreadable") : .missing
        }
        guard let record = try? CanonicalJSON.decode(ModelRecord.self, from: data) else {
            return .damaged("\(url.path) is not a model record")
        }
        if let problem = Self.problem(record, key: key, path: url.path) ?? weightsProblem(record)
            ?? sealProblem(record, path: url.path) {
            return .damaged(problem)
        }
        return .intact(record)
    }

    static func problem(_ record: ModelRecord, key: String, path: String) -> String? {
        if record.key != key {
            return "\(path) holds model \(record.key), not \(key) (copied over another?)"
        }
        if record.spec.key != key {
            return "\(path): its spec does not hash to its key \(key) (edited?)"
        }
        if record.spec.derivation == nil && record.history.epochs == 0 {
            return "\(path) has an empty training history"
        }
        return nil
    }

    /// A sealed record's numbers and weight file are the ones written with it: an edited
    /// accuracy, a changed weight byte, or another seed's weights of the same shape copied
    /// over these are all caught. Records from before the seal pass unchecked.
    func sealProblem(_ record: ModelRecord, path: String) -> String? {
        if let sha = record.sha256, (try? Self.bodyHash(record)) != sha {
            return "\(path) does not match its checksum (edited?)"
        }
        if let sha = record.weightsSHA256 {
            let url = weightsURL(record.key)
            guard let data = try? Data(contentsOf: url, options: .alwaysMapped),
                  StableHash.sha256Hex(data) == sha else {
                return "\(url.path) is not the weight file its record was written with (edited "
                    + "or copied over?)"
            }
        }
        return nil
    }

    func weightsProblem(_ record: ModelRecord) -> String? {
        let url = weightsURL(record.key)
        guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else {
            return "\(url.path) is missing"
        }
        if let architecture = record.spec.architecture {
            return tensorsProblem(data, path: url.path, architecture: architecture,
                                  mask: record.spec.mask)
        }
        let shapes: [(fanIn: Int, fanOut: Int)]
        do { shapes = try WeightFile.shapes(data, name: url.path) } catch {
            return "\(error)"
        }
        let layers = record.spec.layers
        let expected = zip(layers, layers.dropFirst()).map { ($0, $1) }
        guard shapes.map(\.fanIn) == expected.map(\.0),
              shapes.map(\.fanOut) == expected.map(\.1) else {
            return "\(url.path) does not have the layers \(layers) of its spec"
        }
        return nil
    }
}

/// One look at the store for a set of keys: each key is inspected once, and a model counts as
/// stored only when it and every model trained in its batch are intact — a batch is visible
/// whole or not at all, so a partly saved (or partly damaged) batch is retrained whole and its
/// models never depend on what an interruption left behind. Each damaged file is reported once
/// per process, in one line, as it is about to be recomputed.
final class StoreAudit {
    let store: ResultStore
    private var states: [String: StoredModelState] = [:]

    init(_ store: ResultStore) { self.store = store }

    func state(_ key: String) -> StoredModelState {
        if let known = states[key] { return known }
        let state = store.inspect(key)
        states[key] = state
        if case .damaged(let why) = state { StoreNotices.report("\(why); treated as not computed, the next run recomputes it") }
        return state
    }

    func record(_ key: String) -> ModelRecord? {
        if case .intact(let record) = state(key) { return record }
        return nil
    }

    /// Intact, and so is every other model of its batch.
    func isStored(_ key: String) -> Bool {
        guard let record = record(key) else { return false }
        return (record.batch ?? []).allSatisfy { $0 == key || self.record($0) != nil }
    }
}

/// Notices about the store, written to standard error once each per process (and kept for
/// tests).
public enum StoreNotices {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var seen: [String] = []

    static func report(_ line: String) {
        lock.lock(); defer { lock.unlock() }
        guard !seen.contains(line) else { return }
        seen.append(line)
        FileHandle.standardError.write(Data(("note: " + line + "\n").utf8))
    }

    /// Every notice so far, in order.
    public static var reported: [String] {
        lock.lock(); defer { lock.unlock() }
        return seen
    }
}

extension ResultStore {
    /// A version 3 file is whole (its checksum holds) and has a tensor of the right shape for
    /// every conv and dense layer of the architecture, keeping the spec's count of weights.
    func tensorsProblem(_ data: Data, path: String, architecture: Architecture,
                        mask: [Int]?) -> String? {
        let headers: [(name: String, shape: [Int], kept: Int)]
        let layers: [Architecture.WeightLayer]
        do {
            headers = try TensorFile.headers(data, name: path)
            layers = try architecture.weightLayers()
        } catch { return "\(error)" }
        for (l, layer) in layers.enumerated() {
            guard let h = headers.first(where: { $0.name == layer.name + ".weight" }),
                  h.shape == layer.shape, h.kept == (mask?[l] ?? layer.count) else {
                return "\(path) does not hold the \(layer.name) weights \(layer.shape) of its spec"
            }
        }
        return nil
    }
}
