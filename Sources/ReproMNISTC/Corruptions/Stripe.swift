/// stripe (protocol B §2.2): columns 0–6 and 21–27 become 255 − x, in float32. Deterministic.
enum Stripe {
    static let invertedColumns = Array(0..<7) + Array(21..<28)

    static func apply(_ image: [UInt8]) -> [Float] {
        precondition(image.count == MNISTImage.pixelCount, "an MNIST image has 784 pixels")
        var output = image.map { Float($0) }
        for row in 0..<MNISTImage.side {
            for col in invertedColumns {
                output[row * MNISTImage.side + col] = 255 - output[row * MNISTImage.side + col]
            }
        }
        return output
    }
}
