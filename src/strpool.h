/*
 * strpool.h - text owned by a set of results: many short strings in a few
 * large blocks, all freed together.  A large site has hundreds of
 * thousands of findings; fixed-size text fields made each one 664 bytes.
 */
#ifndef K3A_STRPOOL_H
#define K3A_STRPOOL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

struct k3a__pool_block;

#define K3A__POOL_MEMO 256

struct k3a__strpool {
    struct k3a__pool_block *head; /* newest first */
    char *next;                   /* free space in head */
    size_t left;
    size_t block;                 /* the next block's size (0: the first) */
    int failed;                   /* an allocation failed: text was lost */
    struct {
        unsigned long long hash;
        const char *s;
        size_t len;
    } memo[K3A__POOL_MEMO];       /* recent shared strings, by hash */
};

/* The opaque text store of include/k3audit/results.h: a pool. */
struct k3a_text_store {
    struct k3a__strpool pool;
    /* the last clauses k3a__clause_text translated (a copy of each as
     * given, and its translation): a stage's findings repeat a few */
    struct {
        const char *in, *out;
    } clause[4];
    unsigned next_clause;
    /* the last checks and units shared (a stage's findings cycle
     * through a few) */
    const char *recent[4];
    unsigned next_recent;
    /* the last finding's element, named (a bus or cable has several
     * findings in a row) */
    int elem_kind;
    int32_t elem_idx;
    const char *elem;
};

/* n bytes (not aligned: text only); NULL and failed set on no memory. */
char *k3a__pool_alloc(struct k3a__strpool *p, size_t n);
/* A copy of s; NULL (and failed set) on no memory. */
char *k3a__pool_strdup(struct k3a__strpool *p, const char *s);
/* A copy of a b c joined; "" (and failed set) on no memory. */
const char *k3a__pool_put3(struct k3a__strpool *p, const char *a, const char *b,
                           const char *c);
/* As k3a__pool_put3, but the same text as a recent call's is shared, not
 * copied again: clauses, units, check and element names repeat over
 * hundreds of thousands of findings. */
const char *k3a__pool_intern3(struct k3a__strpool *p, const char *a, const char *b,
                              const char *c);
/* printf into the pool; "" (and failed set) on no memory. */
const char *k3a__pool_vprintf(struct k3a__strpool *p, const char *fmt, va_list ap)
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((format(printf, 2, 0)))
#endif
    ;
void k3a__pool_free(struct k3a__strpool *p);

#endif
