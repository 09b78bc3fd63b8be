import Foundation
import ReproData
import ReproSupport

/// Verified MNIST (and CIFAR, where installed), loaded on first use and then shared: one process
/// verifies and reads the files once, however many experiments and analyses ask for them.
public final class DataSource: @unchecked Sendable {
    private let load: () throws -> MNIST
    private var cached: MNIST?
    private let loadCIFAR: ((CIFARDataset) throws -> CIFAR)?
    private let corruptedRelease: ((CIFARDataset) -> CIFARCorrupted)?
    private let lock = NSLock()
    private var cachedCIFAR: [CIFARDataset: CIFAR] = [:]
    /// The data directory, where other data sets (CIFAR) are looked for; nil for data built in
    /// memory.
    public let directory: URL?

    /// `cifar` gives CIFAR built in memory and `corrupted` a CIFAR-C release of the test's own
    /// size (tests); without them both are read from `directory`.
    public init(directory: URL? = nil, load: @escaping () throws -> MNIST,
                cifar: ((CIFARDataset) throws -> CIFAR)? = nil,
                corrupted: ((CIFARDataset) -> CIFARCorrupted)? = nil) {
        self.load = load
        self.directory = directory
        self.loadCIFAR = cifar
        self.corruptedRelease = corrupted
    }

    /// The installed CIFAR-10-C / CIFAR-100-C; a one-line error naming the install command when
    /// it is missing.
    public func corrupted(_ dataset: CIFARDataset) throws -> CIFARCorrupted {
        if let corruptedRelease { return corruptedRelease(dataset) }
        guard let directory, CIFARCorrupted(data: directory, dataset: dataset).isInstalled else {
            let release = CIFARCorrupted(data: directory ?? URL(fileURLWithPath: "data"),
                                         dataset: dataset)
            throw ReproError("\(CIFARCorrupted.folder(dataset)) is not installed"
                             + (directory.map { " in \($0.path)" } ?? "") + "; \(release.fetchHint)")
        }
        return CIFARCorrupted(data: directory, dataset: dataset)
    }

    /// A verified CIFAR data set; a one-line error naming the install command when it is
    /// missing.
    public func cifar(_ dataset: CIFARDataset) throws -> CIFAR {
        lock.lock(); defer { lock.unlock() }
        if let cached = cachedCIFAR[dataset] { return cached }
        let loaded: CIFAR
        if let loadCIFAR {
            loaded = try loadCIFAR(dataset)
        } else if let directory, CIFARDirectory(data: directory, dataset: dataset).isInstalled {
            loaded = try CIFARDirectory(data: directory, dataset: dataset).load()
        } else {
            throw ReproError("\(dataset.title) is not installed"
                             + (directory.map { " in \($0.path)" } ?? "") + "; \(dataset.fetchHint)")
        }
        cachedCIFAR[dataset] = loaded
        return loaded
    }

    /// What networks trained on a CIFAR data set name as their data, read without loading the
    /// images where they are on disk (``CIFARDirectory/identity``).
    public func identity(of dataset: CIFARDataset) -> String {
        if loadCIFAR != nil { return (try? cifar(dataset).identity) ?? dataset.officialIdentity }
        return directory.map { CIFARDirectory(data: $0, dataset: dataset).identity }
            ?? dataset.officialIdentity
    }

    public convenience init(directory: MNISTDirectory) {
        self.init(directory: directory.url) { try directory.load() }
    }

    /// Whether a CIFAR data set is installed in the data directory (`repro data fetch --dataset`).
    public func hasCIFAR(_ dataset: CIFARDataset) -> Bool {
        directory.map { CIFARDirectory(data: $0, dataset: dataset).isInstalled } ?? false
    }

    /// What the installed CIFAR-C release is (``CIFARCorrupted/identity``), read without
    /// loading it.
    public func corruptedIdentity(_ dataset: CIFARDataset) -> String {
        if let corruptedRelease { return corruptedRelease(dataset).identity }
        return directory.map { CIFARCorrupted(data: $0, dataset: dataset).identity } ?? "not installed"
    }

    /// Whether the installed set is test data, not the published one (`--unofficial`; in-memory
    /// sets say so themselves).
    public func hasUnofficialCIFAR(_ dataset: CIFARDataset) -> Bool {
        if loadCIFAR != nil { return (try? cifar(dataset).unofficial) ?? false }
        return directory.map { CIFARDirectory(data: $0, dataset: dataset).isUnofficial } ?? false
    }

    /// Whether its corrupted test set (CIFAR-10-C, CIFAR-100-C) is installed.
    public func hasCIFARC(_ dataset: CIFARDataset) -> Bool {
        directory.map { CIFARCorrupted(data: $0, dataset: dataset).isInstalled } ?? false
    }

    public func mnist() throws -> MNIST {
        if let cached { return cached }
        let loaded = try load()
        cached = loaded
        return loaded
    }
}

extension DataSource {
    /// The images of MNIST (`dataset` nil) or of an installed CIFAR set.
    public func splits(_ dataset: CIFARDataset?) throws -> ImageSplits {
        try dataset.map { try cifar($0).splits } ?? mnist().splits
    }
}
