import Dispatch
import Foundation

/// Splits `0..<count` into one contiguous chunk per core and runs `body` on each concurrently.
/// Used for the elementwise passes between GEMMs, when OpenBLAS's threads are idle.
enum ParallelRows {
    static let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)

    static func run(_ count: Int, _ body: (Range<Int>) -> Void) {
        let chunks = min(workers, max(1, count / 256))
        guard chunks > 1 else { return body(0..<count) }
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            body((count * c / chunks)..<(count * (c + 1) / chunks))
        }
    }
}
