import Foundation
import ReproData
import ReproExperiments
import ReproFigures
import ReproNN

/// The values the templates see, as plain dictionaries and arrays (what Mustache renders).
enum ReportContext {
    struct FigureFiles { var png: String; var pdf: String }

    static func make(results r: Paper1Results, facts: PaperFacts, claims: [ClaimResult], provenance: Provenance,
                     profile: ExperimentPlan, figures: [String: FigureFiles], analysisSeconds: [(String, Double)]) -> [String: Any] {
        func f(_ x: Double, _ digits: Int = 3) -> String { x.isFinite ? String(format: "%.\(digits)f", x) : "–" }
        func pm(_ s: Summary?) -> String { s.map { "\(f($0.mean)) ± \(f($0.std))" } ?? "–" }
        func figure(_ id: String) -> [String: Any]? {
            guard let files = figures[id] else { return nil }
            let info = facts.figure(id)
            return ["id": id, "anchor": anchor(id), "label": info?.label ?? id, "caption": info?.caption ?? "", "png": files.png, "pdf": files.pdf]
        }
        var figureMap: [String: Any] = [:]
        for id in figures.keys { figureMap[id] = figure(id) }
        let appendix = facts.figures.filter { $0.section == "appendix" }.compactMap { figure($0.id) }

        let claimRows: [[String: Any]] = claims.map { c in
            ["id": c.claim.id, "text": c.claim.text, "published": c.claim.published, "reproduced": c.reproduced,
             "verdict": c.verdict.rawValue, "figureLabel": facts.figure(c.claim.figure)?.label ?? (c.claim.figure == "tab1" ? "Table 1" : c.claim.figure),
             "figureAnchor": anchor(c.claim.figure)]
        }
        func count(_ v: Verdict) -> Int { claims.filter { $0.verdict == v }.count }

        // Heatmap against the published values.
        let ours = Paper1Summaries.heatmap(r)
        let p = facts.published.heatmap
        var differences: [(Double, Int, Double)] = []
        for (i, h) in ours.sizes.enumerated() {
            guard let pi = p.hiddenSizes.firstIndex(of: h) else { continue }
            for (j, lr) in ours.rates.enumerated() {
                guard let pj = p.learningRates.firstIndex(where: { abs($0 - lr) < 1e-12 }) else { continue }
                differences.append((ours.values[i][j] - p.f1[pi][pj], h, lr))
            }
        }
        let worst = differences.max { abs($0.0) < abs($1.0) }
        let best = differences.filter { abs($0.2 - 0.03) < 1e-12 }.map { abs($0.0) }
        let heatmap: [String: Any] = [
            "meanAbsDiff": f(differences.map { abs($0.0) }.reduce(0, +) / Double(max(differences.count, 1)), 2),
            "maxAbsDiff": worst.map { f($0.0, 2) } ?? "–",
            "maxAt": worst.map { "\($0.1), lr \(RateLabel.text($0.2))" } ?? "–",
            "bestColumnMeanAbsDiff": f(best.reduce(0, +) / Double(max(best.count, 1)), 2),
        ]

        let capacity: [[String: Any]] = Paper1Summaries.minimumCapacity(r).map { row in
            ["pair": row.pair.description, "minimum": row.minimum.map(String.init) ?? "none", "atMinimum": pm(row.atMinimum), "atLargest": pm(row.atLargest)]
        }
        let hardest = DigitPair(4, 9)
        let change = [(MagnitudePruning.Reading.correct, 95.0), (.correct, 99), (.published, 95), (.published, 99)].map {
            Paper1Summaries.pruningChange(r, pair: hardest, level: $0.1, reading: $0.0)
        }
        let pruning: [[String: Any]] = change[0].keys.sorted().map { h in
            ["hidden": h, "correct95": f(change[0][h]?.mean ?? .nan, 2), "correct99": f(change[1][h]?.mean ?? .nan, 2),
             "published95": f(change[2][h]?.mean ?? .nan, 3), "published99": f(change[3][h]?.mean ?? .nan, 3)]
        }
        let publishedRange = change[2...3].flatMap(\.values).map { abs($0.mean) }.max() ?? .nan
        let correctWorst = change[0...1].flatMap(\.values).map(\.mean).min() ?? .nan
        let pruningVerdict = "Which reading matches the paper? The published Fig. 4 spans ±0.08 % on its y axis. Removing p/100 % of the weights moves the mean F1 of pair 4/9 by at most \(f(publishedRange, 3)) %, which fits that range. Removing p % costs up to \(f(-correctWorst, 1)) % at 95–99 %. The published curves therefore match what the code ran, not what the paper says."

        let gauss = Paper1Summaries.gaussian(r)
        let gaussian: [[String: Any]] = facts.published.gaussian.sigmas.enumerated().map { k, sigma in
            ["sigma": f(sigma, 1), "ours24": pm(gauss[24]?[sigma]), "published24": f(facts.published.gaussian.f1["24"]?[k] ?? .nan),
             "ours64": pm(gauss[64]?[sigma]), "published64": f(facts.published.gaussian.f1["64"]?[k] ?? .nan)]
        }
        let occ = Paper1Summaries.occlusion(r)
        let occlusion: [[String: Any]] = occ.keys.sorted().map { h in
            ["hidden": h, "ours": pm(occ[h]), "published": facts.published.occlusion.f1["\(h)"].map { f($0) } ?? "–"]
        }
        let quality = r.tsne.panels.map { "\(f($0.neighbourAccuracy)) (\($0.name), final KL \(f($0.result.finalKL, 2)))" }
        let fdCorrelations = r.saliency.flatMap { $0.maps.flatMap { [$0.correlationCode, $0.correlationPaper] } }
        let pruningCorrelations = r.saliency.map { s -> String in
            let original = s.maps.first { $0.model == "original" }
            func r(_ name: String) -> String {
                guard let o = original, let m = s.maps.first(where: { $0.model == name }) else { return "–" }
                return f(Saliency.correlation(o.fdCode, m.fdCode))
            }
            return "h = \(s.configuration.hidden) (\(s.configuration.source)): \(r("pruned")) after pruning 95 %, \(r("pruned-published")) after pruning as the code did"
        }
        let saliencyNote = "Finite differences agree with the analytic input gradient: over all \(fdCorrelations.count) maps above, the smallest correlation is \(f(fdCorrelations.min() ?? .nan)). "
            + "The maps are close to noise, as in the published figure. Correlation of the pruned model's map with the original's, for the same image: "
            + pruningCorrelations.joined(separator: "; ") + "."

        return [
            "paper": ["title": facts.metadata.title, "authors": facts.metadata.authors, "summary": facts.metadata.summary],
            "quick": r.quick,
            "profile": ["seeds": profile.seeds.map(String.init).joined(separator: ", "), "sizes": profile.hiddenSizes.map(String.init).joined(separator: ", "),
                        "epochs": profile.epochs],
            "counts": ["holds": count(.holds), "publishedOnly": count(.holdsOnlyUnderPublishedPruning), "doesNotHold": count(.doesNotHold),
                       "untestable": count(.untestable) > 0 ? count(.untestable) : false] as [String: Any],
            "claims": claimRows, "figures": figureMap, "appendixFigures": appendix,
            "heatmap": heatmap, "capacity": capacity, "pruning": pruning, "pruningVerdict": pruningVerdict,
            "table1": tableOne(r.deadNeurons),
            "tsne": ["quality": quality.joined(separator: "; ")],
            "saliencyNote": saliencyNote,
            "gaussian": gaussian, "occlusion": occlusion,
            "provenance": provenanceDictionary(provenance),
            "seedList": provenance.seeds.map(String.init).joined(separator: ", "),
            "buildSeconds": f(provenance.buildSeconds, 1),
            "dataFiles": provenance.dataFiles.keys.sorted().map { ["name": $0, "sha": provenance.dataFiles[$0]!] },
            "analysisTimes": analysisSeconds.map { "\($0.0) \(f($0.1, 1)) s" }.joined(separator: ", "),
        ]
    }

    static func anchor(_ id: String) -> String { "figure-\(id)" }

    static func tableOne(_ rows: [DeadNeuronStudy.Row]) -> String {
        var lines = ["<a id=\"figure-tab1\"></a>", "", "| pair | h | level | rows of | dead before (per seed) | dead after p % | dead after p/100 % (code) |", "|---|---|---|---|---|---|---|"]
        // One line per case, in the study's order (the paper's rows first), seeds listed in each cell.
        for c in DeadNeuronStudy.cases {
            let group = rows.filter { $0.case == c }
            guard !group.isEmpty else { continue }
            func list(_ k: KeyPath<DeadNeuronStudy.Row, Int>) -> String { group.map { "\($0[keyPath: k])" }.joined(separator: ", ") }
            lines.append("| \(c.pair) | \(c.hidden) | \(Int(c.level)) % | \(c.source) | \(list(\.deadBefore)) | \(list(\.deadAfter)) | \(list(\.deadAfterPublished)) |")
        }
        return lines.joined(separator: "\n")
    }

    static func provenanceDictionary(_ p: Provenance) -> [String: Any] {
        ["gitCommit": p.gitCommit, "gitDirty": p.gitDirty, "date": p.date, "cores": p.cores, "cpu": p.cpu, "memoryGiB": p.memoryGiB,
         "swiftVersion": p.swiftVersion, "openBLAS": p.openBLAS,
         "experiments": p.experiments.map { ["name": $0.name, "specHash": $0.specHash, "models": $0.models, "computeSeconds": String(format: "%.1f", $0.computeSeconds)] as [String: Any] }]
    }
}
