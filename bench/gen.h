/*
 * gen.h - the synthetic site generator of the benchmark.
 */
#ifndef K3A_BENCH_GEN_H
#define K3A_BENCH_GEN_H

#include <stdio.h>

/* Writes a valid site of about n buses; meshed adds ring ties.  Returns
 * 0, or 1 on a write error. */
int k3a_bench_gen(FILE *fp, int meshed, long n);

/* Writes a chain of n buses (one transformer, each further bus fed from
 * the one before it), with the tree's cables, devices, loads and readings
 * per bus.  Returns 0, or 1 on a write error. */
int k3a_bench_gen_chain(FILE *fp, long n);

#endif
