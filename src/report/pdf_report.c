/*
 * pdf_report.c - the formal report ("Laporan Pemeriksaan dan Pengujian
 * Instalasi Listrik") as PDF: the summary page, BAB III-V, Pengesahan,
 * and the two passes that write it (k3a_report_write_pdf).
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

/* ---- summary page ---------------------------------------------------------- */

/* The report's title in two balanced lines, never one word alone (B18),
 * and its number. */
static void summary_title(struct doc *d, double w)
{
    const char *title = T(d, K3A_T_PDF_TITLE);
    const char *cut = d->lang == K3A_LANG_EN ? " OF THE ELECTRICAL" : " INSTALASI";
    const char *at = strstr(title, cut);
    char t1[160], buf[512];

    if (at)
        k3a__pdf_fmt(t1, sizeof(t1), "%.*s\n%s", (int)(at - title), title, at + 1);
    else
        k3a__pdf_fmt(t1, sizeof(t1), "%s", title);
    d->y += k3a__pdf_text_at(d, d->left, d->y, w, t1, F_TITLE, A_CENTER, C_BLACK, 0);
    d->y += 4;
    k3a__pdf_fmt(buf, sizeof(buf), "%s: %s", T(d, K3A_T_PDF_REPORT_NO), nz(d->s->site.report_no));
    d->y += k3a__pdf_text_at(d, d->left, d->y, w, buf, F_H2, A_CENTER, C_BLACK, 0) + 14;
}

/* The inspection's particulars: the training scenario, the company and
 * site, the inspection, the tester and the limits set. */
static void summary_details(struct doc *d, double kw)
{
    static const char *const insp_id[] = { "pertama", "berkala", "setelah perubahan",
                                           "setelah kecelakaan" };
    static const char *const insp_en[] = { "initial", "periodic", "after change",
                                           "after incident" };
    const struct k3a_site_info *si = &d->s->site;
    const struct k3a_results *r = d->r;
    const char *const *words = d->lang == K3A_LANG_EN ? insp_en : insp_id;
    char buf[512], tl[256];

    if (d->training && d->s->scenario.title) {
        k3a__pdf_kv_row(d, T(d, K3A_T_SCENARIO), d->s->scenario.title, kw);
        if (d->s->scenario.task)
            k3a__pdf_kv_row(d, T(d, K3A_T_TASK), d->s->scenario.task, kw);
    }
    k3a__pdf_kv_row(d, T(d, K3A_T_COMPANY), si->company, kw);
    k3a__pdf_kv_row(d, T(d, K3A_T_SITE), si->name, kw);
    k3a__pdf_kv_row(d, T(d, K3A_T_ADDRESS), si->address, kw);
    k3a__pdf_kv_row(d, T(d, K3A_T_INSP_TYPE),
           (unsigned)si->inspection_type < 4 ? words[si->inspection_type] : "-", kw);
    k3a__pdf_kv_row(d, T(d, K3A_T_AUDIT_DATE), k3a__pdf_date_long(d, buf, sizeof(buf), si->audit_date), kw);
    k3a__pdf_kv_row(d, T(d, K3A_T_PREV_INSP),
           k3a__pdf_date_long(d, buf, sizeof(buf), si->previous_inspection), kw);
    k3a__pdf_kv_row(d, T(d, K3A_T_PERMIT), si->permit_no, kw);
    k3a__pdf_kv_row(d, T(d, K3A_T_BODY), si->inspection_body, kw);
    k3a__pdf_fmt(buf, sizeof(buf), "%s%s%s", nz(si->auditor), si->auditor_licence ? " - " : "",
        si->auditor_licence ? si->auditor_licence : "");
    k3a__pdf_kv_row(d, T(d, K3A_T_PDF_TESTER), buf, kw);
    k3a__pdf_kv_row(d, T(d, K3A_T_LIMITS),
                    r->limits && r->limits->meta.title
                        ? k3a_text_lang(r->limits->meta.title, d->lang, tl, sizeof(tl))
                        : si->limits,
                    kw);
}

/* The conclusion, boxed in its verdict's colour, its basis and the note
 * about the program (here, not under the signatures: A14). */
static void summary_conclusion(struct doc *d, double w)
{
    const struct k3a_results *r = d->r;
    int c = k3a__pdf_conclusion(r);
    unsigned cc;
    const char *word;
    double h;

    k3a__pdf_need(d, 80);
    k3a__pdf_text_at(d, d->left, d->y, w, T(d, K3A_T_PDF_CONCLUSION), F_H2, A_CENTER, C_BLACK, 0);
    d->y += 16;
    cc = c < 0                                          ? C_FAIL
         : k3a_results_conclusion(r) == (int)K3A_WARN ? C_WARN
         : c > 0                                      ? C_PASS
                                                      : C_WARN;
    word = k3a__pdf_conclusion_word(d, r);
    h = k3a__pdf_text_height(d, word, w - 20, F_TITLE) + 16;
    k3a__pdf_fill_rect(d, d->left, d->y, w, h, cc);
    k3a__pdf_stroke_rect(d, d->left, d->y, w, h, 1.2, C_BLACK);
    k3a__pdf_text_at(d, d->left + 10, d->y + 8, w - 20, word, F_TITLE, A_CENTER, C_BLACK, 0);
    d->y += h + 4;
    k3a__pdf_para(d, T(d, K3A_T_PDF_C_BASIS), F_SMALL);
    k3a__pdf_para(d, T(d, K3A_T_NOTICE), F_SMALL);
}

/* The findings counted by verdict. */
static void summary_findings(struct doc *d)
{
    static const struct tcol fc[] = {
        { NULL, 3, A_LEFT }, { NULL, 2, A_RIGHT },
        { NULL, 2, A_RIGHT }, { NULL, 2, A_RIGHT } };
    const struct k3a_results *r = d->r;
    struct tcol cols[4];
    struct table t;
    const char *row[4];
    unsigned bg[4] = { NO_BG, NO_BG, NO_BG, NO_BG };
    char n1[32], n2[32], n3[32];

    memcpy(cols, fc, sizeof(cols));
    cols[0].head = T(d, K3A_T_PDF_COUNTS_F);
    cols[1].head = T(d, K3A_T_V_FAIL);
    cols[2].head = T(d, K3A_T_V_WARN);
    cols[3].head = T(d, K3A_T_V_PASS);
    k3a__pdf_table_begin(d, &t, cols, 4, F_BODY);
    row[0] = T(d, K3A_T_NUMBER);
    row[1] = k3a__pdf_fmt(n1, sizeof(n1), "%zu", r->n_fail);
    row[2] = k3a__pdf_fmt(n2, sizeof(n2), "%zu", r->n_warn);
    row[3] = k3a__pdf_fmt(n3, sizeof(n3), "%zu", r->n_pass);
    bg[1] = r->n_fail ? C_FAIL : NO_BG;
    k3a__pdf_table_row(d, &t, row, bg);
    k3a__pdf_table_end(d, &t);
}

/* The risks counted by level, as found and after the proposed controls,
 * each count in its band's colour. */
static void summary_risks(struct doc *d)
{
    const struct k3a_results *r = d->r;
    size_t before[4], after[4];
    struct tcol cols[5];
    struct table t;
    const char *row[5];
    unsigned bg[5];
    char nb[4][32], na[4][32];
    int k = 1, lv;

    k3a__pdf_risk_counts(r, before, after);
    cols[0].head = T(d, K3A_T_PDF_COUNTS_R);
    cols[0].w = 3;
    cols[0].al = A_LEFT;
    for (lv = 3; lv >= 0; lv--, k++) {
        cols[k].head = k3a__pdf_band_label(d, k3a__pdf_band_of_level(r, lv));
        cols[k].w = 1.5;
        cols[k].al = A_RIGHT;
    }
    k3a__pdf_table_begin(d, &t, cols, 5, F_BODY);
    for (k = 0; k < 5; k++)
        bg[k] = NO_BG;
    row[0] = T(d, K3A_T_PDF_BEFORE);
    for (lv = 3, k = 1; lv >= 0; lv--, k++) {
        row[k] = k3a__pdf_fmt(nb[lv], sizeof(nb[lv]), "%zu", before[lv]);
        bg[k] = before[lv] ? k3a__pdf_band_color(k3a__pdf_band_of_level(r, lv)) : NO_BG;
    }
    k3a__pdf_table_row(d, &t, row, bg);
    row[0] = T(d, K3A_T_PDF_AFTER);
    for (lv = 3, k = 1; lv >= 0; lv--, k++) {
        row[k] = k3a__pdf_fmt(na[lv], sizeof(na[lv]), "%zu", after[lv]);
        bg[k] = after[lv] ? k3a__pdf_band_color(k3a__pdf_band_of_level(r, lv)) : NO_BG;
    }
    k3a__pdf_table_row(d, &t, row, bg);
    k3a__pdf_table_end(d, &t);
}

static void summary_page(struct doc *d)
{
    double w = d->right - d->left;

    k3a__pdf_new_page(d);
    d->y += 6;
    summary_title(d, w);
    summary_details(d, 62 * MM);
    d->y += 14;
    summary_conclusion(d, w);
    d->y += 6;
    summary_findings(d);
    if (d->r->has_profile)
        summary_risks(d);
}

/* ---- BAB III ------------------------------------------------------------------ */

enum cat { CAT_PROT, CAT_ARC, CAT_EARTH, CAT_IR, CAT_LOOP, CAT_THERMO, CAT_PQ,
           CAT_CABLE, CAT_ENERGY, CAT_DOCS, CAT_COUNT };

static enum cat finding_cat(const struct k3a_finding *f)
{
    const char *c = f->check;

    if (strncmp(c, "arc_flash", 9) == 0)
        return CAT_ARC;
    switch (f->kind) {
    case K3A_KIND_DEVICE:
        return CAT_PROT;
    case K3A_KIND_BUS:
        return strcmp(c, "voltage_drop") == 0 ? CAT_CABLE : CAT_PROT;
    case K3A_KIND_EARTHING:
    case K3A_KIND_SOIL:
    case K3A_KIND_LIGHTNING:
        return CAT_EARTH;
    case K3A_KIND_INSULATION:
        return CAT_IR;
    case K3A_KIND_LOOP:
    case K3A_KIND_RCD:
        return CAT_LOOP;
    case K3A_KIND_THERMOGRAPHY:
        return CAT_THERMO;
    case K3A_KIND_PQ:
        return CAT_PQ;
    case K3A_KIND_CABLE:
    case K3A_KIND_LOAD:
    case K3A_KIND_TRANSFORMER:
    case K3A_KIND_GENERATOR:
    case K3A_KIND_CAPACITOR:
        return strcmp(c, "lighting_power_density") == 0 ? CAT_ENERGY : CAT_CABLE;
    case K3A_KIND_BILL:
        return CAT_ENERGY;
    case K3A_KIND_SITE:
        if (strstr(c, "power_factor") || strstr(c, "energy") || strcmp(c, "baseline") == 0)
            return CAT_ENERGY;
        return CAT_DOCS;
    default:
        return CAT_DOCS;
    }
}

/* Passes of one check beyond this many are one row (as the workbook). */
#define PASS_ROWS_MAX 50

/* The passes per check (check[k], count[k], *n_checks of them, at most
 * 512), to fold a check with very many into one row; none counted on a
 * site with few findings. */
static void pass_counts(const struct k3a_results *r, const char **check, size_t *count,
                        size_t *n_checks)
{
    size_t i, k;

    if (r->n_findings <= PASS_ROWS_MAX)
        return;
    for (i = 0; i < r->n_findings; i++) {
        const struct k3a_finding *f = &r->findings[i];
        if (f->verdict != K3A_PASS || f->cited)
            continue;
        for (k = 0; k < *n_checks && strcmp(check[k], f->check) != 0; k++)
            ;
        if (k == *n_checks && *n_checks < 512)
            check[(*n_checks)++] = f->check;
        if (k < *n_checks)
            count[k]++;
    }
}

/* One finding's row: its number, element, title, measured value and
 * limit with their unit, verdict and clause. */
static void finding_row(struct doc *d, struct table *t, const struct k3a_finding *f)
{
    char mb[64], lb[64], mv[96], lv[96];
    const char *row[7];
    unsigned bg[7] = { NO_BG, NO_BG, NO_BG, NO_BG, NO_BG, NO_BG, NO_BG };

    k3a__pdf_num_pair(d, f->measured, f->has_measured, f->limit, f->has_limit, mb, lb,
             sizeof(mb));
    row[0] = f->id;
    row[1] = k3a_element_text(f->element, d->lang, d->ebuf, sizeof(d->ebuf));
    row[2] = k3a_finding_title(f, d->lang);
    row[3] = f->has_measured ? k3a__pdf_fmt(mv, sizeof(mv), "%s\u00a0%s", mb, k3a_finding_unit(f, d->lang)) : "";
    row[4] = f->has_limit ? k3a__pdf_fmt(lv, sizeof(lv), "%s\u00a0%s", lb, k3a_finding_unit(f, d->lang)) : "";
    row[5] = k3a__pdf_verdict_word(d, f->verdict);
    row[6] = k3a_finding_clause(f, d->lang);
    bg[5] = verdict_color(f->verdict);
    k3a__pdf_table_row(d, t, row, bg);
}

/* The one row of a check's n passes, folded (f the first of them). */
static void folded_row(struct doc *d, struct table *t, const struct k3a_finding *f, size_t n)
{
    char mv[96], text[600];
    const char *row[7];
    unsigned bg[7] = { NO_BG, NO_BG, NO_BG, NO_BG, NO_BG, NO_BG, NO_BG };

    k3a__pdf_tfmt(text, sizeof(text), T(d, K3A_T_PDF_PASS_GROUP), n, f->element,
         k3a_finding_title(f, d->lang));
    row[0] = f->id;
    row[1] = k3a__pdf_fmt(mv, sizeof(mv), "%zu %s", n, T(d, K3A_T_ELEMENTS));
    row[2] = text;
    row[3] = "";
    row[4] = "";
    row[5] = k3a__pdf_verdict_word(d, K3A_PASS);
    row[6] = k3a_finding_clause(f, d->lang);
    bg[5] = C_PASS;
    k3a__pdf_table_row(d, t, row, bg);
}

/* Section 3.(c + 1): the findings of category c in one table (none when
 * it has none), a check's many passes folded into one row. */
static void findings_category(struct doc *d, int c, const char **check, const size_t *count,
                              size_t n_checks)
{
    static const enum k3a_text_id cat_title[CAT_COUNT] = {
        K3A_T_PDF_CAT_PROT, K3A_T_PDF_CAT_ARC, K3A_T_PDF_CAT_EARTH, K3A_T_PDF_CAT_IR, K3A_T_PDF_CAT_LOOP, K3A_T_PDF_CAT_THERMO,
        K3A_T_PDF_CAT_PQ, K3A_T_PDF_CAT_CABLE, K3A_T_PDF_CAT_ENERGY, K3A_T_PDF_CAT_DOCS };
    const struct k3a_results *r = d->r;
    struct tcol cols[] = {
        { T(d, K3A_T_NO), 1.1, A_LEFT },        { T(d, K3A_T_ELEMENT), 2.2, A_LEFT },
        { T(d, K3A_T_DESCRIPTION), 4.6, A_LEFT }, { T(d, K3A_T_MEASURED), 1.5, A_RIGHT },
        { T(d, K3A_T_LIMIT), 1.4, A_RIGHT },    { T(d, K3A_T_RESULT), 1.6, A_CENTER },
        { T(d, K3A_T_CLAUSE), 3.6, A_LEFT },
    };
    struct table t;
    int begun = 0;
    char head[160];
    unsigned char *folded;
    size_t i, k;

    for (i = 0; i < r->n_findings; i++)
        if ((int)finding_cat(&r->findings[i]) == c)
            break;
    if (i == r->n_findings)
        return;
    folded = calloc(n_checks + 1, 1);
    for (i = 0; i < r->n_findings; i++) {
        const struct k3a_finding *f = &r->findings[i];
        if ((int)finding_cat(f) != c)
            continue;
        if (!begun) {
            k3a__pdf_fmt(head, sizeof(head), "3.%d  %s", c + 1, T(d, cat_title[c]));
            k3a__pdf_heading(d, head, F_H2);
            k3a__pdf_table_begin(d, &t, cols, 7, F_SMALL);
            begun = 1;
        }
        if (f->verdict == K3A_PASS && !f->cited && n_checks) {
            for (k = 0; k < n_checks && strcmp(check[k], f->check) != 0; k++)
                ;
            if (k < n_checks && count[k] > PASS_ROWS_MAX) {
                if (!folded || folded[k])
                    continue;
                folded[k] = 1;
                folded_row(d, &t, f, count[k]);
                continue;
            }
        }
        finding_row(d, &t, f);
    }
    free(folded);
    if (begun)
        k3a__pdf_table_end(d, &t);
}

static void findings(struct doc *d)
{
    const struct k3a_results *r = d->r;
    size_t *count = NULL;
    const char **check = NULL;
    size_t n_checks = 0;
    int c;

    count = calloc(r->n_findings + 1, sizeof(*count));
    check = calloc(r->n_findings + 1, sizeof(*check));
    if (!count || !check) {
        d->nomem = 1;
        free(count);
        free(check);
        return;
    }
    pass_counts(r, check, count, &n_checks);
    for (c = 0; c < CAT_COUNT; c++)
        findings_category(d, c, check, count, n_checks);
    free(count);
    free(check);
}
static void arc_table(struct doc *d)
{
    const struct k3a_results *r = d->r;
    const struct k3a_site *s = d->s;
    struct tcol cols[] = {
        { T(d, K3A_T_BUS), 1.6, A_LEFT },       { "kV", 0.8, A_RIGHT },
        { "Ibf kA", 1, A_RIGHT },               { "Iarc kA", 1, A_RIGHT },
        { T(d, K3A_T_CLEAR_DEV), 1.7, A_LEFT }, { "t ms", 0.9, A_RIGHT },
        { T(d, K3A_T_PDF_ARC_DIST), 1.2, A_RIGHT },
        { "E cal/cm\u00b2", 1.1, A_RIGHT },
        { T(d, K3A_T_PDF_ARC_AFB), 1.2, A_RIGHT },
        { T(d, K3A_T_PPE), 1.1, A_CENTER },
        { T(d, K3A_T_CASE), 2.4, A_LEFT },
    };
    struct table t;
    size_t i, n = 0, shown;
    char head[128];

    for (i = 0; r->arc && i < s->n_buses; i++)
        n += r->arc[i].available != 0;
    if (!n)
        return;
    k3a__pdf_fmt(head, sizeof(head), "3.%d  %s", CAT_COUNT + 1, T(d, K3A_T_PDF_ARC_TABLE));
    k3a__pdf_heading(d, head, F_H2);
    k3a__pdf_table_begin(d, &t, cols, 11, F_SMALL);
    for (i = 0, shown = 0; i < s->n_buses; i++) {
        const struct k3a_bus_arc *a = &r->arc[i];
        char b[8][64], cs[160];
        const char *row[11];
        unsigned bg[11];
        int32_t dev;
        size_t k;
        if (!a->available)
            continue;
        if (shown++ == BUS_ROWS_MAX)
            break;
        for (k = 0; k < 11; k++)
            bg[k] = NO_BG;
        dev = a->out.governing ? a->device_min : a->device;
        row[0] = s->buses[i].hdr.name;
        row[1] = k3a__pdf_numt(d, b[0], 64, s->buses[i].voltage_kV, 3);
        row[2] = k3a__pdf_num(d, b[1], 64, a->in.ibf_kA, 2);
        row[3] = k3a__pdf_num(d, b[2], 64, a->out.iarc_kA, 2);
        row[4] = dev >= 0 ? s->devices[dev].hdr.name : "-";
        row[5] = k3a__pdf_num(d, b[3], 64, a->out.governing ? a->in.t_min_ms : a->in.t_ms, 0);
        row[6] = k3a__pdf_num(d, b[4], 64, a->in.distance_mm, 0);
        row[7] = k3a__pdf_num(d, b[5], 64, a->out.energy_cal_cm2, 2);
        row[8] = k3a__pdf_num(d, b[6], 64, a->out.afb_gov_mm, 0);
        /* above 40 cal/cm2 no PPE category applies: said as the energy,
         * not as the label's signal word */
        row[9] = strcmp(a->ppe, "dangerous") == 0 ? "> 40 cal/cm\u00b2" : a->ppe;
        k3a__pdf_fmt(cs, sizeof(cs), "%s%s%s", k3a__pdf_case_words(d, a->sc_case),
            a->out.governing ? "; " : "", a->out.governing ? T(d, K3A_T_PDF_L_REDUCED) : "");
        row[10] = cs;
        if (strcmp(a->ppe, "dangerous") == 0)
            bg[7] = bg[9] = C_FAIL;
        else if (a->out.energy_cal_cm2 > 1.2)
            bg[7] = C_WARN;
        k3a__pdf_table_row(d, &t, row, bg);
    }
    k3a__pdf_table_end(d, &t);
    k3a__pdf_more_rows(d, n > BUS_ROWS_MAX ? n - BUS_ROWS_MAX : 0, K3A_T_SH_ARC);
}

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
    char head[160], buf[600];
    size_t i, shown = 0;

    if (!c || !c->has_previous)
        return;
    k3a__pdf_fmt(head, sizeof(head), "3.%d  %s", sec, T(d, K3A_T_CHG_LINE));
    k3a__pdf_heading(d, head, F_H2);
    k3a__pdf_tfmt(buf, sizeof(buf), T(d, K3A_T_PDF_CHG_INTRO), c->prev_date,
                  c->n_kind[K3A_CHG_NEW], c->n_kind[K3A_CHG_CLOSED], c->n_kind[K3A_CHG_WORSE],
                  c->n_kind[K3A_CHG_BETTER]);
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
    summary_page(d);
    k3a__pdf_chapter(d, T(d, K3A_T_PDF_BAB1));
    k3a__pdf_legal_basis(d);
    k3a__pdf_scope(d);
    k3a__pdf_instruments(d);
    k3a__pdf_chapter(d, T(d, K3A_T_PDF_BAB2));
    k3a__pdf_installation_tables(d);
    k3a__pdf_one_line_diagram(d);
    k3a__pdf_chapter(d, T(d, K3A_T_PDF_BAB3));
    findings(d);
    arc_table(d);
    k3a__pdf_charts(d, CAT_COUNT + 2);
    changes(d, CAT_COUNT + 3);
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

