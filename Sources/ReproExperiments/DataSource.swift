import ReproData

/// Verified MNIST, loaded on first use and then shared: one process verifies and reads the files
/// once, however many experiments and analyses ask for them.
public final class DataSource: @unchecked Sendable {
    private let load: () throws -> MNIST
    private var cached: MNIST?

    public init(load: @escaping () throws -> MNIST) { self.load = load }

    public convenience init(directory: MNISTDirectory) {
        self.init { try directory.load() }
    }

    public func mnist() throws -> MNIST {
        if let cached { return cached }
        let loaded = try load()
        cached = loaded
        return loaded
    }
}
