import Foundation
import ReproData
import ReproReport
import ReproRobustness
import ReproSupport

/// Paper 2's claims on a CIFAR set: each claim's test read on that set's rows, network by
/// network, an MNIST-C curve (the mean, or a corruption CIFAR-C also has) read as CIFAR-C's at
/// each of the paper's severities (the claim must hold at both). A claim that names an MNIST-C
/// corruption CIFAR-C lacks, or whose families the CIFAR half does not build, cannot be tested
/// there.
enum Paper2CIFARClaims {
    static func check(_ claims: [Claim], view: Paper2Results) throws -> [ClaimResult] {
        let seeds = Dictionary(uniqueKeysWithValues: Paper2Network.allCases.map { network in
            (network, Array(Set(view.robustness.filter { $0.family.network == network }
                .map(\.seed))).sorted())
        })
        var results: [ClaimResult] = []
        for claim in claims {
            let test = try claim.test.decode(Paper2ClaimTest.self)
            guard let translated = translated(test) else {
                results.append(ClaimResult(claim: claim, reproduced: "–",
                                           verdict: .untestable))
                continue
            }
            var mine = claim
            mine.test = try JSONDecoder().decode(JSONValue.self,
                                                 from: try JSONEncoder().encode(translated))
            results += try Paper2ClaimChecker.check(
                [mine], rows: view.robustness, paperSeeds: seeds,
                absent: "not built on \(view.dataset?.title ?? "this data set")")
        }
        return results
    }

    /// The test with its MNIST-C curves read at each CIFAR-C severity, or nil when it
    /// reads a curve CIFAR has no counterpart of.
    static func translated(_ test: Paper2ClaimTest) -> Paper2ClaimTest? {
        func map(_ selectors: [CurveSelector]) -> [CurveSelector]? {
            var out: [CurveSelector] = []
            for selector in selectors {
                guard selector.evaluation == .mnistC else { out.append(selector); continue }
                if selector.setting == .identity {   // the same images uncorrupted: one curve
                    out.append(CurveSelector(family: selector.family, evaluation: .cifarC,
                                             setting: .identity))
                    continue
                }
                guard case .named(let name) = selector.setting,
                      name == "mean" || CIFARCorrupted.corruptions.contains(name) else { return nil }
                out += CIFARCorruptedImages.severities.map {
                    CurveSelector(family: selector.family, evaluation: .cifarC,
                                  setting: CIFARCorruptedImages.setting(name, severity: $0))
                }
            }
            return out
        }
        guard let curves = map(test.curves) else { return nil }
        var moved = test
        moved.curves = curves
        if let against = test.against {
            guard let mapped = map(against), mapped.count == curves.count else { return nil }
            moved.against = mapped
        }
        return moved
    }
}

/// The paper's "such increase is happening earlier for simpler tasks like MNIST" (Fig. 2),
/// per network built on both: where the corrupted-data accuracy of the width family peaks, as a
/// share of remaining weights, on MNIST-C (mean) and on the CIFAR set's CIFAR-C (mean, each
/// severity). An increase is a peak below the dense base (100 %). It holds when MNIST has one and
/// it comes at least as early (at as many or more remaining weights) as CIFAR's at every severity
/// that has one; it does not hold when MNIST has none; with none on CIFAR it cannot be tested.
enum EarlierOnMNIST {
    struct Row: Equatable {
        var network: Paper2Network
        /// Remaining weights in % at the peak: MNIST-C, then CIFAR-C per severity.
        var mnist: Double
        var cifar: [Double]
        var verdict: Verdict
    }

    static func rows(mnist: [RobustnessRow], cifar: [RobustnessRow],
                     dataset: CIFARDataset) -> [Row] {
        Paper2Network.allCases.compactMap { network in
            guard let family = Paper2Family.of(network, .width),
                  let m = peak(mnist, family, .mnistC, .mean, Paper2Input(nil)) else { return nil }
            let c = CIFARCorruptedImages.severities.compactMap {
                peak(cifar, family, .cifarC, CIFARCorruptedImages.setting("mean", severity: $0),
                     Paper2Input(dataset))
            }
            guard c.count == CIFARCorruptedImages.severities.count else { return nil }
            let increases = c.filter { $0 < 100 }
            let verdict: Verdict = increases.isEmpty
                ? Verdict("cannot be tested (no increase on \(dataset.title)-C)", kind: .untestable)
                : m >= 100 ? Verdict("does not hold (no increase on MNIST-C)", kind: .doesNotHold)
                : increases.allSatisfy({ m >= $0 }) ? .holds : .doesNotHold
            return Row(network: network, mnist: m, cifar: c, verdict: verdict)
        }
    }

    /// The remaining-weights share (%) of the size whose mean over seeds is highest.
    static func peak(_ rows: [RobustnessRow], _ family: Paper2Family,
                     _ evaluation: RobustnessEvaluation, _ setting: EvaluationSetting,
                     _ input: Paper2Input) -> Double? {
        let mine = rows.filter { $0.family == family }.matching(evaluation, setting)
        let means = Dictionary(grouping: mine, by: \.width).mapValues {
            Summary($0.map(\.value)).mean
        }
        guard means.count >= 2, let best = means.max(by: {
            $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key
        }) else { return nil }
        return SparsityAxis.share(family.network, best.key, input: input)
    }
}
