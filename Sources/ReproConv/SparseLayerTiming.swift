import Dispatch
import ReproNetwork

/// For `repro bench`: every conv layer of an architecture under the uniform rule (the width-16
/// capacity) on our sparse kernels, forward and backward (weight and input gradients) timed
/// apart on a batch of synthetic numbers.
public enum SparseLayerTiming {
    public struct Row: Sendable {
        public var layer: String
        public var layout: String
        public var keptWeights: Int
        /// Kept weights × output positions × images.
        public var multiplyAdds: Int
        public var forwardSeconds: Double
        public var backwardSeconds: Double
    }

    public static func rows(_ architecture: Architecture, batch: Int = 128, repeats: Int = 3) throws -> [Row] {
        let masks = try ConvNetwork.masks(architecture: architecture, rule: .uniform, seed: 0)
        return try architecture.convLayers().map { index, layer, g in
            let positions = masks[index]
            let conv = SparseConvolution(g, positions: positions, batch: batch, threads: 1)
            let values = FloatBuffer((0..<positions.count).map { Float($0 % 7) * 0.1 - 0.3 })
            let x = FloatBuffer((0..<(batch * g.inChannels * g.inPositions)).map { Float($0 % 11) * 0.1 })
            let y = FloatBuffer(count: batch * g.outChannels * g.outPositions)
            let dx = FloatBuffer(count: x.count), dw = FloatBuffer(count: positions.count)
            let db = FloatBuffer(count: g.outChannels)
            func time(_ body: () -> Void) -> Double {
                body()
                let t = (0..<repeats).map { _ -> Double in
                    let start = DispatchTime.now().uptimeNanoseconds
                    body()
                    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                }
                return t.sorted()[t.count / 2]
            }
            let forward = time {
                conv.forward(x: x.pointer, values: values.pointer, bias: nil, y: y.pointer, batch: batch)
            }
            let backward = time {
                conv.backward(x: x.pointer, dy: y.pointer, values: values.pointer, dx: dx.pointer,
                              weightGradients: dw.pointer, biasGradients: db.pointer, batch: batch)
            }
            return Row(layer: layer.name, layout: "groups of \(conv.tileImages)",
                       keptWeights: positions.count, multiplyAdds: positions.count * g.outPositions * batch,
                       forwardSeconds: forward, backwardSeconds: backward)
        }
    }
}
