import ReproAttacks
import ReproPlot
import ReproRobustness

/// Fig. 3: robust accuracy under each L∞ attack (FGSM, FFGSM, BIM, PGD, APGD) against
/// sparsity, one line per ε, with clean accuracy; the sixth cell holds the shared key.
enum AttackFigures {
    static func evaluation(_ attack: AttackKind) -> RobustnessEvaluation {
        switch attack {
        case .fgsm: return .fgsm
        case .ffgsm: return .ffgsm
        case .bim: return .bim
        case .pgd: return .pgd
        case .apgd: return .apgd
        }
    }

    static func fig3(_ r: Paper2Results, _ family: Paper2Family = .sparseWidth) -> Figure {
        var panels = AttackKind.allCases.map { attack -> Axes in
            var axes = FamilyPanels.settingLines(r, family, evaluation(attack),
                                                 symbol: "ε", title: attack.rawValue,
                                                 yLabel: "robust accuracy")
            axes.legend = .hidden
            return axes
        }
        let richest = panels.max { $0.legendEntries.count < $1.legendEntries.count }
        panels.append(FamilyPanels.legendOnly(richest ?? Axes()))
        let rows = r.robustness.filter {
            $0.family == family && AttackKind.allCases.map(evaluation)
                .contains($0.evaluation)
        }
        return Figure(width: 15, height: 9,
                      title: "Fig. 3 · \(family.figureName): adversarial attacks, L∞ "
                          + "radius ε on [0, 1] pixels (\(SeedNote.of(rows)))",
                      rows: 2, columns: 3, panels: panels)
    }
}
