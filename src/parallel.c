/*
 * parallel.c - see parallel.h.  Two threads: the machines k3audit is
 * measured on have two cores, and `audit -j N` already runs one process
 * per site.
 */
#include <pthread.h>
#include <stdatomic.h>

#include "internal.h"
#include "parallel.h"

/* The items are dealt in chunks from a shared counter, so the thread
 * whose items cost less takes more of them: halves left one core waiting
 * whenever the costly items (deep buses, buses with more cases) sat on
 * one side. */
#define CHUNKS 64u

struct range_job {
    k3a__range_fn fn;
    void *ctx;
    size_t n, chunk;
    atomic_size_t next;
};

static void take_chunks(struct range_job *j)
{
    for (;;) {
        size_t lo = atomic_fetch_add_explicit(&j->next, 1, memory_order_relaxed) *
                    j->chunk;
        if (lo >= j->n)
            return;
        j->fn(j->ctx, lo, j->n - lo <= j->chunk ? j->n : lo + j->chunk);
    }
}

static void *range_main(void *p)
{
    k3a__c_locale_enter(); /* a new thread has the global locale */
    take_chunks(p);
    return NULL;
}

void k3a__parallel_for(size_t n, size_t min_n, k3a__range_fn fn, void *ctx)
{
    struct range_job j;
    pthread_t t;

    if (n < min_n || n < 2) {
        fn(ctx, 0, n);
        return;
    }
    j.fn = fn;
    j.ctx = ctx;
    j.n = n;
    j.chunk = (n + CHUNKS - 1) / CHUNKS;
    atomic_init(&j.next, 0);
    if (pthread_create(&t, NULL, range_main, &j) != 0) {
        fn(ctx, 0, n);
        return;
    }
    take_chunks(&j);
    pthread_join(t, NULL);
}

struct call_job {
    void (*f)(void *);
    void *arg;
};

static void *call_main(void *p)
{
    struct call_job *j = p;
    k3a__c_locale_enter(); /* a new thread has the global locale */
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
