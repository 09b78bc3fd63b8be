import XCTest
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `libm_log_vectors` (§1.6.1): the system `log` must be the one numpy called when the fixtures
/// were made (glibc 2.28+, FMA build). A failure here means this platform's libm differs, so a
/// few hundred of the 887 050 weights per seed would differ in their last bits.
final class LibmLogTests: XCTestCase {
    func testSystemLogMatchesReferenceLibm() {
        let vectors = Fixtures.root["libm_log_vectors"]
        var checked = 0
        for family in vectors.keys where family != "note" {
            for vector in vectors[family].array {
                let x = Double(bitPattern: hexBits(vector["x"].string))
                let expected = hexBits(vector["log_ref"].string)
                XCTAssertEqual(log(x).bitPattern, expected,
                               "\(family): log(\(x)) differs from the reference libm")
                checked += 1
            }
        }
        XCTAssertEqual(checked, 24 + 7 + 12 + 8)
    }
}
