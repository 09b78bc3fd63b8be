import ReproNetwork
import ReproSupport

/// Accuracy on MNIST-C (paper 2 Figs. 2, 5, 7, 9): per corruption (mean over its draws, each
/// draw kept), the mean over the 15, and the same images uncorrupted (`identity`).
public enum CorruptionEvaluation {
    public static func measure(_ network: some Network, on images: CorruptedImages,
                               threads: Int) throws -> [MeasuredValue] {
        let engine = try network.inference(batchSize: network.evaluationBatch(), threads: threads)
        var values = [MeasuredValue(.mnistC, setting: .identity,
                                    value: try engine.evaluate(images.identity).accuracy)]
        for (corruption, draws) in images.sets {
            let accuracies = try draws.map { try engine.evaluate($0).accuracy }
            values.append(MeasuredValue(.mnistC, setting: .named(corruption.rawValue),
                                        value: Summary(accuracies).mean, draws: accuracies))
        }
        let perCorruption = values.dropFirst().map(\.value)
        values.append(MeasuredValue(.mnistC, setting: .mean,
                                    value: Summary(Array(perCorruption)).mean))
        return values
    }

    /// Accuracy on CIFAR-C: per corruption and severity, the mean over the 15 per severity, and
    /// the same images uncorrupted.
    public static func measure(_ network: some Network, on images: CIFARCorruptedImages,
                               threads: Int) throws -> [MeasuredValue] {
        let engine = try network.inference(batchSize: network.evaluationBatch(), threads: threads)
        var values = [MeasuredValue(.cifarC, setting: .identity,
                                    value: try engine.evaluate(images.identity).accuracy)]
        var bySeverity: [Int: [Double]] = [:]
        for (corruption, severity, set) in images.sets {
            let accuracy = try engine.evaluate(set).accuracy
            bySeverity[severity, default: []].append(accuracy)
            values.append(MeasuredValue(.cifarC, setting: CIFARCorruptedImages.setting(
                corruption, severity: severity), value: accuracy))
        }
        for severity in CIFARCorruptedImages.severities {
            values.append(MeasuredValue(.cifarC, setting: CIFARCorruptedImages.setting(
                "mean", severity: severity), value: Summary(bySeverity[severity] ?? []).mean))
        }
        return values
    }
}
