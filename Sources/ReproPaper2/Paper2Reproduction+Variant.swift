import ReproExperiments
import ReproSupport

extension Paper2Reproduction {
    /// `repro run|results robustness[-cnn] --variant <name>`: the variant's width families
    /// alone (their profile's widths and seeds, narrowed by `--seeds`); nil without `--variant`.
    static func variantPlans(_ options: ExperimentOptions,
                             families: [Paper2Family]) throws -> [Paper2Plan]? {
        guard let name = options.variant else { return nil }
        let variant = try Paper2Variant.named(name)
        guard variant.families.allSatisfy(families.contains) else {
            throw ReproError("--variant \(name) reads "
                             + variant.families.map(\.rawValue).joined(separator: " and ")
                             + ": use `\(variant.evaluationExperiment) --variant \(name)`")
        }
        return try Paper2Plan.variantPlans(variant, quick: options.quick).map { variantPlan in
            var plan = variantPlan
            if let seeds = options.seeds { plan.seeds = seeds }
            plan.dataset = options.dataset   // refused by validate(): readings are MNIST's
            try plan.validate()
            return plan
        }
    }
}

extension Paper2Reproduction {
    /// The width-family plans the report adds to the three families: the extended seeds of
    /// `--seeds N` (when N adds seeds) and the variants of the profile, in the order `results` runs
    /// them (for the cluster's list of parts).
    public static func readingPlans(quick: Bool, seedCount: Int?,
                                    full: Bool = false) throws -> [Paper2Plan] {
        [try Paper2ExtendedSeeds.plan(seedCount, quick: quick)].compactMap { $0 }
            + Paper2Variant.profile(full: full).flatMap {
                Paper2Plan.variantPlans($0, quick: quick, full: full)
            }
    }
}
