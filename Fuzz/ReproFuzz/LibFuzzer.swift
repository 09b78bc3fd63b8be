#if LIBFUZZER
import CFuzzerDriver
import Foundation

/// The target libFuzzer's C callback runs (a C function pointer cannot capture it).
nonisolated(unsafe) private var fuzzed = FuzzTarget.idx

/// Hands control to libFuzzer with `arguments` (program name first): it mutates inputs, feeds them
/// to `target` and stops at a crash or at `-max_total_time`.
func runLibFuzzer(_ target: FuzzTarget, arguments: [String]) -> Int32 {
    fuzzed = target
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? =
        UnsafeMutablePointer.allocate(capacity: arguments.count + 1)
    for (i, argument) in arguments.enumerated() { argv![i] = strdup(argument) }
    argv![arguments.count] = nil
    var argc = Int32(arguments.count)
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        fuzzed.run(data.map { Data(bytes: $0, count: size) } ?? Data())
        return 0
    }
}
#endif
