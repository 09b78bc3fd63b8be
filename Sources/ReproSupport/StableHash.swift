import Crypto
import Foundation

/// Hashes that stay the same across runs, machines and Swift versions (unlike `Hasher`).
public enum StableHash {
    /// 64-bit FNV-1a of the UTF-8 bytes of `text`.
    public static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The 32 bytes of the SHA-256 of `data`.
    public static func sha256(_ data: Data) -> Data { Data(SHA256.hash(data: data)) }

    /// Lower-case hex SHA-256 of `data`.
    public static func sha256Hex(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// Lower-case hex MD5 of `data`: only to compare with checksums a data set's publishers
    /// give in MD5 (CIFAR's); never as a content key.
    public static func md5Hex(_ data: Data) -> String {
        Insecure.MD5.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// Lower-case hex SHA-256 of a file, read in chunks so large files do not sit in memory twice.
    public static func sha256Hex(fileAt url: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 22), !chunk.isEmpty {
            hasher.update(data: chunk)
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// A short content key for any `Encodable` value: the first 16 hex digits of the SHA-256 of its
    /// canonical JSON (sorted keys), so equal specs always give equal keys.
    public static func key<T: Encodable>(_ value: T) throws -> String {
        String(sha256Hex(try CanonicalJSON.encode(value)).prefix(16))
    }
}
