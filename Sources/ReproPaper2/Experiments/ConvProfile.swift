/// What the default profile trains of the convolutional families: the paper's designs cost
/// core-days (5 seeds of VGG11 and ResNet18 up to width 128, the depth families at width 64),
/// so `make report` builds the part that fits its time bound and says what it leaves out. The
/// quick and full profiles build every family's whole design (the quick one in miniature).
public struct ConvProfile: Sendable, Equatable {
    /// Per family, the widths and seeds the default profile trains; a family not listed is left
    /// to `--full`.
    public var widths: [Paper2Family: [Int]]
    public var seeds: [Int]

    /// Three seeds (the paper's Fig. 2 uses three networks per point) of the two width
    /// families, VGG11 at widths 16, 32 and 64 and ResNet18 at 16 and 32: the 60-minute bound.
    /// Measured from an empty output on 2 cores: 52.6 minutes (with VGG11-128 too, 83.6:
    /// its three networks were 33 of 137 core-minutes; a ResNet18-64 costs about as much as
    /// the whole VGG family). The depth and pruned families, and the wider networks, only under
    /// `--full`.
    public static let standard = ConvProfile(
        widths: [.vggWidth: [16, 32, 64], .resnetWidth: [16, 32]], seeds: [0, 1, 2])

    /// `plan` narrowed to this profile, or nil when the profile leaves the family out.
    public func narrowed(_ plan: Paper2Plan) -> Paper2Plan? {
        guard let widths = widths[plan.family] else { return nil }
        var narrowed = plan
        narrowed.widths = plan.widths.filter(widths.contains)
        narrowed.seeds = plan.seeds.filter(seeds.contains)
        return narrowed
    }

    /// The families the default profile leaves to `--full`, and the widths it leaves out of the
    /// others, in words for the report.
    public func leftOut() -> [String] {
        Paper2Family.convFamilies.compactMap { family in
            guard let kept = widths[family] else {
                return "\(family.rawValue) (all of it)"
            }
            let dropped = Paper2Plan.named(family).widths.filter { !kept.contains($0) }
            return dropped.isEmpty ? nil : "\(family.rawValue) at widths "
                + dropped.map(String.init).joined(separator: ", ")
        }
    }
}
