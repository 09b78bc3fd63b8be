import ReproAttacks
import ReproNetwork
import ReproSupport

/// Adversarial robustness (paper 2 Fig. 3): every attack at every ε on `attackImages` test images
/// of (seed, "attack"), robust accuracy each. Step rules are ``StepRule/standard(_:epsilon:)``;
/// each (attack, ε) draws its random start from (seed, "attack", attack, ε).
public enum AttackEvaluation {
    public static func measure(_ network: some Network, seed: Int, settings: RobustnessSettings,
                               images: EvaluationImages, threads: Int) throws -> [MeasuredValue] {
        let indices = images.subset(size: settings.attackImages, seed: seed, purpose: "attack")
        let pixels = images.pixels(of: indices)
        let labels = indices.map { images.labels[$0] }
        let classifier = NetworkClassifier(
            inference: try network.inference(batchSize: network.evaluationBatch(), threads: threads))
        var values: [MeasuredValue] = []
        for kind in settings.attacks {
            for epsilon in settings.epsilons {
                var rng = RandomStream(seed: seed, "attack", kind.rawValue, "eps=\(epsilon)")
                let attack = StepRule.standard(kind, epsilon: epsilon).makeAttack()
                let accuracy = attack.robustAccuracy(model: classifier, inputs: pixels,
                                                     labels: labels, rng: &rng)
                values.append(MeasuredValue(kind.evaluation, setting: .value(epsilon),
                                            value: accuracy))
            }
        }
        return values
    }
}

extension AttackKind {
    public var evaluation: RobustnessEvaluation {
        switch self {
        case .fgsm: return .fgsm
        case .ffgsm: return .ffgsm
        case .bim: return .bim
        case .pgd: return .pgd
        case .apgd: return .apgd
        }
    }
}
