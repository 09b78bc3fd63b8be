import XCTest
@testable import ReproSupport

final class AtomicFileTests: XCTestCase {
    func testWriteReplacesWholeFileAndLeavesNoTemporary() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID())")
        let url = dir.appendingPathComponent("sub/result.json")
        try AtomicFile.write(Data("first".utf8), to: url)
        try AtomicFile.write(Data("second".utf8), to: url)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "second")
        let left = try FileManager.default
            .contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
        XCTAssertEqual(left, ["result.json"])
        try? FileManager.default.removeItem(at: dir)
    }
}
