/*
 * parallel.c - see parallel.h.  Two threads: the machines k3audit is
 * measured on have two cores, and `audit -j N` already runs one process
 * per site.
 */
#include <pthread.h>

#include "parallel.h"

struct range_job {
    k3a__range_fn fn;
    void *ctx;
    size_t lo, hi;
};

static void *range_main(void *p)
{
    struct range_job *j = p;
    j->fn(j->ctx, j->lo, j->hi);
    return NULL;
}

void k3a__parallel_for(size_t n, size_t min_n, k3a__range_fn fn, void *ctx)
{
    struct range_job second;
    pthread_t t;

    if (n < min_n || n < 2) {
        fn(ctx, 0, n);
        return;
    }
    second.fn = fn;
    second.ctx = ctx;
    second.lo = n / 2;
    second.hi = n;
    if (pthread_create(&t, NULL, range_main, &second) != 0) {
        fn(ctx, 0, n);
        return;
    }
    fn(ctx, 0, n / 2);
    pthread_join(t, NULL);
}

struct call_job {
    void (*f)(void *);
    void *arg;
};

static void *call_main(void *p)
{
    struct call_job *j = p;
    j->f(j->arg);
    return NULL;
}

void k3a__parallel_2(void (*fa)(void *), void *a, void (*fb)(void *), void *b)
{
    struct call_job jb;
    pthread_t t;

    jb.f = fb;
    jb.arg = b;
    if (pthread_create(&t, NULL, call_main, &jb) != 0) {
        fa(a);
        fb(b);
        return;
    }
    fa(a);
    pthread_join(t, NULL);
}
