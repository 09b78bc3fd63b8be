#ifndef REPRO_CPU_FEATURES_H
#define REPRO_CPU_FEATURES_H

/// 1 when the CPU and the operating system can run code built for Haswell (AVX2, FMA, BMI1/2,
/// F16C, MOVBE), else 0. Always 0 off x86-64.
int repro_cpu_has_avx2(void);

/// 1 when they can run code built for Skylake-SP (AVX-512 F, VL, BW, DQ, CD, with everything
/// Haswell has), else 0. Always 0 off x86-64.
int repro_cpu_has_avx512(void);

#endif
