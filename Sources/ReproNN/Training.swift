/// The public face of training and evaluation; picks the number type once, so the hot loops are
/// compiled for Float or Double, never through generic dispatch.
public enum Training {
    /// Trains every slot on `data` for `epochs` full-batch steps, all together.
    public static func train(_ slots: [ModelSlot], on data: TrainingSet, epochs: Int,
                             precision: Precision = .float32,
                             onEpoch: ((Int) -> Void)? = nil) -> [TrainedModel] {
        switch precision {
        case .float32: run(BatchedTrainer<Float>(slots: slots, data: data), epochs, onEpoch)
        case .float64: run(BatchedTrainer<Double>(slots: slots, data: data), epochs, onEpoch)
        }
    }

    private static func run<T>(_ trainer: BatchedTrainer<T>, _ epochs: Int,
                               _ onEpoch: ((Int) -> Void)?) -> [TrainedModel] {
        let histories = trainer.train(epochs: epochs, onEpoch: onEpoch)
        return histories.indices.map {
            TrainedModel(parameters: trainer.packed.model($0), history: histories[$0])
        }
    }

    /// Each model's probability of class 1 for every example (models × count).
    public static func probabilities(_ models: [MLPParameters], on data: TrainingSet,
                                     precision: Precision = .float32) -> [[Double]] {
        switch precision {
        case .float32: predict(PackedMLPs<Float>(models), data)
        case .float64: predict(PackedMLPs<Double>(models), data)
        }
    }

    private static func predict<T>(_ packed: PackedMLPs<T>, _ data: TrainingSet) -> [[Double]] {
        let n = data.count
        var activations = [T](repeating: 0, count: n * packed.totalHidden)
        var logits = [T](repeating: 0, count: n * packed.count)
        BatchedTrainer<T>.forward(packed, w1: packed.w1, x: data.features.map { T($0) }, n: n,
                                  inputs: packed.inputs,
                                  activations: &activations, logits: &logits)
        return (0..<packed.count).map { m in
            logits[(m * n)..<((m + 1) * n)].map(BatchedTrainer<T>.sigmoid)
        }
    }

    /// Each model's metrics on `data`.
    public static func evaluate(_ models: [MLPParameters], on data: TrainingSet,
                                precision: Precision = .float32) -> [BinaryMetrics] {
        probabilities(models, on: data, precision: precision).map {
            BinaryMetrics(probabilities: $0, labels: data.labels)
        }
    }
}
