/// How well an embedding keeps classes apart, as a single number.
public enum TSNEQuality {
    /// Leave-one-out k-nearest-neighbour accuracy of `labels` in a 2-D embedding (row-major n × 2):
    /// the share of points whose k nearest others mostly carry their label (ties: smaller label).
    public static func neighbourAccuracy(_ y: [Double], labels: [Int], k: Int = 10) -> Double {
        let n = labels.count
        guard n > k else { return .nan }
        var correct = 0
        var nearest = [(distance: Double, label: Int)]()
        nearest.reserveCapacity(k + 1)
        for i in 0..<n {
            nearest.removeAll(keepingCapacity: true)
            for j in 0..<n where j != i {
                let dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1]
                let d = dx * dx + dy * dy
                if nearest.count == k, d >= nearest[k - 1].distance { continue }
                // Insert in order, keeping only the k closest.
                var at = nearest.count
                while at > 0 && nearest[at - 1].distance > d { at -= 1 }
                nearest.insert((d, labels[j]), at: at)
                if nearest.count > k { nearest.removeLast() }
            }
            var votes: [Int: Int] = [:]
            for neighbour in nearest { votes[neighbour.label, default: 0] += 1 }
            let winner = votes.max {
                $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key)
            }!.key
            if winner == labels[i] { correct += 1 }
        }
        return Double(correct) / Double(n)
    }
}
