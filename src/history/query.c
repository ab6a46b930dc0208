/*
 * query.c - the audit history's queries (history.h): the site's previous
 * audit and its readings fed into the site, history, due, export and the
 * records rescore compares with.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "history/hist.h"
#include "k3audit/load.h"

#define PREV_FIND_COLS 13 /* struct k3a_history_prev.finds, then seq */
#define PREV_RISK_COLS 9  /* struct k3a_history_prev.risks, then seq */

/* "YYYY-MM-DD" (what "%04u-%02u-%02u" of y % 10000, m % 100, d % 100
 * writes), by hand: a 100,000-bus site stores some 300,000 dated values. */
void k3a__hist_date_str(struct k3a_date d, char out[11])
{
    unsigned y = (unsigned)d.y % 10000u, m = (unsigned)d.m % 100u, dd = (unsigned)d.d % 100u;

    if (!d.y) {
        out[0] = '\0';
        return;
    }
    out[0] = (char)('0' + y / 1000);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + dd / 10);
    out[9] = (char)('0' + dd % 10);
    out[10] = '\0';
}

int k3a__hist_parse_date(const char *s, struct k3a_date *d)
{
    int y, m, dd;
    if (sscanf(s, "%4d-%2d-%2d", &y, &m, &dd) != 3)
        return -1;
    d->y = y;
    d->m = m;
    d->d = dd;
    return 0;
}

const char *k3a__hist_verdict_name(enum k3a_verdict v)
{
    return v == K3A_FAIL ? "fail" : v == K3A_WARN ? "warn" : "pass";
}

/* The risk's identity across audits: the rule (or [hazard]) and element. */
void k3a__hist_risk_key(const struct k3a_results *r, const struct k3a_risk *q, char *out,
                     size_t n)
{
    if (q->rule && q->rule->hdr.name)
        snprintf(out, n, "%s", q->rule->hdr.name);
    else if (q->hazard_idx >= 0 && (size_t)q->hazard_idx < r->site->n_hazards)
        snprintf(out, n, "hazard %s", r->site->hazards[q->hazard_idx].hdr.name);
    else
        snprintf(out, n, "%s", q->hazard_en ? q->hazard_en : "");
}

int k3a__hist_mkey_cmp(const void *x, const void *y)
{
    const struct mkey *p = x, *q = y;
    int c = strcmp(p->a, q->a);
    if (!c)
        c = strcmp(p->b, q->b);
    if (!c)
        c = p->i < q->i ? -1 : p->i > q->i;
    return c;
}

/* The first key of the sorted array with (a, b), or n. */
size_t k3a__hist_mkey_lower(const struct mkey *k, size_t n, const char *a, const char *b)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(k[mid].a, a);
        if (!c)
            c = strcmp(k[mid].b, b);
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* ---- the previous audit ---------------------------------------------- */

struct seq_row {
    long long seq;
    size_t row;
};

static int seq_row_cmp(const void *x, const void *y)
{
    const struct seq_row *a = x, *b = y;
    if (a->seq != b->seq)
        return a->seq < b->seq ? -1 : 1;
    return a->row < b->row ? -1 : a->row > b->row;
}

/* Puts rows read in any order in the order of their last column (seq):
 * in place when the seqs are 0 .. n-1 (as k3audit stores them: O(n)),
 * else sorted (a store written otherwise).  0, or -1 out of memory. */
static int rows_by_seq(struct k3a_rows *t)
{
    size_t c = t->ncols - 1, i;
    char **cell;
    struct seq_row *o;
    int direct = 1;

    if (t->n < 2)
        return 0;
    cell = malloc(t->n * t->ncols * sizeof(*cell));
    o = malloc(t->n * sizeof(*o));
    if (!cell || !o) {
        free(cell);
        free(o);
        return -1;
    }
    for (i = 0; i < t->n; i++) {
        o[i].seq = atoll(k3a_rows_get(t, i, c));
        o[i].row = i;
        if (o[i].seq < 0 || (unsigned long long)o[i].seq >= t->n)
            direct = 0;
    }
    if (direct) {
        /* a permutation of 0 .. n-1?  (each place taken once) */
        for (i = 0; i < t->n; i++)
            cell[i * t->ncols] = NULL;
        for (i = 0; i < t->n && direct; i++) {
            size_t at = (size_t)o[i].seq * t->ncols;
            if (cell[at])
                direct = 0;
            else
                memcpy(&cell[at], &t->cell[i * t->ncols], t->ncols * sizeof(*cell));
        }
    }
    if (!direct) {
        qsort(o, t->n, sizeof(*o), seq_row_cmp);
        for (i = 0; i < t->n; i++)
            memcpy(&cell[i * t->ncols], &t->cell[o[i].row * t->ncols],
                   t->ncols * sizeof(*cell));
    }
    free(t->cell);
    t->cell = cell;
    free(o);
    return 0;
}

/* Adds the rows of more to p->finds (their text stays in more->mem),
 * all in the order of the audit.  0, or -1 out of memory. */
static int merge_passed(struct k3a_history_prev *p, struct k3a_rows *more)
{
    size_t nc = p->finds.ncols, n = p->finds.n + more->n;
    char **cell;

    if (!more->n)
        return rows_by_seq(&p->finds);
    if (!(cell = malloc(n * nc * sizeof(*cell))))
        return -1;
    if (p->finds.n)
        memcpy(cell, p->finds.cell, p->finds.n * nc * sizeof(*cell));
    memcpy(cell + p->finds.n * nc, more->cell, more->n * nc * sizeof(*cell));
    free(p->finds.cell);
    free(more->cell);
    more->cell = NULL;
    p->finds.cell = cell;
    p->finds.n = n;
    return rows_by_seq(&p->finds);
}

/* Where the findings of the audit q (site, date, revision) are; none
 * when there is no such audit. */
static enum k3a_status audit_range(struct k3a_history *h, const struct param *q,
                                   struct k3a_audit_range *a, char *msg, size_t msg_size)
{
    struct k3a_rows t;
    enum k3a_status st = k3a__db_rows(h, Q_AUDIT_RANGE, q, 3, 4, &t, msg, msg_size);

    a->id = 0;
    a->first = 1;
    a->last = a->passing = 0;
    if (st != K3A_OK)
        return st;
    if (t.n == 1) {
        a->id = atoll(k3a_rows_get(&t, 0, 0));
        a->first = atoll(k3a_rows_get(&t, 0, 1));
        a->last = atoll(k3a_rows_get(&t, 0, 2));
        a->passing = atoll(k3a_rows_get(&t, 0, 3)); /* NULL: "", 0 */
    }
    k3a_rows_release(&t);
    return K3A_OK;
}

/* The parameters $1, $2, $3 of the queries of an audit's findings (engine.c
 * ROWS_OF): the range of row ids of its failing and warning findings
 * (which 0), its passing ones (1) or all (2), and its audit_id. */
static void range_params(const struct k3a_audit_range *a, int which, struct param q[3])
{
    long long from = a->first, to = a->last;

    if (a->passing && which == 0)
        to = a->passing - 1;
    if (a->passing && which == 1)
        from = a->passing;
    q[0] = pi_(from);
    q[1] = pi_(to);
    q[2] = pi_(a->id);
}

/* An audit's failing and warning findings and its risks, each in the
 * order of the audit; all: its passing findings too (else k3a__hist_rest
 * reads those the comparison needs). */
static enum k3a_status read_record(struct k3a_history *h, const struct param *q,
                                   struct k3a_history_prev *p, int all, char *msg,
                                   size_t msg_size)
{
    struct param r[3];
    enum k3a_status st;

    if ((st = audit_range(h, q, &p->at, msg, msg_size)) != K3A_OK)
        return st;
    range_params(&p->at, 0, r);
    if ((st = k3a__db_rows(h, Q_PREV_FINDINGS, r, 3, PREV_FIND_COLS, &p->finds, msg,
                           msg_size)) != K3A_OK ||
        (st = k3a__db_rows(h, Q_PREV_RISKS, q, 3, PREV_RISK_COLS, &p->risks, msg, msg_size)) !=
            K3A_OK)
        return st;
    range_params(&p->at, 1, r);
    if (all && (st = k3a__db_rows(h, Q_PREV_PASSED, r, 3, PREV_FIND_COLS, &p->passed, msg,
                                  msg_size)) != K3A_OK)
        return st;
    if (merge_passed(p, &p->passed) || rows_by_seq(&p->risks))
        return K3A_E_NOMEM;
    return K3A_OK;
}

/* ---- the passing findings the comparison needs --------------------------- */

struct rest_want {
    struct k3a_kset *keys; /* (element, check) */
    struct k3a_kset *ids;  /* (finding_id, "") a risk rests on */
    struct k3a_kset *more; /* second look: the keys of rows kept by their id */
};

/* Q_PREV_PASSED_KEYS's rows: element, check, finding id, row id. */
static int rest_keep(void *ctx, struct res *r)
{
    const struct rest_want *w = ctx;
    const char *el = k3a__db_text(r, 0), *check = k3a__db_text(r, 1);
    return k3a__kset_has(w->keys, el, check) || k3a__kset_has(w->ids, k3a__db_text(r, 2), "");
}

/* The second look: the other rows of an element and check that a row
 * kept by its id has (the comparison pairs the k-th of a key with the
 * k-th: it needs them all). */
static int rest_keep_more(void *ctx, struct res *r)
{
    const struct rest_want *w = ctx;
    return k3a__kset_has(w->more, k3a__db_text(r, 0), k3a__db_text(r, 1)) &&
           !k3a__kset_has(w->ids, k3a__db_text(r, 2), "");
}

/* The rows of the row ids in the last column of a and b (SQLite), into
 * p->passed.  0, or -1 (msg). */
static int rest_rows(struct k3a_history_prev *p, const struct k3a_rows *a,
                     const struct k3a_rows *b, char *msg, size_t msg_size)
{
    const struct k3a_rows *t[2] = { a, b };
    size_t len = 2, i, k;
    char *json, *s;
    struct param q[2];
    int rc;

    for (k = 0; k < 2; k++)
        for (i = 0; i < t[k]->n; i++)
            len += strlen(k3a_rows_get(t[k], i, 3)) + 1;
    if (!(json = malloc(len + 1))) {
        snprintf(msg, msg_size, "out of memory");
        return -1;
    }
    s = json;
    *s++ = '[';
    for (k = 0; k < 2; k++)
        for (i = 0; i < t[k]->n; i++)
            s += sprintf(s, "%s%s", s > json + 1 ? "," : "", k3a_rows_get(t[k], i, 3));
    *s++ = ']';
    *s = '\0';
    q[0] = pt(json);
    q[1] = pi_(p->at.id); /* every reader matches audit_id */
    rc = k3a__db_rows(p->h, Q_PREV_ROWS, q, 2, PREV_FIND_COLS, &p->passed, msg, msg_size) ==
                 K3A_OK
             ? 0
             : -1;
    free(json);
    return rc;
}

/* The ids of the previous audit's risks' sources ("F0003, F0007"): *n
 * strings, separated by one or more '\\0' in the block returned (NULL out of
 * memory), *len its size. */
static char *source_ids(const struct k3a_history_prev *p, size_t *n, size_t *len_out)
{
    size_t i, len = 0;
    char *mem, *s;

    for (i = 0; i < p->risks.n; i++)
        len += strlen(k3a_rows_get(&p->risks, i, 5)) + 1;
    if (!(mem = malloc(len + 1)))
        return NULL;
    *n = 0;
    for (i = 0, s = mem; i < p->risks.n; i++) {
        const char *src = k3a_rows_get(&p->risks, i, 5);
        size_t k = strlen(src);
        memcpy(s, src, k + 1);
        for (; *s; s++) /* one id a string: separators become ends */
            if (*s == ',' || *s == ' ')
                *s = '\0';
            else if (s == mem || s[-1] == '\0')
                (*n)++;
        s++;
    }
    *s = '\0';
    *len_out = len;
    return mem;
}

/* A PostgreSQL array's text ("{\"a\",\"b\"}"), built a string at a time. */
struct pg_array {
    char *s;
    size_t len, cap;
    int failed;
};

static void pg_array_add(struct pg_array *a, const char *v)
{
    size_t need = a->len + 2 * strlen(v) + 5;

    if (a->failed)
        return;
    if (need > a->cap) {
        size_t cap = a->cap ? a->cap * 2 : 4096;
        char *t;
        while (cap < need)
            cap *= 2;
        if (!(t = realloc(a->s, cap))) {
            a->failed = 1;
            return;
        }
        a->s = t;
        a->cap = cap;
    }
    a->s[a->len] = a->len ? ',' : '{';
    a->len++;
    a->s[a->len++] = '"';
    for (; *v; v++) {
        if (*v == '"' || *v == '\\')
            a->s[a->len++] = '\\';
        a->s[a->len++] = *v;
    }
    a->s[a->len++] = '"';
    a->s[a->len] = '\0';
}

/* The array's text: "{}" when empty; NULL out of memory. */
static const char *pg_array_text(struct pg_array *a)
{
    if (a->failed)
        return NULL;
    if (!a->len)
        return "{}";
    a->s[a->len] = '}';
    a->s[a->len + 1] = '\0';
    return a->s;
}

/* The passing findings the comparison looks at (struct rest_want's keys
 * and ids), read on the store's side: wanted() gives the keys and ids as
 * arrays; one query keeps the rows of those keys and all rows of a key
 * that a finding of those ids has (what rest_keep and rest_keep_more keep
 * between them), not every passing row fetched twice. */
static int rest_pg(struct k3a_history_prev *p, struct pg_array *el, struct pg_array *ck,
                   struct pg_array *ids, char *msg, size_t msg_size)
{
    struct param q[8];
    const char *e = pg_array_text(el), *c = pg_array_text(ck), *i = pg_array_text(ids);

    if (!e || !c || !i) {
        snprintf(msg, msg_size, "out of memory");
        return -1;
    }
    range_params(&p->at, 2, q); /* $7, $8: all its findings (those of the ids) */
    q[6] = q[0];
    q[7] = q[1];
    range_params(&p->at, 1, q); /* $1, $2, $3: its passing ones */
    q[3] = pt(e);
    q[4] = pt(c);
    q[5] = pt(i);
    return k3a__db_rows(p->h, Q_PREV_PASSED_PG, q, 8, PREV_FIND_COLS, &p->passed, msg,
                        msg_size) == K3A_OK
               ? 0
               : -1;
}

/* Adds the key (a, b) to the set once (and to the arrays on PostgreSQL). */
static void want_key(struct k3a_kset *keys, struct pg_array *el, struct pg_array *ck,
                     const char *a, const char *b)
{
    if (k3a__kset_has(keys, a, b))
        return;
    k3a__kset_add(keys, a, b);
    if (el) {
        pg_array_add(el, a);
        pg_array_add(ck, b);
    }
}

int k3a__hist_rest(struct k3a_history_prev *p, const struct k3a_results *r, char *msg,
                   size_t msg_size)
{
    struct rest_want w = { NULL, NULL, NULL };
    struct pg_array ael = { NULL, 0, 0, 0 }, ack = { NULL, 0, 0, 0 }, aid = { NULL, 0, 0, 0 };
    int pg = p && p->rest && k3a__db_is_pg(p->h);
    struct param q[3];
    struct k3a_rows k1, k2; /* SQLite: the passing rows' keys chosen */
    size_t i, n_ids = 0, end, ids_len = 0;
    char *ids = NULL, *s;
    int rc = -1;

    if (!p || !p->rest)
        return 0;
    memset(&k1, 0, sizeof(k1));
    memset(&k2, 0, sizeof(k2));
    for (i = 0, end = p->finds.n; i < r->n_findings; i++)
        end += r->findings[i].verdict != K3A_PASS || r->findings[i].cited;
    if (!(ids = source_ids(p, &n_ids, &ids_len)) || !(w.keys = k3a__kset_new(end)) ||
        !(w.ids = k3a__kset_new(n_ids))) {
        snprintf(msg, msg_size, "out of memory");
        goto out;
    }
    for (i = 0; i < r->n_findings; i++)
        if (r->findings[i].verdict != K3A_PASS || r->findings[i].cited)
            want_key(w.keys, pg ? &ael : NULL, &ack, r->findings[i].element,
                     r->findings[i].check);
    for (i = 0; i < p->finds.n; i++)
        want_key(w.keys, pg ? &ael : NULL, &ack, k3a_rows_get(&p->finds, i, 0),
                 k3a_rows_get(&p->finds, i, 1));
    for (s = ids, end = 0; end < n_ids && s < ids + ids_len; s += strlen(s) + 1)
        if (*s) {
            k3a__kset_add(w.ids, s, "");
            if (pg)
                pg_array_add(&aid, s);
            end++;
        }
    if (pg) {
        if (rest_pg(p, &ael, &ack, &aid, msg, msg_size))
            goto out;
        goto merge;
    }
    /* SQLite: the keys of every passing row looked at, the rows chosen
     * then read whole */
    range_params(&p->at, 1, q);
    if (k3a__db_rows_if(p->h, Q_PREV_PASSED_KEYS, q, 3, 4, rest_keep, &w, &k1, msg,
                        msg_size) != K3A_OK)
        goto out;
    /* rows kept by their id alone: their element and check whole */
    for (i = 0, end = 0; i < k1.n; i++)
        end += !k3a__kset_has(w.keys, k3a_rows_get(&k1, i, 0), k3a_rows_get(&k1, i, 1));
    if (end) {
        if (!(w.more = k3a__kset_new(end))) {
            snprintf(msg, msg_size, "out of memory");
            goto out;
        }
        for (i = 0; i < k1.n; i++)
            if (!k3a__kset_has(w.keys, k3a_rows_get(&k1, i, 0), k3a_rows_get(&k1, i, 1)))
                k3a__kset_add(w.more, k3a_rows_get(&k1, i, 0), k3a_rows_get(&k1, i, 1));
        if (k3a__db_rows_if(p->h, Q_PREV_PASSED_KEYS, q, 3, 4, rest_keep_more, &w, &k2, msg,
                            msg_size) != K3A_OK)
            goto out;
    }
    if (rest_rows(p, &k1, &k2, msg, msg_size))
        goto out;
merge:
    if (merge_passed(p, &p->passed)) {
        snprintf(msg, msg_size, "out of memory");
        goto out;
    }
    p->rest = 0;
    rc = 0;
out:
    k3a__kset_free(w.keys);
    k3a__kset_free(w.ids);
    k3a__kset_free(w.more);
    free(ael.s);
    free(ack.s);
    free(aid.s);
    free(ids);
    k3a_rows_release(&k1);
    k3a_rows_release(&k2);
    return rc;
}

enum k3a_status k3a_history_prev_complete(struct k3a_history_prev *p,
                                          const struct k3a_results *r, char *msg,
                                          size_t msg_size)
{
    if (!p || !p->rest)
        return K3A_OK;
    if (!r) {
        snprintf(msg, msg_size, "no audit to complete the previous one for");
        return K3A_E_ARG;
    }
    if (k3a__hist_rest(p, r, msg, msg_size))
        return strcmp(msg, "out of memory") == 0 ? K3A_E_NOMEM : K3A_E_IO;
    p->h = NULL; /* the store is no longer needed */
    return K3A_OK;
}

void k3a_history_prev_free(struct k3a_history_prev *p)
{
    if (!p)
        return;
    k3a_rows_release(&p->vals);
    free(p->vk);
    k3a_rows_release(&p->finds);
    k3a_rows_release(&p->risks);
    k3a_rows_release(&p->passed);
    free(p->site_id);
    free(p);
}

enum k3a_status k3a_history_record(struct k3a_history *h, const char *site_id,
                                   const char *date, int revision,
                                   struct k3a_history_prev **pp, char *msg,
                                   size_t msg_size)
{
    struct k3a_history_prev *p = calloc(1, sizeof(*p));
    struct param q[3];
    enum k3a_status st;

    *pp = NULL;
    if (!p)
        return K3A_E_NOMEM;
    p->has = 1;
    snprintf(p->date, sizeof(p->date), "%s", date);
    q[0] = pt(site_id);
    q[1] = pt(date);
    q[2] = pi_(revision);
    if ((st = read_record(h, q, p, 1, msg, msg_size)) != K3A_OK) {
        k3a_history_prev_free(p);
        return st;
    }
    *pp = p;
    return K3A_OK;
}

enum k3a_status k3a_history_previous(struct k3a_history *h, const struct k3a_site *site,
                                     struct k3a_history_prev **pp, char *msg,
                                     size_t msg_size)
{
    struct k3a_history_prev *p = calloc(1, sizeof(*p));
    struct param q[3];
    struct k3a_rows t;
    char date[11];
    enum k3a_status st;

    *pp = NULL;
    if (!p)
        return K3A_E_NOMEM;
    k3a__hist_date_str(site->site.audit_date, date);
    q[0] = pt(k3a_history_site_id(site));
    q[1] = pt(date);
    if ((st = k3a__db_rows(h, Q_PREV_AUDIT, q, 2, 3, &t, msg, msg_size)) != K3A_OK)
        goto fail;
    if (t.n) {
        long long rev = atoll(k3a_rows_get(&t, 0, 1));
        p->has = 1;
        snprintf(p->date, sizeof(p->date), "%s", k3a_rows_get(&t, 0, 0));
        snprintf(p->sha, sizeof(p->sha), "%s", k3a_rows_get(&t, 0, 2));
        k3a_rows_release(&t);
        if ((st = k3a__db_rows(h, Q_PREV_VALUES, q, 2, 5, &p->vals, msg, msg_size)) != K3A_OK)
            goto fail;
        if (p->vals.n) {
            size_t k;
            p->vk = malloc(p->vals.n * sizeof(*p->vk));
            if (!p->vk) {
                st = K3A_E_NOMEM;
                goto fail;
            }
            for (k = 0; k < p->vals.n; k++) {
                p->vk[k].a = k3a_rows_get(&p->vals, k, 0);
                p->vk[k].b = k3a_rows_get(&p->vals, k, 1);
                p->vk[k].i = k; /* rows come by date: a group keeps that order */
            }
            qsort(p->vk, p->vals.n, sizeof(*p->vk), k3a__hist_mkey_cmp);
        }
        q[1] = pt(p->date);
        q[2] = pi_(rev);
        if ((st = read_record(h, q, p, 0, msg, msg_size)) != K3A_OK)
            goto fail;
        /* the passing findings when the audit is compared */
        p->rest = 1;
        p->h = h;
        p->rev = rev;
        if (!(p->site_id = strdup(k3a_history_site_id(site)))) {
            st = K3A_E_NOMEM;
            goto fail;
        }
    } else {
        k3a_rows_release(&t);
    }
    *pp = p;
    return K3A_OK;
fail:
    k3a_history_prev_free(p);
    return st;
}

static enum k3a_status feed_dated(const struct k3a_history_prev *p, const char *element,
                                  const char *quantity, struct k3a_dated *d)
{
    size_t i, i0, n = 0, k = 0;

    if (!p->vk)
        return K3A_OK;
    i0 = k3a__hist_mkey_lower(p->vk, p->vals.n, element, quantity);
    for (i = i0; i < p->vals.n && strcmp(p->vk[i].a, element) == 0 &&
                 strcmp(p->vk[i].b, quantity) == 0;
         i++)
        n++;
    if (!n)
        return K3A_OK;
    d->date = calloc(n, sizeof(*d->date));
    d->value = calloc(n, sizeof(*d->value));
    if (!d->date || !d->value) {
        free(d->date);
        free(d->value);
        d->date = NULL;
        d->value = NULL;
        return K3A_E_NOMEM;
    }
    for (i = i0; i < i0 + n; i++) {
        size_t row = p->vk[i].i;
        const char *td = k3a_rows_get(&p->vals, row, 3);
        if (k3a__hist_parse_date(td[0] ? td : k3a_rows_get(&p->vals, row, 4), &d->date[k]))
            continue;
        d->value[k++] = strtod(k3a_rows_get(&p->vals, row, 2), NULL);
    }
    d->n = k;
    return K3A_OK;
}

enum k3a_status k3a_history_feed(const struct k3a_history_prev *p, struct k3a_site *site)
{
    size_t i;
    char el[256];

    if (!p || !p->has)
        return K3A_OK;
    for (i = 0; i < site->n_insulations; i++) {
        struct k3a_insulation *t = &site->insulations[i];
        if (t->previous_Mohm.n || k3a_elem_given(K3A_KIND_INSULATION, &t->hdr,
                                                 "previous_Mohm"))
            continue; /* the file's values win */
        snprintf(el, sizeof(el), "insulation %s", t->hdr.name);
        if (feed_dated(p, el, "min_Mohm", &t->previous_Mohm) != K3A_OK)
            return K3A_E_NOMEM;
    }
    for (i = 0; i < site->n_earthings; i++) {
        struct k3a_earthing *e = &site->earthings[i];
        if (e->previous_ohm.n || k3a_elem_given(K3A_KIND_EARTHING, &e->hdr, "previous_ohm"))
            continue;
        snprintf(el, sizeof(el), "earthing %s", e->hdr.name);
        if (feed_dated(p, el, "resistance_ohm", &e->previous_ohm) != K3A_OK)
            return K3A_E_NOMEM;
    }
    if (!site->site.previous_inspection.y)
        (void)k3a__hist_parse_date(p->date, &site->site.previous_inspection);
    return K3A_OK;
}

/* ---- queries --------------------------------------------------------- */

enum k3a_status k3a_history_sites(struct k3a_history *h, struct k3a_rows *t, char *msg,
                                  size_t msg_size)
{
    return k3a__db_rows(h, Q_SITES, NULL, 0, 8, t, msg, msg_size);
}

enum k3a_status k3a_history_audits(struct k3a_history *h, const char *site_id,
                                   struct k3a_rows *t, char *msg, size_t msg_size)
{
    struct param p[1];
    p[0] = pt(site_id);
    return k3a__db_rows(h, Q_AUDITS, p, 1, 8, t, msg, msg_size);
}

enum k3a_status k3a_history_values(struct k3a_history *h, const char *site_id,
                                   struct k3a_rows *t, char *msg, size_t msg_size)
{
    struct param p[1];
    p[0] = pt(site_id);
    return k3a__db_rows(h, Q_VALUES, p, 1, 6, t, msg, msg_size);
}

enum k3a_status k3a_history_risks(struct k3a_history *h, const char *site_id,
                                  struct k3a_rows *t, char *msg, size_t msg_size)
{
    struct param p[1];
    p[0] = pt(site_id);
    return k3a__db_rows(h, Q_RISKS, p, 1, 6, t, msg, msg_size);
}

enum k3a_status k3a_history_due(struct k3a_history *h, const char *until,
                                struct k3a_rows *t, char *msg, size_t msg_size)
{
    struct param p[1];
    p[0] = pt(until);
    return k3a__db_rows(h, Q_DUE, p, 1, 6, t, msg, msg_size);
}

enum k3a_status k3a_history_latest(struct k3a_history *h, struct k3a_rows *t, char *msg,
                                   size_t msg_size)
{
    return k3a__db_rows(h, Q_LATEST, NULL, 0, 4, t, msg, msg_size);
}

enum k3a_status k3a_history_findings_of(struct k3a_history *h, const char *site_id,
                                        const char *date, int revision,
                                        struct k3a_rows *t, char *msg, size_t msg_size)
{
    struct param p[3];
    struct k3a_audit_range a;
    enum k3a_status st;

    p[0] = pt(site_id);
    p[1] = pt(date);
    p[2] = pi_(revision);
    memset(t, 0, sizeof(*t));
    if ((st = audit_range(h, p, &a, msg, msg_size)) != K3A_OK)
        return st;
    range_params(&a, 2, p);
    return k3a__db_rows(h, Q_FINDINGS_OF, p, 3, 4, t, msg, msg_size);
}

enum k3a_status k3a_history_risks_of(struct k3a_history *h, const char *site_id,
                                     const char *date, int revision, struct k3a_rows *t,
                                     char *msg, size_t msg_size)
{
    struct param p[3];
    p[0] = pt(site_id);
    p[1] = pt(date);
    p[2] = pi_(revision);
    return k3a__db_rows(h, Q_RISKS_OF, p, 3, 6, t, msg, msg_size);
}

enum k3a_status k3a_history_export(struct k3a_history *h, const char *site_id,
                                   const char *date, char **bytes, size_t *len, char *msg,
                                   size_t msg_size)
{
    struct param p[2];
    struct res r;
    unsigned long long raw;
    unsigned char got[32];
    char want[80], hex[65];
    int rc;

    *bytes = NULL;
    *len = 0;
    p[0] = pt(site_id);
    p[1] = pt(date ? date : "");
    if (k3a__db_run(h, Q_EXPORT, p, 2, &r, msg, msg_size))
        return K3A_E_IO;
    rc = k3a__db_next(&r, msg, msg_size);
    if (rc < 0) {
        k3a__db_done(&r);
        return K3A_E_IO;
    }
    if (rc == 0) {
        k3a__db_done(&r);
        snprintf(msg, msg_size, "%s: no audit of site '%s'%s%s in the store", k3a__db_where(h),
                 site_id, date ? " dated " : "", date ? date : "");
        return K3A_E_INPUT;
    }
    *bytes = k3a__db_blob(&r, 0, len);
    raw = strtoull(k3a__db_text(&r, 1), NULL, 10);
    snprintf(want, sizeof(want), "%s", k3a__db_text(&r, 2));
    k3a__db_done(&r);
    if (!*bytes)
        return K3A_E_NOMEM;
    /* The store may be a shared database: its raw_bytes is not trusted.
     * No site file larger than the loader takes (K3A_SITE_MAX_BYTES) was
     * ever stored. */
    if (raw > K3A_SITE_MAX_BYTES) {
        free(*bytes);
        *bytes = NULL;
        *len = 0;
        snprintf(msg, msg_size,
                 "%s: the stored site file of '%s' claims %llu bytes, more than a site "
                 "file may have (%zu)",
                 k3a__db_where(h), site_id, raw, K3A_SITE_MAX_BYTES);
        return K3A_E_IO;
    }
    if (raw > 0) {
        /* kept deflated (schema 2) */
        uLongf out = (uLongf)raw;
        char *b = malloc((size_t)raw + 1);
        if (!b || uncompress((Bytef *)b, &out, (const Bytef *)*bytes, (uLong)*len) != Z_OK ||
            out != raw) {
            free(b);
            free(*bytes);
            *bytes = NULL;
            *len = 0;
            if (!b)
                return K3A_E_NOMEM;
            snprintf(msg, msg_size, "%s: the stored site file of '%s' does not inflate",
                     k3a__db_where(h), site_id);
            return K3A_E_IO;
        }
        free(*bytes);
        *bytes = b;
        *len = (size_t)raw;
    }
    /* byte for byte: the bytes given back are the audit's inputs */
    k3a__sha256(*bytes, *len, got);
    k3a__hex(got, 32, hex);
    if (strcmp(hex, want) != 0) {
        free(*bytes);
        *bytes = NULL;
        *len = 0;
        snprintf(msg, msg_size,
                 "%s: the stored site file of '%s' is not the audited one (SHA-256 %s, "
                 "the audit's inputs %s)",
                 k3a__db_where(h), site_id, hex, want);
        return K3A_E_IO;
    }
    return K3A_OK;
}

