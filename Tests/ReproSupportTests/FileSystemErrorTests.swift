import Foundation
import XCTest
@testable import ReproSupport

/// Class 2 of issue 15: a failed file-system call is one sentence that names the path and the
/// fix, never a Foundation error dump.
final class FileSystemErrorTests: XCTestCase {
    private func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fs-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// Foundation's errors as Linux raises them: a Cocoa code with the errno underneath.
    private func cocoa(_ code: CocoaError.Code, errno: Int32?, path: String) -> Error {
        var info: [String: Any] = [NSFilePathErrorKey: path]
        if let errno {
            info[NSUnderlyingErrorKey] = NSError(domain: NSPOSIXErrorDomain, code: Int(errno))
        }
        return NSError(domain: NSCocoaErrorDomain, code: code.rawValue, userInfo: info)
    }

    func testEachErrnoGetsOneSentenceWithThePathAndTheFix() {
        let cases: [(Error, String)] = [
            (cocoa(.fileWriteOutOfSpace, errno: ENOSPC, path: "/out/m.json"),
             "cannot write /out/m.json: the disk is full"),
            (cocoa(.fileWriteOutOfSpace, errno: nil, path: "/out/m.json"),
             "cannot write /out/m.json: the disk is full"),
            (cocoa(.fileWriteVolumeReadOnly, errno: EROFS, path: "/ro/x"),
             "cannot write /ro/x: the file system is read-only"),
            (cocoa(.fileWriteNoPermission, errno: EACCES, path: "/out"),
             "cannot write /out: permission denied; make it writable"),
            (cocoa(.fileWriteUnknown, errno: EPERM, path: "/out"),
             "cannot write /out: permission denied"),
            (cocoa(.fileReadNoPermission, errno: EACCES, path: "/d/f"),
             "cannot read /d/f: permission denied; make it readable"),
            (cocoa(.fileNoSuchFile, errno: ENOENT, path: "/proc/x"),
             "cannot write /proc/x: a folder on the way does not exist"),
            (cocoa(.fileReadNoSuchFile, errno: ENOENT, path: "/d/f"),
             "cannot read /d/f: it does not exist"),
            (cocoa(.fileReadUnknown, errno: EISDIR, path: "/d/f"),
             "cannot read /d/f: it is a folder, not a file"),
            (cocoa(.fileWriteUnknown, errno: EISDIR, path: "/d/f"),
             "cannot write /d/f: it is a folder where a file belongs"),
            (cocoa(.fileWriteUnknown, errno: ENOTDIR, path: "/no/such/dir"),
             "cannot write /no/such/dir: part of the path is a file, not a folder"),
            (NSError(domain: NSPOSIXErrorDomain, code: Int(ENOSPC),
                     userInfo: [NSFilePathErrorKey: "/o"]), "cannot write /o: the disk is full"),
        ]
        for (error, expected) in cases {
            let message = FileSystemError.describe(error)?.message ?? "nil"
            XCTAssertTrue(message.hasPrefix(expected), "\(expected) <- \(message)")
            XCTAssertFalse(message.contains("Domain="), message)
            XCTAssertFalse(message.contains("\n"), message)
        }
    }

    func testThePathTheCallerNamesAndASwiftPOSIXError() {
        let message = FileSystemError.describe(POSIXError(.EDQUOT), path: "/home/u/output",
                                               access: .writing)?.message
        XCTAssertEqual(message?.hasPrefix("cannot write /home/u/output: the disk is full"), true)
        let reading = FileSystemError.describe(cocoa(.fileReadNoPermission, errno: EACCES,
                                                     path: "/inner"),
                                               path: "/data/train", access: .reading)?.message
        XCTAssertEqual(reading?.hasPrefix("cannot read /data/train: permission denied"), true)
    }

    func testOtherErrorsPassThroughUnchanged() {
        XCTAssertNil(FileSystemError.describe(ReproError("already plain")))
        XCTAssertNil(FileSystemError.describe(NSError(domain: "Other", code: 4)))
        XCTAssertEqual(FileSystemError.plain(ReproError("already plain")) as? ReproError,
                       ReproError("already plain"))
        XCTAssertEqual((FileSystemError.plain(cocoa(.fileWriteOutOfSpace, errno: ENOSPC,
                                                    path: "/o")) as? ReproError)?.message
                        .hasPrefix("cannot write /o: the disk is full"), true)
    }

    func testAFileInThePathIsNamed() throws {
        let dir = try scratch()
        let file = dir.appendingPathComponent("output")
        try Data("x".utf8).write(to: file)
        let message = FileSystemError.message(errno: ENOTDIR, path: file.path + "/paper1/results",
                                              access: .writing)
        XCTAssertTrue(message.contains("\(file.path) is a file, not a folder"), message)
    }

    func testAtomicWritesFailInOneSentence() throws {
        let dir = try scratch()
        let file = dir.appendingPathComponent("output")
        try Data("x".utf8).write(to: file)
        XCTAssertThrowsError(try AtomicFile.write(Data(), to: file.appendingPathComponent("a.json"))) {
            XCTAssertEqual(($0 as? ReproError)?.message,
                           "cannot write \(file.path)/a.json: \(file.path) is a file, not a "
                           + "folder; move that file away or choose another path")
        }
        let folder = dir.appendingPathComponent("a.json")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        XCTAssertThrowsError(try AtomicFile.write(Data(), to: folder)) {
            XCTAssertTrue(($0 as? ReproError)?.message.hasPrefix(
                "cannot write \(folder.path): it is a folder where a file belongs") == true, "\($0)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [],
                       "no temporary file left behind")
    }
}
