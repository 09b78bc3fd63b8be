import ArgumentParser
import Foundation
import ReproData
import ReproExperiments
import ReproNN
import ReproReport

extension Precision: ExpressibleByArgument {}
extension MNISTSource: ExpressibleByArgument {}
extension RandomSource: ExpressibleByArgument {}

extension DigitPair: ExpressibleByArgument {
    public init?(argument: String) { try? self.init(parsing: argument) }
}

extension Shard: ExpressibleByArgument {
    public init?(argument: String) { try? self.init(parsing: argument) }
}

/// A comma-separated list option (`--seeds 0,42`): parsed and checked by the argument parser,
/// so a bad item is refused with the usage line before any work starts. An empty argument is
/// an empty list, which the command's validation refuses by name (``ExperimentArguments``).
struct CommaList<Element: ExpressibleByArgument>: ExpressibleByArgument {
    var values: [Element]

    init?(argument: String) {
        guard !argument.trimmingCharacters(in: .whitespaces).isEmpty else {
            values = []
            return
        }
        let items = argument.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        let parsed = items.compactMap(Element.init(argument:))
        guard parsed.count == items.count else { return nil }
        values = parsed
    }
}

/// One of the papers in the registry, or `all`.
struct PaperChoice: ExpressibleByArgument, Equatable {
    var id: String

    init?(argument: String) {
        let id = argument.hasPrefix("paper") ? argument : "paper\(argument)"
        guard id == "paperall" || argument == "all" || Papers.ids.contains(id) else { return nil }
        self.id = argument == "all" ? "all" : id
    }

    static var allValueStrings: [String] { Papers.ids + ["all"] }

    /// How `--help` prints the default ("all", not the struct).
    var defaultValueDescription: String { id }

    /// Refuses a paper that has no report yet, naming what it has instead.
    func requireReports() throws {
        for paper in papers where !paper.buildsReport {
            let names = paper.experiments.map(\.name).joined(separator: ", ")
            throw ValidationError("--paper: \(paper.id) has no report yet, only experiments "
                                  + "(\(names)); "
                                  + "run them with `repro run <experiment>`")
        }
    }

    /// Refuses `--rng numpy` for a paper that cannot replay the published code's draws (its
    /// results would be the default ones, filed under `numpy/`).
    func require(_ rng: RandomSource) throws {
        for paper in papers where !paper.randomSources.contains(rng) {
            let able = Papers.all.filter { $0.randomSources.contains(rng) }.map(\.id)
            let names = able.joined(separator: " or ")
            throw ValidationError("--rng \(rng.rawValue) does not apply to \(paper.id); only "
                                  + "\(names) can use it, so choose \(names)")
        }
    }

    /// Refuses a `--paper-facts` or `--templates` root that has no folder for one of the
    /// papers (run from outside the repository, or a typo), before any work.
    func requireFolders(_ root: String, option: String, holding what: String) throws {
        for paper in papers {
            let folder = URL(fileURLWithPath: root, isDirectory: true).appendingPathComponent(paper.id)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory),
                  isDirectory.boolValue else {
                throw ValidationError("\(option): no folder \(folder.path) (the \(what) of "
                                      + "\(paper.id)); run repro from the repository root or give "
                                      + "\(option) DIR")
            }
        }
    }

    /// The papers this choice stands for (`all`: those that have a report).
    var papers: [any ReproReport.PaperReproduction] {
        id == "all" ? Papers.all.filter(\.buildsReport) : Papers.all.filter { $0.id == id }
    }
}

/// An experiment some registered paper has.
struct ExperimentName: ExpressibleByArgument {
    var name: String

    /// Any name parses; ``check()`` refuses an unknown one in one line that lists the choices
    /// (ArgumentParser's own message spreads them over several lines).
    init?(argument: String) { name = argument }

    func check() throws {
        guard Papers.owner(of: name) == nil else { return }
        throw ValidationError("unknown experiment '\(name)'; choose one of "
                              + Papers.experimentNames.joined(separator: ", "))
    }

    static var allValueStrings: [String] { Papers.experimentNames }
}
