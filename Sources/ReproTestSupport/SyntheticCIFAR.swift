import Foundation
import ReproData

/// CIFAR archives in the official format (a gzipped ustar of pickled batch dicts), built from
/// small synthetic images so the tests never need the real data: image i of a split has every
/// pixel of channel c equal to (label · 7 + c · 50 + i) mod 256, labels cycle through the classes.
public enum SyntheticCIFAR {
    /// The pickled batch of `count` images starting at label offset `first`.
    public static func batch(_ dataset: CIFARDataset, count: Int, first: Int = 0) -> Data {
        let labels = (0..<count).map { (first + $0) % dataset.classes }
        var pixels = Data(capacity: count * CIFARImages.pixels)
        for (i, label) in labels.enumerated() {
            for c in 0..<3 {
                pixels.append(contentsOf: [UInt8](repeating: UInt8((label * 7 + c * 50 + i) % 256),
                                                  count: 1024))
            }
        }
        var w = PickleWriter()
        var entries: [(String, (inout PickleWriter) -> Void)] = [
            ("batch_label", { $0.shortString("synthetic batch") }),
            ("data", { $0.array(shape: [count, CIFARImages.pixels], dtype: "u1", payload: pixels) }),
            (dataset.labelKey, { $0.intList(labels) }),
        ]
        if dataset == .cifar100 {
            entries.append(("coarse_labels", { $0.intList(labels.map { $0 / 5 }) }))
        }
        w.dict(entries)
        w.stop()
        return w.bytes
    }

    /// A gzipped tar of the data set's members under its folder: `perBatch` images in each
    /// training batch and in the test batch.
    public static func archive(_ dataset: CIFARDataset, perBatch: Int = 20) throws -> Data {
        var members: [(String, Data)] = dataset.train.enumerated().map { k, m in
            ("\(dataset.folder)/\(m.name)", batch(dataset, count: perBatch, first: k))
        }
        members.append(("\(dataset.folder)/\(dataset.test.name)", batch(dataset, count: perBatch, first: 3)))
        var meta = PickleWriter()
        meta.dict([("label_names", { $0.intList([]) })])
        meta.stop()
        members.append(("\(dataset.folder)/\(dataset.meta.name)", meta.bytes))
        return try Gzip.compress(tar(members))
    }

    /// A `.npy` file as NumPy writes it (version 1, header padded to 64 bytes).
    public static func npy(_ descr: String, shape: [Int], payload: Data, fortran: Bool = false) -> Data {
        let shapeText = "(" + shape.map(String.init).joined(separator: ", ") + (shape.count == 1 ? ",)" : ")")
        var header = "{'descr': '\(descr)', 'fortran_order': \(fortran ? "True" : "False"), 'shape': \(shapeText), }"
        while (10 + header.utf8.count + 1) % 64 != 0 { header += " " }
        header += "\n"
        var data = Data([0x93] + Array("NUMPY".utf8) + [1, 0])
        data.append(contentsOf: [UInt8(header.utf8.count & 0xff), UInt8(header.utf8.count >> 8)])
        data.append(contentsOf: Array(header.utf8))
        data.append(payload)
        return data
    }

    /// A CIFAR-C release folder in miniature: per corruption 5 severities × `perSeverity` images
    /// (N × 32 × 32 × 3, pixel (image i, row, column, channel c) = (i + 10·c + corruption index)
    /// mod 256), and int64 labels i mod classes. Returns the folder.
    public static func corruptedFolder(_ dataset: CIFARDataset, perSeverity: Int, in parent: URL) throws -> URL {
        let folder = parent.appendingPathComponent(CIFARCorrupted.folder(dataset))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let n = 5 * perSeverity
        for (k, name) in CIFARCorrupted.corruptions.enumerated() {
            var pixels = Data(capacity: n * 3072)
            for i in 0..<n {
                for _ in 0..<1024 {
                    for c in 0..<3 { pixels.append(UInt8((i + 10 * c + k) % 256)) }
                }
            }
            try npy("|u1", shape: [n, 32, 32, 3], payload: pixels)
                .write(to: folder.appendingPathComponent(name + ".npy"))
        }
        try npy("<i8", shape: [n], payload: PickleWriter.int64((0..<n).map { Int64($0 % dataset.classes) }))
            .write(to: folder.appendingPathComponent("labels.npy"))
        return folder
    }

    /// A ustar archive of regular files.
    public static func tar(_ files: [(String, Data)]) -> Data {
        var out = Data()
        for (name, contents) in files {
            var header = [UInt8](repeating: 0, count: 512)
            func put(_ text: String, at offset: Int) {
                for (k, b) in text.utf8.enumerated() { header[offset + k] = b }
            }
            put(name, at: 0)
            put("0000644", at: 100); put("0000000", at: 108); put("0000000", at: 116)
            put(String(format: "%011o", contents.count), at: 124)
            put("00000000000", at: 136)
            header[156] = UInt8(ascii: "0")
            put("ustar", at: 257); put("00", at: 263)
            for k in 148..<156 { header[k] = 32 }
            let sum = header.reduce(0) { $0 + Int($1) }
            put(String(format: "%06o", sum), at: 148); header[154] = 0
            out.append(contentsOf: header)
            out.append(contents)
            out.append(Data(count: (512 - contents.count % 512) % 512))
        }
        out.append(Data(count: 1024))
        return out
    }

    /// A learnable CIFAR set in memory: image i of class k is noise around a class pattern (a
    /// bright square in channel k mod 3 at a place set by k), `perClass` training and
    /// `testPerClass` test images per class, named by `identity` as an unofficial install is.
    public static func cifar(_ dataset: CIFARDataset, perClass: Int = 20, testPerClass: Int = 5,
                             identity: String = "synthetic") -> CIFAR {
        func split(_ perClass: Int, salt: Int) -> CIFARImages {
            var pixels: [UInt8] = []
            var labels: [UInt8] = []
            pixels.reserveCapacity(perClass * dataset.classes * CIFARImages.pixels)
            var state = UInt64(truncatingIfNeeded: 0x9E37_79B9 &+ salt)
            for i in 0..<(perClass * dataset.classes) {
                let k = i % dataset.classes
                labels.append(UInt8(k))
                let (top, left) = ((k / 4) % 4 * 8, k % 4 * 8)
                for c in 0..<3 {
                    for y in 0..<32 {
                        for x in 0..<32 {
                            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                            let noise = Int(state >> 58)          // 0…63
                            let inside = c == k % 3 && (top..<(top + 8)).contains(y)
                                && (left..<(left + 8)).contains(x)
                            pixels.append(UInt8(min(255, (inside ? 160 : 40) + noise)))
                        }
                    }
                }
            }
            return CIFARImages(pixels: pixels, labels: labels)
        }
        return CIFAR(dataset: dataset, train: split(perClass, salt: 1),
                     test: split(testPerClass, salt: 2), unofficial: true, identity: identity)
    }
}
