import ReproExperiments

/// What paper 2's report reads: the trained networks of each family and every evaluation of them.
public struct Paper2Results {
    public var records: [Paper2Family: [ModelRecord]]
    public var robustness: [RobustnessRow]

    public init(records: [Paper2Family: [ModelRecord]], robustness: [RobustnessRow]) {
        self.records = records
        self.robustness = robustness
    }
}
