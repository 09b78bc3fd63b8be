import Foundation
import ReproData

/// Verified MNIST, loaded on first use and then shared: one process verifies and reads the files
/// once, however many experiments and analyses ask for them.
public final class DataSource: @unchecked Sendable {
    private let load: () throws -> MNIST
    private var cached: MNIST?
    /// The data directory, where other data sets (CIFAR) are looked for; nil for data built in
    /// memory.
    public let directory: URL?

    public init(directory: URL? = nil, load: @escaping () throws -> MNIST) {
        self.load = load
        self.directory = directory
    }

    public convenience init(directory: MNISTDirectory) {
        self.init(directory: directory.url) { try directory.load() }
    }

    /// Whether a CIFAR data set is installed in the data directory (`repro data fetch --dataset`).
    public func hasCIFAR(_ dataset: CIFARDataset) -> Bool {
        directory.map { CIFARDirectory(data: $0, dataset: dataset).isInstalled } ?? false
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
