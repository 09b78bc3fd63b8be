import Foundation
import ReproExperiments
import ReproSupport
import ReproTestSupport
import XCTest

/// Existence is not validity: a cache file that was truncated, edited, emptied or swapped with
/// another is reported, treated as missing and computed again; an intact one is reused.
final class AnalysisCacheTests: XCTestCase {
    struct Value: Codable, Equatable { var rows: [Double] }

    func testDamagedEntriesAreRecomputedNeverShownNorFatal() throws {
        let root = SyntheticMNIST.temporaryDirectory("cache-check")
        let cache = AnalysisCache(store: ResultStore(root: root))
        var computed = 0
        func read(_ inputs: String) throws -> Value {
            try cache.value("p2-test", inputs: inputs) { () -> Value in
                computed += 1
                return Value(rows: [0.9758, 0.5, inputs == "a" ? 1 : 2])
            }
        }
        let a = try read("a"), b = try read("b")
        XCTAssertEqual(computed, 2)
        XCTAssertEqual(try read("a"), a)
        XCTAssertEqual(computed, 2, "an intact entry is reused")
        XCTAssertTrue(cache.contains("p2-test", inputs: "a"))

        let fileA = cache.url("p2-test", key: try StableHash.key("a"))
        let fileB = cache.url("p2-test", key: try StableHash.key("b"))
        let original = try Data(contentsOf: fileA)
        let damages: [(String, Data)] = [
            ("truncated", original.prefix(100)),
            ("edited", Data(String(decoding: original, as: UTF8.self)
                .replacingOccurrences(of: "0.9758", with: "0.1234").utf8)),
            ("emptied", Data(String(decoding: original, as: UTF8.self)
                .replacingOccurrences(of: "0.9758,", with: "").utf8)),
            ("swapped", try Data(contentsOf: fileB)),
        ]
        for (what, bytes) in damages {
            try bytes.write(to: fileA)
            XCTAssertFalse(cache.contains("p2-test", inputs: "a"), what)
            let before = computed
            XCTAssertEqual(try read("a"), a, "\(what): the value is computed again")
            XCTAssertEqual(computed, before + 1, what)
            XCTAssertTrue(cache.contains("p2-test", inputs: "a"), "\(what): repaired")
        }
        XCTAssertEqual(try read("b"), b)
        XCTAssertTrue(StoreNotices.reported.contains { $0.contains("copied over another") })
        XCTAssertTrue(StoreNotices.reported.contains { $0.contains("does not match its checksum") })
    }
}
