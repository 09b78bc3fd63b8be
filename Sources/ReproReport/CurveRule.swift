import ReproSupport

/// A claim's rule over curves, as stored in a paper's `claims.json`: which shape the curve must
/// have, which direction is better, and the margin a difference must exceed to count. Any paper
/// whose claims speak of trends (over sparsity, size, depth …) builds ``Curve``s from its results
/// and states its rules in data with these kinds; no paper-specific code is involved.
///
/// "Better by more than the margin" means: the seed mean differs from the reference mean in the
/// better direction by more than `margin`. Whether other seeds could change that is decided on a
/// bootstrap interval of the same difference (``SeedBootstrap``), not on the spread of the base.
public struct CurveRule: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        /// The first point after the reference is not worse than the reference.
        case matchesBase
        /// Some point after the reference is better than it; with `first`, one of the first
        /// `first` points after it (the improvement must come early).
        case betterThanBase
        /// No point after the reference is worse than it.
        case neverWorseThanBase
        /// An interior point (not the reference, not the last) is better than the reference, and
        /// the last point is worse than that peak; with `first`, the peak is sought among the
        /// first `first` points after the reference only (the rise must come early).
        case riseThenFall
        /// The last point is worse than the curve's best point.
        case fallsAtEnd
        /// The best point is among the first `first` points (the reference included).
        case bestAmongFirst
        /// Against the comparison curve: this curve drops below its reference (worse by more than
        /// the margin) at an earlier point, or at the same point by more.
        case degradesSooner
        /// Against the comparison curve: this curve's reference is worse than the comparison's
        /// reference by more than the margin (e.g. one architecture's dense base against
        /// another's).
        case worseAtBase

        /// Whether the rule reads a comparison curve for each curve.
        public var compares: Bool { self == .degradesSooner || self == .worseAtBase }

        /// Sizes of network a curve needs before the rule can say anything: a rise then a fall
        /// needs a point between the reference and the last; the others compare two points.
        public var minimumPoints: Int { self == .riseThenFall ? 3 : 2 }
    }

    public enum Direction: String, Codable, Sendable { case higher, lower }

    public var kind: Kind
    public var better: Direction
    public var margin: Double
    public var first: Int?

    public init(kind: Kind, better: Direction = .higher, margin: Double = 0, first: Int? = nil) {
        self.kind = kind
        self.better = better
        self.margin = margin
        self.first = first
    }

    enum CodingKeys: String, CodingKey { case kind, better, margin, first }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(Kind.self, forKey: .kind)
        better = try c.decodeIfPresent(Direction.self, forKey: .better) ?? .higher
        margin = try c.decodeIfPresent(Double.self, forKey: .margin) ?? 0
        first = try c.decodeIfPresent(Int.self, forKey: .first)
        if [.bestAmongFirst].contains(kind), first == nil {
            throw DecodingError.keyNotFound(CodingKeys.first, .init(
                codingPath: c.codingPath, debugDescription: "\(kind) needs 'first'"))
        }
    }

    /// One curve's outcome: whether the rule holds, the number it decided on (see
    /// ``holdsIn``) and the numbers that decided it, in words.
    public struct Outcome: Sendable, Equatable {
        public var holds: Bool
        public var evidence: String
        public var statistic: Double = .nan
    }

    /// The values of the rule's statistic (``check(_:against:)``) for which it holds.
    public var holdsIn: ValueRange {
        switch kind {
        case .matchesBase, .neverWorseThanBase: return .atLeast(-margin)
        case .betterThanBase, .riseThenFall, .fallsAtEnd, .worseAtBase: return .above(margin)
        case .bestAmongFirst: return .below(Double(first ?? 1))
        case .degradesSooner: return .above(0)
        }
    }

    /// What the statistic is, for the claims table.
    public var statisticName: String {
        let gain = better == .higher ? "" : " (lower is better: signs flipped)"
        switch kind {
        case .matchesBase: return "first sparse point − dense base" + gain
        case .betterThanBase: return "best sparse point − dense base" + gain
        case .neverWorseThanBase: return "worst sparse point − dense base" + gain
        case .riseThenFall: return "min(peak − dense base, peak − last point)" + gain
        case .fallsAtEnd: return "best point − last point" + gain
        case .bestAmongFirst: return "position of the best point (0: the base)"
        case .degradesSooner: return "+1 if it drops below its base sooner than the comparison, −1 if not"
        case .worseAtBase: return "comparison's base − this base" + gain
        }
    }

    /// The statistic over several curves (the claim holds when every curve does): the weakest
    /// curve's value.
    public func weakest(_ values: [Double]) -> Double {
        guard !values.isEmpty, !values.contains(where: \.isNaN) else { return .nan }
        return kind == .bestAmongFirst ? values.max()! : values.min()!
    }

    /// Applies the rule to one curve (`comparison` for the kinds that compare). Every
    /// difference is one of seed means (sparse − base, in the better direction) against the
    /// margin; how much the seeds could move it is the bootstrap's question, not the rule's.
    public func check(_ curve: Curve, against comparison: Curve? = nil) -> Outcome {
        let p = curve.points
        guard p.count >= 2 else {
            return Outcome(holds: false, evidence: "\(curve.name): fewer than two points")
        }
        let base = p[0].summary
        /// How much better `x` is than `y` (positive = better).
        func gain(_ x: Double, over y: Double) -> Double { better == .higher ? x - y : y - x }
        func text(_ q: Curve.Point) -> String { "\(Digits.fixed(q.summary.mean, 4)) at \(q.label)" }
        func outcome(_ value: Double, _ evidence: String) -> Outcome {
            Outcome(holds: holdsIn.contains(value), evidence: evidence, statistic: value)
        }
        let baseText = "\(curve.name): \(Digits.meanStd(base, 4)) at \(p[0].label)"
        let best = p.indices.max { gain(p[$0].summary.mean, over: p[$1].summary.mean) < 0 } ?? 0
        switch kind {
        case .matchesBase:
            var reach = 0
            while reach + 1 < p.count,
                  holdsIn.contains(gain(p[reach + 1].summary.mean, over: base.mean)) {
                reach += 1
            }
            return outcome(gain(p[1].summary.mean, over: base.mean), "\(baseText); "
                           + (reach > 0 ? "not worse to \(p[reach].label)"
                              : "worse: \(text(p[1]))"))
        case .betterThanBase:
            let early = p.indices.dropFirst().prefix(first ?? Int.max)
            let top = early.max { gain(p[$0].summary.mean, over: p[$1].summary.mean) < 0 } ?? best
            return outcome(gain(p[top].summary.mean, over: base.mean),
                           "\(baseText); best \(text(p[top]))"
                               + (first.map { " (among the first \($0) after it)" } ?? ""))
        case .neverWorseThanBase:
            let worst = p.indices.dropFirst().min {
                gain(p[$0].summary.mean, over: base.mean) < gain(p[$1].summary.mean, over: base.mean)
            } ?? 1
            return outcome(gain(p[worst].summary.mean, over: base.mean),
                           "\(baseText); worst \(text(p[worst]))")
        case .riseThenFall:
            let interior = Array(p.indices.dropFirst().dropLast())
                .prefix(first ?? Int.max)
            guard let peak = interior.max(by: {
                gain(p[$0].summary.mean, over: p[$1].summary.mean) < 0
            }) else {
                return Outcome(holds: false, evidence: "\(baseText); no interior point")
            }
            let rise = gain(p[peak].summary.mean, over: base.mean)
            let fall = gain(p[peak].summary.mean, over: p[p.count - 1].summary.mean)
            return outcome(Swift.min(rise, fall),
                           "\(baseText) → peak \(text(p[peak]))"
                               + (holdsIn.contains(rise) ? "" : " (no rise)")
                               + " → \(text(p[p.count - 1]))"
                               + (holdsIn.contains(fall) ? "" : " (no fall)"))
        case .fallsAtEnd:
            let last = p[p.count - 1]
            return outcome(gain(p[best].summary.mean, over: last.summary.mean),
                           "\(curve.name): best \(text(p[best])); last \(text(last))")
        case .bestAmongFirst:
            let k = first ?? 1
            return outcome(Double(best), "\(curve.name): best \(text(p[best])) "
                               + "(\(best < k ? "among" : "not among") the first \(k))")
        case .worseAtBase:
            guard let comparison, let other = comparison.points.first else {
                return Outcome(holds: false, evidence: "\(curve.name): no comparison curve")
            }
            return outcome(gain(other.summary.mean, over: base.mean),
                           "\(baseText) vs \(comparison.name): "
                               + "\(Digits.meanStd(other.summary, 4)) at \(other.label)")
        case .degradesSooner:
            guard let comparison else {
                return Outcome(holds: false, evidence: "\(curve.name): no comparison curve")
            }
            let mine = curve.common(with: comparison), theirs = comparison.common(with: curve)
            func drop(_ c: Curve) -> Int? {
                guard let b = c.points.first?.summary else { return nil }
                return c.points.indices.dropFirst().first {
                    gain(c.points[$0].summary.mean, over: b.mean) < -margin
                }
            }
            let a = drop(mine), b = drop(theirs)
            let ok: Bool
            switch (a, b) {
            case (nil, _): ok = false
            case (_?, nil): ok = true
            case (let i?, let j?):
                ok = i < j || (i == j && gain(theirs.points[i].summary.mean,
                                              over: mine.points[i].summary.mean) > margin)
            }
            func at(_ c: Curve, _ i: Int?) -> String {
                i.map { "drops at \(text(c.points[$0]))" } ?? "never drops"
            }
            return outcome(ok ? 1 : -1, "\(mine.name) \(at(mine, a)); \(theirs.name) \(at(theirs, b))")
        }
    }

    /// The verdict over several curves: holds if the rule holds on every curve, holds partly if
    /// on some, does not hold if on none.
    public func verdict(_ outcomes: [Outcome]) -> Verdict {
        let passed = outcomes.filter(\.holds).count
        if !outcomes.isEmpty && passed == outcomes.count { return .holds }
        if passed == 0 { return outcomes.isEmpty ? .untestable : .doesNotHold }
        return Verdict("holds for \(passed) of \(outcomes.count)", kind: .partly)
    }
}
