import ReproSupport

/// numpy's `seed(s)` and `default_rng(s)` accept 0 ≤ s < 2^32 here (§1.2 of numpy-replay.md);
/// one check and one message for every replayed draw.
func numpySeed(_ seed: Int) throws -> UInt32 {
    guard let value = UInt32(exactly: seed) else {
        throw ReproError("--seeds: replay seeds must be between 0 and 4294967295 (numpy's range)")
    }
    return value
}
