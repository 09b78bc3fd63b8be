import ArgumentParser
import Foundation
import ReproData
import ReproExperiments
import ReproReport
import ReproSupport

/// Where data and results live: flags first, then REPRO_DATA / REPRO_OUTPUT, then `data/` and
/// `output/` in the current directory (the repository root when run through make).
struct Locations: ParsableArguments {
    @Option(name: .customLong("data-dir"),
            help: "Directory holding the verified MNIST files (default: $REPRO_DATA or ./data).")
    var dataDir: String?

    @Option(name: .customLong("output"),
            help: "Output directory (default: $REPRO_OUTPUT or ./output).")
    var outputDir: String?

    func validate() throws {
        if outputDir?.isEmpty == true {
            throw ValidationError("--output: give a directory, not an empty path")
        }
        if dataDir?.isEmpty == true {
            throw ValidationError("--data-dir: give a directory, not an empty path")
        }
        // An empty variable would silently mean the current directory.
        let environment = ProcessInfo.processInfo.environment
        for (name, flag) in [("REPRO_OUTPUT", outputDir), ("REPRO_DATA", dataDir)]
        where flag == nil && environment[name]?.isEmpty == true {
            throw ValidationError("\(name) is set but empty; unset it or set it to a directory")
        }
    }

    /// Refuses `--output` on a command that writes nothing there (data, bench).
    func refuseOutput(for command: String, _ reason: String) throws {
        guard outputDir == nil else {
            throw ValidationError("--output does not apply to \(command); \(reason)")
        }
    }

    /// Checks, before any work, that each paper's results store and `others` can be written
    /// (creating them), so that an unwritable output fails now in one line, not after training.
    func checkWritable(papers: [String], _ others: [URL] = []) throws {
        let stores = papers.map { ReportLayout(output: outputURL, paper: $0, quick: false).results }
        for directory in stores + others { try WritableDirectory.check(directory) }
    }

    var dataURL: URL {
        URL(fileURLWithPath: dataDir ?? ProcessInfo.processInfo.environment["REPRO_DATA"] ?? "data",
            isDirectory: true)
    }

    var outputURL: URL {
        URL(fileURLWithPath: outputDir ?? ProcessInfo.processInfo.environment["REPRO_OUTPUT"]
            ?? "output",
            isDirectory: true)
    }

    var mnist: MNISTDirectory { MNISTDirectory(url: dataURL) }

    /// One data source per process: MNIST is verified and read once, whatever runs.
    var data: DataSource { Self.sharedData(mnist) }

    /// A runner writing into one paper's store (`output/<paper>/results/`).
    func runner(for paper: String) -> ExperimentRunner {
        let layout = ReportLayout(output: outputURL, paper: paper, quick: false)
        return ExperimentRunner(store: ResultStore(root: layout.results), data: data)
    }

    private nonisolated(unsafe) static var sources: [String: DataSource] = [:]

    private static func sharedData(_ directory: MNISTDirectory) -> DataSource {
        if let source = sources[directory.url.path] { return source }
        let source = DataSource(directory: directory)
        sources[directory.url.path] = source
        return source
    }
}
