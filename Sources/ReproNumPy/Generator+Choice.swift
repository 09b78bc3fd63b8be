extension Generator {
    /// `Generator.choice(n, size, replace=False)` (`p=None`, `shuffle=True`): `size` distinct
    /// integers from 0..<n, in numpy's order (§4).
    ///
    /// numpy picks one of two algorithms: for populations over 10 000 drawn at more than 1/50,
    /// a partial Fisher–Yates over the tail (§4.5); otherwise Floyd's algorithm (§4.3) followed
    /// by a full shuffle of the result (§4.4). Both draw with Lemire's bounded integers.
    /// - Precondition: `0 <= size <= populationSize` (numpy raises a `ValueError`).
    public mutating func choiceWithoutReplacement(_ populationSize: Int, size: Int) -> [Int] {
        precondition(populationSize >= 0, "population size must be non-negative")
        precondition(size >= 0 && size <= populationSize,
                     "Cannot take a larger sample than population when replace is False")
        let cutoff = 50
        if populationSize > 10_000 && size > populationSize / cutoff {
            return tailShuffleChoice(populationSize, size: size)
        }
        return floydChoice(populationSize, size: size)
    }

    /// `Generator.choice(a, size, replace=False)` for a 1-D array: `a.take(idx)` with the
    /// indices of `choiceWithoutReplacement(a.count, size:)` (§4.6).
    public mutating func choiceWithoutReplacement<Element>(
        from elements: [Element], size: Int
    ) -> [Element] {
        choiceWithoutReplacement(elements.count, size: size).map { elements[$0] }
    }

    /// Floyd's sampling (§4.3): for `j` in `pop − size ..< pop`, draw `v = bounded(j)` and take
    /// `j` instead when `v` is already taken; then `_shuffle_int(size, first: 1)` (§4.4).
    /// numpy's hash table only answers membership, so any set gives the same output.
    private mutating func floydChoice(_ populationSize: Int, size: Int) -> [Int] {
        var chosen = [Int]()
        chosen.reserveCapacity(size)
        var taken = Set<Int>(minimumCapacity: size)
        for j in (populationSize - size)..<populationSize {
            var value = Int(truncatingIfNeeded: bounded(UInt64(j)))
            if taken.contains(value) { value = j }
            taken.insert(value)
            chosen.append(value)
        }
        shuffleByLemire(&chosen, first: 1)
        return chosen
    }

    /// The tail-shuffle branch (§4.5): shuffle `arange(pop)` from the end down to
    /// `max(pop − size, 1)` and return its last `size` entries, with no further shuffle.
    private mutating func tailShuffleChoice(_ populationSize: Int, size: Int) -> [Int] {
        var values = Array(0..<populationSize)
        shuffleByLemire(&values, first: max(populationSize - size, 1))
        return Array(values[(populationSize - size)...])
    }
}
