/*
 * pair.c - which finding or risk of this audit is which of the previous
 * audit's (hist.h): keys paired by a hash table in O(n), the k-th
 * occurrence of a key on one side with the k-th on the other (a
 * 100,000-bus site compares 640,000 findings with as many).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "history/hist.h"

/* FNV-1a over the key's two strings, with a separator between them. */
static uint64_t key_hash(const char *a, const char *b)
{
    uint64_t h = 14695981039346656037ull;

    for (; *a; a++)
        h = (h ^ (unsigned char)*a) * 1099511628211ull;
    h = (h ^ 0xffu) * 1099511628211ull;
    for (; *b; b++)
        h = (h ^ (unsigned char)*b) * 1099511628211ull;
    return h;
}

#define NONE ((size_t)-1)

/* One key of the right side: its occurrences, first to last, as a list
 * through next[]. */
struct kslot {
    const char *a, *b; /* NULL: empty */
    uint64_t hash;
    size_t head, tail;
};

struct kmap {
    struct kslot *slot;
    size_t mask;
    size_t *next;     /* [n of the right side] */
    uint64_t *bloom;  /* a bit per key's hash: most keys looked up are not
                         there (a large site's 640,000 findings against the
                         few thousand that failed), told without a probe */
    size_t bmask;     /* bits - 1 */
};

static int kmap_init(struct kmap *m, size_t n)
{
    size_t cap = 16;

    while (cap < 2 * n)
        cap *= 2;
    m->mask = cap - 1;
    m->bmask = cap * 8 - 1; /* 16 bits a key */
    m->slot = calloc(cap, sizeof(*m->slot));
    m->next = malloc((n + 1) * sizeof(*m->next));
    m->bloom = calloc(cap / 8, sizeof(*m->bloom));
    if (!m->slot || !m->next || !m->bloom) {
        free(m->slot);
        free(m->next);
        free(m->bloom);
        return -1;
    }
    return 0;
}

static void kmap_free(struct kmap *m)
{
    free(m->slot);
    free(m->next);
    free(m->bloom);
}

/* The bloom filter's bit of a hash (its high bits: the slot takes the low
 * ones). */
static size_t bloom_bit(const struct kmap *m, uint64_t h)
{
    return (size_t)(h >> 32) & m->bmask;
}

/* The slot of (a, b): its own, or the empty one where it would go. */
static struct kslot *kmap_at(const struct kmap *m, const char *a, const char *b, uint64_t h)
{
    size_t i = (size_t)h & m->mask;

    for (;; i = (i + 1) & m->mask) {
        struct kslot *s = &m->slot[i];
        if (!s->a || (s->hash == h && strcmp(s->a, a) == 0 && strcmp(s->b, b) == 0))
            return s;
    }
}

/* Adds occurrence j of (a, b) after the earlier ones. */
static void kmap_add(struct kmap *m, const char *a, const char *b, size_t j)
{
    uint64_t h = key_hash(a, b);
    struct kslot *s = kmap_at(m, a, b, h);
    size_t bit = bloom_bit(m, h);

    m->bloom[bit / 64] |= 1ull << (bit % 64);
    m->next[j] = NONE;
    if (!s->a) {
        s->a = a;
        s->b = b;
        s->hash = h;
        s->head = s->tail = j;
    } else {
        if (s->head == NONE)
            s->head = j;
        else
            m->next[s->tail] = j;
        s->tail = j;
    }
}

/* The key's slot, NULL when the right side has no such key. */
static struct kslot *kmap_find(const struct kmap *m, const char *a, const char *b)
{
    uint64_t h = key_hash(a, b);
    size_t bit = bloom_bit(m, h);
    struct kslot *s;

    if (!(m->bloom[bit / 64] >> (bit % 64) & 1u))
        return NULL;
    s = kmap_at(m, a, b, h);
    return s->a ? s : NULL;
}

int k3a__hist_pair(const struct mkey *l, size_t nl, const struct mkey *r, size_t nr, long *l2r,
                   long *r2l)
{
    struct kmap m;
    size_t i;

    if (!nl || !nr)
        return 0;
    if (kmap_init(&m, nr))
        return -1;
    for (i = 0; i < nr; i++)
        kmap_add(&m, r[i].a, r[i].b, i);
    for (i = 0; i < nl; i++) {
        struct kslot *s = kmap_find(&m, l[i].a, l[i].b);
        size_t j;
        if (!s || s->head == NONE)
            continue;
        j = s->head;
        s->head = m.next[j];
        l2r[l[i].i] = (long)r[j].i;
        r2l[r[j].i] = (long)l[i].i;
    }
    kmap_free(&m);
    return 0;
}

/* ---- findings ---------------------------------------------------------- */

/* A finding's check and the shape of its title: the title without its
 * numbers (each run of digits, with its decimal point or comma, is '#')
 * and without its bracketed notes ("[alat ukur lewat masa kalibrasi ...]"),
 * so that one check made several ways at one element (the normal and the
 * generator supply at a board, the breaking capacity of each device at a
 * board) keeps its own case from one audit to the next while its values
 * move.  "≤" is "<=" and "≥" is ">=" (titles stored before they were
 * written with the signs pair with today's).  NULL out of memory; "" when
 * there is no title. */
char *k3a__hist_title_shape(const char *check, const char *title)
{
    size_t n = strlen(check), k = n + 1;
    char *out;
    int depth = 0;

    if (!title || !*title)
        return strdup("");
    out = malloc(n + strlen(title) + 2);
    if (!out)
        return NULL;
    memcpy(out, check, n);
    out[n] = '\n';
    for (; *title; title++) {
        unsigned char ch = (unsigned char)*title;
        if (ch == '[') {
            depth++;
        } else if (ch == ']' && depth) {
            depth--;
        } else if (depth) {
            continue;
        } else if (ch >= '0' && ch <= '9') {
            while ((title[1] >= '0' && title[1] <= '9') ||
                   ((title[1] == '.' || title[1] == ',') && title[2] >= '0' && title[2] <= '9'))
                title++;
            out[k++] = '#';
        } else if (ch == 0xE2 && (unsigned char)title[1] == 0x89 &&
                   ((unsigned char)title[2] == 0xA4 || (unsigned char)title[2] == 0xA5)) {
            out[k++] = (unsigned char)title[2] == 0xA4 ? '<' : '>'; /* U+2264, U+2265 */
            out[k++] = '=';
            title += 2;
        } else {
            out[k++] = (char)ch;
        }
    }
    while (k > n + 1 && out[k - 1] == ' ')
        k--;
    out[k] = '\0';
    return out;
}

/* One round's keys: the findings not matched yet, by element and check,
 * or (shaped) by element and the shape of the title in one language (col:
 * the stored row's column; lang: the current finding's title). */
struct fround {
    struct mkey *l, *q;
    size_t nl, nq;
    char **ls, **qs; /* the shapes made (shaped rounds) */
};

static void fround_free(struct fround *x, size_t n_cur, size_t n_prev)
{
    size_t i;

    if (x->ls)
        for (i = 0; i < n_cur; i++)
            free(x->ls[i]);
    if (x->qs)
        for (i = 0; i < n_prev; i++)
            free(x->qs[i]);
    free(x->ls);
    free(x->qs);
    free(x->l);
    free(x->q);
}

/* The previous audit's side of a round.  0, or -1 out of memory. */
static int fround_prev(const struct k3a_history_prev *p, const struct k3a_fmatch *m,
                       struct fround *x, int shaped, int col)
{
    size_t i;

    for (i = 0; i < p->finds.n; i++) {
        const char *b = k3a_rows_get(&p->finds, i, 1);
        if (m->prev_cur[i] >= 0)
            continue;
        if (shaped) {
            const char *t = k3a_rows_get(&p->finds, i, (size_t)col);
            if (!*t)
                continue;
            if (!(x->qs[i] = k3a__hist_title_shape(b, t)))
                return -1;
            b = x->qs[i];
        }
        x->q[x->nq].a = k3a_rows_get(&p->finds, i, 0);
        x->q[x->nq].b = b;
        x->q[x->nq++].i = i;
    }
    return 0;
}

/* This audit's side.  A shaped round shapes only the findings whose
 * element and check the previous side has (the others cannot pair).
 * 0, or -1 out of memory. */
static int fround_cur(const struct k3a_history_prev *p, const struct k3a_results *r,
                      const struct k3a_fmatch *m, struct fround *x, int shaped,
                      enum k3a_lang lang)
{
    struct kmap has;
    size_t i;
    int rc = -1;

    memset(&has, 0, sizeof(has));
    if (shaped) {
        if (kmap_init(&has, x->nq))
            return -1;
        for (i = 0; i < x->nq; i++)
            kmap_add(&has, x->q[i].a, k3a_rows_get(&p->finds, x->q[i].i, 1), i);
    }
    for (i = 0; i < r->n_findings; i++) {
        const struct k3a_finding *f = &r->findings[i];
        const char *b = f->check;
        if (m->cur_prev[i] >= 0)
            continue;
        if (shaped) {
            const char *t = lang == K3A_LANG_EN ? f->title_en : f->title_id;
            if (!t || !*t || !kmap_find(&has, f->element, f->check))
                continue;
            if (!(x->ls[i] = k3a__hist_title_shape(f->check, t)))
                goto out;
            b = x->ls[i];
        }
        x->l[x->nl].a = f->element;
        x->l[x->nl].b = b;
        x->l[x->nl++].i = i;
    }
    rc = 0;
out:
    if (shaped)
        kmap_free(&has);
    return rc;
}

static int fmatch_round(const struct k3a_history_prev *p, const struct k3a_results *r,
                        struct k3a_fmatch *m, int shaped, int col, enum k3a_lang lang)
{
    struct fround x;
    int rc = -1;

    memset(&x, 0, sizeof(x));
    x.l = malloc((r->n_findings + 1) * sizeof(*x.l));
    x.q = malloc((p->finds.n + 1) * sizeof(*x.q));
    if (shaped) {
        x.ls = calloc(r->n_findings + 1, sizeof(*x.ls));
        x.qs = calloc(p->finds.n + 1, sizeof(*x.qs));
    }
    if (x.l && x.q && (!shaped || (x.ls && x.qs)) && !fround_prev(p, m, &x, shaped, col) &&
        !fround_cur(p, r, m, &x, shaped, lang))
        rc = k3a__hist_pair(x.l, x.nl, x.q, x.nq, m->cur_prev, m->prev_cur);
    fround_free(&x, r->n_findings, p->finds.n);
    return rc;
}

void k3a__hist_fmatch_free(struct k3a_fmatch *m)
{
    free(m->cur_prev);
    free(m->prev_cur);
    m->cur_prev = m->prev_cur = NULL;
}

/* Matched by element, check and the shape of the stored title (English,
 * then Bahasa Indonesia: schema 2 keeps it for failing and warning
 * findings); what is left by element and check in order (a passing
 * finding, a store of schema 1). */
int k3a__hist_fmatch(const struct k3a_history_prev *p, const struct k3a_results *r,
                     struct k3a_fmatch *m)
{
    size_t i;

    m->cur_prev = malloc((r->n_findings + 1) * sizeof(long));
    m->prev_cur = malloc((p->finds.n + 1) * sizeof(long));
    if (!m->cur_prev || !m->prev_cur) {
        k3a__hist_fmatch_free(m);
        return -1;
    }
    for (i = 0; i < r->n_findings; i++)
        m->cur_prev[i] = -1;
    for (i = 0; i < p->finds.n; i++)
        m->prev_cur[i] = -1;
    if (fmatch_round(p, r, m, 1, 9, K3A_LANG_EN) || fmatch_round(p, r, m, 1, 8, K3A_LANG_ID) ||
        fmatch_round(p, r, m, 0, 0, K3A_LANG_EN)) {
        k3a__hist_fmatch_free(m);
        return -1;
    }
    return 0;
}

/* ---- a set of keys ------------------------------------------------------ */

struct k3a_kset {
    struct kmap m;
    size_t n, cap;
};

struct k3a_kset *k3a__kset_new(size_t n)
{
    struct k3a_kset *s = calloc(1, sizeof(*s));

    if (s && kmap_init(&s->m, n)) {
        free(s);
        return NULL;
    }
    if (s)
        s->cap = n;
    return s;
}

void k3a__kset_add(struct k3a_kset *s, const char *a, const char *b)
{
    if (s->n < s->cap) /* made for n keys: never more */
        kmap_add(&s->m, a, b, s->n++);
}

int k3a__kset_has(const struct k3a_kset *s, const char *a, const char *b)
{
    return kmap_find(&s->m, a, b) != NULL;
}

void k3a__kset_free(struct k3a_kset *s)
{
    if (s) {
        kmap_free(&s->m);
        free(s);
    }
}
