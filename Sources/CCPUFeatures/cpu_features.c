// What the CPU can run, from the compiler's own CPUID reader (it also checks that the operating
// system saves the wide registers, XGETBV), so the dispatcher never picks code that would fault.
#include "cpu_features.h"

#if defined(__x86_64__)
int repro_cpu_has_avx2(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("bmi")
        && __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("f16c") && __builtin_cpu_supports("movbe");
}

int repro_cpu_has_avx512(void) {
    __builtin_cpu_init();
    return repro_cpu_has_avx2() && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl")
        && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512dq")
        && __builtin_cpu_supports("avx512cd");
}
#else
int repro_cpu_has_avx2(void) { return 0; }
int repro_cpu_has_avx512(void) { return 0; }
#endif
