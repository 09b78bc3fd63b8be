extension Generator: NumPyPermuting {
    /// `Generator.shuffle(x)` for a 1-D array: Fisher–Yates from the end with the **bit-mask**
    /// bounded draw on the buffered `next32` (§5), unlike `choice`, which uses Lemire (§4.4).
    public mutating func shuffle<Element>(_ elements: inout [Element]) {
        shuffleByRandomInterval(&elements)
    }
}
