/// The five attacks the paper names (protocol part A, "adversarial" row; B §3.3).
public enum AttackKind: String, CaseIterable, Sendable, Codable {
    case fgsm = "FGSM"
    case ffgsm = "FFGSM"
    case bim = "BIM"
    case pgd = "PGD"
    case apgd = "APGD"
}
