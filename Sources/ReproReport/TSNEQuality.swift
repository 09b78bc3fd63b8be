/// How well an embedding keeps classes apart, as a single number.
public enum TSNEQuality {
    /// Leave-one-out k-nearest-neighbour accuracy of `labels` in a 2-D embedding (row-major n × 2).
    public static func neighbourAccuracy(_ y: [Double], labels: [Int], k: Int = 10) -> Double {
        let n = labels.count
        guard n > k else { return .nan }
        var correct = 0
        var distances = [(Double, Int)](repeating: (0, 0), count: n)
        for i in 0..<n {
            for j in 0..<n {
                let dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1]
                distances[j] = (j == i ? .infinity : dx * dx + dy * dy, labels[j])
            }
            let nearest = distances.sorted { $0.0 < $1.0 }.prefix(k)
            let votes = Dictionary(grouping: nearest, by: \.1).mapValues(\.count)
            let winner = votes.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }!.key
            if winner == labels[i] { correct += 1 }
        }
        return Double(correct) / Double(n)
    }
}
