import ReproData

/// Paper 2's CIFAR half: the width families of its three networks (Figs. 1–3 and 9–11 have CIFAR
/// columns for them), built by the report for each CIFAR set installed with its corrupted test
/// set. The same training protocol as on MNIST; the profiles mirror MNIST's CNN part.
extension Paper2Plan {
    public static let cifarFamilies: [Paper2Family] = [.sparseWidth, .vggWidth, .resnetWidth]

    /// The default profile's MLP widths on CIFAR, 2^7…2^13: enough to see "first improves" (the
    /// readings' range); 2^14 and 2^15 to `--full`.
    public static let cifarMLPWidths = [128, 256, 512, 1024, 2048, 4096, 8192]

    /// This plan on a CIFAR set (nil: MNIST): its own experiment name, `sparse-width+cifar10`,
    /// and so its own run manifest.
    public func on(_ dataset: CIFARDataset?) -> Paper2Plan {
        var plan = self
        plan.dataset = dataset
        if let dataset { plan.experiment = "\(family.rawValue)+\(dataset.rawValue)" }
        return plan
    }

    /// A CIFAR set's plans in a profile: quick, a miniature (the MLP at 2^7 and 2^9 for 2 epochs,
    /// the CNNs as MNIST's quick ones); default, the MLP at ``cifarMLPWidths`` and the CNNs at
    /// ``ConvProfile/standard``'s widths, 3 seeds each; full, every width and 5 seeds.
    public static func cifar(_ dataset: CIFARDataset, quick: Bool,
                             full: Bool = false) -> [Paper2Plan] {
        cifarFamilies.compactMap { family in
            var plan = named(family, quick: quick, full: full).on(dataset)
            if quick {
                if family == .sparseWidth {
                    plan.widths = [128, 512]
                    plan.maxEpochs = 2
                }
                return plan
            }
            guard !full else { return plan }
            if family == .sparseWidth {
                plan.widths = cifarMLPWidths
                plan.seeds = ConvProfile.standard.seeds
                return plan
            }
            return ConvProfile.standard.narrowed(plan)
        }
    }
}
