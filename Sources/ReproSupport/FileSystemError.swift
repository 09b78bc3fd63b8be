import Foundation

/// Turns a failed file-system call (a Foundation error or a bare errno) into one sentence that
/// names the path and the fix, so that no `Error Domain=NSCocoaErrorDomain Code=…` dump ever
/// reaches the user. Every write (``AtomicFile``, ``WritableDirectory``) and the command line's
/// last line of defence go through here.
public enum FileSystemError {
    /// Whether the failed call was reading or writing (the fix differs).
    public enum Access: Sendable { case reading, writing }

    /// The one-line error for `error`, or nil when it is not a file-system error (a
    /// ``ReproError`` or any other error is the caller's to report as it is). `path` (what the
    /// user named, e.g. the output directory) takes precedence over the path inside the error.
    public static func describe(_ error: Error, path: String? = nil,
                                access: Access? = nil) -> ReproError? {
        guard let failure = Failure(error) else { return nil }
        guard let where_ = path ?? failure.path else {
            return ReproError("a file could not be \(verb(access ?? failure.access ?? .writing)): "
                              + String(cString: strerror(failure.errno)))
        }
        return ReproError(message(errno: failure.errno, path: where_,
                                  access: access ?? failure.access ?? .writing))
    }

    /// `error` itself, unless it is a raw file-system error: that becomes its one-line form.
    public static func plain(_ error: Error) -> Error {
        describe(error) ?? error
    }

    /// The sentence for errno `code` on `path`: what is wrong and what to do.
    public static func message(errno code: Int32, path: String, access: Access) -> String {
        let action = "cannot \(access == .writing ? "write" : "read") \(path)"
        switch code {
        case ENOENT where access == .writing:
            return "\(action): a folder on the way does not exist or cannot hold files (as in "
                + "/proc); choose a directory on a writable disk"
        case ENOENT:
            return "\(action): it does not exist; check the path"
        case ENOTDIR, EEXIST, ELOOP:
            if let link = brokenLink(on: path) { return "\(action): \(link); fix or remove the link, or choose another path" }
            let file = firstFile(on: path).map { "\($0) is a file, not a folder" }
                ?? "part of the path is a file, not a folder"
            return "\(action): \(file); move that file away or choose another path"
        case EISDIR where access == .writing:
            return "\(action): it is a folder where a file belongs; remove it (rm -r \(path)) or "
                + "choose another path"
        case EISDIR:
            return "\(action): it is a folder, not a file; give the path of the file itself"
        case EACCES, EPERM:
            return access == .writing
                ? "\(action): permission denied; make it writable (chmod u+w) or choose a "
                    + "directory you can write"
                : "\(action): permission denied; make it readable (chmod u+r) or use a copy you "
                    + "can read"
        case ENOSPC, EDQUOT:
            return "\(action): the disk is full (or your quota is used up); free some space "
                + "(df -h shows how much is left) or choose a directory on another disk"
        case EROFS:
            return "\(action): the file system is read-only; choose a directory on a writable "
                + "disk"
        case ENAMETOOLONG:
            return "\(action): the path or one of its names is too long; choose a shorter path"
        default:
            return "\(action): \(String(cString: strerror(code)))"
        }
    }

    /// The prefixes of `path`, shortest first.
    static func prefixes(_ path: String) -> [String] {
        var prefix = URL(fileURLWithPath: path).standardized
        var prefixes: [String] = []
        while prefix.path != "/" && !prefix.path.isEmpty {
            prefixes.append(prefix.path)
            prefix.deleteLastPathComponent()
        }
        return prefixes.reversed()
    }

    /// The first prefix of `path` that is a symbolic link leading nowhere, said as "X is a
    /// symbolic link to Y, which does not exist" (or "… that loops"); nil if there is none.
    static func brokenLink(on path: String) -> String? {
        for candidate in prefixes(path) {
            var info = stat()
            guard lstat(candidate, &info) == 0 else { return nil }
            guard info.st_mode & S_IFMT == S_IFLNK else { continue }
            if stat(candidate, &info) == 0 { continue }
            let failure = errno
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: candidate)) ?? "?"
            return failure == ELOOP ? "\(candidate) is a symbolic link that loops (to \(target))"
                : "\(candidate) is a symbolic link to \(target), which does not exist"
        }
        return nil
    }

    /// The first existing prefix of `path` that is not a directory: the file that blocks it.
    static func firstFile(on path: String) -> String? {
        for candidate in prefixes(path) {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory)
            else { return nil }
            if !isDirectory.boolValue { return candidate }
        }
        return nil
    }

    private static func verb(_ access: Access) -> String {
        access == .writing ? "written" : "read"
    }

    /// What a Foundation or POSIX error says: the errno behind it, the path, and (from Cocoa's
    /// code ranges) whether it was reading or writing.
    struct Failure {
        var errno: Int32
        var path: String?
        var access: Access?

        init?(_ error: Error) {
            if error is ReproError { return nil }
            if let posix = error as? POSIXError {
                self.init(errno: posix.code.rawValue, path: nil, access: nil)
                return
            }
            let ns = error as NSError
            let path = (ns.userInfo[NSFilePathErrorKey] as? String)
                ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path
            switch ns.domain {
            case NSPOSIXErrorDomain:
                self.init(errno: Int32(ns.code), path: path, access: nil)
            case NSCocoaErrorDomain:
                let access: Access? = (256..<512).contains(ns.code) ? .reading
                    : (512..<768).contains(ns.code) ? .writing : nil
                // On Linux the underlying error is stored as an `Error`, not as an `NSError`.
                let underlying = (ns.userInfo[NSUnderlyingErrorKey] as? Error).map { $0 as NSError }
                if let underlying, underlying.domain == NSPOSIXErrorDomain {
                    self.init(errno: Int32(underlying.code), path: path, access: access)
                } else if let code = Self.errno(cocoa: ns.code) {
                    self.init(errno: code, path: path, access: access)
                } else {
                    return nil
                }
            default:
                return nil
            }
        }

        init(errno: Int32, path: String?, access: Access?) {
            self.errno = errno
            self.path = path
            self.access = access
        }

        /// The errno a Cocoa file error code stands for (Foundation maps errno to these).
        static func errno(cocoa code: Int) -> Int32? {
            switch CocoaError.Code(rawValue: code) {
            case .fileNoSuchFile, .fileReadNoSuchFile: return ENOENT
            case .fileReadNoPermission, .fileWriteNoPermission, .fileLocking: return EACCES
            case .fileWriteOutOfSpace: return ENOSPC
            case .fileWriteVolumeReadOnly: return EROFS
            case .fileWriteFileExists: return EEXIST
            case .fileReadInvalidFileName, .fileWriteInvalidFileName: return ENAMETOOLONG
            case .fileReadTooLarge: return EFBIG
            case .fileReadUnknown, .fileWriteUnknown, .fileReadCorruptFile: return EIO
            default: return nil
            }
        }
    }
}
