import CZlibShim
import Foundation
import ReproSupport

/// gzip (RFC 1952) through zlib. Inflation is always bounded: it stops as soon as the output would
/// pass the size the caller expects, so a small hostile `.gz` cannot fill memory before a size
/// check.
public enum Gzip {
    public static func isGzip(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == 0x1f && data[data.startIndex + 1] == 0x8b
    }

    /// Inflates a whole gzip stream that must inflate to at most `limit` bytes. A corrupt or
    /// truncated stream, or one that inflates past `limit`, is a one-line error naming `name`.
    public static func decompress(_ data: Data, name: String = "input", limit: Int) throws -> Data {
        let result = try GzipInflater.inflate(data, name: name, upTo: limit)
        guard result.complete else {
            throw ReproError("\(name): gzip data inflates to more than \(limit) bytes, the most "
                             + "expected; it is not the expected file (delete or replace it)")
        }
        return result.output
    }

    /// The first `count` inflated bytes (fewer if the stream is shorter); reads no further.
    public static func prefix(_ data: Data, name: String = "input", count: Int) throws -> Data {
        try GzipInflater.inflate(data, name: name, upTo: count).output
    }

    /// Compresses `data` into a gzip stream (used to build test fixtures and caches).
    public static func compress(_ data: Data, level: Int32 = 6) throws -> Data {
        var stream = z_stream()
        guard deflateInit2_(&stream, level, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
                            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ReproError("zlib could not start compressing")
        }
        defer { deflateEnd(&stream) }
        var output = Data()
        let chunk = 1 << 20
        var buffer = [UInt8](repeating: 0, count: chunk)
        data.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
            stream.next_in = UnsafeMutablePointer(
                mutating: input.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(input.count)
            var status: Int32 = Z_OK
            repeat {
                status = buffer.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(chunk)
                    return deflate(&stream, Z_FINISH)
                }
                output.append(buffer, count: chunk - Int(stream.avail_out))
            } while status == Z_OK
        }
        return output
    }
}
