import ReproExperiments
import ReproSupport

/// The plan of a family, printable before it runs: each size's keep fraction, non-zeros per layer
/// and in total.
public enum Paper2Design {
    public static func rows(_ plan: Paper2Plan) -> [[String]] {
        plan.sizes.compactMap { width, depth in
            guard let spec = plan.specs(data: "").first(where: {
                $0.width == width && $0.depth == depth
                    && $0.isPruned == (plan.family == .prunedWidth)
            })
            else { return nil }
            let kept = spec.keptPerLayer
            return [plan.family == .sparseDepth ? "\(depth)" : "\(width)", "\(depth)",
                    String(format: "%.6f", spec.keepFraction),
                    kept.map(String.init).joined(separator: " / "), "\(kept.reduce(0, +))"]
        }
    }

    public static func describe(_ plan: Paper2Plan) -> String {
        let header = [plan.family == .sparseDepth ? "depth" : "width", "hidden layers", "keep",
                      "non-zeros per layer", "total"]
        return "\(plan.experiment): \(plan.seeds.count) seeds × \(plan.sizes.count) sizes, "
            + "batch \(plan.batchSize), "
            + "lr \(plan.learningRate), at most \(plan.maxEpochs) epochs\n"
            + TextTable.render(header: header, rows: rows(plan))
    }
}
