import Foundation
import ReproSupport

/// CIFAR-10-C and CIFAR-100-C as Hendrycks & Dietterich released them: per corruption one
/// `<name>.npy` of 5 severities × 10,000 test images (uint8, N × 32 × 32 × 3, severity 1 first),
/// and `labels.npy`. Installed from the release folder or its tar into `<data>/CIFAR-10-C/`
/// (`CIFAR-100-C/`) after every file's shape and type are checked, with a `SHA256SUMS` list of
/// what was installed, checked again on every read (the release publishes no per-file sums).
public struct CIFARCorrupted {
    /// The 15 corruptions of the benchmark (the release's 4 extra ones are not used).
    public static let corruptions = [
        "gaussian_noise", "shot_noise", "impulse_noise", "defocus_blur", "glass_blur",
        "motion_blur", "zoom_blur", "snow", "frost", "fog", "brightness", "contrast",
        "elastic_transform", "pixelate", "jpeg_compression",
    ]

    public let dataset: CIFARDataset
    public let url: URL
    /// Images per severity (10,000; tests use fewer).
    let perSeverity: Int

    public init(data: URL, dataset: CIFARDataset) {
        self.init(data: data, dataset: dataset, perSeverity: 10_000)
    }

    /// A release of `perSeverity` images per severity (tests build small ones).
    public init(data: URL, dataset: CIFARDataset, perSeverity: Int) {
        self.dataset = dataset
        self.url = data.appendingPathComponent(Self.folder(dataset), isDirectory: true)
        self.perSeverity = perSeverity
    }

    public static func folder(_ dataset: CIFARDataset) -> String {
        dataset == .cifar10 ? "CIFAR-10-C" : "CIFAR-100-C"
    }

    var files: [String] { Self.corruptions.map { $0 + ".npy" } + ["labels.npy"] }
    var sums: URL { url.appendingPathComponent("SHA256SUMS") }
    public var isInstalled: Bool { FileManager.default.fileExists(atPath: sums.path) }

    /// What the installed release is, for the keys of values computed from it: the SHA-256 of
    /// its `SHA256SUMS` (the release publishes no checksum, so a test release and the real one
    /// must never share cached values); "not installed" without one.
    public var identity: String {
        (try? Data(contentsOf: sums)).map { "sha256:" + StableHash.sha256Hex($0) } ?? "not installed"
    }

    /// Held while installing or reading the release, beside its folder.
    var lockURL: URL {
        url.deletingLastPathComponent().appendingPathComponent(".\(Self.folder(dataset)).lock")
    }

    public var fetchHint: String {
        "run `repro data fetch --dataset \(dataset.rawValue)-c --from <the \(Self.folder(dataset)) "
            + "folder or its .tar>` (Hendrycks & Dietterich's release)"
    }

    /// Checks and copies the release's files from a folder or a tar; one line back.
    public func install(from source: URL) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isDirectory) else {
            throw ReproError("\(source.path) does not exist; \(fetchHint)")
        }
        let tar = isDirectory.boolValue ? nil
            : try TarArchive(try Data(contentsOf: source, options: .alwaysMapped), name: source.lastPathComponent)
        var contents: [(String, Data)] = []
        for name in files {
            let data: Data
            if let tar {
                guard let file = tar.file(named: "\(Self.folder(dataset))/\(name)") ?? tar.file(named: name) else {
                    throw ReproError("\(source.lastPathComponent) has no \(name); \(fetchHint)")
                }
                data = file
            } else {
                let path = source.appendingPathComponent(name)
                guard let file = try? Data(contentsOf: path, options: .alwaysMapped) else {
                    throw ReproError("\(path.path) is missing; \(fetchHint)")
                }
                data = file
            }
            try check(data, name: name)
            contents.append((name, data))
        }
        // Two installs into one data directory take turns (the release's files and their sums
        // must come from the same one).
        let lock = try FileLock(lockURL)
        try lock.lock()
        defer { lock.unlock() }
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: sums)
        for (name, data) in contents { try AtomicFile.write(data, to: url.appendingPathComponent(name)) }
        let lines = contents.map { "\(StableHash.sha256Hex($0.1))  \($0.0)" }
        try AtomicFile.write(Data((lines.joined(separator: "\n") + "\n").utf8), to: sums)
        return "\(Self.folder(dataset)): \(Self.corruptions.count) corruptions × 5 severities × "
            + "\(perSeverity) images in \(url.path)"
    }

    /// The shape and type the release has: (5·N, 32, 32, 3) uint8 images, N·5 labels.
    func check(_ data: Data, name: String) throws {
        let array = try NPYFile(data, name: name)
        let count = 5 * perSeverity
        if name == "labels.npy" {
            guard array.shape == [count], array.integers.allSatisfy({ (0..<dataset.classes).contains($0) }) else {
                throw ReproError("\(name): shape \(array.shape) or labels outside 0…\(dataset.classes - 1), "
                                 + "not \(Self.folder(dataset))'s; \(fetchHint)")
            }
        } else {
            guard array.element == .uint8, array.shape == [count, 32, 32, 3] else {
                throw ReproError("\(name): \(array.element.rawValue) of shape \(array.shape), not "
                                 + "\(count) × 32 × 32 × 3 bytes; \(fetchHint)")
            }
        }
    }

    /// One corruption at one severity (1…5): its images as CIFAR stores them (3 planes of
    /// 32 × 32, red first) and the labels, the installed file's SHA-256 checked first.
    public func images(_ corruption: String, severity: Int) throws -> CIFARImages {
        try images(corruption, severities: [severity], indices: Array(0..<perSeverity))[0]
    }

    /// Test images `indices` (0…9,999) of one corruption at each of `severities`, one set per
    /// severity in that order: each file is read and its SHA-256 checked once for all of them.
    public func images(_ corruption: String, severities: [Int],
                       indices: [Int]) throws -> [CIFARImages] {
        guard Self.corruptions.contains(corruption), severities.allSatisfy((1...5).contains) else {
            throw ReproError("no \(corruption) at severities \(severities) in "
                             + "\(Self.folder(dataset)); corruptions: "
                             + "\(Self.corruptions.joined(separator: ", ")), severities 1–5")
        }
        guard indices.allSatisfy({ (0..<perSeverity).contains($0) }) else {
            throw ReproError("\(Self.folder(dataset)) holds test images 0…\(perSeverity - 1) per "
                             + "severity")
        }
        // Not while an install replaces the files (a read-only data directory has no install
        // to wait for).
        let lock = try? FileLock(lockURL)
        try? lock?.lock(shared: true)
        defer { lock?.unlock() }
        let images = try NPYFile(try verified(corruption + ".npy"), name: corruption)
        let labels = try NPYFile(try verified("labels.npy"), name: "labels").integers
        return severities.map { severity in
            let first = (severity - 1) * perSeverity
            var planes = [UInt8](repeating: 0, count: indices.count * CIFARImages.pixels)
            images.payload.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                for (k, index) in indices.enumerated() {
                    let i = first + index
                    for p in 0..<1024 {
                        for c in 0..<3 {
                            planes[k * 3072 + c * 1024 + p] = raw[i * 3072 + p * 3 + c]
                        }
                    }
                }
            }
            return CIFARImages(pixels: planes, labels: indices.map { UInt8(labels[first + $0]) })
        }
    }

    /// Every installed file checked against its SHA-256; one line back.
    public func verify() throws -> String {
        for name in files { try check(try verified(name), name: name) }
        return "\(Self.folder(dataset)): \(Self.corruptions.count) corruptions and the labels, every "
            + "SHA-256 as installed"
    }

    /// A file's bytes once its SHA-256 matches the list written at installation.
    func verified(_ name: String) throws -> Data {
        guard let list = try? String(contentsOf: sums, encoding: .utf8) else {
            throw ReproError("\(Self.folder(dataset)) is not installed in \(url.deletingLastPathComponent().path); \(fetchHint)")
        }
        let path = url.appendingPathComponent(name)
        guard let data = try? Data(contentsOf: path, options: .alwaysMapped),
              list.contains("\(StableHash.sha256Hex(data))  \(name)\n") else {
            throw ReproError("\(path.path) is missing or damaged (its SHA-256 is not the one "
                             + "installed); \(fetchHint)")
        }
        return data
    }
}
