import ReproSupport

/// Values of the report's "Replay of the published code" section: the capacity sweep's
/// headline numbers from the tool's own draws beside those from the published code's draws.
enum ReplaySection {
    static func values(_ r: Paper1Results) -> [String: Any] {
        // Every key always present: the template key check reads both branches.
        guard !r.replayCapacity.isEmpty else {
            return ["available": false, "models": 0, "pairs": [[String: Any]](), "largest": 0]
        }
        var replayed = r
        replayed.capacity = r.replayCapacity
        let own = Dictionary(uniqueKeysWithValues: Paper1Summaries.minimumCapacity(r).map {
            ($0.pair, $0)
        })
        let rows = Paper1Summaries.minimumCapacity(replayed).map { row -> [String: Any] in
            let mine = own[row.pair]
            return ["pair": row.pair.description,
                    "ownMinimum": mine.map { $0.minimum.map(String.init) ?? "none" } ?? "–",
                    "replayMinimum": row.minimum.map(String.init) ?? "none",
                    "ownLargest": mine.map { Digits.meanStd($0.atLargest) } ?? "–",
                    "replayLargest": Digits.meanStd(row.atLargest)]
        }
        return ["available": true, "models": r.replayCapacity.count, "pairs": rows,
                "largest": r.replayCapacity.map(\.spec.hidden).max() ?? 0]
    }
}
