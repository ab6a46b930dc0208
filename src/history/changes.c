/*
 * changes.c - what changed since the site's previous audit (history.h):
 * findings new, closed, worse, better; risks whose level moved, with the
 * reason in words; measurement trends.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "history/hist.h"

/* ---- changes --------------------------------------------------------- */

void k3a_changes_init(struct k3a_changes *c)
{
    memset(c, 0, sizeof(*c));
}

void k3a_changes_release(struct k3a_changes *c)
{
    size_t i;
    for (i = 0; i < c->n; i++) {
        free(c->v[i].element);
        free(c->v[i].check);
        free(c->v[i].check_id);
        free(c->v[i].before);
        free(c->v[i].after);
        free(c->v[i].reason);
    }
    free(c->v);
    memset(c, 0, sizeof(*c));
}

const char *k3a_change_kind_name(enum k3a_change_kind k)
{
    static const char *const names[] = { "new", "closed", "worse", "better", "same" };
    return (unsigned)k < 5 ? names[k] : "";
}

static int add_change(struct k3a_changes *c, enum k3a_change_what what,
                      enum k3a_change_kind kind, const char *element, const char *check,
                      const char *check_id, const char *before, const char *after, double bv, double av,
                      const char *reason)
{
    struct k3a_change *x;
    if (c->n == c->cap) {
        size_t nc = c->cap ? c->cap * 2 : 16;
        void *q = realloc(c->v, nc * sizeof(*c->v));
        if (!q)
            return -1;
        c->v = q;
        c->cap = nc;
    }
    x = &c->v[c->n];
    x->what = what;
    x->kind = kind;
    x->before_v = bv;
    x->after_v = av;
    x->finding = -1;
    x->element = strdup(element ? element : "");
    x->check = strdup(check ? check : "");
    x->check_id = strdup(check_id ? check_id : check ? check : "");
    x->before = strdup(before ? before : "");
    x->after = strdup(after ? after : "");
    x->reason = strdup(reason ? reason : "");
    if (!x->element || !x->check || !x->check_id || !x->before || !x->after || !x->reason) {
        free(x->element);
        free(x->check);
        free(x->check_id);
        free(x->before);
        free(x->after);
        free(x->reason);
        return -1;
    }
    c->n++;
    c->n_kind[kind]++;
    return 0;
}

static int vrank(const char *v)
{
    return strcmp(v, "fail") == 0 ? 2 : strcmp(v, "warn") == 0 ? 1 : 0;
}

static int lrank(const char *l)
{
    return strcmp(l, "extreme") == 0 ? 4 : strcmp(l, "high") == 0 ? 3
         : strcmp(l, "medium") == 0  ? 2 : strcmp(l, "low") == 0 ? 1 : 0;
}

/* Pairs the k-th key (a, b) of one side with the k-th of the other:
 * l2r[i] = the right index matched to left i, r2l the reverse; -1 none.
 * Both key arrays are sorted here.  Returns 0, or -1 out of memory. */
static int match_keys(struct mkey *l, size_t nl, struct mkey *r, size_t nr, long *l2r,
                      long *r2l)
{
    size_t i = 0, j = 0, k;

    for (k = 0; k < nl; k++)
        l2r[k] = -1;
    for (k = 0; k < nr; k++)
        r2l[k] = -1;
    qsort(l, nl, sizeof(*l), k3a__hist_mkey_cmp);
    qsort(r, nr, sizeof(*r), k3a__hist_mkey_cmp);
    while (i < nl && j < nr) {
        int c = strcmp(l[i].a, r[j].a);
        if (!c)
            c = strcmp(l[i].b, r[j].b);
        if (c < 0) {
            i++;
        } else if (c > 0) {
            j++;
        } else {
            size_t i0 = i, j0 = j;
            while (i < nl && strcmp(l[i].a, l[i0].a) == 0 && strcmp(l[i].b, l[i0].b) == 0)
                i++;
            while (j < nr && strcmp(r[j].a, r[j0].a) == 0 && strcmp(r[j].b, r[j0].b) == 0)
                j++;
            for (k = 0; i0 + k < i && j0 + k < j; k++) {
                l2r[l[i0 + k].i] = (long)r[j0 + k].i;
                r2l[r[j0 + k].i] = (long)l[i0 + k].i;
            }
        }
    }
    return 0;
}

/* Findings matched with the previous audit's by element, check and
 * occurrence. */
struct fmatch {
    long *cur_prev; /* [r->n_findings]: the previous row, -1 */
    long *prev_cur; /* [p->finds.n]: the current finding, -1 */
};

static int fmatch_make(const struct k3a_history_prev *p, const struct k3a_results *r,
                       struct fmatch *m)
{
    struct mkey *l = malloc((r->n_findings + 1) * sizeof(*l));
    struct mkey *q = malloc((p->finds.n + 1) * sizeof(*q));
    size_t i;

    m->cur_prev = malloc((r->n_findings + 1) * sizeof(long));
    m->prev_cur = malloc((p->finds.n + 1) * sizeof(long));
    if (!l || !q || !m->cur_prev || !m->prev_cur) {
        free(l);
        free(q);
        free(m->cur_prev);
        free(m->prev_cur);
        return -1;
    }
    for (i = 0; i < r->n_findings; i++) {
        l[i].a = r->findings[i].element;
        l[i].b = r->findings[i].check;
        l[i].i = i;
    }
    for (i = 0; i < p->finds.n; i++) {
        q[i].a = k3a_rows_get(&p->finds, i, 0);
        q[i].b = k3a_rows_get(&p->finds, i, 1);
        q[i].i = i;
    }
    match_keys(l, r->n_findings, q, p->finds.n, m->cur_prev, m->prev_cur);
    free(l);
    free(q);
    return 0;
}

/* A finding by its id ("F0025" is the 25th), -1 when there is none. */
static long finding_by_id(const struct k3a_results *r, const char *id)
{
    long k = id[0] == 'F' ? strtol(id + 1, NULL, 10) - 1 : -1;
    size_t i;

    if (k >= 0 && (size_t)k < r->n_findings && strcmp(r->findings[k].id, id) == 0)
        return k;
    for (i = 0; i < r->n_findings; i++)
        if (strcmp(r->findings[i].id, id) == 0)
            return (long)i;
    return -1;
}

/* The same among the previous audit's rows (kept in their order). */
static long prev_by_id(const struct k3a_history_prev *p, const char *id)
{
    long k = id[0] == 'F' ? strtol(id + 1, NULL, 10) - 1 : -1;
    size_t i;

    if (k >= 0 && (size_t)k < p->finds.n && strcmp(k3a_rows_get(&p->finds, (size_t)k, 5), id) == 0)
        return k;
    for (i = 0; i < p->finds.n; i++)
        if (strcmp(k3a_rows_get(&p->finds, i, 5), id) == 0)
            return (long)i;
    return -1;
}

static void measured_text(double v, int has, const char *unit, const char *verdict,
                          char *out, size_t n)
{
    if (has && isfinite(v))
        snprintf(out, n, "%.4g%s%s (%s)", v, unit && *unit ? " " : "", unit ? unit : "",
                 verdict);
    else
        snprintf(out, n, "%s", verdict);
}

static void prev_text(const struct k3a_history_prev *p, long k, char *out, size_t n)
{
    const char *m = k3a_rows_get(&p->finds, (size_t)k, 3);
    measured_text(m[0] ? strtod(m, NULL) : NAN, m[0] != 0,
                  k3a_rows_get(&p->finds, (size_t)k, 4), k3a_rows_get(&p->finds, (size_t)k, 2),
                  out, n);
}

/* Why a risk moved: its source findings, each before and after. */
static void risk_reason(const struct k3a_history_prev *p, const struct k3a_results *r,
                        const struct fmatch *m, const char *source, const char *prev_source,
                        char *out, size_t n)
{
    size_t len = 0;
    char ids[160], *tok, *save = NULL;
    int w;

    out[0] = '\0';
    if (source) {
        snprintf(ids, sizeof(ids), "%s", source);
        for (tok = strtok_r(ids, ", ", &save); tok; tok = strtok_r(NULL, ", ", &save)) {
            long i = finding_by_id(r, tok), k;
            const struct k3a_finding *f;
            char b[64] = "-", a[64];
            if (i < 0)
                continue;
            f = &r->findings[i];
            k = m->cur_prev[i];
            if (k >= 0)
                prev_text(p, k, b, sizeof(b));
            measured_text(f->measured, f->has_measured, f->unit, k3a__hist_verdict_name(f->verdict), a,
                          sizeof(a));
            w = snprintf(out + len, n - len, "%s%s %s: %s -> %s", len ? "; " : "", f->check,
                         f->element, b, a);
            if (w > 0 && (size_t)w < n - len)
                len += (size_t)w;
        }
    }
    if (!len && prev_source && *prev_source) {
        /* a risk closed: its earlier findings are gone or pass now */
        snprintf(ids, sizeof(ids), "%s", prev_source);
        for (tok = strtok_r(ids, ", ", &save); tok; tok = strtok_r(NULL, ", ", &save)) {
            long k = prev_by_id(p, tok), i;
            char b[64], a[64] = "-";
            if (k < 0)
                continue;
            prev_text(p, k, b, sizeof(b));
            i = m->prev_cur[k];
            if (i >= 0)
                measured_text(r->findings[i].measured, r->findings[i].has_measured,
                              r->findings[i].unit, k3a__hist_verdict_name(r->findings[i].verdict), a,
                              sizeof(a));
            w = snprintf(out + len, n - len, "%s%s %s: %s -> %s", len ? "; " : "",
                         k3a_rows_get(&p->finds, (size_t)k, 1),
                         k3a_rows_get(&p->finds, (size_t)k, 0), b, a);
            if (w > 0 && (size_t)w < n - len)
                len += (size_t)w;
        }
    }
}

enum k3a_status k3a_history_compare(const struct k3a_history_prev *p,
                                    const struct k3a_results *r, struct k3a_changes *c)
{
    const struct k3a_site *s = r->site;
    struct fmatch m = { NULL, NULL };
    struct mkey *rl = NULL, *rq = NULL;
    long *rcur = NULL, *rprev = NULL;
    char before[96], after[96], reason[512], el[256];
    char (*keys)[160] = NULL;
    size_t i, k;

    if (!p || !p->has)
        return K3A_OK;
    c->has_previous = 1;
    snprintf(c->prev_date, sizeof(c->prev_date), "%s", p->date);
    snprintf(c->prev_sha256, sizeof(c->prev_sha256), "%s", p->sha);
    if (fmatch_make(p, r, &m))
        return K3A_E_NOMEM;
    /* findings: new, worse, better, same (a failing or warning check then
     * and now); closed (then failing or warning, now passing or gone) */
    for (i = 0; i < r->n_findings; i++) {
        const struct k3a_finding *f = &r->findings[i];
        long j = m.cur_prev[i];
        int now = f->verdict == K3A_FAIL ? 2 : f->verdict == K3A_WARN ? 1 : 0, then = 0;
        enum k3a_change_kind kind;
        if (j >= 0) {
            then = vrank(k3a_rows_get(&p->finds, (size_t)j, 2));
            prev_text(p, j, before, sizeof(before));
        } else {
            before[0] = '\0';
        }
        if (!now && !then)
            continue;
        if (!now)
            kind = K3A_CHG_CLOSED;
        else if (j < 0 || !then)
            kind = K3A_CHG_NEW;
        else
            kind = now > then ? K3A_CHG_WORSE : now < then ? K3A_CHG_BETTER : K3A_CHG_SAME;
        measured_text(f->measured, f->has_measured, f->unit, k3a__hist_verdict_name(f->verdict), after,
                      sizeof(after));
        if (add_change(c, K3A_CHG_FINDING, kind, f->element, f->check, NULL, before, after, NAN,
                       NAN, NULL))
            goto nomem;
        c->v[c->n - 1].finding = (long)i;
    }
    for (k = 0; k < p->finds.n; k++) {
        if (m.prev_cur[k] >= 0 || !vrank(k3a_rows_get(&p->finds, k, 2)))
            continue;
        prev_text(p, (long)k, before, sizeof(before));
        if (add_change(c, K3A_CHG_FINDING, K3A_CHG_CLOSED, k3a_rows_get(&p->finds, k, 0),
                       k3a_rows_get(&p->finds, k, 1), NULL, before, "", NAN, NAN, NULL))
            goto nomem;
    }
    /* risks whose level moved, with what moved them: matched by element
     * and rule (or [hazard]) */
    keys = malloc((r->n_risks + 1) * sizeof(*keys));
    rl = malloc((r->n_risks + 1) * sizeof(*rl));
    rq = malloc((p->risks.n + 1) * sizeof(*rq));
    rcur = malloc((r->n_risks + 1) * sizeof(*rcur));
    rprev = malloc((p->risks.n + 1) * sizeof(*rprev));
    if (!keys || !rl || !rq || !rcur || !rprev)
        goto nomem;
    for (i = 0; i < r->n_risks; i++) {
        k3a__hist_risk_key(r, &r->risks[i], keys[i], sizeof(keys[i]));
        rl[i].a = r->risks[i].element;
        rl[i].b = keys[i];
        rl[i].i = i;
    }
    for (k = 0; k < p->risks.n; k++) {
        rq[k].a = k3a_rows_get(&p->risks, k, 0);
        rq[k].b = k3a_rows_get(&p->risks, k, 1);
        rq[k].i = k;
    }
    match_keys(rl, r->n_risks, rq, p->risks.n, rcur, rprev);
    for (i = 0; i < r->n_risks; i++) {
        const struct k3a_risk *q = &r->risks[i];
        const char *lv = q->band ? k3a_risk_level_name(q->band->level) : "";
        long j = rcur[i];
        if (j >= 0) {
            const char *plv = k3a_rows_get(&p->risks, (size_t)j, 2);
            if (lrank(plv) == lrank(lv))
                continue;
            snprintf(before, sizeof(before), "%s (P%s S%s)", plv,
                     k3a_rows_get(&p->risks, (size_t)j, 3),
                     k3a_rows_get(&p->risks, (size_t)j, 4));
            snprintf(after, sizeof(after), "%s (P%d S%d)", lv, q->likelihood, q->severity);
            risk_reason(p, r, &m, q->source, NULL, reason, sizeof(reason));
            if (!reason[0])
                snprintf(reason, sizeof(reason), "P%s S%s -> P%d S%d",
                         k3a_rows_get(&p->risks, (size_t)j, 3),
                         k3a_rows_get(&p->risks, (size_t)j, 4), q->likelihood, q->severity);
            if (add_change(c, K3A_CHG_RISK,
                           lrank(lv) > lrank(plv) ? K3A_CHG_WORSE : K3A_CHG_BETTER,
                           q->element, q->hazard_en, q->hazard_id, before, after, NAN, NAN,
                           reason))
                goto nomem;
        } else {
            snprintf(after, sizeof(after), "%s (P%d S%d)", lv, q->likelihood, q->severity);
            risk_reason(p, r, &m, q->source, NULL, reason, sizeof(reason));
            if (add_change(c, K3A_CHG_RISK, K3A_CHG_NEW, q->element, q->hazard_en, q->hazard_id,
                           "", after, NAN, NAN, reason))
                goto nomem;
        }
    }
    for (k = 0; k < p->risks.n; k++) {
        if (rprev[k] >= 0)
            continue;
        snprintf(before, sizeof(before), "%s (P%s S%s)", k3a_rows_get(&p->risks, k, 2),
                 k3a_rows_get(&p->risks, k, 3), k3a_rows_get(&p->risks, k, 4));
        risk_reason(p, r, &m, NULL, k3a_rows_get(&p->risks, k, 5), reason, sizeof(reason));
        if (add_change(c, K3A_CHG_RISK, K3A_CHG_CLOSED, k3a_rows_get(&p->risks, k, 0),
                       k3a_rows_get(&p->risks, k, 6), k3a_rows_get(&p->risks, k, 7), before,
                       "", NAN, NAN, reason))
            goto nomem;
    }
    /* measurement trends: insulation per circuit, earthing per electrode,
     * against the latest earlier value */
    for (i = 0; r->earth && i < s->n_earthings + s->n_insulations; i++) {
        int ins = i >= s->n_earthings;
        size_t e = ins ? i - s->n_earthings : i;
        double now, then = NAN;
        const char *q = ins ? "min_Mohm" : "resistance_ohm";
        const char *unit = ins ? "Mohm" : "ohm";
        enum k3a_change_kind kind;
        if (ins && !r->ir)
            break;
        now = ins ? r->ir[e].min_Mohm : r->earth[e].judged_ohm;
        snprintf(el, sizeof(el), "%s %s", ins ? "insulation" : "earthing",
                 ins ? s->insulations[e].hdr.name : s->earthings[e].hdr.name);
        for (k = p->vk ? k3a__hist_mkey_lower(p->vk, p->vals.n, el, q) : p->vals.n;
             k < p->vals.n && strcmp(p->vk[k].a, el) == 0 && strcmp(p->vk[k].b, q) == 0; k++)
            if (strcmp(k3a_rows_get(&p->vals, p->vk[k].i, 4), p->date) == 0)
                then = strtod(k3a_rows_get(&p->vals, p->vk[k].i, 2), NULL);
        if (!isfinite(now) || !isfinite(then))
            continue;
        /* a change within 1 % is the same reading */
        if (fabs(now - then) <= 0.01 * fabs(then))
            kind = K3A_CHG_SAME;
        else if (ins)
            kind = now > then ? K3A_CHG_BETTER : K3A_CHG_WORSE;
        else
            kind = now < then ? K3A_CHG_BETTER : K3A_CHG_WORSE;
        snprintf(before, sizeof(before), "%.4g %s", then, unit);
        snprintf(after, sizeof(after), "%.4g %s", now, unit);
        if (add_change(c, K3A_CHG_MEASUREMENT, kind, el, q, NULL, before, after, then, now,
                       NULL))
            goto nomem;
    }
    free(keys);
    free(rl);
    free(rq);
    free(rcur);
    free(rprev);
    free(m.cur_prev);
    free(m.prev_cur);
    return K3A_OK;
nomem:
    free(keys);
    free(rl);
    free(rq);
    free(rcur);
    free(rprev);
    free(m.cur_prev);
    free(m.prev_cur);
    return K3A_E_NOMEM;
}

