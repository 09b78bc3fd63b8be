import XCTest
@testable import ReproSparse

/// The automatic kernel choice and the trainer version that follows it: a network keeps version 1
/// (and its stored results' keys) exactly when every layer runs on the kernels it ran on under the
/// first crossover.
final class KernelChoiceTests: XCTestCase {
    func testEachCrossoverSplitsTheLayersAsItSays() {
        let choice = SparseKernelChoice.automatic
        XCTAssertTrue(choice.usesDense(keep: 1))
        XCTAssertTrue(choice.usesDense(keep: SparseKernelChoice.denseCrossover))
        XCTAssertTrue(choice.usesDense(keep: 0.61))
        XCTAssertFalse(choice.usesDense(keep: 0.5))
        XCTAssertFalse(choice.usesDense(keep: 0.25))
        XCTAssertEqual(SparseKernelChoice.crossovers.last, SparseKernelChoice.denseCrossover)
    }

    func testOnlyNetworksWhoseKernelsChangedGetANewVersion() {
        // Dense everywhere before and now (784-128-10, depth 2), sparse everywhere before and
        // now (2^10).
        XCTAssertEqual(SparseKernelChoice.trainerVersion(keeps: [1, 1]), 1)
        XCTAssertEqual(SparseKernelChoice.trainerVersion(keeps: [0.61, 0.61, 0.61]), 1)
        XCTAssertEqual(SparseKernelChoice.trainerVersion(keeps: [0.125, 0.125]), 1)
        XCTAssertEqual(SparseKernelChoice.trainerVersion(keeps: [0.001, 0.01]), 1)
        // BLAS under the first crossover (0.25), the sparse kernels now: 2^8, 2^9, depth 4.
        XCTAssertEqual(SparseKernelChoice.trainerVersion(keeps: [0.5, 0.5]), 2)
        XCTAssertEqual(SparseKernelChoice.trainerVersion(keeps: [0.25, 0.25]), 2)
        XCTAssertEqual(SparseKernelChoice.trainerVersion(keeps: [0.34, 0.34, 0.34, 0.34]), 2)
        // One layer that moved is enough (a dense output layer next to a moved first layer).
        XCTAssertEqual(SparseKernelChoice.trainerVersion(keeps: [0.3, 1]), 2)
        XCTAssertEqual(SparseKernelChoice.trainerVersion(keeps: []), 1)
    }
}
