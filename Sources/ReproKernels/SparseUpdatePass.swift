import CPrefetch

/// Weight gradient at the kept positions only, fused with the SGD-with-momentum step.
///
/// For a kept weight w_oi the mini-batch gradient is the dot product of output row o of the
/// (already batch-averaged) output gradient with input row i of the activations: two contiguous
/// rows. The step is PyTorch's: v ← μ·v + g, w ← w − lr·v. Dropped positions have no entry, so
/// they get no gradient and no momentum and stay exactly zero. Rows are independent, so threads
/// split them (by kept-weight count) without atomics.
///
/// The gradient of a weight is computed from the same activations the input gradient used, and
/// after it: callers run the backward kernel of a layer before this one, as PyTorch computes
/// every gradient before its optimiser step.
public struct SparseUpdatePass {
    /// Segment t of output row o is start[o · (tiles + 1) + t] ..< start[o · (tiles + 1) + t + 1]
    /// of `column` and `value`.
    public var tiles: Int
    public var start: UnsafePointer<Int32>
    public var column: UnsafePointer<Int32>
    public var value: UnsafeMutablePointer<Float>
    public var velocity: UnsafeMutablePointer<Float>
    public var bias: UnsafeMutablePointer<Float>
    public var biasVelocity: UnsafeMutablePointer<Float>
    public var rows: Range<Int>
    public var delta: UnsafePointer<Float>
    public var input: UnsafePointer<Float>
    public var ld: Int
    public var blocks: Int
    public var step: SGDStep

    public init(
        tiles: Int, start: UnsafePointer<Int32>, column: UnsafePointer<Int32>,
        value: UnsafeMutablePointer<Float>, velocity: UnsafeMutablePointer<Float>,
        bias: UnsafeMutablePointer<Float>, biasVelocity: UnsafeMutablePointer<Float>,
        rows: Range<Int>, delta: UnsafePointer<Float>, input: UnsafePointer<Float>,
        ld: Int, blocks: Int, step: SGDStep
    ) {
        self.tiles = tiles; self.start = start; self.column = column; self.value = value
        self.velocity = velocity; self.bias = bias; self.biasVelocity = biasVelocity; self.rows = rows
        self.delta = delta; self.input = input; self.ld = ld; self.blocks = blocks; self.step = step
    }

    @inlinable @inline(__always)
    public func run() {
        for o in rows where step.biases {
            let gb = RowSum.of(delta + o &* ld, blocks: blocks)
            step.apply(gradient: gb, weight: bias + o, velocity: biasVelocity + o)
        }
        let width = tiles &+ 1
        assert(blocks * blockWidth <= ld, "column blocks beyond the row length")
        // The step walks each row whole (a weight's dot product is computed at once, so tiles
        // would only scatter its reads of the weights and momenta): a row is its tiles'
        // segments, start[o · (tiles + 1)] ..< start[o · (tiles + 1) + tiles]. A row's last
        // (length mod 8) weights wait here, with other rows' last weights, until eight are
        // waiting: one dot product alone is a chain of dependent adds that leaves the vector
        // units idle, and at mid densities most rows end with several.
        var waiting = Waiting()
        let last = rows.isEmpty ? 0 : Int(start[(rows.upperBound &- 1) &* width &+ tiles])
        for o in rows {
            let d = delta + o &* ld
            var j = Int(start[o &* width])
            let hi = Int(start[o &* width &+ tiles])
            // Eight weights at a time share the loads of the output-gradient row and keep
            // eight independent sums in flight; each dot product is summed exactly as
            // RowDot.of sums it, so grouping changes no bit.
            while j &+ 7 < hi {
                if j &+ 15 < last { prefetchRows(from: j &+ 8) }
                let g = RowDot.eight(d, rows: input, at: column + j, ld: ld, blocks: blocks)
                step.apply(gradients: g, weights: value + j, velocities: velocity + j)
                j &+= 8
            }
            while j < hi {
                waiting.add(row: o &* ld, entry: j)
                if waiting.count == 8 { stepWaiting(&waiting) }
                j &+= 1
            }
        }
        if waiting.count > 1 {
            stepWaiting(&waiting)
        } else if waiting.count == 1 {
            let j = waiting.entry[0]
            let g = RowDot.of(delta + waiting.row[0], input + Int(column[j]) &* ld, blocks: blocks)
            step.apply(gradient: g, weight: value + j, velocity: velocity + j)
        }
    }

    /// Asks for the input rows of the eight entries from `first` (the next group in the walk,
    /// also across rows) while this group's dot products run: each row is a jump the hardware
    /// prefetcher cannot guess. A hint only; it changes no number.
    @inlinable @inline(__always)
    func prefetchRows(from first: Int) {
        for k in first..<(first &+ 8) {
            let y = input + Int(column[k]) &* ld
            var c = 0
            while c < blocks &* blockWidth { repro_prefetch(y + c); c &+= 16 }
        }
    }

    /// Up to eight weights whose step is due: each one's output-gradient row offset and entry.
    @usableFromInline
    struct Waiting {
        @usableFromInline var row = SIMD8<Int>()
        @usableFromInline var entry = SIMD8<Int>()
        @usableFromInline var count = 0

        @inlinable @inline(__always)
        init() {}

        @inlinable @inline(__always)
        mutating func add(row o: Int, entry j: Int) {
            row[count] = o
            entry[count] = j
            count &+= 1
        }
    }

    /// Steps the waiting weights, eight dot products at once (a short queue repeats its first
    /// weight in the empty places and ignores those results), and empties the queue.
    @inlinable @inline(__always)
    func stepWaiting(_ waiting: inout Waiting) {
        for k in waiting.count..<8 {
            waiting.row[k] = waiting.row[0]
            waiting.entry[k] = waiting.entry[0]
        }
        var y = SIMD8<Int>()
        for k in 0..<8 { y[k] = Int(column[waiting.entry[k]]) &* ld }
        let g = RowDot.eight(delta, at: waiting.row, rows: input, at: y, blocks: blocks)
        for k in 0..<waiting.count {
            let j = waiting.entry[k]
            step.apply(gradient: g[k], weight: value + j, velocity: velocity + j)
        }
        waiting.count = 0
    }
}

/// One SGD-with-momentum step for one parameter, in PyTorch's form.
public struct SGDStep: Sendable {
    public let learningRate: Float
    public let momentum: Float
    /// Whether biases take steps (false: they keep their values, and their momentum stays 0).
    public var biases: Bool

    public init(learningRate: Float, momentum: Float, biases: Bool = true) {
        self.learningRate = learningRate; self.momentum = momentum; self.biases = biases
    }

    @inlinable @inline(__always)
    public func apply(
        gradient: Float, weight: UnsafeMutablePointer<Float>,
        velocity: UnsafeMutablePointer<Float>
    ) {
        let v = momentum * velocity.pointee + gradient
        velocity.pointee = v
        weight.pointee = weight.pointee - learningRate * v
    }

    /// ``apply(gradient:weight:velocity:)`` for eight consecutive parameters, the same operations
    /// on each.
    @inlinable @inline(__always)
    public func apply(
        gradients: SIMD8<Float>, weights: UnsafeMutablePointer<Float>,
        velocities: UnsafeMutablePointer<Float>
    ) {
        let v = Lane(repeating: momentum) * loadLane(velocities) + gradients
        storeLane(velocities, v)
        storeLane(weights, loadLane(weights) - Lane(repeating: learningRate) * v)
    }
}

/// Dot products over whole column blocks in one fixed order: one lane accumulator that takes the
/// samples of a block 8 at a time, then the pairwise lane sum. One accumulator per product (not
/// four) leaves room for eight products at once (``eight(_:rows:at:ld:blocks:)``).
public enum RowDot {
    @inlinable @inline(__always)
    public static func of(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, blocks: Int) -> Float {
        var a = Lane()
        var c = 0
        let end = blocks &* blockWidth
        while c < end {
            a = mulAdd(a, loadLane(x + c), loadLane(y + c))
            a = mulAdd(a, loadLane(x + c + 8), loadLane(y + c + 8))
            a = mulAdd(a, loadLane(x + c + 16), loadLane(y + c + 16))
            a = mulAdd(a, loadLane(x + c + 24), loadLane(y + c + 24))
            c &+= blockWidth
        }
        return laneSum(a)
    }

    /// x·y_k for the eight rows y_k = rows + at[k] · ld, each summed exactly as
    /// ``of(_:_:blocks:)`` sums it: eight independent chains of adds, so the adds' latency is
    /// hidden where one chain waits on it.
    @inlinable @inline(__always)
    public static func eight(
        _ x: UnsafePointer<Float>, rows: UnsafePointer<Float>, at: UnsafePointer<Int32>, ld: Int, blocks: Int
    ) -> SIMD8<Float> {
        let y0 = rows + Int(at[0]) &* ld, y1 = rows + Int(at[1]) &* ld
        let y2 = rows + Int(at[2]) &* ld, y3 = rows + Int(at[3]) &* ld
        let y4 = rows + Int(at[4]) &* ld, y5 = rows + Int(at[5]) &* ld
        let y6 = rows + Int(at[6]) &* ld, y7 = rows + Int(at[7]) &* ld
        var a0 = Lane(), a1 = Lane(), a2 = Lane(), a3 = Lane()
        var a4 = Lane(), a5 = Lane(), a6 = Lane(), a7 = Lane()
        var c = 0
        let end = blocks &* blockWidth
        while c < end {
            let v = loadLane(x + c)
            a0 = mulAdd(a0, v, loadLane(y0 + c))
            a1 = mulAdd(a1, v, loadLane(y1 + c))
            a2 = mulAdd(a2, v, loadLane(y2 + c))
            a3 = mulAdd(a3, v, loadLane(y3 + c))
            a4 = mulAdd(a4, v, loadLane(y4 + c))
            a5 = mulAdd(a5, v, loadLane(y5 + c))
            a6 = mulAdd(a6, v, loadLane(y6 + c))
            a7 = mulAdd(a7, v, loadLane(y7 + c))
            c &+= 8
        }
        return laneSums(a0, a1, a2, a3, a4, a5, a6, a7)
    }
}

extension RowDot {
    /// x_k·y_k for eight pairs of rows (x_k = x + xAt[k], y_k = rows + yAt[k]), each summed
    /// exactly as ``of(_:_:blocks:)`` sums it.
    @inlinable @inline(__always)
    public static func eight(
        _ x: UnsafePointer<Float>, at xAt: SIMD8<Int>, rows: UnsafePointer<Float>, at yAt: SIMD8<Int>,
        blocks: Int
    ) -> SIMD8<Float> {
        let x0 = x + xAt[0], x1 = x + xAt[1], x2 = x + xAt[2], x3 = x + xAt[3]
        let x4 = x + xAt[4], x5 = x + xAt[5], x6 = x + xAt[6], x7 = x + xAt[7]
        let y0 = rows + yAt[0], y1 = rows + yAt[1], y2 = rows + yAt[2], y3 = rows + yAt[3]
        let y4 = rows + yAt[4], y5 = rows + yAt[5], y6 = rows + yAt[6], y7 = rows + yAt[7]
        var a0 = Lane(), a1 = Lane(), a2 = Lane(), a3 = Lane()
        var a4 = Lane(), a5 = Lane(), a6 = Lane(), a7 = Lane()
        var c = 0
        let end = blocks &* blockWidth
        while c < end {
            a0 = mulAdd(a0, loadLane(x0 + c), loadLane(y0 + c))
            a1 = mulAdd(a1, loadLane(x1 + c), loadLane(y1 + c))
            a2 = mulAdd(a2, loadLane(x2 + c), loadLane(y2 + c))
            a3 = mulAdd(a3, loadLane(x3 + c), loadLane(y3 + c))
            a4 = mulAdd(a4, loadLane(x4 + c), loadLane(y4 + c))
            a5 = mulAdd(a5, loadLane(x5 + c), loadLane(y5 + c))
            a6 = mulAdd(a6, loadLane(x6 + c), loadLane(y6 + c))
            a7 = mulAdd(a7, loadLane(x7 + c), loadLane(y7 + c))
            c &+= 8
        }
        return laneSums(a0, a1, a2, a3, a4, a5, a6, a7)
    }
}

public enum RowSum {
    @inlinable @inline(__always)
    public static func of(_ x: UnsafePointer<Float>, blocks: Int) -> Float {
        var a0 = Lane()
        var a1 = Lane()
        var a2 = Lane()
        var a3 = Lane()
        var c = 0
        let end = blocks &* blockWidth
        while c < end {
            a0 += loadLane(x + c)
            a1 += loadLane(x + c + 8)
            a2 += loadLane(x + c + 16)
            a3 += loadLane(x + c + 24)
            c &+= blockWidth
        }
        return laneSum((a0 + a1) + (a2 + a3))
    }
}
