import Foundation
import ReproExperiments
import ReproNetwork

/// MNIST as the conv engine reads it: pixels byte/255 of the 60,000 training and 10,000 test
/// images (the model resizes and normalises them itself). Built once per data source.
struct Paper2Pixels: @unchecked Sendable {
    let train: LabeledPixels
    let test: LabeledPixels

    private static let lock = NSLock()
    private nonisolated(unsafe) static var cache: [ObjectIdentifier: Paper2Pixels] = [:]

    static func of(_ source: DataSource) throws -> Paper2Pixels {
        lock.lock(); defer { lock.unlock() }
        if let sets = cache[ObjectIdentifier(source)] { return sets }
        let mnist = try source.mnist()
        let sets = Paper2Pixels(
            train: try LabeledPixels(bytes: mnist.trainImages, labels: mnist.trainLabels,
                                     inputSize: mnist.pixelsPerImage),
            test: try LabeledPixels(bytes: mnist.testImages, labels: mnist.testLabels,
                                    inputSize: mnist.pixelsPerImage))
        cache[ObjectIdentifier(source)] = sets
        return sets
    }
}
