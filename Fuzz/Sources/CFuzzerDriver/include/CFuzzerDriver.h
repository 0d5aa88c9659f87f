// libFuzzer's documented entry point for programs that keep their own `main`
// (https://llvm.org/docs/LibFuzzer.html#using-libfuzzer-as-a-library). No API of its own.
//
// SwiftPM links an executable target with `--defsym main=<Target>_main`, so libFuzzer's
// `main` (linked in by `-sanitize=fuzzer`) cannot be the entry point; each fuzz target's
// `@main` type calls `LLVMFuzzerRunDriver` with its test function instead.
#ifndef LOCAL_CURRENCY_IMPACT_CFUZZERDRIVER_H
#define LOCAL_CURRENCY_IMPACT_CFUZZERDRIVER_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
