import ReproKernelDispatch
import ReproKernels
import XCTest

/// Every kernel family this CPU can run gives the same bits as the baseline on the same inputs,
/// and a family is chosen (or refused) by name.
final class KernelFamilyTests: XCTestCase {
    /// Values with many significant bits and mixed signs, so a different order or a fused
    /// multiply-add would show in the last bits.
    private func values(_ count: Int, seed: UInt64) -> [Float] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Float(Int64(bitPattern: state) >> 11) / Float(1 << 52) * 3.7
        }
    }

    private func bits(_ x: [Float]) -> [UInt32] { x.map(\.bitPattern) }

    /// Copies that outlive the kernel arguments that point at them (an array's `&` pointer would
    /// not), freed when the test ends.
    private func copy<T>(_ array: [T]) -> UnsafeMutablePointer<T> {
        let p = UnsafeMutablePointer<T>.allocate(capacity: max(1, array.count))
        p.initialize(from: array, count: array.count)
        addTeardownBlock { p.deallocate() }
        return p
    }

    private func read(_ p: UnsafeMutablePointer<Float>, _ count: Int) -> [Float] {
        Array(UnsafeBufferPointer(start: p, count: count))
    }

    func testBaselineIsAlwaysSupportedAndTheActiveFamilyIsTheWidest() {
        XCTAssertEqual(Kernels.supported.first, .baseline)
        XCTAssertEqual(Kernels.supported, Kernels.supported.sorted())
        XCTAssertTrue(Kernels.canRun(.baseline))
        XCTAssertEqual(Kernels.table(for: .avx2).family, .avx2)
    }

    func testSparseMLPPassesGiveTheSameBitsInEveryFamily() throws {
        // A 3-output layer over 5 inputs, 2 tiles, one block of 32 samples.
        let rows = 3, inputs = 5, ld = 48, tiles = 2
        let column: [Int32] = [0, 3, 1, 4, 0, 2, 4]        // CSR by output, ascending per row
        let start: [Int32] = [0, 1, 2, 2, 4, 4, 4, 6, 7]    // per row: tile 0 | tile 1 bounds (rows·(tiles+1))
        let value = values(column.count, seed: 1), bias = values(rows, seed: 2)
        let input = values(inputs * ld, seed: 3)
        var reference: [UInt32]?
        for family in Kernels.supported {
            let out = copy([Float](repeating: 0, count: rows * ld))
            Kernels.table(for: family).sparseForward(SparseForwardPass(
                tiles: tiles, start: copy(start), column: copy(column), value: copy(value), bias: copy(bias),
                rows: rows, input: copy(input), output: out, ld: ld, blocks: 0..<1, relu: true))
            let output = read(out, rows * ld)
            XCTAssertTrue(output.contains { $0 > 0 } && output.contains { $0 == 0 }, "ReLU ran on mixed signs")
            if let reference { XCTAssertEqual(bits(output), reference, "\(family)") } else { reference = bits(output) }
        }

        // The weight step: dot products over two blocks, momentum 0.9.
        var referenceStep: [UInt32]?
        let delta = values(rows * 80, seed: 4), act = values(inputs * 80, seed: 5)
        for family in Kernels.supported {
            let w = copy(value), v = copy(values(column.count, seed: 6)), b = copy(bias)
            let bv = copy([Float](repeating: 0.5, count: rows))
            let flat: [Int32] = [0, 2, 2, 4, 4, 7]   // one tile: per row its start and end
            Kernels.table(for: family).sparseUpdate(SparseUpdatePass(
                tiles: 1, start: copy(flat), column: copy(column), value: w, velocity: v, bias: b,
                biasVelocity: bv, rows: 0..<rows, delta: copy(delta), input: copy(act), ld: 80, blocks: 2,
                step: SGDStep(learningRate: 0.1, momentum: 0.9)))
            XCTAssertNotEqual(read(w, value.count), value)
            let all = bits(read(w, value.count) + read(v, value.count) + read(b, rows) + read(bv, rows))
            if let referenceStep { XCTAssertEqual(all, referenceStep, "\(family)") } else { referenceStep = all }
        }
    }

    func testTheReLUKernelsComputeWhatSwiftsScalarFormsDo() {
        var x = values(37, seed: 12)
        x[0] = -0.0; x[1] = .nan; x[2] = 0; x[36] = .nan
        let dy = values(37, seed: 13)
        for family in Kernels.supported {
            let table = Kernels.table(for: family)
            let y = copy([Float](repeating: 7, count: 37)), dx = copy([Float](repeating: 7, count: 37))
            table.relu(37, copy(x), y)
            table.reluGradient(37, copy(x), copy(dy), dx)
            XCTAssertEqual(bits(read(y, 37)), bits(x.map { max(0, $0) }), "\(family)")
            XCTAssertEqual(bits(read(dx, 37)), bits(zip(x, dy).map { $0 > 0 ? $1 : 0 }), "\(family)")
            XCTAssertEqual(read(y, 37)[0].sign, .minus, "max(0, −0) is −0")
            // A batch norm's plane, forward (with and without the ReLU) and backward.
            let s = copy([Float](repeating: 7, count: 37)), sr = copy([Float](repeating: 7, count: 37))
            let g = copy([Float](repeating: 7, count: 37))
            table.scaleShift(37, 1.3, copy(dy), -0.2, s, false)
            table.scaleShift(37, 1.3, copy(dy), -0.2, sr, true)
            table.normGradient(37, 0.7, copy(dy), -0.01, 0.33, copy(x), 0.12, g)
            XCTAssertEqual(bits(read(s, 37)), bits(dy.map { 1.3 * $0 + -0.2 }), "\(family)")
            XCTAssertEqual(bits(read(sr, 37)), bits(dy.map { max(0, 1.3 * $0 + -0.2) }), "\(family)")
            XCTAssertEqual(bits(read(g, 37)), bits(zip(dy, x).map { 0.7 * $0 + -0.01 + 0.33 * ($1 - 0.12) }),
                           "\(family)")
        }
    }

    func testConvLoopsGiveTheSameBitsInEveryFamily() throws {
        let length = 80, start = [0, 3, 5], offset = [0, 7, 19, 2, 30]
        let source = values(200, seed: 7), w = values(5, seed: 8), d = values(2 * 96, seed: 9)
        var reference: [UInt32]?
        for family in Kernels.supported {
            let table = Kernels.table(for: family)
            let out = copy([Float](repeating: 0, count: 2 * 96)), g = copy([Float](repeating: 0, count: 5))
            let src = copy(source)
            let rows = ShiftedRows(count: 2, start: copy(start), offset: copy(offset))
            table.shiftedRowSums(ShiftedRowSums(rows: rows, weights: copy(w), source: src, length: length,
                                                output: out, outputStride: 96))
            table.shiftedRowDots(ShiftedRowDots(rows: rows, d: copy(d), dStride: 96, source: src,
                                                length: length, into: g))
            let y = copy(values(77, seed: 10))
            table.axpy(77, 0.3, src, y)
            // The ReLU and its gradient, with −0, NaN and a tail past the last full lane.
            var special = values(77, seed: 11)
            special[3] = -0.0; special[4] = .nan; special[75] = .nan; special[76] = -0.0
            let r = copy([Float](repeating: 7, count: 77)), dr = copy([Float](repeating: 7, count: 77))
            table.relu(77, copy(special), r)
            table.reluGradient(77, copy(special), src, dr)
            let all = bits(read(out, 2 * 96) + read(g, 5) + read(y, 77) + [table.sum(77, src), table.dot(77, src, d)]
                           + read(r, 77) + read(dr, 77))
            if let reference { XCTAssertEqual(all, reference, "\(family)") } else { reference = all }
        }
    }

    func testAFamilyIsChosenByNameAndBadNamesAreRefusedInOneLine() throws {
        XCTAssertThrowsError(try Kernels.configure(environment: ["REPRO_KERNELS": "sse9"])) { error in
            XCTAssertEqual(error as? KernelChoiceError, .unknown("sse9"))
            XCTAssertFalse("\(error)".contains("\n"))
            XCTAssertTrue("\(error)".contains("baseline, avx2, avx512"))
        }
        let before = Kernels.active.family
        try Kernels.with(.baseline) { XCTAssertEqual(Kernels.active.family, .baseline) }
        XCTAssertEqual(Kernels.active.family, before)
        try Kernels.configure(environment: [:])
        XCTAssertEqual(Kernels.active.family, before, "no variable: no change")
        try Kernels.configure(environment: ["REPRO_KERNELS": "  "])
        XCTAssertEqual(Kernels.active.family, before, "a blank variable is unset")
        try Kernels.configure(environment: ["REPRO_KERNELS": " Baseline "])
        XCTAssertEqual(Kernels.active.family, .baseline, "case and surrounding spaces do not matter")
        try Kernels.use(before)
        let refusal = KernelChoiceError.unsupported(.avx512, supported: [.baseline, .avx2])
        XCTAssertEqual("\(refusal)", "REPRO_KERNELS=avx512: this CPU cannot run AVX-512 code; use baseline or avx2, or unset it")
    }
}
