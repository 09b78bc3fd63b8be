/// A network's results on a labelled set.
public struct ClassificationScore: Sendable, Equatable {
    public let count: Int
    public let correct: Int
    /// Mean cross-entropy over the examples.
    public let meanLoss: Double
    /// Per class: correctly classified examples of the class / examples of the class (0 for a
    /// class with no example).
    public let perClassRecall: [Double]
    /// Examples per class.
    public let classCounts: [Int]

    public init(count: Int, correct: Int, meanLoss: Double, perClassRecall: [Double],
                classCounts: [Int]) {
        self.count = count; self.correct = correct; self.meanLoss = meanLoss
        self.perClassRecall = perClassRecall; self.classCounts = classCounts
    }

    public var accuracy: Double { Double(correct) / Double(max(1, count)) }
    /// The sensitive class's recall: the minimum per-class recall over the classes present.
    public var minimumRecall: Double {
        zip(perClassRecall, classCounts).filter { $0.1 > 0 }.map(\.0).min() ?? 0
    }
}

/// Running counts for ``ClassificationScore``, example by example.
public struct ScoreTally: Sendable {
    private var count = 0
    private var correct = 0
    private var lossSum = 0.0
    private var hits: [Int]
    private var totals: [Int]

    public init(classes: Int) {
        hits = [Int](repeating: 0, count: classes)
        totals = [Int](repeating: 0, count: classes)
    }

    public mutating func add(label: Int, predicted: Int, loss: Float) {
        count += 1
        lossSum += Double(loss)
        totals[label] += 1
        if predicted == label {
            correct += 1
            hits[label] += 1
        }
    }

    public var result: ClassificationScore {
        ClassificationScore(
            count: count, correct: correct, meanLoss: lossSum / Double(max(1, count)),
            perClassRecall: zip(hits, totals).map { $1 > 0 ? Double($0) / Double($1) : 0 },
            classCounts: totals)
    }
}
