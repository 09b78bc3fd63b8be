import ReproExperiments
import ReproNetwork
import ReproSparse

/// The registry of engines: which engine a stored network's spec belongs to, and how it is
/// loaded. A spec without an architecture is the sparse MLP of its `layers`; a new engine adds
/// its case here and nowhere else in the evaluations, tables or figures.
enum NetworkEngines {
    static func load(_ record: ModelRecord, from store: ResultStore) throws -> any Network {
        try SparseMLP(storedLayers: try store.weights(record.key))
    }
}
