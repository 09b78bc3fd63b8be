import Foundation
import ReproData
import ReproSupport

/// A tiny MNIST-shaped data set for tests: each digit d draws a bright bar at a digit-dependent
/// place plus noise, so pairs are learnable in a few epochs.
public enum SyntheticMNIST {
    /// `counts[d]` training images of digit d (and `testPerDigit` test images per digit),
    /// 28 × 28 bytes.
    public static func make(counts: [Int] = [30, 32, 28, 31, 26, 27, 30, 33, 29, 34],
                            testPerDigit: Int = 3, seed: Int = 7) -> (images: IDXFile, labels: IDXFile,
                                               testImages: IDXFile, testLabels: IDXFile) {
        var rng = RandomStream(seed: seed, "synthetic-mnist")
        func images(_ labels: [UInt8]) -> IDXFile {
            var bytes = [UInt8](); bytes.reserveCapacity(labels.count * 784)
            for label in labels {
                for row in 0..<28 {
                    for column in 0..<28 {
                        let onBar = column >= 2 + 2 * Int(label) && column < 5 + 2 * Int(label)
                                    && row > 4 && row < 24
                        let noise = rng.nextUniform() < 0.1 ? UInt8(rng.nextInt(below: 120)) : 0
                        bytes.append(onBar ? UInt8(200 + rng.nextInt(below: 56)) : noise)
                    }
                }
            }
            return IDXFile(dimensions: [labels.count, 28, 28], bytes: bytes)
        }
        var trainLabels = counts.enumerated().flatMap {
            d, n in [UInt8](repeating: UInt8(d), count: n)
        }
        rng.shuffle(&trainLabels)
        let testLabels = (0..<(10 * testPerDigit)).map { UInt8($0 % 10) }
        return (images(trainLabels), IDXFile(dimensions: [trainLabels.count], bytes: trainLabels),
                images(testLabels), IDXFile(dimensions: [testLabels.count], bytes: testLabels))
    }

    public static func mnist(counts: [Int] = [30, 32, 28, 31, 26, 27, 30, 33, 29, 34],
                             testPerDigit: Int = 3) throws -> MNIST {
        let f = make(counts: counts, testPerDigit: testPerDigit)
        return try MNIST(trainImages: f.images, trainLabels: f.labels, testImages: f.testImages,
                         testLabels: f.testLabels)
    }

    /// Writes the four files into `directory` (gzipped if asked) and returns the expectations that
    /// describe them, for `MNISTDirectory(url:expectations:)`.
    @discardableResult
    public static func write(to directory: URL,
                             gzip: Bool = false) throws -> [MNISTFile: MNISTExpectation] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let f = make()
        var expectations: [MNISTFile: MNISTExpectation] = [:]
        for (file, idx) in [(MNISTFile.trainImages, f.images), (.trainLabels, f.labels),
                            (.testImages, f.testImages), (.testLabels, f.testLabels)] {
            let raw = idx.encoded()
            let data = gzip ? try Gzip.compress(raw) : raw
            try data.write(to: directory.appendingPathComponent(file.fileName
                                                                + (gzip ? ".gz" : "")))
            expectations[file] = MNISTExpectation(byteCount: raw.count,
                                                  sha256: StableHash.sha256Hex(raw),
                                                  dimensions: idx.dimensions)
        }
        return expectations
    }

    /// A fresh empty temporary directory.
    public static func temporaryDirectory(_ name: String = "repro-test") -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(name)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
