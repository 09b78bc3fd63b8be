import ArgumentParser
import Foundation
import XCTest
@testable import ReproCLI

/// A command line run in-process exactly as the executable runs it (`Repro.execute`): the
/// message and exit code it ends with.
struct Invocation {
    var message: String
    var code: Int32

    /// Runs `arguments`; nil when the command succeeded.
    static func failure(_ arguments: [String]) -> Invocation? {
        guard let error = Repro.execute(arguments) else { return nil }
        return Invocation(message: Repro.message(for: error),
                          code: Repro.exitCode(for: error).rawValue)
    }

    /// Parses `arguments` only (no command runs); the refusal, or nil (and a test failure) when
    /// the line was accepted.
    static func refusal(_ arguments: [String], file: StaticString = #filePath,
                        line: UInt = #line) -> Invocation? {
        do {
            _ = try Repro.parseAsRoot(arguments)
            XCTFail("accepted: \(arguments)", file: file, line: line)
            return nil
        } catch {
            return Invocation(message: Repro.message(for: error),
                              code: Repro.exitCode(for: error).rawValue)
        }
    }

    /// A fresh directory under the temporary directory (not created).
    static func scratch(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID())")
    }

    /// Each invocation is refused as a usage error, in one line that contains its text.
    static func assertRefusedInOneLine(_ cases: [([String], String)],
                                       file: StaticString = #filePath, line: UInt = #line) {
        for (arguments, text) in cases {
            guard let refusal = refusal(arguments) else { continue }
            XCTAssertTrue(refusal.message.contains(text), "\(arguments): \(refusal.message)",
                          file: file, line: line)
            XCTAssertEqual(refusal.code, ExitCode.validationFailure.rawValue, "\(arguments)",
                           file: file, line: line)
            XCTAssertFalse(refusal.message.trimmingCharacters(in: .whitespacesAndNewlines)
                .contains("\n"), "one line: \(refusal.message)", file: file, line: line)
        }
    }
}
