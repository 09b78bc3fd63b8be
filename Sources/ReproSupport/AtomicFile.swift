import Foundation

/// Writes files so that a reader never sees half of one: write to a temporary file in the same
/// directory, flush it, then rename it over the destination (rename is atomic on POSIX file
/// systems).
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws {
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
                throw ReproError("cannot move \(temporary.path) to \(url.path): "
                                 + "\(String(cString: strerror(errno)))")
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
