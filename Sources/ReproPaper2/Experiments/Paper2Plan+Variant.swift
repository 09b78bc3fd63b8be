import ReproSparse
import ReproSupport

/// The width family as a variant reads the protocol: widths 2^7…2^13 (enough to see "first
/// improves") and 3 seeds; the quick profile's miniature: 2^7, 2^9, 2^11 × its 2 seeds.
extension Paper2Plan {
    public static let variantWidths = (7...13).map { 1 << $0 }
    public static let variantSeeds = [0, 1, 2]
    public static let quickVariantWidths = [128, 512, 2048]

    public static func variant(_ variant: Paper2Variant, quick: Bool) -> Paper2Plan {
        var plan = named(.sparseWidth, quick: quick)
        plan.widths = quick ? quickVariantWidths : variantWidths
        plan.seeds = quick ? quickSeeds : variantSeeds
        return plan.reading(variant)
    }

    /// Every plan a variant trains: the MLP width family's (above), or each CNN width family as
    /// the profile builds it (its widths and seeds) under the variant.
    public static func variantPlans(_ variant: Paper2Variant, quick: Bool,
                                    full: Bool = false) -> [Paper2Plan] {
        guard !variant.readsMLP else { return [self.variant(variant, quick: quick)] }
        return report(quick: quick, full: full).filter { variant.families.contains($0.family) }
            .map { $0.reading(variant) }
    }

    /// This plan under `variant`: its own experiment name (and so its own run manifest), and
    /// batch 64 for `batch-64`.
    public func reading(_ variant: Paper2Variant) -> Paper2Plan {
        var plan = self
        plan.variant = variant
        plan.experiment = "\(family.rawValue)+\(variant.rawValue)"
        if variant == .batch64 { plan.batchSize = BatchSensitivity.batchSize }
        return plan
    }

    /// `repro run <family>` with the plan's `--variant` or `--dataset`.
    public var runCommand: String {
        "repro run \(family.rawValue)" + (variant.map { " --variant \($0.rawValue)" } ?? "")
            + (dataset.map { " --dataset \($0.rawValue)" } ?? "")
    }

    /// A variant reads its width families only (the MLP's, or the CNNs' for water-filling), and
    /// `output-dense` only where its input layer can take all the freezing.
    func validateVariant() throws {
        guard let variant else { return }
        guard variant.families.contains(family) else {
            throw ReproError("--variant \(variant.rawValue) reads "
                             + variant.families.map(\.rawValue).joined(separator: " and ")
                             + " only; drop --variant for \(family.rawValue)")
        }
        let limit = SparseFamilies.outputDenseLimit(baseWidth: Paper2Family.baseWidth)
        if variant == .outputDense, let wide = widths.first(where: { $0 > limit }) {
            throw ReproError("--variant output-dense: width \(wide) is too wide for a dense output "
                             + "layer; give --widths up to 8192")
        }
    }
}
