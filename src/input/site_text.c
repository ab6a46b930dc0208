/*
 * site_text.c - values of a loaded site as text, and the key tables as
 * documentation.  Used by the Input sheet, the JSON echo and `k3audit
 * keys`; pure (no I/O).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "parse.h"
#include "schema.h"
#include "k3audit/results.h"

static void fmt_reading(char *buf, size_t n, const struct k3a_reading *r)
{
    char v[32];

    k3a__fmt_double(v, sizeof(v), r->value);
    snprintf(buf, n, "%s%s", r->cmp > 0 ? ">" : r->cmp < 0 ? "<" : "", v);
}

static void fmt_date(char *buf, size_t n, struct k3a_date d)
{
    snprintf(buf, n, "%04d-%02d-%02d", d.y, d.m, d.d);
}

/* Appends "item" to buf with a ", " separator; keeps buf terminated. */
static void append(char *buf, size_t n, size_t *used, const char *item)
{
    int w;

    if (*used >= n)
        return;
    w = snprintf(buf + *used, n - *used, "%s%s", *used ? ", " : "", item);
    if (w > 0)
        *used += (size_t)w;
}

static int site_value_text_c(const struct k3a_site *site, enum k3a_kind kind,
                        size_t idx, unsigned key, char *buf, size_t n,
                        int *is_default)
{
    const struct k3a_elem *h = k3a_site_elem(site, kind, idx);

    return k3a__site_value_text(site, kind, idx, key,
                                h && !((h->given >> key) & 1u)
                                    ? k3a_site_default_source(site, kind, idx, key)
                                    : NULL,
                                buf, n, is_default);
}

/* under the "C" locale (clocale.c) */
int k3a_site_value_text(const struct k3a_site *site, enum k3a_kind kind,
                        size_t idx, unsigned key, char *buf, size_t n,
                        int *is_default)
{
    void *old = k3a__c_locale_enter();
    int ret_ = site_value_text_c(site, kind, idx, key, buf, n, is_default);

    k3a__c_locale_leave(old);
    return ret_;
}

/* A key not given: whether it shows a value, a default (a table row's,
 * one with a source src, or a text, date or reference set in code). */
static int default_shown(const struct k3a__key *k, const char *p, const char *src)
{
    if (src || (k->flags & KF_DEFAULT))
        return 1;
    /* defaults set in code without a table row (text defaults) */
    if (k->type == KT_TEXT && *(char *const *)(const void *)p)
        return 1;
    if (k->type == KT_DATE && ((const struct k3a_date *)(const void *)p)->y)
        return 1;
    if (k->type == KT_REF && ((const struct k3a_ref *)(const void *)p)->name)
        return 1;
    return 0;
}

/* A list key's value at p as the site file writes it, into buf (n
 * bytes); returns the bytes it would take (>= n: cut). */
static size_t list_text(const struct k3a__key *k, const char *p, char *buf, size_t n)
{
    char item[96];
    size_t used = 0, i;

    switch (k->type) {
    case KT_REFLIST: {
        const struct k3a_ref_list *l = (const void *)p;
        for (i = 0; i < l->n; i++)
            append(buf, n, &used, l->v[i].name);
        break;
    }
    case KT_READINGS: {
        const struct k3a_reading_list *l = (const void *)p;
        for (i = 0; i < l->n; i++) {
            fmt_reading(item, sizeof(item), &l->v[i]);
            append(buf, n, &used, item);
        }
        break;
    }
    case KT_PAIRS: {
        const struct k3a_pairs *l = (const void *)p;
        for (i = 0; i < l->n; i++) {
            char a[32], b[32];
            k3a__fmt_double(a, sizeof(a), l->x[i]);
            k3a__fmt_double(b, sizeof(b), l->y[i]);
            snprintf(item, sizeof(item), "%s:%s", a, b);
            append(buf, n, &used, item);
        }
        break;
    }
    case KT_DATED: {
        const struct k3a_dated *l = (const void *)p;
        for (i = 0; i < l->n; i++) {
            char a[16], b[32];
            fmt_date(a, sizeof(a), l->date[i]);
            k3a__fmt_double(b, sizeof(b), l->value[i]);
            snprintf(item, sizeof(item), "%s:%s", a, b);
            append(buf, n, &used, item);
        }
        break;
    }
    case KT_LABELLED: {
        const struct k3a_labelled *l = (const void *)p;
        for (i = 0; i < l->n; i++) {
            char b[40];
            fmt_reading(b, sizeof(b), &l->value[i]);
            snprintf(item, sizeof(item), "%.40s:%s", l->label[i], b);
            append(buf, n, &used, item);
        }
        break;
    }
    case KT_REPEAT: {
        const struct k3a_strings *s = (const void *)p;
        for (i = 0; i < s->n; i++) {
            if (used < n)
                used += (size_t)snprintf(buf + used, n - used, "%s%s",
                                         i ? " | " : "", s->v[i]);
        }
        break;
    }
    default:
        break;
    }
    return used;
}

int k3a__site_value_text(const struct k3a_site *site, enum k3a_kind kind,
                         size_t idx, unsigned key, const char *src, char *buf,
                         size_t n, int *is_default)
{
    const struct k3a__kind *kd = k3a__site_kind(kind);
    const char *e = k3a__elem_cptr(site, kind, idx);
    const struct k3a__key *k;
    const struct k3a_elem *h = (const struct k3a_elem *)(const void *)e;
    const char *p;
    size_t used = 0;

    buf[0] = '\0';
    *is_default = 0;
    if (!kd || !e || key >= kd->n_keys)
        return 0;
    k = &kd->keys[key];
    p = e + k->offset;
    if (!((h->given >> key) & 1u)) {
        if (!default_shown(k, p, src))
            return 0;
        *is_default = 1;
    }
    switch (k->type) {
    case KT_DBL:
        k3a__fmt_double(buf, n, *(const double *)(const void *)p);
        break;
    case KT_INT:
        snprintf(buf, n, "%d", *(const int *)(const void *)p);
        break;
    case KT_TEXT:
        snprintf(buf, n, "%s",
                 *(char *const *)(const void *)p ? *(char *const *)(const void *)p
                                                 : "");
        break;
    case KT_ENUM: {
        int v = *(const int *)(const void *)p;
        snprintf(buf, n, "%s", v >= 0 ? k->words[v] : "?");
        break;
    }
    case KT_BOOL:
        snprintf(buf, n, "%s", *(const int *)(const void *)p ? "yes" : "no");
        break;
    case KT_DATE:
        fmt_date(buf, n, *(const struct k3a_date *)(const void *)p);
        break;
    case KT_REF:
        snprintf(buf, n, "%s",
                 ((const struct k3a_ref *)(const void *)p)->name
                     ? ((const struct k3a_ref *)(const void *)p)->name
                     : "");
        break;
    case KT_READING:
        fmt_reading(buf, n, (const struct k3a_reading *)(const void *)p);
        break;
    case KT_REFLIST:
    case KT_READINGS:
    case KT_PAIRS:
    case KT_DATED:
    case KT_LABELLED:
    case KT_REPEAT:
        used = list_text(k, p, buf, n);
        break;
    case KT_MONTH:
        return 0;
    }
    if (used >= n && n > 4)
        memcpy(buf + n - 4, "...", 4); /* a cut value says so */
    return 1;
}

const char *k3a_site_default_source(const struct k3a_site *site,
                                    enum k3a_kind kind, size_t idx,
                                    unsigned key)
{
    struct k3a_default want;
    const struct k3a_default *d;

    /* site_check.c leaves the list sorted by (kind, idx, key) */
    memset(&want, 0, sizeof(want));
    want.kind = kind;
    want.idx = (int32_t)idx;
    want.key = (uint16_t)key;
    if (!site->n_defaults)
        return NULL; /* bsearch on an empty (NULL) table is undefined */
    d = bsearch(&want, site->defaults, site->n_defaults,
                sizeof(*site->defaults), k3a__default_cmp);
    return d ? d->source : NULL;
}

size_t k3a_kind_key_count(enum k3a_kind kind)
{
    const struct k3a__kind *kd = k3a__site_kind(kind);
    return kd ? kd->n_keys : 0;
}

const char *k3a_kind_key_name(enum k3a_kind kind, unsigned key)
{
    const struct k3a__kind *kd = k3a__site_kind(kind);
    return kd && key < kd->n_keys ? kd->keys[key].key : "";
}

const char *k3a_kind_key_unit(enum k3a_kind kind, unsigned key)
{
    const struct k3a__kind *kd = k3a__site_kind(kind);
    return kd && key < kd->n_keys ? kd->keys[key].unit : "";
}

const char *k3a_kind_key_doc(enum k3a_kind kind, unsigned key)
{
    const struct k3a__kind *kd = k3a__site_kind(kind);
    return kd && key < kd->n_keys ? kd->keys[key].doc : "";
}

const char *k3a_kind_doc(enum k3a_kind kind)
{
    const struct k3a__kind *kd = k3a__site_kind(kind);
    return kd ? kd->doc : "";
}

static void kind_key_describe_c(enum k3a_kind kind, unsigned key, char *buf,
                           size_t n)
{
    static const char *const tname[] = {
        "number", "whole number", "text", "keyword", "yes/no", "date",
        "month", "name", "names", "reading (>N allowed)",
        "readings (>N allowed)", "x:y pairs", "date:value pairs",
        "label:reading pairs", "repeatable line"
    };
    const struct k3a__kind *kd = k3a__site_kind(kind);
    const struct k3a__key *k;
    size_t used = 0;
    char lo[32], hi[32];
    int i;

    buf[0] = '\0';
    if (!kd || key >= kd->n_keys)
        return;
    k = &kd->keys[key];
#define ADD(...)                                                             \
    do {                                                                     \
        if (used < n)                                                        \
            used += (size_t)snprintf(buf + used, n - used, __VA_ARGS__);     \
    } while (0)
    ADD("%s", tname[k->type]);
    if (k->type == KT_ENUM) {
        ADD(":");
        for (i = 0; k->words[i]; i++)
            ADD("%s%s", i ? " | " : " ", k->words[i]);
    }
    if (k->type == KT_DBL || k->type == KT_INT || k->type == KT_READING ||
        k->type == KT_READINGS || k->type == KT_PAIRS ||
        k->type == KT_DATED || k->type == KT_LABELLED) {
        k3a__fmt_double(lo, sizeof(lo), k->min);
        k3a__fmt_double(hi, sizeof(hi), k->max);
        ADD("; %s %s..%s", (k->flags & KF_MIN_EXCL) ? "above" : "from", lo,
            hi);
    }
    if (k->flags & KF_REQUIRED)
        ADD("; required");
    if (k->flags & KF_DEFAULT) {
        if (k->type == KT_ENUM)
            ADD("; default %s", k->words[(int)k->def]);
        else if (k->type == KT_BOOL)
            ADD("; default %s", k->def > 0.5 ? "yes" : "no");
        else {
            k3a__fmt_double(lo, sizeof(lo), k->def);
            ADD("; default %s", lo);
        }
    }
#undef ADD
}

/* under the "C" locale (clocale.c) */
void k3a_kind_key_describe(enum k3a_kind kind, unsigned key, char *buf,
                           size_t n)
{
    void *old = k3a__c_locale_enter();

    kind_key_describe_c(kind, key, buf, n);
    k3a__c_locale_leave(old);
}
