/// A train/test partition as index arrays into the samples, in scikit-learn's order.
public struct TrainTestIndices: Equatable, Sendable {
    /// Indices of the training samples, in the order `X[train]` lists them.
    public var train: [Int]
    /// Indices of the test samples, in the order `X[test]` lists them.
    public var test: [Int]

    public init(train: [Int], test: [Int]) {
        self.train = train
        self.test = test
    }
}
