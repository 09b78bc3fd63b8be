import ReproNetwork
/// Static random masks: which k of a layer's fanIn · fanOut weight positions are kept.
public enum SparseMask {
    /// A uniformly random subset of exactly `k` of the positions 0..<positions, sorted ascending.
    ///
    /// Robert Floyd's algorithm: for j = positions − k … positions − 1, draw t = index(below: j+1);
    /// take t unless it was taken already, else take j. It costs k draws and k set insertions
    /// whatever the number of positions, so drawing 100,352 of the 25.7 million positions of a
    /// 784 × 32,768 layer takes milliseconds. When more than half the positions are kept, the
    /// complement (the dropped positions) is drawn instead, so the cost is min(k, positions − k).
    public static func draw(
        keep k: Int, of positions: Int,
        using rng: inout some RandomNumberGenerator
    ) throws -> [Int] {
        guard positions > 0 else {
            throw ArchitectureError("mask size must be positive, got \(positions)")
        }
        guard k >= 0, k <= positions else {
            throw ArchitectureError("cannot keep \(k) of \(positions) weight positions")
        }
        if k == positions { return Array(0..<positions) }
        let drop = positions - k
        if k <= drop {
            return floyd(k, positions, &rng).sorted()
        }
        let dropped = floyd(drop, positions, &rng)
        var keep = [Bool](repeating: true, count: positions)
        for p in dropped { keep[p] = false }
        var out: [Int] = []
        out.reserveCapacity(k)
        for p in 0..<positions where keep[p] { out.append(p) }
        return out
    }

    private static func floyd(
        _ k: Int, _ n: Int, _ rng: inout some RandomNumberGenerator
    ) -> Set<Int> {
        var chosen = Set<Int>(minimumCapacity: k)
        var j = n - k
        while j < n {
            let t = RandomDraws.index(below: j + 1, &rng)
            if !chosen.insert(t).inserted { chosen.insert(j) }
            j += 1
        }
        return chosen
    }
}
