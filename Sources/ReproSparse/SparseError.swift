/// The one error type of the module. Its message is a single line that names the bad value, so a
/// caller can print it as it is.
public struct SparseError: Error, CustomStringConvertible, Equatable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// Small argument checks shared by the public entry points.
enum Check {
    static func positive(_ value: Int, _ name: String) throws {
        guard value > 0 else { throw SparseError("\(name) must be positive, got \(value)") }
    }

    static func positiveFinite(_ value: Double, _ name: String) throws {
        guard value.isFinite, value > 0 else {
            throw SparseError("\(name) must be a positive finite number, got \(value)")
        }
    }
}
