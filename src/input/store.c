/*
 * store.c - generic element storage over a container described by key
 * tables: the site (site_keys.c) and the model tables (models_keys.c) use it.
 */
#include <stdlib.h>
#include <string.h>

#include "schema.h"

void *k3a__store_elem(void *base, const struct k3a__kind *kd, size_t idx)
{
    char *b = base;

    if (kd->flags & K3A__KIND_SINGLE)
        return idx == 0 ? b + kd->offset : NULL;
    if (idx >= *(size_t *)(b + kd->count_offset))
        return NULL;
    return *(char **)(b + kd->offset) + idx * kd->elem_size;
}

size_t k3a__store_count(const void *base, const struct k3a__kind *kd)
{
    const char *b = base;

    if (kd->flags & K3A__KIND_SINGLE)
        return ((const struct k3a_elem *)(const void *)(b + kd->offset))
                           ->line > 0
                   ? 1
                   : 0;
    return *(const size_t *)(b + kd->count_offset);
}

long k3a__store_append(void *base, const struct k3a__kind *kd)
{
    char *b = base;
    size_t *n, *cap = NULL, room;
    char **arr;

    if (kd->flags & K3A__KIND_SINGLE)
        return -1;
    arr = (char **)(b + kd->offset);
    n = (size_t *)(b + kd->count_offset);
    if (kd->cap_offset) {
        cap = (size_t *)(b + kd->cap_offset);
        room = *cap;
    } else { /* no cap_ field: 8 rows, doubled whenever the count reaches a
              * power of two */
        room = *n == 0 ? 0 : *n <= 8 ? 8 : (*n & (*n - 1)) == 0 ? *n : *n + 1;
    }
    if (*n == room) {
        size_t nc = room ? room * 2 : 8;
        char *p = realloc(*arr, nc * kd->elem_size);
        if (!p)
            return -1;
        *arr = p;
        if (cap)
            *cap = nc;
    }
    memset(*arr + *n * kd->elem_size, 0, kd->elem_size);
    return (long)(*n)++;
}

int k3a__store_reserve(void *base, const struct k3a__kind *kd, size_t more)
{
    char *b = base;
    size_t *n, *cap;
    char **arr;
    char *p;

    if ((kd->flags & K3A__KIND_SINGLE) || !kd->cap_offset)
        return 0; /* no cap_ field: k3a__store_append grows it */
    arr = (char **)(b + kd->offset);
    n = (size_t *)(b + kd->count_offset);
    cap = (size_t *)(b + kd->cap_offset);
    if (more <= *cap - *n)
        return 0;
    if (more > (SIZE_MAX / kd->elem_size) - *n)
        return -1;
    p = realloc(*arr, (*n + more) * kd->elem_size);
    if (!p)
        return -1;
    *arr = p;
    *cap = *n + more;
    return 0;
}

static void release_elem(const struct k3a__kind *kd, void *elem)
{
    struct k3a_elem *h = elem;
    size_t i;

    for (i = 0; i < kd->n_keys; i++)
        k3a__key_free(&kd->keys[i], elem);
    free(h->lines); /* the name is in the name index's pool */
    h->name = NULL;
    h->lines = NULL;
}

void k3a__store_release(const struct k3a__kind *kinds, size_t n_kinds,
                        void *base)
{
    char *b = base;
    size_t k, i;

    for (k = 0; k < n_kinds; k++) {
        const struct k3a__kind *kd = &kinds[k];
        if (kd->flags & K3A__KIND_SINGLE) {
            release_elem(kd, b + kd->offset);
            continue;
        }
        for (i = 0; i < *(size_t *)(b + kd->count_offset); i++)
            release_elem(kd, *(char **)(b + kd->offset) + i * kd->elem_size);
        free(*(char **)(b + kd->offset));
        *(char **)(b + kd->offset) = NULL;
    }
}
