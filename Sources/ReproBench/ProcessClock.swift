import Foundation

/// A reading of the wall clock and of the CPU time of the whole process (every thread, so
/// threads that spin while waiting count), for timings on a machine that other work shares.
struct ProcessClock {
    var wall: Double
    var cpu: Double

    static func now() -> ProcessClock {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        let cpu = Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
        return ProcessClock(wall: Double(DispatchTime.now().uptimeNanoseconds) * 1e-9, cpu: cpu)
    }

    /// Seconds from `start` to `self`, wall and CPU.
    func since(_ start: ProcessClock) -> ProcessClock {
        ProcessClock(wall: wall - start.wall, cpu: cpu - start.cpu)
    }
}
