import ReproExperiments
import ReproReport
import ReproRobustness
import ReproSupport

/// `--seeds N` for paper 2: the width family over seeds 0…N−1 (the profile's seeds and more,
/// every stored network reused), evaluated like the rest, for the claims' seed intervals. N up
/// to the profile's own count (5; quick: 2) adds nothing: those seeds are the report's already
/// (so `build-report --seeds 3`, paper 1's own seeds only, leaves paper 2 as it is).
public enum Paper2ExtendedSeeds {
    public static let maximumCount = 100

    /// The width family over `count` seeds under its own experiment name (its run manifest, and
    /// one evaluation call of its own, locally and on Slurm alike); nil when `count` adds no
    /// seed to the profile's.
    public static func plan(_ count: Int?, quick: Bool) throws -> Paper2Plan? {
        var plan = Paper2Plan.named(.sparseWidth, quick: quick)
        guard let count, count > plan.seeds.count else { return nil }
        guard count <= maximumCount else {
            throw ReproError("--seeds: give at most \(maximumCount) seeds, not \(count)")
        }
        plan.seeds = Array(0..<count)
        plan.experiment = "\(plan.family.rawValue)+\(count)-seeds"
        return plan
    }

    /// Trains what is missing and evaluates every network of the extended width family; nil
    /// when `count` adds no seed.
    public static func rows(_ count: Int?, quick: Bool,
                            context: PaperContext) throws -> [RobustnessRow]? {
        guard let plan = try plan(count, quick: quick) else { return nil }
        return try EvaluatedPlan(plan: plan, settings: .of(quick: quick))
            .rows(runner: context.runner, log: context.log)
    }

    /// The same rows from the store only; refused in one line naming the command to run when a
    /// network or an evaluation is missing; nil when `count` adds no seed.
    public static func storedRows(_ count: Int?, quick: Bool,
                                  context: PaperContext) throws -> [RobustnessRow]? {
        guard let plan = try plan(count, quick: quick), let count else { return nil }
        return try EvaluatedPlan(plan: plan, settings: .of(quick: quick)).storedRows(
            runner: context.runner,
            command: "repro build-report --paper 2 --seeds \(count)\(quick ? " --quick" : "")")
    }
}
