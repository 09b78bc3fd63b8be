import ReproData
import ReproExperiments
import ReproNetwork
import ReproRobustness

/// What the evaluations of one data set's networks read: its clean test images (the attacks'
/// subsets, the weight noise's test set) and where its corrupted images come from (MNIST-C built
/// from them, or the installed CIFAR-C release, looked for only when something is computed).
struct EvaluationMaterial {
    let dataset: CIFARDataset?
    let images: EvaluationImages
    let test: LabeledPixels
    private let source: DataSource

    init(_ source: DataSource, dataset: CIFARDataset?) throws {
        self.dataset = dataset
        let splits = try source.splits(dataset)
        images = EvaluationImages(splits)
        test = try LabeledPixels(bytes: splits.testImages, labels: splits.testLabels,
                                 inputSize: splits.pixelsPerImage)
        self.source = source
    }

    var corruptedName: String {
        dataset.map { CIFARCorrupted.folder($0) } ?? "MNIST-C"
    }

    /// The corrupted images of one seed, shared by its networks.
    func corrupted(seed: Int, settings: RobustnessSettings, workers: Int) throws -> CorruptedTestSet {
        if let dataset {
            return .cifar(try CIFARCorruptedImages(seed: seed, settings: settings, images: images,
                                                   release: try source.corrupted(dataset)))
        }
        return .mnist(try CorruptedImages(seed: seed, settings: settings, images: images,
                                          workers: workers))
    }
}

/// A seed's corrupted test images: MNIST-C's, or CIFAR-C's at the paper's severities.
enum CorruptedTestSet {
    case mnist(CorruptedImages)
    case cifar(CIFARCorruptedImages)

    func measure(_ network: some Network, threads: Int) throws -> [MeasuredValue] {
        switch self {
        case .mnist(let images): return try CorruptionEvaluation.measure(network, on: images, threads: threads)
        case .cifar(let images): return try CorruptionEvaluation.measure(network, on: images, threads: threads)
        }
    }
}
