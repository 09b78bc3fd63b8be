import Foundation
import ReproData
import ReproExperiments
import ReproSparse

/// The 10-class MNIST task as the engine reads it: the 60,000 training images to train, the
/// 10,000 test images to evaluate, pixels byte/255 (the model normalises them itself), prepared
/// for a model that normalises its input or for one that takes raw pixels. Built once per data
/// source and kind and shared by every network of a run.
public struct Paper2Datasets: @unchecked Sendable {
    public let train: SparseDataset
    public let test: SparseDataset

    private static let lock = NSLock()
    private nonisolated(unsafe) static var cache: [Key: Paper2Datasets] = [:]

    private struct Key: Hashable {
        var source: ObjectIdentifier
        var normalised: Bool
    }

    public static func of(_ source: DataSource, normalised: Bool = true) throws -> Paper2Datasets {
        lock.lock(); defer { lock.unlock() }
        let key = Key(source: ObjectIdentifier(source), normalised: normalised)
        if let sets = cache[key] { return sets }
        let mnist = try source.mnist()
        let sets = Paper2Datasets(train: try SparseDataset(bytes: mnist.trainImages,
                                                           labels: mnist.trainLabels,
                                                           normalised: normalised),
                                  test: try SparseDataset(bytes: mnist.testImages,
                                                          labels: mnist.testLabels,
                                                          normalised: normalised))
        cache[key] = sets
        return sets
    }

    /// The sets a network of `spec` trains and is scored on.
    static func of(_ source: DataSource, for spec: ModelSpec) throws -> Paper2Datasets {
        try of(source, normalised: spec.normalisesInput)
    }
}
