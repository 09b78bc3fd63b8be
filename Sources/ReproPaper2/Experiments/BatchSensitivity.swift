/// The reviewer's question about a choice the paper leaves open: does the batch size (the paper
/// gives none; repro uses 128) move the results? The width family's dense base and one sparse
/// width are trained again with batch 64 and evaluated like the rest; the report sets them beside
/// their batch-128 twins.
public enum BatchSensitivity {
    public static let batchSize = 64

    /// The batch-64 networks: widths 128 and 1024, seeds 0 and 1 (quick: 128 and 512, seed 0).
    public static func plan(quick: Bool) -> Paper2Plan {
        var plan = Paper2Plan.named(.sparseWidth, quick: quick)
        plan.experiment = "batch-sensitivity"
        plan.widths = quick ? [128, 512] : [128, 1024]
        plan.seeds = quick ? [0] : [0, 1]
        plan.batchSize = batchSize
        return plan
    }
}
