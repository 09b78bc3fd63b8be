import CZlibShim
import Foundation
import ReproSupport

/// One capped zlib inflation of a gzip stream: zlib is never given room for more than `limit + 1`
/// bytes in total, so the memory an input can claim is bounded by the caller's expectation, not by
/// the stream.
enum GzipInflater {
    struct Result {
        /// At most `limit` bytes.
        var output: Data
        /// The stream ended within `limit` bytes.
        var complete: Bool
        /// How many bytes zlib produced (at most `limit + 1`: the extra one shows the overrun).
        var produced: Int
    }

    static func inflate(_ data: Data, name: String, upTo limit: Int) throws -> Result {
        let limit = max(0, limit)
        var stream = z_stream()
        guard inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION,
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ReproError("\(name): zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: min(1 << 20, limit + 1))
        var produced = 0
        var status: Int32 = Z_OK
        try data.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
            stream.next_in = UnsafeMutablePointer(
                mutating: input.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(input.count)
            while status != Z_STREAM_END && produced <= limit {
                let room = min(buffer.count, limit + 1 - produced)
                status = buffer.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(room)
                    return CZlibShim.inflate(&stream, Z_NO_FLUSH)
                }
                let got = room - Int(stream.avail_out)
                if status == Z_BUF_ERROR
                    || (status == Z_OK && stream.avail_in == 0 && stream.avail_out != 0) {
                    throw ReproError("\(name): gzip stream is truncated")
                }
                guard status == Z_OK || status == Z_STREAM_END else {
                    throw ReproError("\(name): corrupt gzip data (zlib error \(status))")
                }
                output.append(buffer, count: min(got, limit - produced))
                produced += got
            }
        }
        return Result(output: output, complete: status == Z_STREAM_END && produced <= limit,
                      produced: produced)
    }
}
