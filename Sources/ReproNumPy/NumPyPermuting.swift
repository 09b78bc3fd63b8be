/// What `RandomState` and `Generator` share for permutations: numpy builds `permutation(n)` and
/// `permutation(array)` on `shuffle` in both (§2.3, §5); only the shuffle's draws differ.
public protocol NumPyPermuting {
    mutating func shuffle<Element>(_ elements: inout [Element])
}

extension NumPyPermuting {
    /// `permutation(n)`: `arange(n)` shuffled.
    public mutating func permutation(_ count: Int) -> [Int] {
        precondition(count >= 0, "permutation needs a non-negative count")
        var values = Array(0..<count)
        shuffle(&values)
        return values
    }

    /// `permutation(array)` for a 1-D array: a shuffled copy.
    public mutating func permutation<Element>(of elements: [Element]) -> [Element] {
        var copy = elements
        shuffle(&copy)
        return copy
    }
}
