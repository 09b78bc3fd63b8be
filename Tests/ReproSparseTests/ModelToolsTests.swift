import XCTest

@testable import ReproSparse

final class ModelToolsTests: XCTestCase {
    func testMagnitudePruningKeepsExactlyKLargestPerLayer() throws {
        let dense = try randomModel([(30, 20, 600), (20, 10, 200)], seed: 4)
        let pruned = try MagnitudePruning.prune(dense, keep: [45, 17])
        for (l, k) in [45, 17].enumerated() {
            let before = dense.layers[l]
            let after = pruned.layers[l]
            XCTAssertEqual(after.kept, k)
            XCTAssertEqual(after.bias, before.bias)
            let smallestKept = after.values.map(abs).min() ?? 0
            var kept = Set<Int32>()
            for p in after.indices { kept.insert(p) }
            for (p, v) in zip(before.indices, before.values) {
                if kept.contains(p) {
                    let q = after.indices.firstIndex(of: p) ?? -1
                    XCTAssertEqual(after.values[q], v, "kept values are unchanged")
                } else {
                    XCTAssertLessThanOrEqual(
                        abs(v), smallestKept, "dropped \(p) is larger than a kept one")
                }
            }
        }
    }

    func testPruningBreaksTiesByLowerPosition() throws {
        let layer = try SparseLayer(
            fanIn: 3, fanOut: 2, indices: [0, 1, 2, 3, 4, 5],
            values: [1, -2, 2, 0.5, -2, 3], bias: [0, 0])
        let pruned = try MagnitudePruning.prune(layer, keep: 3)
        XCTAssertEqual(pruned.indices, [1, 2, 5])
        XCTAssertEqual(pruned.values, [-2, 2, 3])
        XCTAssertThrowsError(try MagnitudePruning.prune(layer, keep: 7))
    }

    func testNoiseKeepsZerosZeroAndScalesWithSigma() throws {
        var m = try randomModel([(50, 40, 300), (40, 10, 100)], seed: 8)
        var layers = m.layers
        layers[0].values[0] = 0  // a kept weight that is exactly 0
        m = try SparseMLP(layers: layers)
        var rng = SplitMix64(1)
        let noisy = try WeightNoise.perturbed(m, sigma: 0.2, using: &rng)
        XCTAssertEqual(noisy.layers[0].values[0], 0)
        var ratios: [Double] = []
        for (a, b) in zip(m.layers, noisy.layers) {
            XCTAssertEqual(a.indices, b.indices)
            XCTAssertEqual(a.bias, b.bias)
            let da = a.denseWeights()
            let db = b.denseWeights()
            for p in da.indices where da[p] == 0 { XCTAssertEqual(db[p], 0) }
            for (x, y) in zip(a.values, b.values) where x != 0 { ratios.append(Double(y / x) - 1) }
        }
        let mean = ratios.reduce(0, +) / Double(ratios.count)
        let sd = (ratios.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(ratios.count))
            .squareRoot()
        XCTAssertEqual(mean, 0, accuracy: 0.03)
        XCTAssertEqual(sd, 0.2, accuracy: 0.02)
        var r0 = SplitMix64(1)
        XCTAssertEqual(try WeightNoise.perturbed(m, sigma: 0, using: &r0), m)
        var r1 = SplitMix64(2)
        let withBias = try WeightNoise.perturbed(m, sigma: 0.2, biases: true, using: &r1)
        XCTAssertNotEqual(withBias.layers[1].bias, m.layers[1].bias)
    }

    func testStoredLayersRoundTrip() throws {
        let m = try randomModel([(784, 32_768, 100_352), (32_768, 10, 1_280)], seed: 2)
        let copy = try SparseMLP(
            layers: m.layers.map {
                try SparseLayer(
                    fanIn: $0.fanIn, fanOut: $0.fanOut, indices: $0.indices,
                    values: $0.values, bias: $0.bias)
            })
        XCTAssertEqual(copy, m)
        XCTAssertEqual(m.keptWeights, 101_632)
        XCTAssertEqual(m.layers[0].indices.count, 100_352)
    }
}
