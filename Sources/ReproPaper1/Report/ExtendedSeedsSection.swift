import ReproExperiments
import ReproSupport

/// The template values of the report's section on the extended seeds: which seeds, how many
/// models they added, and what training them cost.
enum ExtendedSeedsSection {
    static func values(_ full: Paper1Results) -> [String: Any] {
        let extra = full.extendedSeeds.filter { !full.paperSeeds.contains($0) }
        // Each model once (the grid's lr-0.03 models are the capacity sweep's 4/9 models), its
        // share of its batch's wall time.
        var models: [String: ModelRecord] = [:]
        for r in full.lrGrid + full.capacity where extra.contains(r.spec.seed) { models[r.key] = r }
        let seconds = models.values.reduce(0) { $0 + $1.batchSeconds / Double(max($1.batchSize, 1)) }
        return ["count": full.extendedSeeds.count, "paperCount": full.paperSeeds.count,
                "extra": extra.count, "extraList": extra.map(String.init).joined(separator: ", "),
                "extraModels": models.count, "extraMinutes": Digits.fixed(seconds / 60, 1),
                "any": !extra.isEmpty]
    }
}
