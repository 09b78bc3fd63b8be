import ReproNetwork

/// A conv network compiled for passes in inference mode (batch norm on its running statistics):
/// buffers for `batchSize` images allocated once; each pass splits its batch over `threads`.
/// One instance is used from one thread at a time.
public final class ConvInference: NetworkInference {
    let graph: ConvGraph
    public var inputSize: Int { graph.inputSize }
    public var classCount: Int { graph.classCount }

    init(_ network: ConvNetwork, batchSize: Int, threads: Int) throws {
        graph = try ConvGraph(network, maxBatch: batchSize, threads: threads)
    }

    private func imageCount(_ pixels: [Float]) throws -> Int {
        guard !pixels.isEmpty, pixels.count % inputSize == 0 else {
            throw ConvError("\(pixels.count) pixels are not whole images of \(inputSize)")
        }
        return pixels.count / inputSize
    }

    /// Runs the forward pass chunk by chunk; `body(start, n)` reads `graph.logits`.
    private func chunks(_ pixels: [Float], _ body: (Int, Int) throws -> Void) throws {
        let count = try imageCount(pixels)
        var start = 0
        while start < count {
            let n = min(graph.maxBatch, count - start)
            pixels.withUnsafeBufferPointer {
                graph.input.pointer.update(from: $0.baseAddress! + start * inputSize, count: n * inputSize)
            }
            try graph.forward(n, training: false)
            try body(start, n)
            start += n
        }
    }

    public func logits(pixels: [Float]) throws -> [Float] {
        var out = [Float](repeating: 0, count: try imageCount(pixels) * classCount)
        try chunks(pixels) { start, n in
            for j in 0..<(n * classCount) { out[start * classCount + j] = graph.logits[j] }
        }
        return out
    }

    public func lossesAndInputGradients(pixels: [Float], labels: [Int]) throws -> InputGradients {
        let count = try imageCount(pixels)
        guard labels.count == count, labels.allSatisfy({ $0 >= 0 && $0 < classCount }) else {
            throw ConvError("\(labels.count) labels in 0..<\(classCount) needed for \(count) images")
        }
        var result = InputGradients(logits: [Float](repeating: 0, count: count * classCount),
                                    losses: [Float](repeating: 0, count: count),
                                    gradients: [Float](repeating: 0, count: count * inputSize))
        try chunks(pixels) { start, n in
            for j in 0..<(n * classCount) { result.logits[start * classCount + j] = graph.logits[j] }
            result.losses.withUnsafeMutableBufferPointer { losses in
                SoftmaxCrossEntropy.run(logits: graph.logits, labels: Array(labels[start..<(start + n)]),
                                        classes: classCount, losses: losses.baseAddress! + start,
                                        gradients: graph.logitGradients, scale: 1)
            }
            try graph.backward(n, training: false, parameters: false, toInput: true)
            for j in 0..<(n * inputSize) { result.gradients[start * inputSize + j] = graph.inputGradient.pointer[j] }
        }
        return result
    }

    public func evaluate(_ data: LabeledPixels) throws -> ClassificationScore {
        guard data.inputSize == inputSize else {
            throw ConvError("images of \(data.inputSize) pixels for a network reading \(inputSize)")
        }
        guard data.labels.allSatisfy({ $0 < classCount }) else {
            throw ConvError("labels must be below \(classCount)")
        }
        var tally = ScoreTally(classes: classCount)
        var losses = [Float](repeating: 0, count: graph.maxBatch)
        try chunks(data.pixels) { start, n in
            let labels = Array(data.labels[start..<(start + n)])
            SoftmaxCrossEntropy.run(logits: graph.logits, labels: labels, classes: classCount,
                                    losses: &losses, gradients: nil, scale: 1)
            for (m, label) in labels.enumerated() {
                let z = graph.logits + m * classCount
                var best = 0
                for k in 1..<classCount where z[k] > z[best] { best = k }
                tally.add(label: label, predicted: best, loss: losses[m])
            }
        }
        return tally.result
    }
}
