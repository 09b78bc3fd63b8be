import Foundation
import ReproData
import ReproExperiments
import ReproKernelDispatch
import ReproNN

/// One experiment behind a report: its plan's hash, how many models, and what they cost.
public struct ProvenanceExperiment: Codable, Sendable {
    public var name: String
    public var specHash: String
    public var models: Int
    /// Sum of the wall times of the batches that trained its models.
    public var computeSeconds: Double
    public var seeds: [Int]

    public init(name: String, specHash: String, models: Int, computeSeconds: Double, seeds: [Int]) {
        self.name = name; self.specHash = specHash; self.models = models
        self.computeSeconds = computeSeconds; self.seeds = seeds
    }

    /// The record of a completed plan in `store` (zeros if it never completed).
    public init(_ plan: some ExperimentPlanning, seeds: [Int], store: ResultStore) {
        let run = store.run(experiment: plan.experiment, planKey: plan.key)
        self.init(name: plan.experiment, specHash: plan.key, models: run?.modelKeys.count ?? 0,
                  computeSeconds: run?.computeSeconds ?? 0, seeds: seeds)
    }
}

/// Where a report came from: code, machine, libraries, data and every experiment's spec and time.
public struct Provenance: Codable, Sendable {
    public typealias Experiment = ProvenanceExperiment

    public var gitCommit: String
    public var gitDirty: Bool
    public var date: String
    public var cores: Int
    public var cpu: String
    public var memoryGiB: Double
    public var swiftVersion: String
    public var openBLAS: String
    /// OpenBLAS's thread count: its sums are split by thread, so weights are bit-identical only
    /// between runs with the same count (paper 2's engine always uses one).
    public var openBLASThreads: Int
    /// The family of our own kernels this run used and the families the CPU offers
    /// (``KernelFamily``: every family gives the same bits). Nil in provenance written before
    /// the kernels were dispatched.
    public var kernels: String?
    public var dataFiles: [String: String]
    public var seeds: [Int]
    public var experiments: [Experiment]
    /// Seconds this build-report run took.
    public var buildSeconds: Double
    /// Dated by `SOURCE_DATE_EPOCH`: the report's body then leaves out this run's wall times,
    /// so two builds from the same results are byte-identical.
    public var datedBySource = false

    /// `sourceDate`: the date `SOURCE_DATE_EPOCH` names (``PDFDate/fromEnvironment(_:)``), used
    /// instead of the time of the build.
    public static func collect(experiments: [Experiment], buildSeconds: Double,
                               repository: URL, sourceDate: String? = nil) -> Provenance {
        let commit = shell(["git", "-C", repository.path, "rev-parse", "--short=12", "HEAD"])
                     ?? "unknown (not a git checkout)"
        let dirty = !(shell(["git", "-C", repository.path, "status", "--porcelain",
                             "--untracked-files=no"]) ?? "").isEmpty
        let formatter = ISO8601DateFormatter()
        var provenance = Provenance(
            gitCommit: commit, gitDirty: dirty, date: sourceDate ?? formatter.string(from: Date()),
            cores: ProcessInfo.processInfo.activeProcessorCount, cpu: cpuModel(),
            memoryGiB: (Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824 * 10)
                .rounded() / 10,
            swiftVersion: shell(["swift", "--version"])?.split(separator: "\n").first
                .map(String.init) ?? "unknown",
            openBLAS: BLASInfo.configuration.trimmingCharacters(in: .whitespaces)
                + ", core " + BLASInfo.coreName,
            openBLASThreads: BLASInfo.threads,
            dataFiles: Dictionary(uniqueKeysWithValues: MNISTFile.allCases.map {
                ($0.fileName, $0.sha256)
            }),
            seeds: Array(Set(experiments.flatMap(\.seeds))).sorted(), experiments: experiments,
            buildSeconds: buildSeconds)
        provenance.kernels = Kernels.active.family.label + " (this CPU runs "
            + Kernels.supported.map(\.label).joined(separator: ", ") + "; every family gives the same bits)"
        provenance.datedBySource = sourceDate != nil
        return provenance
    }

    static func cpuModel() -> String {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let line = info.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
              let name = line.split(separator: ":", maxSplits: 1).last else { return "unknown" }
        return name.trimmingCharacters(in: .whitespaces)
    }

    /// Standard output of a command, or nil if it cannot run or fails.
    static func shell(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
