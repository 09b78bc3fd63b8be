/// The parameter an evaluation was measured at: a number (σ of the weight noise, ε of an
/// attack), a name (an MNIST-C corruption, `mean`, `identity`), or none (clean accuracy). Typed
/// end to end: values are compared as numbers, never as text. It is stored and printed as the
/// text it always was (`0.05`, `shot_noise`, empty), so cached values, claim files and CSV
/// output are unchanged.
public enum EvaluationSetting: Hashable, Sendable, CustomStringConvertible {
    case none
    case value(Double)
    case named(String)

    public static let mean = EvaluationSetting.named("mean")
    public static let identity = EvaluationSetting.named("identity")

    /// "" → none, a number → value, anything else → its name.
    public init(text: String) {
        if text.isEmpty {
            self = .none
        } else if let v = Double(text), v.isFinite {
            self = .value(v)
        } else {
            self = .named(text)
        }
    }

    public var description: String {
        switch self {
        case .none: return ""
        case .value(let v): return "\(v)"
        case .named(let name): return name
        }
    }

    /// σ or ε, where the setting is a number.
    public var number: Double? {
        if case .value(let v) = self { return v }
        return nil
    }
}

extension EvaluationSetting: ExpressibleByStringLiteral {
    public init(stringLiteral text: String) { self.init(text: text) }
}

extension EvaluationSetting: Codable {
    public init(from decoder: Decoder) throws {
        self.init(text: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
