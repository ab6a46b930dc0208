/*
 * xlsx_network.c - the audit workbook's calculation sheets of the network:
 * Hubung Singkat (short circuit), Proteksi (protective devices) and Beban
 * (cables and transformers, with the loading chart).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "schema.h"
#include "xlsx.h"

/* ---- Hubung Singkat / Short circuit --------------------------------------- */

struct sc_row {
    const char *bus, *label, *device, *notes;
    double un, ikmax, ip, rx, kappa, ikmin, ik1, ikgen, tmax, tmin;
    char notes_buf[160];
};

static double pt(const struct k3a_results *r, int c, size_t i, int what)
{
    const struct k3a_sc_point *p;

    if (!r->sc.has_case[c] || !r->sc.bus[c])
        return NAN;
    p = &r->sc.bus[c][i];
    if (!p->energized)
        return NAN;
    switch (what) {
    case 0:
        return p->ik3_kA;
    case 1:
        return p->ip_kA;
    case 2:
        return p->r_over_x;
    case 3:
        return p->kappa;
    default:
        return p->has_ik1 ? p->ik1_kA : NAN;
    }
}

static int sc_row(struct wctx *w, size_t i, void *rowp)
{
    struct sc_row *row = rowp;
    const struct k3a_results *r = w->r;
    const struct k3a_site *s = r->site;
    const struct k3a_clearing *cmax = &r->prot[i].at_ik3[K3A_CASE_MAX];
    const struct k3a_clearing *cmin = &r->prot[i].at_ik3[K3A_CASE_MIN];
    struct xtext x;
    const char *note[4];
    size_t n = 0, k;

    row->bus = s->buses[i].hdr.name;
    row->label = s->buses[i].hdr.label;
    row->un = s->buses[i].voltage_kV;
    row->ikmax = pt(r, K3A_CASE_MAX, i, 0);
    row->ip = pt(r, K3A_CASE_MAX, i, 1);
    row->rx = pt(r, K3A_CASE_MAX, i, 2);
    row->kappa = pt(r, K3A_CASE_MAX, i, 3);
    row->ikmin = pt(r, K3A_CASE_MIN, i, 0);
    row->ik1 = pt(r, K3A_CASE_MIN, i, 4);
    row->ikgen = pt(r, K3A_CASE_GEN, i, 0);
    row->device = cmax->device >= 0 ? s->devices[cmax->device].hdr.name : "-";
    row->tmax = isfinite(row->ikmax) ? cmax->time_s : NAN;
    row->tmin = isfinite(row->ikmin) ? cmin->time_s : NAN;
    if (cmax->capped)
        note[n++] = w->lang == K3A_LANG_EN ? "no device clears within the longest arc duration"
                                           : "tidak diputus dalam lama busur maksimum";
    if (cmax->backup)
        note[n++] = w->lang == K3A_LANG_EN ? "cleared by an upstream device"
                                           : "diputus gawai hulu";
    if (cmax->unknown)
        note[n++] = w->lang == K3A_LANG_EN ? "a device lacks curve data"
                                           : "ada gawai tanpa data kurva";
    if (r->sc.meshed[K3A_CASE_MAX])
        note[n++] = w->lang == K3A_LANG_EN ? "meshed network (nodal method)"
                                           : "jaringan bermata (metode nodal)";
    k3a__xl_text_start(&x, row->notes_buf, sizeof(row->notes_buf));
    for (k = 0; k < n; k++) {
        k3a__xl_put(&x, k ? "; " : "");
        k3a__xl_put(&x, note[k]);
    }
    row->notes = row->notes_buf;
    return 0;
}

/* clang-format off */
#define SC(h, u, wd, k, field, d) { K3A_T_##h, u, wd, k, offsetof(struct sc_row, field), d, NULL }
static const struct col_spec sc_cols[] = {
    SC(BUS,       "",    14, COL_TEXT, bus,    0),
    SC(LABEL,     "",    24, COL_TEXT, label,  0),
    SC(UN,        "kV",   7, COL_NUM,  un,     3),
    SC(IK_MAX,    "kA",  10, COL_NUM,  ikmax,  2),
    SC(IP,        "kA",   9, COL_NUM,  ip,     2),
    SC(RX,        "-",    7, COL_NUM,  rx,     3),
    SC(KAPPA,     "-",    7, COL_NUM,  kappa,  3),
    SC(IK_MIN,    "kA",  10, COL_NUM,  ikmin,  2),
    SC(IK1_MIN,   "kA",  10, COL_NUM,  ik1,    2),
    SC(IK_GEN,    "kA",  10, COL_NUM,  ikgen,  2),
    SC(CLEAR_DEV, "",    16, COL_TEXT, device, 0),
    SC(T_MAX,     "s",   11, COL_NUM,  tmax,   3),
    SC(T_MIN,     "s",   11, COL_NUM,  tmin,   3),
    SC(NOTES,     "",    36, COL_TEXT, notes,  0),
};
#undef SC
/* clang-format on */

/* ---- Proteksi / Protection: every device, breaking capacity ------------- */

struct dev_row {
    const char *device, *at, *protects, *type, *settings;
    double rating, breaking, prospective;
    enum k3a_verdict verdict;
    const char *k3a__xl_verdict_text;
    char settings_buf[240];
};

/* The keys whose being given shapes a device's row, found once. */
struct dev_keys {
    int breaking, curve, short_time, instantaneous, rcd;
};

static int dev_row(struct wctx *w, size_t i, void *rowp)
{
    static const char *const types_id[] = { "MCB", "MCCB", "ACB", "sekering", "relai" };
    static const char *const types_en[] = { "MCB", "MCCB", "ACB", "fuse", "relay" };
    /* the curve by the standard's name (C22: not the key word IEC_SI):
     * IEC 60898-1 MCB types, IEC 60255-151 and IEEE C37.112 inverse
     * curves, definite time */
    static const char *const curves_id[] = {
        "kurva B", "kurva C", "kurva D", "IEC 60255 invers standar (SI)",
        "IEC 60255 sangat invers (VI)", "IEC 60255 ekstrem invers (EI)",
        "IEC 60255 invers waktu panjang (LTI)", "IEEE C37.112 invers moderat (MI)",
        "IEEE C37.112 sangat invers (VI)", "IEEE C37.112 ekstrem invers (EI)",
        "waktu tertentu (DT)"
    };
    static const char *const curves_en[] = {
        "type B", "type C", "type D", "IEC 60255 standard inverse (SI)",
        "IEC 60255 very inverse (VI)", "IEC 60255 extremely inverse (EI)",
        "IEC 60255 long-time inverse (LTI)", "IEEE C37.112 moderately inverse (MI)",
        "IEEE C37.112 very inverse (VI)", "IEEE C37.112 extremely inverse (EI)",
        "definite time (DT)"
    };
    const char *const *curves = w->lang == K3A_LANG_EN ? curves_en : curves_id;
    const struct dev_keys *key = w->table_data;
    struct dev_row *row = rowp;
    const struct k3a_site *s = w->r->site;
    const struct k3a_device *d = &s->devices[i];
    int given_b = k3a__given(&d->hdr, key->breaking);
    struct xtext x;

    row->device = d->hdr.name;
    row->at = d->at.name;
    row->protects = d->protects.name;
    row->type = (w->lang == K3A_LANG_EN ? types_en : types_id)[d->type];
    row->rating = d->rating_A;
    row->breaking = given_b ? d->breaking_kA : NAN;
    row->prospective = d->at.idx >= 0 ? k3a_sc_max_ik3_kA(&w->r->sc, d->at.kind,
                                                          (size_t)d->at.idx)
                                      : NAN;
    if (!(row->prospective > 0))
        row->prospective = NAN;
    /* "IEC 60255 standard inverse (SI) Is=300 A TMS=0.2; I>> 6000 A" */
    k3a__xl_text_start(&x, row->settings_buf, sizeof(row->settings_buf));
    if (k3a__given(&d->hdr, key->curve)) {
        k3a__xl_put(&x, curves[d->curve]);
        if (d->curve > K3A_CURVE_D) {
            k3a__xl_put(&x, " Is=");
            k3a__xl_put_g(&x, d->pickup_A);
            k3a__xl_put(&x, " A TMS=");
            k3a__xl_put_g(&x, d->tms);
        }
    }
    if (k3a__given(&d->hdr, key->short_time)) {
        k3a__xl_put(&x, x.len ? "; ST " : "ST ");
        k3a__xl_put_g(&x, d->short_time_A);
        k3a__xl_put(&x, " A/");
        k3a__xl_put_g(&x, d->short_time_s);
        k3a__xl_put(&x, " s");
    }
    if (k3a__given(&d->hdr, key->instantaneous)) {
        k3a__xl_put(&x, x.len ? "; I>> " : "I>> ");
        k3a__xl_put_g(&x, d->instantaneous_A);
        k3a__xl_put(&x, " A");
    }
    if (d->tcc.n) {
        k3a__xl_put(&x, x.len ? "; tcc " : "tcc ");
        k3a__xl_put_int(&x, (int)d->tcc.n, 0);
        k3a__xl_put(&x, w->lang == K3A_LANG_EN ? " points" : " titik");
    }
    if (k3a__given(&d->hdr, key->rcd)) {
        k3a__xl_put(&x, x.len ? "; IΔn " : "IΔn ");
        k3a__xl_put_g(&x, d->rcd_mA);
        k3a__xl_put(&x, " mA");
    }
    row->settings = row->settings_buf;
    if (given_b && isfinite(row->prospective)) {
        row->verdict = d->breaking_kA < row->prospective ? K3A_FAIL : K3A_PASS;
    } else {
        row->verdict = K3A_WARN;
    }
    return 0;
}

/* clang-format off */
#define DV(h, u, wd, k, field, d) { K3A_T_##h, u, wd, k, offsetof(struct dev_row, field), d, NULL }
static const struct col_spec dev_cols[] = {
    DV(DEVICE,      "",   16, COL_TEXT,    device,      0),
    DV(AT,          "",   14, COL_TEXT,    at,          0),
    DV(PROTECTS,    "",   16, COL_TEXT,    protects,    0),
    DV(TYPE,        "",    8, COL_TEXT,    type,        0),
    DV(RATING,      "A",   9, COL_NUM,     rating,      0),
    DV(SETTINGS,    "",   34, COL_TEXT,    settings,    0),
    DV(BREAKING,    "kA", 12, COL_NUM,     breaking,   -2),
    DV(PROSPECTIVE, "kA", 12, COL_NUM,     prospective, 2),
    DV(RESULT,      "",   16, COL_VERDICT, verdict,     0),
};
#undef DV
/* clang-format on */

/* ---- Beban / Loads: cables, transformers, loading chart ------------------ */

static const char *const method_words[] = { "A1", "A2", "B1", "B2", "C", "D1",
                                            "D2", "E", "F" };

/* A clause without its parenthetical remarks, appended to buf. */
static void clause_short(char *buf, size_t n, const char *sep, const char *c)
{
    size_t u = strlen(buf);
    int depth = 0;

    if (!c || !*c)
        return;
    if (u && u + strlen(sep) < n) {
        memcpy(buf + u, sep, strlen(sep) + 1);
        u += strlen(sep);
    }
    for (; *c && u + 1 < n; c++) {
        if (*c == '(')
            depth++;
        else if (*c == ')' && depth)
            depth--;
        else if (!depth)
            buf[u++] = *c;
    }
    while (u && buf[u - 1] == ' ')
        u--;
    buf[u] = '\0';
}

struct cable_row {
    const char *name, *from, *to, *cons, *method, *device, *clause;
    double ibc, ibm, ib, in, i2, itab, kt, kg, iz, load, vdo, vde;
    enum k3a_verdict verdict;
    char cbuf[64], mbuf[24], clbuf[200];
};

static int cable_row(struct wctx *w, size_t i, void *rowp)
{
    struct cable_row *row = rowp;
    const struct k3a_site *s = w->r->site;
    const struct k3a_cable *cb = &s->cables[i];
    const struct k3a_cable_res *cr = &w->r->cables[i];
    struct xtext x;

    row->name = cb->hdr.name;
    row->from = cb->from.name;
    row->to = cb->to.name;
    /* "Cu/XLPE 4x35 mm²", " x 2" in parallel */
    k3a__xl_text_start(&x, row->cbuf, sizeof(row->cbuf));
    k3a__xl_put(&x, cb->material == K3A_MAT_AL ? "Al/" : "Cu/");
    k3a__xl_put(&x, cb->insulation == K3A_INS_XLPE ? "XLPE " : "PVC ");
    k3a__xl_put_int(&x, cb->cores > 0 ? cb->cores : (cb->phases == 1 ? 3 : 4), 0);
    k3a__xl_put(&x, "x");
    k3a__xl_put_g(&x, cb->size_mm2);
    k3a__xl_put(&x, " mm²");
    if (cb->parallel > 1) {
        k3a__xl_put(&x, " x ");
        k3a__xl_put_int(&x, cb->parallel, 0);
    }
    row->cons = row->cbuf;
    k3a__xl_text_start(&x, row->mbuf, sizeof(row->mbuf));
    k3a__xl_put(&x, (size_t)cr->method < sizeof(method_words) / sizeof(method_words[0])
                        ? method_words[cr->method]
                        : "?");
    if (cr->method_assumed)
        k3a__xl_put(&x, w->lang == K3A_LANG_EN ? " (assumed)" : " (asumsi)");
    row->method = row->mbuf;
    row->device = cr->device >= 0 ? s->devices[cr->device].hdr.name : NULL;
    row->ibc = cr->ib_calc_A;
    row->ibm = cr->ib_meas_A;
    row->ib = cr->ib_A;
    row->in = cr->in_A;
    row->i2 = cr->i2_A;
    row->itab = cr->has_iz ? cr->amp.itab_A : NAN;
    row->kt = cr->has_iz ? cr->amp.k_temp : NAN;
    row->kg = cr->has_iz ? cr->amp.k_group : NAN;
    row->iz = cr->iz_A;
    row->load = cr->loading_pct;
    row->vdo = cr->vdrop_pct;
    row->vde = cr->has_vdrop ? cr->vdrop_end_pct : NAN;
    if (cr->has_iz) {
        /* the capacity's clauses: table, temperature, grouping */
        const char *in[3] = { cr->amp.clause_table, cr->amp.clause_temp,
                              cr->amp.clause_group };
        char t[400]; /* an "{id|en}" clause in the workbook's language */
        size_t c;
        for (c = 0; c < 3; c++)
            clause_short(row->clbuf, sizeof(row->clbuf), "; ",
                         k3a_text_lang(in[c], w->lang, t, sizeof(t)));
        row->clause = row->clbuf;
    } else
        row->clause = cr->amp.flags & K3A_AMP_VOLTAGE
                          ? (w->lang == K3A_LANG_EN ? "above 1 kV: IEC 60364-5-52 does not apply"
                                                    : "di atas 1 kV: IEC 60364-5-52 tidak berlaku")
                          : (w->lang == K3A_LANG_EN ? "no capacity: see the findings"
                                                    : "KHA tidak ada: lihat temuan");
    if (!k3a__xl_worst_of_elem(w, K3A_KIND_CABLE, i, &row->verdict))
        row->verdict = K3A_WARN;
    return 0;
}

/* clang-format off */
#define CB(h, u, wd, k, field, d) { K3A_T_##h, u, wd, k, offsetof(struct cable_row, field), d, NULL }
static const struct col_spec cable_cols[] = {
    CB(CABLE,        "",    11, COL_TEXT,    name,    0),
    CB(FROM,         "",    11, COL_TEXT,    from,    0),
    CB(TO,           "",    11, COL_TEXT,    to,      0),
    CB(CONSTRUCTION, "",    18, COL_TEXT,    cons,    0),
    CB(INSTALL,      "",     9, COL_TEXT,    method,  0),
    CB(IB_CALC,      "A",    9, COL_NUM,     ibc,     1),
    CB(IB_MEAS,      "A",    9, COL_NUM,     ibm,     1),
    CB(IB,           "A",    8, COL_NUM,     ib,      1),
    CB(DEVICE,       "",    12, COL_TEXT,    device,  0),
    CB(RATING,       "A",    7, COL_NUM,     in,      0),
    CB(I2,           "A",    7, COL_NUM,     i2,      0),
    CB(ITAB,         "A",    8, COL_NUM,     itab,    1),
    CB(K_TEMP,       "-",    7, COL_NUM,     kt,      2),
    CB(K_GROUP,      "-",    8, COL_NUM,     kg,      2),
    CB(IZ,           "A",    8, COL_NUM,     iz,      1),
    CB(LOADING,      "%",    9, COL_NUM,     load,    0),
    CB(VD_OWN,       "%",    8, COL_NUM,     vdo,     2),
    CB(VD_END,       "%",    9, COL_NUM,     vde,     2),
    CB(RESULT,       "",    14, COL_VERDICT, verdict, 0),
    CB(CLAUSE,       "",    24, COL_TEXT,    clause,  0),
};
#undef CB
/* clang-format on */

#define LOAD_CHART_MAX 60 /* cables in the chart; more are in the table */

static void loads_after(struct wctx *w, lxw_worksheet *ws, lxw_row_t row,
                        lxw_row_t first, lxw_row_t last)
{
    const struct k3a_site *s = w->r->site;
    static const enum k3a_text_id th[] = { K3A_T_TRANSFORMER, K3A_T_RATED_KVA,
                                           K3A_T_S_CALC, K3A_T_S_MEAS,
                                           K3A_T_S_USED, K3A_T_LOADING,
                                           K3A_T_LOSSES, K3A_T_RESULT };
    static const char *const tu[] = { "", "kVA", "kVA", "kVA", "kVA", "%", "kW", "" };
    size_t i, c;

    k3a__xl_page_advance(w, 15); /* the empty row above */
    if (s->n_transformers) {
        /* under the cable table's columns (9 wide): a 9 pt header keeps
         * "Pembebanan" whole */
        lxw_format *head = fmt(w);
        if (!head)
            return;
        format_set_bold(head);
        format_set_font_size(head, 9);
        format_set_bg_color(head, 0x1F4E78);
        format_set_font_color(head, LXW_COLOR_WHITE);
        format_set_text_wrap(head);
        format_set_align(head, LXW_ALIGN_VERTICAL_CENTER);
        format_set_border(head, LXW_BORDER_THIN);
        check(w, worksheet_set_row(ws, row, 45, NULL));
        for (c = 0; c < 8; c++)
            if (c < 7)
                cell(w, worksheet_write_string(ws, row, (lxw_col_t)c,
                                                k3a_text(w->lang, th[c]), head));
            else /* the verdict across two columns: "MEMENUHI" whole */
                check(w, worksheet_merge_range(ws, row, 7, row, 8, k3a_text(w->lang, th[c]),
                                               head));
        row++;
        for (c = 0; c < 8; c++)
            if (c < 7)
                cell(w, worksheet_write_string(ws, row, (lxw_col_t)c, tu[c], w->st.unit));
            else
                check(w, worksheet_merge_range(ws, row, 7, row, 8, tu[c], w->st.unit));
        row++;
        k3a__xl_page_advance(w, 45 + 15);
        for (i = 0; i < s->n_transformers && w->err == LXW_NO_ERROR; i++, row++) {
            const struct k3a_tx_res *tr = &w->r->tx[i];
            const double v[] = { s->transformers[i].rating_kVA, tr->s_calc_kVA,
                                 tr->s_meas_kVA > 0 ? tr->s_meas_kVA : NAN,
                                 tr->s_kVA, tr->loading_pct, tr->losses_kW };
            enum k3a_verdict vd;
            check(w, worksheet_set_row(ws, row, 30, NULL)); /* the verdict wraps */
            cell(w, worksheet_write_string(ws, row, 0,
                                            s->transformers[i].hdr.name, w->st.text));
            for (c = 0; c < 6; c++) {
                if (isfinite(v[c]))
                    cell(w, k3a__xl_write_number(ws, row, (lxw_col_t)(c + 1), v[c],
                                                    c == 5 ? w->st.num2 : w->st.num0));
                else
                    cell(w, worksheet_write_blank(ws, row, (lxw_col_t)(c + 1),
                                                   w->st.text));
            }
            if (!k3a__xl_worst_of_elem(w, K3A_KIND_TRANSFORMER, i, &vd))
                vd = K3A_WARN;
            check(w, worksheet_merge_range(ws, row, 7, row, 8, k3a__xl_verdict_text(w, vd),
                                           k3a__xl_verdict_format(w, vd)));
            k3a__xl_page_advance(w, 30);
        }
        row++;
        k3a__xl_page_advance(w, 15);
    }
    /* the bar chart of cable loading, for a site of a readable size */
    if (last >= first && last - first + 1 <= LOAD_CHART_MAX) {
        char sheet[40];
        lxw_chart *ch = workbook_add_chart(w->wb, LXW_CHART_BAR);
        lxw_chart_series *se;
        if (!ch) {
            check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
            return;
        }
        snprintf(sheet, sizeof(sheet), "%s", TX(w, SH_LOADS));
        se = chart_add_series(ch, NULL, NULL);
        chart_series_set_categories(se, sheet, first, 0, last, 0);
        chart_series_set_values(se, sheet, first, 15, last, 15);
        chart_series_set_name(se, TX(w, CABLE_LOADING));
        chart_title_set_name(ch, TX(w, CABLE_LOADING));
        chart_axis_set_name(ch->x_axis, "%");
        chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
        /* the chart (288 px, 216 pt) on one page: below the tables when
         * they leave room on their first page (the heights counted are
         * upper bounds: a row without a height prints lower than 15 pt),
         * else on a page of its own, below the repeated header */
        if (w->page_n > 0 || w->page_y + 216 + 15 > 0.95 * w->page_h) {
            lxw_row_t brk[2];
            brk[0] = row;
            brk[1] = 0;
            check(w, worksheet_set_h_pagebreaks(ws, brk));
            row++; /* a row below the break: no edge of it on the page before */
        }
        check(w, worksheet_insert_chart(ws, row, 0, ch));
    }
}


void k3a__xl_write_sc(struct wctx *w)
{
    TABLE(SH_SC, sc_cols, sc_row, sc_row, w->r->site->n_buses, NULL);
}

void k3a__xl_write_devices(struct wctx *w)
{
    const struct k3a__kind *kd = k3a__site_kind(K3A_KIND_DEVICE);
    struct dev_keys key;

    key.breaking = k3a__key_index(kd, "breaking_kA");
    key.curve = k3a__key_index(kd, "curve");
    key.short_time = k3a__key_index(kd, "short_time_A");
    key.instantaneous = k3a__key_index(kd, "instantaneous_A");
    key.rcd = k3a__key_index(kd, "rcd_mA");
    TABLE_WITH(SH_DEVICES, dev_cols, dev_row, dev_row, w->r->site->n_devices, NULL, &key);
}

void k3a__xl_write_loads(struct wctx *w)
{
    TABLE(SH_LOADS, cable_cols, cable_row, cable_row, w->r->site->n_cables, loads_after);
}
