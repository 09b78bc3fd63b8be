/// `np.unique(y, return_inverse=True)` + stable argsort, split by class (§6.3): for each class in
/// ascending order, the positions holding it, ascending. Sorting (label, position) pairs makes
/// the order stable whatever the sort algorithm.
@inlinable
func indicesByClass<Label: Comparable>(_ labels: [Label]) -> [[Int]] {
    let order = labels.indices.sorted { a, b in
        labels[a] != labels[b] ? labels[a] < labels[b] : a < b
    }
    var groups = [[Int]]()
    for (rank, position) in order.enumerated() {
        if rank > 0, labels[order[rank - 1]] == labels[position] {
            groups[groups.count - 1].append(position)
        } else {
            groups.append([position])
        }
    }
    return groups
}
