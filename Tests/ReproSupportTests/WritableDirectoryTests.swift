import Foundation
import XCTest
@testable import ReproSupport

/// The check every writing command makes before any work: the directory is created, a file can
/// be written and removed in it, and nothing is left behind.
final class WritableDirectoryTests: XCTestCase {
    private func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wd-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
            try? FileManager.default.removeItem(at: url)
        }
        return url
    }

    private func message(_ url: URL) -> String {
        do {
            try WritableDirectory.check(url)
            return "accepted"
        } catch {
            return "\(error)"
        }
    }

    func testAWritableDirectoryIsCreatedAndLeftEmpty() throws {
        let target = try scratch().appendingPathComponent("a/b")
        try WritableDirectory.check(target)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: target.path), [])
    }

    func testProcIsRefusedInOneSentence() {
        XCTAssertEqual(message(URL(fileURLWithPath: "/proc/x")),
                       "cannot write /proc/x: a folder on the way does not exist or cannot hold "
                       + "files (as in /proc); choose a directory on a writable disk")
    }

    func testAFileWhereTheFolderShouldBeIsNamed() throws {
        let file = try scratch().appendingPathComponent("output")
        try Data("x".utf8).write(to: file)
        XCTAssertEqual(message(file), "cannot write \(file.path): \(file.path) is a file, not a "
                       + "folder; move that file away or choose another path")
        XCTAssertTrue(message(file.appendingPathComponent("paper1/results"))
                        .hasSuffix("\(file.path) is a file, not a folder; move that file away or "
                                   + "choose another path"))
    }

    /// A dangling or looping symbolic link on the way is named as such, not as "a file".
    func testABrokenSymbolicLinkIsNamed() throws {
        let root = try scratch()
        let dangling = root.appendingPathComponent("dangling")
        let loop = root.appendingPathComponent("loop")
        try FileManager.default.createSymbolicLink(atPath: dangling.path,
                                                   withDestinationPath: root.path + "/nowhere")
        try FileManager.default.createSymbolicLink(atPath: loop.path, withDestinationPath: loop.path)
        XCTAssertTrue(message(dangling.appendingPathComponent("out")).contains(
            "\(dangling.path) is a symbolic link to \(root.path)/nowhere, which does not exist; "
            + "fix or remove the link"), message(dangling))
        for target in [loop, loop.appendingPathComponent("sub")] {
            XCTAssertTrue(message(target).contains("\(loop.path) is a symbolic link that loops"),
                          message(target))
        }
    }

    func testAReadOnlyFolderIsRefused() throws {
        let dir = try scratch()
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir.path)
        if FileManager.default.isWritableFile(atPath: dir.path) {
            throw XCTSkip("running as root: permissions do not stop writes")
        }
        XCTAssertTrue(message(dir).hasPrefix("cannot write \(dir.path): permission denied"),
                      message(dir))
        XCTAssertTrue(message(dir.appendingPathComponent("sub"))
                        .contains("permission denied"), message(dir.appendingPathComponent("sub")))
    }
}
