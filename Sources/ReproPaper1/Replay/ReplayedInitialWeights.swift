import ReproNN
import ReproNumPy
import ReproSupport

/// The published program's initial weights, replayed from NumPy's legacy global generator.
///
/// `BinaryClassifier.__init__` draws `w_1 = randn(784, h) * 0.1`, then `w_2 = randn(h, 1) * 0.1`,
/// from one stream seeded once per seed, so a model's weights depend on every model drawn
/// before it. Drawing them all up front, before any training, keeps the batched trainer batched:
/// training uses no randomness, so the draws do not interleave with anything.
public enum ReplayedInitialWeights {
    /// The initial networks of `wanted` (slots of `scheme`), in the order asked. Draws the
    /// stream only as far as the last wanted slot; skipped slots are drawn into a scratch buffer.
    public static func draw(seed: Int, scheme: ReplayScheme, wanted: [ReplayScheme.Slot],
                            inputs: Int = 784, scale: Double = 0.1) throws -> [MLPParameters] {
        let seed32 = try numpySeed(seed)
        let order = scheme.slots
        let positions = try wanted.map { slot in
            guard let at = order.firstIndex(of: slot) else {
                throw ReproError("\(slot.pair) at h = \(slot.hidden) is not in the published "
                                 + "program's grid; use --rng repro for it")
            }
            return at
        }
        guard let last = positions.max() else { return [] }
        var state = RandomState(seed: seed32)
        var drawn: [Int: MLPParameters] = [:]
        var scratch = [Double](repeating: 0, count: inputs * (order.map(\.hidden).max() ?? 0))
        for at in 0...last {
            if scheme.reseedsEachModel {
                // Each model starts the stream afresh: skipped models cost nothing.
                guard positions.contains(at) else { continue }
                state.seed(seed32)
            }
            let h = order[at].hidden
            if positions.contains(at) {
                let w1 = state.randn(rows: inputs, columns: h).map { $0 * scale }
                let w2 = state.randn(rows: h, columns: 1).map { $0 * scale }
                drawn[at] = MLPParameters(inputs: inputs, hidden: h, w1: w1,
                                          b1: .init(repeating: 0, count: h), w2: w2, b2: 0)
            } else {
                scratch.withUnsafeMutableBufferPointer { buffer in
                    for count in [inputs * h, h] {
                        state.fillStandardNormal(.init(rebasing: buffer[..<count]))
                    }
                }
            }
        }
        return positions.map { drawn[$0]! }
    }
}
