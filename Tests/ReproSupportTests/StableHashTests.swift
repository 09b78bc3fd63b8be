import XCTest
@testable import ReproSupport

final class StableHashTests: XCTestCase {
    func testFNV1aKnownValues() {
        XCTAssertEqual(StableHash.fnv1a64(""), 0xcbf2_9ce4_8422_2325)
        XCTAssertEqual(StableHash.fnv1a64("a"), 0xaf63_dc4c_8601_ec8c)
    }

    func testSHA256KnownValue() {
        XCTAssertEqual(StableHash.sha256Hex(Data("abc".utf8)),
                       "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    func testFileHashEqualsDataHash() throws {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("hash-\(UUID()).bin")
        let data = Data((0..<100_000).map { UInt8($0 % 251) })
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        XCTAssertEqual(try StableHash.sha256Hex(fileAt: url), StableHash.sha256Hex(data))
    }

    func testKeyIgnoresPropertyOrderButNotValues() throws {
        struct A: Encodable { var x = 1; var y = "b" }
        struct B: Encodable { var y = "b"; var x = 1 }
        XCTAssertEqual(try StableHash.key(A()), try StableHash.key(B()))
        XCTAssertNotEqual(try StableHash.key(A()), try StableHash.key(A(x: 2)))
        XCTAssertEqual(try StableHash.key(A()).count, 16)
    }
}
