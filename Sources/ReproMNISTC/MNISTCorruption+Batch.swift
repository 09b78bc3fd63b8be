import Dispatch

/// The pixel range of a batch result.
public enum MNISTPixelRange: Sendable {
    /// [0, 255], as MNIST-C's float32 output.
    case bytes
    /// [0, 1]: the byte range divided by 255.
    case unit
}

extension MNISTCorruption {
    /// Corrupts `images.count / 784` images stored back to back (row-major, 784 bytes each)
    /// and returns their corrupted pixels in the same layout.
    ///
    /// Image k is corrupted with its own generator `makeGenerator(k)`, so a caller can seed by
    /// (seed, corruption, image) and the result does not depend on `workers` or on the order in
    /// which images run. With `workers` > 1 the images are split into that many contiguous
    /// chunks run concurrently (Dispatch); `makeGenerator` is then called from several threads.
    public func apply<G: RandomNumberGenerator>(
        toBatch images: [UInt8], range: MNISTPixelRange = .bytes, workers: Int = 1,
        makeGenerator: @Sendable (Int) -> G
    ) -> [Float] {
        let size = Self.pixelCount
        precondition(images.count % size == 0, "a batch holds whole 784-pixel images")
        precondition(workers >= 1, "at least one worker")
        let count = images.count / size
        let divide = range == .unit
        var output = [Float](repeating: 0, count: images.count)
        output.withUnsafeMutableBufferPointer { buffer in
            let sink = BatchSink(base: buffer.baseAddress)
            let chunks = max(1, min(workers, count))
            func work(_ chunk: Int) {
                let lower = count * chunk / chunks, upper = count * (chunk + 1) / chunks
                for index in lower..<upper {
                    var generator = makeGenerator(index)
                    let image = Array(images[(index * size)..<((index + 1) * size)])
                    let pixels = self.apply(to: image, using: &generator)
                    for (offset, value) in pixels.enumerated() {
                        sink.store(divide ? value / 255 : value, at: index * size + offset)
                    }
                }
            }
            if chunks == 1 {
                work(0)
            } else {
                DispatchQueue.concurrentPerform(iterations: chunks, execute: work)
            }
        }
        return output
    }
}

/// The output buffer shared by the batch workers; each writes a disjoint range of images.
private struct BatchSink: @unchecked Sendable {
    let base: UnsafeMutablePointer<Float>?

    @inline(__always)
    func store(_ value: Float, at index: Int) {
        base?[index] = value
    }
}
