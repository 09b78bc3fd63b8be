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

    /// This plan under `variant`: its own experiment name (and so its own run manifest), and
    /// batch 64 for `batch-64`.
    public func reading(_ variant: Paper2Variant) -> Paper2Plan {
        var plan = self
        plan.variant = variant
        plan.experiment = "\(family.rawValue)+\(variant.rawValue)"
        if variant == .batch64 { plan.batchSize = BatchSensitivity.batchSize }
        return plan
    }

    /// `repro run <family> --variant <name>` for a variant's plan, the family's name otherwise.
    public var runCommand: String {
        "repro run \(family.rawValue)" + (variant.map { " --variant \($0.rawValue)" } ?? "")
    }

    /// A variant reads the width family only, and `output-dense` only where its input layer can
    /// take all the freezing.
    func validateVariant() throws {
        guard let variant else { return }
        guard family == .sparseWidth else {
            throw ReproError("--variant: variants read the sparse-width family only; drop "
                             + "--variant for \(family.rawValue)")
        }
        let limit = SparseFamilies.outputDenseLimit(baseWidth: Paper2Family.baseWidth)
        if variant == .outputDense, let wide = widths.first(where: { $0 > limit }) {
            throw ReproError("--variant output-dense: width \(wide) is too wide for a dense output "
                             + "layer; give --widths up to 8192")
        }
    }
}
