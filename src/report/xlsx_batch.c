/*
 * xlsx_batch.c - the cross-site summary workbook of a batch audit
 * (k3a_report_write_summary_xlsx).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xlsx.h"

/* ---- the cross-site summary of a batch ---------------------------------- */

static const enum k3a_text_id batch_head[] = {
    K3A_T_FILE, K3A_T_NAME, K3A_T_RESULT, K3A_T_FAIL_COUNT, K3A_T_WARNF_COUNT,
    K3A_T_RISK_EXTREME, K3A_T_RISK_HIGH, K3A_T_RISK_MEDIUM, K3A_T_RISK_LOW,
    K3A_T_WORST_ARC, K3A_T_BUS, K3A_T_EARTH_FAILS, K3A_T_IR_FAILS,
    K3A_T_E_ANNUAL, K3A_T_E_COST, K3A_T_WORKBOOK
};
static const double batch_width[] = { 28, 28, 16, 8, 8, 9, 9, 9, 9, 12, 12, 10, 10,
                                      14, 16, 34 };

/* The latest audit date as the document time: equal inputs, equal
 * bytes. */
static void batch_properties(struct wctx *w, const struct k3a_site_summary *rows, size_t n)
{
    lxw_doc_properties props;
    long days = 0;
    size_t i;

    memset(&props, 0, sizeof(props));
    for (i = 0; i < n; i++)
        if (rows[i].audit_days > days)
            days = rows[i].audit_days;
    props.title = (char *)(uintptr_t)k3a_text(w->lang, K3A_T_SH_BATCH);
    props.comments = (char *)(uintptr_t)"k3audit";
    props.created = (time_t)(days * 86400L);
    check(w, workbook_set_properties(w->wb, &props));
}

/* A number in column c of row r, or a blank cell when there is none. */
static void num_or_blank(struct wctx *w, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
                         int has, double v, lxw_format *f)
{
    if (has)
        cell(w, k3a__xl_write_number(ws, r, c, v, f));
    else
        cell(w, worksheet_write_blank(ws, r, c, w->st.text));
}

/* One site's row: its file and name, result, counts, worst arc, failed
 * earthings and insulations, energy, workbook (blank where it was not
 * audited). */
static void batch_row(struct wctx *w, lxw_worksheet *ws, lxw_row_t r,
                      const struct k3a_site_summary *sm)
{
    const double nums[] = { (double)sm->n_fail, (double)sm->n_warn,
                            (double)sm->risks[3], (double)sm->risks[2],
                            (double)sm->risks[1], (double)sm->risks[0] };
    enum k3a_verdict v = sm->status == 0 ? K3A_PASS
                         : sm->status == 3 ? K3A_FAIL
                                           : K3A_WARN;
    /* site-format 9 Conclusion: any FAIL or extreme risk as found */
    int concl_fail = sm->n_fail || sm->risks[K3A_RISK_EXTREME];
    const char *res = !sm->audited ? TX(w, NOT_AUDITED)
                      : sm->status == 3 ? TX(w, FAILON_REACHED)
                      : concl_fail      ? TX(w, C_FAIL)
                      : sm->n_warn      ? TX(w, V_WARN)
                                        : TX(w, C_PASS);
    size_t c;

    cell(w, worksheet_write_string(ws, r, 0, sm->path, w->st.text));
    cell(w, worksheet_write_string(ws, r, 1, sm->name, w->st.text));
    cell(w, worksheet_write_string(ws, r, 2, res,
                                    !sm->audited ? w->st.fail
                                    : concl_fail ? k3a__xl_verdict_format(w, K3A_FAIL)
                                                 : k3a__xl_verdict_format(w, v)));
    for (c = 0; c < 6; c++)
        num_or_blank(w, ws, r, (lxw_col_t)(3 + c), sm->audited, nums[c], w->st.num0);
    num_or_blank(w, ws, r, 9, sm->audited && isfinite(sm->worst_arc_cal_cm2),
                 sm->worst_arc_cal_cm2, w->st.num2);
    cell(w, worksheet_write_string(ws, r, 10, sm->worst_arc_bus, w->st.text));
    num_or_blank(w, ws, r, 11, sm->audited, (double)sm->earthing_fail, w->st.num0);
    num_or_blank(w, ws, r, 12, sm->audited, (double)sm->insulation_fail, w->st.num0);
    num_or_blank(w, ws, r, 13, sm->audited && isfinite(sm->annual_kWh) && sm->annual_kWh > 0,
                 sm->annual_kWh, w->st.num0);
    num_or_blank(w, ws, r, 14,
                 sm->audited && isfinite(sm->annual_cost_Rp) && sm->annual_cost_Rp > 0,
                 sm->annual_cost_Rp, w->st.num0);
    cell(w, worksheet_write_string(ws, r, 15, sm->workbook, w->st.text));
}

/* The one sheet: title, headings, a row a site, frozen panes, print
 * set-up. */
static void batch_sheet(struct wctx *w, const struct k3a_site_summary *rows, size_t n)
{
    lxw_worksheet *ws = workbook_add_worksheet(w->wb, TX(w, SH_BATCH));
    double px = 0;
    size_t i, c;

    if (!ws) {
        check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    cell(w, worksheet_write_string(ws, 0, 0, TX(w, SH_BATCH), w->st.title));
    check(w, worksheet_set_row(ws, 2, 45, NULL));
    for (c = 0; c < sizeof(batch_head) / sizeof(batch_head[0]); c++) {
        check(w, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, batch_width[c], NULL));
        cell(w, worksheet_write_string(ws, 2, (lxw_col_t)c,
                                        k3a_text(w->lang, batch_head[c]), w->st.head));
    }
    for (i = 0; i < n && w->err == LXW_NO_ERROR; i++)
        batch_row(w, ws, (lxw_row_t)(3 + i), &rows[i]);
    worksheet_freeze_panes(ws, 3, 1);
    for (c = 0; c < sizeof(batch_width) / sizeof(batch_width[0]); c++)
        px += k3a__xl_col_px(batch_width[c]);
    k3a__xl_page_setup(w, ws, px, 2, 0);
}

static enum k3a_status write_summary_xlsx_c(const struct k3a_site_summary *rows,
                                              size_t n, enum k3a_lang lang,
                                              const char *path, char *msg,
                                              size_t msg_size)
{
    char tmp[4096];
    struct wctx w;
    enum k3a_status st;

    memset(&w, 0, sizeof(w));
    w.lang = lang;
    if ((st = k3a__xl_book_open(&w, path, tmp, sizeof(tmp), msg, msg_size)) != K3A_OK)
        return st;
    batch_properties(&w, rows, n);
    if (k3a__xl_make_styles(&w) == 0)
        batch_sheet(&w, rows, n);
    return k3a__xl_book_close(&w, tmp, path, msg, msg_size);
}

/* under the "C" locale (clocale.c) */
enum k3a_status k3a_report_write_summary_xlsx(const struct k3a_site_summary *rows,
                                              size_t n, enum k3a_lang lang,
                                              const char *path, char *msg,
                                              size_t msg_size)
{
    void *old = k3a__c_locale_enter();
    enum k3a_status ret_ = write_summary_xlsx_c(rows, n, lang, path, msg, msg_size);

    k3a__c_locale_leave(old);
    return ret_;
}

