import Foundation
import XCTest
@testable import ReproReport

/// A template that names a value the report does not provide is an error with file and line,
/// like a missing partial; optional figures may still be tested with a section.
final class TemplateKeyCheckTests: XCTestCase {
    func templates(_ files: [String: String]) throws -> TemplateSet {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("keys-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: dir.appendingPathComponent("\(name).mustache"), atomically: true,
                           encoding: .utf8)
        }
        return try TemplateSet(directory: dir)
    }

    let values: [String: Any] = ["title": "T", "figures": ["fig1": ["png": "a.png"]],
                                 "rows": [["a": 1], ["a": 2]], "empty": [[String: Any]]()]

    func testAMisspelledVariableNamesTheFileAndLine() throws {
        let set = try templates(["report": "# {{title}}\n\n{{> part}}", "part": "ok\n{{titel}}\n"])
        XCTAssertThrowsError(try set.render(values)) {
            XCTAssertTrue("\($0)".contains("part.mustache:2: names 'titel'"), "\($0)")
        }
    }

    func testOptionalFiguresAndListsAreFine() throws {
        let set = try templates(["report": "{{#figures.fig1}}{{png}}{{/figures.fig1}}"
                                           + "{{#figures.fig9}}{{png}}{{/figures.fig9}}"
                                           + "{{#rows}}{{a}}{{/rows}}"
                                           + "{{#empty}}{{anything}}{{/empty}}"])
        XCTAssertEqual(try set.render(values), "a.png12")
    }

    /// A section on a false flag is not rendered, so its keys need not exist; its inverse is.
    func testAFalseFlagSkipsItsSectionButNotItsInverse() throws {
        var flagged = values
        flagged["extra"] = false
        let set = try templates(["report": "{{#extra}}{{count}}{{/extra}}{{^extra}}{{title}}{{/extra}}"])
        XCTAssertEqual(try set.render(flagged), "T")
        let missing = try templates(["report": "{{#extra}}x{{/extra}}{{^extra}}{{count}}{{/extra}}"])
        XCTAssertThrowsError(try missing.render(flagged)) { XCTAssertTrue("\($0)".contains("'count'"), "\($0)") }
    }

    func testAMisspelledSectionParentIsAnError() throws {
        let set = try templates(["report": "{{#figurse.fig1}}x{{/figurse.fig1}}"])
        XCTAssertThrowsError(try set.render(values)) {
            XCTAssertTrue("\($0)".contains("figurse.fig1"), "\($0)")
        }
    }

    func testAKeyInsideAListItemMustExist() throws {
        let set = try templates(["report": "{{#rows}}{{b}}{{/rows}}"])
        XCTAssertThrowsError(try set.render(values)) {
            XCTAssertTrue("\($0)".contains("'b'"), "\($0)")
        }
    }
}
