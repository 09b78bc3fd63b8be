import ReproKernels

/// The kernels compiled for AVX-512: this module's target CPU is Skylake-SP (Package.swift), and
/// each closure inlines its kernel's body here. Run only where `CPUFeatures` reports AVX-512.
public let avx512Kernels = KernelTable(
    family: .avx512,
    sparseForward: { $0.run() }, sparseBackward: { $0.run() }, sparseUpdate: { $0.run() },
    shiftedRowSums: { $0.run() }, shiftedRowDots: { $0.run() },
    axpy: { Vector.axpy($0, $1, $2, $3) }, sum: { Vector.sum($0, $1) }, dot: { Vector.dot($0, $1, $2) },
    relu: { Vector.relu($0, $1, $2) }, reluGradient: { Vector.reluGradient($0, $1, $2, $3) },
    scaleShift: { Vector.scaleShift($0, $1, $2, $3, $4, relu: $5) },
    normGradient: { Vector.normGradient($0, $1, $2, $3, $4, $5, $6, $7) })
