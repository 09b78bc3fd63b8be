import ReproNetwork

extension Architecture {
    /// Every conv layer with its geometry, in weight-layer order; `index` is its weight-layer index.
    func convLayers() throws -> [(index: Int, layer: WeightLayer, geometry: ConvGeometry)] {
        let shapes = try outputShapes()
        return try weightLayers().enumerated().compactMap { index, layer in
            guard case .conv(_, let c, let k, let s, let p, let bias) = nodes[layer.node].op else { return nil }
            let from = nodes[layer.node].from?.first ?? layer.node - 1
            let input = from == -1 ? self.input : shapes[from]
            return (index, layer, ConvGeometry(inChannels: input[0], height: input[1], width: input[2],
                                               outChannels: c, kernel: k, stride: s, padding: p, bias: bias))
        }
    }
}
