import Foundation
import XCTest
import ReproTestSupport
import ReproNN
import ReproSupport
@testable import ReproAnalysis

/// Pins the exact bits of t-SNE embeddings of fixed synthetic points, so that refactoring the
/// gradient's buffers and parallel split provably changes no number. Rows are independent in the
/// gradient, so the split does not matter; the bits depend on the OpenBLAS kernel (distances and
/// PCA go through dgemm), so they are recorded per kernel and thread count. Elsewhere the test is
/// skipped and prints the hashes to add.
final class TSNEBitsTests: XCTestCase {
    /// FNV-1a-64 of embedding and KL trace, per OpenBLAS fingerprint and point count.
    static let recorded: [String: [Int: UInt64]] = [
        "Zen, 2 BLAS threads": [60: 0xf937_3173_5aa4_a636, 390: 0xd162_b8f5_e569_6e27],
        "Zen, 1 BLAS threads": [60: 0xf937_3173_5aa4_a636, 390: 0xd162_b8f5_e569_6e27],
    ]

    static var fingerprint: String { "\(BLASInfo.coreName), \(BLASInfo.threads) BLAS threads" }

    /// `count` points in 6 dimensions around three centres.
    static func points(_ count: Int) -> [Double] {
        var rng = RandomStream(seed: 4, "tsne-bits", "n=\(count)")
        return (0..<(count * 6)).map { k in (k % 6 == (k / 6) % 3 ? 5.0 : 0) + rng.nextNormal() }
    }

    static func hash(_ count: Int) -> UInt64 {
        var tsne = TSNE()
        tsne.perplexity = 12
        tsne.iterations = 300
        tsne.klEvery = 40
        let result = tsne.run(points(count), count: count, dimensions: 6)
        var hash = BitHash()
        hash.add(result.embedding)
        hash.add(result.kl)
        hash.add(result.klIterations.map(Double.init))
        return hash.value
    }

    /// 60 points (one row chunk) and 390 (several, with a ragged last chunk).
    func testEmbeddingBitsAreUnchanged() throws {
        var actual: [Int: UInt64] = [:]
        for count in [60, 390] { actual[count] = Self.hash(count) }
        let printed = actual.keys.sorted().map { "\($0): 0x\(String(actual[$0]!, radix: 16))" }
        guard let expected = Self.recorded[Self.fingerprint] else {
            throw XCTSkip("no bits recorded for \"\(Self.fingerprint)\"; got \(printed)")
        }
        XCTAssertEqual(actual, expected, "got \(printed)")
    }
}
