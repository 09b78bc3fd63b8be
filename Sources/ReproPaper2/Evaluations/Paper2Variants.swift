import ReproExperiments
import ReproReport
import ReproRobustness

/// The claims' entry to the readings of the paper: each variant's width family (widths
/// 2^7…2^13, 3 seeds; quick: 2^7, 2^9, 2^11 × 2 seeds) with the robustness evaluations of the
/// main family's settings, as `RobustnessRow`s of family sparse-width.
public enum Paper2Variants {
    /// Trains what is missing of the variant's networks (reusing every stored one) and
    /// evaluates them.
    public static func rows(_ variant: Paper2Variant, quick: Bool,
                            context: PaperContext) throws -> [RobustnessRow] {
        try evaluated(variant, quick: quick).rows(runner: context.runner, log: context.log)
    }

    /// The same rows from the store only (`repro results`); refused in one line naming the
    /// command to run when a network or an evaluation is missing.
    public static func storedRows(_ variant: Paper2Variant, quick: Bool,
                                  context: PaperContext) throws -> [RobustnessRow] {
        try evaluated(variant, quick: quick).storedRows(
            runner: context.runner,
            command: "repro run robustness --variant \(variant.rawValue)\(quick ? " --quick" : "")")
    }

    /// Every variant of a profile with its rows, in the order of ``Paper2Variant/allCases``.
    public static func profileRows(full: Bool, quick: Bool,
                                   context: PaperContext) throws -> [Paper2Variant: [RobustnessRow]] {
        var rows: [Paper2Variant: [RobustnessRow]] = [:]
        for variant in Paper2Variant.profile(full: full) {
            rows[variant] = try self.rows(variant, quick: quick, context: context)
        }
        return rows
    }

    static func evaluated(_ variant: Paper2Variant, quick: Bool) -> EvaluatedPlan {
        EvaluatedPlan(plan: Paper2Plan.variant(variant, quick: quick), settings: .of(quick: quick))
    }
}
