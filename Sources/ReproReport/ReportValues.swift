import Foundation
import ReproSupport

/// The template values every paper's report has: the paper, its claims and verdict counts, its
/// figures (by id, with label, caption and file names), and the provenance. Paper-specific values
/// are merged on top by the report builder.
public enum ReportValues {
    public static func common(facts: PaperFacts, claims: [ClaimResult], figures: [FigureID],
                              provenance: Provenance, quick: Bool) -> [String: Any] {
        var figureMap: [String: Any] = [:]
        for id in figures { figureMap[id.rawValue] = figure(id, facts) }
        let appendix = facts.figures.filter {
            $0.section == "appendix" && figures.contains(FigureID($0.id))
        }
            .map { figure(FigureID($0.id), facts) }
        return [
            "paper": ["id": facts.metadata.id, "title": facts.metadata.title,
                      "authors": facts.metadata.authors, "summary": facts.metadata.summary],
            "quick": quick,
            "claims": claims.map { claimRow($0, facts) },
            "counts": counts(claims),
            "seedCheck": seedCheck(claims),
            "figures": figureMap,
            "appendixFigures": appendix,
            "provenance": dictionary(provenance),
            "seedList": provenance.seeds.map(String.init).joined(separator: ", "),
            "buildSeconds": Digits.fixed(provenance.buildSeconds, 1),
            // This run's wall times, left out of a report dated by SOURCE_DATE_EPOCH.
            "timesShown": !provenance.datedBySource,
            "dataFiles": provenance.dataFiles.keys.sorted().map {
                ["name": $0, "sha": provenance.dataFiles[$0] ?? ""]
            },
        ]
    }

    /// How many claims have each kind of verdict (zero counts read as false, so a template can
    /// leave out "0 cannot be tested").
    public static func counts(_ claims: [ClaimResult]) -> [String: Any] {
        var counts: [String: Any] = [:]
        for kind in Verdict.Kind.allCases {
            let n = claims.filter { $0.verdict.kind == kind }.count
            counts[kind.rawValue] = n > 0 ? n : (kind == .untestable ? false : 0)
        }
        return counts
    }

    public static func anchor(_ id: String) -> String { "figure-\(id)" }

    /// `values` with every figure caption's Mustache tags filled from `values` itself, so a
    /// caption states the numbers the profile used ("{{settings.attackImages}} test images").
    static func fillingCaptions(_ values: [String: Any]) throws -> [String: Any] {
        var filled = values
        func fill(_ figure: Any) throws -> Any {
            guard var f = figure as? [String: Any], let caption = f["caption"] as? String else {
                return figure
            }
            f["caption"] = try TemplateSet.fill(caption, values)
            return f
        }
        if let figures = values["figures"] as? [String: Any] {
            filled["figures"] = try figures.mapValues(fill)
        }
        if let appendix = values["appendixFigures"] as? [Any] {
            filled["appendixFigures"] = try appendix.map(fill)
        }
        return filled
    }

    static func figure(_ id: FigureID, _ facts: PaperFacts) -> [String: Any] {
        let info = facts.figure(id.rawValue)
        return ["id": id.rawValue, "anchor": anchor(id.rawValue),
                "label": info?.label ?? id.rawValue,
                "caption": info?.caption ?? "", "png": "figures/\(id).png",
                "pdf": "figures/\(id).pdf"]
    }

    static func claimRow(_ c: ClaimResult, _ facts: PaperFacts) -> [String: Any] {
        var row: [String: Any] = [
            "id": c.claim.id, "text": c.claim.text, "published": c.claim.published,
            "reproduced": c.reproduced, "verdict": c.verdict.text,
            "verdictKind": c.verdict.kind.rawValue,
            "figureLabel": facts.figure(c.claim.figure)?.label ?? c.claim.figure,
            "figureAnchor": anchor(c.claim.figure),
            // Per scope (each kind of network …) when the claim was checked in several.
            "scopesText": c.scopes.map { $0.map(\.text).joined(separator: "; ") } ?? false,
            // The verdict in the first scope the claim was checked in (paper 2: the MLP).
            "firstScope": c.scopes?.first.map(\.verdict.text) ?? c.verdict.text,
            // Under other readings of the paper, where checked.
            "readingsText": c.readings.map { $0.map(\.text).joined(separator: "; ") } ?? false,
            "readingSensitive": c.readingSensitive.flatMap { $0.isEmpty ? nil : $0.joined(separator: ", ") }
                ?? false]
        if let r = c.robustness {
            var seeds: [String: Any] = ["verdict": r.verdict.text, "verdictKind": r.verdict.kind.rawValue,
                                        "status": r.status, "fragile": r.fragile, "note": r.note ?? "–"]
            seeds["statistic"] = r.statistic?.name ?? "none: one model, nothing to resample"
            seeds["paperValue"] = r.paperStatistic.map { $0.format($0.value) } ?? "–"
            seeds["value"] = r.intervalText
            seeds["holdsIf"] = r.statistic.map { $0.holdsIn.text($0.format) } ?? "–"
            row["seeds"] = seeds
        }
        return row
    }

    /// What the claims table says about the extended seeds, or false when the claims were
    /// checked on one set of seeds.
    static func seedCheck(_ claims: [ClaimResult]) -> Any {
        guard let r = claims.lazy.compactMap(\.robustness).first else { return false }
        let all = claims.compactMap(\.robustness)
        let robust: Int = all.filter { $0.status == "robust" }.count
        let fragile: Int = all.filter(\.fragile).count
        let single: Int = all.filter { $0.status == "one model" }.count
        var values: [String: Any] = ["paperCount": r.paperSeeds.count, "count": r.seeds.count]
        values["paperSeeds"] = r.paperSeeds.map(String.init).joined(separator: ", ")
        values["extendedList"] = r.seeds.map(String.init).joined(separator: ", ")
        values["resamples"] = SeedBootstrap().resamples
        values["robust"] = robust
        values["fragile"] = fragile
        values["single"] = single > 0 ? single : false
        return values
    }

    static func dictionary(_ p: Provenance) -> [String: Any] {
        ["gitCommit": p.gitCommit, "gitDirty": p.gitDirty, "date": p.date, "cores": p.cores,
         "cpu": p.cpu, "memoryGiB": p.memoryGiB, "swiftVersion": p.swiftVersion,
         "openBLAS": p.openBLAS, "openBLASThreads": p.openBLASThreads, "kernels": p.kernels ?? "not recorded",
         "experiments": p.experiments.map {
             ["name": $0.name, "specHash": $0.specHash, "models": $0.models,
              "computeSeconds": Digits.fixed($0.computeSeconds, 1)] as [String: Any]
         }]
    }
}
