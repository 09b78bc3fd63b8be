import XCTest
import ReproSupport
@testable import ReproReport

/// The index counts verdicts by kind, whatever their wording, and keeps the papers not rebuilt.
final class IndexPageTests: XCTestCase {
    func claim(_ id: String, _ verdict: Verdict) -> ClaimResult {
        ClaimResult(claim: Claim(id: id, text: "", published: "", figure: "", test: .null),
                    reproduced: "", verdict: verdict)
    }

    func testCountsByKindInAFixedOrder() {
        let entry = IndexPage.Entry(paper: "p", title: "t", claims: [
            claim("a", .holds), claim("b", Verdict("holds for 1 of 3", kind: .partly)),
            claim("c", Verdict("holds for 2 of 3", kind: .partly)), claim("d", .doesNotHold),
            claim("e", .holds),
        ])
        XCTAssertEqual(entry.verdicts, "2 hold, 2 hold in part, 1 does not hold")
        XCTAssertTrue(IndexPage.markdown([entry]).contains("| p | t | 2 hold, 2 hold in part, "))
    }

    func testKeepsOtherPapersLines() throws {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("index-\(UUID().uuidString)")
        let first = IndexPage.Entry(paper: "paper1", title: "one", claims: [claim("a", .holds)])
        try IndexPage.write([first], to: root)
        let second = IndexPage.Entry(paper: "paper2", title: "two", claims: [])
        let merged = IndexPage.merge([second], into: root)
        XCTAssertEqual(merged.map(\.paper), ["paper1", "paper2"])
    }
}
