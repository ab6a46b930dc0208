/*
 * site.c - lifetime of struct k3a_site: init, element storage, name index,
 * release.  Generic over the key tables, so a new key needs no code here.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "names.h"
#include "parse.h"
#include "schema.h"

char *k3a__strdup(const char *s)
{
    size_t n;
    char *d;

    if (!s)
        return NULL;
    n = strlen(s) + 1;
    d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

void k3a_site_init(struct k3a_site *site)
{
    memset(site, 0, sizeof(*site));
}

void *k3a__elem_ptr(struct k3a_site *site, enum k3a_kind kind, size_t idx)
{
    const struct k3a__kind *kd = k3a__site_kind(kind);
    return kd ? k3a__store_elem(site, kd, idx) : NULL;
}

const void *k3a__elem_cptr(const struct k3a_site *site, enum k3a_kind kind,
                           size_t idx)
{
    return k3a__elem_ptr((struct k3a_site *)(uintptr_t)site, kind, idx);
}

size_t k3a_site_count(const struct k3a_site *site, enum k3a_kind kind)
{
    const struct k3a__kind *kd = k3a__site_kind(kind);
    return kd ? k3a__store_count(site, kd) : 0;
}

const struct k3a_elem *k3a_site_elem(const struct k3a_site *site,
                                     enum k3a_kind kind, size_t idx)
{
    if (idx >= k3a_site_count(site, kind))
        return NULL;
    return k3a__elem_cptr(site, kind, idx);
}

long k3a__elem_append(struct k3a_site *site, enum k3a_kind kind)
{
    const struct k3a__kind *kd = k3a__site_kind(kind);
    return kd ? k3a__store_append(site, kd) : -1;
}

void k3a__key_free(const struct k3a__key *k, void *elem)
{
    char *p = (char *)elem + k->offset;

    /* texts and names are in the name index's pool (k3a__names_release) */
    switch (k->type) {
    case KT_TEXT:
        *(char **)p = NULL;
        return;
    case KT_REF: {
        struct k3a_ref *r = (struct k3a_ref *)(void *)p;
        r->name = NULL;
        r->idx = -1;
        return;
    }
    case KT_REFLIST: {
        struct k3a_ref_list *l = (struct k3a_ref_list *)(void *)p;
        free(l->v);
        memset(l, 0, sizeof(*l));
        return;
    }
    case KT_READINGS: {
        struct k3a_reading_list *l = (struct k3a_reading_list *)(void *)p;
        free(l->v);
        memset(l, 0, sizeof(*l));
        return;
    }
    case KT_PAIRS: {
        struct k3a_pairs *l = (struct k3a_pairs *)(void *)p;
        free(l->x);
        free(l->y);
        memset(l, 0, sizeof(*l));
        return;
    }
    case KT_DATED: {
        struct k3a_dated *l = (struct k3a_dated *)(void *)p;
        free(l->date);
        free(l->value);
        memset(l, 0, sizeof(*l));
        return;
    }
    case KT_LABELLED: {
        struct k3a_labelled *l = (struct k3a_labelled *)(void *)p;
        free(l->label);
        free(l->value);
        memset(l, 0, sizeof(*l));
        return;
    }
    case KT_REPEAT: {
        struct k3a_strings *s = (struct k3a_strings *)(void *)p;
        free(s->v);
        memset(s, 0, sizeof(*s));
        return;
    }
    case KT_DBL:
    case KT_INT:
    case KT_ENUM:
    case KT_BOOL:
    case KT_DATE:
    case KT_MONTH:
    case KT_READING:
        return;
    }
}

void k3a_site_release(struct k3a_site *site)
{
    const struct k3a__kind *first = k3a__site_kind(K3A_KIND_SITE);

    if (!site)
        return;
    k3a__store_release(first, K3A_KIND_COUNT, site);
    free(site->defaults);
    if (site->names) {
        k3a__names_release(site->names);
        free(site->names);
    }
    free(site->path);
    free(site->bytes);
    memset(site, 0, sizeof(*site));
}

/* ---- name index: open addressing on a case-folded FNV-1a hash ------ */

static uint64_t name_hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;

    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        /* ASCII case folding, as strcasecmp does in the C locale */
        h ^= ch >= 'A' && ch <= 'Z' ? (unsigned char)(ch | 0x20) : ch;
        h *= 1099511628211ull;
    }
    return h;
}

/* A slot: the entry's position + 1, and the high half of its hash so
 * that a probe passes other names without reading their entries. */
static uint64_t slot_of(size_t e, uint64_t hash)
{
    return (hash >> 32) << 32 | (uint64_t)(uint32_t)(e + 1);
}

/* Puts entry e in the first free slot from its hash on (linear probing). */
static void place(uint64_t *slot, size_t cap, size_t e, uint64_t hash)
{
    size_t h = (size_t)(hash & (cap - 1));

    while (slot[h])
        h = (h + 1) & (cap - 1);
    slot[h] = slot_of(e, hash);
}

/* Rehashes into cap slots (a power of two above twice the names). */
static int rehash(struct k3a_name_index *ix, size_t cap)
{
    size_t i;
    uint64_t *slot = calloc(cap, sizeof(*slot));

    if (!slot)
        return -1;
    for (i = 0; i < ix->n; i++)
        place(slot, cap, i, ix->entries[i].hash);
    free(ix->slot);
    ix->slot = slot;
    ix->cap = cap;
    return 0;
}

static int grow_index(struct k3a_name_index *ix)
{
    return rehash(ix, ix->cap ? ix->cap * 2 : 64);
}

int k3a__names_reserve(struct k3a_name_index *ix, size_t more)
{
    size_t cap = ix->cap ? ix->cap : 64;

    if (more > (SIZE_MAX / 4 - ix->n) || more > SIZE_MAX / sizeof(*ix->entries) - ix->n)
        return -1;
    while (cap < (ix->n + more) * 2)
        cap *= 2;
    if (cap > ix->cap && rehash(ix, cap) != 0)
        return -1;
    if (ix->n + more > ix->cap_entries) {
        void *p = realloc(ix->entries, (ix->n + more) * sizeof(*ix->entries));
        if (!p)
            return -1;
        ix->entries = p;
        ix->cap_entries = ix->n + more;
    }
    return 0;
}

static long lookup_h(const struct k3a_name_index *ix, const char *name, uint64_t hash)
{
    size_t h;

    if (!ix->cap)
        return -1;
    h = (size_t)(hash & (ix->cap - 1));
    while (ix->slot[h]) {
        size_t e = (size_t)(uint32_t)ix->slot[h] - 1;
        if (ix->slot[h] >> 32 == hash >> 32 && ix->entries[e].hash == hash &&
            strcasecmp(ix->entries[e].name, name) == 0)
            return (long)e;
        h = (h + 1) & (ix->cap - 1);
    }
    return -1;
}

static long lookup(const struct k3a_name_index *ix, const char *name)
{
    return lookup_h(ix, name, name_hash(name));
}

/* Adds name; returns 0, 1 when a name equal but for case exists (dup_*
 * filled), or -1 on no memory.  The name pointer is borrowed from the
 * element and must live as long as the index. */
int k3a__names_add(struct k3a_name_index *ix, const char *name,
                   enum k3a_kind kind, int32_t idx, int32_t *dup_idx,
                   enum k3a_kind *dup_kind)
{
    uint64_t hash = name_hash(name);
    long e = lookup_h(ix, name, hash);

    if (e >= 0) {
        *dup_idx = ix->entries[e].idx;
        *dup_kind = ix->entries[e].kind;
        return 1;
    }
    if ((ix->n + 1) * 2 > ix->cap && grow_index(ix) != 0)
        return -1;
    if (ix->n == ix->cap_entries) {
        size_t nc = ix->cap_entries ? ix->cap_entries * 2 : 64;
        void *p = realloc(ix->entries, nc * sizeof(*ix->entries));
        if (!p)
            return -1;
        ix->entries = p;
        ix->cap_entries = nc;
    }
    ix->entries[ix->n].name = name;
    ix->entries[ix->n].kind = kind;
    ix->entries[ix->n].idx = idx;
    ix->entries[ix->n].hash = hash;
    place(ix->slot, ix->cap, ix->n, hash);
    ix->n++;
    return 0;
}

void k3a__names_release(struct k3a_name_index *ix)
{
    free(ix->slot);
    free(ix->entries);
    k3a__pool_free(&ix->text);
    memset(ix, 0, sizeof(*ix));
}

int k3a__names_find(const struct k3a_name_index *ix, const char *name,
                    enum k3a_kind *kind, int32_t *idx)
{
    long e = lookup(ix, name);

    if (e < 0)
        return 0;
    *kind = ix->entries[e].kind;
    *idx = ix->entries[e].idx;
    return 1;
}

int k3a_site_find(const struct k3a_site *site, const char *name,
                  enum k3a_kind *kind, int32_t *idx)
{
    return site->names && k3a__names_find(site->names, name, kind, idx);
}

int k3a_elem_given(enum k3a_kind kind, const struct k3a_elem *e,
                   const char *key)
{
    const struct k3a__kind *kd = k3a__site_kind(kind);

    return kd && e && k3a__given(e, k3a__key_index(kd, key));
}

int k3a_elem_key_line(const struct k3a_elem *e, unsigned key)
{
    unsigned i;

    for (i = 0; i < e->n_lines; i++)
        if (e->lines[i].key == key)
            return e->lines[i].line;
    return 0;
}

/* REF: H. Hinnant, "chrono-Compatible Low-Level Date Algorithms",
 * days_from_civil. */
long k3a_date_days(struct k3a_date d)
{
    long y = d.y - (d.m <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long mp = (d.m + 9) % 12;
    long doy = (153 * mp + 2) / 5 + d.d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}
