import Foundation

/// An error meant for the user: one line that says what is wrong and, where possible, the fix.
public struct ReproError: Error, LocalizedError, CustomStringConvertible, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
    public var errorDescription: String? { message }
}
