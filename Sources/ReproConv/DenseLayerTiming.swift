import Dispatch
import ReproNetwork

/// For `repro bench`: every dense conv layer of an architecture timed as our engine runs it
/// (oneDNN on our plain NCHW / OIHW buffers: forward, backward data, backward weights) and as
/// oneDNN runs it on its own preferred layouts, same shapes and batch.
public enum DenseLayerTiming {
    public struct Row: Sendable {
        public var layer: String
        public var multiplyAdds: Int
        public var oursSeconds: Double
        public var oneDNNSeconds: Double
        public var oursImplementation: String
        public var oneDNNImplementation: String
    }

    public static func rows(_ architecture: Architecture, batch: Int = 128, repeats: Int = 3,
                            threads: Int = 1) throws -> [Row] {
        DNNLContext.setThreads(threads)
        var rows: [Row] = []
        for (_, layer, g) in try architecture.convLayers() {
            let c = g.outChannels, bias = g.bias
            let ours = try DNNLConvolution(g, batch: batch)
            let x = FloatBuffer(count: batch * g.inChannels * g.inPositions)
            let y = FloatBuffer(count: batch * g.outChannels * g.outPositions)
            let w = FloatBuffer(count: g.weightCount), b = FloatBuffer(count: c)
            let dx = FloatBuffer(count: x.count), dw = FloatBuffer(count: w.count), db = FloatBuffer(count: c)
            let best = try DNNLConvolutionBestLayout(g, batch: batch)
            func time(_ body: () throws -> Void) rethrows -> Double {
                try body()
                var t: [Double] = []
                for _ in 0..<repeats {
                    let start = DispatchTime.now().uptimeNanoseconds
                    try body()
                    t.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                }
                return t.sorted()[t.count / 2]
            }
            let oursSeconds = try time {
                try ours.forward(x: x.pointer, w: w.pointer, b: bias ? b.pointer : nil, y: y.pointer)
                try ours.backwardData(dy: y.pointer, w: w.pointer, dx: dx.pointer)
                try ours.backwardWeights(x: x.pointer, dy: y.pointer, dw: dw.pointer, db: bias ? db.pointer : nil)
            }
            let bestSeconds = try time { try best.run() }
            rows.append(Row(layer: layer.name, multiplyAdds: layer.count * g.outPositions * batch,
                            oursSeconds: oursSeconds, oneDNNSeconds: bestSeconds,
                            oursImplementation: ours.implementations.joined(separator: "/"),
                            oneDNNImplementation: best.implementations.joined(separator: "/")))
        }
        return rows
    }
}
