/// How a fixed budget of kept weights is shared among the conv and linear layers.
public enum MaskRule: String, CaseIterable, Codable, Sendable {
    /// Every layer keeps the same fraction, budget / capacity: exactly ⌊f·n⌋ each, the rounding
    /// remainder one by one to the layers with the largest fractional parts (ties: earlier
    /// layer first), so the total is the budget (paper 2's rule, as for the MLPs).
    case uniform
    /// wide-sparse-nets' rule: the largest layers are cut down to a common cap T with
    /// Σ min(n, T) = budget, smaller layers stay dense; the remainder one each to the capped
    /// layers in layer order.
    case waterFilling = "water-filling"

    public init(parsing text: String) throws {
        guard let rule = MaskRule(rawValue: text.lowercased()) else {
            throw ConvError("unknown mask rule \"\(text)\" (known: \(MaskRule.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        self = rule
    }

    /// Kept weights per layer of sizes `sizes` for a total of `budget`.
    public func keptCounts(sizes: [Int], budget: Int) throws -> [Int] {
        let total = sizes.reduce(0, +)
        guard sizes.allSatisfy({ $0 > 0 }), budget >= 0, budget <= total else {
            throw ConvError("cannot keep \(budget) of \(total) weights")
        }
        if budget == total { return sizes }
        switch self {
        case .uniform:
            let f = Double(budget) / Double(total)
            var kept = sizes.map { Int((f * Double($0)).rounded(.down)) }
            let remainder = budget - kept.reduce(0, +)
            let order = sizes.indices.sorted { a, b in
                let ra = f * Double(sizes[a]) - Double(kept[a]), rb = f * Double(sizes[b]) - Double(kept[b])
                return ra != rb ? ra > rb : a < b
            }
            var given = 0
            for l in order where given < remainder && kept[l] < sizes[l] {
                kept[l] += 1; given += 1
            }
            return kept
        case .waterFilling:
            // The largest cap T with Σ min(n, T) ≤ budget.
            var low = 0, high = sizes.max()!
            while low < high {
                let mid = (low + high + 1) / 2
                if sizes.reduce(0, { $0 + min($1, mid) }) <= budget { low = mid } else { high = mid - 1 }
            }
            var kept = sizes.map { min($0, low) }
            var remainder = budget - kept.reduce(0, +)
            for l in sizes.indices where remainder > 0 && sizes[l] > low {
                kept[l] += 1; remainder -= 1
            }
            return kept
        }
    }
}
