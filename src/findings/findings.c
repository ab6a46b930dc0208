/*
 * findings.c - the findings list, and the inspection findings that need
 * no calculation: periodic-inspection interval, observation checklist,
 * and the Ahli K3 Listrik duty for generation above the threshold.
 *
 * Pure: reads the site and the limits, appends to the results.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "base.h"
#include "findings.h"
#include "stages.h"
#include "strpool.h"
#include "k3audit/results.h"
#include "k3audit/text.h"

/* The largest RCD rating at each bus (TT: RA x IDn <= 50 V), from the
 * [rcd] tests and the devices with rcd_mA, in one pass; NULL on no memory.
 * Used by the TT earthing limit and by the risk register (existing
 * control). */
double *k3a__bus_rcd_mA(const struct k3a_site *s)
{
    double *best = calloc(s->n_buses + 1, sizeof(*best));
    size_t i;

    if (!best)
        return NULL;
    for (i = 0; i < s->n_rcds; i++) {
        const struct k3a_rcd *t = &s->rcds[i];
        if (t->bus.kind == K3A_KIND_BUS && t->bus.idx >= 0 &&
            t->rated_mA > best[t->bus.idx])
            best[t->bus.idx] = t->rated_mA;
    }
    for (i = 0; i < s->n_devices; i++) {
        const struct k3a_device *d = &s->devices[i];
        if (d->at.kind == K3A_KIND_BUS && d->at.idx >= 0 &&
            d->rcd_mA > best[d->at.idx] &&
            k3a_elem_given(K3A_KIND_DEVICE, &d->hdr, "rcd_mA"))
            best[d->at.idx] = d->rcd_mA;
    }
    return best;
}

/* The index of who protects what (findings.h); NULL on no memory.  A
 * device is a passed RCD when an [rcd] test names it and every RCD finding
 * of its tests is a PASS (IEC 61008-1 / 61009-1 Table 1 windows): an
 * untested or failed RCD is no existing control. */
struct k3a__rcd_index *k3a__rcd_index_new(const struct k3a_results *r)
{
    const struct k3a_site *s = r->site;
    struct k3a__rcd_index *ix = calloc(1, sizeof(*ix));
    unsigned char *bad;
    size_t i;

    if (!ix)
        return NULL;
    ix->passed = calloc(s->n_devices + 1, 1);
    bad = calloc(s->n_devices + 1, 1);
    ix->dev_next = malloc((s->n_devices + 1) * sizeof(int32_t));
    ix->cable_dev = malloc((s->n_cables + 1) * sizeof(int32_t));
    ix->bus_feed = malloc((s->n_buses + 1) * sizeof(int32_t));
    ix->bus_dev = malloc((s->n_buses + 1) * sizeof(int32_t));
    ix->load_feed = malloc((s->n_loads + 1) * sizeof(int32_t));
    if (!ix->passed || !bad || !ix->dev_next || !ix->cable_dev || !ix->bus_feed ||
        !ix->bus_dev || !ix->load_feed) {
        free(bad);
        k3a__rcd_index_free(ix);
        return NULL;
    }
    for (i = 0; i < r->n_findings; i++) {
        const struct k3a_finding *f = &r->findings[i];
        int32_t d;
        if (f->kind != K3A_KIND_RCD || f->idx < 0 || (size_t)f->idx >= s->n_rcds)
            continue;
        d = s->rcds[f->idx].device.idx;
        if (d < 0)
            continue;
        ix->passed[d] = 1; /* tested */
        if (f->verdict != K3A_PASS)
            bad[d] = 1;
    }
    for (i = 0; i < s->n_devices; i++)
        ix->passed[i] = ix->passed[i] && !bad[i];
    free(bad);
    for (i = 0; i < s->n_cables; i++)
        ix->cable_dev[i] = -1;
    for (i = 0; i < s->n_buses; i++)
        ix->bus_dev[i] = ix->bus_feed[i] = -1;
    for (i = 0; i < s->n_loads; i++)
        ix->load_feed[i] = -1;
    for (i = s->n_devices; i-- > 0;) {
        const struct k3a_ref *p = &s->devices[i].protects;
        int32_t *head = p->kind == K3A_KIND_CABLE && p->idx >= 0 ? &ix->cable_dev[p->idx]
                        : p->kind == K3A_KIND_BUS && p->idx >= 0 ? &ix->bus_dev[p->idx]
                                                                 : NULL;
        ix->dev_next[i] = head ? *head : -1;
        if (head)
            *head = (int32_t)i;
    }
    for (i = s->n_cables; i-- > 0;) { /* backwards: the first cable wins */
        const struct k3a_ref *to = &s->cables[i].to;
        if (to->kind == K3A_KIND_BUS && to->idx >= 0)
            ix->bus_feed[to->idx] = (int32_t)i;
        else if (to->kind == K3A_KIND_LOAD && to->idx >= 0)
            ix->load_feed[to->idx] = (int32_t)i;
    }
    return ix;
}

void k3a__rcd_index_free(struct k3a__rcd_index *ix)
{
    if (!ix)
        return;
    free(ix->passed);
    free(ix->dev_next);
    free(ix->cable_dev);
    free(ix->bus_dev);
    free(ix->bus_feed);
    free(ix->load_feed);
    free(ix);
}

/* Whether any device in the list from first passed its RCD tests. */
static int list_passed(const struct k3a__rcd_index *ix, int32_t first)
{
    for (; first >= 0; first = ix->dev_next[first])
        if (ix->passed[first])
            return 1;
    return 0;
}

/* Whether a device in the chain protecting an element (the element's own
 * device, its circuit's, the board's main, then the feeders towards the
 * source) is an RCD that passed its tests: the existing-control credit of
 * the risk register (PUIL 2011 415.1).  An RCD on another circuit of the
 * same board protects nothing here. */
int k3a__rcd_credit(const struct k3a_results *r, const struct k3a__rcd_index *ix,
                    enum k3a_kind kind, int32_t idx)
{
    const struct k3a_site *s = r->site;
    int hops;

    for (hops = 0; idx >= 0 && hops < 64; hops++) {
        switch (kind) {
        case K3A_KIND_DEVICE:
            if (ix->passed[idx])
                return 1;
            kind = s->devices[idx].protects.kind;
            idx = s->devices[idx].protects.idx;
            continue;
        case K3A_KIND_RCD:
            if (s->rcds[idx].device.idx >= 0) {
                int32_t d = s->rcds[idx].device.idx;
                /* the device tested is not its own control: go on from
                 * what it protects */
                kind = s->devices[d].protects.kind;
                idx = s->devices[d].protects.idx;
            } else {
                kind = s->rcds[idx].bus.kind;
                idx = s->rcds[idx].bus.idx;
            }
            continue;
        case K3A_KIND_LOOP:
            kind = s->loops[idx].circuit.kind;
            idx = s->loops[idx].circuit.idx;
            continue;
        case K3A_KIND_INSULATION:
            kind = s->insulations[idx].circuit.kind;
            idx = s->insulations[idx].circuit.idx;
            continue;
        case K3A_KIND_LOAD: {
            int32_t c = ix->load_feed[idx];
            if (c >= 0) {
                kind = K3A_KIND_CABLE;
                idx = c;
            } else {
                kind = s->loads[idx].bus.kind;
                idx = s->loads[idx].bus.idx;
            }
            continue;
        }
        case K3A_KIND_CABLE: {
            const struct k3a_ref *from = &s->cables[idx].from;
            if (list_passed(ix, ix->cable_dev[idx]))
                return 1;
            kind = from->kind;
            idx = from->idx;
            continue;
        }
        case K3A_KIND_BUS: {
            if (list_passed(ix, ix->bus_dev[idx]))
                return 1;
            kind = K3A_KIND_CABLE;
            idx = ix->bus_feed[idx];
            continue;
        }
        case K3A_KIND_EARTHING:
            kind = s->earthings[idx].bus.kind;
            idx = s->earthings[idx].bus.idx;
            continue;
        case K3A_KIND_HAZARD:
            kind = s->hazards[idx].bus.kind;
            idx = s->hazards[idx].bus.idx;
            continue;
        case K3A_KIND_OBSERVATION:
            kind = s->observations[idx].bus.kind;
            idx = s->observations[idx].bus.idx;
            continue;
        default:
            return 0;
        }
    }
    return 0;
}

/* The results' text pool, made on first use; NULL on no memory. */
static struct k3a__strpool *pool(struct k3a_results *r)
{
    if (!r->text)
        r->text = calloc(1, sizeof(*r->text));
    return r->text ? &r->text->pool : NULL;
}

static const char *keep(struct k3a_results *r, const char *a, const char *b,
                        const char *c)
{
    struct k3a__strpool *p = pool(r);
    return p ? k3a__pool_put3(p, a, b, c) : "";
}

/* keep, sharing the text of a recent equal string */
static const char *share(struct k3a_results *r, const char *a, const char *b,
                         const char *c)
{
    struct k3a__strpool *p = pool(r);
    return p ? k3a__pool_intern3(p, a, b, c) : "";
}

/* share(r, s) for a check name or unit: the last few shared are compared
 * first, before the pool hashes s. */
static const char *share_short(struct k3a_results *r, const char *s)
{
    struct k3a_text_store *t;
    const char *kept;
    unsigned i;

    if (!pool(r))
        return "";
    t = r->text;
    for (i = 0; i < sizeof(t->recent) / sizeof(t->recent[0]); i++)
        if (t->recent[i] && strcmp(t->recent[i], s) == 0)
            return t->recent[i];
    kept = share(r, s, "", "");
    if (!t->pool.failed)
        t->recent[t->next_recent++ % (sizeof(t->recent) / sizeof(t->recent[0]))] = kept;
    return kept;
}

/* A title in language lang, its numbers as the language writes them. */
static const char *title_text(struct k3a_results *r, enum k3a_lang lang,
                              const char *fmt, va_list ap) K3A_PRINTF_V(3);
static const char *title_text(struct k3a_results *r, enum k3a_lang lang,
                              const char *fmt, va_list ap)
{
    struct k3a__strpool *p = pool(r);
    char *t = k3a__vfmt_lang(lang, fmt, ap);
    const char *kept;

    if (!t) {
        if (p)
            p->failed = 1;
        return "";
    }
    kept = p ? k3a__pool_put3(p, t, "", "") : "";
    free(t);
    return kept;
}

/* A passing finding a later stage may still turn into a warning: the
 * generator-supply disconnection check, held back by a measured loop
 * (k3a__finding_reverdict from measure_loop.c).  Its texts are made in
 * the history's languages from the start, since a warning is kept with
 * both and its base title cannot be made again afterwards. */
static int may_turn_warn(const struct k3a_finding *f)
{
    return f->kind == K3A_KIND_BUS && f->check && strcmp(f->check, "disconnection_time") == 0;
}

/* Does the audit write finding f's texts in lang?  The languages it asks
 * for, and for a failing or warning finding (or one that may become a
 * warning) those the history keeps. */
static int want_text(const struct k3a_results *r, const struct k3a_finding *f,
                     enum k3a_lang lang)
{
    return K3A__WANT_TITLE(r, lang) ||
           ((f->verdict != K3A_PASS || may_turn_warn(f)) &&
            (r->title_langs_flagged >> lang & 1u));
}

/* s ("{id|en}" pairs) in lang, or made (s as k3a__text_lang resolved
 * it) when s has no pair or the audit does not write lang (want). */
static const char *in_lang(struct k3a_results *r, const char *s, const char *made,
                           enum k3a_lang lang, int want)
{
    char buf[1024];

    if (!s || !strchr(s, '{') || !want || lang == k3a__text_lang(r))
        return made;
    return share(r, k3a_text_lang(s, lang, buf, sizeof(buf)), "", "");
}

/* Sets a finding's measured value and limit (NAN: none), unit, clause
 * (copied into the results' text). */
static void finding_values(struct k3a_results *r, struct k3a_finding *f,
                           double measured, double limit, const char *unit,
                           const char *clause)
{
    if (isfinite(measured)) {
        f->measured = measured;
        f->has_measured = 1;
    }
    if (isfinite(limit)) {
        f->limit = limit;
        f->has_limit = 1;
    }
    if (unit && strchr(unit, '{'))
        f->unit = k3a__clause_text(r, unit);
    else
        f->unit = unit && *unit ? share_short(r, unit) : "";
    if (clause && strchr(clause, '{'))
        f->clause = k3a__clause_text(r, clause);
    else
        f->clause = clause && *clause ? share(r, clause, "", "") : "";
    /* each language's own text, so that an audit made for both writes an
     * English report with English clauses (review r3 item 21) */
    f->clause_id = in_lang(r, clause, f->clause, K3A_LANG_ID, want_text(r, f, K3A_LANG_ID));
    f->clause_en = in_lang(r, clause, f->clause, K3A_LANG_EN, want_text(r, f, K3A_LANG_EN));
    /* a unit in both languages whenever the history keeps them (a
     * passing finding's too: its value is a later audit's "before") */
    f->unit_id = in_lang(r, unit, f->unit, K3A_LANG_ID,
                         K3A__WANT_TITLE(r, K3A_LANG_ID) || r->title_langs_flagged);
    f->unit_en = in_lang(r, unit, f->unit, K3A_LANG_EN,
                         K3A__WANT_TITLE(r, K3A_LANG_EN) || r->title_langs_flagged);
}

enum k3a_lang k3a__text_lang(const struct k3a_results *r)
{
    return r->title_langs == 1u << K3A_LANG_EN ? K3A_LANG_EN : K3A_LANG_ID;
}

const char *k3a__clause_text(struct k3a_results *r, const char *clause)
{
    char buf[1024];
    const char *c, *out, *in;
    struct k3a_text_store *t;
    unsigned i;

    if (!clause || !strchr(clause, '{'))
        return clause ? clause : "";
    if (!pool(r))
        return "";
    t = r->text;
    for (i = 0; i < sizeof(t->clause) / sizeof(t->clause[0]); i++)
        if (t->clause[i].in && strcmp(t->clause[i].in, clause) == 0)
            return t->clause[i].out; /* translated a few findings ago */
    c = k3a_text_lang(clause, k3a__text_lang(r), buf, sizeof(buf));
    out = share(r, c, "", "");
    in = keep(r, clause, "", ""); /* the caller's text may be a buffer */
    if (!t->pool.failed) {
        i = t->next_clause++ % (sizeof(t->clause) / sizeof(t->clause[0]));
        t->clause[i].in = in;
        t->clause[i].out = out;
    }
    return out;
}

const char *k3a__text_keep(struct k3a_results *r, const char *s)
{
    if (!s || !strchr(s, '{'))
        return s ? s : "";
    if (K3A__WANT_TITLE(r, K3A_LANG_ID) && K3A__WANT_TITLE(r, K3A_LANG_EN))
        return share(r, s, "", "");
    return k3a__clause_text(r, s);
}

const char *k3a_finding_clause(const struct k3a_finding *f, enum k3a_lang lang)
{
    const char *c = lang == K3A_LANG_EN ? f->clause_en : f->clause_id;
    return c && c[0] ? c : f->clause;
}

const char *k3a_finding_unit(const struct k3a_finding *f, enum k3a_lang lang)
{
    const char *u = lang == K3A_LANG_EN ? f->unit_en : f->unit_id;
    return u && u[0] ? u : f->unit;
}

const char *k3a_finding_title(const struct k3a_finding *f, enum k3a_lang lang)
{
    const char *a = lang == K3A_LANG_EN ? f->title_en : f->title_id;
    return a[0] ? a : lang == K3A_LANG_EN ? f->title_id : f->title_en;
}

void k3a__finding_title_lang(struct k3a_results *r, struct k3a_finding *f,
                             enum k3a_lang lang, const char *fmt, ...)
{
    va_list ap;

    if (!want_text(r, f, lang))
        return;
    va_start(ap, fmt);
    if (lang == K3A_LANG_EN)
        f->title_en = title_text(r, lang, fmt, ap);
    else
        f->title_id = title_text(r, lang, fmt, ap);
    va_end(ap);
}

void k3a__finding_title_append(struct k3a_results *r, struct k3a_finding *f,
                               enum k3a_lang lang, const char *fmt, ...)
{
    const char **t = lang == K3A_LANG_EN ? &f->title_en : &f->title_id;
    const char *more;
    va_list ap;

    /* a note never stands alone as a title: nothing to add it to when
     * the title was not made in lang */
    if (!want_text(r, f, lang) || !*t || !**t)
        return;
    va_start(ap, fmt);
    more = title_text(r, lang, fmt, ap);
    va_end(ap);
    *t = keep(r, *t, more, "");
}

int k3a__finding_text_lost(const struct k3a_results *r)
{
    return r->text && r->text->pool.failed;
}

/* "F0001": the finding's number in the list, from 1 */
static void finding_id(struct k3a_finding *f, size_t number)
{
    char num[24];
    size_t len = 0, v = number;

    memset(f->id, 0, sizeof(f->id));
    do {
        num[len++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (len < 4)
        num[len++] = '0';
    f->id[0] = 'F';
    for (v = 0; v < len && v + 2 < sizeof(f->id); v++)
        f->id[1 + v] = num[len - 1 - v];
}

/* A new finding at the end of the list, numbered, its element named and
 * its verdict counted; NULL on no memory. */
static struct k3a_finding *finding_add(struct k3a_results *r, enum k3a_kind kind,
                                       int32_t idx, const char *check, int verdict)
{
    struct k3a_finding *f;

    {
        void *p = k3a__grow(r->findings, r->n_findings, 1, sizeof(*r->findings), 64);
        if (!p)
            return NULL;
        r->findings = p;
    }
    f = &r->findings[r->n_findings++];
    memset(f, 0, sizeof(*f));
    f->title_id = f->title_en = f->unit = f->clause = "";
    f->clause_id = f->clause_en = f->unit_id = f->unit_en = "";
    finding_id(f, r->n_findings);
    f->kind = kind;
    f->idx = idx;
    if (idx >= 0 && r->text && r->text->elem && r->text->elem_kind == (int)kind &&
        r->text->elem_idx == idx) {
        f->element = r->text->elem; /* the last finding's element */
    } else if (idx >= 0) {
        const struct k3a_elem *e = k3a_site_elem(r->site, kind, (size_t)idx);
        f->element = share(r, k3a_kind_name(kind), e && e->name ? " " : "",
                          e && e->name ? e->name : "");
        if (r->text && !r->text->pool.failed) {
            r->text->elem_kind = (int)kind;
            r->text->elem_idx = idx;
            r->text->elem = f->element;
        }
    } else {
        f->element = "site";
    }
    f->check = share_short(r, check);
    if (!r->text || k3a__finding_text_lost(r)) {
        r->n_findings--;
        return NULL;
    }
    f->verdict = (enum k3a_verdict)verdict;
    if (verdict == K3A_FAIL)
        r->n_fail++;
    else if (verdict == K3A_WARN)
        r->n_warn++;
    else
        r->n_pass++;
    return f;
}

void k3a__finding_withdraw(struct k3a_results *r, size_t n)
{
    size_t k;

    if (n < 1 || n > r->n_findings)
        return;
    switch (r->findings[n - 1].verdict) {
    case K3A_FAIL:
        r->n_fail--;
        break;
    case K3A_WARN:
        r->n_warn--;
        break;
    default:
        r->n_pass--;
        break;
    }
    memmove(&r->findings[n - 1], &r->findings[n],
            (r->n_findings - n) * sizeof(*r->findings));
    r->n_findings--;
    for (k = n - 1; k < r->n_findings; k++)
        finding_id(&r->findings[k], k + 1);
}

void k3a__finding_reverdict(struct k3a_results *r, struct k3a_finding *f,
                            enum k3a_verdict v, const char *more)
{
    size_t *was = f->verdict == K3A_FAIL   ? &r->n_fail
                  : f->verdict == K3A_WARN ? &r->n_warn
                                           : &r->n_pass;
    size_t *now = v == K3A_FAIL ? &r->n_fail : v == K3A_WARN ? &r->n_warn : &r->n_pass;
    const char *m;

    (*was)--;
    (*now)++;
    f->verdict = v;
    if (!more || !*more)
        return;
    m = k3a__clause_text(r, more);
    f->clause = keep(r, f->clause, f->clause[0] ? "; " : "", m);
    f->clause_id = keep(r, f->clause_id, f->clause_id[0] ? "; " : "",
                        in_lang(r, more, m, K3A_LANG_ID, want_text(r, f, K3A_LANG_ID)));
    f->clause_en = keep(r, f->clause_en, f->clause_en[0] ? "; " : "",
                        in_lang(r, more, m, K3A_LANG_EN, want_text(r, f, K3A_LANG_EN)));
}

struct k3a_finding *k3a__finding_new(struct k3a_results *r, enum k3a_kind kind,
                                     int32_t idx, const char *check,
                                     enum k3a_verdict verdict, double measured,
                                     double limit, const char *unit,
                                     const char *clause, const char *fid,
                                     const char *fen, ...)
{
    struct k3a_finding *f = finding_add(r, kind, idx, check, (int)verdict);
    va_list ap;

    if (!f)
        return NULL;
    finding_values(r, f, measured, limit, unit, clause);
    if (fid && want_text(r, f, K3A_LANG_ID)) {
        va_start(ap, fen);
        f->title_id = title_text(r, K3A_LANG_ID, fid, ap);
        va_end(ap);
    }
    if (fen && want_text(r, f, K3A_LANG_EN)) {
        va_start(ap, fen);
        f->title_en = title_text(r, K3A_LANG_EN, fen, ap);
        va_end(ap);
    }
    return f;
}

static int days_in_month(int y, int m)
{
    struct k3a_date a = { 0 }, b = { 0 };
    a.y = y;
    a.m = m;
    a.d = 1;
    b.y = m == 12 ? y + 1 : y;
    b.m = m == 12 ? 1 : m + 1;
    b.d = 1;
    return (int)(k3a_date_days(b) - k3a_date_days(a));
}

/* Months from a to b as judged on dates: the whole calendar months plus
 * the days past the last whole month as a fraction of the month they fall
 * in, so "more than N months" is exactly "b later than a + N months" (the
 * same day N months on, or the month's last day when it has none): 2025-
 * 02-15 to 2026-03-10 is 12 months 23 days = 12.82, more than 12. */
double k3a__months_elapsed(struct k3a_date a, struct k3a_date b)
{
    int m = (b.y - a.y) * 12 + (b.m - a.m), dim;
    struct k3a_date t = { 0 };

    if (k3a_date_days(b) < k3a_date_days(a))
        return -k3a__months_elapsed(b, a);
    for (;;) {
        /* a + m months, its day clamped to the month's last */
        t.y = a.y + (a.m - 1 + m) / 12;
        t.m = (a.m - 1 + m) % 12 + 1;
        dim = days_in_month(t.y, t.m);
        t.d = a.d < dim ? a.d : dim;
        if (m <= 0 || k3a_date_days(t) <= k3a_date_days(b))
            break;
        m--;
    }
    return m + (double)(k3a_date_days(b) - k3a_date_days(t)) / dim;
}

static enum k3a_status inspection_interval(struct k3a_results *r)
{
    const struct k3a_site_info *si = &r->site->site;
    const struct k3a_param *p =
        r->limits ? k3a_model_param(r->limits, "inspection_interval_months")
                  : NULL;
    struct k3a_finding *f;
    double months;

    if (!p || !si->previous_inspection.y || !si->audit_date.y)
        return K3A_OK;
    /* judged on dates (verdicts review item 10): overdue when the audit is
     * later than the last inspection + N months */
    months = k3a__months_elapsed(si->previous_inspection, si->audit_date);
    f = k3a__finding_new(r, K3A_KIND_SITE, -1, "inspection_interval",
                         months > p->value ? K3A_FAIL : K3A_PASS, months, p->value,
                         "{bulan|months}", p->clause,
                         "Selang riksa uji berkala sejak %04d-%02d-%02d",
                         "Periodic inspection interval since %04d-%02d-%02d",
                         si->previous_inspection.y, si->previous_inspection.m,
                         si->previous_inspection.d);
    return f ? K3A_OK : K3A_E_NOMEM;
}

static enum k3a_status observations(struct k3a_results *r)
{
    const struct k3a_site *s = r->site;
    size_t i;

    for (i = 0; i < s->n_observations; i++) {
        const struct k3a_observation *o = &s->observations[i];
        const struct k3a_obs_item *it =
            o->item ? k3a_models_obs_item(r->models, o->item) : NULL;
        struct k3a_finding *f;
        const char *where = o->bus.name ? o->bus.name : o->location;
        if (o->status == K3A_OBS_NA)
            continue;
        f = k3a__finding_new(r, K3A_KIND_OBSERVATION, (int32_t)i,
                             o->item ? o->item : "observation",
                             o->status == K3A_OBS_OK ? K3A_PASS : K3A_FAIL, NAN, NAN, "",
                             it && it->clause ? it->clause : "", NULL, NULL);
        if (!f)
            return K3A_E_NOMEM;
        k3a__finding_title_lang(r, f, K3A_LANG_ID, "%s%s%s: %s",
                 it ? it->label_id : o->item, where ? " - " : "",
                 where ? where : "",
                 o->status == K3A_OBS_OK       ? "baik"
                 : o->status == K3A_OBS_DEFECT ? "rusak / tidak sesuai"
                                               : "tidak ada");
        k3a__finding_title_lang(r, f, K3A_LANG_EN, "%s%s%s: %s",
                 it ? it->label_en : o->item, where ? " - " : "",
                 where ? where : "",
                 o->status == K3A_OBS_OK       ? "ok"
                 : o->status == K3A_OBS_DEFECT ? "defect"
                                               : "absent");
    }
    return K3A_OK;
}

static enum k3a_status ahli_k3(struct k3a_results *r)
{
    const struct k3a_site *s = r->site;
    const struct k3a_param *p =
        r->limits ? k3a_model_param(r->limits, "ahli_k3_generation_kVA")
                  : NULL;
    double total = 0;
    int ok = 0;
    size_t i;
    struct k3a_finding *f;

    for (i = 0; i < s->n_generators; i++)
        total += s->generators[i].rating_kVA;
    if (!p || !(total > p->value))
        return K3A_OK;
    for (i = 0; i < s->n_observations; i++)
        if (s->observations[i].item &&
            strcmp(s->observations[i].item, "ahli_k3_listrik") == 0 &&
            s->observations[i].status == K3A_OBS_OK)
            ok = 1;
    f = k3a__finding_new(r, K3A_KIND_SITE, -1, "ahli_k3_listrik",
            ok ? K3A_PASS : K3A_FAIL,
                         total, p->value, "kVA", p->clause, NULL, NULL);
    if (!f)
        return K3A_E_NOMEM;
    k3a__finding_title_lang(r, f, K3A_LANG_ID,
             "Pembangkit %.0f kVA: wajib Ahli K3 bidang Listrik%s", total,
             ok ? " (ada)" : " (tidak tercatat ada)");
    k3a__finding_title_lang(r, f, K3A_LANG_EN,
             "Generation %.0f kVA: an Ahli K3 Listrik is required%s", total,
             ok ? " (present)" : " (not recorded as present)");
    return K3A_OK;
}

enum k3a_status k3a__findings_inspection(struct k3a_results *r)
{
    enum k3a_status st;

    if ((st = inspection_interval(r)) != K3A_OK)
        return st;
    if ((st = ahli_k3(r)) != K3A_OK)
        return st;
    return observations(r);
}

/* ---- nominal voltages and disconnection times (site-format 9) ---------- */

/* REF: IEC 60038:2009 Table 1 (PUIL 2011 follows it): the nominal systems
 * 220/380 V (legacy), 230/400 V, 240/415 V and 400/690 V.  The values live
 * in models/limits-puil2011.ini ([param u0_nominal_*_V]); the fallbacks
 * here are the same. */
double k3a__nominal_u0_V(const struct k3a_results *r, double un_kV, int *listed)
{
    static const struct {
        const char *name;
        double un_V, u0_V;
    } sys[] = { { "u0_nominal_380_V", 380, 220 },
                { "u0_nominal_400_V", 400, 230 },
                { "u0_nominal_415_V", 415, 240 },
                { "u0_nominal_690_V", 690, 400 } };
    double un = un_kV * 1000.0;
    size_t i;

    for (i = 0; i < sizeof(sys) / sizeof(sys[0]); i++)
        if (fabs(un - sys[i].un_V) < 0.5) {
            const struct k3a_param *p =
                r && r->limits ? k3a_model_param(r->limits, sys[i].name) : NULL;
            if (listed)
                *listed = 1;
            return p ? p->value : sys[i].u0_V;
        }
    if (listed)
        *listed = 0;
    return un / sqrt(3.0);
}

/* REF: IEC 60364-4-41:2005 411.3.2.2 and Table 41.1 (final circuits of at
 * most 32 A), 411.3.2.3 (TN, 5 s) and 411.3.2.4 (TT, 1 s) for every other
 * circuit; PUIL 2011 Bagian 4-41 adopts them. */
double k3a__disc_limit_s(const struct k3a_results *r, int tt, double u0_V,
                         int final, double rating_A, const char **clause,
                         int *table_row)
{
    const struct k3a_model_file *lim = r ? r->limits : NULL;
    const struct k3a_param *fmax =
        lim ? k3a_model_param(lim, "final_circuit_max_A") : NULL;
    const struct k3a_param *dist =
        lim ? k3a_model_param(lim, tt ? "distribution_tt_s" : "distribution_tn_s")
            : NULL;
    double max_A = fmax ? fmax->value : 32.0;
    size_t k;

    if (table_row)
        *table_row = 0;
    if (final && !(rating_A > max_A))
        for (k = 0; lim && k < lim->n_disc; k++)
            if (lim->disc[k].system == (tt ? K3A_DISC_TT : K3A_DISC_TN) &&
                u0_V > lim->disc[k].u0_above_V && !(u0_V > lim->disc[k].u0_max_V)) {
                if (clause)
                    *clause = lim->disc[k].clause;
                if (table_row)
                    *table_row = 1;
                return lim->disc[k].final_s;
            }
    if (clause)
        *clause = dist ? dist->clause
                       : tt ? "IEC 60364-4-41 411.3.2.4" : "IEC 60364-4-41 411.3.2.3";
    return dist ? dist->value : tt ? 1.0 : 5.0;
}

/* site-format 9 Conclusion: any failing finding or any extreme risk as
 * found makes the audit TIDAK MEMENUHI SYARAT. */
int k3a_results_conclusion(const struct k3a_results *r)
{
    if (r->n_fail || (r->has_profile && r->level_max == (int)K3A_RISK_EXTREME))
        return K3A_FAIL;
    if (r->n_warn)
        return K3A_WARN;
    return r->n_pass ? K3A_PASS : -1;
}

/* Whether rounding value to d decimals (fixed) or to d significant digits
 * keeps it on its side of the limit without printing it: it is further
 * from the limit than a whole unit of the last digit kept, and rounding
 * moves it half a unit at most (a unit of the d-th significant digit is
 * at most |value| / 10^(d-1)).  Closer values are printed and read back. */
static int far_fixed(double value, double limit, int d)
{
    return d >= 0 && d <= 22 && fabs(value - limit) * k3a__pow10[d] > 1.0;
}

static int far_sig(double value, double limit, int d)
{
    return d >= 1 && d <= 23 && fabs(value - limit) * k3a__pow10[d - 1] > fabs(value);
}

/* buf (value printed) read back falls on the same side of the limit */
static int same_side(const char *buf, double value, double limit)
{
    double back = strtod(buf, NULL);
    return (back > limit) == (value > limit) && (back < limit) == (value < limit);
}

/* site-format 9: a value printed beside its limit with as many significant
 * digits (3 at least) as it takes for the printed number to fall on the
 * same side of the limit as the value (5.004 s against 5 s is "5.004",
 * never "5"). */
const char *k3a__fmt_vs(char *buf, size_t n, double value, double limit)
{
    int d;

    for (d = 3; d <= 12; d++) {
        snprintf(buf, n, "%.*g", d, value);
        if (!isfinite(limit) || !isfinite(value) || far_sig(value, limit, d) ||
            same_side(buf, value, limit))
            break;
    }
    return buf;
}

int k3a__vs_digits(double value, double limit)
{
    char buf[64];
    int d;

    if (!isfinite(limit) || !isfinite(value))
        return 3;
    for (d = 3; d < 12; d++) {
        if (far_sig(value, limit, d))
            break;
        snprintf(buf, sizeof(buf), "%.*g", d, value);
        if (same_side(buf, value, limit))
            break;
    }
    return d;
}

int k3a__vs_decimals(double value, double limit, int decimals)
{
    char buf[400];
    int d;

    if (!isfinite(limit) || !isfinite(value))
        return decimals;
    for (d = decimals; d < 6; d++) {
        if (far_fixed(value, limit, d))
            break;
        snprintf(buf, sizeof(buf), "%.*f", d, value);
        if (same_side(buf, value, limit))
            break;
    }
    return d;
}

/* k3a__fmt_vs with at least `decimals` fixed decimals (up to 6). */
const char *k3a__fmt_fixed_vs(char *buf, size_t n, double value, double limit,
                              int decimals)
{
    int d;

    for (d = decimals; d <= 6; d++) {
        snprintf(buf, n, "%.*f", d, value);
        if (!isfinite(limit) || !isfinite(value) || far_fixed(value, limit, d) ||
            same_side(buf, value, limit))
            break;
    }
    return buf;
}
