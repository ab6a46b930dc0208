/*
 * xlsx_scenario.c - the scenario and sweep comparison workbook
 * (k3a_report_write_scenario_xlsx).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xlsx.h"

/* ---- scenario and sweep comparison ------------------------------------- */

static int32_t bus_by_name(const struct k3a_site *s, const char *name)
{
    size_t i;

    for (i = 0; i < s->n_buses; i++)
        if (strcmp(s->buses[i].hdr.name, name) == 0)
            return (int32_t)i;
    return -1;
}

/* The same risk in two runs of a scenario: the same element and kind of
 * hazard, both from rules or both the same manual [hazard].  (Each run
 * loads its own site, so text pointers differ between runs.) */
static int same_risk(const struct k3a_risk *a, const struct k3a_risk *b)
{
    if (strcmp(a->element, b->element) != 0 || a->hazard != b->hazard)
        return 0;
    if ((a->rule == NULL) != (b->rule == NULL))
        return 0;
    return a->rule ? 1 : strcmp(a->source, b->source) == 0;
}

/* The Skenario sheet: the scenario's story, then one row a run (its
 * findings, risks by level and the worst arc-flash energy).  -1 when
 * the sheet could not be added. */
static int scenario_runs(struct wctx *w, const struct k3a_results *const *runs,
                         const char *const *titles, size_t n)
{
    const struct k3a_site *base = runs[0]->site;
    char buf[256];
    lxw_worksheet *ws;
    size_t i, k;
    lxw_row_t row;

    ws = workbook_add_worksheet(w->wb, TX(w, SH_SCEN));
    if (!ws) {
        check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return -1;
    }
    row = k3a__xl_sheet_head(w, ws, K3A_T_SH_SCEN, 10);
    /* the title, story and task across the table's width */
    {
        const char *txt[3] = { base->scenario.title, base->scenario.story,
                               base->scenario.task };
        const enum k3a_text_id lab[3] = { K3A_T_SCENARIO, K3A_T_STORY, K3A_T_TASK };
        for (k = 0; k < 3; k++) {
            if (!txt[k])
                continue;
            snprintf(buf, sizeof(buf), "%s: ", k3a_text(w->lang, lab[k]));
            {
                size_t u = strlen(buf);
                k3a__fmt(buf + u, sizeof(buf) - u, "%s", txt[k]);
            }
            check(w, worksheet_set_row(ws, row, 15.0 * k3a__xl_text_lines(buf, 6 + 48 + 8 * 12, 0),
                                        NULL));
            check(w, worksheet_merge_range(ws, row, 0, row, 9, buf,
                                            k ? w->st.wrap : w->st.label));
            row++;
        }
    }
    row++;
    {
        static const enum k3a_text_id h[] = { K3A_T_NO, K3A_T_SCENARIO, K3A_T_FAIL_COUNT,
                                              K3A_T_WARNF_COUNT, K3A_T_RISK_EXTREME,
                                              K3A_T_RISK_HIGH, K3A_T_RISK_MEDIUM,
                                              K3A_T_RISK_LOW, K3A_T_WORST_ARC, K3A_T_BUS };
        check(w, worksheet_set_column(ws, 0, 0, 6, NULL));
        check(w, worksheet_set_column(ws, 1, 1, 48, NULL));
        check(w, worksheet_set_column(ws, 2, 9, 12, NULL));
        check(w, worksheet_set_row(ws, row, 45, NULL));
        for (k = 0; k < sizeof(h) / sizeof(h[0]); k++)
            cell(w, worksheet_write_string(ws, row, (lxw_col_t)k, k3a_text(w->lang, h[k]),
                                             w->st.head));
        row++;
        for (i = 0; i < n; i++, row++) {
            struct k3a_site_summary sm;
            memset(&sm, 0, sizeof(sm));
            k3a_site_summary_fill(runs[i], &sm);
            cell(w, k3a__xl_write_number(ws, row, 0, (double)i, w->st.num0));
            cell(w, worksheet_write_string(ws, row, 1, titles[i], w->st.wrap));
            cell(w, k3a__xl_write_number(ws, row, 2, (double)sm.n_fail, w->st.num0));
            cell(w, k3a__xl_write_number(ws, row, 3, (double)sm.n_warn, w->st.num0));
            for (k = 0; k < 4; k++)
                cell(w, k3a__xl_write_number(ws, row, (lxw_col_t)(4 + k),
                                                 (double)sm.risks[3 - k], w->st.num0));
            if (isfinite(sm.worst_arc_cal_cm2))
                cell(w, k3a__xl_write_number(ws, row, 8, sm.worst_arc_cal_cm2, w->st.num2));
            cell(w, worksheet_write_string(ws, row, 9, sm.worst_arc_bus, w->st.text));
        }
    }
    k3a__xl_page_setup(w, ws, k3a__xl_col_px(6) + k3a__xl_col_px(48) + 8 * k3a__xl_col_px(12), 0, 0);
    return 0;
}

/* Per bus: I''k, the arc duration, energy and PPE in each run. */
static void scenario_buses(struct wctx *w, const struct k3a_results *const *runs,
                           const char *const *titles, size_t n)
{
    const struct k3a_site *base = runs[0]->site;
    lxw_worksheet *ws;
    size_t i, b;
    lxw_row_t row;

    ws = workbook_add_worksheet(w->wb, TX(w, SH_SCEN_BUS));
    if (ws) {
        row = k3a__xl_sheet_head(w, ws, K3A_T_SH_SCEN_BUS, 9);
        check(w, worksheet_set_column(ws, 0, 0, 14, NULL));
        check(w, worksheet_set_column(ws, 1, (lxw_col_t)(4 * n), 10, NULL));
        cell(w, worksheet_write_string(ws, row, 0, TX(w, BUS), w->st.head));
        for (i = 0; i < n; i++)
            check(w, worksheet_merge_range(ws, row, (lxw_col_t)(1 + 4 * i), row,
                                            (lxw_col_t)(4 + 4 * i), titles[i], w->st.head));
        check(w, worksheet_set_row(ws, row, 30, NULL));
        row++;
        cell(w, worksheet_write_string(ws, row, 0, "", w->st.unit));
        for (i = 0; i < n; i++) {
            cell(w, worksheet_write_string(ws, row, (lxw_col_t)(1 + 4 * i), "I''k kA", w->st.unit));
            cell(w, worksheet_write_string(ws, row, (lxw_col_t)(2 + 4 * i),
                                             w->lang == K3A_LANG_EN ? "t arc s" : "t busur s",
                                             w->st.unit));
            cell(w, worksheet_write_string(ws, row, (lxw_col_t)(3 + 4 * i), "E cal/cm²", w->st.unit));
            cell(w, worksheet_write_string(ws, row, (lxw_col_t)(4 + 4 * i), TX(w, PPE_SHORT), w->st.unit));
        }
        row++;
        for (b = 0; b < base->n_buses && w->err == LXW_NO_ERROR; b++, row++) {
            const char *ppe0 = NULL;
            cell(w, worksheet_write_string(ws, row, 0, base->buses[b].hdr.name, w->st.text));
            for (i = 0; i < n; i++) {
                const struct k3a_results *r = runs[i];
                int32_t j = bus_by_name(r->site, base->buses[b].hdr.name);
                lxw_col_t c = (lxw_col_t)(1 + 4 * i);
                const struct k3a_bus_arc *a = j >= 0 && r->arc ? &r->arc[j] : NULL;
                if (j >= 0 && r->sc.has_case[K3A_CASE_MAX] &&
                    r->sc.bus[K3A_CASE_MAX][j].energized) {
                    cell(w, k3a__xl_write_number(ws, row, c,
                                                     r->sc.bus[K3A_CASE_MAX][j].ik3_kA,
                                                     w->st.num2));
                }
                /* the arc duration that gave the energy (at Iarc or at
                 * Iarc min, whichever governs), not the clearing time at
                 * the bolted current */
                if (a && a->available)
                    cell(w, k3a__xl_write_number(ws, row, c + 1,
                                          (a->out.governing ? a->in.t_min_ms : a->in.t_ms) /
                                              1000.0,
                                          w->st.num3));
                if (a && a->available) {
                    int changed;
                    cell(w, k3a__xl_write_number(ws, row, c + 2, a->out.energy_cal_cm2,
                                                     w->st.num2));
                    if (i == 0)
                        ppe0 = a->ppe;
                    changed = i > 0 && ppe0 && a->ppe && strcmp(ppe0, a->ppe) != 0;
                    cell(w, worksheet_write_string(ws, row, c + 3, k3a__xl_ppe_label(w, a->ppe),
                                                     changed ? w->st.warn : w->st.text));
                }
            }
        }
        worksheet_freeze_panes(ws, 4, 1);
        k3a__xl_page_setup(w, ws, k3a__xl_col_px(14) + (double)(4 * n) * k3a__xl_col_px(10), 3, 0);
    }
}

/* Per risk: its level in each run (matched by element and rule). */
static void scenario_risks(struct wctx *w, const struct k3a_results *const *runs,
                           const char *const *titles, size_t n)
{
    lxw_worksheet *ws;
    size_t i, k;
    lxw_row_t row;

    ws = workbook_add_worksheet(w->wb, TX(w, SH_SCEN_RISK));
    if (ws) {
        row = k3a__xl_sheet_head(w, ws, K3A_T_SH_SCEN_RISK, 9);
        check(w, worksheet_set_column(ws, 0, 0, 28, NULL));
        check(w, worksheet_set_column(ws, 1, 1, 50, NULL));
        check(w, worksheet_set_column(ws, 2, (lxw_col_t)(2 + n), 14, NULL));
        cell(w, worksheet_write_string(ws, row, 0, TX(w, ELEMENT), w->st.head));
        cell(w, worksheet_write_string(ws, row, 1, TX(w, HAZARD), w->st.head));
        {
            double hl = 3;
            for (i = 0; i < n; i++) {
                cell(w, worksheet_write_string(ws, row, (lxw_col_t)(2 + i), titles[i],
                                                 w->st.head));
                if (k3a__xl_text_lines(titles[i], 14, 1) > hl)
                    hl = k3a__xl_text_lines(titles[i], 14, 1);
            }
            check(w, worksheet_set_row(ws, row, 15.0 * hl, NULL));
        }
        row++;
        /* every distinct risk of every run, in run order, matched across
         * runs by element and kind of hazard (and a manual [hazard] by
         * its name): a band change is one row, before and after */
        for (i = 0; i < n && w->err == LXW_NO_ERROR; i++)
            for (k = 0; k < runs[i]->n_risks; k++) {
                const struct k3a_risk *q = &runs[i]->risks[k];
                size_t i2, k2, j, u;
                int seen = 0;
                char hz[600];
                for (i2 = 0; i2 <= i && !seen; i2++)
                    for (k2 = 0; k2 < (i2 == i ? k : runs[i2]->n_risks) && !seen; k2++)
                        seen = same_risk(&runs[i2]->risks[k2], q);
                if (seen)
                    continue;
                u = (size_t)k3a__fmt(hz, sizeof(hz), "%s",
                                     w->lang == K3A_LANG_EN ? q->hazard_en : q->hazard_id);
                for (j = i + 1; j < n; j++) { /* a later run's other wording */
                    const struct k3a_risk *m = NULL;
                    size_t t;
                    for (t = 0; t < runs[j]->n_risks && !m; t++)
                        if (same_risk(&runs[j]->risks[t], q))
                            m = &runs[j]->risks[t];
                    if (m && u < sizeof(hz)) {
                        const char *h2 = w->lang == K3A_LANG_EN ? m->hazard_en : m->hazard_id;
                        if (h2 && !strstr(hz, h2))
                            u += (size_t)k3a__fmt(hz + u, sizeof(hz) - u, " \xE2\x86\x92 %s",
                                                  h2);
                    }
                }
                check(w, worksheet_set_row(ws, row, 15.0 * k3a__xl_text_lines(hz, 50, 0), NULL));
                cell(w, worksheet_write_string(ws, row, 0, q->element, w->st.text));
                cell(w, worksheet_write_string(ws, row, 1, hz, w->st.wrap));
                for (j = 0; j < n; j++) {
                    const struct k3a_risk *m = NULL;
                    size_t t;
                    for (t = 0; t < runs[j]->n_risks; t++)
                        if (same_risk(&runs[j]->risks[t], q) &&
                            (!m || (runs[j]->risks[t].band && m->band &&
                                    runs[j]->risks[t].band->level > m->band->level)))
                            m = &runs[j]->risks[t];
                    if (m && m->band)
                        cell(w, worksheet_write_string(
                                      ws, row, (lxw_col_t)(2 + j),
                                      w->lang == K3A_LANG_EN ? m->band->label_en : m->band->label_id,
                                      k3a__xl_band_format(w, m->band, 0)));
                    else
                        cell(w, worksheet_write_string(ws, row, (lxw_col_t)(2 + j), "-",
                                                         w->st.text));
                }
                row++;
            }
        k3a__xl_page_setup(w, ws, k3a__xl_col_px(28) + k3a__xl_col_px(50) + (double)n * k3a__xl_col_px(14), 2, 0);
    }
}

/* A sweep: energies against the swept value, with a chart. */
static void scenario_sweep(struct wctx *w, const struct k3a_results *const *runs,
                           const char *const *titles, size_t n,
                           const char *sweep_key)
{
    const struct k3a_site *base = runs[0]->site;
    char buf[256], sheet[40];
    lxw_worksheet *ws;
    size_t i, b, k;
    lxw_row_t row;

    if (sweep_key && n > 1) {
        size_t nb = 0, cols[8];
        ws = workbook_add_worksheet(w->wb, TX(w, SH_SWEEP));
        if (ws) {
            lxw_row_t first, last;
            snprintf(sheet, sizeof(sheet), "%s", TX(w, SH_SWEEP));
            row = k3a__xl_sheet_head(w, ws, K3A_T_SH_SWEEP, 9);
            check(w, worksheet_set_column(ws, 0, 0, 30, NULL));
            check(w, worksheet_set_column(ws, 1, 9, 12, NULL));
            for (b = 0; b < base->n_buses && nb < 8; b++)
                if (runs[0]->arc && runs[0]->arc[b].available)
                    cols[nb++] = b;
            snprintf(buf, sizeof(buf), "%s", sweep_key);
            cell(w, worksheet_write_string(ws, row, 0, buf, w->st.head));
            for (k = 0; k < nb; k++) {
                snprintf(buf, sizeof(buf), "E %s", base->buses[cols[k]].hdr.name);
                cell(w, worksheet_write_string(ws, row, (lxw_col_t)(1 + k), buf, w->st.head));
            }
            row++;
            first = row;
            for (i = 1; i < n; i++, row++) {
                const char *v = strrchr(titles[i], '=');
                cell(w, worksheet_write_string(ws, row, 0, v ? v + 1 : titles[i], w->st.text));
                for (k = 0; k < nb; k++) {
                    int32_t j = bus_by_name(runs[i]->site, base->buses[cols[k]].hdr.name);
                    const struct k3a_bus_arc *a = j >= 0 && runs[i]->arc ? &runs[i]->arc[j] : NULL;
                    const char *prev = NULL;
                    if (i > 1) {
                        int32_t jp = bus_by_name(runs[i - 1]->site, base->buses[cols[k]].hdr.name);
                        if (jp >= 0 && runs[i - 1]->arc && runs[i - 1]->arc[jp].available)
                            prev = runs[i - 1]->arc[jp].ppe;
                    }
                    if (a && a->available)
                        cell(w, k3a__xl_write_number(
                                      ws, row, (lxw_col_t)(1 + k), a->out.energy_cal_cm2,
                                      prev && a->ppe && strcmp(prev, a->ppe) != 0 ? w->st.warn2
                                                                                  : w->st.num2));
                }
            }
            last = row - 1;
            row++;
            cell(w, worksheet_write_string(ws, row, 0, TX(w, SWEEP_NOTE), w->st.subtitle));
            if (nb && last >= first) {
                lxw_chart *ch = workbook_add_chart(w->wb, LXW_CHART_LINE);
                if (ch) {
                    for (k = 0; k < nb; k++) {
                        lxw_chart_series *se = chart_add_series(ch, NULL, NULL);
                        chart_series_set_categories(se, sheet, first, 0, last, 0);
                        chart_series_set_values(se, sheet, first, (lxw_col_t)(1 + k), last,
                                                (lxw_col_t)(1 + k));
                        chart_series_set_name(se, base->buses[cols[k]].hdr.name);
                    }
                    chart_title_set_name(ch, sweep_key);
                    chart_axis_set_name(ch->y_axis, "cal/cm²");
                    chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
                    check(w, worksheet_insert_chart(ws, row + 2, 0, ch));
                }
            }
            k3a__xl_page_setup(w, ws, k3a__xl_col_px(30) + 9 * k3a__xl_col_px(12), 0, 0);
        }
    }
}

static enum k3a_status write_scenario_xlsx_c(const struct k3a_results *const *runs,
                                               const char *const *titles, size_t n,
                                               const char *sweep_key,
                                               enum k3a_lang lang, const char *path,
                                               char *msg, size_t msg_size)
{
    const struct k3a_site *base = runs[0]->site;
    char tmp[4096];
    struct wctx w;
    enum k3a_status st;

    memset(&w, 0, sizeof(w));
    w.lang = lang;
    w.r = runs[0];
    if ((st = k3a__xl_book_open(&w, path, tmp, sizeof(tmp), msg, msg_size)) != K3A_OK)
        return st;
    {
        lxw_doc_properties props;
        memset(&props, 0, sizeof(props));
        props.title = (char *)(uintptr_t)k3a_text(lang, K3A_T_SH_SCEN);
        props.comments = (char *)(uintptr_t)"k3audit scenario";
        props.created = (time_t)(k3a_date_days(base->site.audit_date) * 86400L);
        check(&w, workbook_set_properties(w.wb, &props));
    }
    if (k3a__xl_make_styles(&w) != 0)
        return k3a__xl_book_close(&w, tmp, path, msg, msg_size);
    if (scenario_runs(&w, runs, titles, n) == 0) {
        scenario_buses(&w, runs, titles, n);
        scenario_risks(&w, runs, titles, n);
        scenario_sweep(&w, runs, titles, n, sweep_key);
    }
    return k3a__xl_book_close(&w, tmp, path, msg, msg_size);
}

/* under the "C" locale (clocale.c) */
enum k3a_status k3a_report_write_scenario_xlsx(const struct k3a_results *const *runs,
                                               const char *const *titles, size_t n,
                                               const char *sweep_key,
                                               enum k3a_lang lang, const char *path,
                                               char *msg, size_t msg_size)
{
    void *old = k3a__c_locale_enter();
    enum k3a_status ret_ = write_scenario_xlsx_c(runs, titles, n, sweep_key, lang, path, msg, msg_size);

    k3a__c_locale_leave(old);
    return ret_;
}

