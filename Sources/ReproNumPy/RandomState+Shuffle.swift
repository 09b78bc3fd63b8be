extension RandomState: NumPyPermuting {
    /// `RandomState.shuffle(x)` for a 1-D array: in-place Fisher–Yates from the end with the
    /// bit-mask bounded draw (§2.2).
    public mutating func shuffle<Element>(_ elements: inout [Element]) {
        shuffleByRandomInterval(&elements)
    }

    /// `RandomState.choice(a, size, replace=False)` with `p=None` (§2.4): the **whole**
    /// population is permuted, then the first `size` are taken, so even `size == a.count`
    /// consumes draws.
    /// - Precondition: `0 <= size <= elements.count` (numpy raises a `ValueError`).
    public mutating func choiceWithoutReplacement<Element>(
        from elements: [Element], size: Int
    ) -> [Element] {
        precondition(size >= 0 && size <= elements.count,
                     "Cannot take a larger sample than population when replace is False")
        let order = permutation(elements.count)
        return order.prefix(size).map { elements[$0] }
    }
}
