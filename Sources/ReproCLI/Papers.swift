import ReproPaper1
import ReproPaper2
import ReproReport

/// The registry: every paper `repro` reproduces. Adding a paper is one line here.
enum Papers {
    static let all: [any PaperReproduction] = [Paper1Reproduction(), Paper2Reproduction()]

    static var ids: [String] { all.map(\.id) }

    static func paper(_ id: String) -> (any PaperReproduction)? { all.first { $0.id == id } }

    /// The paper that has an experiment of this name.
    static func owner(of experiment: String) -> (any PaperReproduction)? {
        all.first { $0.experiments.contains { $0.name == experiment } }
    }

    static var experimentNames: [String] { all.flatMap { $0.experiments.map(\.name) } }
}
