import ReproSupport
import ReproData
import ReproNN

extension TrainingSet {
    /// A pair's images as the trainer's input: pixels byte/255, labels 0/1.
    public init(_ images: LabeledImages) {
        self.init(features: images.features(), labels: images.labels, inputs: images.pixelsPerImage)
    }
}
