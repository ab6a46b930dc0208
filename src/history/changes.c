/*
 * changes.c - what changed since the site's previous audit (history.h):
 * findings new, closed, worse, better; risks whose level moved, with the
 * reason in words; measurement trends.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "history/hist.h"
#include "k3audit/text.h"

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
        free(c->v[i].title);
    }
    free(c->v);
    free(c->summary);
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
                      const char *reason, const char *title)
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
    x->title = strdup(title ? title : "");
    if (!x->element || !x->check || !x->check_id || !x->before || !x->after || !x->reason ||
        !x->title) {
        free(x->element);
        free(x->check);
        free(x->check_id);
        free(x->before);
        free(x->after);
        free(x->reason);
        free(x->title);
        return -1;
    }
    c->n++;
    c->n_kind[kind]++;
    c->n_by[what][kind]++;
    return 0;
}

void k3a_changes_counts(const struct k3a_changes *c, enum k3a_lang lang, int with_same,
                        char *out, size_t n)
{
    static const char *const what_id[] = { "temuan", "risiko", "pengukuran" };
    static const char *const what_en[] = { "findings", "risks", "measurements" };
    static const char *const kind_id[] = { "baru", "selesai", "memburuk", "membaik", "tetap" };
    static const char *const kind_en[] = { "new", "closed", "worse", "better", "same" };
    /* the kinds each list can hold: a measurement is never new or closed,
     * a risk is listed only when its level moved (never the same) */
    static const enum k3a_change_kind fr[] = { K3A_CHG_NEW, K3A_CHG_CLOSED, K3A_CHG_WORSE,
                                               K3A_CHG_BETTER, K3A_CHG_SAME };
    static const enum k3a_change_kind ms[] = { K3A_CHG_WORSE, K3A_CHG_BETTER, K3A_CHG_SAME };
    size_t len = 0, w, k;
    int en = lang == K3A_LANG_EN;

    out[0] = '\0';
    for (w = 0; w < 3; w++) {
        const enum k3a_change_kind *kinds = w == K3A_CHG_MEASUREMENT ? ms : fr;
        size_t nk = (w == K3A_CHG_MEASUREMENT ? 3u : 5u) -
                    (with_same && w != K3A_CHG_RISK ? 0u : 1u);
        for (k = 0; k < nk && len + 1 < n; k++) {
            int wr = snprintf(out + len, n - len, "%s%s%s%zu %s", k ? ", " : w ? "; " : "",
                              k ? "" : en ? what_en[w] : what_id[w], k ? "" : ": ",
                              c->n_by[w][kinds[k]], en ? kind_en[kinds[k]] : kind_id[kinds[k]]);
            if (wr < 0 || (size_t)wr >= n - len)
                return;
            len += (size_t)wr;
        }
    }
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

/* A stored finding id's number (F0012 -> 12), -1 for another shape. */
static long id_number(const char *id)
{
    return id[0] == 'F' ? strtol(id + 1, NULL, 10) : -1;
}

/* The same among the previous audit's rows.  They are kept in the order
 * of their numbers, but not all of them (passing rows only where the
 * comparison looks), so row k is not F(k+1): found by bisection, and by
 * a scan only for an id of another shape. */
static long prev_by_id(const struct k3a_history_prev *p, const char *id)
{
    long want = id_number(id);
    size_t lo = 0, hi = p->finds.n, i;

    while (want >= 0 && lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (id_number(k3a_rows_get(&p->finds, mid, 5)) < want)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (want >= 0 && lo < p->finds.n && strcmp(k3a_rows_get(&p->finds, lo, 5), id) == 0)
        return (long)lo;
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

/* A stored finding's unit or clause in lang: col the Bahasa Indonesia
 * text, col_en the English one (schema 3; "" when the same, or not kept). */
static const char *prev_in(const struct k3a_history_prev *p, size_t row, size_t col,
                           size_t col_en, enum k3a_lang lang)
{
    const char *en = lang == K3A_LANG_EN ? k3a_rows_get(&p->finds, row, col_en) : "";
    return en[0] ? en : k3a_rows_get(&p->finds, row, col);
}

static void prev_text(const struct k3a_history_prev *p, long k, enum k3a_lang lang, char *out,
                      size_t n)
{
    const char *m = k3a_rows_get(&p->finds, (size_t)k, 3);
    measured_text(m[0] ? strtod(m, NULL) : NAN, m[0] != 0,
                  prev_in(p, (size_t)k, 4, 10, lang), k3a_rows_get(&p->finds, (size_t)k, 2),
                  out, n);
}

/* ---- the reason in words ---------------------------------------------- */

#define L(id, en) (lang == K3A_LANG_EN ? (en) : (id))

/* A text of a fixed size; full once cut (nothing more is added, so no
 * piece is missing in its middle). */
struct text {
    char *s;
    size_t n, len;
    int full;
};

static void put(struct text *t, const char *fmt, ...) K3A_PRINTF1(2, 3);
static void put(struct text *t, const char *fmt, ...)
{
    va_list ap;
    int w;

    if (t->full || t->len + 1 >= t->n)
        return;
    va_start(ap, fmt);
    w = k3a__vfmt(t->s + t->len, t->n - t->len, fmt, ap);
    va_end(ap);
    if (w < 0) {
        t->s[t->len] = '\0';
        return;
    }
    if ((size_t)w < t->n - t->len) {
        t->len += (size_t)w;
    } else {
        /* cut: back up to the start of a UTF-8 character the cut split
         * (the JSON, the workbook's XML and the PDF need whole ones) */
        size_t e = t->n - 1, k = e;
        while (k > t->len && ((unsigned char)t->s[k - 1] & 0xC0) == 0x80)
            k--;
        if (k > t->len) {
            unsigned char lead = (unsigned char)t->s[k - 1];
            size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
            if (e - (k - 1) < need)
                e = k - 1;
        }
        t->s[e] = '\0';
        t->len = e;
        t->full = 1;
    }
}

/* A value as the language writes it (decimal comma in Bahasa Indonesia),
 * with as many digits (3 at least) as keep it on its side of the limit. */
static const char *num_text(double v, double limit, enum k3a_lang lang, char *out, size_t n)
{
    char *c;
    int d;

    for (d = 3; d <= 12; d++) {
        k3a__fmt(out, n, "%.*g", d, v);
        if (!isfinite(limit) || ((strtod(out, NULL) > limit) == (v > limit) &&
                                 (strtod(out, NULL) < limit) == (v < limit)))
            break;
    }
    /* 1000 V, not "1e+03 V" */
    if (strchr(out, 'e') && fabs(v) >= 1 && fabs(v) < 1e15)
        k3a__fmt(out, n, "%.0f", v);
    if (lang != K3A_LANG_EN && (c = strchr(out, '.')) != NULL)
        *c = ',';
    return out;
}

/* A finding's unit as a reader writes it. */
static const char *unit_text(const char *u, enum k3a_lang lang)
{
    if (!u || !*u || strcmp(u, "-") == 0)
        return "";
    if (strcmp(u, "ohm") == 0)
        return "Ω";
    if (strcmp(u, "Mohm") == 0)
        return "MΩ";
    if (strcmp(u, "cal/cm2") == 0)
        return "cal/cm²";
    if (strcmp(u, "mm2") == 0)
        return "mm²";
    if (strcmp(u, "W/m2") == 0)
        return "W/m²";
    if (strcmp(u, "C") == 0)
        return "°C";
    if (strcmp(u, "month") == 0)
        return L("bulan", "months");
    if (strcmp(u, "year") == 0)
        return L("tahun", "years");
    if (strcmp(u, "day") == 0)
        return L("hari", "days");
    return u;
}

/* "7,8 Ω" */
static void put_value(struct text *t, double v, double limit, const char *unit,
                      enum k3a_lang lang)
{
    char b[48];
    const char *u = unit_text(unit, lang);
    put(t, "%s%s%s", num_text(v, limit, lang, b, sizeof(b)), *u ? " " : "", u);
}

static const char *verdict_word(int rank, enum k3a_lang lang)
{
    return k3a_text(lang, rank == 2 ? K3A_T_V_FAIL : rank == 1 ? K3A_T_V_WARN : K3A_T_V_PASS);
}

/* One audit's side of a finding, for the words. */
struct fside {
    int has, has_v, has_lim, rank; /* rank: 0 pass, 1 warn, 2 fail */
    double v, lim;
    const char *unit, *title, *clause;
};

static struct fside side_now(const struct k3a_results *r, long i, enum k3a_lang lang)
{
    struct fside x;
    memset(&x, 0, sizeof(x));
    if (i >= 0) {
        const struct k3a_finding *f = &r->findings[i];
        x.has = 1;
        x.has_v = f->has_measured && isfinite(f->measured);
        x.v = f->measured;
        x.has_lim = f->has_limit && isfinite(f->limit);
        x.lim = f->limit;
        x.rank = f->verdict == K3A_FAIL ? 2 : f->verdict == K3A_WARN ? 1 : 0;
        x.unit = f->unit;
        x.title = k3a_finding_title(f, lang);
        x.clause = f->clause;
    }
    return x;
}

static struct fside side_then(const struct k3a_history_prev *p, long k, enum k3a_lang lang)
{
    struct fside x;
    memset(&x, 0, sizeof(x));
    if (k >= 0) {
        size_t row = (size_t)k;
        const char *m = k3a_rows_get(&p->finds, row, 3), *l = k3a_rows_get(&p->finds, row, 6);
        const char *tid = k3a_rows_get(&p->finds, row, 8), *ten = k3a_rows_get(&p->finds, row, 9);
        x.has = 1;
        x.has_v = m[0] != '\0';
        x.v = x.has_v ? strtod(m, NULL) : NAN;
        x.has_lim = l[0] != '\0';
        x.lim = x.has_lim ? strtod(l, NULL) : NAN;
        x.rank = vrank(k3a_rows_get(&p->finds, row, 2));
        x.unit = prev_in(p, row, 4, 10, lang);
        x.title = lang == K3A_LANG_EN ? (ten[0] ? ten : tid) : (tid[0] ? tid : ten);
        x.clause = prev_in(p, row, 7, 11, lang);
    }
    return x;
}

/* Did the finding move between the two audits (verdict or value)? */
static int moved(const struct fside *then, const struct fside *now)
{
    return then->has != now->has || then->rank != now->rank || then->has_v != now->has_v ||
           (then->has_v && now->has_v && fabs(now->v - then->v) > 1e-9 * fabs(then->v)) ||
           (then->has_lim && now->has_lim && fabs(now->lim - then->lim) > 1e-9 * fabs(then->lim));
}

/* Is the element ("bus PP-LIGHT") still in the site file? */
static int in_site(const struct k3a_results *r, const char *element)
{
    const char *name = strchr(element, ' ');
    enum k3a_kind kind;
    int32_t idx;

    if (!name) /* the site itself */
        return 1;
    return r->site && k3a_site_find(r->site, name + 1, &kind, &idx);
}

/* What became of a check made in the previous audit and not in this one:
 * its element left the site file, or it is no longer judged this way (the
 * element is there: another reading or rule judges it now). */
static const char *gone_text(int present, enum k3a_lang lang)
{
    return present ? L("tidak lagi dinilai dengan cara ini", "no longer judged this way")
                   : L("tidak diperiksa lagi (tidak ada di berkas lokasi)",
                       "no longer checked (not in the site file)");
}

/* A finding said in words: what was checked, how its value moved against
 * its limit and the clause, and its verdict then and now:
 * "Tahanan pembumian E-BODY-PROD turun dari 7,8 Ω ke 3,5 Ω (batas 5 Ω,
 * PUIL 2011 ...): TIDAK MEMENUHI → MEMENUHI". */
static void put_finding(struct text *t, const struct fside *then, const struct fside *now,
                        const char *element, int present, enum k3a_lang lang)
{
    const struct fside *cur = now->has ? now : then;
    const char *subject = cur->title && *cur->title ? cur->title : NULL;
    const char *clause = now->has && now->clause && *now->clause ? now->clause
                                                                  : then->clause;
    double lim = cur->has_lim ? cur->lim : NAN;
    char eb[256];

    if (!subject && then->has && then->title && *then->title)
        subject = then->title;
    if (!subject)
        subject = k3a_element_text(element, lang, eb, sizeof(eb));
    put(t, "%s", subject);
    if (then->has_v && now->has_v) {
        if (fabs(now->v - then->v) > 1e-9 * fabs(then->v)) {
            put(t, " %s ", now->v > then->v ? L("naik dari", "rose from")
                                            : L("turun dari", "fell from"));
            put_value(t, then->v, lim, then->unit, lang);
            put(t, " %s ", L("ke", "to"));
            put_value(t, now->v, lim, now->unit, lang);
        } else {
            put(t, " %s ", L("tetap", "unchanged at"));
            put_value(t, now->v, lim, now->unit, lang);
        }
    } else if (now->has_v) {
        put(t, " ");
        put_value(t, now->v, lim, now->unit, lang);
    } else if (then->has_v) {
        put(t, " ");
        put_value(t, then->v, lim, then->unit, lang);
    }
    if (cur->has_lim || (clause && *clause)) {
        put(t, " (");
        if (cur->has_lim) {
            int was = then->has && now->has && then->has_lim && now->has_lim &&
                      fabs(now->lim - then->lim) > 1e-9 * fabs(then->lim);
            put(t, "%s ", was ? L("batas kini", "limit now") : L("batas", "limit"));
            put_value(t, cur->lim, NAN, cur->unit, lang);
            if (was) {
                put(t, ", %s ", L("sebelumnya", "was"));
                put_value(t, then->lim, NAN, then->unit, lang);
            }
        }
        if (clause && *clause)
            put(t, "%s%s", cur->has_lim ? ", " : "", clause);
        put(t, ")");
    }
    if (then->has && now->has)
        put(t, ": %s → %s", verdict_word(then->rank, lang), verdict_word(now->rank, lang));
    else if (now->has)
        put(t, ": %s", verdict_word(now->rank, lang));
    else
        put(t, ": %s → %s", verdict_word(then->rank, lang), gone_text(present, lang));
}

/* The next id of a risk's source list ("F0003, F0007, ..."), walked in
 * place (any length): 1 and the id in tok, 0 at the end.  An id too long
 * for tok is no finding's: given as "" (matches none). */
static int next_id(const char **at, char *tok, size_t n)
{
    const char *s = *at, *e;

    while (*s == ',' || *s == ' ')
        s++;
    if (!*s)
        return 0;
    for (e = s; *e && *e != ',' && *e != ' '; e++)
        ;
    if ((size_t)(e - s) < n) {
        memcpy(tok, s, (size_t)(e - s));
        tok[e - s] = '\0';
    } else {
        tok[0] = '\0';
    }
    *at = e;
    return 1;
}

/* Why a risk moved, in words: the findings it rests on that moved, each
 * with its value then and now, limit, clause and verdicts (all of them
 * when none moved), then the likelihood and severity when they changed
 * without a finding that moved. */
static void risk_reason(const struct k3a_history_prev *p, const struct k3a_results *r,
                        const struct k3a_fmatch *m, const char *source, const char *prev_source,
                        const char *prev_el,
                        int p0, int s0, int p1, int s1, enum k3a_lang lang, char *out,
                        size_t n)
{
    struct text t = { out, n, 0, 0 };
    const char *at;
    char tok[24];
    int pass, any = 0, any_moved = 0;

    out[0] = '\0';
    /* pass 0: the findings that moved; pass 1 (none moved): all of them */
    for (pass = 0; pass < 2 && !any_moved; pass++) {
        if (source && *source) {
            for (at = source; next_id(&at, tok, sizeof(tok));) {
                long i = finding_by_id(r, tok);
                struct fside now, then;
                if (i < 0)
                    continue;
                now = side_now(r, i, lang);
                then = side_then(p, m->cur_prev[i], lang);
                if (pass == 0 && !moved(&then, &now))
                    continue;
                put(&t, "%s", any ? "; " : "");
                put_finding(&t, &then, &now, r->findings[i].element, 1, lang);
                any = 1;
                any_moved |= pass == 0;
            }
        } else if (prev_source && *prev_source) {
            /* a risk closed: its earlier findings are gone or pass now */
            for (at = prev_source; next_id(&at, tok, sizeof(tok));) {
                long k = prev_by_id(p, tok);
                struct fside now, then;
                if (k < 0)
                    continue;
                then = side_then(p, k, lang);
                now = side_now(r, m->prev_cur[k], lang);
                if (pass == 0 && !moved(&then, &now))
                    continue;
                put(&t, "%s", any ? "; " : "");
                put_finding(&t, &then, &now, k3a_rows_get(&p->finds, (size_t)k, 0),
                            now.has || in_site(r, k3a_rows_get(&p->finds, (size_t)k, 0)), lang);
                any = 1;
                any_moved |= pass == 0;
            }
        }
    }
    if (!any_moved && p0 > 0 && p1 > 0 && (p0 != p1 || s0 != s1)) {
        put(&t, "%s%s %d → %d, %s %d → %d", any ? "; " : "",
            L("kemungkinan (P)", "likelihood (P)"), p0, p1, L("keparahan (S)", "severity (S)"),
            s0, s1);
        any = 1;
    }
    if (!any && p1 == 0)
        put(&t, "%s", prev_source && in_site(r, prev_el)
                          ? L("tidak lagi dinilai dalam audit ini",
                              "no longer assessed in this audit")
                          : L("tidak lagi dinilai dalam audit ini (tidak ada di berkas lokasi)",
                              "no longer assessed in this audit (not in the site file)"));
}

/* A stored finding's measured value, NAN when none. */
static double prev_value(const struct k3a_history_prev *p, long k)
{
    const char *m = k3a_rows_get(&p->finds, (size_t)k, 3);
    return m[0] ? strtod(m, NULL) : NAN;
}

/* ---- the one line on Ringkasan ----------------------------------------- */

struct sitem {
    const char *el;
    size_t order; /* measurements first, then findings, each in their order */
    size_t i;
};

static int sitem_by_el(const void *x, const void *y)
{
    const struct sitem *a = x, *b = y;
    int c = strcmp(a->el, b->el);
    return c ? c : a->order < b->order ? -1 : a->order > b->order;
}

static int sitem_by_order(const void *x, const void *y)
{
    const struct sitem *a = x, *b = y;
    return a->order < b->order ? -1 : a->order > b->order;
}

/* One change in a few words: "tahanan pembumian E-BODY-PROD 7,8 → 3,5 Ω". */
static void put_item(struct text *t, const struct k3a_change *x, const struct k3a_results *r,
                     enum k3a_lang lang)
{
    char eb[256];
    const char *unit = "";

    if (x->what == K3A_CHG_MEASUREMENT) {
        const char *name = strchr(x->element, ' ');
        int ins = strcmp(x->check, "min_Mohm") == 0;
        put(t, "%s %s: ", ins ? L("Tahanan isolasi terendah", "Lowest insulation resistance")
                              : L("Tahanan pembumian", "Earthing resistance"),
            name ? name + 1 : x->element);
        unit = ins ? "Mohm" : "ohm";
    } else if (x->finding >= 0) {
        const struct k3a_finding *f = &r->findings[x->finding];
        put(t, "%s: ", k3a_finding_title(f, lang));
        unit = f->unit;
    } else {
        put(t, "%s: %s", x->title && *x->title ? x->title
                                               : k3a_element_text(x->element, lang, eb, sizeof(eb)),
            gone_text(in_site(r, x->element), lang));
        return;
    }
    if (isfinite(x->before_v) && isfinite(x->after_v)) {
        char b[48];
        put(t, "%s → ", num_text(x->before_v, NAN, lang, b, sizeof(b)));
        put_value(t, x->after_v, NAN, unit, lang);
    } else if (isfinite(x->after_v)) {
        put_value(t, x->after_v, NAN, unit, lang);
    }
    if (x->what == K3A_CHG_FINDING) {
        const struct k3a_finding *f = &r->findings[x->finding];
        int rank = f->verdict == K3A_FAIL ? 2 : f->verdict == K3A_WARN ? 1 : 0;
        put(t, "%s(%s)", isfinite(x->after_v) ? " " : "", verdict_word(rank, lang));
    }
}

/* The elements with changes of kind a or b, each once (by its
 * measurement when it has one), at most 6 and how many more. */
static void put_items(struct text *t, const char *heading, const struct k3a_changes *c,
                      const struct k3a_results *r, enum k3a_change_kind a,
                      enum k3a_change_kind b, int cal, struct sitem *it, enum k3a_lang lang)
{
    size_t i, n = 0, kept = 0;

    for (i = 0; i < c->n; i++) {
        const struct k3a_change *x = &c->v[i];
        if ((x->kind != a && x->kind != b) || x->what == K3A_CHG_RISK)
            continue;
        /* cal: only the findings tested with an instrument past its
         * calibration date */
        if (cal && !(x->what == K3A_CHG_FINDING && x->finding >= 0 &&
                     r->findings[x->finding].cal_expired))
            continue;
        it[n].el = x->element;
        it[n].order = (x->what == K3A_CHG_MEASUREMENT ? 0 : c->n) + i;
        it[n].i = i;
        n++;
    }
    qsort(it, n, sizeof(*it), sitem_by_el);
    for (i = 0; i < n; i++)
        if (!kept || strcmp(it[kept - 1].el, it[i].el) != 0)
            it[kept++] = it[i];
    qsort(it, kept, sizeof(*it), sitem_by_order);
    /* the heading counts what it lists: the elements */
    if (kept)
        put(t, "%s (%zu %s):", heading, kept, L("elemen", kept == 1 ? "element" : "elements"));
    else
        put(t, "%s:", heading);
    for (i = 0; i < kept && i < 6; i++) {
        put(t, "%s", i ? "; " : " ");
        put_item(t, &c->v[it[i].i], r, lang);
    }
    if (!kept && !cal)
        put(t, " -");
    else if (kept > 6)
        put(t, " (+%zu %s)", kept - 6, L("lainnya", "more"));
}

/* "Membaik: ...; .... Memburuk: ...." in the report's language. */
static int summary(struct k3a_changes *c, const struct k3a_results *r, enum k3a_lang lang)
{
    struct sitem *it = malloc((c->n + 1) * sizeof(*it));
    char *buf = malloc(4096);
    struct text t = { buf, 4096, 0, 0 };
    size_t i;

    if (!it || !buf) {
        free(it);
        free(buf);
        return -1;
    }
    buf[0] = '\0';
    /* the headings name every kind listed under them */
    put_items(&t, L("Membaik atau selesai", "Improved or closed"), c, r, K3A_CHG_BETTER,
              K3A_CHG_CLOSED, 0, it, lang);
    put(&t, ". ");
    put_items(&t, L("Memburuk atau baru", "Got worse or new"), c, r, K3A_CHG_WORSE, K3A_CHG_NEW,
              0, it, lang);
    /* failing or warning both times, a WARN now only because the
     * instrument is past its calibration date (new ones are new above) */
    for (i = 0; i < c->n; i++)
        if (c->v[i].what == K3A_CHG_FINDING && c->v[i].kind == K3A_CHG_SAME &&
            c->v[i].finding >= 0 && r->findings[c->v[i].finding].cal_expired)
            break;
    if (i < c->n) {
        put(&t, ". ");
        put_items(&t, L("Tidak diuji ulang dengan alat ukur terkalibrasi",
                        "Not re-tested with a calibrated instrument"),
                  c, r, K3A_CHG_SAME, K3A_CHG_SAME, 1, it, lang);
    }
    put(&t, ".");
    free(it);
    free(c->summary);
    c->summary = buf;
    return 0;
}

/* ---- the steps of the comparison ---------------------------------------- */

/* This audit's findings: new, worse, better, same (failing or warning
 * then and now), closed (failing or warning then, passing now).  0, or
 * -1 out of memory. */
static int compare_findings(const struct k3a_history_prev *p, const struct k3a_results *r,
                            const struct k3a_fmatch *m, enum k3a_lang lang,
                            struct k3a_changes *c)
{
    char before[96], after[96], el[256];
    size_t i;

    for (i = 0; i < r->n_findings; i++) {
        const struct k3a_finding *f = &r->findings[i];
        long j = m->cur_prev[i];
        int now = f->verdict == K3A_FAIL ? 2 : f->verdict == K3A_WARN ? 1 : 0, then = 0;
        enum k3a_change_kind kind;
        const char *title;
        if (j >= 0) {
            then = vrank(k3a_rows_get(&p->finds, (size_t)j, 2));
            prev_text(p, j, lang, before, sizeof(before));
        } else {
            before[0] = '\0';
        }
        if (!now && !then)
            continue;
        if (!now)
            kind = K3A_CHG_CLOSED;
        else if (j < 0 || !then)
            kind = K3A_CHG_NEW;
        else if (f->cal_expired)
            /* a WARN only because the instrument is past its calibration
             * date says nothing of the installation: neither better nor
             * worse, but not re-tested with a calibrated instrument
             * (listed so on the summary line) */
            kind = K3A_CHG_SAME;
        else
            kind = now > then ? K3A_CHG_WORSE : now < then ? K3A_CHG_BETTER : K3A_CHG_SAME;
        measured_text(f->measured, f->has_measured, f->unit, k3a__hist_verdict_name(f->verdict),
                      after, sizeof(after));
        title = k3a_finding_title(f, lang);
        if (!title || !*title)
            title = k3a_element_text(f->element, lang, el, sizeof(el));
        /* check_id: what was checked in words, never the check's key */
        if (add_change(c, K3A_CHG_FINDING, kind, f->element, f->check, title, before, after,
                       j >= 0 ? prev_value(p, j) : NAN, f->has_measured ? f->measured : NAN,
                       NULL, title))
            return -1;
        c->v[c->n - 1].finding = (long)i;
    }
    return 0;
}

/* The previous audit's failing or warning findings that this audit does
 * not make: closed.  0, or -1 out of memory. */
static int compare_gone(const struct k3a_history_prev *p, const struct k3a_fmatch *m,
                        enum k3a_lang lang, struct k3a_changes *c)
{
    char before[96], el[256];
    const char *title;
    size_t k;

    for (k = 0; k < p->finds.n; k++) {
        if (m->prev_cur[k] >= 0 || !vrank(k3a_rows_get(&p->finds, k, 2)))
            continue;
        prev_text(p, (long)k, lang, before, sizeof(before));
        /* named as the store kept it; a store of schema 1 kept no title:
         * by its element in words (never the check's key) */
        title = side_then(p, (long)k, lang).title;
        if (!title || !*title)
            title = k3a_element_text(k3a_rows_get(&p->finds, k, 0), lang, el, sizeof(el));
        if (add_change(c, K3A_CHG_FINDING, K3A_CHG_CLOSED, k3a_rows_get(&p->finds, k, 0),
                       k3a_rows_get(&p->finds, k, 1), title, before, "", prev_value(p, (long)k),
                       NAN, NULL, title))
            return -1;
    }
    return 0;
}

/* Risks paired by element and rule (or [hazard]): rcur[i] the previous
 * row of this audit's risk i, rprev[k] the reverse (-1 none).  0, or -1
 * out of memory. */
static int pair_risks(const struct k3a_history_prev *p, const struct k3a_results *r, long *rcur,
                      long *rprev)
{
    char (*keys)[160] = malloc((r->n_risks + 1) * sizeof(*keys));
    struct mkey *rl = malloc((r->n_risks + 1) * sizeof(*rl));
    struct mkey *rq = malloc((p->risks.n + 1) * sizeof(*rq));
    size_t i, k;
    int rc = -1;

    if (keys && rl && rq) {
        for (i = 0; i < r->n_risks; i++) {
            k3a__hist_risk_key(r, &r->risks[i], keys[i], sizeof(keys[i]));
            rl[i].a = r->risks[i].element;
            rl[i].b = keys[i];
            rl[i].i = i;
            rcur[i] = -1;
        }
        for (k = 0; k < p->risks.n; k++) {
            rq[k].a = k3a_rows_get(&p->risks, k, 0);
            rq[k].b = k3a_rows_get(&p->risks, k, 1);
            rq[k].i = k;
            rprev[k] = -1;
        }
        rc = k3a__hist_pair(rl, r->n_risks, rq, p->risks.n, rcur, rprev);
    }
    free(keys);
    free(rl);
    free(rq);
    return rc;
}

/* "high (P2 S4)" of the previous audit's risk row k */
static void prev_level(const struct k3a_history_prev *p, size_t k, char *out, size_t n)
{
    snprintf(out, n, "%s (P%s S%s)", k3a_rows_get(&p->risks, k, 2),
             k3a_rows_get(&p->risks, k, 3), k3a_rows_get(&p->risks, k, 4));
}

/* Every risk whose level moved (new, worse, better, closed), with what
 * moved it.  0, or -1 out of memory. */
static int compare_risks(const struct k3a_history_prev *p, const struct k3a_results *r,
                         const struct k3a_fmatch *m, enum k3a_lang lang,
                         struct k3a_changes *c)
{
    long *rcur = malloc((r->n_risks + 1) * sizeof(*rcur));
    long *rprev = malloc((p->risks.n + 1) * sizeof(*rprev));
    char before[96], after[96], reason[1536];
    size_t i, k;
    int rc = -1;

    if (!rcur || !rprev || pair_risks(p, r, rcur, rprev))
        goto out;
    for (i = 0; i < r->n_risks; i++) {
        const struct k3a_risk *q = &r->risks[i];
        const char *lv = q->band ? k3a_risk_level_name(q->band->level) : "";
        long j = rcur[i];
        int p0 = 0, s0 = 0;
        enum k3a_change_kind kind = K3A_CHG_NEW;
        before[0] = '\0';
        if (j >= 0) {
            const char *plv = k3a_rows_get(&p->risks, (size_t)j, 2);
            if (lrank(plv) == lrank(lv))
                continue;
            prev_level(p, (size_t)j, before, sizeof(before));
            p0 = atoi(k3a_rows_get(&p->risks, (size_t)j, 3));
            s0 = atoi(k3a_rows_get(&p->risks, (size_t)j, 4));
            kind = lrank(lv) > lrank(plv) ? K3A_CHG_WORSE : K3A_CHG_BETTER;
        }
        snprintf(after, sizeof(after), "%s (P%d S%d)", lv, q->likelihood, q->severity);
        risk_reason(p, r, m, q->source, NULL, NULL, p0, s0, q->likelihood, q->severity, lang,
                    reason, sizeof(reason));
        if (add_change(c, K3A_CHG_RISK, kind, q->element, q->hazard_en, q->hazard_id, before,
                       after, NAN, NAN, reason, NULL))
            goto out;
    }
    for (k = 0; k < p->risks.n; k++) {
        if (rprev[k] >= 0)
            continue;
        prev_level(p, k, before, sizeof(before));
        risk_reason(p, r, m, NULL, k3a_rows_get(&p->risks, k, 5), k3a_rows_get(&p->risks, k, 0),
                    atoi(k3a_rows_get(&p->risks, k, 3)), atoi(k3a_rows_get(&p->risks, k, 4)), 0,
                    0, lang, reason, sizeof(reason));
        if (add_change(c, K3A_CHG_RISK, K3A_CHG_CLOSED, k3a_rows_get(&p->risks, k, 0),
                       k3a_rows_get(&p->risks, k, 6), k3a_rows_get(&p->risks, k, 7), before, "",
                       NAN, NAN, reason, NULL))
            goto out;
    }
    rc = 0;
out:
    free(rcur);
    free(rprev);
    return rc;
}

/* The previous audit's reading of element's quantity q, NAN when none. */
static double prev_reading(const struct k3a_history_prev *p, const char *el, const char *q)
{
    double then = NAN;
    size_t k;

    for (k = p->vk ? k3a__hist_mkey_lower(p->vk, p->vals.n, el, q) : p->vals.n;
         k < p->vals.n && strcmp(p->vk[k].a, el) == 0 && strcmp(p->vk[k].b, q) == 0; k++)
        if (strcmp(k3a_rows_get(&p->vals, p->vk[k].i, 4), p->date) == 0)
            then = strtod(k3a_rows_get(&p->vals, p->vk[k].i, 2), NULL);
    return then;
}

/* Measurement trends: insulation per circuit, earthing per electrode,
 * against the latest earlier value.  0, or -1 out of memory. */
static int compare_trends(const struct k3a_history_prev *p, const struct k3a_results *r,
                          struct k3a_changes *c)
{
    const struct k3a_site *s = r->site;
    char before[96], after[96], el[256];
    size_t i;

    for (i = 0; i < s->n_earthings + s->n_insulations; i++) {
        int ins = i >= s->n_earthings;
        size_t e = ins ? i - s->n_earthings : i;
        double now, then;
        const char *q = ins ? "min_Mohm" : "resistance_ohm";
        const char *unit = ins ? "Mohm" : "ohm";
        enum k3a_change_kind kind;
        if (ins ? !r->ir : !r->earth)
            continue;
        now = ins ? r->ir[e].min_Mohm : r->earth[e].judged_ohm;
        snprintf(el, sizeof(el), "%s %s", ins ? "insulation" : "earthing",
                 ins ? s->insulations[e].hdr.name : s->earthings[e].hdr.name);
        then = prev_reading(p, el, q);
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
        if (add_change(c, K3A_CHG_MEASUREMENT, kind, el, q, NULL, before, after, then, now, NULL,
                       NULL))
            return -1;
    }
    return 0;
}

enum k3a_status k3a_history_compare(struct k3a_history_prev *p,
                                    const struct k3a_results *r, enum k3a_lang lang,
                                    struct k3a_changes *c)
{
    struct k3a_fmatch m = { NULL, NULL };
    int rc;

    if (!p || !p->has)
        return K3A_OK;
    if (p->rest) /* its passing findings not read: k3a_history_prev_complete */
        return K3A_E_ARG;
    c->has_previous = 1;
    snprintf(c->prev_date, sizeof(c->prev_date), "%s", p->date);
    snprintf(c->prev_sha256, sizeof(c->prev_sha256), "%s", p->sha);
    if (k3a__hist_fmatch(p, r, &m))
        return K3A_E_NOMEM;
    rc = compare_findings(p, r, &m, lang, c) || compare_gone(p, &m, lang, c) ||
         compare_risks(p, r, &m, lang, c) || compare_trends(p, r, c) || summary(c, r, lang);
    k3a__hist_fmatch_free(&m);
    return rc ? K3A_E_NOMEM : K3A_OK;
}
