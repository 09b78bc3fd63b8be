import Foundation
import ReproKernelDispatch
import ReproSupport
import XCTest
@testable import ReproSparse

/// The sparse kernels' bits are pinned: a network trained on them alone (no BLAS, so no
/// machine-dependent library in the sums) hashes to the value the kernels gave when they were
/// first dispatched by instruction set, in every family. A change to a kernel that moves a bit
/// — a reordered sum, a fused multiply-add — fails here, before it can make stored results
/// differ from what the code computes.
final class KernelBitsTests: XCTestCase {
    static let pinned = "6ef040010f372c2f820d3995093945ad960fb61db9e4b3bea190c35c221d07b9"

    func testSparseKernelsGiveThePinnedBitsInEveryFamily() throws {
        let data = Synthetic(inputs: 40, count: 150, classes: 8, seed: 31)
        for family in Kernels.supported {
            let hash = try Kernels.with(family) { () throws -> String in
                var order = SplitMix64(3)
                let trainer = try SparseTrainer(
                    model: try randomModel([(40, 300, 1200), (300, 60, 900), (60, 8, 120)], seed: 11),
                    options: SparseTrainingOptions(batchSize: 50, threads: 2, kernels: .sparse))
                for _ in 0..<3 { _ = try trainer.trainEpoch(on: try data.dataset(), shuffling: &order) }
                let bits = trainer.model.layers.flatMap { $0.values.map(\.bitPattern) + $0.bias.map(\.bitPattern) }
                return StableHash.sha256Hex(bits.withUnsafeBytes { Data($0) })
            }
            XCTAssertEqual(hash, Self.pinned, "\(family)")
        }
    }
}
