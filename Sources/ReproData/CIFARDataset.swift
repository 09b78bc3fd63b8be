import Foundation

/// CIFAR-10 and CIFAR-100 as their publishers release them (the "Python version" archives of
/// the University of Toronto's CIFAR page): the archive's name, size and MD5, and each member
/// file with its MD5 — the checksums torchvision's `CIFAR10` / `CIFAR100` datasets verify.
public enum CIFARDataset: String, CaseIterable, Sendable, Codable {
    case cifar10
    case cifar100

    public struct Member: Sendable {
        public var name: String
        public var md5: String
        /// Images in it (0 for the label-name file).
        public var images: Int
    }

    public var title: String { self == .cifar10 ? "CIFAR-10" : "CIFAR-100" }
    public var archiveName: String { self == .cifar10 ? "cifar-10-python.tar.gz" : "cifar-100-python.tar.gz" }
    public var url: String { "https://www.cs.toronto.edu/~kriz/" + archiveName }
    public var archiveBytes: Int { self == .cifar10 ? 170_498_071 : 169_001_437 }
    public var archiveMD5: String {
        self == .cifar10 ? "c58f30108f718f92721af3b95e74349a" : "eb9058c3a382ffc7106e4002c42a8d85"
    }
    /// The folder the archive unpacks to, kept under the data directory.
    public var folder: String { self == .cifar10 ? "cifar-10-batches-py" : "cifar-100-python" }
    public var classes: Int { self == .cifar10 ? 10 : 100 }
    /// The label list of a batch: CIFAR-100's 100 fine classes (its 20 coarse ones are unused).
    public var labelKey: String { self == .cifar10 ? "labels" : "fine_labels" }

    public var train: [Member] {
        switch self {
        case .cifar10:
            return [("data_batch_1", "c99cafc152244af753f735de768cd75f"),
                    ("data_batch_2", "d4bba439e000b95fd0a9bffe97cbabec"),
                    ("data_batch_3", "54ebc095f3ab1f0389bbae665268c751"),
                    ("data_batch_4", "634d18415352ddfa80567beed471001a"),
                    ("data_batch_5", "482c414d41f54cd18b22e5b47cb7c3cb")]
                .map { Member(name: $0.0, md5: $0.1, images: 10_000) }
        case .cifar100:
            return [Member(name: "train", md5: "16019d7e3df5f24257cddd939b257f8d", images: 50_000)]
        }
    }

    public var test: Member {
        self == .cifar10
            ? Member(name: "test_batch", md5: "40351d587109b95175f43aff81a1287e", images: 10_000)
            : Member(name: "test", md5: "f0ef6b0ae62326f3e7ffdfab6717acfc", images: 10_000)
    }

    public var meta: Member {
        self == .cifar10
            ? Member(name: "batches.meta", md5: "5ff9c542aee3614f3951f8cda6e48888", images: 0)
            : Member(name: "meta", md5: "7973b15100ade9c7d40fb424638fde48", images: 0)
    }

    public var members: [Member] { train + [test, meta] }

    /// The one command that installs it, named in every error about missing CIFAR data.
    public var fetchHint: String {
        "run `repro data fetch --dataset \(rawValue) --from <path of \(archiveName)>` "
            + "(the archive from \(url))"
    }
}

/// Images of one CIFAR split: each 3 × 32 × 32 bytes as stored (the red plane, then green, then
/// blue, rows top to bottom), and their labels.
public struct CIFARImages: Equatable, Sendable {
    public static let pixels = 3 * 32 * 32

    public var pixels: [UInt8]
    public var labels: [UInt8]
    public var count: Int { labels.count }

    public init(pixels: [UInt8], labels: [UInt8]) {
        self.pixels = pixels
        self.labels = labels
    }

    public func classCounts(_ classes: Int) -> [Int] {
        labels.reduce(into: [Int](repeating: 0, count: classes)) { $0[Int($1)] += 1 }
    }
}

/// A whole CIFAR data set: 50,000 training and 10,000 test images.
public struct CIFAR: Sendable {
    public var dataset: CIFARDataset
    public var train: CIFARImages
    public var test: CIFARImages
    /// Whether it was installed from an archive that is not the official one (test data).
    public var unofficial: Bool
    /// What networks trained on it name as their data (``CIFARDirectory/identity``).
    public var identity: String

    public init(dataset: CIFARDataset, train: CIFARImages, test: CIFARImages,
                unofficial: Bool, identity: String) {
        self.dataset = dataset; self.train = train; self.test = test
        self.unofficial = unofficial; self.identity = identity
    }
}

extension CIFARDataset {
    /// Per-channel (red, green, blue) mean and standard deviation of the training images' pixels
    /// in [0, 1] — the usual constants of CIFAR code: the models normalise with them. We use the
    /// standard deviation over all pixels of a channel (0.247, 0.243, 0.261 for CIFAR-10), not the
    /// widely copied (0.2023, 0.1994, 0.2010), which is an average of per-image deviations.
    public var channelMeans: [Double] {
        self == .cifar10 ? [0.4914, 0.4822, 0.4465] : [0.5071, 0.4865, 0.4409]
    }
    public var channelDeviations: [Double] {
        self == .cifar10 ? [0.2470, 0.2435, 0.2616] : [0.2673, 0.2564, 0.2762]
    }

    /// What a network trained on it names as its data: the official archive's MD5. An
    /// unofficial install (test data) is named by its members' MD5s instead
    /// (``CIFARDirectory/identity``), so networks trained on it never pass for real ones.
    public var officialIdentity: String { "\(rawValue)-md5:\(archiveMD5)" }
}
