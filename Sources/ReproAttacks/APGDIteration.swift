/// One APGD run over samples that are all correctly classified (Croce & Hein 2020, Algorithm 1;
/// the 2020 auto-attack code that Torchattacks carries; protocol B §3.3 items 2–8).
///
/// All state is per sample: step size, best loss, best point and its gradient, the latest
/// misclassified iterate. P is the clamp to [max(x − ε, 0), min(x + ε, 1)].
struct APGDIteration {
    let epsilon: Float
    let steps: Int
    let rho: Double

    /// Momentum weight α of the paper: 0.75, but 1 (no momentum) in the first iteration.
    static let momentum: Float = 0.75

    /// Returns, per sample, whether some iterate was misclassified and, if so, the latest such
    /// iterate (rows of unfooled samples hold the starting point and are not meant to be used).
    /// With `stopWhenFooled`, a sample leaves the batch at its first misclassified iterate: its
    /// verdict is the same, its row holds that first iterate, and the others' iterates do not
    /// change (every sample's state is its own).
    func run(
        model: some DifferentiableClassifier, clean: [Float], labels: [Int],
        rng: inout some RandomNumberGenerator, stopWhenFooled: Bool = false
    ) -> (adversarial: [Float], fooled: [Bool]) {
        let width = model.inputSize
        let count = labels.count
        let box = LInfBox(center: clean, epsilon: epsilon)

        // Item 2: start on the ε-sphere, x⁰ = clip(x + ε·t / max|t|, 0, 1), t ~ U(−1, 1).
        var current = sphereStart(clean: clean, width: width, rng: &rng)
        var (logits, losses, gradient) = model.lossGradient(inputs: current, labels: labels)
        var correct = correctlyClassified(
            logits: logits, labels: labels, classCount: model.classCount)
        var lastMisclassified = current
        var best = current
        var bestGradient = gradient
        var bestLoss = losses
        var control = APGDStepControl(steps: steps, epsilon: epsilon, rho: rho,
                                      initialBest: losses)
        var previous = current
        let schedule = APGDSchedule.checkpoints(steps: steps)
        var nextCheck = 0
        // The samples still iterated: all of them, or (stopping) those not yet fooled.
        var active = Array(0..<count)

        for iteration in 0..<steps {
            if stopWhenFooled {
                active.removeAll { !correct[$0] }
                if active.isEmpty { break }
            }
            // Items 3–4: z = P(x + η·sign(g)); x ← P(x + a·(z − x) + (1 − a)·(x − x_prev)).
            Self.momentumStep(
                samples: active, current: &current, previous: &previous, gradient: gradient,
                stepSize: control.stepSize, width: width,
                weight: iteration > 0 ? Self.momentum : 1, box: box)
            let predictedRight = Self.evaluate(
                model: model, samples: active, of: count, current: current, labels: labels,
                losses: &losses, gradient: &gradient)

            // Item 4: record misclassified iterates and improvements of the best loss.
            for (row, sample) in active.enumerated() {
                let rows = (sample * width)..<((sample + 1) * width)
                if !predictedRight[row] {
                    correct[sample] = false
                    lastMisclassified.replaceSubrange(rows, with: current[rows])
                }
                if losses[sample] > bestLoss[sample] {
                    bestLoss[sample] = losses[sample]
                    best.replaceSubrange(rows, with: current[rows])
                    bestGradient.replaceSubrange(rows, with: gradient[rows])
                }
            }
            // Samples that left keep their last losses here: nothing of theirs is read again.
            control.record(iteration: iteration, losses: losses)

            // Items 5–6: at a checkpoint, halve η and go back to the best point where needed.
            // The momentum term of the next step still uses `previous`, the iterate from before
            // the discarded step (item 7).
            guard nextCheck < schedule.count,
                  schedule[nextCheck].afterIteration == iteration + 1 else { continue }
            let reset = control.check(
                iteration: iteration, window: schedule[nextCheck].window, best: bestLoss)
            nextCheck += 1
            for sample in 0..<count where reset[sample] {
                let rows = (sample * width)..<((sample + 1) * width)
                current.replaceSubrange(rows, with: best[rows])
                gradient.replaceSubrange(rows, with: bestGradient[rows])
            }
        }
        return (lastMisclassified, correct.map { !$0 })
    }

    /// Losses and input gradients of `samples` at `current`, written into their rows of `losses`
    /// and `gradient`; returns whether each of them (in `samples` order) is classified right.
    /// All `count` samples go to the model as one batch, as always; a subset goes as a batch of
    /// its own rows.
    private static func evaluate(
        model: some DifferentiableClassifier, samples: [Int], of count: Int, current: [Float],
        labels: [Int], losses: inout [Float], gradient: inout [Float]
    ) -> [Bool] {
        let width = model.inputSize
        guard samples.count < count else {
            let r = model.lossGradient(inputs: current, labels: labels)
            losses = r.losses
            gradient = r.gradient
            return correctlyClassified(logits: r.logits, labels: labels, classCount: model.classCount)
        }
        var batch: [Float] = []
        batch.reserveCapacity(samples.count * width)
        for sample in samples { batch.append(contentsOf: current[(sample * width)..<((sample + 1) * width)]) }
        let subsetLabels = samples.map { labels[$0] }
        let r = model.lossGradient(inputs: batch, labels: subsetLabels)
        for (row, sample) in samples.enumerated() {
            losses[sample] = r.losses[row]
            gradient.replaceSubrange((sample * width)..<((sample + 1) * width),
                                     with: r.gradient[(row * width)..<((row + 1) * width)])
        }
        return correctlyClassified(logits: r.logits, labels: subsetLabels, classCount: model.classCount)
    }

    /// One step for each of `samples`, with `weight` a:
    /// z = P(x + η·sign(g)); x ← P(x + a·(z − x) + (1 − a)·(x − x_prev)); x_prev ← the old x.
    /// The hot loop of the attack (every value, every iteration), hence the buffer pointers.
    private static func momentumStep(
        samples: [Int], current: inout [Float], previous: inout [Float], gradient: [Float],
        stepSize: [Float], width: Int, weight a: Float, box: LInfBox
    ) {
        precondition(current.count == previous.count && current.count == gradient.count
                     && current.count == box.count && stepSize.count * width == current.count)
        current.withUnsafeMutableBufferPointer { x in
            previous.withUnsafeMutableBufferPointer { old in
                gradient.withUnsafeBufferPointer { g in
                    box.lower.withUnsafeBufferPointer { lo in
                        box.upper.withUnsafeBufferPointer { hi in
                            for sample in samples {
                                let eta = stepSize[sample]
                                for k in (sample * width)..<((sample + 1) * width) {
                                    let value = x[k]
                                    let momentumTerm = value - old[k]
                                    old[k] = value
                                    let z = min(max(value + eta * gradientSign(g[k]), lo[k]), hi[k])
                                    let next = value + (z - value) * a + momentumTerm * (1 - a)
                                    x[k] = min(max(next, lo[k]), hi[k])
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// x⁰: each row moved by ε·t/max|t| (so at least one value by exactly ε before clipping), then
    /// clipped to [0, 1]. One draw per value, row-major. An all-zero t, which has probability 0,
    /// leaves the row clean rather than dividing by zero.
    private func sphereStart(
        clean: [Float], width: Int, rng: inout some RandomNumberGenerator
    ) -> [Float] {
        var start = clean
        var t = [Float](repeating: 0, count: width)
        for row in stride(from: 0, to: clean.count, by: width) {
            var largest: Float = 0
            for j in 0..<width {
                t[j] = rng.nextSymmetricUnit()
                largest = max(largest, abs(t[j]))
            }
            guard largest > 0 else { continue }
            for j in 0..<width {
                start[row + j] = min(max(clean[row + j] + epsilon * t[j] / largest, 0), 1)
            }
        }
        return start
    }
}
