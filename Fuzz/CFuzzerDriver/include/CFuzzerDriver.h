#ifndef REPRO_FUZZER_DRIVER_H
#define REPRO_FUZZER_DRIVER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry point for programs that keep their own `main` (LLVM >= 12). Only linked when
/// the fuzz target is built with `-sanitize=fuzzer`.
int LLVMFuzzerRunDriver(int *argc, char ***argv,
                        int (*callback)(const uint8_t *data, size_t size));

#endif
