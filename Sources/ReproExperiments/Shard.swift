import ReproSupport

/// `i/n`: this process takes every n-th batch starting at i, so a grid can be spread over a cluster
/// (e.g. a Slurm array) and merged from the shared store.
public struct Shard: Equatable, Sendable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    public init(index: Int, count: Int) throws {
        guard count >= 1, (0..<count).contains(index) else {
            throw ReproError("--shard: need i/n with 0 ≤ i < n, got \(index)/\(count)")
        }
        self.index = index
        self.count = count
    }

    public init(parsing text: String) throws {
        // Empty parts count: "1//2" and "/4" are malformed, not 1/2 and 4.
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 2, let i = parts[0], let n = parts[1] else {
            throw ReproError("--shard: write it as i/n, e.g. 0/4")
        }
        try self.init(index: i, count: n)
    }

    public func includes(_ position: Int) -> Bool { position % count == index }
    public var description: String { "\(index)/\(count)" }
}
