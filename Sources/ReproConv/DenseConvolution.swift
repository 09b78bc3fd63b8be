import ReproKernelDispatch
import Foundation

/// A conv layer computed by oneDNN on the dense copy of its weights, its batch split into
/// `threads` fixed parts run concurrently, each on one OpenMP thread with its own primitives:
/// both cores without OpenMP barriers across threads (which stall whenever a shared machine
/// deschedules one thread). Weight gradients are summed over the parts in part order.
extension LayerParameters {
    private func geometry() -> ConvGeometry {
        guard case .conv(let g) = kind else { preconditionFailure("\(name) is not a convolution") }
        return g
    }

    /// Runs `body(part, images)` for the parts of `n` images; the first error is rethrown.
    private func split(_ n: Int, threads: Int,
                       _ body: @escaping (Int, Range<Int>, DNNLConvolution) throws -> Void) throws {
        let parts = Parallel.ranges(n, parts: threads)
        let primitives = try parts.enumerated().map { try primitive(batch: $0.element.count, part: $0.offset) }
        let failure = NSLock()
        var first: Error?
        Parallel.forEach(n, parts: threads) { part, images in
            DNNLContext.setThreads(1)
            do { try body(part, images, primitives[part]) } catch {
                failure.lock(); if first == nil { first = error }; failure.unlock()
            }
        }
        if let first { throw first }
    }

    func denseForward(x: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>, batch n: Int, threads: Int) throws {
        let g = geometry()
        expand()
        let w = expanded!.pointer, b = bias?.pointer
        try split(n, threads: threads) { _, images, conv in
            try conv.forward(x: x + images.lowerBound * g.inChannels * g.inPositions, w: w, b: b,
                             y: y + images.lowerBound * g.outChannels * g.outPositions)
        }
    }

    /// Weight and bias gradients (compact, overwritten) if `parameters`; dx if given.
    func denseBackward(x: UnsafePointer<Float>, dy: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>?,
                       parameters: Bool, batch n: Int, threads: Int) throws {
        let g = geometry()
        let parts = Parallel.ranges(n, parts: threads).count
        while partGradients.count < parts - 1 {
            partGradients.append((FloatBuffer(count: g.weightCount), bias.map { FloatBuffer(count: $0.count) }))
        }
        let w = expanded!.pointer
        let gradientBuffers = [(expandedGradients!, biasGradients)] + partGradients
        try split(n, threads: threads) { part, images, conv in
            let xs = x + images.lowerBound * g.inChannels * g.inPositions
            let dys = dy + images.lowerBound * g.outChannels * g.outPositions
            if parameters {
                let (dw, db) = gradientBuffers[part]
                try conv.backwardWeights(x: xs, dy: dys, dw: dw.pointer, db: db?.pointer)
            }
            if let dx {
                try conv.backwardData(dy: dys, w: w, dx: dx + images.lowerBound * g.inChannels * g.inPositions)
            }
        }
        guard parameters else { return }
        gatherGradients()
        let out = gradients.pointer
        for p in 1..<max(1, parts) {
            let extra = partGradients[p - 1].weights.pointer
            for (k, position) in positions.enumerated() { out[k] += extra[position] }
            if let b = biasGradients, let e = partGradients[p - 1].bias {
                Kernels.active.axpy(b.count, 1, e.pointer, b.pointer)
            }
        }
    }
}
