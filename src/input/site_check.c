/*
 * site_check.c - what a site file must satisfy beyond each key's own
 * syntax and range: references resolve to the right kinds, keys that go
 * together are consistent, every bus is fed from a source, and the
 * defaults of the site format are applied (computed defaults are listed
 * in site->defaults with the table or clause they come from).
 *
 * This file holds the check's frame (locations, defaults, references,
 * the constant defaults, topology, the defaults' order) and the entry
 * point; the checks of each kind are in site_check_network.c (the
 * network's elements) and site_check_records.c (measurements, bills,
 * observations, variants), sharing sitecheck.h.
 *
 * REF: docs/site-format.md sections 1-8.  No file I/O here.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "names.h"
#include "parse.h"
#include "sitecheck.h"
#include "k3audit/risk.h"
#include "k3audit/load.h"
#include "k3audit/models.h"

static void elem_label(enum k3a_kind kind, const struct k3a_elem *e,
                       char *buf, size_t n)
{
    if (e->name)
        snprintf(buf, n, "%s %s", k3a_kind_name(kind), e->name);
    else
        snprintf(buf, n, "%s", k3a_kind_name(kind));
}


/* Location of a key of an element: its line if given, else the header. */
struct k3a_loc k3a__ck_loc(const struct ck *c, enum k3a_kind kind,
                           const struct k3a_elem *e, const char *key,
                           char *label, size_t n)
{
    struct k3a_loc l;
    int k = key ? k3a__key_index(k3a__site_kind(kind), key) : -1;
    int line = k >= 0 ? k3a_elem_key_line(e, (unsigned)k) : 0;

    elem_label(kind, e, label, n);
    l.file = c->file;
    l.line = line ? line : e->line;
    l.element = label;
    l.key = key ? key : "";
    return l;
}

void k3a__ck_add_default(struct ck *c, enum k3a_kind kind, size_t idx,
                        const char *key, double value, const char *source)
{
    struct k3a_site *s = c->site;
    struct k3a_default **v = &s->defaults;
    size_t *n = &s->n_defaults;
    size_t *cap = &s->cap_defaults;
    struct k3a_default *d;
    int k = ck_key(c, kind, key);

    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 64;
        void *p = realloc(*v, nc * sizeof(**v));
        if (!p) {
            c->oom = 1;
            return;
        }
        *v = p;
        *cap = nc;
    }
    d = &(*v)[(*n)++];
    d->kind = kind;
    d->idx = (int32_t)idx;
    d->key = (uint16_t)(k < 0 ? 0 : k);
    d->source = source; /* the value itself is in the element's field */
    (void)value;
}

/* ---- references ------------------------------------------------------ */

static void kinds_text(uint32_t refs, char *buf, size_t n)
{
    size_t used = 0;
    int k, first = 1;

    buf[0] = '\0';
    for (k = 0; k < K3A_KIND_COUNT && used + 16 < n; k++)
        if (refs & (1u << k)) {
            used += (size_t)snprintf(buf + used, n - used, "%s%s",
                                     first ? "" : " or ",
                                     k3a_kind_name((enum k3a_kind)k));
            first = 0;
        }
}

static const char *suggest_name(const struct k3a_site *s, const char *name,
                                uint32_t refs)
{
    const char *best = NULL;
    int bestd = 3;
    size_t i;

    if (!s->names || s->names->n > 20000)
        return NULL; /* a suggestion is not worth a quadratic scan */
    for (i = 0; i < s->names->n; i++) {
        int d;
        if (!(refs & (1u << s->names->entries[i].kind)))
            continue;
        d = k3a__edit_distance(name, s->names->entries[i].name);
        if (d < bestd) {
            bestd = d;
            best = s->names->entries[i].name;
        }
    }
    if (!best) {
        /* a name written longer or shorter than defined: SDP-UTILITAS for
         * SDP-UTIL (the longest defined name that one begins with) */
        size_t nl = strlen(name), bl = 0;
        for (i = 0; i < s->names->n; i++) {
            const char *cand = s->names->entries[i].name;
            size_t cl = strlen(cand), m = cl < nl ? cl : nl;
            if (!(refs & (1u << s->names->entries[i].kind)) || m < 4 ||
                strncasecmp(cand, name, m) != 0 || m <= bl)
                continue;
            bl = m;
            best = cand;
        }
    }
    return best;
}

static void resolve_one(struct ck *c, enum k3a_kind kind,
                        const struct k3a_elem *e, const struct k3a__key *k,
                        struct k3a_ref *r)
{
    enum k3a_kind fk;
    int32_t fi;
    char want[96];

    r->idx = -1;
    if (!r->name)
        return;
    if (!k3a_site_find(c->site, r->name, &fk, &fi)) {
        const char *sug = suggest_name(c->site, r->name, k->refs);
        kinds_text(k->refs, want, sizeof(want));
        if (sug)
            ERR(c, kind, e, k->key, "no %s named '%s' (did you mean '%s'?)",
                want, r->name, sug);
        else
            ERR(c, kind, e, k->key, "no %s named '%s'", want, r->name);
        return;
    }
    if (!(k->refs & (1u << fk))) {
        kinds_text(k->refs, want, sizeof(want));
        ERR(c, kind, e, k->key, "'%s' is a [%s]; expected a %s", r->name,
            k3a_kind_name(fk), want);
        return;
    }
    {
        const struct k3a_elem *t = k3a_site_elem(c->site, fk, (size_t)fi);
        if (t && t->name && strcmp(t->name, r->name) != 0)
            WARN2(c, kind, e, k->key, "'%s' is written '%s' where it is defined",
                  "'%s' ditulis '%s' di tempat ia didefinisikan", r->name, t->name);
    }
    r->kind = fk;
    r->idx = fi;
}

/* The references of every element of a kind. */
static void resolve_kind(struct ck *c, enum k3a_kind kind)
{
    const struct k3a__kind *kd = k3a__site_kind(kind);
    size_t i, j, m, n = k3a_site_count(c->site, kind);

    for (i = 0; i < n; i++) {
        char *e = k3a__elem_ptr(c->site, kind, i);
        for (j = 0; j < kd->n_keys; j++) {
            const struct k3a__key *k = &kd->keys[j];
            if (k->type == KT_REF)
                resolve_one(c, kind, (const struct k3a_elem *)(void *)e, k,
                            (struct k3a_ref *)(void *)(e + k->offset));
            else if (k->type == KT_REFLIST) {
                struct k3a_ref_list *l = (struct k3a_ref_list *)(void *)(e + k->offset);
                for (m = 0; m < l->n; m++)
                    resolve_one(c, kind, (const struct k3a_elem *)(void *)e, k,
                                &l->v[m]);
            }
        }
    }
}

/* Every reference, kind by kind. */
static void resolve_refs(struct ck *c)
{
    size_t kind;

    for (kind = 0; kind < K3A_KIND_COUNT; kind++)
        resolve_kind(c, (enum k3a_kind)kind);
}

/* ---- constant defaults ------------------------------------------------ */

/* The keys of one kind with a constant default, and the elements. */
struct const_defaults {
    struct k3a_site *site;
    enum k3a_kind kind;
    const struct k3a__kind *kd;
    uint8_t key[64];
    size_t n_keys;
};

static void const_defaults_apply(const struct const_defaults *cd)
{
    size_t i, j;

    for (i = 0; i < k3a_site_count(cd->site, cd->kind); i++) {
        char *e = k3a__elem_ptr(cd->site, cd->kind, i);
        const struct k3a_elem *h = (const struct k3a_elem *)(void *)e;
        for (j = 0; j < cd->n_keys; j++) {
            const struct k3a__key *k = &cd->kd->keys[cd->key[j]];
            if ((h->given >> cd->key[j]) & 1u)
                continue;
            if (k->type == KT_DBL)
                *(double *)(void *)(e + k->offset) = k->def;
            else
                *(int *)(void *)(e + k->offset) = (int)k->def;
        }
    }
}

/* Every key not given that has a constant default gets it. */
static void apply_constant_defaults(struct ck *c)
{
    struct const_defaults cd;
    size_t kind, j;

    cd.site = c->site;
    for (kind = 0; kind < K3A_KIND_COUNT; kind++) {
        cd.kind = (enum k3a_kind)kind;
        cd.kd = k3a__site_kind(cd.kind);
        cd.n_keys = 0;
        for (j = 0; j < cd.kd->n_keys && j < 64; j++) {
            const struct k3a__key *k = &cd.kd->keys[j];
            if ((k->flags & KF_DEFAULT) &&
                (k->type == KT_DBL || k->type == KT_INT || k->type == KT_ENUM ||
                 k->type == KT_BOOL))
                cd.key[cd.n_keys++] = (uint8_t)j;
        }
        if (cd.n_keys)
            const_defaults_apply(&cd);
    }
}


/* Node numbering: 0..n_supplies-1 supplies, then buses. */
struct edge {
    uint32_t a, b;
    int closed;
};

static uint32_t node_of(const struct k3a_site *s, const struct k3a_ref *r)
{
    if (r->idx < 0)
        return UINT32_MAX;
    if (r->kind == K3A_KIND_SUPPLY)
        return (uint32_t)r->idx;
    if (r->kind == K3A_KIND_BUS)
        return (uint32_t)(s->n_supplies + (size_t)r->idx);
    return UINT32_MAX;
}

/* Breadth-first reach from the sources; closed_only ignores open edges. */
static void reach(size_t n_nodes, const uint32_t *start, const uint32_t *adj,
                  const struct edge *edges, uint8_t *seen, uint8_t mark,
                  int closed_only, const uint32_t *seeds, size_t n_seeds,
                  uint32_t *queue)
{
    size_t head = 0, tail = 0, i;

    for (i = 0; i < n_seeds; i++)
        if (!(seen[seeds[i]] & mark)) {
            seen[seeds[i]] |= mark;
            queue[tail++] = seeds[i];
        }
    while (head < tail) {
        uint32_t u = queue[head++];
        uint32_t k;
        for (k = start[u]; k < start[u + 1]; k++) {
            const struct edge *e = &edges[adj[k]];
            uint32_t v = e->a == u ? e->b : e->a;
            if (closed_only && !e->closed)
                continue;
            if (!(seen[v] & mark)) {
                seen[v] |= mark;
                queue[tail++] = v;
            }
        }
    }
    (void)n_nodes;
}

static void check_topology(struct ck *c)
{
    struct k3a_site *s = c->site;
    size_t n_nodes = s->n_supplies + s->n_buses, n_edges = 0, i;
    struct edge *edges;
    uint32_t *start, *adj, *queue, *seeds;
    uint8_t *seen;
    size_t n_seeds = 0;

    if (!s->n_buses)
        return;
    edges = malloc((s->n_transformers + s->n_cables + 1) * sizeof(*edges));
    start = calloc(n_nodes + 2, sizeof(*start));
    adj = malloc(2 * (s->n_transformers + s->n_cables + 1) * sizeof(*adj));
    queue = malloc((n_nodes + 1) * sizeof(*queue));
    seeds = malloc((n_nodes + 1) * sizeof(*seeds));
    seen = calloc(n_nodes + 1, 1);
    if (!edges || !start || !adj || !queue || !seeds || !seen) {
        c->oom = 1;
        goto out;
    }
    for (i = 0; i < s->n_transformers; i++) {
        uint32_t a = node_of(s, &s->transformers[i].from);
        uint32_t b = node_of(s, &s->transformers[i].to);
        if (a == UINT32_MAX || b == UINT32_MAX)
            continue;
        edges[n_edges].a = a;
        edges[n_edges].b = b;
        edges[n_edges++].closed = s->transformers[i].closed;
    }
    for (i = 0; i < s->n_cables; i++) {
        uint32_t a = node_of(s, &s->cables[i].from);
        uint32_t b = node_of(s, &s->cables[i].to);
        if (a == UINT32_MAX || b == UINT32_MAX)
            continue;
        edges[n_edges].a = a;
        edges[n_edges].b = b;
        edges[n_edges++].closed = s->cables[i].closed;
    }
    /* compressed adjacency */
    for (i = 0; i < n_edges; i++) {
        start[edges[i].a + 1]++;
        start[edges[i].b + 1]++;
    }
    for (i = 0; i < n_nodes; i++)
        start[i + 1] += start[i];
    {
        uint32_t *fill = calloc(n_nodes + 1, sizeof(*fill));
        if (!fill) {
            c->oom = 1;
            goto out;
        }
        for (i = 0; i < n_edges; i++) {
            adj[start[edges[i].a] + fill[edges[i].a]++] = (uint32_t)i;
            adj[start[edges[i].b] + fill[edges[i].b]++] = (uint32_t)i;
        }
        free(fill);
    }
    for (i = 0; i < s->n_supplies; i++)
        seeds[n_seeds++] = (uint32_t)i;
    for (i = 0; i < s->n_generators; i++) {
        uint32_t g = node_of(s, &s->generators[i].bus);
        if (g != UINT32_MAX)
            seeds[n_seeds++] = g;
    }
    reach(n_nodes, start, adj, edges, seen, 1, 1, seeds, n_seeds, queue);
    reach(n_nodes, start, adj, edges, seen, 2, 0, seeds, n_seeds, queue);
    for (i = 0; i < s->n_buses; i++) {
        uint8_t m = seen[s->n_supplies + i];
        struct k3a_bus *b = &s->buses[i];
        if (!(m & 2))
            ERR(c, K3A_KIND_BUS, b, NULL,
                "not connected to any source: no transformer or cable "
                "reaches it from the supply or a generator");
        else if (!(m & 1))
            WARN2(c, K3A_KIND_BUS, b, NULL,
                  "reachable only through open branches (closed = no): it "
                  "is de-energised as found%s",
                  "hanya terhubung melalui cabang terbuka: PHB ini tidak "
                  "bertegangan seperti yang ditemukan%s", "");
    }
out:
    free(edges);
    free(start);
    free(adj);
    free(queue);
    free(seeds);
    free(seen);
}

int k3a__default_cmp(const void *a, const void *b)
{
    const struct k3a_default *x = a, *y = b;

    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    if (x->idx != y->idx)
        return x->idx < y->idx ? -1 : 1;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return 0;
}

/* Orders the defaults by element, then key (k3a__default_cmp), keeping
 * the order they were added in for equal ones.  A counting sort on the
 * element (kind, index), then each element's few keys by insertion: on a
 * large site this is a tenth of the time of qsort, which stays as the
 * fallback when memory is short. */
static void sort_defaults(struct k3a_site *site)
{
    size_t base[K3A_KIND_COUNT + 1], total, i, k;
    uint32_t *start;
    struct k3a_default *out;

    if (site->n_defaults < 2)
        return;
    base[0] = 0;
    for (k = 0; k < K3A_KIND_COUNT; k++)
        base[k + 1] = base[k] + k3a_site_count(site, (enum k3a_kind)k);
    total = base[K3A_KIND_COUNT];
    for (i = 0; i < site->n_defaults; i++) {
        const struct k3a_default *d = &site->defaults[i];
        if ((unsigned)d->kind >= K3A_KIND_COUNT || d->idx < 0 ||
            base[d->kind] + (size_t)d->idx >= base[d->kind + 1] ||
            total >= UINT32_MAX || site->n_defaults >= UINT32_MAX) {
            total = 0; /* not an element of the site: the general sort */
            break;
        }
    }
    start = total ? calloc(total + 1, sizeof(*start)) : NULL;
    out = start ? malloc(site->n_defaults * sizeof(*out)) : NULL;
    if (!out) {
        free(start);
        if (site->n_defaults)
            qsort(site->defaults, site->n_defaults, sizeof(*site->defaults),
              k3a__default_cmp);
        return;
    }
    /* start[g] = where element g's defaults begin in out */
    for (i = 0; i < site->n_defaults; i++) {
        const struct k3a_default *d = &site->defaults[i];
        start[base[d->kind] + (size_t)d->idx + 1]++;
    }
    for (i = 0; i < total; i++)
        start[i + 1] += start[i];
    for (i = 0; i < site->n_defaults; i++) {
        const struct k3a_default *d = &site->defaults[i];
        out[start[base[d->kind] + (size_t)d->idx]++] = *d;
    }
    /* in element order now; each element's keys by insertion (stable,
     * and no default moves past another element's) */
    for (i = 1; i < site->n_defaults; i++) {
        struct k3a_default d = out[i];
        size_t j = i;
        while (j > 0 && k3a__default_cmp(&out[j - 1], &d) > 0) {
            out[j] = out[j - 1];
            j--;
        }
        out[j] = d;
    }
    free(site->defaults);
    site->defaults = out;
    site->cap_defaults = site->n_defaults;
    free(start);
}

/* ---- the check, step by step --------------------------------------- */

enum k3a_status k3a__site_check(struct k3a_site *site,
                                const struct k3a_models *models,
                                const char *file, struct k3a_diag_list *dl)
{
    struct ck c;
    size_t before = dl->n_errors;

    c.site = site;
    c.models = models;
    c.file = file;
    c.dl = dl;
    c.oom = 0;
    memset(c.kmemo, 0, sizeof(c.kmemo));
    apply_constant_defaults(&c);
    resolve_refs(&c);
    k3a__check_network(&c);
    k3a__check_records(&c);
    check_topology(&c);
    sort_defaults(site);
    if (c.oom)
        return K3A_E_NOMEM;
    return dl->n_errors > before ? K3A_E_INPUT : K3A_OK;
}
