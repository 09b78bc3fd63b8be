import ReproExperiments
import ReproSupport

/// The plan of a family, printable before it runs: each size's keep fraction, non-zeros per layer
/// and in total.
public enum Paper2Design {
    public static func rows(_ plan: Paper2Plan) -> [[String]] {
        plan.sizes.compactMap { width, depth in
            guard let spec = plan.specs(data: "").first(where: {
                $0.width == width && $0.depth == depth
                    && $0.isPruned == (plan.family.role == .pruned)
            })
            else { return nil }
            let kept = spec.keptPerLayer
            return [plan.family.role == .depth ? "\(depth)" : "\(width)", "\(depth)",
                    String(format: "%.6f", spec.keepFraction),
                    kept.map(String.init).joined(separator: " / "), "\(kept.reduce(0, +))"]
        }
    }

    /// A convolutional family's sizes: architecture, base width, keep, the kept weights of its
    /// conv and dense layers and in total, and multiply-adds per image on the kept weights.
    public static func convRows(_ plan: Paper2Plan) -> [[String]] {
        plan.sizes.compactMap { width, depth in
            guard let spec = plan.specs(data: "").first(where: {
                $0.width == width && $0.depth == depth && $0.isPruned == (plan.family.role == .pruned)
            }), let architecture = spec.architecture else { return nil }
            let kept = spec.keptPerLayer
            let macs = (try? architecture.multiplyAdds(kept: kept)) ?? 0
            return [architecture.name, "\(width)", String(format: "%.6f", spec.keepFraction),
                    "\(kept.count) layers: \(kept.min() ?? 0)…\(kept.max() ?? 0)",
                    "\(kept.reduce(0, +))", String(format: "%.2f M", Double(macs) / 1e6)]
        }
    }

    public static func describe(_ plan: Paper2Plan) -> String {
        if plan.family.isConvolutional {
            return "\(plan.experiment): \(plan.seeds.count) seeds × \(plan.sizes.count) sizes, "
                + "batch \(plan.batchSize), lr \(plan.learningRate) (cosine over 300 epochs), "
                + "at most \(plan.maxEpochs) epochs, stop below a training loss of "
                + "\(ModelSpec.convStopLoss)\n"
                + TextTable.render(header: ["architecture", "width", "keep", "kept per layer",
                                            "kept", "MACs/image"], rows: convRows(plan))
        }
        let header = [plan.family.role == .depth ? "depth" : "width", "hidden layers", "keep",
                      "non-zeros per layer", "total"]
        return "\(plan.experiment): \(plan.seeds.count) seeds × \(plan.sizes.count) sizes, "
            + "batch \(plan.batchSize), "
            + "lr \(plan.learningRate), at most \(plan.maxEpochs) epochs\n"
            + TextTable.render(header: header, rows: rows(plan))
    }
}
