import XCTest
import ReproSupport

final class ParallelRowsTests: XCTestCase {
    /// Every split tiles 0..<count in order, with chunks of at least `minimumRows` (or one chunk),
    /// no more than `chunksPerWorker` per core, and sizes differing by at most one.
    func testChunksTileTheRowsEvenly() {
        for (minimumRows, perWorker) in [(256, 1), (64, 4), (1, 3)] {
            for count in [0, 1, 63, 64, 255, 256, 511, 512, 513, 1000, 2337, 9347] {
                let split = ParallelRows(count, minimumRows: minimumRows,
                                         chunksPerWorker: perWorker)
                let label = "\(count) rows, \(minimumRows) minimum, \(perWorker) per core"
                XCTAssertEqual(split.chunks.first?.lowerBound, 0, label)
                XCTAssertEqual(split.chunks.last?.upperBound, count, label)
                for (a, b) in zip(split.chunks, split.chunks.dropFirst()) {
                    XCTAssertEqual(a.upperBound, b.lowerBound, label)
                }
                XCTAssertLessThanOrEqual(split.count, ParallelRows.workers * perWorker, label)
                if split.count > 1 {
                    let smallest = split.chunks.map(\.count).min()!
                    XCTAssertGreaterThanOrEqual(smallest, minimumRows, label)
                }
                let sizes = split.chunks.map(\.count)
                XCTAssertLessThanOrEqual(sizes.max()! - sizes.min()!, 1, label)
            }
        }
    }

    /// The trainer's split (its partial sums follow it) is the one it always was.
    func testTheDefaultSplitIsTheTrainersSplit() {
        for count in [10, 600, 9347] {
            let k = min(ParallelRows.workers, max(1, count / 256))
            let expected = (0..<k).map { c in (count * c / k)..<(count * (c + 1) / k) }
            XCTAssertEqual(ParallelRows(count).chunks, expected)
            XCTAssertEqual(ParallelRows(count).chunks, ParallelRows(count).chunks)
        }
    }

    func testForEachRunsEveryChunkOnce() {
        let split = ParallelRows(5000, minimumRows: 64, chunksPerWorker: 4)
        let seen = UnsafeMutableBufferPointer<Int>.allocate(capacity: 5000)
        defer { seen.deallocate() }
        seen.initialize(repeating: 0)
        split.forEach { c, rows in
            XCTAssertEqual(rows, split.chunks[c])
            for i in rows { seen[i] += 1 }
        }
        XCTAssertEqual(Set(seen), [1])
    }
}
