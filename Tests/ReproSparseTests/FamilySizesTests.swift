import XCTest

@testable import ReproSparse

final class FamilySizesTests: XCTestCase {
    func testWidthFamilyKeepsTheDenseBaseCountAtEveryWidth() throws {
        for n in 7...15 {
            let width = 1 << n
            let shapes = try SparseFamilies.width(width)
            XCTAssertEqual(shapes.map(\.kept), [100_352, 1_280], "width \(width)")
            XCTAssertEqual(shapes.map(\.fanIn), [784, width])
            XCTAssertEqual(shapes.map(\.fanOut), [width, 10])
            XCTAssertEqual(shapes[0].keep, 128 / Double(width), accuracy: 1e-15)
            XCTAssertEqual(shapes[1].keep, 128 / Double(width), accuracy: 1e-15)
            XCTAssertEqual(shapes.reduce(0) { $0 + $1.kept }, 101_632)
        }
    }

    func testDepthFamilyTotalIsExactAndSplitIsProportional() throws {
        let expected: [Int: [Int]] = [
            1: [401_408, 5_120],
            2: [244_041, 159_374, 3_113],
            4: [136_789, 89_332, 89_331, 89_331, 1_745],
            8: [72_800, 47_543, 47_543, 47_543, 47_543, 47_543, 47_543, 47_542, 928],
        ]
        for depth in [1, 2, 4, 8] {
            let shapes = try SparseFamilies.depth(hiddenLayers: depth)
            XCTAssertEqual(shapes.count, depth + 1)
            XCTAssertEqual(shapes.reduce(0) { $0 + $1.kept }, 406_528, "depth \(depth)")
            let total = shapes.reduce(0) { $0 + $1.fanIn * $1.fanOut }
            for s in shapes {
                let ideal = 406_528 * Double(s.fanIn * s.fanOut) / Double(total)
                XCTAssertLessThan(abs(Double(s.kept) - ideal), 1, "depth \(depth) layer \(s)")
            }
            XCTAssertEqual(shapes.map(\.kept), expected[depth], "depth \(depth)")
        }
    }

    func testDenseAndPruningTargets() throws {
        XCTAssertEqual(try SparseFamilies.dense(hidden: [128]).map(\.kept), [100_352, 1_280])
        XCTAssertEqual(
            try SparseFamilies.dense(hidden: [512, 512]).map(\.kept), [401_408, 262_144, 5_120])
        for n in 7...12 {
            XCTAssertEqual(try SparseFamilies.pruningTargets(width: 1 << n), [100_352, 1_280])
        }
    }
}
