/*
 * parallel.h - a loop over independent items on two threads, for the
 * stages of a large site.  fn(ctx, lo, hi) must touch only what belongs
 * to items lo..hi-1 and read shared data only; the result is then the
 * same as one thread's.
 */
#ifndef K3A_PARALLEL_H
#define K3A_PARALLEL_H

#include <stddef.h>

/* Elements (buses, cables) from which a stage uses two threads, and the
 * size of a site file hashed on a second thread while it is read. */
#define K3A__PAR_MIN_ELEMS 2048u
#define K3A__PAR_MIN_BYTES (1u << 20)

typedef void (*k3a__range_fn)(void *ctx, size_t lo, size_t hi);

/* Runs fn over 0..n-1: on one thread below min_n items (a thread costs
 * more than it saves there) or when no thread can be started. */
void k3a__parallel_for(size_t n, size_t min_n, k3a__range_fn fn, void *ctx);

/* fa(a) on this thread and fb(b) on another at the same time (one after
 * the other when no thread can be started). */
void k3a__parallel_2(void (*fa)(void *), void *a, void (*fb)(void *), void *b);

#endif
