/*
 * fuzz.h: what the libFuzzer harnesses of tests/fuzz/ share.
 *
 * Each harness feeds one parser the bytes libFuzzer makes up and checks
 * only that it neither crashes nor leaks (AddressSanitizer and
 * UndefinedBehaviorSanitizer watch); a parser may refuse any input.
 *
 * Parsers that read a file get a memfd behind a /proc/self/fd path, a
 * regular file like any other, so no fuzzing run writes to the disk.
 * The code lists come from the real assets, loaded once: the directory
 * is $OPASTIN_ASSETS, else the source tree's (FUZZ_ASSETS, set when the
 * harness is built).
 */
#ifndef OPASTIN_FUZZ_H
#define OPASTIN_FUZZ_H

#include <stddef.h>
#include <stdint.h>

struct assets;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The assets, loaded on the first call; exits when they cannot be. */
const struct assets *fuzz_assets(void);

/* The catalogue's code lists, from fuzz_assets(), for its loader. */
struct catalogue_codes;
const struct catalogue_codes *fuzz_codes(void);

/* The input as a NUL-terminated string (the caller frees it). */
char *fuzz_text(const uint8_t *data, size_t size);

/* A file holding exactly the input: its path, valid until the next call
 * (one file is reused; its bytes are replaced each time). */
const char *fuzz_file(const uint8_t *data, size_t size);

#endif
