import Foundation

/// What the CPU can run. The conv engine is compiled for AVX2 on x86-64 (Package.swift), so a
/// machine without it must be told so in one line before any of that code runs, not die of an
/// illegal instruction. Read from /proc/cpuinfo's flags (Linux); elsewhere assumed present.
public enum CPUFeatures {
    public static let hasAVX2: Bool = {
        #if arch(x86_64) && os(Linux)
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else {
            return true
        }
        return flags(info).contains("avx2")
        #else
        return true
        #endif
    }()

    /// The flags of the first processor listed in a /proc/cpuinfo text.
    static func flags(_ cpuinfo: String) -> Set<Substring> {
        guard let line = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") }),
              let colon = line.firstIndex(of: ":") else { return [] }
        return Set(line[line.index(after: colon)...].split(separator: " "))
    }

    /// Refuses, in one line, work for the conv engine on a CPU without AVX2.
    public static func requireAVX2(for what: String) throws {
        guard hasAVX2 else {
            throw ReproError("\(what) needs a CPU with AVX2 (repro's conv engine is built for it); "
                             + "this one has none: run the CNN families on a newer machine or "
                             + "cluster node")
        }
    }
}
