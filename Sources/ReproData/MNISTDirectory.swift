import Foundation
import ReproSupport

/// The data directory that holds the four verified, uncompressed MNIST files.
public struct MNISTDirectory {
    public let url: URL
    public let expectations: [MNISTFile: MNISTExpectation]

    /// The one command that fills the default data directory (./data), named in every error
    /// about missing data there.
    public static let fetchHint = "run `repro data fetch` (or `make data`)"

    /// The command that fills this directory: the default hint for ./data, else the fetch with
    /// this directory spelled out (a bare `repro data fetch` would fill ./data instead).
    public var fetchHint: String {
        let standard = URL(fileURLWithPath: "data", isDirectory: true).standardizedFileURL.path
        guard url.standardizedFileURL.path != standard else { return Self.fetchHint }
        return "run `repro data fetch --data-dir \(url.path)`"
    }

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
        // Data directories are often symbolic links (or hold them): read the file a link points
        // to, never the link itself, and say plainly when it points nowhere.
        let manager = FileManager.default
        let link = try? manager.destinationOfSymbolicLink(atPath: path.path)
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path.path, isDirectory: &isDirectory) else {
            if let link {
                throw ReproError("MNIST file \(path.path) is a symbolic link to \(link), which "
                                 + "does not exist; fix the link, or delete it and "
                                 + "\(fetchHint)")
            }
            throw ReproError("MNIST file \(path.path) is missing; \(fetchHint)")
        }
        guard !isDirectory.boolValue else {
            throw ReproError("MNIST file \(path.path) is a directory, not a file; remove it and "
                             + "\(fetchHint)")
        }
        let target = path.resolvingSymlinksInPath()
        guard let attributes = try? manager.attributesOfItem(atPath: target.path),
              let size = (attributes[.size] as? NSNumber)?.intValue else {
            throw ReproError("MNIST file \(path.path) cannot be read; check its permissions")
        }
        guard size == expected.byteCount else {
            let what = size < expected.byteCount ? "truncated" : "too long"
            throw ReproError("MNIST file \(path.path) is \(what) (\(size) bytes, expected "
                             + "\(expected.byteCount)); delete it and \(fetchHint)")
        }
        let digest: String
        do { digest = try StableHash.sha256Hex(fileAt: path) } catch {
            throw FileSystemError.describe(error, path: path.path, access: .reading) ?? error
        }
        guard digest == expected.sha256 else {
            throw ReproError("MNIST file \(path.path) has SHA-256 \(digest.prefix(12))…, expected "
                             + "\(expected.sha256.prefix(12))… (corrupt or not MNIST); delete it "
                             + "and \(fetchHint)")
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
