import ReproSupport

extension Paper1Plan {
    /// A replayed plan can only hold models the published program drew: its seeds (any numpy
    /// accepts), hidden sizes, pairs and, for the LR grid, learning rates.
    func validateReplay() throws {
        guard let replay else { return }
        for seed in seeds { _ = try numpySeed(seed) }
        let slots = Set(replay.slots)
        for pair in pairs {
            for h in hiddenSizes {
                for lr in learningRates
                where !slots.contains(replay.slot(pair: pair, hidden: h, learningRate: lr)) {
                    throw ReproError("--rng numpy: the published program never drew \(pair) at "
                                     + "h = \(h), lr = \(lr) in \(experiment); "
                                     + "keep to its pairs, sizes and rates or use --rng repro")
                }
            }
        }
    }
}
