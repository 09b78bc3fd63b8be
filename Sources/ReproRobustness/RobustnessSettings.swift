import ReproAttacks

/// Every parameter of paper 2's evaluations (protocol part A), in one value that is part of each
/// cached result's key: change one and exactly the evaluations it affects are recomputed.
public struct RobustnessSettings: Codable, Equatable, Sendable {
    /// Weight-noise scales σ, and draws per σ, each on the whole test set.
    public var sigmas: [Double]
    public var noiseDraws: Int
    /// Test images the weight noise is measured on: the first this many; nil: all 10,000.
    public var noiseImages: Int?
    /// Test images drawn for MNIST-C, and corruption draws per image.
    public var corruptionImages: Int
    public var corruptionDraws: Int
    /// Test images attacked, the attacks, and their radii.
    public var attackImages: Int
    public var attacks: [AttackKind]
    public var epsilons: [Double]

    public init(sigmas: [Double], noiseDraws: Int, corruptionImages: Int, corruptionDraws: Int,
                attackImages: Int, attacks: [AttackKind], epsilons: [Double]) {
        self.sigmas = sigmas; self.noiseDraws = noiseDraws
        self.corruptionImages = corruptionImages; self.corruptionDraws = corruptionDraws
        self.attackImages = attackImages; self.attacks = attacks; self.epsilons = epsilons
    }

    /// Protocol part A: σ ∈ {0.05, 0.1, 0.2, 0.3, 0.5} × 5 draws; 1,000 images × 5 corruption
    /// draws; 1,000 images × 5 attacks × 6 ε.
    public static let paper = RobustnessSettings(
        sigmas: [0.05, 0.1, 0.2, 0.3, 0.5], noiseDraws: 5, corruptionImages: 1000,
        corruptionDraws: 5, attackImages: 1000, attacks: AttackKind.allCases,
        epsilons: StepRule.paperEpsilons)

    /// The quick profile: the same grids on fewer images and draws, in minutes.
    public static let quick = RobustnessSettings(
        sigmas: [0.05, 0.1, 0.2, 0.3, 0.5], noiseDraws: 1, corruptionImages: 100,
        corruptionDraws: 2, attackImages: 50, attacks: AttackKind.allCases,
        epsilons: [0.02, 0.05, 0.1, 0.2])

    public static func of(quick: Bool) -> RobustnessSettings { quick ? .quick : .paper }

    /// The CNNs' settings, cut to fit the default profile's time bound (one gradient pass of
    /// VGG11-16 costs about 3 × 9.6 M multiply-adds per image, ResNet18-16's 3 × 35 M, and the
    /// five attacks make about 400 gradient passes per image and ε): the σ grid with 5 draws on
    /// 2,000 test images, MNIST-C on 500 images × 2 draws, the five attacks on 100 images at
    /// ε ∈ {0.05, 0.1, 0.2}. The quick profile's miniature: noise with 1 draw on 100
    /// images, MNIST-C on 50 images × 1 draw, the attacks on 10 images at ε ∈ {0.05, 0.1}.
    /// `paper` (the MLPs' sizes) is the full profile's.
    public static func conv(quick: Bool) -> RobustnessSettings {
        var s = quick ? Self.quick : Self.paper
        s.noiseImages = quick ? 100 : 2000
        s.corruptionImages = quick ? 50 : 500
        s.corruptionDraws = quick ? 1 : 2
        s.attackImages = quick ? 10 : 100
        s.epsilons = quick ? [0.05, 0.1] : [0.05, 0.1, 0.2]
        return s
    }
}
