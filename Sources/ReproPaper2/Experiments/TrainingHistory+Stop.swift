import ReproNN

extension TrainingHistory {
    /// Why paper 2's training stopped: below the loss threshold, at the most epochs, or — when an
    /// epoch's mean loss is not a finite number — diverged, so a NaN run is never stored as if it
    /// had trained (`results` prints it as `diverged`, `run` says so).
    static func stopReason(losses: [Double], belowThreshold: Bool, threshold: Double) -> String {
        if let e = losses.firstIndex(where: { !$0.isFinite }) {
            return "diverged (training loss not finite from epoch \(e + 1); lower --lr)"
        }
        return belowThreshold ? "loss below \(threshold)" : "max epochs"
    }
}
