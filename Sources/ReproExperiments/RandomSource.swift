/// Where a paper's random numbers come from.
///
/// `repro` draws the tool's own streams, each named by what it is for (seed, purpose, pair,
/// size), so no result depends on the order in which models run. `numpy` replays the published
/// program's own NumPy and scikit-learn draws bit for bit, so a result can be compared with
/// what the published code printed, cell by cell. A spec records the choice (`ModelSpec.rng`,
/// nil for `repro`), so both kinds of results live side by side in one store.
public enum RandomSource: String, CaseIterable, Codable, Sendable {
    case repro
    case numpy

    /// What a spec stores: nil for the default, so default specs keep their keys.
    public var specValue: String? { self == .repro ? nil : rawValue }
}
