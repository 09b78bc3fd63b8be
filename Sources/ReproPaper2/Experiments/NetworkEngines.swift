import ReproConv
import ReproExperiments
import ReproNetwork
import ReproSparse
import ReproSupport

/// The registry of engines: which engine a stored network's spec belongs to, how it is loaded,
/// and which trainer trains it. A spec without an architecture is the sparse MLP of its
/// `layers`; one with an architecture belongs to the conv engine. A new engine adds its case
/// here and nowhere else in the evaluations, tables or figures.
public enum NetworkEngines {
    public static func load(_ record: ModelRecord, from store: ResultStore) throws -> any Network {
        if let architecture = record.spec.architecture {
            try CPUFeatures.requireAVX2(for: "\(architecture.name) (\(record.key))")
            return try ConvNetwork(architecture: architecture,
                                   tensors: try store.tensors(record.key))
        }
        return try SparseMLP(storedLayers: try store.weights(record.key))
            .normalising(record.spec.sparseNormalisation)
    }

    /// The trainer of a family's networks (the CNNs checkpoint every epoch into `store`).
    public static func trainer(_ family: Paper2Family, store: ResultStore?) -> any ModelTrainer {
        family.isConvolutional ? ConvNetworkTrainer(store: store) : SparseNetworkTrainer()
    }
}
