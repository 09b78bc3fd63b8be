import Foundation

/// `repro-fuzz seeds DIR` writes the seed corpora; `repro-fuzz TARGET ARGS…` fuzzes TARGET with
/// libFuzzer's ARGS when built with `-sanitize=fuzzer -DLIBFUZZER` (see Fuzz/README.md), and
/// otherwise replays the files or folders in ARGS through it.
struct FuzzUsage: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

let arguments = CommandLine.arguments
let targets = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
do {
    guard arguments.count >= 3 else {
        throw FuzzUsage("usage: repro-fuzz seeds DIR | repro-fuzz \(targets) ARGS…")
    }
    if arguments[1] == "seeds" {
        try Seeds.write(to: URL(fileURLWithPath: arguments[2]))
        exit(0)
    }
    guard let target = FuzzTarget(rawValue: arguments[1]) else {
        throw FuzzUsage("unknown fuzz target \(arguments[1]); one of \(targets)")
    }
    if target == .wheel { atexit { try? FileManager.default.removeItem(at: FuzzTarget.wheelFile) } }
    #if LIBFUZZER
    exit(runLibFuzzer(target, arguments: [arguments[0]] + arguments.dropFirst(2)))
    #else
    let count = try Replay.run(target, paths: Array(arguments.dropFirst(2)))
    print("\(target.rawValue): \(count) inputs replayed without a crash")
    #endif
} catch {
    FileHandle.standardError.write(Data("repro-fuzz: \(error)\n".utf8))
    exit(2)
}
