import ReproExperiments
import ReproSupport

extension Paper2Reproduction {
    /// `repro run|results robustness --variant <name>`: the variant's width family alone (its
    /// profile's widths and seeds, narrowed by `--seeds`); nil without `--variant`.
    static func variantPlan(_ options: ExperimentOptions,
                            families: [Paper2Family]) throws -> Paper2Plan? {
        guard let name = options.variant else { return nil }
        guard families.contains(.sparseWidth) else {
            throw ReproError("--variant does not apply to \(robustnessCNN); the variants read "
                             + "the MLP width family: use `robustness --variant \(name)`")
        }
        var plan = Paper2Plan.variant(try Paper2Variant.named(name), quick: options.quick)
        if let seeds = options.seeds { plan.seeds = seeds }
        try plan.validate()
        return plan
    }
}

extension Paper2Reproduction {
    /// The width-family plans the report adds to the three families: the extended seeds of
    /// `--seeds N` (when N adds seeds) and the variants of the profile, in the order `results` runs
    /// them (for the cluster's list of parts).
    public static func readingPlans(quick: Bool, seedCount: Int?,
                                    full: Bool = false) throws -> [Paper2Plan] {
        [try Paper2ExtendedSeeds.plan(seedCount, quick: quick)].compactMap { $0 }
            + Paper2Variant.profile(full: full).map { Paper2Plan.variant($0, quick: quick) }
    }
}
