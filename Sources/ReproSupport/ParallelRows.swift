import Dispatch
import Foundation

/// Contiguous row ranges run on all cores: the elementwise passes of the numeric hot loops (the
/// batched trainer's passes between its GEMMs, while OpenBLAS's threads are idle, and the t-SNE
/// gradient's rows).
///
/// It lives here, in the package's shared support module, because both `ReproNN` and
/// `ReproAnalysis` use it and the idea belongs to neither (`ReproAnalysis` imports `ReproNN`
/// only for BLAS). It is `package`, not `public`: every module of this package sees it, no client
/// of a product does.
///
/// The split depends only on the row count, the two tuning parameters and the machine's core
/// count, never on what the rows hold, so a pass that adds per-chunk partial sums gives the same
/// bits for the same rows whatever else is in the batch.
package struct ParallelRows: Sendable {
    package static let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// The chunks, in order; together exactly `0..<count`.
    package let chunks: [Range<Int>]

    /// Splits `count` rows into at most `chunksPerWorker` chunks per core, each at least
    /// `minimumRows` long (one chunk when there are fewer rows), as even as integers allow.
    /// More than one chunk per core evens out the load when cores are shared.
    package init(_ count: Int, minimumRows: Int = 256, chunksPerWorker: Int = 1) {
        precondition(count >= 0 && minimumRows > 0 && chunksPerWorker > 0)
        let k = min(Self.workers * chunksPerWorker, max(1, count / minimumRows))
        chunks = (0..<k).map { c in (count * c / k)..<(count * (c + 1) / k) }
    }

    package var count: Int { chunks.count }

    /// Runs `body(c, chunks[c])` for every chunk, concurrently; returns when all have run.
    package func forEach(_ body: (_ chunk: Int, _ rows: Range<Int>) -> Void) {
        let chunks = self.chunks
        DispatchQueue.concurrentPerform(iterations: chunks.count) { c in body(c, chunks[c]) }
    }
}
