import Foundation
import ReproNetwork
import ReproSupport
@testable import ReproConv

/// The cases cross-checked against JAX (Tests/ReproConvTests/Fixtures, made by
/// `Tests/ReproConvTests/Fixtures/jax_reference.py` outside the repo's build): a width-2 VGG11
/// and ResNet18 with half of every layer kept, non-trivial batch-norm state, and 4 synthetic
/// 28×28 images.
enum ReferenceCase {
    static let names = ["vgg11", "resnet18"]

    /// Seeds whose networks pass the input through (with 2 channels, a stem whose batch norm
    /// and ReLU zero every pixel is possible; ResNet18's first seed does).
    static let seeds = ["vgg11": 11, "resnet18": 13]

    static func network(_ name: String, sparseBelow: Double) throws -> ConvNetwork {
        let seed = seeds[name]!
        let a = try ConvArchitectures.make(name, width: 2)
        return try Toy.halfKept(a, seed: seed, maskPurpose: "reference-mask",
                                sparseBelow: sparseBelow)
    }

    static let labels = [0, 1, 2, 3]
    static var pixels: [Float] { randomFloats(4 * 784, seed: 11, "reference-pixels").map { ($0 + 1) / 2 } }

    /// What the JAX script reads: the architecture, every tensor dense, pixels and labels.
    static func dump(_ name: String) throws -> Data {
        let net = try network(name, sparseBelow: 2)
        var tensors: [String: [String: [Double]]] = [:]
        let t = net.tensors
        for (n, tensor) in zip(t.names, t.tensors) {
            tensors[n] = ["shape": tensor.shape.map(Double.init), "values": tensor.dense.map(Double.init)]
        }
        let architecture = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(net.architecture))
        let object: [String: Any] = ["architecture": architecture, "tensors": tensors,
                                     "pixels": pixels.map(Double.init), "labels": labels]
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }
}
