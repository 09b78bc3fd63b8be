import Foundation
import ReproNetwork

/// Paper 2's CNN training protocol (paper2-cnn-protocol.md part A): SGD with momentum 0.9 and no
/// weight decay, batch 128 reshuffled every epoch, learning rate 0.01·(1 + cos(π·e/300))/2 in
/// epoch e, stop after the first epoch whose mean training cross-entropy is below 0.1 or after
/// `maxEpochs`.
public struct ConvTrainingOptions: Codable, Hashable, Sendable {
    public var batchSize = 128
    public var learningRate = 0.01
    public var momentum = 0.9
    /// The cosine schedule's period T: lr(e) = lr·(1 + cos(π·e/T))/2.
    public var cosineEpochs = 300
    public var maxEpochs = 300
    public var stopBelowLoss = 0.1
    /// Threads of one network: its batch is split into this many fixed parts, each computed on
    /// one thread (oneDNN with one OpenMP thread per part). One by default: the runner uses
    /// both cores by training two networks (seeds) side by side, which gives the bits each gives
    /// alone (tested). Measured on the loaded shared machine, VGG11-16: 40 s per epoch on one
    /// thread, 44 s split over two (no idle second core); two OpenMP threads inside oneDNN instead
    /// took 298 s (its barriers stall whenever one thread is descheduled).
    public var threads = 1

    public init() {}

    public func learningRate(epoch e: Int) -> Double {
        learningRate * (1 + cos(Double.pi * Double(e) / Double(cosineEpochs))) / 2
    }

    public func validate() throws {
        guard batchSize > 0, maxEpochs > 0, cosineEpochs > 0, threads > 0 else {
            throw ConvError("batch size, epochs and threads must be positive")
        }
        guard learningRate > 0, learningRate.isFinite, momentum >= 0, momentum < 1 else {
            throw ConvError("learning rate must be positive and momentum in [0, 1)")
        }
    }
}

/// One epoch of training as recorded.
public struct ConvEpochRecord: Codable, Hashable, Sendable {
    public var epoch: Int
    public var learningRate: Double
    /// Mean cross-entropy over the epoch's batches, example-weighted (in training mode).
    public var meanLoss: Double
    public var accuracy: Double
    public var seconds: Double
}

/// Why training stopped.
public enum ConvStopReason: String, Codable, Sendable {
    case lossBelowThreshold = "loss-below-threshold"
    case maxEpochs = "max-epochs"
}

/// A trained network and how it got there.
public struct ConvTrainingResult: Sendable {
    public var network: ConvNetwork
    public var history: [ConvEpochRecord]
    public var stopReason: ConvStopReason
}

/// Everything an interrupted run needs to continue bit for bit: the network, the momentum of
/// every parameter, and the epochs done.
public struct ConvCheckpoint: Sendable {
    public var network: ConvNetwork
    public var momentum: NamedTensors
    public var history: [ConvEpochRecord]

    public init(network: ConvNetwork, momentum: NamedTensors, history: [ConvEpochRecord]) {
        self.network = network; self.momentum = momentum; self.history = history
    }
}
