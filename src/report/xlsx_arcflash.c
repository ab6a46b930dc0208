/*
 * xlsx_arcflash.c - the audit workbook's Busur Api (arc flash) sheet and
 * the Label sheet: a printable label per bus, a table beyond
 * LABELS_PRINTED_MAX, label classes beyond LABELS_TABLE_MAX.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xlsx.h"

/* ---- Busur Api / Arc flash ------------------------------------------------- */

static const char *const electrode_words[] = { "VCB", "VCBB", "HCB", "VOA",
                                               "HOA" };

struct arc_row {
    const char *bus, *case_name, *method, *electrode, *enclosure, *device,
        *governing, *ppe, *warnings;
    double gap, dist, ibf, iarc, iarc_min, t, t_min, energy, afb;
    char encl_buf[64], warn_buf[300];
};

static int arc_row(struct wctx *w, size_t i, void *rowp)
{
    struct arc_row *row = rowp;
    const struct k3a_results *r = w->r;
    const struct k3a_site *s = r->site;
    const struct k3a_bus_arc *a = &r->arc[i];
    int32_t dev;
    struct xtext x;
    unsigned b;

    row->bus = s->buses[i].hdr.name;
    row->gap = row->dist = row->ibf = row->iarc = row->iarc_min = NAN;
    row->t = row->t_min = row->energy = row->afb = NAN;
    if (a->single_phase) {
        row->method = w->lang == K3A_LANG_EN ? "n/a (single-phase)"
                                             : "tidak berlaku (satu fasa)";
        return 0;
    }
    if (!a->available) {
        row->method = w->lang == K3A_LANG_EN ? "not energised" : "tidak bertegangan";
        return 0;
    }
    row->case_name = k3a__xl_case_label(w, a->sc_case);
    row->method = a->out.method == K3A_ARC_LEE ? "Lee" : "IEEE 1584-2018";
    row->electrode = a->out.method == K3A_ARC_LEE ? "-" : electrode_words[a->in.electrode];
    if (a->out.method == K3A_ARC_LEE || a->out.open_air)
        row->enclosure = a->out.method == K3A_ARC_LEE ? "-"
                         : w->lang == K3A_LANG_EN      ? "open air"
                                                       : "udara terbuka";
    else {
        /* height x width (x depth when given), mm, and the enclosure's
         * class: "356 x 305 mm (tipikal)" */
        k3a__xl_text_start(&x, row->encl_buf, sizeof(row->encl_buf));
        k3a__xl_put_fixed(&x, 0, a->in.height_mm);
        k3a__xl_put(&x, " x ");
        k3a__xl_put_fixed(&x, 0, a->in.width_mm);
        if (a->in.depth_mm > 0) {
            k3a__xl_put(&x, " x ");
            k3a__xl_put_fixed(&x, 0, a->in.depth_mm);
        }
        k3a__xl_put(&x, " mm (");
        k3a__xl_put(&x, a->out.enclosure == K3A_ENCL_SHALLOW
                            ? (w->lang == K3A_LANG_EN ? "shallow" : "dangkal")
                            : (w->lang == K3A_LANG_EN ? "typical" : "tipikal"));
        k3a__xl_put(&x, ")");
        row->enclosure = row->encl_buf;
    }
    row->gap = a->out.method == K3A_ARC_LEE ? NAN : a->in.gap_mm;
    row->dist = a->in.distance_mm;
    row->ibf = a->in.ibf_kA;
    row->iarc = a->out.iarc_kA;
    row->iarc_min = a->out.iarc_min_kA;
    row->t = a->in.t_ms;
    row->t_min = a->in.t_min_ms;
    row->energy = a->out.energy_cal_cm2;
    row->afb = a->out.afb_gov_mm;
    dev = a->out.governing ? a->device_min : a->device;
    row->device = dev >= 0 ? s->devices[dev].hdr.name : "-";
    row->governing = a->out.governing ? "Iarc min" : "Iarc";
    row->ppe = k3a__xl_ppe_label(w, a->ppe);
    k3a__xl_text_start(&x, row->warn_buf, sizeof(row->warn_buf));
    for (b = 0; b < K3A_ARC_WARN_COUNT; b++)
        if (a->out.warnings & (1u << b)) {
            k3a__xl_put(&x, x.len ? "; " : "");
            k3a__xl_put(&x, w->lang == K3A_LANG_EN ? k3a_arc_warn_text(b)
                                                   : k3a_arc_warn_text_id(b));
        }
    if (a->depth_assumed) {
        k3a__xl_put(&x, x.len ? "; " : "");
        k3a__xl_put(&x, w->lang == K3A_LANG_EN
                            ? (a->depth_assumed == 1
                                   ? "enclosure depth not given: a shallow box gave the higher energy"
                                   : "enclosure depth not given: a deep box gave the higher energy")
                            : (a->depth_assumed == 1
                                   ? "kedalaman selungkup tidak diberikan: selungkup dangkal memberi energi lebih tinggi"
                                   : "kedalaman selungkup tidak diberikan: selungkup dalam memberi energi lebih tinggi"));
    }
    row->warnings = row->warn_buf;
    return 0;
}

/* clang-format off */
#define AC(h, u, wd, k, field, d) { K3A_T_##h, u, wd, k, offsetof(struct arc_row, field), d, NULL }
static const struct col_spec arc_cols[] = {
    AC(BUS,          "",        12, COL_TEXT, bus,       0),
    AC(CASE,         "",        12, COL_TEXT, case_name, 0),
    AC(METHOD,       "",        12, COL_TEXT, method,    0),
    AC(ELECTRODE,    "",         9, COL_TEXT, electrode, 0),
    AC(GAP,          "mm",       7, COL_NUM,  gap,      -1),
    AC(WORK_DIST,    "mm",       9, COL_NUM,  dist,     -1),
    AC(ENCLOSURE,    "",        16, COL_TEXT, enclosure, 0),
    AC(IBF,          "kA",       8, COL_NUM,  ibf,       2),
    AC(IARC,         "kA",       8, COL_NUM,  iarc,      2),
    AC(IARC_MIN,     "kA",       8, COL_NUM,  iarc_min,  2),
    AC(CLEAR_DEV,    "",        12, COL_TEXT, device,    0),
    AC(T_ARC,        "ms",       9, COL_NUM,  t,         0),
    AC(T_ARC_MIN,    "ms",       9, COL_NUM,  t_min,     0),
    AC(ENERGY,       "cal/cm²", 10, COL_NUM,  energy,    2),
    AC(AFB,          "mm",      10, COL_NUM,  afb,       0),
    AC(GOVERNING,    "",         9, COL_TEXT, governing, 0),
    AC(PPE,          "",         9, COL_TEXT, ppe,       0),
    AC(WARNINGS_COL, "",        24, COL_TEXT, warnings,  0),
};
#undef AC
/* clang-format on */

/* ---- Label: one printable label per bus (NFPA 70E 130.5(H)) -------------- */

/* Labels per sheet: 13 rows each, well under Excel's 1,048,576 rows. */
#define LABELS_PER_SHEET 20000
/* Up to this many labels the sheet holds printable labels; a larger site
 * gets the same lines as a table, one row per label, for a label printer
 * or a mail merge (22 cells a label would dominate the workbook). */
#define LABELS_PRINTED_MAX 1000

/* The lines of one label, as printed. */
struct label_text {
    int danger;
    char equip[256], volt[32], afb[32], energy[64], rating[192], limited[128],
        restricted[32], device[320], basis[128], study[256];
};

/* What makes two labels the same kind (same_label_class): the header,
 * the voltage, the PPE rating and the approach boundaries. */
static void label_class_text(struct wctx *w, size_t i, struct label_text *t)
{
    const struct k3a_results *r = w->r;
    const struct k3a_bus_arc *a = &r->arc[i];
    struct xtext x;

    t->danger = strcmp(a->ppe, "dangerous") == 0;
    k3a__xl_text_start(&x, t->volt, sizeof(t->volt));
    k3a__xl_put_fixed(&x, 0, r->site->buses[i].voltage_kV * 1000.0);
    k3a__xl_put(&x, " V");
    k3a__xl_text_start(&x, t->rating, sizeof(t->rating));
    if (strcmp(a->ppe, "0") == 0)
        k3a__xl_put(&x, TX(w, LBL_NONE));
    else if (t->danger) {
        k3a__xl_put(&x, "> ");
        k3a__xl_put_fixed(&x, 0, r->arc_model.ppe_max_cal_cm2[r->arc_model.n_ppe - 1]);
        k3a__xl_put(&x, " cal/cm²");
    } else {
        int c = atoi(a->ppe), j;
        double rating = 0;
        for (j = 0; j < r->arc_model.n_ppe; j++)
            if (r->arc_model.ppe_category[j] == c)
                rating = r->arc_model.ppe_max_cal_cm2[j];
        k3a__xl_put_fixed(&x, 0, rating);
        k3a__xl_put(&x, w->lang == K3A_LANG_EN ? " cal/cm² (category " : " cal/cm² (kategori ");
        k3a__xl_put(&x, a->ppe);
        k3a__xl_put(&x, ") - ");
        k3a__xl_put(&x, TX(w, LBL_RATING_NOTE));
    }
    k3a__xl_text_start(&x, t->limited, sizeof(t->limited));
    k3a__xl_put_fixed(&x, 1, a->limited_fixed_mm / 1000.0);
    k3a__xl_put(&x, " m (");
    k3a__xl_put(&x, TX(w, LBL_FIXED));
    k3a__xl_put(&x, "), ");
    k3a__xl_put_fixed(&x, 1, a->limited_movable_mm / 1000.0);
    k3a__xl_put(&x, " m (");
    k3a__xl_put(&x, TX(w, LBL_MOVABLE));
    k3a__xl_put(&x, ")");
    k3a__xl_text_start(&x, t->restricted, sizeof(t->restricted));
    k3a__xl_put_fixed(&x, 1, a->restricted_mm / 1000.0);
    k3a__xl_put(&x, " m");
}

static void label_text(struct wctx *w, size_t i, struct label_text *t)
{
    const struct k3a_results *r = w->r;
    const struct k3a_site *s = r->site;
    const struct k3a_bus_arc *a = &r->arc[i];
    const struct k3a_bus *b = &s->buses[i];
    struct xtext x;

    label_class_text(w, i, t);
    k3a__join(t->equip, sizeof(t->equip), b->hdr.name, b->hdr.label ? " - " : "",
              b->hdr.label ? b->hdr.label : "");
    k3a__xl_text_start(&x, t->afb, sizeof(t->afb));
    k3a__xl_put_fixed(&x, 0, a->out.afb_gov_mm);
    k3a__xl_put(&x, " mm");
    k3a__xl_text_start(&x, t->energy, sizeof(t->energy));
    k3a__xl_put_fixed(&x, 1, a->out.energy_cal_cm2);
    k3a__xl_put(&x, " cal/cm²  @ ");
    k3a__xl_put_fixed(&x, 0, a->in.distance_mm);
    k3a__xl_put(&x, " mm");
    /* who clears the arc, in the words of the PDF label (the arc-flash
     * stage's), with the side of the bus's main when that governs */
    {
        const char *clear = w->lang == K3A_LANG_EN ? a->clear_en : a->clear_id;
        const char *side = w->lang == K3A_LANG_EN ? a->side_en : a->side_id;
        if (a->line_side && side[0])
            k3a__join(t->device, sizeof(t->device), side, ": ", clear);
        else
            k3a__join(t->device, sizeof(t->device), clear);
        if (t->device[0] >= 'a' && t->device[0] <= 'z')
            t->device[0] = (char)(t->device[0] - 'a' + 'A'); /* a sentence */
    }
    k3a__join(t->basis, sizeof(t->basis),
              a->out.method == K3A_ARC_LEE ? "Lee (> 15 kV)" : "IEEE 1584-2018",
              "; NFPA 70E 130.5(H); ", w->lang == K3A_LANG_EN ? "case " : "kasus ",
              k3a__xl_case_label(w, a->sc_case));
    k3a__xl_text_start(&x, t->study, sizeof(t->study));
    k3a__xl_put_int(&x, s->site.audit_date.y, 4);
    k3a__xl_put(&x, "-");
    k3a__xl_put_int(&x, s->site.audit_date.m, 2);
    k3a__xl_put(&x, "-");
    k3a__xl_put_int(&x, s->site.audit_date.d, 2);
    k3a__xl_put(&x, " / ");
    k3a__xl_put(&x, s->site.auditor ? s->site.auditor : "-");
    k3a__xl_put(&x, " - ");
    k3a__xl_put(&x, s->site.name ? s->site.name : "");
}

static void write_labels_from(struct wctx *w, lxw_format *const *lf, size_t first_bus,
                              size_t *next, int sheet_no)
{
    const struct k3a_results *r = w->r;
    const struct k3a_site *s = r->site;
    char sheet_name[32];
    lxw_worksheet *ws;
    lxw_format *hdr_warn, *hdr_danger, *lab, *val, *big;
    lxw_row_t row = 0;
    lxw_row_t *breaks;
    size_t i, n_labels = 0, n_breaks = 0;
    struct label_text t;

    if (sheet_no > 1)
        snprintf(sheet_name, sizeof(sheet_name), "%s (%d)", TX(w, SH_LABEL),
                 sheet_no);
    else
        snprintf(sheet_name, sizeof(sheet_name), "%s", TX(w, SH_LABEL));
    ws = workbook_add_worksheet(w->wb, sheet_name);
    *next = s->n_buses;
    if (!ws) {
        check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    breaks = calloc(LABELS_PER_SHEET / 2 + 2, sizeof(*breaks));
    hdr_warn = lf[0];
    hdr_danger = lf[1];
    lab = lf[2];
    val = lf[3];
    big = lf[4];
    if (!breaks || w->err != LXW_NO_ERROR) {
        free(breaks);
        return;
    }
    check(w, worksheet_set_column(ws, 0, 0, 32, NULL));
    check(w, worksheet_set_column(ws, 1, 1, 58, NULL));
    for (i = first_bus; i < s->n_buses; i++) {
        if (!r->arc[i].available)
            continue;
        if (n_labels == LABELS_PER_SHEET) {
            *next = i;
            break;
        }
        if (n_labels && n_labels % 2 == 0)
            breaks[n_breaks++] = row;
        label_text(w, i, &t);
        if (k3a_site_count(s, K3A_KIND_SCENARIO)) {
            check(w, worksheet_merge_range(ws, row, 0, row, 1, TX(w, TRAINING),
                                           w->st.banner));
            row++;
        }
        check(w, worksheet_set_row(ws, row, 42, NULL));
        check(w, worksheet_merge_range(ws, row, 0, row, 1,
                                       t.danger ? TX(w, LBL_DANGER) : TX(w, LBL_WARNING),
                                       t.danger ? hdr_danger : hdr_warn));
        row++;
#define LROW(label, value, f)                                                \
    do {                                                                     \
        check(w, worksheet_set_row(ws, row, 24, NULL));                      \
        cell(w, worksheet_write_string(ws, row, 0, label, lab));            \
        cell(w, worksheet_write_string(ws, row, 1, value, f));              \
        row++;                                                               \
    } while (0)
        LROW(TX(w, LBL_EQUIPMENT), t.equip, big);
        LROW(TX(w, LBL_VOLTAGE), t.volt, big);
        LROW(TX(w, AFB), t.afb, big);
        LROW(TX(w, LBL_ENERGY), t.energy, big);
        LROW(TX(w, LBL_RATING), t.rating, t.danger ? hdr_danger : val);
        LROW(TX(w, LBL_LIMITED), t.limited, val);
        LROW(TX(w, LBL_RESTRICTED), t.restricted, val);
        {
            /* who clears it: a sentence, on as many lines as it takes */
            double nl = k3a__xl_text_lines(t.device, 58, 0);
            check(w, worksheet_set_row(ws, row, nl > 1.5 ? 15.0 * nl : 24, NULL));
            cell(w, worksheet_write_string(ws, row, 0, TX(w, LBL_DEVICE), lab));
            cell(w, worksheet_write_string(ws, row, 1, t.device, val));
            row++;
        }
        LROW(TX(w, LBL_BASIS), t.basis, val);
        LROW(TX(w, LBL_STUDY), t.study, val);
#undef LROW
        row += 2;
        n_labels++;
    }
    breaks[n_breaks] = 0;
    if (n_breaks)
        check(w, worksheet_set_h_pagebreaks(ws, breaks));
    free(breaks);
    worksheet_set_paper(ws, 9);
    worksheet_set_portrait(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_set_margins(ws, 0.6, 0.6, 0.7, 0.7);
}

/* A site with more than LABELS_PRINTED_MAX labels: the same lines, one
 * row per label. */
struct label_row {
    const char *equip, *title, *volt, *afb, *energy, *rating, *limited,
        *restricted, *device, *basis, *study;
    struct label_text t;
};

static int label_row(struct wctx *w, size_t i, void *rowp)
{
    struct label_row *row = rowp;
    struct label_text *t = &row->t;

    if (!w->r->arc[i].available)
        return 1;
    label_text(w, i, t);
    row->equip = t->equip;
    row->title = t->danger ? TX(w, LBL_DANGER) : TX(w, LBL_WARNING);
    row->volt = t->volt;
    row->afb = t->afb;
    row->energy = t->energy;
    row->rating = t->rating;
    row->limited = t->limited;
    row->restricted = t->restricted;
    row->device = t->device;
    row->basis = t->basis;
    row->study = t->study;
    return 0;
}

/* clang-format off */
#define LC(h, wd, field) { K3A_T_##h, "", wd, COL_TEXT, offsetof(struct label_row, field), 0, NULL }
static const struct col_spec label_cols[] = {
    LC(LBL_EQUIPMENT,  20, equip),
    LC(LBL_HEADER,     30, title),
    LC(LBL_VOLTAGE,    10, volt),
    LC(AFB,            10, afb),
    LC(LBL_ENERGY,     18, energy),
    LC(LBL_RATING,     30, rating),
    LC(LBL_LIMITED,    26, limited),
    LC(LBL_RESTRICTED, 10, restricted),
    LC(LBL_DEVICE,     18, device),
    LC(LBL_BASIS,      26, basis),
    LC(LBL_STUDY,      26, study),
};
#undef LC
/* clang-format on */

/* Below the label table: why it is a table; the filter over its rows
 * (the columns have no units row, so the header is the row above the
 * first label). */
static void labels_after(struct wctx *w, lxw_worksheet *ws, lxw_row_t row,
                         lxw_row_t first, lxw_row_t last)
{
    char line[256];

    if (last >= first)
        check(w, worksheet_autofilter(ws, first - 1, 0, last,
                                      (lxw_col_t)(NCOLS(label_cols) - 1)));
    snprintf(line, sizeof(line), "%s %d.", TX(w, LBL_TABLE_NOTE), LABELS_PRINTED_MAX);
    cell(w, worksheet_write_string(ws, row, 0, line, w->st.subtitle));
}

/* More labels than this: one row per kind of label instead of one per
 * label (a table of 100,000 labels is a seventh of the workbook, and no
 * one prints them from it); each label's values stay on the arc-flash
 * sheet and in the JSON. */
#define LABELS_TABLE_MAX 10000

struct label_class {
    struct label_text t; /* of its first label */
    size_t n, worst;     /* labels; the one with the highest energy */
    double worst_cal_cm2, afb_mm;
};

static int same_label_class(const struct label_text *a, const struct label_text *b)
{
    return a->danger == b->danger && strcmp(a->volt, b->volt) == 0 &&
           strcmp(a->rating, b->rating) == 0 && strcmp(a->limited, b->limited) == 0 &&
           strcmp(a->restricted, b->restricted) == 0;
}

struct label_classes {
    struct label_class *v;
    size_t n, n_labels;
};

/* The class of bus i's label, made when no class has its texts yet (as
 * bus i's, the first of it); *cap: lc->v's room.  -1 on no memory. */
static long class_of(struct wctx *w, struct label_classes *lc, size_t *cap, size_t i,
                     struct label_text *t)
{
    const struct k3a_bus_arc *a = &w->r->arc[i];
    size_t j;

    label_class_text(w, i, t);
    for (j = 0; j < lc->n && !same_label_class(&lc->v[j].t, t); j++)
        ;
    if (j < lc->n)
        return (long)j;
    if (lc->n == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        void *p = realloc(lc->v, nc * sizeof(*lc->v));
        if (!p)
            return -1;
        lc->v = p;
        *cap = nc;
    }
    lc->v[j].t = *t;
    lc->v[j].n = 0;
    lc->v[j].worst = i;
    lc->v[j].worst_cal_cm2 = a->out.energy_cal_cm2;
    lc->v[j].afb_mm = a->out.afb_gov_mm;
    lc->n++;
    return (long)j;
}

/* One row per kind of label, from the labels in bus order; NULL v and
 * -1 on no memory. */
static int label_classes(struct wctx *w, struct label_classes *lc)
{
    const struct k3a_results *r = w->r;
    struct label_text *t = malloc(sizeof(*t));
    size_t cap = 0, i;

    memset(lc, 0, sizeof(*lc));
    if (!t)
        return -1;
    for (i = 0; i < r->site->n_buses; i++) {
        const struct k3a_bus_arc *a = &r->arc[i];
        long j;
        if (!a->available)
            continue;
        j = class_of(w, lc, &cap, i, t);
        if (j < 0) {
            free(lc->v);
            free(t);
            lc->v = NULL;
            return -1;
        }
        lc->n_labels++;
        lc->v[j].n++;
        if (a->out.energy_cal_cm2 > lc->v[j].worst_cal_cm2) {
            lc->v[j].worst = i;
            lc->v[j].worst_cal_cm2 = a->out.energy_cal_cm2;
        }
        if (a->out.afb_gov_mm > lc->v[j].afb_mm)
            lc->v[j].afb_mm = a->out.afb_gov_mm;
    }
    free(t);
    return 0;
}

struct label_class_row {
    const char *title, *volt, *rating, *limited, *restricted, *energy, *at, *afb;
    double n;
    struct label_text worst; /* the label with the highest energy */
    char afb_buf[32];
};

static int label_class_row(struct wctx *w, size_t i, void *rowp)
{
    const struct label_classes *lc = w->table_data;
    const struct label_class *k = &lc->v[i];
    struct label_class_row *row = rowp;

    label_text(w, k->worst, &row->worst);
    k3a__fmt(row->afb_buf, sizeof(row->afb_buf), "%.0f mm", k->afb_mm);
    row->title = k->t.danger ? TX(w, LBL_DANGER) : TX(w, LBL_WARNING);
    row->volt = k->t.volt;
    row->rating = k->t.rating;
    row->limited = k->t.limited;
    row->restricted = k->t.restricted;
    row->n = (double)k->n;
    row->energy = row->worst.energy;
    row->at = row->worst.equip;
    row->afb = row->afb_buf;
    return 0;
}

/* clang-format off */
#define KC(h, wd, k, field) { K3A_T_##h, "", wd, k, offsetof(struct label_class_row, field), 0, NULL }
static const struct col_spec label_class_cols[] = {
    KC(LBL_HEADER,     30, COL_TEXT, title),
    KC(LBL_VOLTAGE,    10, COL_TEXT, volt),
    KC(LBL_RATING,     30, COL_TEXT, rating),
    KC(LBL_LIMITED,    26, COL_TEXT, limited),
    KC(LBL_RESTRICTED, 12, COL_TEXT, restricted),
    KC(LBL_COUNT,      10, COL_NUM,  n),
    KC(LBL_MAX_ENERGY, 22, COL_TEXT, energy),
    KC(LBL_MAX_AT,     20, COL_TEXT, at),
    KC(LBL_MAX_AFB,    12, COL_TEXT, afb),
};
#undef KC
/* clang-format on */

/* Above the table: how many labels, and why they are summed up. */
static lxw_row_t label_classes_before(struct wctx *w, lxw_worksheet *ws, lxw_row_t row,
                                      lxw_col_t width)
{
    const struct label_classes *lc = w->table_data;
    char line[512];

    k3a__fmt(line, sizeof(line), "%s: %zu. %s %d.", TX(w, LBL_COUNT), lc->n_labels,
             TX(w, LBL_CLASS_NOTE), LABELS_TABLE_MAX);
    check(w, worksheet_set_row(ws, row, 45, NULL));
    check(w, worksheet_merge_range(ws, row, 0, row, width - 1, line, w->st.wrap));
    return row + 2;
}

static void write_label_classes(struct wctx *w)
{
    struct label_classes lc;
    struct table_spec t;

    if (label_classes(w, &lc) != 0) {
        check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    memset(&t, 0, sizeof(t));
    t.sheet = K3A_T_SH_LABEL;
    t.cols = label_class_cols;
    t.n_cols = NCOLS(label_class_cols);
    t.row_size = sizeof(struct label_class_row);
    t.n_rows = lc.n;
    t.row = label_class_row;
    t.data = &lc;
    t.before = label_classes_before;
    k3a__xl_write_table(w, &t, 1);
    free(lc.v);
}

/* The label styles are made once: a second, equal format object would
 * make libxlsxwriter look its style up by hash for every cell. */
static void write_labels(struct wctx *w)
{
    size_t from = 0, next = 0;
    int sheet = 1;
    lxw_format *hdr_warn, *hdr_danger, *lab, *val, *big;
    lxw_format *lf[5];

    hdr_warn = fmt(w);
    hdr_danger = fmt(w);
    lab = fmt(w);
    val = fmt(w);
    big = fmt(w);
    if (w->err != LXW_NO_ERROR)
        return;
    format_set_bold(hdr_warn);
    format_set_font_size(hdr_warn, 14);
    format_set_bg_color(hdr_warn, 0xFF8C00);
    format_set_font_color(hdr_warn, LXW_COLOR_BLACK);
    format_set_align(hdr_warn, LXW_ALIGN_CENTER);
    format_set_align(hdr_warn, LXW_ALIGN_VERTICAL_CENTER);
    format_set_text_wrap(hdr_warn);
    format_set_border(hdr_warn, LXW_BORDER_THICK);
    format_set_bold(hdr_danger);
    format_set_font_size(hdr_danger, 14);
    format_set_bg_color(hdr_danger, 0xC00000);
    format_set_font_color(hdr_danger, LXW_COLOR_WHITE);
    format_set_align(hdr_danger, LXW_ALIGN_CENTER);
    format_set_align(hdr_danger, LXW_ALIGN_VERTICAL_CENTER);
    format_set_text_wrap(hdr_danger);
    format_set_border(hdr_danger, LXW_BORDER_THICK);
    format_set_bold(lab);
    format_set_border(lab, LXW_BORDER_THIN);
    format_set_text_wrap(lab);
    format_set_align(lab, LXW_ALIGN_VERTICAL_CENTER);
    format_set_border(val, LXW_BORDER_THIN);
    format_set_text_wrap(val);
    format_set_align(val, LXW_ALIGN_VERTICAL_CENTER);
    format_set_bold(big);
    format_set_font_size(big, 13);
    format_set_border(big, LXW_BORDER_THIN);
    format_set_text_wrap(big);
    format_set_align(big, LXW_ALIGN_VERTICAL_CENTER);
    lf[0] = hdr_warn;
    lf[1] = hdr_danger;
    lf[2] = lab;
    lf[3] = val;
    lf[4] = big;
    do {
        write_labels_from(w, lf, from, &next, sheet++);
        from = next;
    } while (from < w->r->site->n_buses && w->err == LXW_NO_ERROR);
}


void k3a__xl_write_arc(struct wctx *w)
{
    TABLE(SH_ARC, arc_cols, arc_row, arc_row, w->r->site->n_buses, NULL);
}

/* The labels: printable up to LABELS_PRINTED_MAX, a table up to
 * LABELS_TABLE_MAX, label classes beyond. */
void k3a__xl_write_label_sheet(struct wctx *w)
{
    const struct k3a_site *s = w->r->site;
    size_t n_labels = 0, i;

    for (i = 0; i < s->n_buses; i++)
        n_labels += w->r->arc[i].available != 0;
    if (n_labels > LABELS_TABLE_MAX)
        write_label_classes(w);
    else if (n_labels > LABELS_PRINTED_MAX)
        TABLE(SH_LABEL, label_cols, label_row, label_row, s->n_buses, labels_after);
    else
        write_labels(w);
}
