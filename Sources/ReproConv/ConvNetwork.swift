import ReproNetwork

/// A VGG or ResNet as a value: its architecture, the kept positions and values of every conv
/// and dense layer (in the architecture's weight-layer order), and every batch norm's state
/// (in node order). Build one with ``ConvNetwork/initial(architecture:masks:seed:)`` or
/// ``ConvTrainer``; read it through `ReproNetwork.Network`.
public struct ConvNetwork: Equatable, Sendable {
    public let architecture: Architecture
    public var layers: [ConvLayerState]
    public var norms: [BatchNormState]
    /// Layers kept below this fraction run on our sparse kernels, the others on oneDNN.
    public var sparseBelow: Double

    public init(architecture: Architecture, layers: [ConvLayerState], norms: [BatchNormState],
                sparseBelow: Double = ConvNetwork.defaultSparseBelow) throws {
        let weightLayers = try architecture.weightLayers()
        guard weightLayers.count == layers.count else {
            throw ConvError("\(architecture.name): \(layers.count) layer states for \(weightLayers.count) layers")
        }
        for (w, l) in zip(weightLayers, layers) {
            guard w.name == l.name, w.shape == l.shape, l.positions.count == l.values.count,
                  zip(l.positions, l.positions.dropFirst()).allSatisfy({ $0 < $1 }),
                  (l.positions.first ?? 0) >= 0, (l.positions.last ?? 0) < w.count,
                  (l.bias?.count ?? w.shape[0]) == w.shape[0], (l.bias != nil) == w.bias else {
                throw ConvError("\(architecture.name): layer \(l.name) does not fit \(w.name) \(w.shape)")
            }
        }
        let normNames = Self.batchNormChannels(architecture, try architecture.outputShapes())
        let allNames = weightLayers.map(\.name) + normNames.map(\.0)
        guard Set(allNames).count == allNames.count else {
            throw ConvError("\(architecture.name): conv, dense and batch-norm layers need distinct names")
        }
        guard normNames.map(\.0) == norms.map(\.name),
              zip(normNames, norms).allSatisfy({ n, s in
                  [s.gamma, s.beta, s.runningMean, s.runningVariance].allSatisfy { $0.count == n.1 }
              }) else {
            throw ConvError("\(architecture.name): batch norm states do not fit the architecture")
        }
        self.architecture = architecture; self.layers = layers; self.norms = norms
        self.sparseBelow = sparseBelow
    }

    /// The crossover measured with `repro bench --conv` (one thread, step profiles under the
    /// uniform rule, `REPRO_CONV_PROFILE=vgg11,32,0.3` against the default): with the phase-plane
    /// kernels oneDNN on dense × mask takes 0.18 s of conv per VGG11 step at keep 1/4 (ours
    /// 0.29 s; ResNet18 0.73 against 0.95 s) and 0.55 s at keep 1/16 (ours 0.37 s). Its cost
    /// grows about as 1/keep, ours stays, so they now cross near keep 0.15; every threshold
    /// between 1/16 and 1/4 makes the same choice for the uniform rule, and 0.08 is kept so
    /// water-filling networks keep their layers' paths (and bits).
    public static let defaultSparseBelow = 0.08

    /// Each batch norm's name and channels, in node order.
    static func batchNormChannels(_ a: Architecture, _ shapes: [[Int]]) -> [(String, Int)] {
        a.nodes.enumerated().compactMap { i, node in
            if case .batchNorm(let name) = node.op { return (name, shapes[i][0]) }
            return nil
        }
    }
}
