import ArgumentParser

/// The exit-code convention in one place: whatever a check of the command line throws is a
/// usage error (exit 64, EX_USAGE), even when the check lives in a paper's plan and throws a
/// `ReproError` (which would otherwise exit 1, like a failure while working).
enum Usage {
    static func check(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as ValidationError {
            throw error
        } catch {
            throw ValidationError("\(error)")
        }
    }
}
