import Foundation

/// Writes files so that a reader never sees half of one: write to a temporary file in the same
/// directory, flush it, then rename it over the destination (rename is atomic on POSIX file
/// systems). A failure is one sentence naming the file and the fix (``FileSystemError``).
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws {
        do {
            try replace(url, with: data)
        } catch {
            throw FileSystemError.describe(error, path: url.path, access: .writing) ?? error
        }
    }

    private static func replace(_ url: URL, with data: Data) throws {
        let directory = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let pid = ProcessInfo.processInfo.processIdentifier
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(pid).tmp")
        do {
            try data.write(to: temporary, options: [])
            let handle = try FileHandle(forWritingTo: temporary)
            try handle.synchronize()
            try handle.close()
            if rename(temporary.path, url.path) != 0 {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
