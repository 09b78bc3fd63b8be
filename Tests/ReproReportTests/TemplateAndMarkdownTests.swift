import Foundation
import XCTest
import ReproPlot
@testable import ReproReport

final class TemplateTests: XCTestCase {
    func directory(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("templates-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return dir
    }

    func testRendersPartialsWithoutHTMLEscaping() throws {
        let set = try TemplateSet(directory: directory([
            "report.mustache": "# {{title}}\n{{> part}}",
            "part.mustache": "{{#rows}}| {{a}} |\n{{/rows}}",
        ]))
        XCTAssertEqual(try set.render(["title": "F1 < 0.9 & more", "rows": [["a": 1], ["a": 2]]]),
                       "# F1 < 0.9 & more\n| 1 |\n| 2 |\n")
    }

    func testMalformedTemplateNamesFileAndLine() throws {
        let dir = try directory(["report.mustache": "ok\n{{#claims}}\nunclosed\n{{/wrong}}\n"])
        XCTAssertThrowsError(try TemplateSet(directory: dir)) {
            XCTAssertTrue("\($0)".contains("report.mustache:4: malformed template"), "\($0)")
        }
    }

    /// The parser notices an unclosed tag or section further down; the error names the line
    /// where it opens. A template path that is a folder is called one.
    func testUnclosedTagsAndSectionsNameTheLineTheyOpenOn() throws {
        let filler = (1...8).map { "line \($0)" }.joined(separator: "\n")
        for (text, line) in [("a\nx {{paper.title\nb {{c}}\n" + filler, 2),
                             ("a\nb\n{{#quick}}\n" + filler, 3),
                             ("{{#a}}\n{{/a}}\n{{^b}}\nc\n" + filler, 3)] {
            XCTAssertThrowsError(try TemplateSet(directory: directory(["report.mustache": text]))) {
                XCTAssertTrue("\($0)".contains("report.mustache:\(line): malformed template: "), "\($0)")
            }
        }
        let dir = try directory(["report.mustache": "# r\n{{> part}}"])
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("part.mustache"),
                                                withIntermediateDirectories: true)
        XCTAssertThrowsError(try TemplateSet(directory: dir)) {
            XCTAssertTrue("\($0)".contains("part.mustache is a folder, not a template"), "\($0)")
        }
    }

    func testPartialsThatIncludeEachOtherAreRefusedWhenRead() throws {
        let loop = ["report.mustache": "# r\n{{> a}}", "a.mustache": "x {{> b}}",
                    "b.mustache": "y\n{{> a}}"]
        XCTAssertThrowsError(try TemplateSet(directory: directory(loop))) {
            XCTAssertTrue("\($0)".contains("loop (a → b → a)"), "\($0)")
        }
        XCTAssertThrowsError(try TemplateSet(directory: directory(
            ["report.mustache": "{{> report}}"]))) {
            XCTAssertTrue("\($0)".contains("(report → report)"), "\($0)")
        }
        // Shared partials without a loop are fine.
        XCTAssertNoThrow(try TemplateSet(directory: directory(
            ["report.mustache": "{{> a}}{{> b}}", "a.mustache": "{{> c}}", "b.mustache": "{{> c}}",
             "c.mustache": "c"])))
    }

    func testMissingPartialAndMissingMainAreErrors() throws {
        let files = ["report.mustache": "a\n\n{{> nowhere}}"]
        XCTAssertThrowsError(try TemplateSet(directory: directory(files))) {
            XCTAssertTrue("\($0)".contains("report.mustache:3: includes 'nowhere'"), "\($0)")
        }
        XCTAssertThrowsError(try TemplateSet(directory: directory(["other.mustache": "x"]))) {
            XCTAssertTrue("\($0)".contains("report.mustache is missing"), "\($0)")
        }
        let missing = URL(fileURLWithPath: "/nonexistent-templates")
        XCTAssertThrowsError(try TemplateSet(directory: missing)) {
            XCTAssertTrue("\($0)".contains("--templates"), "\($0)")
        }
    }
}

final class PaperFactsTests: XCTestCase {
    func testBrokenFactsNameTheFileAndField() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("facts-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try #"{"id": "p", "title": "t", "authors": "a"}"#
            .write(to: dir.appendingPathComponent("paper.json"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try PaperFacts(directory: dir)) {
            XCTAssertTrue("\($0)".contains("paper.json: missing field 'summary'"), "\($0)")
        }
        // A syntax error is placed by line and column.
        try "{\"id\": \"p\",\n  ,, \"title\": \"t\"}"
            .write(to: dir.appendingPathComponent("paper.json"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try PaperFacts(directory: dir)) {
            XCTAssertTrue("\($0)".contains("paper.json:2:3: not valid JSON"), "\($0)")
        }
        XCTAssertEqual(PaperFacts.syntaxErrorPlace(Data("[1, 2]".utf8))?.line, nil)
    }
}
