import Foundation
import ReproData
import ReproExperiments
import ReproSparse

/// A data set as the MLP engine reads it: the training images to train, the test images to
/// evaluate, pixels byte/255 passed through the model's normalisation (or raw, for a model
/// without one). Built once per data source, data set and normalisation, and shared by every
/// network of a run.
public struct Paper2Datasets: @unchecked Sendable {
    public let train: SparseDataset
    public let test: SparseDataset

    private static let lock = NSLock()
    private nonisolated(unsafe) static var cache: [Key: Paper2Datasets] = [:]

    private struct Key: Hashable {
        var source: ObjectIdentifier
        var dataset: CIFARDataset?
        var normalisation: InputNormalisation?
    }

    /// MNIST's, normalised as the default models do or raw.
    public static func of(_ source: DataSource, normalised: Bool = true) throws -> Paper2Datasets {
        try of(source, dataset: nil, normalisation: normalised ? .mnist : nil)
    }

    static func of(_ source: DataSource, dataset: CIFARDataset?,
                   normalisation: InputNormalisation?) throws -> Paper2Datasets {
        lock.lock(); defer { lock.unlock() }
        let key = Key(source: ObjectIdentifier(source), dataset: dataset,
                      normalisation: normalisation)
        if let sets = cache[key] { return sets }
        let images = try source.splits(dataset)
        let sets = Paper2Datasets(
            train: try SparseDataset(bytes: images.trainImages, labels: images.trainLabels,
                                     inputSize: images.pixelsPerImage, normalisation: normalisation),
            test: try SparseDataset(bytes: images.testImages, labels: images.testLabels,
                                    inputSize: images.pixelsPerImage, normalisation: normalisation))
        cache[key] = sets
        return sets
    }

    /// The sets a network of `spec` trains and is scored on.
    static func of(_ source: DataSource, for spec: ModelSpec) throws -> Paper2Datasets {
        try of(source, dataset: spec.task.dataset, normalisation: spec.sparseNormalisation)
    }
}
