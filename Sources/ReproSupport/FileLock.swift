import Foundation

/// An exclusive advisory lock on a file (`flock`): held until `unlock()` or until the object, or
/// its process, ends — a killed process frees its locks. Two `FileLock`s on one path exclude each
/// other also within one process.
public final class FileLock {
    public let url: URL
    private let descriptor: Int32
    private var held = false

    /// Opens (creating if needed) the lock file; nothing is locked yet.
    public init(_ url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                                withIntermediateDirectories: true)
        let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw ReproError("cannot open the lock file \(url.path): "
                             + "\(String(cString: strerror(errno)))")
        }
        self.url = url
        self.descriptor = fd
    }

    /// Takes the lock if nobody holds it; false at once if somebody does.
    public func tryLock() -> Bool {
        held = held || flock(descriptor, LOCK_EX | LOCK_NB) == 0
        return held
    }

    /// Waits for the lock; `shared`: a reader's, which other readers may hold at the same time
    /// (an exclusive holder waits for them all, and they for it).
    public func lock(shared: Bool = false) throws {
        while !held {
            if flock(descriptor, shared ? LOCK_SH : LOCK_EX) == 0 { held = true } else if errno != EINTR {
                throw ReproError("cannot lock \(url.path): \(String(cString: strerror(errno)))")
            }
        }
    }

    public func unlock() {
        if held { flock(descriptor, LOCK_UN) }
        held = false
    }

    deinit { close(descriptor) }
}
