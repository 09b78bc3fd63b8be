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
        // Unique per write, so two writers of one file (processes, or threads of one) never
        // share a temporary file.
        let pid = ProcessInfo.processInfo.processIdentifier
        let token = UInt32.random(in: 0...UInt32.max)
        let temporary = directory.appendingPathComponent(
            ".\(url.lastPathComponent).\(pid)-\(String(token, radix: 16)).tmp")
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

    /// The temporary files of writes cut short (a crash or kill between write and rename) under
    /// `directory`, removed; only those not modified for `age` seconds, so a live writer's file
    /// (a write takes seconds) is never touched. Returns what it removed.
    @discardableResult
    public static func removeStale(under directory: URL, olderThan age: TimeInterval = 600,
                                   now: Date = Date()) -> [URL] {
        guard let files = FileManager.default.enumerator(
            at: directory, includingPropertiesForKeys: [.contentModificationDateKey, .isRegularFileKey])
        else { return [] }
        var removed: [URL] = []
        for case let url as URL in files {
            let name = url.lastPathComponent
            guard name.hasPrefix("."), name.hasSuffix(".tmp"),
                  let values = try? url.resourceValues(forKeys: [.contentModificationDateKey,
                                                                 .isRegularFileKey]),
                  values.isRegularFile == true, let modified = values.contentModificationDate,
                  now.timeIntervalSince(modified) > age,
                  (try? FileManager.default.removeItem(at: url)) != nil else { continue }
            removed.append(url)
        }
        return removed
    }
}
