@testable import ReproMNISTC
import ReproSupport


/// Hand-made 28×28 test images, row-major bytes.
enum TestImages {
    static let side = 28

    static func constant(_ value: UInt8) -> [UInt8] {
        [UInt8](repeating: value, count: side * side)
    }

    /// One pixel of `value` at (row, col) on black.
    static func dot(row: Int, col: Int, value: UInt8 = 255) -> [UInt8] {
        var image = constant(0)
        image[row * side + col] = value
        return image
    }

    /// A filled square covering rows and columns `range` on black.
    static func square(_ range: ClosedRange<Int>, value: UInt8 = 255) -> [UInt8] {
        var image = constant(0)
        for row in range {
            for col in range { image[row * side + col] = value }
        }
        return image
    }

    /// A thick "7": a bar along rows 5–8 and a diagonal down to the bottom left.
    static let seven: [UInt8] = {
        var image = constant(0)
        for row in 5...8 { for col in 6...21 { image[row * side + col] = 255 } }
        for row in 9...23 {
            let centre = 21 - (row - 9) * 10 / 14
            for col in (centre - 2)...(centre + 1) { image[row * side + col] = 230 }
        }
        return image
    }()

    /// A thick "0": an elliptical ring.
    static let zero: [UInt8] = {
        var image = constant(0)
        for row in 0..<side {
            for col in 0..<side {
                let y = (Double(row) - 13.5) / 9, x = (Double(col) - 13.5) / 6
                let radius = (x * x + y * y).squareRoot()
                if radius > 0.6 && radius < 1.05 { image[row * side + col] = 250 }
            }
        }
        return image
    }()

    /// Uniformly random bytes.
    static func random(seed: UInt64) -> [UInt8] {
        var generator = SplitMix64(state: seed)
        return (0..<(side * side)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    }

    /// Random bytes with MNIST-like sparsity: about 80 % zeros.
    static func sparseRandom(seed: UInt64) -> [UInt8] {
        var generator = SplitMix64(state: seed)
        return (0..<(side * side)).map { _ in
            let word = generator.next()
            return word % 5 == 0 ? UInt8(truncatingIfNeeded: word >> 8) : 0
        }
    }

    /// The nonzero pixels of an output as (row, col) pairs.
    static func litPixels(_ pixels: [Float]) -> [(row: Int, col: Int)] {
        pixels.indices.filter { pixels[$0] != 0 }.map { ($0 / side, $0 % side) }
    }
}
