import Foundation

/// How much memory a new allocation can count on: the kernel's `MemAvailable` (free memory plus
/// what it can reclaim), else the machine's physical memory.
public enum AvailableMemory {
    public static func bytes() -> Int {
        if let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8),
           let available = parse(meminfo: text) {
            return available
        }
        return Int(clamping: ProcessInfo.processInfo.physicalMemory)
    }

    /// `MemAvailable:   12345 kB` → 12345 · 1024.
    static func parse(meminfo: String) -> Int? {
        for line in meminfo.split(separator: "\n") where line.hasPrefix("MemAvailable:") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 2, let kB = Int(fields[1]) else { return nil }
            return kB * 1024
        }
        return nil
    }

    /// "1.5 GB", "320 MB": a size as a message states it.
    public static func text(_ bytes: Int) -> String {
        bytes >= 1 << 30 ? "\(Digits.fixed(Double(bytes) / Double(1 << 30), 1)) GB"
            : "\(max(1, bytes >> 20)) MB"
    }
}
