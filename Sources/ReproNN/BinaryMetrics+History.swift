/// The binary trainer's metrics as named history entries and back.
extension BinaryMetrics {
    /// The names the binary trainer logs each epoch.
    public static let names = ["loss", "accuracy", "precision", "recall", "f1", "auc"]

    public var named: [String: Double] {
        ["loss": loss, "accuracy": accuracy, "precision": precision, "recall": recall, "f1": f1,
         "auc": auc]
    }

    /// Reads the named values back (absent names read as NaN, never as a plausible 0).
    public init(named values: [String: Double]) {
        func v(_ name: String) -> Double { values[name] ?? .nan }
        self.init(loss: v("loss"), accuracy: v("accuracy"), precision: v("precision"),
                  recall: v("recall"), f1: v("f1"), auc: v("auc"))
    }
}

extension TrainingHistory {
    public mutating func append(_ m: BinaryMetrics) { append(m.named) }

    public var f1: [Double] { series("f1") }
    public var loss: [Double] { series("loss") }
    public var auc: [Double] { series("auc") }
    public var accuracy: [Double] { series("accuracy") }
    public var precision: [Double] { series("precision") }
    public var recall: [Double] { series("recall") }
    public var bestF1: Double { f1.max() ?? 0 }
}
