extension Generator {
    /// `Generator.shuffle(x)` for a 1-D array: Fisher–Yates from the end with the **bit-mask**
    /// bounded draw on the buffered `next32` (§5), unlike `choice`, which uses Lemire (§4.4).
    public mutating func shuffle<Element>(_ elements: inout [Element]) {
        shuffleByRandomInterval(&elements)
    }

    /// `Generator.permutation(n)`: `arange(n)` shuffled (§5).
    public mutating func permutation(_ count: Int) -> [Int] {
        precondition(count >= 0, "permutation needs a non-negative count")
        var values = Array(0..<count)
        shuffle(&values)
        return values
    }

    /// `Generator.permutation(array)` for a 1-D array: a shuffled copy.
    public mutating func permutation<Element>(of elements: [Element]) -> [Element] {
        var copy = elements
        shuffle(&copy)
        return copy
    }
}
