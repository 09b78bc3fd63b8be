import Foundation
import ReproData

/// The parsers that read files from outside: each fuzz target feeds them arbitrary bytes. A thrown
/// error is a correct answer; a trap, a hang or a sanitizer report is a bug.
enum FuzzTarget: String, CaseIterable {
    case idx, gzip, pickle, wheel, tar, npy, cifar

    /// Tiny expectations (3 train and 1 test image) so that the wheel's bounds are small.
    static let expectations: [MNISTFile: MNISTExpectation] = [
        .trainImages: MNISTExpectation(byteCount: 16 + 3 * 784, sha256: "", dimensions: [3, 28, 28]),
        .testImages: MNISTExpectation(byteCount: 16 + 784, sha256: "", dimensions: [1, 28, 28]),
    ]

    /// The most bytes any target may inflate (bounds a fuzzer's legitimate memory use).
    static let limit = 1 << 22

    /// Where the wheel target puts each input (in memory when /dev/shm exists).
    static let wheelFile: URL = {
        let shm = URL(fileURLWithPath: "/dev/shm")
        let folder = FileManager.default.fileExists(atPath: shm.path)
            ? shm : FileManager.default.temporaryDirectory
        return folder.appendingPathComponent("repro-fuzz-\(getpid()).whl")
    }()

    func run(_ data: Data) {
        switch self {
        case .idx:
            _ = try? IDXFile(data: data, name: "fuzz", maxBytes: Self.limit)
        case .gzip:
            _ = try? Gzip.decompress(data, name: "fuzz", limit: Self.limit)
            _ = try? Gzip.prefix(data, name: "fuzz", count: 64)
        case .pickle:
            // The pickle reader, then the conversion of what it found into IDX files.
            _ = try? MNISTPickle.idxFiles(fromPickle: data)
        case .wheel:
            // Through a file, as repro reads wheels (ZIPFoundation's in-memory archives trap on
            // seeks past the end, a path repro never takes).
            guard (try? data.write(to: Self.wheelFile)) != nil else {
                fatalError("cannot write \(Self.wheelFile.path)")
            }
            _ = try? MNISTWheel.files(at: Self.wheelFile, expectations: Self.expectations)
        case .tar:
            _ = try? TarArchive(data, name: "fuzz")
        case .npy:
            _ = try? NPYFile(data, name: "fuzz").integers.count
        case .cifar:
            // A CIFAR batch: the pickle reader's dicts and lists under the wider bounds.
            _ = try? CIFARBatch.read(data, dataset: .cifar100, name: "fuzz")
        }
    }
}
