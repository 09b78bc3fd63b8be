import Foundation
import ReproReport
import XCTest
@testable import ReproCLI

/// The facts in `paper/` pass every paper's check, and each kind of mistake in a copy of paper 2's
/// claims is refused before any work, naming the file, the line, the claim and the reason.
final class PaperFactsCheckTests: XCTestCase {
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    func check(_ paper: some PaperReproduction, _ directory: URL) throws {
        try paper.checkFacts(try PaperFacts(directory: directory), directory: directory)
    }

    func testTheRepositorysFactsPass() throws {
        for paper in Papers.all {
            XCTAssertNoThrow(try check(paper, repository.appendingPathComponent("paper/\(paper.id)")),
                             paper.id)
        }
    }

    func testMistakesInClaimsAreRefusedByName() throws {
        let source = repository.appendingPathComponent("paper/paper2")
        let claims = try String(contentsOf: source.appendingPathComponent("claims.json"),
                                encoding: .utf8)
        let paper = try XCTUnwrap(Papers.all.first { $0.id == "paper2" })
        let cases: [(String, (String) -> String)] = [
            ("is not measured at setting '0.15'", {
                $0.replacingOccurrences(of: #""weight-noise", "setting": "0.2""#,
                                        with: #""weight-noise", "setting": "0.15""#) }),
            ("is used twice", { $0.replacingOccurrences(of: #""id": "C3""#, with: #""id": "C2""#) }),
            ("is not in figures.json", {
                $0.replacingOccurrences(of: #""figure": "fig2-mnist-c""#, with: #""figure": "fig99""#) }),
            ("line 2, claim C1: the margin -0.1 is negative", { $0.replacingOccurrences(of: #""margin": 0.001"#, with: #""margin": -0.1"#) }),
            ("is text", { $0.replacingOccurrences(of: #""margin": 0.001"#, with: #""margin": "0.001""#) }),
            ("line 4, claim C3: wrong value at rule.kind", { $0.replacingOccurrences(of: #""kind": "betterThanBase""#,
                                                    with: #""kind": "betterThanBased""#) }),
        ]
        for (expected, mutate) in cases {
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("facts-\(UUID())")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            for name in ["paper.json", "figures.json", "published.json"] {
                try FileManager.default.copyItem(at: source.appendingPathComponent(name),
                                                 to: directory.appendingPathComponent(name))
            }
            let changed = mutate(claims)
            XCTAssertNotEqual(changed, claims, "the mutation for '\(expected)' applies")
            try changed.write(to: directory.appendingPathComponent("claims.json"), atomically: true,
                              encoding: .utf8)
            XCTAssertThrowsError(try check(paper, directory), expected) {
                XCTAssertTrue("\($0)".contains(expected), "\($0)")
                XCTAssertTrue("\($0)".contains(directory.path), "names the file: \($0)")
            }
        }
    }
}
