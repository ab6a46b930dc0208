/*
 * grow.c - arrays that grow without a capacity field (base.h).
 *
 * The capacity of an array grown only here follows from its count: the
 * first size, doubled until it holds the count.  So struct k3a_results
 * keeps n_findings and n_risks, and no cap_ field beside them.
 */
#include <stdint.h>
#include <stdlib.h>

#include "base.h"

static size_t cap_of(size_t n, size_t first)
{
    size_t c = first;

    while (c < n && c <= SIZE_MAX / 2)
        c *= 2;
    return c < n ? n : c;
}

void *k3a__grow(void *arr, size_t n, size_t more, size_t elem, size_t first)
{
    size_t have = arr ? cap_of(n, first) : 0, need = n + more, nc;

    if (need < n)
        return NULL;
    if (need <= have)
        return arr;
    nc = cap_of(need, first);
    if (elem && nc > SIZE_MAX / elem)
        return NULL;
    return realloc(arr, nc * elem);
}
