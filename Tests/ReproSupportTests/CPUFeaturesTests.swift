import XCTest
@testable import ReproSupport

final class CPUFeaturesTests: XCTestCase {
    func testFlagsAreReadFromTheFirstProcessor() {
        let info = "processor\t: 0\nvendor_id\t: AuthenticAMD\nflags\t\t: fpu sse2 avx avx2 fma\n\n"
            + "processor\t: 1\nflags\t\t: fpu\n"
        XCTAssertEqual(CPUFeatures.flags(info), ["fpu", "sse2", "avx", "avx2", "fma"])
        XCTAssertFalse(CPUFeatures.flags("flags : fpu sse2 avx").contains("avx2"))
        XCTAssertEqual(CPUFeatures.flags("no flags line"), [])
    }
}
