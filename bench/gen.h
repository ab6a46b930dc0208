/*
 * gen.h - the synthetic site generator of the benchmark.
 */
#ifndef K3A_BENCH_GEN_H
#define K3A_BENCH_GEN_H

#include <stdio.h>

/* The shapes (gen.c's header says what each is like). */
enum k3a_gen_shape {
    K3A_GEN_RADIAL,    /* 1000-bus blocks, each a tree from its transformer */
    K3A_GEN_MESHED,    /* the same with ring ties between boards */
    K3A_GEN_CHAIN,     /* sections of 50 looped-in boards, a transformer each */
    K3A_GEN_DEEPCHAIN, /* every bus behind the one before, one transformer */
    K3A_GEN_RINGCHAIN, /* the deep chain with a 3-board ring at its head */
    K3A_GEN_SHAPES
};
extern const char *const k3a_gen_shape_words[K3A_GEN_SHAPES];

/* Writes a valid site of about n buses of that shape.  Returns 0, or 1
 * on a write error. */
int k3a_bench_gen(FILE *fp, enum k3a_gen_shape shape, long n);

#endif
