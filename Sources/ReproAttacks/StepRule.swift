/// The step settings of one attack at one ε: the rule `repro` uses, in one place, so the report
/// can print exactly what ran (protocol part A: "step rules scaled from Torchattacks' defaults;
/// state them").
///
/// | attack | rule | source |
/// |---|---|---|
/// | FGSM | α = ε, 1 step | Torchattacks FGSM (no free parameter) |
/// | FFGSM | α = 1.25·ε, uniform start, 1 step | Torchattacks' ratio 10/255 : 8/255 |
/// | BIM | α = 1/255, steps = ⌊min(255ε + 4, 1.25·255ε)⌋ | Torchattacks' defaults, steps 0 = auto |
/// | PGD | α = 2.5·ε / 40, 40 steps, uniform start | Torchattacks v3.0 steps; Madry's α rule |
/// | APGD | 100 steps, η₀ = 2ε, ρ = 0.75, 1 restart | Torchattacks v2.13–v3.2 defaults |
///
/// See each attack's documentation and Sources/ReproAttacks/README.md for the reasons.
public struct StepRule: Sendable, Equatable, Codable, CustomStringConvertible {
    public let kind: AttackKind
    /// L∞ radius in [0, 1] pixel units.
    public let epsilon: Double
    /// Step size: FGSM ε, FFGSM 1.25ε, BIM 1/255, PGD 2.5ε/40, APGD its initial η = 2ε (halved
    /// per sample as the attack runs).
    public let alpha: Double
    /// Signed-gradient steps (1 for FGSM and FFGSM).
    public let steps: Int
    /// Whether the attack starts from a random point of the ε-box (FFGSM, PGD) or ε-sphere (APGD).
    public let randomStart: Bool

    /// The ε grid of protocol part A.
    public static let paperEpsilons: [Double] = [0.01, 0.02, 0.05, 0.1, 0.2, 0.3]

    /// PGD's step count, Torchattacks' default in v2.13–v3.2 (protocol B §3.1).
    public static let pgdSteps = 40
    /// APGD's step count, Torchattacks' default from v2.13.1 to v3.2 (mid-2021; B §3.1).
    public static let apgdSteps = 100

    public init(kind: AttackKind, epsilon: Double, alpha: Double, steps: Int, randomStart: Bool) {
        self.kind = kind
        self.epsilon = epsilon
        self.alpha = alpha
        self.steps = steps
        self.randomStart = randomStart
    }

    /// The rule `repro` uses for `kind` at radius `epsilon`.
    public static func standard(_ kind: AttackKind, epsilon: Double) -> StepRule {
        switch kind {
        case .fgsm:
            return StepRule(kind: kind, epsilon: epsilon, alpha: epsilon, steps: 1,
                            randomStart: false)
        case .ffgsm:
            return StepRule(kind: kind, epsilon: epsilon, alpha: 1.25 * epsilon, steps: 1,
                            randomStart: true)
        case .bim:
            return StepRule(kind: kind, epsilon: epsilon, alpha: 1.0 / 255,
                            steps: BIM.automaticSteps(epsilon: epsilon), randomStart: false)
        case .pgd:
            return StepRule(kind: kind, epsilon: epsilon,
                            alpha: 2.5 * epsilon / Double(pgdSteps), steps: pgdSteps,
                            randomStart: true)
        case .apgd:
            return StepRule(kind: kind, epsilon: epsilon, alpha: 2 * epsilon, steps: apgdSteps,
                            randomStart: true)
        }
    }

    /// Every attack at every ε, attack-major: the table the report prints.
    public static func table(epsilons: [Double] = paperEpsilons) -> [StepRule] {
        AttackKind.allCases.flatMap { kind in epsilons.map { standard(kind, epsilon: $0) } }
    }

    /// The rule for `kind` in words, for the report's protocol section.
    public static func formula(_ kind: AttackKind) -> String {
        switch kind {
        case .fgsm:
            return "α = ε, 1 step"
        case .ffgsm:
            return "α = 1.25·ε (Torchattacks' 10/255 per 8/255), start x₀ + U(−ε, ε), 1 step"
        case .bim:
            return "α = 1/255, steps = ⌊min(255ε + 4, 1.25·255ε)⌋"
                + " (Torchattacks' default α and automatic steps)"
        case .pgd:
            return "α = 2.5·ε/40, 40 steps, start x₀ + U(−ε, ε) (Torchattacks v3.0 steps and start;"
                + " α by Madry's 2.5ε/steps rule, not 2/255 per 0.3)"
        case .apgd:
            return "100 steps, η₀ = 2ε, ρ = 0.75, momentum 0.75, 1 restart, start on the ε-sphere"
                + " (Torchattacks v2.13–v3.2 defaults, Croce & Hein 2020)"
        }
    }

    /// Model gradient evaluations per image (APGD also evaluates its starting point).
    public var gradientEvaluations: Int {
        switch kind {
        case .fgsm, .ffgsm: return 1
        case .bim, .pgd: return steps
        case .apgd: return steps + 1
        }
    }

    /// The attack with exactly these settings. APGD takes only ε and N from the rule: its
    /// η₀ = 2ε and its random start are part of the algorithm.
    public func makeAttack() -> any LInfAttack {
        switch kind {
        case .fgsm: return FGSM(epsilon: epsilon)
        case .ffgsm: return FFGSM(epsilon: epsilon, alpha: alpha)
        case .bim: return BIM(epsilon: epsilon, alpha: alpha, steps: steps)
        case .pgd:
            return PGD(epsilon: epsilon, alpha: alpha, steps: steps, randomStart: randomStart)
        case .apgd: return APGD(epsilon: epsilon, steps: steps)
        }
    }

    /// One line, e.g. "PGD ε=0.3: α=0.01875, 40 steps, random start" (APGD names its α η₀).
    public var description: String {
        "\(kind.rawValue) ε=\(epsilon): \(kind == .apgd ? "η₀" : "α")=\(alpha), "
            + "\(steps) step\(steps == 1 ? "" : "s")" + (randomStart ? ", random start" : "")
    }
}
