import Foundation

/// Checks, before any work, that a command can write where it is going to: creates the
/// directory (and its parents) and writes and removes a small file in it. A command that would
/// train for minutes and then fail to save fails now, in one line that names the path and the
/// fix (``FileSystemError``).
public enum WritableDirectory {
    public static func check(_ url: URL) throws {
        let manager = FileManager.default
        let probe = url.appendingPathComponent(
            ".repro-write-check.\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try manager.createDirectory(at: url, withIntermediateDirectories: true)
            try Data("repro".utf8).write(to: probe)
            try manager.removeItem(at: probe)
        } catch {
            try? manager.removeItem(at: probe)
            throw FileSystemError.describe(error, path: url.path, access: .writing) ?? error
        }
    }
}
