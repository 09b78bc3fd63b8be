import Foundation
import ReproConv
import ReproExperiments
import ReproNetwork
import ReproSupport

/// Per-epoch checkpoints of the CNNs being trained, so an interrupted run continues from its last
/// finished epoch with the same bits as an uninterrupted one: `results/checkpoints/<key>.weights`
/// (the network's tensors and, under `momentum/`, every parameter's momentum; version 3, with its
/// checksum) and `<key>.json` (the epochs so far and the SHA-256 of that weight file), each
/// written atomically, the JSON last. A pair that does not match (a run killed between the two
/// writes, a damaged file) is ignored with a notice and training starts over. Removed once the
/// network is trained.
struct ConvCheckpoints: Sendable {
    let directory: URL

    init(store: ResultStore) { directory = store.root.appendingPathComponent("checkpoints") }

    private func urls(_ key: String) -> (weights: URL, record: URL) {
        (directory.appendingPathComponent("\(key).weights"),
         directory.appendingPathComponent("\(key).json"))
    }

    private struct Record: Codable {
        var key: String
        var weightsSHA256: String
        var history: [ConvEpochRecord]
    }

    func save(_ checkpoint: ConvCheckpoint, key: String) throws {
        var tensors = checkpoint.network.tensors
        for (name, tensor) in zip(checkpoint.momentum.names, checkpoint.momentum.tensors) {
            try tensors.append("momentum/" + name, tensor)
        }
        let bytes = TensorFile.encode(tensors)
        let (weights, record) = urls(key)
        try AtomicFile.write(bytes, to: weights)
        try AtomicFile.write(try CanonicalJSON.encode(Record(
            key: key, weightsSHA256: StableHash.sha256Hex(bytes), history: checkpoint.history)),
                             to: record)
    }

    /// The checkpoint of `key`, if a whole and matching one is stored.
    func load(_ key: String, architecture: Architecture) -> ConvCheckpoint? {
        let (weights, record) = urls(key)
        guard let json = try? Data(contentsOf: record) else { return nil }
        func ignored(_ why: String) -> ConvCheckpoint? {
            FileHandle.standardError.write(Data(
                "note: checkpoint \(record.path) \(why); training \(key) starts over\n".utf8))
            return nil
        }
        guard let r = try? CanonicalJSON.decode(Record.self, from: json), r.key == key else {
            return ignored("is not a checkpoint of this network")
        }
        guard let bytes = try? Data(contentsOf: weights),
              StableHash.sha256Hex(bytes) == r.weightsSHA256,
              let tensors = try? TensorFile.decode(bytes, name: weights.path) else {
            return ignored("does not match its weight file")
        }
        var network = NamedTensors(), momentum = NamedTensors()
        for (name, tensor) in zip(tensors.names, tensors.tensors) {
            if name.hasPrefix("momentum/") {
                try? momentum.append(String(name.dropFirst("momentum/".count)), tensor)
            } else {
                try? network.append(name, tensor)
            }
        }
        guard let restored = try? ConvNetwork(architecture: architecture, tensors: network) else {
            return ignored("does not fit the network's architecture")
        }
        return ConvCheckpoint(network: restored, momentum: momentum, history: r.history)
    }

    func remove(_ key: String) {
        let (weights, record) = urls(key)
        try? FileManager.default.removeItem(at: record)
        try? FileManager.default.removeItem(at: weights)
    }
}
