import Foundation
import XCTest
import ReproReport
@testable import ReproPaper1

/// `paper/paper1/` and `templates/paper1/` agree with each other and with the figures the code
/// draws: one list of figure ids, checked three ways.
final class Paper1FactsTests: XCTestCase {
    let repository = Paper1PipelineTests.repository
    var facts: PaperFacts { Paper1PipelineTests.facts }

    func templateText() throws -> String {
        let dir = repository.appendingPathComponent("templates/paper1")
        return try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "mustache" }
            .map { try String(contentsOf: $0, encoding: .utf8) }.joined(separator: "\n")
    }

    func testEveryClaimRuleDecodesAndPointsAtAKnownFigure() throws {
        XCTAssertGreaterThanOrEqual(facts.claims.count, 10)
        for claim in facts.claims {
            XCTAssertNoThrow(try claim.test.decode(Paper1ClaimTest.self), claim.id)
            XCTAssertNotNil(facts.figure(claim.figure), claim.id)
        }
        let published = try facts.published(as: Paper1Published.self)
        XCTAssertEqual(published.heatmap.f1.count, published.heatmap.hiddenSizes.count)
        XCTAssertNoThrow(try TemplateSet(directory: repository.appendingPathComponent("templates/paper1")))
    }

    func testFigureIdsAgreeBetweenCodeFactsAndTemplates() throws {
        let results = try XCTUnwrap(Paper1PipelineTests.shared).results
        let drawn = Set(Paper1Figures.all(results, published: Paper1PipelineTests.published).map(\.id.rawValue)
                        + Paper1Figures.tables(results).map(\.id.rawValue))
        let listed = Set(facts.figures.map(\.id))
        XCTAssertEqual(drawn.subtracting(listed), [], "drawn but missing from figures.json")
        XCTAssertEqual(listed.subtracting(drawn), [], "in figures.json but never drawn")
        let text = try templateText()
        for info in facts.figures where info.section != "appendix" {
            XCTAssertTrue(text.contains("figures.\(info.id)}}") || text.contains("figure-\(info.id)")
                          || info.id == "tab1", "\(info.id) never reaches the report")
        }
        // Every figure a template names is listed.
        let named = text.components(separatedBy: "{{#figures.").dropFirst()
            .compactMap { $0.components(separatedBy: "}}").first }
        XCTAssertEqual(Set(named).subtracting(listed), [])
    }
}
