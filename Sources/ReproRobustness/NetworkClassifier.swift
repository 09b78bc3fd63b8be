import ReproAttacks
import ReproNetwork

/// A trained network as the attacks see it: logits, per-sample losses and input gradients from
/// its compiled inference, in [0, 1] pixel space, whatever engine built it.
struct NetworkClassifier<Inference: NetworkInference>: DifferentiableClassifier {
    let inference: Inference

    var inputSize: Int { inference.inputSize }
    var classCount: Int { inference.classCount }
    var scoresEachSampleAlone: Bool { inference.scoresEachImageAlone }

    func lossGradient(inputs: [Float], labels: [Int])
        -> (logits: [Float], losses: [Float], gradient: [Float])
    {
        // The attacks hand over well-formed batches (whole images, labels in range); a failure
        // here is a programming error, not bad input.
        guard let r = try? inference.lossesAndInputGradients(pixels: inputs, labels: labels) else {
            preconditionFailure("attack batch does not fit the network")
        }
        return (r.logits, r.losses, r.gradients)
    }

    func logits(inputs: [Float]) -> [Float] {
        guard let z = try? inference.logits(pixels: inputs) else {
            preconditionFailure("attack batch does not fit the network")
        }
        return z
    }
}
