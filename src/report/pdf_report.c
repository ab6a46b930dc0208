/*
 * pdf_report.c - the formal report ("Laporan Pemeriksaan dan Pengujian
 * Instalasi Listrik") as PDF: the chapters in order (the summary page in
 * pdf_summary.c, BAB III's findings in pdf_findings.c, BAB I and II's
 * tables in pdf_install.c), BAB III's changes, BAB IV-V, Pengesahan, and
 * the two passes that write it (k3a_report_write_pdf).
 *
 * The PDF writer is one module of several files (pdf.h lists them), the
 * only one that includes cairo and pango (and libqrencode).  It reads
 * struct k3a_results as the workbook writer does and lays the pages out
 * with pango: text wraps inside its cell, a table that reaches the foot
 * of a page goes on on the next one under its header again, and a cell
 * taller than a page is cut with an ellipsis rather than run over.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fmt.h"
#include "k3audit/history.h"
#include "pdf.h"
#include "pdfmod.h"

/* the module's version and struct sizes, checked by the program before it
 * calls k3a_report_write_pdf through the module (src/pdfmod.h) */
const struct k3a__pdf_abi k3a__pdf_module_abi = K3A__PDF_ABI_HERE;

/* ---- changes since the previous audit (history.h) ---------------------- */

/* A change's "7.8 ohm (fail)" or "extreme (P2 S5)" in the report's
 * language: verdicts and risk levels in its words, decimals with its
 * sign. */
static const char *change_text(const struct doc *d, const char *in, char *buf, size_t n)
{
    static const char *const vw[] = { "pass", "fail", "warn" };
    static const enum k3a_verdict vv[] = { K3A_PASS, K3A_FAIL, K3A_WARN };
    const struct k3a_risk_profile *p = &d->r->profile;
    size_t u = 0, k;
    const char *q = in ? in : "";

    if (!*q)
        return "-";
    for (k = 0; d->r->has_profile && p->file && k < p->file->n_bands; k++) {
        const struct k3a_band *b = &p->file->bands[k];
        const char *name = k3a_risk_level_name(b->level);
        size_t len = strlen(name);
        if (strncmp(q, name, len) == 0 && (q[len] == ' ' || q[len] == '\0'))
            return k3a__pdf_fmt(buf, n, "%s%s", k3a__pdf_band_label(d, b), q + len);
    }
    while (*q && u + 1 < n) {
        int hit = 0;
        for (k = 0; k < 3 && !hit; k++) {
            size_t len = strlen(vw[k]);
            if (strncmp(q, vw[k], len) == 0 && (q == in || q[-1] == '(' || q[-1] == ' ') &&
                (q[len] == ')' || q[len] == '\0')) {
                const char *w = k3a__pdf_verdict_word(d, vv[k]);
                size_t wl = strlen(w);
                if (u + wl + 1 >= n)
                    break;
                memcpy(buf + u, w, wl);
                u += wl;
                q += len;
                hit = 1;
            }
        }
        if (hit)
            continue;
        /* 7.8 -> 7,8 in Bahasa Indonesia */
        if (*q == '.' && d->lang != K3A_LANG_EN && q > in && q[-1] >= '0' && q[-1] <= '9' &&
            q[1] >= '0' && q[1] <= '9')
            buf[u++] = ',';
        else
            buf[u++] = *q;
        q++;
    }
    buf[u] = '\0';
    return buf;
}

/* What changed since the site's previous audit in the history: findings
 * new, closed, worse or better, risks whose level moved (with what moved
 * them) and measurements; what stayed the same is not listed. */
static void changes(struct doc *d, int sec)
{
    static const enum k3a_text_id kinds[] = { K3A_T_CHG_NEW, K3A_T_CHG_CLOSED, K3A_T_CHG_WORSE,
                                              K3A_T_CHG_BETTER, K3A_T_CHG_SAME };
    static const enum k3a_text_id whats[] = { K3A_T_CHG_FINDING, K3A_T_CHG_RISK,
                                              K3A_T_CHG_MEAS };
    const struct k3a_changes *c = d->o ? d->o->changes : NULL;
    const struct k3a_results *r = d->r;
    struct tcol cols[] = {
        { T(d, K3A_T_CHG_ITEM), 1.1, A_LEFT },     { T(d, K3A_T_CHG_WHAT), 1.2, A_LEFT },
        { T(d, K3A_T_ELEMENT), 1.9, A_LEFT },      { T(d, K3A_T_CHECK), 3.2, A_LEFT },
        { T(d, K3A_T_CHG_BEFORE), 1.7, A_LEFT },   { T(d, K3A_T_CHG_AFTER), 1.7, A_LEFT },
        { T(d, K3A_T_CHG_REASON), 3.2, A_LEFT },
    };
    struct table t;
    char head[160], buf[800], counts[512];
    size_t i, shown = 0;

    if (!c || !c->has_previous)
        return;
    k3a__pdf_fmt(head, sizeof(head), "3.%d  %s", sec, T(d, K3A_T_CHG_LINE));
    k3a__pdf_heading(d, head, F_H2);
    /* the counts of the rows below, each naming what it counts */
    k3a_changes_counts(c, d->lang, 0, counts, sizeof(counts));
    k3a__pdf_tfmt(buf, sizeof(buf), T(d, K3A_T_PDF_CHG_INTRO), c->prev_date, counts);
    k3a__pdf_para(d, buf, F_BODY);
    for (i = 0; i < c->n; i++)
        shown += c->v[i].kind != K3A_CHG_SAME;
    if (!shown)
        return;
    k3a__pdf_table_begin(d, &t, cols, 7, F_SMALL);
    for (i = 0; i < c->n; i++) {
        const struct k3a_change *x = &c->v[i];
        const char *row[7];
        unsigned bg[7] = { NO_BG, NO_BG, NO_BG, NO_BG, NO_BG, NO_BG, NO_BG };
        char b1[160], b2[160], el[200];
        if (x->kind == K3A_CHG_SAME)
            continue;
        row[0] = T(d, whats[x->what]);
        row[1] = T(d, kinds[x->kind]);
        k3a__pdf_fmt(el, sizeof(el), "%s",
                     nz(k3a_element_text(x->element, d->lang, d->ebuf, sizeof(d->ebuf))));
        row[2] = el;
        row[3] = d->lang == K3A_LANG_EN ? nz(x->check) : nz(x->check_id ? x->check_id : x->check);
        if (x->what == K3A_CHG_FINDING && x->finding >= 0 && (size_t)x->finding < r->n_findings)
            row[3] = k3a_finding_title(&r->findings[x->finding], d->lang);
        else if (x->what == K3A_CHG_FINDING && x->title && *x->title)
            row[3] = x->title; /* gone from the file: as the store kept it */
        else if (x->what == K3A_CHG_MEASUREMENT)
            row[3] = T(d, x->check && strcmp(x->check, "min_Mohm") == 0 ? K3A_T_CHG_Q_IR
                                                                        : K3A_T_CHG_Q_EARTH);
        row[4] = change_text(d, x->before, b1, sizeof(b1));
        row[5] = change_text(d, x->after, b2, sizeof(b2));
        if (x->what == K3A_CHG_MEASUREMENT) {
            /* the readings in the language's writing, with their unit */
            const char *u = x->check && strcmp(x->check, "min_Mohm") == 0 ? "M\u03a9" : "\u03a9";
            char v1[64], v2[64];
            if (isfinite(x->before_v))
                row[4] = k3a__pdf_fmt(b1, sizeof(b1), "%s\u00a0%s",
                                      k3a__pdf_numt(d, v1, sizeof(v1), x->before_v, 3), u);
            if (isfinite(x->after_v))
                row[5] = k3a__pdf_fmt(b2, sizeof(b2), "%s\u00a0%s",
                                      k3a__pdf_numt(d, v2, sizeof(v2), x->after_v, 3), u);
        }
        if (x->what == K3A_CHG_FINDING && x->finding >= 0 &&
            (size_t)x->finding < r->n_findings) {
            /* the finding as BAB III shows it: value, unit, verdict */
            const struct k3a_finding *f = &r->findings[x->finding];
            char mb[64], lb[64];
            k3a__pdf_num_pair(d, f->measured, f->has_measured, f->limit, f->has_limit, mb, lb,
                              sizeof(mb));
            if (f->has_measured)
                k3a__pdf_fmt(b2, sizeof(b2), "%s\u00a0%s (%s)", mb, k3a_finding_unit(f, d->lang),
                             k3a__pdf_verdict_word(d, f->verdict));
            else
                k3a__pdf_fmt(b2, sizeof(b2), "%s", k3a__pdf_verdict_word(d, f->verdict));
            row[5] = b2;
        }
        row[6] = nz(x->reason);
        bg[1] = x->kind == K3A_CHG_NEW || x->kind == K3A_CHG_WORSE ? C_FAIL : C_PASS;
        k3a__pdf_table_row(d, &t, row, bg);
    }
    k3a__pdf_table_end(d, &t);
}

/* ---- BAB IV ------------------------------------------------------------------- */

static void risk_register(struct doc *d)
{
    const struct k3a_results *r = d->r;
    char pxs[32];
    struct tcol cols[] = {
        { T(d, K3A_T_NO), 0.9, A_LEFT },          { T(d, K3A_T_ELEMENT), 1.8, A_LEFT },
        { T(d, K3A_T_HAZARD), 3.6, A_LEFT },     { pxs, 0.9, A_CENTER },
        { T(d, K3A_T_LEVEL), 1.3, A_CENTER },    { T(d, K3A_T_CONTROL), 3.6, A_LEFT },
        { pxs, 0.9, A_CENTER },                  { T(d, K3A_T_LEVEL2), 1.3, A_CENTER },
        { T(d, K3A_T_SOURCE), 1.2, A_LEFT },
    };
    struct table t;
    size_t i;

    /* likelihood x severity, one word (no break inside) */
    k3a__pdf_fmt(pxs, sizeof(pxs), "%s\u00a0x\u00a0%s", T(d, K3A_T_LIKELIHOOD),
                 T(d, K3A_T_SEVERITY));
    k3a__pdf_heading(d, T(d, K3A_T_PDF_IBPR), F_H2);
    if (!r->n_risks) {
        k3a__pdf_para(d, T(d, K3A_T_PDF_NO_RISK), F_BODY);
        return;
    }
    k3a__pdf_table_begin(d, &t, cols, 9, F_SMALL);
    for (i = 0; i < r->n_risks; i++) {
        const struct k3a_risk *k = &r->risks[i];
        const char *row[9];
        unsigned bg[9] = { NO_BG, NO_BG, NO_BG, NO_BG, NO_BG, NO_BG, NO_BG, NO_BG, NO_BG };
        char ls[16], ls2[16], hz[600];
        int en = d->lang == K3A_LANG_EN;
        k3a__pdf_fmt(hz, sizeof(hz), "%s%s%s", en ? nz(k->hazard_en) : nz(k->hazard_id),
            (en ? k->risk_en : k->risk_id) ? ": " : "",
            (en ? k->risk_en : k->risk_id) ? (en ? k->risk_en : k->risk_id) : "");
        row[0] = k->id;
        row[1] = k3a_element_text(k->element, d->lang, d->ebuf, sizeof(d->ebuf));
        row[2] = hz;
        row[3] = k3a__pdf_fmt(ls, sizeof(ls), "%d\u00a0x\u00a0%d", k->likelihood, k->severity);
        row[4] = k3a__pdf_band_label(d, k->band);
        row[5] = nz(en ? k->control_en : k->control_id);
        row[6] = k->has_control ? k3a__pdf_fmt(ls2, sizeof(ls2), "%d\u00a0x\u00a0%d", k->likelihood_after,
                                      k->severity_after)
                                : "-";
        row[7] = k3a__pdf_band_label(d, k->band_after);
        row[8] = k->source;
        bg[4] = k3a__pdf_band_color(k->band);
        bg[7] = k3a__pdf_band_color(k->band_after);
        k3a__pdf_table_row(d, &t, row, bg);
    }
    k3a__pdf_table_end(d, &t);
}

static void heat_map(struct doc *d, double x, double y, double cell, int after,
                     const char *title)
{
    const struct k3a_results *r = d->r;
    const struct k3a_risk_profile *p = &r->profile;
    int l, s;
    char buf[32];

    k3a__pdf_text_at(d, x, y, cell * 6, title, F_BOLD, A_CENTER, C_BLACK, 0);
    y += 16;
    for (l = 5; l >= 1; l--) {
        double cy = y + (5 - l) * cell;
        k3a__pdf_text_at(d, x, cy + cell / 2 - 5, cell - 4, k3a__pdf_fmt(buf, sizeof(buf), "P%d", l), F_SMALL,
                A_RIGHT, C_BLACK, 0);
        for (s = 1; s <= 5; s++) {
            const struct k3a_band *b = k3a_risk_band(p, l, s);
            double cx = x + s * cell;
            size_t i, n = 0;
            unsigned c = k3a__pdf_band_color(b);
            for (i = 0; i < r->n_risks; i++) {
                const struct k3a_risk *k = &r->risks[i];
                if (after ? (k->band_after && k->likelihood_after == l && k->severity_after == s)
                          : (k->band && k->likelihood == l && k->severity == s))
                    n++;
            }
            k3a__pdf_fill_rect(d, cx, cy, cell, cell, c == NO_BG ? C_WHITE : c);
            k3a__pdf_stroke_rect(d, cx, cy, cell, cell, 0.6, C_BLACK);
            if (n)
                k3a__pdf_text_at(d, cx, cy + cell / 2 - 7, cell, k3a__pdf_fmt(buf, sizeof(buf), "%zu", n), F_H2,
                        A_CENTER, C_BLACK, 0);
        }
    }
    for (s = 1; s <= 5; s++)
        k3a__pdf_text_at(d, x + s * cell, y + 5 * cell + 2, cell, k3a__pdf_fmt(buf, sizeof(buf), "S%d", s),
                F_SMALL, A_CENTER, C_BLACK, 0);
}

static void heat_maps(struct doc *d)
{
    double cell = 13 * MM, w = d->right - d->left, h = 6 * cell + 30;
    int lv;
    char buf[300];

    if (!d->r->has_profile)
        return;
    k3a__pdf_heading(d, T(d, K3A_T_PDF_HEATMAPS), F_H2);
    k3a__pdf_need(d, h + 40);
    heat_map(d, d->left, d->y, cell, 0, T(d, K3A_T_PDF_BEFORE));
    heat_map(d, d->left + w / 2, d->y, cell, 1, T(d, K3A_T_PDF_AFTER));
    d->y += h;
    for (lv = 3; lv >= 0; lv--) {
        const struct k3a_band *b = k3a__pdf_band_of_level(d->r, lv);
        if (!b)
            continue;
        k3a__pdf_fmt(buf, sizeof(buf), "%s: %s", k3a__pdf_band_label(d, b),
            d->lang == K3A_LANG_EN ? nz(b->action_en) : nz(b->action_id));
        k3a__pdf_para(d, buf, F_SMALL);
    }
    {
        const struct k3a_model_file *f = d->r->profile.file;
        if (f && f->meta.title) {
            char tl[256];
            k3a__pdf_fmt(buf, sizeof(buf), "%s: %s%s%s", T(d, K3A_T_PROFILE),
                         k3a_text_lang(f->meta.title, d->lang, tl, sizeof(tl)),
                f->meta.source ? " - " : "", f->meta.source ? f->meta.source : "");
            k3a__pdf_para(d, buf, F_SMALL);
        }
    }
}

/* ---- BAB V -------------------------------------------------------------------- */

static int risk_order_cmp(const void *x, const void *y, void *ctx)
{
    const struct k3a_risk *a = *(const struct k3a_risk *const *)x;
    const struct k3a_risk *b = *(const struct k3a_risk *const *)y;
    int la = a->band ? (int)a->band->level : -1, lb = b->band ? (int)b->band->level : -1;

    (void)ctx;
    if (la != lb)
        return lb - la;
    if (a->likelihood * a->severity != b->likelihood * b->severity)
        return b->likelihood * b->severity - a->likelihood * a->severity;
    return strcmp(a->id, b->id);
}

/* Insertion sort (stable, small n); qsort_r is not portable C11. */
static void sort_risks(const struct k3a_risk **v, size_t n)
{
    size_t i, j;

    for (i = 1; i < n; i++) {
        const struct k3a_risk *x = v[i];
        for (j = i; j > 0 && risk_order_cmp(&v[j - 1], &x, NULL) > 0; j--)
            v[j] = v[j - 1];
        v[j] = x;
    }
}

static struct k3a_date add_days(struct k3a_date t, int days)
{
    /* civil from days (H. Hinnant's algorithm) */
    long z = k3a_date_days(t) + days + 719468, era, doe, yoe, doy, mp;
    struct k3a_date o;

    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    o.d = (int)(doy - (153 * mp + 2) / 5 + 1);
    o.m = (int)(mp < 10 ? mp + 3 : mp - 9);
    o.y = (int)(yoe + era * 400 + (o.m <= 2));
    return o;
}

static void recommendations(struct doc *d)
{
    const struct k3a_results *r = d->r;
    struct tcol cols[] = {
        { T(d, K3A_T_NO), 0.9, A_LEFT },        { T(d, K3A_T_ELEMENT), 1.8, A_LEFT },
        { T(d, K3A_T_CONTROL), 4.6, A_LEFT },   { T(d, K3A_T_CONTROL_LVL), 1.5, A_LEFT },
        { T(d, K3A_T_ACT_PRIORITY), 1.3, A_CENTER },    { T(d, K3A_T_PDF_TARGET), 1.5, A_CENTER },
        { T(d, K3A_T_OWNER), 1.8, A_LEFT },
    };
    const struct k3a_risk **v;
    struct table t;
    size_t i, n = 0;

    k3a__pdf_heading(d, T(d, K3A_T_PDF_RECO), F_H2);
    v = malloc((r->n_risks + 1) * sizeof(*v));
    if (!v) {
        d->nomem = 1;
        return;
    }
    for (i = 0; i < r->n_risks; i++)
        if (r->risks[i].has_control || r->risks[i].control_id)
            v[n++] = &r->risks[i];
    sort_risks(v, n);
    if (!n)
        k3a__pdf_para(d, T(d, K3A_T_PDF_NONE), F_BODY);
    else
        k3a__pdf_table_begin(d, &t, cols, 7, F_SMALL);
    for (i = 0; i < n; i++) {
        const struct k3a_risk *k = v[i];
        const struct k3a_risk_profile *p = &r->profile;
        int en = d->lang == K3A_LANG_EN;
        char due[32], ctl[700], owner[80];
        const char *row[7];
        unsigned bg[7] = { NO_BG, NO_BG, NO_BG, NO_BG, NO_BG, NO_BG, NO_BG };
        struct k3a_date t_due = k->due;
        if (!t_due.y && k->band && k->band->due_days > 0)
            t_due = add_days(d->s->site.audit_date, k->band->due_days);
        k3a__pdf_fmt(ctl, sizeof(ctl), "%s", nz(en ? k->control_en : k->control_id));
        row[0] = k->id;
        row[1] = k3a_element_text(k->element, d->lang, d->ebuf, sizeof(d->ebuf));
        row[2] = ctl;
        row[3] = k->has_control && p->control[k->control]
                     ? (en ? p->control[k->control]->label_en : p->control[k->control]->label_id)
                     : "-";
        row[4] = k3a__pdf_band_label(d, k->band);
        row[5] = k3a__pdf_date_iso(due, sizeof(due), t_due);
        row[6] = nz(k3a_text_lang(k->owner, d->lang, owner, sizeof(owner)));
        bg[4] = k3a__pdf_band_color(k->band);
        k3a__pdf_table_row(d, &t, row, bg);
    }
    if (n)
        k3a__pdf_table_end(d, &t);
    free(v);
}

/* A4: every FAIL and WARN that no risk cites gets its action, priority
 * (from the risk profile's bands as the workbook's Temuan sheet), target
 * date and owner. */
static void finding_actions(struct doc *d)
{
    const struct k3a_results *r = d->r;
    struct tcol cols[] = {
        { T(d, K3A_T_NO), 0.9, A_LEFT },     { T(d, K3A_T_ELEMENT), 1.8, A_LEFT },
        { T(d, K3A_T_ACTION_COL), 4.6, A_LEFT }, { T(d, K3A_T_RESULT), 1.5, A_LEFT },
        { T(d, K3A_T_ACT_PRIORITY), 1.3, A_CENTER }, { T(d, K3A_T_PDF_TARGET), 1.5, A_CENTER },
        { T(d, K3A_T_OWNER), 1.8, A_LEFT },
    };
    struct table t;
    size_t i, n = 0;

    for (i = 0; i < r->n_findings; i++)
        n += r->findings[i].verdict != K3A_PASS && !r->findings[i].cited;
    if (!n)
        return;
    k3a__pdf_heading(d, T(d, K3A_T_PDF_RECO_F), F_H2);
    k3a__pdf_para(d, T(d, K3A_T_PDF_RECO_F_TXT), F_BODY);
    k3a__pdf_table_begin(d, &t, cols, 7, F_SMALL);
    for (int pass = 0; pass < 2; pass++) /* the FAILs first */
        for (i = 0; i < r->n_findings; i++) {
            const struct k3a_finding *f = &r->findings[i];
            const struct k3a_band *band = NULL;
            unsigned bg[7] = { NO_BG, NO_BG, NO_BG, NO_BG, NO_BG, NO_BG, NO_BG };
            const char *row[7], *owner = NULL;
            char due[32];
            struct k3a_date t_due = { 0, 0, 0 };
            if (f->verdict == K3A_PASS || f->cited ||
                (f->verdict == K3A_FAIL) != (pass == 0))
                continue;
            if (r->has_profile && r->profile.file) {
                size_t b;
                unsigned want = f->verdict == K3A_FAIL ? 2 : 1;
                for (b = 0; b < r->profile.file->n_bands; b++)
                    if ((unsigned)r->profile.file->bands[b].level == want)
                        band = &r->profile.file->bands[b];
            }
            if (band && band->due_days > 0)
                t_due = add_days(d->s->site.audit_date, band->due_days);
            row[0] = f->id;
            row[1] = k3a_element_text(f->element, d->lang, d->ebuf, sizeof(d->ebuf));
            row[2] = k3a_check_action(f->check, f->verdict == K3A_FAIL, d->lang, &owner);
            row[3] = k3a__pdf_verdict_word(d, f->verdict);
            row[4] = band ? k3a__pdf_band_label(d, band) : "-";
            row[5] = t_due.y ? k3a__pdf_date_iso(due, sizeof(due), t_due) : "-";
            row[6] = owner;
            bg[3] = verdict_color(f->verdict);
            bg[4] = band ? k3a__pdf_band_color(band) : NO_BG;
            k3a__pdf_table_row(d, &t, row, bg);
        }
    k3a__pdf_table_end(d, &t);
}

static void energy_measures(struct doc *d)
{
    const struct k3a_results *r = d->r;
    char h[5][80];
    struct tcol cols[] = {
        { T(d, K3A_T_RECOMMENDATION), 2.7, A_LEFT }, { h[0], 1.75, A_RIGHT },
        { h[1], 1.6, A_RIGHT },                      { h[2], 1.3, A_RIGHT },
        { h[3], 1.7, A_RIGHT },                      { h[4], 1.6, A_RIGHT },
        { T(d, K3A_T_VIABILITY), 1.5, A_LEFT },
    };
    struct table t;
    size_t i;
    char buf[700];

    /* A10: units in the headers, a measure with negative NPV marked not
     * viable, the discount rate, lifetime and tariff stated */
    k3a__pdf_fmt(h[0], sizeof(h[0]), "%s (%s)", T(d, K3A_T_SAVING_KWH), T(d, K3A_T_PDF_KWH_YEAR));
    k3a__pdf_fmt(h[1], sizeof(h[1]), "%s (%s)", T(d, K3A_T_SAVING_RP), T(d, K3A_T_PDF_RP_YEAR));
    k3a__pdf_fmt(h[2], sizeof(h[2]), "%s (Rp)", T(d, K3A_T_INVESTMENT));
    k3a__pdf_fmt(h[3], sizeof(h[3]), "%s (%s)", T(d, K3A_T_PAYBACK), T(d, K3A_T_PDF_YEARS));
    k3a__pdf_fmt(h[4], sizeof(h[4]), "%s (Rp)", T(d, K3A_T_NPV));
    k3a__pdf_heading(d, T(d, K3A_T_PDF_ENERGY_M), F_H2);
    if (!r->has_energy || !r->energy.n_recos) {
        k3a__pdf_para(d, T(d, K3A_T_PDF_NO_ENERGY), F_BODY);
        return;
    }
    {
        const struct k3a_param *dr = k3a_models_param(r->models, "energy", "discount_rate");
        const struct k3a_param *ly = k3a_models_param(r->models, "energy", "life_years");
        const struct k3a_energy_res *e = &r->energy;
        char a[64], b[64], c[64];
        k3a__pdf_tfmt(buf, sizeof(buf), T(d, K3A_T_PDF_NPV_BASIS),
            k3a__pdf_numt(d, a, sizeof(a), 100.0 * (dr ? dr->value : 0.10), 1),
            k3a__pdf_numt(d, b, sizeof(b), ly ? ly->value : 10, 0),
            k3a__pdf_numt(d, c, sizeof(c), e->price_Rp_kWh, 2));
        if (e->tariff) {
            char tail[400], tb[400];
            int tag = e->tariff->confidence && strcmp(e->tariff->confidence, "C") != 0;
            k3a__pdf_tfmt(tail, sizeof(tail), T(d, K3A_T_PDF_TARIFF_TAIL),
                e->tariff->hdr.name,
                nz(k3a_text_lang(e->tariff->clause, d->lang, tb, sizeof(tb))),
                !tag ? "" : T(d, K3A_T_PDF_CONFIDENCE),
                !tag ? "" : e->tariff->confidence);
            if (tag)
                strncat(tail, ")", sizeof(tail) - strlen(tail) - 1);
            strncat(buf, tail, sizeof(buf) - strlen(buf) - 1);
        } else
            strncat(buf, ".", sizeof(buf) - strlen(buf) - 1);
        k3a__pdf_para(d, buf, F_SMALL);
    }
    k3a__pdf_table_begin(d, &t, cols, 7, F_SMALL);
    for (i = 0; i < r->energy.n_recos; i++) {
        const struct k3a_reco *k = &r->energy.recos[i];
        char b[5][64];
        const char *row[7];
        unsigned bg[7] = { NO_BG, NO_BG, NO_BG, NO_BG, NO_BG, NO_BG, NO_BG };
        row[0] = d->lang == K3A_LANG_EN ? k->title_en : k->title_id;
        row[1] = k3a__pdf_num(d, b[0], 64, k->saving_kWh, 0);
        row[2] = k3a__pdf_num(d, b[1], 64, k->saving_Rp, 0);
        row[3] = k3a__pdf_num(d, b[2], 64, k->cost_Rp, 0);
        row[4] = k3a__pdf_num(d, b[3], 64, k->payback_years, 1);
        row[5] = k3a__pdf_num(d, b[4], 64, k->npv_Rp, 0);
        row[6] = !isfinite(k->npv_Rp)
                     ? (d->r->energy.tariff ? T(d, K3A_T_NOT_COSTED_KVARH) : T(d, K3A_T_NOT_COSTED))
                 : k->npv_Rp < 0      ? T(d, K3A_T_NOT_VIABLE)
                                      : T(d, K3A_T_VIABLE);
        if (isfinite(k->npv_Rp) && k->npv_Rp < 0)
            bg[6] = C_WARN;
        k3a__pdf_table_row(d, &t, row, bg);
    }
    k3a__pdf_table_end(d, &t);
}

/* ---- Pengesahan ------------------------------------------------------------ */

static void sign_block(struct doc *d, double x, double y, double w, const char *role,
                       const char *org, const char *name, const char *extra)
{
    double yy = y;

    yy += k3a__pdf_text_at(d, x, yy, w, role, F_BOLD, A_CENTER, C_BLACK, 0);
    if (org && *org)
        yy += k3a__pdf_text_at(d, x, yy, w, org, F_BODY, A_CENTER, C_BLACK, 0);
    yy = y + 115; /* room to sign over the body's stamp (D25) */
    rgb(d->cr, C_BLACK);
    cairo_set_line_width(d->cr, 0.6);
    cairo_move_to(d->cr, x + 8, yy);
    cairo_line_to(d->cr, x + w - 8, yy);
    cairo_stroke(d->cr);
    yy += 3;
    yy += k3a__pdf_text_at(d, x, yy, w, name && *name ? name : "(................................)",
                  F_BOLD, A_CENTER, C_BLACK, 0);
    if (extra && *extra)
        k3a__pdf_text_at(d, x, yy, w, extra, F_SMALL, A_CENTER, C_BLACK, 0);
}

static void signatures(struct doc *d)
{
    const struct k3a_site_info *si = &d->s->site;
    double w = d->right - d->left, bw = w / 3;
    char buf[512], dt[64], lic[200], sha[65];

    k3a__pdf_need(d, 250);
    d->y += 10;
    k3a__pdf_heading(d, T(d, K3A_T_PDF_SIGN), F_H2);
    k3a__pdf_para(d, T(d, K3A_T_PDF_SIGN_TEXT), F_BODY);
    k3a__pdf_fmt(buf, sizeof(buf), "%s, %s", si->sign_place ? si->sign_place : "..................",
        k3a__pdf_date_long(d, dt, sizeof(dt), si->audit_date));
    d->y += 4;
    d->y += k3a__pdf_text_at(d, d->left, d->y, w, buf, F_BODY, A_RIGHT, C_BLACK, 0) + 12;
    k3a__pdf_fmt(lic, sizeof(lic), "%s %s", T(d, K3A_T_LICENCE), nz(si->auditor_licence));
    sign_block(d, d->left, d->y, bw, T(d, K3A_T_PDF_TESTER), si->inspection_body, si->auditor, lic);
    sign_block(d, d->left + bw, d->y, bw, T(d, K3A_T_BODY), si->inspection_body, NULL,
               T(d, K3A_T_SIGN_HEAD_NIP));
    sign_block(d, d->left + 2 * bw, d->y, bw, T(d, K3A_T_SIGN_COMPANY), si->company, si->company_rep,
               si->company_rep_title ? si->company_rep_title : T(d, K3A_T_PDF_SIGN_POS));
    d->y += 160;
    k3a__hex(d->s->sha256, 32, sha);
    k3a__pdf_tfmt(buf, sizeof(buf), T(d, K3A_T_PDF_GENERATED), d->o && d->o->version ? d->o->version : K3A_VERSION,
        !d->s->path ? "-" : strrchr(d->s->path, '/') ? strrchr(d->s->path, '/') + 1
                                                     : d->s->path,
        sha);
    k3a__pdf_para(d, buf, F_TINY);
}

/* ---- the report ----------------------------------------------------------- */

static void report_body(struct doc *d)
{
    k3a__pdf_summary_page(d);
    k3a__pdf_chapter(d, T(d, K3A_T_PDF_BAB1));
    k3a__pdf_legal_basis(d);
    k3a__pdf_scope(d);
    k3a__pdf_instruments(d);
    k3a__pdf_chapter(d, T(d, K3A_T_PDF_BAB2));
    k3a__pdf_installation_tables(d);
    k3a__pdf_one_line_diagram(d);
    k3a__pdf_chapter(d, T(d, K3A_T_PDF_BAB3));
    k3a__pdf_findings(d);
    k3a__pdf_arc_table(d);
    k3a__pdf_charts(d, K3A_PDF_FINDING_CATS + 2);
    changes(d, K3A_PDF_FINDING_CATS + 3);
    k3a__pdf_chapter(d, T(d, K3A_T_PDF_BAB4));
    risk_register(d);
    heat_maps(d);
    k3a__pdf_chapter(d, T(d, K3A_T_PDF_BAB5));
    {
        char buf[256];
        char text[600];
        size_t before[4], after[4];
        k3a__pdf_fmt(buf, sizeof(buf), "%s: %s", T(d, K3A_T_PDF_CONCLUSION),
            k3a__pdf_conclusion_word(d, d->r));
        k3a__pdf_para(d, buf, F_H2);
        k3a__pdf_risk_counts(d->r, before, after);
        k3a__pdf_tfmt(text, sizeof(text), T(d, K3A_T_PDF_C_SUMMARY),
             d->r->n_fail + d->r->n_warn + d->r->n_pass, d->r->n_fail, d->r->n_warn,
             d->r->n_pass, d->r->n_risks, before[K3A_RISK_EXTREME], before[K3A_RISK_HIGH]);
        k3a__pdf_para(d, text, F_BODY);
    }
    recommendations(d);
    finding_actions(d);
    energy_measures(d);
    signatures(d);
    cairo_show_page(d->cr);
}

static void report_geometry(struct doc *d)
{
    d->left = 20 * MM;
    d->right = d->pw - 18 * MM;
    d->top = 20 * MM;
    d->bottom = d->ph - 17 * MM;
}

static int render_report(const char *tmp, void *arg)
{
    const struct job *j = arg;
    struct doc d;
    struct cell_cache cache;
    PangoFontMap *fm;
    PangoContext *pc;
    int pages, rc;

    /* pass 1: count the pages */
    memset(&cache, 0, sizeof(cache));
    cache.storing = 1;
    k3a__pdf_doc_init(&d, j->r, j->o);
    d.counting = 1;
    d.cache = &cache;
    if (k3a__pdf_doc_open(&d, NULL, 210 * MM, 297 * MM) != 0) {
        int nofont = d.nofont;
        k3a__pdf_doc_close(&d);
        k3a__pdf_cache_free(&cache);
        return nofont ? -2 : -1;
    }
    report_geometry(&d);
    report_body(&d);
    pages = d.page;
    /* the fonts and context go on to the second pass with the cells */
    fm = g_object_ref(d.fm);
    pc = g_object_ref(d.pc);
    if (k3a__pdf_doc_close(&d) != 0) {
        g_object_unref(pc);
        g_object_unref(fm);
        k3a__pdf_cache_free(&cache);
        return -1;
    }
    /* pass 2: the file, with "page x of y" */
    cache.storing = 0;
    k3a__pdf_doc_init(&d, j->r, j->o);
    d.pages_total = pages;
    d.cache = &cache;
    d.fm = fm;
    d.pc = pc;
    if (k3a__pdf_doc_open(&d, tmp, 210 * MM, 297 * MM) != 0) {
        k3a__pdf_doc_close(&d);
        k3a__pdf_cache_free(&cache);
        return -1;
    }
    report_geometry(&d);
    k3a__pdf_metadata(&d, T(&d, K3A_T_PDF_TITLE));
    report_body(&d);
    rc = k3a__pdf_doc_close(&d);
    k3a__pdf_cache_free(&cache);
    return rc;
}

enum k3a_status k3a_report_write_pdf(const struct k3a_results *r,
                                     const struct k3a_report_opts *o,
                                     const char *path, char *msg, size_t msg_size)
{
    struct job j;

    j.r = r;
    j.o = o;
    j.size = K3A_LABEL_100X150;
    return k3a__pdf_write_atomic(path, msg, msg_size, render_report, &j);
}

