import ReproExperiments
import ReproReport
import ReproRobustness
import ReproSupport

/// `--seeds N` for paper 2: the width family over seeds 0…N−1 (the profile's seeds and more,
/// every stored network reused), evaluated like the rest, for the claims' seed intervals.
public enum Paper2ExtendedSeeds {
    public static let maximumCount = 100

    /// Seeds 0…count−1; refused in one line below the profile's own seeds or above the maximum.
    public static func seeds(_ count: Int, quick: Bool) throws -> [Int] {
        let base = Paper2Plan.named(.sparseWidth, quick: quick).seeds
        guard count >= base.count, count <= maximumCount else {
            throw ReproError("--seeds: give between \(base.count) (the profile's seeds "
                             + base.map(String.init).joined(separator: ", ") + ") and "
                             + "\(maximumCount); paper 2's width family is re-checked over that many")
        }
        return Array(0..<count)
    }

    /// The width family over `count` seeds, under its own experiment name (its run manifest,
    /// and one evaluation call of its own, locally and on Slurm alike).
    public static func plan(_ count: Int, quick: Bool) throws -> Paper2Plan {
        var plan = Paper2Plan.named(.sparseWidth, quick: quick)
        plan.seeds = try seeds(count, quick: quick)
        plan.experiment = "\(plan.family.rawValue)+\(count)-seeds"
        return plan
    }

    /// Trains what is missing and evaluates every network of the extended width family.
    public static func rows(_ count: Int, quick: Bool,
                            context: PaperContext) throws -> [RobustnessRow] {
        try EvaluatedPlan(plan: try plan(count, quick: quick), settings: .of(quick: quick))
            .rows(runner: context.runner, log: context.log)
    }
}
