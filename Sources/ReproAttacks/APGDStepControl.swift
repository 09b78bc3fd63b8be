/// APGD's per-sample step-size rule (Croce & Hein 2020; protocol B §3.3 items 3, 5–7).
///
/// At each checkpoint of `APGDSchedule`, a sample's step size η is halved when
/// - condition 1: its loss rose over the previous iteration in at most ρ·k of the last k
///   iterations (the iterate oscillates), or
/// - condition 2: η was not halved at the previous checkpoint and the best loss has not risen
///   since it (the iterate stalls). The "halved last time" flag starts true, so condition 2
///   cannot fire at the first checkpoint.
///
/// The reference code's bookkeeping is kept, quirks included (item 7): the loss of the starting
/// point is not in the history, and the first window's oldest comparison reads index −1, which
/// in Python is the history's last slot, still 0 then; for a cross-entropy ≥ 0 that counts as
/// no increase only if the loss is exactly 0, so it almost always counts as an increase.
struct APGDStepControl {
    let steps: Int
    let sampleCount: Int
    let rho: Double
    /// Loss after each iteration, iteration-major (`steps × sampleCount`); 0 where not yet filled.
    private(set) var lossHistory: [Float]
    /// Current η per sample, starting at 2ε.
    private(set) var stepSize: [Float]
    private var reducedAtLastCheck: [Bool]
    private var bestAtLastCheck: [Float]

    init(steps: Int, epsilon: Float, rho: Double, initialBest: [Float]) {
        self.steps = steps
        self.sampleCount = initialBest.count
        self.rho = rho
        lossHistory = [Float](repeating: 0, count: steps * initialBest.count)
        stepSize = [Float](repeating: 2 * epsilon, count: initialBest.count)
        reducedAtLastCheck = [Bool](repeating: true, count: initialBest.count)
        bestAtLastCheck = initialBest
    }

    /// Stores the losses of the iterate computed in `iteration` (0-based).
    mutating func record(iteration: Int, losses: [Float]) {
        precondition(losses.count == sampleCount && (0..<steps).contains(iteration))
        let row = iteration * sampleCount
        for s in 0..<sampleCount {
            lossHistory[row + s] = losses[s]
        }
    }

    /// How many of the `window` iterations ending at `iteration` (0-based) raised the loss of
    /// `sample` over the iteration before. Index −1 wraps to the last slot, as in Python.
    func increases(sample: Int, iteration: Int, window: Int) -> Int {
        var count = 0
        for back in 0..<window {
            let current = iteration - back
            let previous = ((current - 1) % steps + steps) % steps
            if lossHistory[current * sampleCount + sample]
                > lossHistory[previous * sampleCount + sample] {
                count += 1
            }
        }
        return count
    }

    /// The decision at a checkpoint after `iteration` (0-based) with window `window`, given each
    /// sample's best loss so far. Halves η where it fires, remembers the state for the next check,
    /// and returns the samples whose iterate and gradient must be reset to their best point.
    mutating func check(iteration: Int, window: Int, best: [Float]) -> [Bool] {
        precondition(best.count == sampleCount)
        var reset = [Bool](repeating: false, count: sampleCount)
        for s in 0..<sampleCount {
            let oscillating = Double(increases(sample: s, iteration: iteration, window: window))
                <= Double(window) * rho
            let stalled = !reducedAtLastCheck[s] && bestAtLastCheck[s] >= best[s]
            reset[s] = oscillating || stalled
            if reset[s] {
                stepSize[s] /= 2
            }
        }
        reducedAtLastCheck = reset
        bestAtLastCheck = best
        return reset
    }
}
