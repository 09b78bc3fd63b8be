import Foundation
import ReproData
import ReproExperiments
import ReproNetwork

/// A data set as the conv engine reads it: pixels byte/255 of the training and test images (the
/// model resizes MNIST and normalises itself). Built once per data source and data set.
struct Paper2Pixels: @unchecked Sendable {
    let train: LabeledPixels
    let test: LabeledPixels

    private static let lock = NSLock()
    private nonisolated(unsafe) static var cache: [Key: Paper2Pixels] = [:]

    private struct Key: Hashable {
        var source: ObjectIdentifier
        var dataset: CIFARDataset?
    }

    static func of(_ source: DataSource, dataset: CIFARDataset? = nil) throws -> Paper2Pixels {
        lock.lock(); defer { lock.unlock() }
        let key = Key(source: ObjectIdentifier(source), dataset: dataset)
        if let sets = cache[key] { return sets }
        let images = try source.splits(dataset)
        let sets = Paper2Pixels(
            train: try LabeledPixels(bytes: images.trainImages, labels: images.trainLabels,
                                     inputSize: images.pixelsPerImage),
            test: try LabeledPixels(bytes: images.testImages, labels: images.testLabels,
                                    inputSize: images.pixelsPerImage))
        cache[key] = sets
        return sets
    }
}
