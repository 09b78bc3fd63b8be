import Foundation
import ReproCluster

/// The line a command that computes what is missing (`claims`, `build-report`) prints before
/// it starts, on standard error (unbuffered, beside the progress lines): how much that is, so
/// a log file does not stay silent for hours.
enum PendingWork {
    /// Nothing when the output holds every network and evaluation of the profile.
    static func announce(_ context: ClusterContext, command: String, hint: String = "") throws {
        guard let line = try line(context, command: command, hint: hint) else { return }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func line(_ context: ClusterContext, command: String, hint: String = "") throws -> String? {
        let status = try StatusReport(work: context.work, runner: context.runner)
        guard !status.isComplete else { return nil }
        return "\(command): computing first what the output lacks: at most about "
            + "\(CostModel.text(status.remainingSeconds)) of training and evaluations (the "
            + "estimate tightens once a seed of each kind is stored; `repro status` lists it\(hint))"
    }
}
