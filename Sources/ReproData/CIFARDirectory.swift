import Foundation
import ReproSupport

/// Where a CIFAR data set lives in the data directory: the official archive's member files,
/// unpacked into `<data>/<folder>/` (`cifar-10-batches-py`, `cifar-100-python`) after every
/// check passed, so each read verifies them again by their published MD5. An archive that is not
/// the official one (test data, installed only when asked) is marked by an `UNOFFICIAL` file
/// listing its members' MD5s instead, and everything read from it says so.
public struct CIFARDirectory {
    public let dataset: CIFARDataset
    public let url: URL
    /// What the official archive is: the publishers' size and checksums (tests give their own).
    let published: Published

    struct Published {
        var archiveBytes: Int
        var archiveMD5: String
        var members: [CIFARDataset.Member]

        init(_ dataset: CIFARDataset) {
            archiveBytes = dataset.archiveBytes
            archiveMD5 = dataset.archiveMD5
            members = dataset.members
        }
    }

    public init(data: URL, dataset: CIFARDataset) {
        self.init(data: data, dataset: dataset, published: Published(dataset))
    }

    init(data: URL, dataset: CIFARDataset, published: Published) {
        self.dataset = dataset
        self.url = data.appendingPathComponent(dataset.folder, isDirectory: true)
        self.published = published
    }

    var unofficialMarker: URL { url.appendingPathComponent("UNOFFICIAL") }
    /// Held while installing or reading, beside the folder: two installs (or an install and a
    /// read) never mix their files.
    var lockURL: URL { url.deletingLastPathComponent().appendingPathComponent(".\(dataset.folder).lock") }

    public var isInstalled: Bool {
        dataset.members.allSatisfy {
            FileManager.default.fileExists(atPath: url.appendingPathComponent($0.name).path)
        }
    }

    /// Verifies and unpacks an archive. The official one is recognised by its size and MD5 and
    /// then each member's MD5; anything else is refused unless `unofficial` (test data), in
    /// which case its members must still read as CIFAR batches. Returns a one-line summary.
    public func install(archive: URL, unofficial: Bool = false) throws -> String {
        let name = archive.lastPathComponent
        let bytes: Data
        do { bytes = try Data(contentsOf: archive) } catch {
            throw ReproError("\(archive.path) cannot be read; give the path of \(dataset.archiveName)")
        }
        let lock = try FileLock(lockURL)
        try lock.lock()
        defer { lock.unlock() }
        let md5 = StableHash.md5Hex(bytes)
        let official = bytes.count == published.archiveBytes && md5 == published.archiveMD5
        if !official && !unofficial {
            let why = bytes.count != published.archiveBytes
                ? "\(bytes.count) bytes, the official archive has \(published.archiveBytes)"
                    + (bytes.count < published.archiveBytes ? " (truncated?)" : "")
                : "MD5 \(md5), the official archive's is \(published.archiveMD5)"
            throw ReproError("\(name) is not the official \(dataset.archiveName): \(why); "
                             + "download it again from \(dataset.url), or add --unofficial if it "
                             + "is test data")
        }
        let tar = try TarArchive(try Gzip.decompress(bytes, name: name, limit: 1 << 30), name: name)
        var files: [(CIFARDataset.Member, Data)] = []
        for member in published.members {
            guard let contents = tar.file(named: "\(dataset.folder)/\(member.name)") else {
                throw ReproError("\(name) has no \(dataset.folder)/\(member.name); it is not "
                                 + "\(dataset.archiveName): give the path of that archive (from "
                                 + "\(dataset.url))")
            }
            if official, StableHash.md5Hex(contents) != member.md5 {
                throw ReproError("\(name): \(member.name) has the wrong MD5 (damaged archive); "
                                 + "download it again from \(dataset.url)")
            }
            if member.images > 0 {
                let images = try CIFARBatch.read(contents, dataset: dataset, name: member.name)
                if official, images.count != member.images {
                    throw ReproError("\(name): \(member.name) holds \(images.count) images, not "
                                     + "\(member.images)")
                }
            }
            files.append((member, contents))
        }
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (member, contents) in files {
            try AtomicFile.write(contents, to: url.appendingPathComponent(member.name))
        }
        if unofficial && !official {
            let lines = files.map { "\($0.0.name) \(StableHash.md5Hex($0.1))" }
            try AtomicFile.write(Data((lines.joined(separator: "\n") + "\n").utf8), to: unofficialMarker)
        } else {
            try? FileManager.default.removeItem(at: unofficialMarker)
        }
        let data = try loadUnlocked()
        return "\(dataset.title): \(data.train.count) training and \(data.test.count) test images "
            + "in \(url.path)" + (data.unofficial ? " (UNOFFICIAL test data, not the published set)"
                                  : " (official archive, every MD5 verified)")
    }

    /// The identity of the installed data, read without loading it: the official archive's
    /// (``CIFARDataset/officialIdentity``), or for an unofficial install the MD5 of its marker
    /// (its members' MD5s). Not installed: the official one, the data a run would ask for.
    public var identity: String { identity(marker: try? Data(contentsOf: unofficialMarker)) }

    /// Whether what is installed is test data, not the published set (`--unofficial`).
    public var isUnofficial: Bool { FileManager.default.fileExists(atPath: unofficialMarker.path) }

    private func identity(marker: Data?) -> String {
        marker.map { "\(dataset.rawValue)-unofficial-md5:\(StableHash.md5Hex($0))" }
            ?? dataset.officialIdentity
    }

    /// The verified data set; a one-line error naming the fix when it is missing or damaged.
    public func load() throws -> CIFAR {
        // A read-only data directory has no lock file to take, and no install to wait for.
        let lock = try? FileLock(lockURL)
        try? lock?.lock(shared: true)
        defer { lock?.unlock() }
        return try loadUnlocked()
    }

    /// `load()` for a caller that holds the lock (an install checking what it wrote).
    private func loadUnlocked() throws -> CIFAR {
        let markerData = try? Data(contentsOf: unofficialMarker)
        let marker = markerData.map { String(decoding: $0, as: UTF8.self) }
        var expected: [String: String] = [:]
        for line in (marker ?? "").split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2 { expected[String(parts[0])] = String(parts[1]) }
        }
        func read(_ member: CIFARDataset.Member) throws -> Data {
            let path = url.appendingPathComponent(member.name)
            guard let contents = try? Data(contentsOf: path) else {
                throw ReproError("\(dataset.title) file \(path.path) is missing; \(dataset.fetchHint)")
            }
            guard StableHash.md5Hex(contents) == (marker == nil ? member.md5 : expected[member.name]) else {
                throw ReproError("\(dataset.title) file \(path.path) is damaged (wrong MD5); "
                                 + "delete \(url.path) and \(dataset.fetchHint)")
            }
            return contents
        }
        func split(_ members: [CIFARDataset.Member]) throws -> CIFARImages {
            let parts = try members.map {
                try CIFARBatch.read(try read($0), dataset: dataset, name: $0.name)
            }
            return CIFARImages(pixels: parts.flatMap(\.pixels), labels: parts.flatMap(\.labels))
        }
        let members = published.members
        _ = try read(members[members.count - 1])
        return CIFAR(dataset: dataset, train: try split(Array(members.dropLast(2))),
                     test: try split([members[members.count - 2]]), unofficial: marker != nil,
                     identity: identity(marker: markerData))
    }
}
