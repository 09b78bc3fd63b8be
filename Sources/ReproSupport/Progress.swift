import Foundation

/// Reports the progress of a long run on standard error: a redrawn bar with an ETA on a terminal,
/// plain lines (one per finished unit) when the output goes to a file or a pipe.
public final class Progress {
    public let label: String
    public let total: Int
    private let interactive: Bool
    private let start = Date()
    private var done = 0
    private var lastDraw = Date.distantPast
    private let lock = NSLock()

    public init(label: String, total: Int, interactive: Bool = Progress.stderrIsTerminal) {
        self.label = label
        self.total = max(total, 0)
        self.interactive = interactive
    }

    public static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Marks `count` more units finished. In plain mode a line is printed only when `detail` is
    /// given (e.g. at the end of a batch), so logs stay short.
    public func advance(by count: Int = 1, detail: String = "") {
        lock.lock(); defer { lock.unlock() }
        done = min(total, done + count)
        let elapsed = Date().timeIntervalSince(start)
        if interactive {
            if Date().timeIntervalSince(lastDraw) < 0.1 && done < total { return }
            lastDraw = Date()
            let bar = Progress.bar(label: label, done: done, total: total, elapsed: elapsed)
            FileHandle.standardError.write(Data(("\r" + bar + "\u{1B}[K").utf8))
            if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
        } else if !detail.isEmpty {
            let eta = Progress.eta(done: done, total: total, elapsed: elapsed)
            let etaText = eta.map { " eta \(Progress.clock($0))" } ?? ""
            let line = "\(label): \(done)/\(total)\(detail.isEmpty ? "" : " \(detail)") "
                + "elapsed \(Progress.clock(elapsed))\(etaText)\n"
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    /// One line of a progress bar, e.g. `capacity [########----------] 12/33 0:41 eta 1:13`.
    public static func bar(label: String, done: Int, total: Int, elapsed: TimeInterval,
                           width: Int = 30) -> String {
        let fraction = total == 0 ? 1 : Double(done) / Double(total)
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-",
                                                                 count: width - filled)
        let eta = eta(done: done, total: total, elapsed: elapsed).map { " eta \(clock($0))" } ?? ""
        return "\(label) [\(bar)] \(done)/\(total) \(clock(elapsed))\(eta)"
    }

    /// Remaining time by linear extrapolation; nil before the first unit finishes or after the
    /// last.
    public static func eta(done: Int, total: Int, elapsed: TimeInterval) -> TimeInterval? {
        guard done > 0, done < total else { return nil }
        return elapsed / Double(done) * Double(total - done)
    }

    /// `m:ss` (or `h:mm:ss`) for a duration in seconds.
    public static func clock(_ seconds: TimeInterval) -> String {
        let s = Int(seconds.rounded())
        if s >= 3600 { return String(format: "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60) }
        return String(format: "%d:%02d", s / 60, s % 60)
    }
}
