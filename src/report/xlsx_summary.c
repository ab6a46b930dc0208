/*
 * xlsx_summary.c - the audit workbook's Ringkasan (summary), Perubahan
 * (changes since the last audit), Pengesahan (attestation), Temuan
 * (findings) and Peringatan (warnings) sheets.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xlsx.h"

/* ---- Perubahan / Changes (audit history, history.h) ------------------------ */

/* One line on Ringkasan: what improved and what got worse since the last
 * inspection.  Returns the next row. */
static lxw_row_t summary_changes_line(struct wctx *w, lxw_worksheet *ws, lxw_row_t row)
{
    const struct k3a_changes *c = w->o->changes;

    if (!c || !c->has_previous)
        return row;
    {
        /* the line in words comes from the history (changes.c) */
        char label[160];
        snprintf(label, sizeof(label), "%s (%s)", TX(w, CHG_LINE), c->prev_date);
        cell(w, worksheet_write_string(ws, row, 0, label, w->st.label));
        cell(w, worksheet_write_string(ws, row, 1, c->summary ? c->summary : "", w->st.wrap));
    }
    return row + 2;
}

struct change_row {
    const char *what, *kind, *element, *check, *before, *after, *reason;
    char before_buf[128], after_buf[128], reason_buf[1600], element_buf[160];
};

/* The reason's "(pass)", "(fail)", "(warn)" in the report's language. */
static const char *reason_text(struct wctx *w, const char *in, char *buf, size_t n)
{
    static const char *const verdicts[] = { "(pass)", "(fail)", "(warn)" };
    static const enum k3a_verdict vv[] = { K3A_PASS, K3A_FAIL, K3A_WARN };
    size_t len = 0, i;

    while (*in && len + 1 < n) {
        int hit = 0;
        for (i = 0; i < 3 && !hit; i++)
            if (strncmp(in, verdicts[i], strlen(verdicts[i])) == 0) {
                int wr = snprintf(buf + len, n - len, "(%s)", k3a__xl_verdict_text(w, vv[i]));
                if (wr > 0 && (size_t)wr < n - len)
                    len += (size_t)wr;
                in += strlen(verdicts[i]);
                hit = 1;
            }
        if (!hit)
            buf[len++] = *in++;
    }
    buf[len] = '\0';
    return buf;
}

/* A change's "VALUE UNIT (verdict)" or "level (P S)" in the report's
 * language. */
static const char *change_text(struct wctx *w, const char *in, char *buf, size_t n)
{
    static const char *const verdicts[] = { "pass", "fail", "warn" };
    static const enum k3a_verdict vv[] = { K3A_PASS, K3A_FAIL, K3A_WARN };
    const struct k3a_risk_profile *p = &w->r->profile;
    size_t i, len = strlen(in);

    for (i = 0; i < 3; i++) {
        size_t k = strlen(verdicts[i]);
        if (strcmp(in, verdicts[i]) == 0) {
            snprintf(buf, n, "%s", k3a__xl_verdict_text(w, vv[i]));
            return buf;
        }
        if (len > k + 2 && in[len - 1] == ')' && in[len - k - 2] == '(' &&
            strncmp(in + len - k - 1, verdicts[i], k) == 0) {
            snprintf(buf, n, "%.*s(%s)", (int)(len - k - 2), in, k3a__xl_verdict_text(w, vv[i]));
            return buf;
        }
    }
    for (i = 0; w->r->has_profile && p->file && i < p->file->n_bands; i++) {
        const struct k3a_band *b = &p->file->bands[i];
        const char *name = k3a_risk_level_name(b->level);
        size_t k = strlen(name);
        if (strncmp(in, name, k) == 0 && (in[k] == ' ' || in[k] == '\0')) {
            snprintf(buf, n, "%s%s", w->lang == K3A_LANG_EN ? b->label_en : b->label_id,
                     in + k);
            return buf;
        }
    }
    return in;
}

static int change_row(struct wctx *w, size_t i, void *out)
{
    static const enum k3a_text_id kinds[] = { K3A_T_CHG_NEW, K3A_T_CHG_CLOSED,
                                              K3A_T_CHG_WORSE, K3A_T_CHG_BETTER,
                                              K3A_T_CHG_SAME };
    static const enum k3a_text_id whats[] = { K3A_T_CHG_FINDING, K3A_T_CHG_RISK,
                                              K3A_T_CHG_MEAS };
    const struct k3a_changes *c = w->table_data;
    const struct k3a_change *x = &c->v[i];
    struct change_row *row = out;

    row->what = k3a_text(w->lang, whats[x->what]);
    row->kind = k3a_text(w->lang, kinds[x->kind]);
    row->element = k3a_element_text(x->element, w->lang, row->element_buf,
                                    sizeof(row->element_buf));
    row->check = w->lang == K3A_LANG_EN ? x->check : x->check_id;
    if (x->what == K3A_CHG_FINDING && x->title[0])
        row->check = x->title; /* the history's words, also for one gone */
    if (x->what == K3A_CHG_FINDING && x->finding >= 0 &&
        (size_t)x->finding < w->r->n_findings) {
        /* what was checked, as the Temuan sheet says it */
        const char *t = k3a_finding_title(&w->r->findings[x->finding], w->lang);
        if (t && *t)
            row->check = t;
    }
    if (x->what == K3A_CHG_MEASUREMENT)
        row->check = strcmp(x->check, "min_Mohm") == 0 ? TX(w, CHG_Q_IR) : TX(w, CHG_Q_EARTH);
    row->before = change_text(w, x->before, row->before_buf, sizeof(row->before_buf));
    row->after = change_text(w, x->after, row->after_buf, sizeof(row->after_buf));
    row->reason = reason_text(w, x->reason, row->reason_buf, sizeof(row->reason_buf));
    return 0;
}

static lxw_row_t changes_before(struct wctx *w, lxw_worksheet *ws, lxw_row_t row,
                                lxw_col_t width)
{
    const struct k3a_changes *c = w->table_data;
    char buf[160], counts[600];

    (void)width;
    snprintf(buf, sizeof(buf), "%s %s (SHA-256 %.16s...)", TX(w, CHG_SINCE), c->prev_date,
             c->prev_sha256);
    cell(w, worksheet_write_string(ws, row, 0, buf, w->st.label));
    /* the rows below counted, each count naming what it counts */
    k3a_changes_counts(c, w->lang, 1, counts, sizeof(counts));
    cell(w, worksheet_write_string(ws, row + 1, 0, counts, NULL));
    return row + 3;
}

/* clang-format off */
#define CG(h, wd, field) { K3A_T_##h, "", wd, COL_TEXT, offsetof(struct change_row, field), 0, NULL }
static const struct col_spec change_cols[] = {
    CG(CHG_ITEM,   12, what),
    CG(CHG_WHAT,   11, kind),
    CG(ELEMENT,    26, element),
    CG(CHECK,      48, check),
    CG(CHG_BEFORE, 22, before),
    CG(CHG_AFTER,  22, after),
    CG(CHG_REASON, 60, reason),
};
#undef CG
/* clang-format on */

/* The Perubahan / Changes sheet, right after Ringkasan, when the history
 * holds an earlier audit of the site. */
void k3a__xl_write_changes(struct wctx *w)
{
    const struct k3a_changes *c = w->o->changes;
    struct table_spec t;

    if (!c || !c->has_previous)
        return;
    memset(&t, 0, sizeof(t));
    t.sheet = K3A_T_SH_CHANGES;
    t.cols = change_cols;
    t.n_cols = NCOLS(change_cols);
    t.row_size = sizeof(struct change_row);
    t.n_rows = c->n;
    t.row = change_row;
    t.data = c;
    t.before = changes_before;
    k3a__xl_write_table(w, &t, 1);
}

/* Ringkasan: the register's counts by level, as found and after the
 * proposed controls, and the top risks.  Returns the next free row. */
static lxw_row_t summary_risks(struct wctx *w, lxw_worksheet *ws, lxw_row_t row)
{
    const struct k3a_risk_profile *p = &w->r->profile;
    size_t before[4] = { 0 }, after[4] = { 0 }, i, shown = 0;
    char buf[256];
    int lv;

    for (i = 0; i < w->r->n_risks; i++) {
        if (w->r->risks[i].band)
            before[w->r->risks[i].band->level]++;
        if (w->r->risks[i].band_after)
            after[w->r->risks[i].band_after->level]++;
    }
    cell(w, worksheet_write_string(ws, row, 0, TX(w, RISK), w->st.head));
    cell(w, worksheet_write_string(ws, row, 1, TX(w, AS_FOUND), w->st.head));
    cell(w, worksheet_write_string(ws, row++, 2, TX(w, LEVEL2), w->st.head));
    for (lv = 3; lv >= 0; lv--) {
        const struct k3a_band *b = NULL;
        for (i = 0; p->file && i < p->file->n_bands; i++)
            if ((int)p->file->bands[i].level == lv)
                b = &p->file->bands[i];
        if (!b)
            continue;
        cell(w, worksheet_write_string(ws, row, 0,
                                        w->lang == K3A_LANG_EN ? b->label_en
                                                               : b->label_id,
                                        k3a__xl_band_format(w, b, 0)));
        cell(w, k3a__xl_write_number(ws, row, 1, (double)before[lv], w->st.num0));
        cell(w, k3a__xl_write_number(ws, row++, 2, (double)after[lv], w->st.num0));
    }
    row++;
    cell(w, worksheet_write_string(ws, row, 0, TX(w, TOP_RISKS), w->st.head));
    cell(w, worksheet_write_string(ws, row++, 1, TX(w, HAZARD), w->st.head));
    for (lv = 3; lv >= 0 && shown < 8; lv--)
        for (i = 0; i < w->r->n_risks && shown < 8; i++) {
            const struct k3a_risk *q = &w->r->risks[i];
            if (!q->band || (int)q->band->level != lv)
                continue;
            const char *hz = w->lang == K3A_LANG_EN ? q->hazard_en : q->hazard_id;
            double nl;
            char eb[200];
            snprintf(buf, sizeof(buf), "%s  P%d S%d  %s", q->id, q->likelihood,
                     q->severity, k3a_element_text(q->element, w->lang, eb, sizeof(eb)));
            nl = k3a__xl_text_lines(buf, 30, 1);
            if (k3a__xl_text_lines(hz, 50, 0) > nl)
                nl = k3a__xl_text_lines(hz, 50, 0);
            check(w, worksheet_set_row(ws, row, 15.0 * nl, NULL));
            w->page_y += 15.0 * (nl - 1); /* beyond a plain row (summary_print) */
            cell(w, worksheet_write_string(ws, row, 0, buf,
                                            k3a__xl_band_format(w, q->band, 0)));
            cell(w, worksheet_write_string(ws, row++, 1,
                                            w->lang == K3A_LANG_EN ? q->hazard_en
                                                                   : q->hazard_id,
                                            w->st.wrap));
            shown++;
        }
    row++;
    return row;
}

/* Ringkasan: the key numbers (largest I''k and arc-flash energy, the
 * energy, its cost and CO2), stored as numbers with their unit in the
 * format.  Returns the next free row. */
static lxw_row_t summary_key_numbers(struct wctx *w, lxw_worksheet *ws, lxw_row_t row)
{
    const struct k3a_site *s = w->r->site;
    const struct k3a_results *r = w->r;
    double ik = NAN, arc = NAN;
    const char *arc_bus = "";
    size_t i;

    for (i = 0; r->sc.has_case[K3A_CASE_MAX] && i < s->n_buses; i++)
        if (r->sc.bus[K3A_CASE_MAX][i].energized &&
            (isnan(ik) || r->sc.bus[K3A_CASE_MAX][i].ik3_kA > ik))
            ik = r->sc.bus[K3A_CASE_MAX][i].ik3_kA;
    for (i = 0; r->arc && i < s->n_buses; i++)
        if (r->arc[i].available && (isnan(arc) || r->arc[i].out.energy_cal_cm2 > arc)) {
            arc = r->arc[i].out.energy_cal_cm2;
            arc_bus = s->buses[i].hdr.name;
        }
    /* numbers stored as numbers, their unit in the format */
    lxw_format *fk[5];
    static const char *const kf[5] = { "#,##0.00\" kA\"", "#,##0.00\" cal/cm²\"",
                                       "#,##0\" kWh\"", "\"Rp \"#,##0",
                                       "#,##0.0\" t CO₂\"" };
    for (i = 0; i < 5; i++) {
        fk[i] = fmt(w);
        if (!fk[i])
            return row; /* the workbook fails: w->err is set */
        format_set_num_format(fk[i], kf[i]);
        format_set_align(fk[i], LXW_ALIGN_LEFT);
    }
    cell(w, worksheet_write_string(ws, row, 0, TX(w, KEY_NUMBERS), w->st.head));
    cell(w, worksheet_write_string(ws, row++, 1, "", w->st.head));
    if (isfinite(ik)) {
        cell(w, worksheet_write_string(ws, row, 0, TX(w, MAX_IK), w->st.label));
        cell(w, k3a__xl_write_number(ws, row++, 1, ik, fk[0]));
    }
    if (isfinite(arc)) {
        cell(w, worksheet_write_string(ws, row, 0, TX(w, WORST_ARC), w->st.label));
        cell(w, k3a__xl_write_number(ws, row, 1, arc, fk[1]));
        cell(w, worksheet_write_string(ws, row++, 2, arc_bus, NULL));
    }
    if (r->has_energy && r->energy.annual_kWh > 0) {
        cell(w, worksheet_write_string(ws, row, 0, TX(w, E_ANNUAL), w->st.label));
        cell(w, k3a__xl_write_number(ws, row++, 1, r->energy.annual_kWh, fk[2]));
        if (r->energy.annual_cost_Rp > 0) {
            cell(w, worksheet_write_string(ws, row, 0, TX(w, E_COST), w->st.label));
            cell(w, k3a__xl_write_number(ws, row++, 1, r->energy.annual_cost_Rp, fk[3]));
            /* A10: the cost's basis, and its gap to the bills as paid */
            if (r->energy.tariff && r->energy.bills_cost_given_Rp > 0) {
                char note[400], paid[40];
                const struct k3a_energy_res *e = &r->energy;
                double yearly = e->n_months ? e->bills_cost_given_Rp * 12.0 /
                                                  (double)e->n_months
                                            : e->bills_cost_given_Rp;
                char pct[24], *dp;
                k3a__xl_grouped_int(paid, sizeof(paid), yearly, w->lang);
                k3a__fmt(pct, sizeof(pct), "%+.1f",
                         100.0 * (e->annual_cost_Rp - yearly) / yearly);
                if (w->lang != K3A_LANG_EN && (dp = strchr(pct, '.')) != NULL)
                    *dp = ',';
                k3a__fmt(note, sizeof(note),
                         w->lang == K3A_LANG_EN
                             ? "Tariff %s applied to the billed kWh; the bills as paid come "
                               "to Rp %s a year (model %s %%): the model's rates can "
                               "differ from those PLN billed (tariff adjustment, charges)."
                             : "Tarif %s diterapkan pada kWh rekening; rekening yang "
                               "dibayar Rp %s setahun (model %s %%): tarif model dapat "
                               "berbeda dari yang ditagihkan PLN (penyesuaian tarif, "
                               "biaya lain).",
                         e->tariff->hdr.name, paid, pct);
                check(w, worksheet_set_row(ws, row, 30, NULL));
                w->page_y += 15;
                check(w, worksheet_merge_range(ws, row, 0, row, 3, note, w->st.wrap));
                row++;
            }
        }
        if (r->energy.co2_t > 0) {
            cell(w, worksheet_write_string(ws, row, 0, TX(w, CO2_ANNUAL), w->st.label));
            cell(w, k3a__xl_write_number(ws, row++, 1, r->energy.co2_t, fk[4]));
        }
    }
    row++;
    return row;
}

/* Ringkasan: the element counts, two kinds a row.  Returns the next free
 * row. */
static lxw_row_t summary_counts(struct wctx *w, lxw_worksheet *ws, lxw_row_t row)
{
    const struct k3a_site *s = w->r->site;
    size_t k;

    cell(w, worksheet_write_string(ws, row, 0, TX(w, COUNTS), w->st.head));
    cell(w, worksheet_write_string(ws, row, 1, TX(w, NUMBER), w->st.head));
    cell(w, worksheet_write_string(ws, row, 2, TX(w, COUNTS), w->st.head));
    cell(w, worksheet_write_string(ws, row++, 3, TX(w, NUMBER), w->st.head));
    {
        /* each label wraps in its column (30 and 13 wide: "Insulation
         * resistance" whole), the row as high as the longer */
        int half = 0;
        double left = 1;
        for (k = K3A_KIND_SUPPLY; k < K3A_KIND_COUNT; k++) {
            size_t n = k3a_site_count(s, (enum k3a_kind)k);
            const char *lab = k3a__xl_kind_label(w, (enum k3a_kind)k);
            double nl;
            if (!n || k == K3A_KIND_VARIANT)
                continue;
            nl = k3a__xl_text_lines(lab, half ? 13 : 30, 0);
            if (!half)
                left = nl;
            else if (nl > 1 || left > 1) {
                check(w, worksheet_set_row(ws, row, 15.0 * (nl > left ? nl : left), NULL));
                w->page_y += 15.0 * ((nl > left ? nl : left) - 1);
            }
            cell(w, worksheet_write_string(ws, row, (lxw_col_t)(2 * half), lab, w->st.wrap));
            cell(w, k3a__xl_write_number(ws, row, (lxw_col_t)(2 * half + 1), (double)n,
                                 w->st.num0));
            if (half)
                row++;
            half = !half;
        }
        if (half)
            row++;
    }
    return row;
}

/* Ringkasan on one A4 page when it fits at 7 pt or more (the rows' height
 * estimated at 15 pt each, plus what taller rows add), else on two, the
 * key numbers starting the second: never shrunk below 7 pt to fit. */
static void summary_print(struct wctx *w, lxw_worksheet *ws, lxw_row_t rows,
                          lxw_row_t key_row)
{
    double px = k3a__xl_col_px(30) + k3a__xl_col_px(50) + 2 * k3a__xl_col_px(13);
    double h = 15.0 * rows + w->page_y;
    /* A4 portrait less the margins, at the smallest scale (7.3 / 11) */
    int one = h <= (11.69 - 1.5) * 72.0 / 0.67;

    if (!one) {
        lxw_row_t brk[2];
        brk[0] = key_row;
        brk[1] = 0;
        check(w, worksheet_set_h_pagebreaks(ws, brk));
    }
    k3a__xl_page_setup(w, ws, px, 0, one);
}

void k3a__xl_write_summary(struct wctx *w)
{
    static const char *const insp_id[] = { "awal / pertama", "berkala",
                                           "setelah perubahan",
                                           "setelah kecelakaan" };
    static const char *const insp_en[] = { "initial", "periodic",
                                           "after change", "after incident" };
    static const char *const es[] = { "TN-S", "TN-C", "TN-C-S", "TT", "IT" };
    const struct k3a_site *s = w->r->site;
    const struct k3a_site_info *si = &s->site;
    lxw_worksheet *ws = workbook_add_worksheet(w->wb, TX(w, SH_SUMMARY));
    char buf[256], hex[65];
    lxw_row_t row, key_row;

    if (!ws) {
        check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    check(w, worksheet_set_column(ws, 0, 0, 30, NULL));
    check(w, worksheet_set_column(ws, 1, 1, 50, NULL));
    check(w, worksheet_set_column(ws, 2, 3, 13, NULL));
    w->page_y = 0; /* the rows' height beyond 15 pt each, for summary_print */
    row = k3a__xl_sheet_head(w, ws, K3A_T_SH_SUMMARY, 4);
    cell(w, worksheet_write_string(ws, row++, 0, TX(w, TITLE), w->st.subtitle));
    row++;
    if (k3a_site_count(s, K3A_KIND_SCENARIO)) {
        k3a__xl_kv(w, ws, &row, TX(w, SCENARIO), s->scenario.title);
        k3a__xl_kv(w, ws, &row, TX(w, STORY), s->scenario.story);
        k3a__xl_kv(w, ws, &row, TX(w, TASK), s->scenario.task);
        row++;
    }
    k3a__xl_kv(w, ws, &row, TX(w, SITE), si->name);
    k3a__xl_kv(w, ws, &row, TX(w, COMPANY), si->company);
    k3a__xl_kv(w, ws, &row, TX(w, ADDRESS), si->address);
    k3a__xl_kv(w, ws, &row, TX(w, AUDITOR), si->auditor);
    k3a__xl_kv(w, ws, &row, TX(w, LICENCE), si->auditor_licence);
    k3a__xl_kv(w, ws, &row, TX(w, BODY), si->inspection_body);
    k3a__xl_kv(w, ws, &row, TX(w, INSP_TYPE),
       (w->lang == K3A_LANG_EN ? insp_en : insp_id)[si->inspection_type]);
    k3a__xl_date_text(si->audit_date, buf, sizeof(buf));
    k3a__xl_kv(w, ws, &row, TX(w, AUDIT_DATE), buf);
    k3a__xl_date_text(si->previous_inspection, buf, sizeof(buf));
    k3a__xl_kv(w, ws, &row, TX(w, PREV_INSP), buf);
    k3a__xl_kv(w, ws, &row, TX(w, PERMIT), si->permit_no);
    k3a__xl_kv(w, ws, &row, TX(w, EARTH_SYS), es[si->earthing_system]);
    {
        char tl[256];
        k3a__xl_kv(w, ws, &row, TX(w, LIMITS),
                   w->r->limits && w->r->limits->meta.title
                       ? k3a_text_lang(w->r->limits->meta.title, w->lang, tl, sizeof(tl))
                       : si->limits);
    }
    row++;
    cell(w, worksheet_write_string(ws, row, 0, TX(w, VERDICT), w->st.label));
    /* site-format 9 Conclusion: any FAIL or any extreme risk as found */
    if (k3a_results_conclusion(w->r) == K3A_FAIL)
        cell(w, worksheet_write_string(ws, row, 1, TX(w, C_FAIL), w->st.fail));
    else if (k3a_results_conclusion(w->r) == K3A_WARN)
        cell(w, worksheet_write_string(ws, row, 1, TX(w, C_WARN), w->st.warn));
    else if (k3a_results_conclusion(w->r) == K3A_PASS)
        cell(w, worksheet_write_string(ws, row, 1, TX(w, C_PASS), w->st.pass));
    else
        cell(w, worksheet_write_string(ws, row, 1, TX(w, V_NONE), NULL));
    row += 2;
    row = summary_changes_line(w, ws, row);
    cell(w, worksheet_write_string(ws, row, 0, TX(w, FIND_COUNTS), w->st.head));
    cell(w, worksheet_write_string(ws, row++, 1, TX(w, NUMBER), w->st.head));
    cell(w, worksheet_write_string(ws, row, 0, TX(w, V_FAIL), w->st.text));
    cell(w, k3a__xl_write_number(ws, row++, 1, (double)w->r->n_fail, w->st.num0));
    cell(w, worksheet_write_string(ws, row, 0, TX(w, V_WARN), w->st.text));
    cell(w, k3a__xl_write_number(ws, row++, 1, (double)w->r->n_warn, w->st.num0));
    cell(w, worksheet_write_string(ws, row, 0, TX(w, V_PASS), w->st.text));
    cell(w, k3a__xl_write_number(ws, row++, 1, (double)w->r->n_pass, w->st.num0));
    cell(w, worksheet_write_string(ws, row, 0, TX(w, WARN_COUNT), w->st.text));
    cell(w, k3a__xl_write_number(ws, row++, 1,
                                    w->o->diags ? (double)w->o->diags->n_warnings : 0,
                                    w->st.num0));
    row++;
    if (w->r->has_profile)
        row = summary_risks(w, ws, row);
    key_row = row;
    row = summary_key_numbers(w, ws, row);
    row = summary_counts(w, ws, row);
    row++;
    /* D25: the file's name, never the folder it was run from */
    k3a__xl_kv(w, ws, &row, TX(w, INPUT_FILE), k3a__xl_base_name(s->path));
    k3a__hex(s->sha256, 32, hex);
    k3a__xl_kv(w, ws, &row, TX(w, INPUT_SHA), hex);
    k3a__xl_kv(w, ws, &row, TX(w, VERSION), w->o->version);
    row++;
    cell(w, worksheet_write_string(ws, row, 0, TX(w, NOTICE), w->st.subtitle));
    summary_print(w, ws, row, key_row);
}

/* ---- Pengesahan / Attestation: scope, conclusion, three signatures ---- */

/* Pengesahan: three signatures side by side (the tester, the inspection
 * body's head over its stamp, the company's representative): role, space
 * to sign, name, detail. */
static void attest_signatures(struct wctx *w, lxw_worksheet *ws, lxw_row_t row,
                              lxw_format *role, lxw_format *sigline)
{
    const struct k3a_site_info *si = &w->r->site->site;
    char buf[512];
    int k;
    static const enum k3a_text_id roles[3] = { K3A_T_SIGN_TESTER, K3A_T_SIGN_BODY,
                                               K3A_T_SIGN_COMPANY };
    const char *names[3], *detail[3];
    char lic[160];
    lxw_col_t col[3] = { 0, 3, 5 };

    k3a__fmt(lic, sizeof(lic), "%s %s", TX(w, LICENCE),
             si->auditor_licence ? si->auditor_licence : "");
    names[0] = si->auditor;
    detail[0] = lic;
    /* D25: the body's head signs over its stamp; the body is named
     * with the role, the name and NIP line left to fill in */
    names[1] = NULL;
    detail[1] = TX(w, SIGN_HEAD_NIP);
    names[2] = si->company_rep;
    detail[2] = si->company_rep_title ? si->company_rep_title : si->company;
    check(w, worksheet_set_row(ws, row, 45, NULL));
    for (k = 0; k < 3; k++) {
        if (k == 0)
            check(w, worksheet_merge_range(ws, row, 0, row, 1, TX(w, SIGN_TESTER), role));
        else if (k == 1 && si->inspection_body && *si->inspection_body) {
            k3a__fmt(buf, sizeof(buf), "%s\n%s", k3a_text(w->lang, roles[k]),
                     si->inspection_body);
            cell(w, worksheet_write_string(ws, row, col[k], buf, role));
        } else
            cell(w, worksheet_write_string(ws, row, col[k], k3a_text(w->lang, roles[k]),
                                            role));
    }
    row++;
    check(w, worksheet_set_row(ws, row, 90, NULL)); /* signature and stamp */
    row++;
    for (k = 0; k < 3; k++) {
        k3a__fmt(buf, sizeof(buf), "( %s )", names[k] && *names[k] ? names[k]
                                              : "                              ");
        if (k == 0)
            check(w, worksheet_merge_range(ws, row, 0, row, 1, buf, sigline));
        else
            cell(w, worksheet_write_string(ws, row, col[k], buf, sigline));
    }
    row++;
    check(w, worksheet_set_row(ws, row, 30, NULL));
    for (k = 0; k < 3; k++) {
        if (k == 0)
            check(w, worksheet_merge_range(ws, row, 0, row, 1, detail[k] ? detail[k] : "",
                                           role));
        else
            cell(w, worksheet_write_string(ws, row, col[k], detail[k] ? detail[k] : "",
                                            role));
    }
}

void k3a__xl_write_attestation(struct wctx *w)
{
    const struct k3a_site_info *si = &w->r->site->site;
    lxw_worksheet *ws = workbook_add_worksheet(w->wb, TX(w, SH_SIGN));
    lxw_format *box, *sigline, *role;
    lxw_row_t row;
    char buf[512], date[16];

    if (!ws) {
        check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    box = fmt(w);
    sigline = fmt(w);
    role = fmt(w);
    if (w->err != LXW_NO_ERROR)
        return;
    format_set_text_wrap(box);
    format_set_align(box, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(box, LXW_BORDER_THIN);
    format_set_top(sigline, LXW_BORDER_THIN);
    format_set_align(sigline, LXW_ALIGN_CENTER);
    format_set_text_wrap(sigline);
    format_set_bold(role);
    format_set_align(role, LXW_ALIGN_CENTER);
    format_set_text_wrap(role);
    format_set_align(role, LXW_ALIGN_VERTICAL_TOP);
    check(w, worksheet_set_column(ws, 0, 0, 22, NULL));
    check(w, worksheet_set_column(ws, 1, 1, 28, NULL));
    check(w, worksheet_set_column(ws, 2, 2, 3, NULL));
    check(w, worksheet_set_column(ws, 3, 3, 28, NULL));
    check(w, worksheet_set_column(ws, 4, 4, 3, NULL));
    check(w, worksheet_set_column(ws, 5, 5, 28, NULL));
    row = k3a__xl_sheet_head(w, ws, K3A_T_SH_SIGN, 6);
    cell(w, worksheet_write_string(ws, row++, 0, TX(w, TITLE), w->st.subtitle));
    row++;
#define KV(lab_, val_)                                                       \
    do {                                                                     \
        const char *v_ = (val_);                                             \
        cell(w, worksheet_write_string(ws, row, 0, lab_, w->st.label));      \
        check(w, worksheet_merge_range(ws, row, 1, row, 5, v_ ? v_ : "", NULL)); \
        row++;                                                               \
    } while (0)
    KV(TX(w, REPORT_NO), si->report_no);
    KV(TX(w, SITE), si->name);
    KV(TX(w, COMPANY), si->company);
    KV(TX(w, ADDRESS), si->address);
    k3a__xl_date_text(si->audit_date, date, sizeof(date));
    KV(TX(w, AUDIT_DATE), date);
    KV(TX(w, PERMIT), si->permit_no);
#undef KV
    row++;
    {
        const char *scope = si->scope ? si->scope : TX(w, SCOPE_DEFAULT);
        cell(w, worksheet_write_string(ws, row, 0, TX(w, SCOPE), w->st.label));
        check(w, worksheet_set_row(ws, row, 15.0 * k3a__xl_text_lines(scope, 28 * 3 + 6, 0), NULL));
        check(w, worksheet_merge_range(ws, row, 1, row, 5, scope, box));
        row += 2;
    }
    cell(w, worksheet_write_string(ws, row, 0, TX(w, VERDICT), w->st.label));
    /* site-format 9 Conclusion: any FAIL or any extreme risk as found */
    switch (k3a_results_conclusion(w->r)) {
    case K3A_FAIL:
        cell(w, worksheet_write_string(ws, row, 1, TX(w, C_FAIL), w->st.fail));
        break;
    case K3A_WARN:
        cell(w, worksheet_write_string(ws, row, 1, TX(w, C_WARN), w->st.warn));
        break;
    case K3A_PASS:
        cell(w, worksheet_write_string(ws, row, 1, TX(w, C_PASS), w->st.pass));
        break;
    default:
        cell(w, worksheet_write_string(ws, row, 1, TX(w, V_NONE), w->st.text));
        break;
    }
    snprintf(buf, sizeof(buf), "%s: %zu; %s: %zu; %s: %zu", TX(w, V_FAIL), w->r->n_fail,
             TX(w, V_WARN), w->r->n_warn, TX(w, V_PASS), w->r->n_pass);
    check(w, worksheet_merge_range(ws, row, 3, row, 5, buf, NULL));
    row += 2;
    check(w, worksheet_set_row(ws, row, 15.0 * k3a__xl_text_lines(TX(w, ATTEST), 28 * 4 + 8, 0), NULL));
    check(w, worksheet_merge_range(ws, row, 0, row, 5, TX(w, ATTEST), w->st.wrap));
    row += 2;
    k3a__fmt(buf, sizeof(buf), "%s%s%s", si->sign_place ? si->sign_place : "",
             si->sign_place ? ", " : "", date);
    cell(w, worksheet_write_string(ws, row, 0, TX(w, PLACE_DATE), w->st.label));
    check(w, worksheet_merge_range(ws, row, 1, row, 5, buf, NULL));
    row += 2;
    attest_signatures(w, ws, row, role, sigline);
    /* A14: the note about the program is on Ringkasan, not under the
     * signatures it would seem to qualify */
    k3a__xl_page_setup(w, ws, k3a__xl_col_px(22) + 3 * k3a__xl_col_px(28) + 2 * k3a__xl_col_px(3), 0, 1);
}

/* ---- Temuan / Findings ----------------------------------------------------- */

struct finding_row {
    const char *id, *element, *title, *unit, *clause, *action, *target, *owner;
    char ubuf[32], obuf[80];
    const struct k3a_band *priority;
    double measured;
    int measured_dec; /* follows measured (COL_NUM_DEC) */
    double limit;
    int limit_dec; /* follows limit (COL_NUM_DEC) */
    enum k3a_verdict verdict;
    char target_buf[16];
    char measured_text[8];
    char element_buf[160], title_buf[400], clause_buf[400];
};

/* Groups the passing findings by check (pass_groups_free releases). */
static void pass_groups_init(struct wctx *w)
{
    enum { SLOTS = 1024 };
    const struct k3a_results *r = w->r;
    int32_t slot[SLOTS];
    size_t i, j = 0, cap = 0;
    const char *last = NULL; /* the check before: most come in runs */

    w->pg = NULL;
    w->n_pg = 0;
    w->pg_of = malloc((r->n_findings + 1) * sizeof(*w->pg_of));
    if (!w->pg_of)
        return; /* every finding gets its own row */
    memset(slot, 0xff, sizeof(slot));
    for (i = 0; i < r->n_findings; i++) {
        const struct k3a_finding *f = &r->findings[i];
        const unsigned char *c = (const unsigned char *)f->check;
        uint32_t h = 2166136261u; /* FNV-1a */
        const char *clause, *clause1;
        struct pass_group *g;

        w->pg_of[i] = -1;
        /* a pass the risk register cites as a source (an arc-flash energy,
         * say) keeps its own row, so the IBPR sheet's reference is found */
        if (f->verdict != K3A_PASS || f->cited)
            continue;
        if (f->check != last || slot[j] < 0) { /* else the same text: slot j */
            while (*c)
                h = (h ^ *c++) * 16777619u;
            for (j = h % SLOTS; slot[j] >= 0 && strcmp(w->pg[slot[j]].check, f->check);
                 j = (j + 1) % SLOTS)
                ;
            last = f->check;
        }
        if (slot[j] < 0) {
            if (w->n_pg >= SLOTS / 2)
                continue; /* absurdly many kinds of check: list them */
            if (w->n_pg == cap) {
                void *p = realloc(w->pg, (cap = cap * 2 + 32) * sizeof(*w->pg));
                if (!p)
                    continue;
                w->pg = p;
            }
            slot[j] = (int32_t)w->n_pg;
            g = &w->pg[w->n_pg++];
            memset(g, 0, sizeof(*g));
            g->check = f->check;
            g->first = i;
        }
        g = &w->pg[slot[j]];
        clause = k3a_finding_clause(f, w->lang);
        clause1 = k3a_finding_clause(&r->findings[g->first], w->lang);
        if (!g->mixed && clause != clause1 && strcmp(clause, clause1) != 0)
            g->mixed = 1;
        if (g->n < sizeof(g->ex) / sizeof(g->ex[0]))
            g->ex[g->n] = i;
        g->n++;
        w->pg_of[i] = slot[j];
    }
}

static void pass_groups_free(struct wctx *w)
{
    free(w->pg);
    free(w->pg_of);
    w->pg = NULL;
    w->pg_of = NULL;
}

/* For each finding, the first risk of the register that cites it (-1
 * none): its control is the finding's recommendation, its band the
 * priority and its due date the target. */
static void risk_of_init(struct wctx *w)
{
    const struct k3a_results *r = w->r;
    size_t k;

    w->risk_of = malloc((r->n_findings + 1) * sizeof(*w->risk_of));
    if (!w->risk_of)
        return;
    memset(w->risk_of, 0xff, (r->n_findings + 1) * sizeof(*w->risk_of));
    for (k = 0; k < r->n_risks; k++) {
        const char *p = r->risks[k].source;
        while (p && *p) {
            if (*p == 'F') {
                char *end;
                unsigned long n = strtoul(p + 1, &end, 10);
                if (end > p + 1 && n >= 1 && n <= r->n_findings &&
                    strncmp(r->findings[n - 1].id, p, (size_t)(end - p)) == 0 &&
                    w->risk_of[n - 1] < 0)
                    w->risk_of[n - 1] = (int32_t)k;
                p = end;
            } else
                p++;
        }
    }
}

/* d plus n days. */
static struct k3a_date date_add(struct k3a_date d, int n)
{
    static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

    while (n-- > 0 && d.y) {
        int ml = mdays[d.m - 1] +
                 (d.m == 2 && ((d.y % 4 == 0 && d.y % 100 != 0) || d.y % 400 == 0));
        if (++d.d > ml) {
            d.d = 1;
            if (++d.m > 12) {
                d.m = 1;
                d.y++;
            }
        }
    }
    return d;
}

/* The recommendation, priority and target date of a FAIL or WARN: from
 * the risk that cites it, else by verdict (a FAIL at the profile's high
 * band, a WARN at its medium one, each with that band's days). */
static void finding_action(struct wctx *w, size_t i, struct finding_row *row)
{
    const struct k3a_results *r = w->r;
    const struct k3a_finding *f = &r->findings[i];
    int32_t k = w->risk_of ? w->risk_of[i] : -1;
    struct k3a_date due = { 0, 0, 0 };

    if (k >= 0) {
        const struct k3a_risk *q = &r->risks[k];
        row->action = w->lang == K3A_LANG_EN ? q->control_en : q->control_id;
        row->owner = q->owner ? k3a_text_lang(q->owner, w->lang, row->obuf, sizeof(row->obuf))
                              : NULL;
        row->priority = q->band;
        due = q->due;
    }
    /* A4: every FAIL and WARN says what to do and who does it, also one
     * no risk of the register cites */
    if (!row->action || !*row->action)
        row->action = k3a_check_action(f->check, f->verdict == K3A_FAIL, w->lang,
                                       row->owner ? NULL : &row->owner);
    else if (!row->owner)
        k3a_check_action(f->check, f->verdict == K3A_FAIL, w->lang, &row->owner);
    if (!row->priority && r->has_profile && r->profile.file) {
        size_t b;
        unsigned want = f->verdict == K3A_FAIL ? 2 : 1;
        for (b = 0; b < r->profile.file->n_bands; b++)
            if ((unsigned)r->profile.file->bands[b].level == want)
                row->priority = &r->profile.file->bands[b];
    }
    if (!due.y && row->priority)
        due = date_add(r->site->site.audit_date, row->priority->due_days);
    if (due.y) {
        k3a__xl_date_text(due, row->target_buf, sizeof(row->target_buf));
        row->target = row->target_buf;
    }
}

static int finding_row(struct wctx *w, size_t i, void *rowp)
{
    struct finding_row *row = rowp;
    const struct k3a_finding *f = &w->r->findings[i];
    int32_t g = w->pg_of ? w->pg_of[i] : -1;

    if (g >= 0 && w->pg[g].n > PASS_ROWS_MAX) {
        const struct pass_group *pg = &w->pg[g];
        size_t k, len;
        if (pg->first != i)
            return 1;
        snprintf(row->element_buf, sizeof(row->element_buf), "%zu %s", pg->n,
                 TX(w, ELEMENTS));
        len = (size_t)snprintf(row->title_buf, sizeof(row->title_buf), "%s: %s %zu %s, %s",
                               f->check, TX(w, PASS_AT), pg->n, TX(w, ELEMENTS),
                               TX(w, FOR_EXAMPLE));
        for (k = 0; k < sizeof(pg->ex) / sizeof(pg->ex[0]) && len < sizeof(row->title_buf);
             k++)
            len += (size_t)snprintf(row->title_buf + len, sizeof(row->title_buf) - len,
                                    "%s%s", k ? ", " : " ",
                                    w->r->findings[pg->ex[k]].element);
        if (len < sizeof(row->title_buf))
            snprintf(row->title_buf + len, sizeof(row->title_buf) - len, " ... (%s)",
                     TX(w, PASS_DETAIL));
        row->id = f->id;
        row->element = row->element_buf;
        row->title = row->title_buf;
        row->measured = row->limit = NAN;
        row->unit = "";
        row->verdict = K3A_PASS;
        row->clause = k3a_finding_clause(f, w->lang);
        if (pg->mixed) {
            snprintf(row->clause_buf, sizeof(row->clause_buf), "%s (%s)", row->clause,
                     TX(w, AND_OTHERS));
            row->clause = row->clause_buf;
        }
        return 0;
    }
    row->id = f->id;
    row->element = k3a_element_text(f->element, w->lang, row->element_buf,
                                    sizeof(row->element_buf));
    row->title = k3a_finding_title(f, w->lang);
    row->measured = f->has_measured ? f->measured : NAN;
    row->limit = f->has_limit ? f->limit : NAN;
    /* site-format 9: the number shown never contradicts the verdict:
     * 5.004 s against 5 s is shown as 5.004, not 5.00 */
    k3a__xl_pair_dec(row->measured, row->limit, 2, &row->measured_dec, &row->limit_dec);
    row->unit = k3a__xl_unit_text(k3a_finding_unit(f, w->lang), row->ubuf, sizeof(row->ubuf));
    row->verdict = f->verdict;
    row->clause = k3a_finding_clause(f, w->lang);
    if (f->verdict != K3A_PASS)
        finding_action(w, i, row);
    return 0;
}

/* clang-format off */
#define FC(h, u, wd, k, field, d) { K3A_T_##h, u, wd, k, offsetof(struct finding_row, field), d, NULL }
static const struct col_spec finding_cols[] = {
    FC(NO,          "",  8, COL_TEXT,    id,       0),
    FC(ELEMENT,     "", 20, COL_TEXT,    element,  0),
    FC(DESCRIPTION, "", 42, COL_TEXT,    title,    0),
    FC(MEASURED,    "", 11, COL_NUM_DEC, measured, 2),
    FC(LIMIT,       "", 11, COL_NUM_DEC, limit,    2),
    FC(UNIT,        "",  9, COL_UNIT,    unit,     0),
    FC(RESULT,      "", 16, COL_VERDICT, verdict,  0),
    FC(CLAUSE,      "", 36, COL_TEXT,    clause,   0),
    FC(ACTION_COL,  "", 30, COL_TEXT,    action,   0),
    FC(ACT_PRIORITY, "", 10, COL_BAND,   priority, 0),
    FC(TARGET_DATE, "", 11, COL_TEXT,    target,   0),
    FC(OWNER,       "", 16, COL_TEXT,    owner,    0),
};
#undef FC
/* clang-format on */

/* ---- Peringatan / Warnings ------------------------------------------------- */

struct diag_row {
    const char *element, *key, *message;
    double line;
    char ebuf[96]; /* the element's kind in the workbook's language */
};

static int diag_row(struct wctx *w, size_t i, void *rowp)
{
    struct diag_row *row = rowp;
    const struct k3a_diag *d = &w->o->diags->v[i];

    if (d->severity != K3A_WARNING)
        return 1;
    row->element = k3a_element_text(d->element, w->lang, row->ebuf, sizeof(row->ebuf));
    row->key = d->key;
    /* issue 22: the warning in the workbook's language (stderr keeps the
     * English of every diagnostic) */
    row->message = k3a_diag_message(d, w->lang == K3A_LANG_ID);
    row->line = d->line > 0 ? (double)d->line : (double)NAN;
    return 0;
}

/* clang-format off */
#define DC(h, u, wd, k, field, d) { K3A_T_##h, u, wd, k, offsetof(struct diag_row, field), d, NULL }
static const struct col_spec diag_cols[] = {
    DC(LINE,    "",  8, COL_NUM,  line,    0),
    DC(ELEMENT, "", 22, COL_TEXT, element, 0),
    DC(KEY,     "", 20, COL_TEXT, key,     0),
    DC(MESSAGE, "", 90, COL_TEXT, message, 0),
};
#undef DC
/* clang-format on */


void k3a__xl_write_findings(struct wctx *w)
{
    pass_groups_init(w); /* read by the findings' rows */
    risk_of_init(w);
    TABLE(SH_FINDINGS, finding_cols, finding_row, finding_row, w->r->n_findings, NULL);
    pass_groups_free(w);
    free(w->risk_of);
    w->risk_of = NULL;
}

void k3a__xl_write_warnings(struct wctx *w)
{
    TABLE(SH_WARNINGS, diag_cols, diag_row, diag_row, w->o->diags ? w->o->diags->n : 0,
          NULL);
}
