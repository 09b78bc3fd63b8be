import ArgumentParser
import Foundation
import ReproData
import ReproExperiments

/// Where data and results live: flags first, then REPRO_DATA / REPRO_OUTPUT, then `data/` and
/// `output/` in the current directory (the repository root when run through make).
struct Locations: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "Directory holding the verified MNIST files (default: $REPRO_DATA or ./data).")
    var dataDir: String?

    @Option(name: .customLong("output"), help: "Output directory (default: $REPRO_OUTPUT or ./output).")
    var outputDir: String?

    var dataURL: URL {
        URL(fileURLWithPath: dataDir ?? ProcessInfo.processInfo.environment["REPRO_DATA"] ?? "data", isDirectory: true)
    }

    var outputURL: URL {
        URL(fileURLWithPath: outputDir ?? ProcessInfo.processInfo.environment["REPRO_OUTPUT"] ?? "output", isDirectory: true)
    }

    var mnist: MNISTDirectory { MNISTDirectory(url: dataURL) }
    var store: ResultStore { ResultStore(root: outputURL.appendingPathComponent("results")) }

    var runner: ExperimentRunner {
        let directory = mnist
        return ExperimentRunner(store: store) { try directory.load() }
    }
}
