import Foundation
import ReproSupport

/// The data directory that holds the four verified, uncompressed MNIST files.
public struct MNISTDirectory {
    public let url: URL
    public let expectations: [MNISTFile: MNISTExpectation]

    /// The one command that fills a data directory, named in every error about missing data.
    public static let fetchHint = "run `repro data fetch` (or `make data`)"

    public init(url: URL,
                expectations: [MNISTFile: MNISTExpectation] = MNISTExpectation.canonical) {
        self.url = url
        self.expectations = expectations
    }

    public func path(of file: MNISTFile) -> URL { url.appendingPathComponent(file.fileName) }

    /// Checks one file's presence, size and SHA-256; throws a one-line error naming the fix.
    public func verify(_ file: MNISTFile) throws {
        let path = path(of: file)
        guard let expected = expectations[file] else { return }
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path.path),
              let size = (attributes[.size] as? NSNumber)?.intValue else {
            throw ReproError("MNIST file \(path.path) is missing; \(Self.fetchHint)")
        }
        guard size == expected.byteCount else {
            let what = size < expected.byteCount ? "truncated" : "too long"
            throw ReproError("MNIST file \(path.path) is \(what) (\(size) bytes, expected "
                             + "\(expected.byteCount)); delete it and \(Self.fetchHint)")
        }
        let digest = try StableHash.sha256Hex(fileAt: path)
        guard digest == expected.sha256 else {
            throw ReproError("MNIST file \(path.path) has SHA-256 \(digest.prefix(12))…, expected "
                             + "\(expected.sha256.prefix(12))… (corrupt or not MNIST); delete it "
                             + "and \(Self.fetchHint)")
        }
    }

    /// Verifies all four files; the first problem found is thrown.
    public func verifyAll() throws {
        for file in MNISTFile.allCases { try verify(file) }
    }

    /// Verifies, then loads the four files. Training never starts on unverified data.
    public func load() throws -> MNIST {
        try verifyAll()
        func read(_ file: MNISTFile) throws -> IDXFile {
            let idx = try IDXFile(contentsOf: path(of: file))
            if let expected = expectations[file], idx.dimensions != expected.dimensions {
                throw ReproError("MNIST file \(path(of: file).path) has dimensions "
                                 + "\(idx.dimensions), expected \(expected.dimensions)")
            }
            return idx
        }
        return try MNIST(trainImages: read(.trainImages), trainLabels: read(.trainLabels),
                         testImages: read(.testImages), testLabels: read(.testLabels))
    }
}
