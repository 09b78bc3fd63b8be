import Foundation
import ReproData
import ReproTestSupport

/// Tiny synthetic seed inputs for each target (no MNIST data): valid files and a few near misses,
/// written to `<folder>/<target>/`.
enum Seeds {
    static func inputs(for target: FuzzTarget) throws -> [Data] {
        let labels = IDXFile(dimensions: [4], bytes: [0, 3, 9, 1])
        let images = IDXFile(dimensions: [2, 4, 4], bytes: (0..<32).map { UInt8($0 * 7 % 256) })
        let pickle = SyntheticWheel.pickle(counts: [1, 1, 1])
        switch target {
        case .idx:
            return [labels.encoded(), images.encoded(), try Gzip.compress(labels.encoded()),
                    try Gzip.compress(images.encoded())]
        case .gzip:
            return [try Gzip.compress(Data("MNIST".utf8)), try Gzip.compress(images.encoded()),
                    try Gzip.compress(Data(count: 4096), level: 9)]
        case .pickle:
            var call = PickleWriter()
            call.call("os", "system")
            call.stop()
            return [pickle, call.bytes]
        case .wheel:
            return [try SyntheticWheel.wheel(payload: Gzip.compress(pickle)),
                    try SyntheticWheel.wheel(payload: Gzip.compress(pickle), deflated: true)]
        case .tar:
            return [SyntheticCIFAR.tar([("a/b", Data("CIFAR".utf8)), ("c", Data(count: 513))])]
        case .npy:
            return [SyntheticCIFAR.npy("|u1", shape: [2, 2, 2, 3], payload: Data(count: 24)),
                    SyntheticCIFAR.npy("<i8", shape: [3], payload: PickleWriter.int64([1, 2, 3]))]
        case .cifar:
            return [SyntheticCIFAR.batch(.cifar100, count: 3), SyntheticCIFAR.batch(.cifar10, count: 2)]
        }
    }

    static func write(to folder: URL) throws {
        for target in FuzzTarget.allCases {
            let dir = folder.appendingPathComponent(target.rawValue)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            for (i, input) in try inputs(for: target).enumerated() {
                try input.write(to: dir.appendingPathComponent("seed-\(i)"))
            }
        }
    }
}
