import Foundation
import ReproSupport

/// The regular files of a tar archive (POSIX ustar, with GNU long names and pax `path` records),
/// read from memory: CIFAR's official archives are gzipped tars of a few pickled batches. Each
/// header's checksum is verified, and an archive that ends inside a header or a file is refused.
public struct TarArchive {
    public struct Entry: Equatable {
        public var name: String
        public var contents: Data
    }

    public let entries: [Entry]

    public init(_ data: Data, name: String) throws {
        func fail(_ why: String) -> ReproError { ReproError("\(name): \(why)") }
        var files: [Entry] = []
        var offset = data.startIndex
        var longName: String?
        while offset + 512 <= data.endIndex {
            let header = data[offset..<offset + 512]
            if header.allSatisfy({ $0 == 0 }), !files.isEmpty { self.init(entries: files); return }
            guard Self.checksumMatches(header) else {
                throw fail("a tar header at byte \(offset - data.startIndex) has a wrong checksum "
                           + "(not a tar archive, or damaged); download the archive again")
            }
            guard let size = Self.octal(header, 124, 12) else {
                throw fail("a tar header at byte \(offset - data.startIndex) has no size (damaged); "
                           + "download the archive again")
            }
            let start = offset + 512
            guard size >= 0, start + size <= data.endIndex else {
                throw fail("the archive ends inside a file (truncated); download it again")
            }
            let contents = data[start..<start + size]
            let type = header[header.startIndex + 156]
            switch type {
            case UInt8(ascii: "L"):             // GNU: the next entry's long name
                longName = Self.text(contents)
            case UInt8(ascii: "x"):             // pax: the next entry's attributes
                longName = Self.paxPath(contents) ?? longName
            case 0, UInt8(ascii: "0"):
                // POSIX ustar ("ustar\0") keeps a path prefix here; old GNU tar, timestamps.
                let posix = header[(header.startIndex + 257)..<(header.startIndex + 263)] == Data("ustar\0".utf8)
                let prefix = posix ? Self.text(header[(header.startIndex + 345)..<(header.startIndex + 500)]) : ""
                let short = Self.text(header[header.startIndex..<(header.startIndex + 100)])
                let name = longName ?? (prefix.isEmpty ? short : prefix + "/" + short)
                files.append(Entry(name: name, contents: Data(contents)))
                longName = nil
            default:                            // directories, links: not needed
                longName = nil
            }
            offset = start + (size + 511) / 512 * 512
        }
        guard offset == data.endIndex, !files.isEmpty else {
            throw fail("the archive ends inside a tar header (truncated); download it again")
        }
        self.init(entries: files)
    }

    public init(entries: [Entry]) { self.entries = entries }

    /// The file whose path ends in `/name` (or is `name`).
    public func file(named name: String) -> Data? {
        entries.first { $0.name == name || $0.name.hasSuffix("/" + name) }?.contents
    }

    /// The header's checksum field: the sum of its bytes with that field read as spaces.
    static func checksumMatches(_ header: Data) -> Bool {
        guard let stored = octal(header, 148, 8) else { return false }
        let s = header.startIndex
        let sum = header.indices.reduce(0) { total, i in
            total + ((s + 148..<s + 156).contains(i) ? 32 : Int(header[i]))
        }
        return sum == stored
    }

    /// An octal number field (NUL- or space-terminated), or nil.
    static func octal(_ header: Data, _ at: Int, _ length: Int) -> Int? {
        let s = header.startIndex + at
        let digits = header[s..<s + length].drop { $0 == 32 }.prefix { (0x30...0x37).contains($0) }
        guard !digits.isEmpty else { return nil }
        return Int(String(decoding: digits, as: UTF8.self), radix: 8)
    }

    static func text(_ field: Data) -> String {
        String(decoding: field.prefix { $0 != 0 }, as: UTF8.self)
    }

    /// The `path` attribute of a pax extended header ("<length> path=<value>\n" records).
    static func paxPath(_ records: Data) -> String? {
        for record in String(decoding: records, as: UTF8.self).split(separator: "\n") {
            guard let space = record.firstIndex(of: " ") else { continue }
            let pair = record[record.index(after: space)...]
            if pair.hasPrefix("path=") { return String(pair.dropFirst(5)) }
        }
        return nil
    }
}
