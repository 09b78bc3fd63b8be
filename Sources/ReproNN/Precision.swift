/// The number type a run computes in. Float32 is the default; Float64 is for parity checks.
public enum Precision: String, Codable, CaseIterable, Sendable {
    case float32, float64
}
