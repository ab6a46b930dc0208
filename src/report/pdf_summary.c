/*
 * pdf_summary.c - the report's first page: its title and number, the
 * inspection's particulars, the conclusion boxed in its verdict's colour,
 * and the findings and risks counted.
 */
#include <stdio.h>
#include <string.h>

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

void k3a__pdf_summary_page(struct doc *d)
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
