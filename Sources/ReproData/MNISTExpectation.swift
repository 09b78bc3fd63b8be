/// What one data file must be: its size, its SHA-256 and its IDX dimensions. The canonical table is
/// `MNISTExpectation.canonical`; tests pass tables for tiny synthetic files.
public struct MNISTExpectation: Sendable, Equatable {
    public var byteCount: Int
    public var sha256: String
    public var dimensions: [Int]

    public init(byteCount: Int, sha256: String, dimensions: [Int]) {
        self.byteCount = byteCount
        self.sha256 = sha256
        self.dimensions = dimensions
    }

    public static let canonical: [MNISTFile: MNISTExpectation] = Dictionary(
        uniqueKeysWithValues: MNISTFile.allCases.map {
            ($0, MNISTExpectation(byteCount: $0.byteCount, sha256: $0.sha256,
                                  dimensions: $0.dimensions))
        })
}
