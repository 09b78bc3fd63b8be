import Foundation
import ReproAnalysis
import ReproData
import ReproExperiments
import ReproNN
import ReproReport
import ReproSupport

/// Paper 1's own template values: numbers only, in plain dictionaries and arrays (what Mustache
/// renders). Every sentence around them is in `templates/paper1/`.
enum Paper1ReportContext {
    static func make(results r: Paper1Results, published: Paper1Published,
                     profile: Paper1Plan) -> [String: Any] {
        [
            "profile": ["seeds": profile.seeds.map(String.init).joined(separator: ", "),
                        "sizes": profile.hiddenSizes.map(String.init).joined(separator: ", "),
                        "epochs": profile.epochs,
                        "tsneIterations": profile.tsneIterations ?? TSNE().iterations],
            "heatmap": heatmap(r, published.heatmap),
            "capacity": Paper1Summaries.minimumCapacity(r).map { row -> [String: Any] in
                ["pair": row.pair.description, "minimum": row.minimum.map(String.init) ?? "none",
                 "atMinimum": Digits.meanStd(row.atMinimum), "atLargest": Digits.meanStd(row.atLargest)]
            },
            "pruning": pruning(r),
            "replay": ReplaySection.values(r),
            "gridHypotheses": LRGridHypotheses.values(r.replayGrids.map { ($0.scheme, $0.records) },
                                                      published: published.heatmap),
            "table1": Paper1Tables.tableOne(r.deadNeurons),
            "tsne": ["panels": r.tsne.panels.map { panel -> [String: Any] in
                ["name": panel.name, "accuracy": Digits.fixed(panel.neighbourAccuracy),
                 "kl": Digits.fixed(panel.result.finalKL, 2)]
            }],
            "saliency": saliency(r),
            "gaussian": gaussian(r, published.gaussian),
            "occlusion": Paper1Summaries.occlusion(r).sorted { $0.key < $1.key }.map { h, s -> [String: Any] in
                ["hidden": h, "ours": Digits.meanStd(s),
                 "published": published.occlusion.value(hidden: h).map { Digits.fixed($0) } ?? "–"]
            },
            "analysisTimes": r.stepTimes.map { "\($0.name) \(Digits.fixed($0.seconds, 1)) s" }
                .joined(separator: ", "),
        ]
    }

    /// Our mean held-out F1 per grid cell against the published heatmap.
    static func heatmap(_ r: Paper1Results, _ p: Paper1Published.Heatmap) -> [String: Any] {
        let differences = p.differences(r.lrGrid)
        let worst = differences.max { abs($0.value) < abs($1.value) }
        let best = differences.filter { abs($0.rate - 0.03) < 1e-12 }.map { abs($0.value) }
        return [
            "meanAbsDiff": Digits.fixed(differences.map { abs($0.value) }.reduce(0, +)
                                        / Double(max(differences.count, 1)), 2),
            "maxAbsDiff": worst.map { Digits.fixed($0.value, 2) } ?? "–",
            "maxAt": worst.map { "\($0.hidden), lr \(RateLabel.text($0.rate))" } ?? "–",
            "bestColumnMeanAbsDiff": Digits.fixed(best.reduce(0, +) / Double(max(best.count, 1)), 2),
        ]
    }

    /// Pair 4/9's mean change in held-out F1 at 95 % and 99 % under both readings, and the two
    /// extremes the template's verdict paragraph quotes.
    static func pruning(_ r: Paper1Results) -> [String: Any] {
        let cases: [(MagnitudePruning.Reading, Double)] = [(.correct, 95), (.correct, 99), (.published, 95),
                                                           (.published, 99)]
        let change: [[Int: Summary]] = cases.map {
            Paper1Summaries.pruningChange(r, pair: Paper1Plan.hardestPair, level: $0.1, reading: $0.0)
        }
        let rows: [[String: Any]] = change[0].keys.sorted().map { h in
            ["hidden": h, "correct95": Digits.fixed(change[0][h]?.mean ?? .nan, 2),
             "correct99": Digits.fixed(change[1][h]?.mean ?? .nan, 2),
             "published95": Digits.fixed(change[2][h]?.mean ?? .nan, 3),
             "published99": Digits.fixed(change[3][h]?.mean ?? .nan, 3)]
        }
        let publishedRange = change[2...3].flatMap { $0.values.map { abs($0.mean) } }.max() ?? .nan
        let correctWorst = change[0...1].flatMap { $0.values.map(\.mean) }.min() ?? .nan
        return ["rows": rows, "publishedRange": Digits.fixed(publishedRange, 3),
                "statedWorstLoss": Digits.fixed(-correctWorst, 1)]
    }

    static func gaussian(_ r: Paper1Results, _ p: Paper1Published.Gaussian) -> [[String: Any]] {
        let ours = Paper1Summaries.gaussian(r)
        return p.sigmas.enumerated().map { k, sigma in
            ["sigma": Digits.fixed(sigma, 1),
             "ours24": Digits.meanStd(ours[24]?[sigma]),
             "published24": Digits.fixed(p.curve(hidden: 24)?[k] ?? .nan),
             "ours64": Digits.meanStd(ours[64]?[sigma]),
             "published64": Digits.fixed(p.curve(hidden: 64)?[k] ?? .nan)]
        }
    }

    /// Finite differences against the gradient, and the pruned maps against the original.
    static func saliency(_ r: Paper1Results) -> [String: Any] {
        let correlations = r.saliency.flatMap { $0.maps.flatMap { [$0.correlationCode, $0.correlationPaper] } }
        let pruned: [[String: Any]] = r.saliency.flatMap { s in
            SaliencyStudy.digits.map { digit -> [String: Any] in
                func correlation(_ name: String) -> String {
                    s.correlationWithOriginal(name, digit: digit).map { Digits.fixed($0) } ?? "–"
                }
                return ["hidden": s.configuration.hidden, "source": s.configuration.source, "digit": digit,
                        "pruned": correlation("pruned"), "prunedAsCoded": correlation("pruned-published")]
            }
        }
        return ["maps": correlations.count, "smallestCorrelation": Digits.fixed(correlations.min() ?? .nan),
                "pruned": pruned]
    }
}
