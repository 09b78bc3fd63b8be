import ReproConv
import ReproData
import ReproExperiments
import ReproNetwork
import ReproSparse

/// The images a network of paper 2 reads: MNIST (1 × 28 × 28, 10 classes, resized to 32 × 32 by
/// the CNNs) or a CIFAR set (3 × 32 × 32, 10 or 100 classes, no resize), with the per-channel
/// normalisation that is the model's first operation.
public struct Paper2Input: Equatable, Sendable {
    /// nil: MNIST.
    public let dataset: CIFARDataset?

    public init(_ dataset: CIFARDataset?) { self.dataset = dataset }

    public var title: String { dataset?.title ?? "MNIST" }
    /// Channels, height, width.
    public var shape: [Int] { dataset == nil ? [1, 28, 28] : [3, 32, 32] }
    public var pixels: Int { shape.reduce(1, *) }
    public var classes: Int { dataset?.classes ?? 10 }
    /// Training and test images together (MNIST 60,000 + 10,000, CIFAR 50,000 + 10,000).
    public var images: Int { dataset == nil ? 70_000 : 60_000 }
    /// The whole set as Float32 pixels, as the trainers hold it.
    public var floatBytes: Int { images * pixels * 4 }

    public var channels: ChannelNormalisation {
        guard let dataset else { return .mnist }
        return ChannelNormalisation(means: dataset.channelMeans,
                                    deviations: dataset.channelDeviations)
    }

    /// The MLP's normalisation: the same constants, in Float, per input.
    public var sparseNormalisation: InputNormalisation {
        guard dataset != nil else { return .mnist }
        let c = channels
        // Three positive finite deviations: cannot fail.
        return try! InputNormalisation(means: c.means.map(Float.init),
                                       deviations: c.deviations.map(Float.init))
    }

    /// The task of a network trained on it (MNIST's keeps the key it always had).
    public var task: TaskSpec { TaskSpec(pair: nil, classes: classes, dataset: dataset) }

    /// A conv architecture for these images.
    public func architecture(_ name: String, width: Int) throws -> Architecture {
        try ConvArchitectures.make(name, width: width, input: shape, classes: classes,
                                   normalisation: channels)
    }
}

extension ModelSpec {
    /// The images the network reads.
    public var input: Paper2Input { Paper2Input(task.dataset) }

    /// The MLP's first operation: its data set's normalisation, or none for a raw-input spec.
    public var sparseNormalisation: InputNormalisation? {
        normalisesInput ? input.sparseNormalisation : nil
    }
}
