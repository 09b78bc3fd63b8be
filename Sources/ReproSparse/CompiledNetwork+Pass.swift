/// One pass over a batch, split by sample blocks over the pool's threads: the inputs gathered
/// (normalised dataset rows, or raw pixels normalised on the way), the forward pass, and as
/// far as `end` asks. Training, evaluation, logits and input gradients all run through it, so
/// the split and the order of the calls are written once.
extension CompiledNetwork {
    enum PassInput {
        case dataset(SparseDataset)
        /// Pixels in [0, 1] from image `first` on.
        case pixels(UnsafePointer<Float>, first: Int)
    }

    enum PassEnd {
        case logits
        /// Softmax and per-sample losses; `scale` as in ``softmax(_:blocks:real:labels:scale:)``.
        case losses(scale: Float?)
        /// Then back through the layers (to the input too when asked).
        case gradients(scale: Float?, toInput: Bool)
    }

    func pass(_ input: PassInput, _ ws: Workspace, pool: WorkerPool, real: Int, end: PassEnd) {
        let blocks = Workspace.blocks(for: real)
        let threads = pool.threads
        pool.run { t in
            let range = Workspace.blockRange(t, of: threads, blocks: blocks)
            guard !range.isEmpty else { return }
            switch input {
            case .dataset(let data): self.gather(data, ws, blocks: range, real: real)
            case .pixels(let base, let first):
                self.gather(pixels: base, first: first, ws, blocks: range, real: real)
            }
            self.forward(ws, blocks: range)
            switch end {
            case .logits: return
            case .losses(let scale):
                self.softmax(ws, blocks: range, real: real, labels: true, scale: scale)
            case .gradients(let scale, let toInput):
                self.softmax(ws, blocks: range, real: real, labels: true, scale: scale)
                self.backward(ws, blocks: range, toInput: toInput)
            }
        }
    }
}
