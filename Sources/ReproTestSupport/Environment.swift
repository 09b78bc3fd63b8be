import Foundation

/// Environment variables for one test: set, then restored to what they were.
public enum Environment {
    /// Runs `body` with `name` set to `value` (nil: unset), then restores the old value.
    public static func with<T>(_ name: String, _ value: String?,
                               _ body: () throws -> T) rethrows -> T {
        let old = ProcessInfo.processInfo.environment[name]
        if let value { setenv(name, value, 1) } else { unsetenv(name) }
        defer {
            if let old { setenv(name, old, 1) } else { unsetenv(name) }
        }
        return try body()
    }
}
