import Foundation
import ReproData
import ReproExperiments
import ReproSparse

/// The 10-class MNIST task as the engine reads it: the 60,000 training images to train, the
/// 10,000 test images to evaluate, pixels byte/255 (the model normalises them itself). Built once
/// per data source and shared by every network of a run.
public struct Paper2Datasets: @unchecked Sendable {
    public let train: SparseDataset
    public let test: SparseDataset

    private static let lock = NSLock()
    private nonisolated(unsafe) static var cache: [ObjectIdentifier: Paper2Datasets] = [:]

    public static func of(_ source: DataSource) throws -> Paper2Datasets {
        lock.lock(); defer { lock.unlock() }
        if let sets = cache[ObjectIdentifier(source)] { return sets }
        let mnist = try source.mnist()
        let sets = Paper2Datasets(train: try SparseDataset(bytes: mnist.trainImages,
                                                           labels: mnist.trainLabels),
                                  test: try SparseDataset(bytes: mnist.testImages,
                                                          labels: mnist.testLabels))
        cache[ObjectIdentifier(source)] = sets
        return sets
    }
}
