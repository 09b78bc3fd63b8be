import ReproData
import ReproNN
import ReproReport
import ReproSupport

/// Claims on one-shot magnitude pruning (Fig. 4, Figs. B.1–B.4, Table 1).
enum PruningClaims {
    typealias C = Paper1ClaimChecker

    /// Mean (over seeds) percent change of held-out F1 per (pair, h, level) under one reading.
    static func meanChanges(_ r: Paper1Results, _ reading: MagnitudePruning.Reading,
                            where include: (PruningStudy.Row) -> Bool = { _ in true }) -> [Cell: Double] {
        let rows = r.pruning.filter { $0.reading == reading && include($0) }
        return Dictionary(grouping: rows) { Cell(pair: $0.pair, hidden: $0.hidden, level: $0.level) }
            .mapValues { Summary($0.map(\.f1Change)).mean }
    }

    struct Cell: Hashable, Comparable {
        var pair: DigitPair
        var hidden: Int
        var level: Double
        static func < (a: Cell, b: Cell) -> Bool { (a.pair, a.hidden, a.level) < (b.pair, b.hidden, b.level) }
        var text: String { "\(pair) h = \(hidden) at \(Digits.fixed(level, 0)) %" }
    }

    /// The worst mean F1 change at `level` over pairs and sizes, under each reading.
    static func tolerance(_ r: Paper1Results, level: Double, tolerance: Double) -> ClaimMeasurement {
        func worst(_ reading: MagnitudePruning.Reading) -> (Double, Cell)? {
            meanChanges(r, reading) { $0.level == level }.min { $0.value < $1.value }.map { ($0.value, $0.key) }
        }
        guard let correct = worst(.correct), let published = worst(.published) else {
            return ClaimMeasurement("no pruning results at \(Int(level)) %", .untestable)
        }
        let statistic = ClaimStatistic("worst mean F1 change (%) at \(Int(level)) % of the weights", value: correct.0,
                                       holdsIn: .atLeast(-tolerance), digits: 2)
        let text = "worst mean F1 change: \(C.f(correct.0, 2)) % at \(Int(level)) % (\(correct.1.pair) h = \(correct.1.hidden)); "
            + "\(C.f(published.0, 3)) % at \(C.f(level / 100, 2)) % as the code ran (\(published.1.pair) h = \(published.1.hidden))"
        let verdict: Verdict = correct.0 >= -tolerance ? .holds : published.0 >= -tolerance ? C.holdsOnlyUnderPublishedPruning : .doesNotHold
        return ClaimMeasurement(text, verdict, statistic: statistic)
    }

    /// Cases (pair, h) whose mean F1 rises at some level in `levels`, counted under each reading.
    static func regularizes(_ r: Paper1Results, pairs: [DigitPair], levels: [Double], minimumCases: Int) -> ClaimMeasurement {
        func rising(_ reading: MagnitudePruning.Reading) -> (cases: Int, of: Int) {
            let changes = meanChanges(r, reading) { pairs.contains($0.pair) && levels.contains($0.level) }
            let byCase = Dictionary(grouping: changes) { "\($0.key.pair) \($0.key.hidden)" }
            return (byCase.values.filter { $0.contains { $0.value > 0 } }.count, byCase.count)
        }
        let correct = rising(.correct), published = rising(.published)
        guard correct.of > 0, published.of > 0 else { return ClaimMeasurement("no pruning results for \(pairs.map(\.description).joined(separator: ", "))", .untestable) }
        let range = "\(Digits.fixed(levels.min()!, 0))–\(Digits.fixed(levels.max()!, 0)) %"
        let statistic = ClaimStatistic("(pair, h) cases whose mean F1 rises at \(range) of the weights", value: Double(correct.cases),
                                       holdsIn: .atLeast(Double(minimumCases)), digits: 0)
        let text = "mean F1 rises at \(range) in \(correct.cases) of \(correct.of) cases of \(pairs.map(\.description).joined(separator: ", ")) "
            + "at the stated levels, in \(published.cases) of \(published.of) as the code pruned"
        let stated = correct.cases >= minimumCases, code = published.cases >= minimumCases
        let verdict: Verdict = stated && code ? .holds : stated ? Verdict.holdsOnly(under: "the stated levels, not the published code's pruning")
            : code ? C.holdsOnlyUnderPublishedPruning : .doesNotHold
        return ClaimMeasurement(text, verdict, statistic: statistic)
    }

    /// Significant drops (mean F1 change below −tolerance %) that happen at or below `level` or
    /// more than `steps` sizes above the pair's critical size, under the stated reading.
    static func degradation(_ r: Paper1Results, level: Double, tolerance: Double, threshold: Double, steps: Int) -> ClaimMeasurement {
        let changes = meanChanges(r, .correct)
        guard !changes.isEmpty else { return ClaimMeasurement("no pruning results", .untestable) }
        var critical: [DigitPair: (sizes: [Int], index: Int)] = [:]
        for pair in Set(changes.keys.map(\.pair)) {
            critical[pair] = Paper1Summaries.criticalSize(Paper1Summaries.capacityBySize(r, pair: pair), threshold: threshold)
        }
        let drops = changes.filter { $0.value < -tolerance }.keys.sorted()
        let outside = drops.filter { cell in
            guard let c = critical[cell.pair], let i = c.sizes.firstIndex(of: cell.hidden) else { return true }
            return cell.level <= level || i > c.index + steps
        }
        let statistic = ClaimStatistic("drops of more than \(C.f(tolerance, 0)) % at or below \(Int(level)) %, or far above critical capacity",
                                       value: Double(outside.count), holdsIn: .atMost(0), digits: 0)
        var text = "\(drops.count) of \(changes.count) (pair, h, level) cells lose more than \(C.f(tolerance, 0)) % F1"
        if !outside.isEmpty {
            text += "; outside the claim: " + outside.prefix(4).map(\.text).joined(separator: ", ") + (outside.count > 4 ? ", …" : "")
        }
        return ClaimMeasurement(text, C.verdict(statistic), statistic: statistic)
    }

    static func deadNeurons(_ r: Paper1Results, source: String?) -> ClaimMeasurement {
        let rows = r.deadNeurons.filter { source == nil || $0.case.source == source }
        guard !rows.isEmpty else { return ClaimMeasurement("no dead-neuron results", .untestable) }
        let before = rows.map(\.deadBefore).reduce(0, +), after = rows.map(\.deadAfter).reduce(0, +), afterPublished = rows.map(\.deadAfterPublished).reduce(0, +)
        let statistic = ClaimStatistic("dead units per model, before plus after 95 % pruning", value: Double(before + after) / Double(rows.count),
                                       holdsIn: .atMost(0), digits: 2)
        let text = "\(before) dead before, \(after) after pruning (\(afterPublished) as the code pruned), over \(rows.count) models"
        return ClaimMeasurement(text, before == 0 && after == 0 ? .holds : before == 0 && afterPublished == 0 ? C.holdsOnlyUnderPublishedPruning : .doesNotHold,
                                statistic: statistic)
    }
}
