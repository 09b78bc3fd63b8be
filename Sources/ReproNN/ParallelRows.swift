import Foundation

/// Splits rows into one contiguous chunk per core, for the elementwise passes between GEMMs (when
/// OpenBLAS's threads are idle). The split depends on the row count only, so results do not
/// depend on what else is in the batch.
enum ParallelRows {
    static let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)

    static func chunks(_ count: Int) -> [Range<Int>] {
        let k = min(workers, max(1, count / 256))
        return (0..<k).map { c in (count * c / k)..<(count * (c + 1) / k) }
    }
}
