import ReproData
import ReproNN

extension TrainingSet {
    /// A pair's images as the published code has them: `Float32(byte) / 255` rounded in float32
    /// (its `prepare_data.py` stores float32), then widened to float64 where NumPy multiplies
    /// them with the float64 weights. Not the same numbers as `Double(byte) / 255`.
    public init(publishedPixelsOf images: LabeledImages) {
        self.init(features: images.pixels.map { Double(Float($0) / 255) }, labels: images.labels,
                  inputs: images.pixelsPerImage)
    }

    /// The tool's `byte / 255`, or (`replay`) the published code's pixels.
    public init(_ images: LabeledImages, replay: Bool) {
        if replay { self.init(publishedPixelsOf: images) } else { self.init(images) }
    }
}
