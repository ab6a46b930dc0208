/*
 * xlsx_energy.c - the audit workbook's Energi (energy audit) and
 * Rekomendasi (energy recommendations) sheets.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xlsx.h"

/* ---- Energi / Energy and Rekomendasi / Recommendations ---------------- */

static void num_cell(struct wctx *w, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
                     double v, lxw_format *f)
{
    if (isfinite(v))
        cell(w, k3a__xl_write_number(ws, r, c, v, f));
    else
        cell(w, worksheet_write_blank(ws, r, c, w->st.text));
}

static void kv_num(struct wctx *w, lxw_worksheet *ws, lxw_row_t *row,
                   const char *label, double v, const char *unit, lxw_format *f,
                   const char *basis)
{
    char ub[32];

    cell(w, worksheet_write_string(ws, *row, 0, label, w->st.label));
    num_cell(w, ws, *row, 1, v, f);
    cell(w, worksheet_write_string(ws, *row, 2, k3a__xl_unit_label(w, unit, ub, sizeof(ub)),
                                    w->st.text));
    if (basis && *basis) { /* across D:I, wrapped */
        double nl = k3a__xl_text_lines(basis, 6 * 13, 0);
        check(w, worksheet_merge_range(ws, *row, 3, *row, 8, basis, w->st.wrap));
        if (nl > 1)
            check(w, worksheet_set_row(ws, *row, 15.0 * nl, NULL));
    }
    (*row)++;
}

/* The energy audit's figures, one a row with unit and basis: energy,
 * cost and its tariff, PF, losses, IKE, CO2, the baseline equation.
 * Returns the next free row. */
static lxw_row_t energy_figures(struct wctx *w, lxw_worksheet *ws, lxw_row_t row)
{
    const struct k3a_energy_res *e = &w->r->energy;
    const struct k3a_site *s = w->r->site;
    int en = w->lang == K3A_LANG_EN;
    char buf[400], tb[400];

    kv_num(w, ws, &row, TX(w, E_ANNUAL), e->annual_kWh, "kWh",
           w->st.num0, e->annual_from_bills ? TX(w, FROM_BILLS) : TX(w, FROM_MODEL));
    kv_num(w, ws, &row, TX(w, E_MODEL), e->model_kWh, "kWh", w->st.num0,
           en ? "sum of quantity x P_in x hours a year" : "jumlah dari banyaknya x P_masuk x jam setahun");
    kv_num(w, ws, &row, TX(w, E_GAP), e->gap_pct, "%", w->st.num1, NULL);
    if (e->tariff || isfinite(e->annual_cost_Rp))
        kv_num(w, ws, &row, TX(w, E_COST), e->annual_cost_Rp, "Rp", w->st.num0,
               e->tariff ? k3a_text_lang(e->tariff->clause, w->lang, tb, sizeof(tb))
                         : TX(w, FROM_BILLS));
    else { /* never 0 Rp for a group the model lacks */
        snprintf(buf, sizeof(buf), "%s (%s)", TX(w, NOT_COSTED),
                 s->n_supplies && s->supplies[0].tariff ? s->supplies[0].tariff : "-");
        cell(w, worksheet_write_string(ws, row, 0, TX(w, E_COST), w->st.label));
        cell(w, worksheet_write_string(ws, row++, 1, buf, w->st.warn));
    }
    if (e->tariff) { /* the rates the costing used, and their source */
        snprintf(buf, sizeof(buf), "%s: LWBP Rp %.2f/kWh, WBP = %.2f x LWBP, kVArh Rp %.2f/kvarh",
                 e->tariff->hdr.name, e->tariff->lwbp_Rp, e->tariff->k_wbp,
                 e->tariff->kvarh_Rp);
        cell(w, worksheet_write_string(ws, row, 0, TX(w, TARIFF_BASIS), w->st.label));
        check(w, worksheet_merge_range(ws, row, 1, row, 8, buf, w->st.wrap));
        row++;
    }
    kv_num(w, ws, &row, TX(w, E_PRICE), e->price_Rp_kWh, "Rp/kWh", w->st.num2, NULL);
    kv_num(w, ws, &row, TX(w, E_PF), e->pf_avg, "-", w->st.num3,
           en ? "Permen ESDM 7/2024 (PF < 0.85: kVArh)" : "Permen ESDM 7/2024 (PF < 0,85: kVArh)");
    kv_num(w, ws, &row, TX(w, E_KVARH), e->n_months ? e->kvarh_charge_Rp : NAN, "Rp",
           w->st.num0, NULL);
    kv_num(w, ws, &row, TX(w, E_KVAR), e->kvar_proposed > 0 ? e->kvar_proposed : NAN,
           "kvar", w->st.num0, "Q = P (tan phi1 - tan phi2)");
    kv_num(w, ws, &row, TX(w, E_LOSSES), e->loss_kWh, "kWh", w->st.num0,
           en ? "cables I2R; transformers P0 + Pk (S/Sn)2" : "kabel I2R; trafo P0 + Pk (S/Sn)2");
    kv_num(w, ws, &row, TX(w, E_IKE), e->ike_kWh_m2, "kWh/m2/year", w->st.num0,
           e->ike_row ? k3a_text_lang(e->ike_row->clause, w->lang, tb, sizeof(tb)) : "");
    kv_num(w, ws, &row, TX(w, E_SEC), e->sec_kWh_unit, en ? "kWh/unit" : "kWh/satuan",
           w->st.num3, NULL);
    kv_num(w, ws, &row, "TOE", e->toe, "TOE/year", w->st.num0, "PP 33/2023");
    snprintf(buf, sizeof(buf), "%s (%s %d)",
             e->grid ? k3a_text_lang(e->grid->clause, w->lang, tb, sizeof(tb)) : "",
             e->grid ? e->grid->hdr.name : "", e->grid ? e->grid->data_year : 0);
    kv_num(w, ws, &row, "CO2", e->co2_t, "t/year", w->st.num1, e->grid ? buf : "");
    if (e->has_fit) {
        /* the regression as an equation: kWh = b0 + b1 x X (+ b2 x CDD) */
        const char *x1 = e->fit_uses_production ? TX(w, PRODUCTION) : "CDD";
        size_t u = (size_t)k3a__fmt(buf, sizeof(buf), "kWh = %.1f %s %.2f \xC3\x97 %s",
                                    e->fit.b[0], e->fit.b[1] < 0 ? "\xE2\x88\x92" : "+",
                                    fabs(e->fit.b[1]), x1);
        if (e->fit.p == 3 && u < sizeof(buf))
            k3a__fmt(buf + u, sizeof(buf) - u, " %s %.2f \xC3\x97 CDD",
                     e->fit.b[2] < 0 ? "\xE2\x88\x92" : "+", fabs(e->fit.b[2]));
        cell(w, worksheet_write_string(ws, row, 0, TX(w, BASELINE), w->st.label));
        check(w, worksheet_merge_range(ws, row, 1, row, 8, buf, w->st.wrap));
        row++;
        kv_num(w, ws, &row, "R2", e->fit.r2, "-", w->st.num3, NULL);
        kv_num(w, ws, &row, "CV(RMSE)", e->fit.cv_rmse_pct, "%", w->st.num2,
               "ASHRAE Guideline 14 (n - p)");
        kv_num(w, ws, &row, "NMBE", e->fit.nmbe_pct, "%", w->st.num2,
               "ASHRAE Guideline 14 (n - p)");
    }
    return row;
}

/* The Energi sheet's printed width: 34, 16 and seven columns of 13. */
#define ENERGY_PX (k3a__xl_col_px(34) + k3a__xl_col_px(16) + 7 * k3a__xl_col_px(13))

/* Where the Energi sheet's printed pages break: each chart on one printed
 * page (B20), the page's end counted in the sheet's points (a row of a
 * note wraps: 45 pt of allowance). */
struct energy_pages {
    double page_h;    /* a printed page */
    double y;         /* of it used so far */
    lxw_row_t brk[3]; /* the breaks, then 0 */
    size_t n_brk;
};

/* The end-use table's pie chart beside it, at row head. */
static void enduse_chart(struct wctx *w, lxw_worksheet *ws, const char *sheet,
                         lxw_row_t head, lxw_row_t first, lxw_row_t last)
{
    lxw_chart *ch = workbook_add_chart(w->wb, LXW_CHART_PIE);
    lxw_chart_series *se;

    if (!ch)
        return;
    se = chart_add_series(ch, NULL, NULL);
    chart_series_set_categories(se, sheet, first, 0, last, 0);
    chart_series_set_values(se, sheet, first, 1, last, 1);
    chart_title_set_name(ch, TX(w, END_USE));
    check(w, worksheet_insert_chart(ws, head, 4, ch));
}

/* The energy by end use from row on, with its pie chart (the table and
 * the chart on the next page when they do not fit on this one).  Returns
 * the row below both. */
static lxw_row_t energy_enduse(struct wctx *w, lxw_worksheet *ws, const char *sheet,
                               lxw_row_t row, struct energy_pages *pg)
{
    static const enum k3a_text_id enduse[7] = {
        K3A_T_EU_MOTOR, K3A_T_EU_LIGHTING, K3A_T_EU_HVAC, K3A_T_EU_SOCKET,
        K3A_T_EU_HEATER, K3A_T_EU_PROCESS, K3A_T_EU_OTHER
    };
    const struct k3a_energy_res *e = &w->r->energy;
    lxw_row_t head = row, first;
    size_t i;

    pg->y = 15.0 * row + 45.0;
    if (pg->y + 15.0 * 17 > pg->page_h) {
        pg->brk[pg->n_brk++] = head;
        pg->y = 0;
    }
    cell(w, worksheet_write_string(ws, row, 0, TX(w, END_USE), w->st.head));
    cell(w, worksheet_write_string(ws, row, 1, w->lang == K3A_LANG_EN ? "kWh/year" : "kWh/tahun",
                                    w->st.head));
    cell(w, worksheet_write_string(ws, row, 2, "%", w->st.head));
    first = ++row;
    for (i = 0; i < 7; i++) {
        if (!(e->enduse_kWh[i] > 0))
            continue;
        cell(w, worksheet_write_string(ws, row, 0, k3a_text(w->lang, enduse[i]), w->st.text));
        num_cell(w, ws, row, 1, e->enduse_kWh[i], w->st.num0);
        num_cell(w, ws, row, 2, e->model_kWh > 0 ? 100 * e->enduse_kWh[i] / e->model_kWh : NAN,
                 w->st.num1);
        row++;
    }
    if (row > first) {
        enduse_chart(w, ws, sheet, head, first, row - 1);
        if (row < head + 16) /* the chart's 15 rows, beside the table */
            row = head + 16;
    }
    pg->y += 15.0 * (row - head);
    return row;
}

/* The monthly bills' line chart against the model, below their table
 * (rows first to last), on a page of its own when it does not fit. */
static void bills_chart(struct wctx *w, lxw_worksheet *ws, const char *sheet,
                        lxw_row_t first, lxw_row_t last, struct energy_pages *pg)
{
    lxw_chart *ch = workbook_add_chart(w->wb, LXW_CHART_LINE);
    lxw_chart_series *se;
    lxw_row_t at = last + 2;

    if (!ch)
        return;
    if (pg->y + 15.0 + 216.0 > pg->page_h)
        pg->brk[pg->n_brk++] = at++;
    se = chart_add_series(ch, NULL, NULL);
    chart_series_set_categories(se, sheet, first, 0, last, 0);
    chart_series_set_values(se, sheet, first, 1, last, 1);
    chart_series_set_name(se, TX(w, KWH));
    se = chart_add_series(ch, NULL, NULL);
    chart_series_set_categories(se, sheet, first, 0, last, 0);
    chart_series_set_values(se, sheet, first, 7, last, 7);
    chart_series_set_name(se, TX(w, MODEL_MONTH));
    chart_title_set_name(ch, TX(w, BILLS_VS_MODEL));
    chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
    check(w, worksheet_insert_chart(ws, at, 0, ch));
}

/* The monthly bills against the model, a row a month after a blank row,
 * then their chart. */
static void energy_bills(struct wctx *w, lxw_worksheet *ws, const char *sheet,
                         lxw_row_t row, struct energy_pages *pg)
{
    static const enum k3a_text_id mh[] = { K3A_T_MONTH, K3A_T_KWH, K3A_T_KVARH_COL,
                                           K3A_T_PF_COL, K3A_T_PEAK, K3A_T_COST_MODEL,
                                           K3A_T_COST_BILL, K3A_T_MODEL_MONTH };
    const struct k3a_energy_res *e = &w->r->energy;
    lxw_row_t first;
    char buf[32];
    size_t i;

    row++;
    for (i = 0; i < 8; i++)
        cell(w, worksheet_write_string(ws, row, (lxw_col_t)i,
                                        k3a_text(w->lang, mh[i]), w->st.head));
    check(w, worksheet_set_row(ws, row, 30, NULL));
    first = ++row;
    for (i = 0; i < e->n_months; i++, row++) {
        const struct k3a_month_res *mo = &e->months[i];
        snprintf(buf, sizeof(buf), "%04d-%02d", mo->y, mo->m);
        cell(w, worksheet_write_string(ws, row, 0, buf, w->st.text));
        num_cell(w, ws, row, 1, mo->kWh, w->st.num0);
        num_cell(w, ws, row, 2, mo->kvarh, w->st.num0);
        num_cell(w, ws, row, 3, mo->cost.pf, w->st.num3);
        num_cell(w, ws, row, 4, mo->peak_kW, w->st.num0);
        num_cell(w, ws, row, 5, e->tariff ? mo->cost.total_Rp : NAN, w->st.num0);
        num_cell(w, ws, row, 6, mo->cost_bill_Rp, w->st.num0);
        num_cell(w, ws, row, 7, e->model_kWh / 12.0, w->st.num0);
    }
    pg->y += 15.0 + 30.0 + 15.0 * (double)e->n_months;
    bills_chart(w, ws, sheet, first, row - 1, pg);
}

/* The Energi sheet: the figures, the end use, the monthly bills. */
static void write_energy(struct wctx *w)
{
    lxw_worksheet *ws = workbook_add_worksheet(w->wb, TX(w, SH_ENERGY));
    struct energy_pages pg = { k3a__xl_page_height(ENERGY_PX), 0, { 0 }, 0 };
    lxw_row_t row;
    char sheet[40];

    if (!ws) {
        check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    snprintf(sheet, sizeof(sheet), "%s", TX(w, SH_ENERGY));
    check(w, worksheet_set_column(ws, 0, 0, 34, NULL));
    check(w, worksheet_set_column(ws, 1, 1, 16, NULL));
    check(w, worksheet_set_column(ws, 2, 8, 13, NULL));
    row = k3a__xl_sheet_head(w, ws, K3A_T_SH_ENERGY, 8);
    cell(w, worksheet_write_string(ws, row++, 0, TX(w, ENERGY_SCOPE), w->st.subtitle));
    row = energy_figures(w, ws, row + 1);
    row = energy_enduse(w, ws, sheet, row + 1, &pg);
    if (w->r->energy.n_months)
        energy_bills(w, ws, sheet, row, &pg);
    if (pg.n_brk) {
        pg.brk[pg.n_brk] = 0;
        check(w, worksheet_set_h_pagebreaks(ws, pg.brk));
    }
    k3a__xl_page_setup(w, ws, ENERGY_PX, 0, 0);
}

struct reco_row {
    const char *title, *basis, *viable;
    char bbuf[400];
    double kwh, rp, cost, pb, npv, irr;
};

static int reco_row(struct wctx *w, size_t i, void *rowp)
{
    struct reco_row *row = rowp;
    const struct k3a_reco *k = &w->r->energy.recos[i];

    row->title = w->lang == K3A_LANG_EN ? k->title_en : k->title_id;
    row->kwh = k->saving_kWh;
    row->rp = k->saving_Rp;
    row->cost = k->cost_Rp;
    row->pb = k->payback_years;
    row->npv = k->npv_Rp;
    row->irr = isfinite(k->irr) ? 100.0 * k->irr : NAN;
    row->basis = k3a_text_lang(k->basis, w->lang, row->bbuf, sizeof(row->bbuf));
    row->viable = !isfinite(k->npv_Rp)
                      ? (w->r->energy.tariff ? TX(w, NOT_COSTED_KVARH) : TX(w, NOT_COSTED))
                  : k->npv_Rp < 0     ? TX(w, NOT_VIABLE)
                                      : TX(w, VIABLE);
    return 0;
}

/* clang-format off */
#define RC(h, u, wd, k, field, d) { K3A_T_##h, u, wd, k, offsetof(struct reco_row, field), d, NULL }
static const struct col_spec reco_cols[] = {
    RC(RECOMMENDATION, "",         50, COL_TEXT, title, 0),
    RC(SAVING_KWH,     "kWh/year", 12, COL_NUM,  kwh,   0),
    RC(SAVING_RP,      "Rp/year",  15, COL_NUM,  rp,    0),
    RC(INVESTMENT,     "Rp",       15, COL_NUM,  cost,  0),
    RC(PAYBACK,        "year",     12, COL_NUM,  pb,    1),
    RC(NPV,            "Rp",       15, COL_NUM,  npv,   0),
    RC(IRR,            "%",         8, COL_NUM,  irr,   1),
    RC(VIABILITY,      "",         16, COL_TEXT, viable, 0),
    RC(CLAUSE,         "",         40, COL_TEXT, basis, 0),
};
#undef RC
/* clang-format on */


void k3a__xl_write_energy_sheets(struct wctx *w)
{
    write_energy(w);
    TABLE(SH_RECO, reco_cols, reco_row, reco_row, w->r->energy.n_recos, NULL);
}
