import ReproSupport

/// MNIST in memory: images as rows of 784 bytes, labels as bytes 0…9.
public struct MNIST: Sendable {
    public let trainImages: [UInt8]
    public let trainLabels: [UInt8]
    public let testImages: [UInt8]
    public let testLabels: [UInt8]
    public let pixelsPerImage: Int

    public var trainCount: Int { trainLabels.count }
    public var testCount: Int { testLabels.count }

    public init(trainImages: IDXFile, trainLabels: IDXFile, testImages: IDXFile,
                testLabels: IDXFile) throws {
        guard trainImages.dimensions.count == 3, testImages.dimensions.count == 3 else {
            throw ReproError("MNIST images must be 3-dimensional (count × rows × columns)")
        }
        guard trainImages.dimensions[0] == trainLabels.bytes.count,
              testImages.dimensions[0] == testLabels.bytes.count else {
            throw ReproError("MNIST image and label counts differ")
        }
        guard trainImages.dimensions.dropFirst() == testImages.dimensions.dropFirst() else {
            throw ReproError("MNIST train and test images have different shapes")
        }
        guard (trainLabels.bytes + testLabels.bytes).allSatisfy({ $0 < 10 }) else {
            throw ReproError("MNIST labels must be digits 0…9")
        }
        self.pixelsPerImage = trainImages.dimensions[1] * trainImages.dimensions[2]
        self.trainImages = trainImages.bytes
        self.trainLabels = trainLabels.bytes
        self.testImages = testImages.bytes
        self.testLabels = testLabels.bytes
    }

    /// How many images of each digit the training split holds.
    public var trainClassCounts: [Int] {
        var counts = [Int](repeating: 0, count: 10)
        for label in trainLabels { counts[Int(label)] += 1 }
        return counts
    }
}
