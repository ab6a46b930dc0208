/*
 * base.h - the library's base helpers (src/base/): hashes, whole-file
 * reads and atomic writes, the "C" locale around public entry points, and
 * the compiler's printf checks; private to the library.
 */
#ifndef K3A_BASE_H
#define K3A_BASE_H

#include <stddef.h>

#include "k3audit/status.h"

#if defined(__GNUC__) || defined(__clang__)
#    define K3A_PRINTF2(fa, fb, va) \
        __attribute__((format(printf, fa, va), format(printf, fb, va)))
#    define K3A_PRINTF_V(fa) __attribute__((format(printf, fa, 0)))
#    define K3A_PRINTF1(fa, va) __attribute__((format(printf, fa, va)))
#else
#    define K3A_PRINTF2(fa, fb, va)
#    define K3A_PRINTF_V(fa)
#    define K3A_PRINTF1(fa, va)
#endif

/* The folder the workbook writer gives libxlsxwriter for a small site's
 * scratch files (src/report/xlsx_engine.c, scratch_dir): /dev/shm, spelled
 * as no TMPDIR it passes on is (a user's TMPDIR of this very text is passed
 * on as "/dev/shm").  The program keeps what is written there in its memory
 * (src/cli/xlsx_scratch.c compares the text exactly); anywhere else the
 * text is still the folder /dev/shm. */
#define K3A__XL_SCRATCH_MEM "/dev/shm/./"

/* SHA-256 of a buffer (sha256.c); k3a__hex writes 2n+1 bytes. */
void k3a__sha256(const void *data, size_t len, unsigned char out[32]);
/* The same with the processor's SHA instructions on or off (fast = 1 is
 * taken only where k3a__sha256_fast() says they exist). */
void k3a__sha256_with(const void *data, size_t len, unsigned char out[32],
                      int fast);
int k3a__sha256_fast(void);
void k3a__hex(const unsigned char *b, size_t n, char *out);

/* Reads a whole file (fileio.c).  *text is NUL-terminated and owned by
 * the caller.  Larger than max_bytes is an error. */
enum k3a_status k3a__read_file(const char *path, size_t max_bytes,
                               char **text, size_t *len, char *msg,
                               size_t msg_size);

/* A temporary file beside path for an atomic write (fileio.c). */
int k3a__tmp_beside(const char *path, char *tmp, size_t n);

/* Room for `more` elements after the n of arr (elem bytes each; arr
 * may be NULL), whose capacity follows from n alone: `first`, doubled
 * until it holds n (grow.c).  An array grown only through this needs no
 * capacity field.  Returns the array, moved or not; NULL when memory is
 * short, arr then unchanged and still the caller's. */
void *k3a__grow(void *arr, size_t n, size_t more, size_t elem, size_t first);

/* clocale.c: run under the "C" locale in this thread (uselocale) and
 * back; every public entry point that parses or formats numbers does
 * (output independent of the caller's locale). */
void *k3a__c_locale_enter(void);
void k3a__c_locale_leave(void *old);

#endif /* K3A_BASE_H */
