/// A 784-h-1 network as two stored layers, and back.
extension MLPParameters {
    public var layers: [LayerWeights] {
        [LayerWeights(fanIn: inputs, fanOut: hidden, storage: .dense(w1), bias: b1),
         LayerWeights(fanIn: hidden, fanOut: 1, storage: .dense(w2), bias: [b2])]
    }

    /// Nil unless the layers are exactly an inputs → h → 1 network.
    public init?(layers: [LayerWeights]) {
        guard layers.count == 2, layers[1].fanOut == 1, layers[0].fanOut == layers[1].fanIn,
              layers.allSatisfy(\.isConsistent) else { return nil }
        self.init(inputs: layers[0].fanIn, hidden: layers[0].fanOut, w1: layers[0].denseWeights,
                  b1: layers[0].bias, w2: layers[1].denseWeights, b2: layers[1].bias[0])
    }
}
