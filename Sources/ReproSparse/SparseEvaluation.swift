import ReproNetwork

/// Test-set results of one model: the seam's ``ClassificationScore``.
public typealias SparseEvaluation = ClassificationScore
