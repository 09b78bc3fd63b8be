import ReproKernelDispatch
import ReproKernels
/// A layer run by the sparse kernels: CSR by output for the forward pass and the weight step,
/// CSC by input (pointing into the CSR values) for the input gradient.
final class SparseExecutableLayer: ExecutableLayer {
    let rows: Int
    let columns: Int
    let rowUnits: [Int32]
    private let rowStart: AlignedBuffer<Int32>
    private let column: AlignedBuffer<Int32>
    private let value: AlignedBuffer<Float>
    private let velocity: AlignedBuffer<Float>
    /// Position of each CSR entry in the stored layer's `indices`.
    private let origin: AlignedBuffer<Int32>
    private let columnStart: AlignedBuffer<Int32>
    private let cscRow: AlignedBuffer<Int32>
    private let cscPosition: AlignedBuffer<Int32>
    private let bias: AlignedBuffer<Float>
    private let biasVelocity: AlignedBuffer<Float>
    private let partition: [Range<Int>]
    private let forwardTiles: Tiling
    private let backwardTiles: Tiling
    private let updateTiles: Tiling

    var workPerSample: Int { value.count }

    init(layer: SparseLayer, outputs: ActiveUnits, inputs: ActiveUnits, parts: Int) {
        rows = outputs.count
        columns = inputs.count
        rowUnits = outputs.units
        let rowMap = outputs.compactIndex()
        let colMap = inputs.compactIndex()
        var counts = [Int32](repeating: 0, count: rows + 1)
        var entries: [(col: Int32, origin: Int32)] = []
        var entryRow: [Int32] = []
        entries.reserveCapacity(layer.kept)
        for (q, p) in layer.indices.enumerated() {
            let o = Int(p) / layer.fanIn
            let i = Int(p) - o * layer.fanIn
            let r = rowMap[o]
            let c = colMap[i]
            guard r >= 0, c >= 0 else { continue }
            entries.append((c, Int32(q)))
            entryRow.append(r)
            counts[Int(r) + 1] += 1
        }
        for r in 0..<rows { counts[r + 1] += counts[r] }
        rowStart = AlignedBuffer(counts)
        column = AlignedBuffer(entries.map(\.col))
        origin = AlignedBuffer(entries.map(\.origin))
        value = AlignedBuffer(entries.map { layer.values[Int($0.origin)] })
        velocity = AlignedBuffer(count: entries.count)
        var colCounts = [Int32](repeating: 0, count: columns + 1)
        for e in entries { colCounts[Int(e.col) + 1] += 1 }
        for c in 0..<columns { colCounts[c + 1] += colCounts[c] }
        columnStart = AlignedBuffer(colCounts)
        var next = colCounts
        let cscRow = AlignedBuffer<Int32>(count: entries.count)
        let cscPosition = AlignedBuffer<Int32>(count: entries.count)
        for (j, e) in entries.enumerated() {
            let slot = Int(next[Int(e.col)])
            cscRow[slot] = entryRow[j]
            cscPosition[slot] = Int32(j)
            next[Int(e.col)] += 1
        }
        self.cscRow = cscRow
        self.cscPosition = cscPosition
        bias = AlignedBuffer(outputs.units.map { layer.bias[Int($0)] })
        biasVelocity = AlignedBuffer(count: rows)
        partition = RowPartition.balanced(parts: parts, count: rows) { r in
            Int(counts[r + 1] - counts[r]) + 1
        }
        // A forward or backward segment reads 32 samples (128 bytes) of a row per index; the
        // step reads whole rows of a batch of 128 (576 bytes with the padding).
        forwardTiles = Tiling(
            rowStart: rowStart, column: column, rows: rows, columns: columns,
            rowBytes: blockWidth * 4)
        backwardTiles = Tiling(
            rowStart: columnStart, column: cscRow, rows: columns, columns: rows,
            rowBytes: blockWidth * 4)
        updateTiles = Tiling(
            rowStart: rowStart, column: column, rows: rows, columns: columns,
            rowBytes: 576)
    }

    /// Tiles of the forward, backward and step kernels (for the bench and tests).
    var tileCounts: (forward: Int, backward: Int, update: Int) {
        (forwardTiles.tiles, backwardTiles.tiles, updateTiles.tiles)
    }

    func forward(
        input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>, ld: Int,
        blocks: Range<Int>, relu: Bool
    ) {
        Kernels.active.sparseForward(SparseForwardPass(
            tiles: forwardTiles.tiles, start: forwardTiles.start.pointer, column: column.pointer,
            value: value.pointer, bias: bias.pointer, rows: rows, input: input, output: output,
            ld: ld, blocks: blocks, relu: relu))
    }

    func backward(
        delta: UnsafePointer<Float>, mask: UnsafePointer<Float>?,
        output: UnsafeMutablePointer<Float>, ld: Int, blocks: Range<Int>
    ) {
        Kernels.active.sparseBackward(SparseBackwardPass(
            tiles: backwardTiles.tiles, start: backwardTiles.start.pointer, row: cscRow.pointer,
            position: cscPosition.pointer, value: value.pointer,
            inputs: columns, delta: delta, mask: mask, output: output,
            ld: ld, blocks: blocks))
    }

    func update(
        delta: UnsafePointer<Float>, input: UnsafePointer<Float>, ld: Int, batch: Int,
        part: Int, step: SGDStep
    ) {
        Kernels.active.sparseUpdate(SparseUpdatePass(
            tiles: updateTiles.tiles, start: updateTiles.start.pointer, column: column.pointer,
            value: value.pointer, velocity: velocity.pointer,
            bias: bias.pointer, biasVelocity: biasVelocity.pointer,
            rows: partition[part], delta: delta, input: input, ld: ld,
            blocks: (batch + blockWidth - 1) / blockWidth, step: step))
    }

    func written(into layer: SparseLayer) -> SparseLayer {
        var values = layer.values
        var biases = layer.bias
        for j in 0..<value.count { values[Int(origin[j])] = value[j] }
        for r in 0..<rows { biases[Int(rowUnits[r])] = bias[r] }
        return layer.with(values: values, bias: biases)
    }

    func velocities(like layer: SparseLayer) -> (weights: [Float], bias: [Float]) {
        var w = [Float](repeating: 0, count: layer.kept)
        var b = [Float](repeating: 0, count: layer.fanOut)
        for j in 0..<velocity.count { w[Int(origin[j])] = velocity[j] }
        for r in 0..<rows { b[Int(rowUnits[r])] = biasVelocity[r] }
        return (w, b)
    }

    func setVelocities(weights: [Float], bias: [Float]) {
        for j in 0..<velocity.count { velocity[j] = weights[Int(origin[j])] }
        for r in 0..<rows { biasVelocity[r] = bias[Int(rowUnits[r])] }
    }
}
