/// A classification data set's training and test images as bytes, image after image
/// (`pixelsPerImage` each: MNIST's 784 row-major, CIFAR's 3,072 channel after channel), with
/// their labels: what the engines read, whichever data set it is.
public struct ImageSplits: Sendable {
    public let trainImages: [UInt8]
    public let trainLabels: [UInt8]
    public let testImages: [UInt8]
    public let testLabels: [UInt8]
    public let pixelsPerImage: Int

    public init(trainImages: [UInt8], trainLabels: [UInt8], testImages: [UInt8],
                testLabels: [UInt8], pixelsPerImage: Int) {
        self.trainImages = trainImages; self.trainLabels = trainLabels
        self.testImages = testImages; self.testLabels = testLabels
        self.pixelsPerImage = pixelsPerImage
    }
}

extension MNIST {
    public var splits: ImageSplits {
        ImageSplits(trainImages: trainImages, trainLabels: trainLabels, testImages: testImages,
                    testLabels: testLabels, pixelsPerImage: pixelsPerImage)
    }
}

extension CIFAR {
    public var splits: ImageSplits {
        ImageSplits(trainImages: train.pixels, trainLabels: train.labels, testImages: test.pixels,
                    testLabels: test.labels, pixelsPerImage: CIFARImages.pixels)
    }
}
