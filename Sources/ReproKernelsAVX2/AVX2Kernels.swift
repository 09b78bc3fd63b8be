import ReproKernels

/// The kernels compiled for AVX2: this module's target CPU is Haswell (Package.swift), and each
/// closure inlines its kernel's body here. Run only where `CPUFeatures` reports AVX2.
public let avx2Kernels = KernelTable(
    family: .avx2,
    sparseForward: { $0.run() }, sparseBackward: { $0.run() }, sparseUpdate: { $0.run() },
    shiftedRowSums: { $0.run() }, shiftedRowDots: { $0.run() },
    axpy: { Vector.axpy($0, $1, $2, $3) }, sum: { Vector.sum($0, $1) }, dot: { Vector.dot($0, $1, $2) },
    relu: { Vector.relu($0, $1, $2) }, reluGradient: { Vector.reluGradient($0, $1, $2, $3) },
    scaleShift: { Vector.scaleShift($0, $1, $2, $3, $4, relu: $5) },
    normGradient: { Vector.normGradient($0, $1, $2, $3, $4, $5, $6, $7) })
