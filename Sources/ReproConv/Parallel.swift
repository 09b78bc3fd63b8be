import Dispatch

/// Splits `count` items into `parts` contiguous ranges (as even as integers allow) and runs
/// them concurrently; the split depends only on the two numbers, so sums made per part and
/// added in part order give the same bits on every run.
enum Parallel {
    static func ranges(_ count: Int, parts: Int) -> [Range<Int>] {
        let k = max(1, min(parts, count))
        return (0..<k).map { (count * $0 / k)..<(count * ($0 + 1) / k) }
    }

    static func forEach(_ count: Int, parts: Int, _ body: (_ part: Int, _ range: Range<Int>) -> Void) {
        let r = ranges(count, parts: parts)
        if r.count == 1 { body(0, r[0]); return }
        DispatchQueue.concurrentPerform(iterations: r.count) { body($0, r[$0]) }
    }
}
