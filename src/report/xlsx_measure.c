/*
 * xlsx_measure.c - the audit workbook's measurement sheets (earthing,
 * soil, insulation, loop impedance, RCD, thermography, power quality) and
 * their charts.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xlsx.h"

/* ---- measurement sheets ------------------------------------------------------ */

void k3a__xl_worst_init(struct wctx *w)
{
    const struct k3a_results *r = w->r;
    size_t k, i;

    for (k = 0; k < K3A_KIND_COUNT; k++)
        w->worst[k] = calloc(k3a_site_count(r->site, (enum k3a_kind)k) + 1, 1);
    w->loop_gov = calloc(r->site->n_loops + 1, sizeof(*w->loop_gov));
    for (i = 0; i < r->n_findings; i++) {
        const struct k3a_finding *f = &r->findings[i];
        uint8_t v = f->verdict == K3A_FAIL ? 3 : f->verdict == K3A_WARN ? 2 : 1;
        if (f->idx >= 0 && w->worst[f->kind] && w->worst[f->kind][f->idx] < v) {
            w->worst[f->kind][f->idx] = v;
            if (f->kind == K3A_KIND_LOOP && w->loop_gov)
                w->loop_gov[f->idx] = i + 1;
        }
    }
}

void k3a__xl_worst_free(struct wctx *w)
{
    size_t k;

    for (k = 0; k < K3A_KIND_COUNT; k++)
        free(w->worst[k]);
    free(w->loop_gov);
    w->loop_gov = NULL;
}

/* the element's worst verdict; returns 0 when it has no finding */
int k3a__xl_worst_of_elem(struct wctx *w, enum k3a_kind kind, size_t idx,
                         enum k3a_verdict *v)
{
    uint8_t x = w->worst[kind] ? w->worst[kind][idx] : 0;

    *v = x == 3 ? K3A_FAIL : x == 2 ? K3A_WARN : K3A_PASS;
    return x != 0;
}

/* The instruments of a measurement as a certificate names them: make,
 * model, serial and calibration due date; and its test date. */
static void meas_fill(struct wctx *w, const struct k3a_meas *m, char *ibuf, size_t n,
                      char *dbuf, size_t dn)
{
    const struct k3a_site *s = w->r->site;
    size_t k, u = 0;

    ibuf[0] = '\0';
    for (k = 0; k < m->instrument.n && u < n; k++) {
        const struct k3a_ref *rf = &m->instrument.v[k];
        const struct k3a_instrument *in =
            rf->idx >= 0 && (size_t)rf->idx < s->n_instruments ? &s->instruments[rf->idx]
                                                               : NULL;
        if (!in) {
            u += (size_t)k3a__fmt(ibuf + u, n - u, "%s%s", k ? "; " : "",
                                  rf->name ? rf->name : "");
            continue;
        }
        u += (size_t)k3a__fmt(ibuf + u, n - u, "%s%s%s%s%s%s (%s %s", k ? "; " : "",
                              in->hdr.make ? in->hdr.make : "", in->hdr.make ? " " : "",
                              in->hdr.model ? in->hdr.model : "",
                              in->hdr.model || in->hdr.make ? " " : "", in->hdr.name,
                              w->lang == K3A_LANG_EN ? "s/n" : "no. seri",
                              in->hdr.serial ? in->hdr.serial : "-");
        if (u < n && in->calibration_due.y) {
            /* A5, B21: a test after the calibration lapsed says so on its row */
            struct k3a_date td = m->test_date.y ? m->test_date : s->site.audit_date;
            int lapsed = k3a_date_days(td) > k3a_date_days(in->calibration_due);
            u += (size_t)k3a__fmt(ibuf + u, n - u, "; %s %04d-%02d-%02d)%s",
                                  w->lang == K3A_LANG_EN ? "cal. due" : "kal. s.d.",
                                  in->calibration_due.y, in->calibration_due.m,
                                  in->calibration_due.d,
                                  !lapsed ? ""
                                  : w->lang == K3A_LANG_EN
                                      ? " - CALIBRATION LAPSED: result not valid, re-measure"
                                      : " - KALIBRASI KEDALUWARSA: hasil tidak sah, ukur ulang");
        }
        else if (u < n)
            u += (size_t)k3a__fmt(ibuf + u, n - u, ")");
    }
    k3a__xl_date_text(m->test_date.y ? m->test_date : s->site.audit_date, dbuf, dn);
}

#define MEAS_FIELDS                                                          \
    const char *instr, *tdate, *tmethod;                                     \
    char ibuf[300], dbuf[16]

static const char *const purpose_words[] = { "system", "equipment", "lightning",
                                             "combined" };
static const char *const purpose_words_id[] = { "sistem", "peralatan", "petir",
                                                "gabungan" };

struct earth_row {
    const char *name, *purpose, *bus, *clause;
    char clbuf[400];
    double judged;
    int judged_dec; /* follows judged (COL_NUM_DEC) */
    double limit;
    int limit_dec;
    double r618, spread, mu, rtagg, rods, rho, trend;
    enum k3a_verdict verdict;
    MEAS_FIELDS;
};

static int earth_row(struct wctx *w, size_t i, void *rowp)
{
    struct earth_row *row = rowp;
    const struct k3a_earthing *e = &w->r->site->earthings[i];
    const struct k3a_earth_res *er = &w->r->earth[i];

    row->name = e->hdr.name;
    row->purpose = (w->lang == K3A_LANG_EN ? purpose_words : purpose_words_id)[e->purpose];
    row->bus = e->bus.name;
    row->judged = er->judged_ohm > 0 ? er->judged_ohm : NAN;
    row->limit = er->limit_ohm;
    k3a__xl_pair_dec(row->judged, row->limit, 2, &row->judged_dec, &row->limit_dec);
    row->r618 = er->has_r618 ? er->r618_ohm : NAN;
    row->spread = er->plateau >= 0 ? er->plateau_spread * 100.0 : NAN;
    row->mu = er->has_tagg ? er->tagg_mu : NAN;
    row->rtagg = er->has_tagg ? er->tagg_ohm : NAN;
    row->rods = er->has_rods ? (double)er->rods_needed : (double)NAN;
    row->rho = er->has_rods ? er->rho_ohm_m : NAN;
    row->trend = er->has_trend ? er->trend_ohm_per_year : NAN;
    row->clause = k3a_text_lang(er->limit_clause, w->lang, row->clbuf, sizeof(row->clbuf));
    meas_fill(w, &e->meas, row->ibuf, sizeof(row->ibuf), row->dbuf, sizeof(row->dbuf));
    row->instr = row->ibuf;
    row->tdate = row->dbuf;
    {
        static const char *const m_id[] = { "jatuh potensial (IEEE 81)",
                                            "kemiringan Tagg (IEEE 81)",
                                            "penjepit (clamp-on)", "dua titik" };
        static const char *const m_en[] = { "fall of potential (IEEE 81)",
                                            "Tagg slope (IEEE 81)", "clamp-on",
                                            "two-point" };
        int given = k3a_elem_given(K3A_KIND_EARTHING, &e->hdr, "method") ||
                    e->readings.n > 0;
        /* B21: a row never leaves the method blank: a value measured
         * without its method recorded says so */
        row->tmethod = given ? (w->lang == K3A_LANG_EN ? m_en : m_id)[e->method]
                       : w->lang == K3A_LANG_EN
                           ? "not recorded in the site file (measured value only)"
                           : "tidak dicatat pada berkas situs (hanya nilai terukur)";
    }
    if (!k3a__xl_worst_of_elem(w, K3A_KIND_EARTHING, i, &row->verdict))
        row->verdict = K3A_WARN;
    return 0;
}

/* clang-format off */
#define EC(h, u, wd, k, field, d) { K3A_T_##h, u, wd, k, offsetof(struct earth_row, field), d, NULL }
static const struct col_spec earth_cols[] = {
    EC(NAME,      "",        12, COL_TEXT,    name,    0),
    EC(PURPOSE,   "",        10, COL_TEXT,    purpose, 0),
    EC(BUS,       "",        12, COL_TEXT,    bus,     0),
    EC(R_JUDGED,  "Ω",       10, COL_NUM_DEC, judged,  2),
    EC(LIMIT,     "Ω",        8, COL_NUM_DEC, limit,   2),
    EC(RESULT,    "",        16, COL_VERDICT, verdict, 0),
    EC(R618,      "Ω",       10, COL_NUM,     r618,    2),
    EC(PLATEAU,   "%",       10, COL_NUM,     spread,  1),
    EC(TAGG_MU,   "-",        8, COL_NUM,     mu,      3),
    EC(TAGG_R,    "Ω",        9, COL_NUM,     rtagg,   2),
    EC(RODS,      "-",        9, COL_NUM,     rods,    0),
    EC(RHO,       "Ω·m",      9, COL_NUM,     rho,     0),
    EC(TREND,     "Ω/year",  10, COL_NUM,    trend,   2),
    EC(CLAUSE,    "",        26, COL_TEXT,    clause,  0),
    EC(INSTRUMENT_COL, "",   24, COL_TEXT,    instr,   0),
    EC(TEST_DATE, "",        11, COL_TEXT,    tdate,   0),
    EC(TEST_METHOD, "",      14, COL_TEXT,    tmethod, 0),
};
#undef EC
/* clang-format on */

struct soil_row {
    const char *name, *readings;
    double rho1, rho2, h, rms;
    char buf[600];
};

static int soil_row(struct wctx *w, size_t i, void *rowp)
{
    struct soil_row *row = rowp;
    const struct k3a_soil_res *sr = &w->r->soil[i];
    size_t k, u = 0;

    row->name = w->r->site->soils[i].hdr.name;
    for (k = 0; k < sr->n && u < sizeof(row->buf); k++)
        u += (size_t)snprintf(row->buf + u, sizeof(row->buf) - u, "%s%g m: %.1f",
                              k ? "; " : "", sr->a_m[k], sr->rho_ohm_m[k]);
    row->readings = row->buf;
    row->rho1 = sr->fitted ? sr->rho1 : NAN;
    row->rho2 = sr->fitted ? sr->rho2 : NAN;
    row->h = sr->fitted ? sr->h_m : NAN;
    row->rms = sr->fitted ? sr->rms * 100.0 : NAN;
    return 0;
}

/* clang-format off */
#define SO(h, u, wd, k, field, d) { K3A_T_##h, u, wd, k, offsetof(struct soil_row, field), d, NULL }
static const struct col_spec soil_cols[] = {
    SO(NAME,     "",      14, COL_TEXT, name,     0),
    SO(SPACINGS, "m : Ω·m", 60, COL_TEXT, readings, 0),
    SO(RHO1,     "Ω·m", 10, COL_NUM,  rho1,     1),
    SO(RHO2,     "Ω·m", 10, COL_NUM,  rho2,     1),
    SO(H_LAYER,  "m",     10, COL_NUM,  h,        2),
    SO(FIT_RMS,  "%",     10, COL_NUM,  rms,      1),
};
#undef SO
/* clang-format on */

struct ir_row {
    const char *name, *circuit;
    double un, tv, tvreq, minv;
    int minv_dec; /* follows minv (COL_NUM_DEC) */
    double limit;
    int limit_dec;
    double dar, pi, r40, trend;
    enum k3a_verdict verdict;
    const char *reach;
    char reach_buf[16];
    MEAS_FIELDS;
};

static int ir_row(struct wctx *w, size_t i, void *rowp)
{
    struct ir_row *row = rowp;
    const struct k3a_insulation *t = &w->r->site->insulations[i];
    const struct k3a_ir_res *ir = &w->r->ir[i];

    row->name = t->hdr.name;
    row->circuit = t->circuit.name ? t->circuit.name : t->location;
    row->un = t->nominal_V;
    row->tv = t->test_V;
    row->tvreq = ir->test_V_required;
    row->minv = isfinite(ir->min_Mohm) ? ir->min_Mohm : NAN;
    row->limit = ir->limit_Mohm;
    k3a__xl_pair_dec(row->minv, row->limit, 2, &row->minv_dec, &row->limit_dec);
    row->dar = ir->has_dar ? ir->dar : NAN;
    row->pi = ir->has_pi ? ir->pi : NAN;
    row->r40 = ir->has_r40 ? ir->r40_Mohm : NAN;
    row->trend = ir->has_trend ? ir->trend_pct_per_year : NAN;
    if (ir->has_reach) {
        snprintf(row->reach_buf, sizeof(row->reach_buf), "%04d-%02d", ir->reach.y,
                 ir->reach.m);
        row->reach = row->reach_buf;
    }
    meas_fill(w, &t->meas, row->ibuf, sizeof(row->ibuf), row->dbuf, sizeof(row->dbuf));
    row->instr = row->ibuf;
    row->tdate = row->dbuf;
    row->tmethod = w->lang == K3A_LANG_EN ? "DC insulation test (PUIL 2011 Table 6A; IEEE 43)"
                                          : "uji isolasi DC (PUIL 2011 Tabel 6A; IEEE 43)";
    if (!k3a__xl_worst_of_elem(w, K3A_KIND_INSULATION, i, &row->verdict))
        row->verdict = K3A_WARN;
    return 0;
}

/* clang-format off */
#define IR(h, u, wd, k, field, d) { K3A_T_##h, u, wd, k, offsetof(struct ir_row, field), d, NULL }
static const struct col_spec ir_cols[] = {
    IR(NAME,        "",       16, COL_TEXT,    name,    0),
    IR(CIRCUIT,     "",       16, COL_TEXT,    circuit, 0),
    IR(NOMINAL_V,   "V",       8, COL_NUM,     un,      0),
    IR(TEST_V,      "V",       9, COL_NUM,     tv,      0),
    IR(TEST_V_REQ,  "V",       9, COL_NUM,     tvreq,   0),
    IR(MIN_READING, "MΩ",     10, COL_NUM_DEC, minv,    2),
    IR(LIMIT,       "MΩ",      9, COL_NUM_DEC, limit,   2),
    IR(RESULT,      "",       16, COL_VERDICT, verdict, 0),
    IR(DAR,         "-",       7, COL_NUM,     dar,     2),
    IR(PI,          "-",       7, COL_NUM,     pi,      2),
    IR(R40,         "MΩ",     11, COL_NUM,     r40,     1),
    IR(TREND,       "%/year", 10, COL_NUM,     trend,   1),
    IR(REACH,       "",       11, COL_TEXT,    reach,   0),
    IR(INSTRUMENT_COL, "",    30, COL_TEXT,    instr,   0),
    IR(TEST_DATE,   "",       11, COL_TEXT,    tdate,   0),
    IR(TEST_METHOD, "",       20, COL_TEXT,    tmethod, 0),
};
#undef IR
/* clang-format on */

struct rcd_row {
    const char *name, *where, *type, *t1, *t5;
    double idn, tripma;
    enum k3a_verdict verdict;
    char t1_buf[48], t5_buf[48], where_buf[96], mbuf[160];
    MEAS_FIELDS;
};

/* A trip time as read: "28", or "> 500 (tidak trip)" for a reading ">N"
 * (documents review A9: it did not trip within the test's time); NULL
 * when not measured. */
static const char *trip_text(struct wctx *w, const struct k3a_reading *rd, int given,
                             char *buf, size_t n)
{
    if (!given)
        return NULL;
    if (rd->cmp > 0)
        k3a__fmt(buf, n, "> %.0f (%s)", rd->value,
                 w->lang == K3A_LANG_EN ? "did not trip" : "tidak trip");
    else
        k3a__fmt(buf, n, "%s%.0f", rd->cmp < 0 ? "< " : "", rd->value);
    return buf;
}

static int rcd_row(struct wctx *w, size_t i, void *rowp)
{
    static const char *const types[] = { "AC", "A", "F", "B" };
    struct rcd_row *row = rowp;
    const struct k3a_rcd *t = &w->r->site->rcds[i];

    row->name = t->hdr.name;
    /* A9: the device tested, else the board it was tested at, said so */
    if (t->device.name)
        row->where = t->device.name;
    else if (t->bus.name) {
        k3a__fmt(row->where_buf, sizeof(row->where_buf), "%s %s",
                 w->lang == K3A_LANG_EN ? "at board" : "di PHB", t->bus.name);
        row->where = row->where_buf;
    }
    row->type = types[t->type];
    row->idn = t->rated_mA;
    row->t1 = trip_text(w, &t->trip_ms_1x,
                        k3a_elem_given(K3A_KIND_RCD, &t->hdr, "trip_ms_1x"), row->t1_buf,
                        sizeof(row->t1_buf));
    row->t5 = trip_text(w, &t->trip_ms_5x,
                        k3a_elem_given(K3A_KIND_RCD, &t->hdr, "trip_ms_5x"), row->t5_buf,
                        sizeof(row->t5_buf));
    row->tripma = k3a_elem_given(K3A_KIND_RCD, &t->hdr, "trip_mA") ? t->trip_mA.value
                                                                   : NAN;
    meas_fill(w, &t->meas, row->ibuf, sizeof(row->ibuf), row->dbuf, sizeof(row->dbuf));
    row->instr = row->ibuf;
    row->tdate = row->dbuf;
    /* the method as done: 5x IΔn only when it was tested (A9) */
    k3a__fmt(row->mbuf, sizeof(row->mbuf), "%s %s (IEC 61008-1 / 61009-1)",
             w->lang == K3A_LANG_EN ? "trip test at" : "uji trip pada",
             row->t5 ? (w->lang == K3A_LANG_EN ? "1x and 5x IΔn" : "1x dan 5x IΔn")
                     : "1x IΔn");
    row->tmethod = row->mbuf;
    if (!k3a__xl_worst_of_elem(w, K3A_KIND_RCD, i, &row->verdict))
        row->verdict = K3A_WARN;
    return 0;
}

/* clang-format off */
#define RC(h, u, wd, k, field, d) { K3A_T_##h, u, wd, k, offsetof(struct rcd_row, field), d, NULL }
static const struct col_spec rcd_cols[] = {
    RC(NAME,    "",   16, COL_TEXT,    name,    0),
    RC(DEVICE,  "",   16, COL_TEXT,    where,   0),
    RC(TYPE,    "",    7, COL_TEXT,    type,    0),
    RC(IDN,     "mA",  8, COL_NUM,     idn,     0),
    RC(T1X,     "ms", 12, COL_TEXT,    t1,      0),
    RC(T5X,     "ms", 12, COL_TEXT,    t5,      0),
    RC(TRIP_MA, "mA", 10, COL_NUM,     tripma, -1),
    RC(RESULT,  "",   16, COL_VERDICT, verdict, 0),
    RC(INSTRUMENT_COL, "", 30, COL_TEXT,   instr,   0),
    RC(TEST_DATE, "", 11, COL_TEXT,        tdate,   0),
    RC(TEST_METHOD, "", 26, COL_TEXT,      tmethod, 0),
};
#undef RC
/* clang-format on */

struct thermo_row {
    const char *name, *where, *component;
    double temp, dts, dta, load, prio;
    enum k3a_verdict verdict;
    MEAS_FIELDS;
};

static int thermo_row(struct wctx *w, size_t i, void *rowp)
{
    struct thermo_row *row = rowp;
    const struct k3a_thermography *t = &w->r->site->thermographies[i];
    const struct k3a_thermo_res *tr = &w->r->thermo[i];

    row->name = t->hdr.name;
    row->where = t->bus.name ? t->bus.name : t->location;
    row->component = t->component;
    row->temp = t->temp_C;
    row->dts = tr->dt_similar_C;
    row->dta = tr->dt_ambient_C;
    row->load = k3a_elem_given(K3A_KIND_THERMOGRAPHY, &t->hdr, "load_pct") ? t->load_pct
                                                                           : NAN;
    row->prio = tr->priority ? (double)tr->priority : (double)NAN;
    meas_fill(w, &t->meas, row->ibuf, sizeof(row->ibuf), row->dbuf, sizeof(row->dbuf));
    row->instr = row->ibuf;
    row->tdate = row->dbuf;
    row->tmethod = w->lang == K3A_LANG_EN ? "infrared thermography, delta-T (NETA MTS)"
                                          : "termografi inframerah, delta-T (NETA MTS)";
    if (!k3a__xl_worst_of_elem(w, K3A_KIND_THERMOGRAPHY, i, &row->verdict))
        row->verdict = K3A_WARN;
    return 0;
}

/* clang-format off */
#define TH(h, u, wd, k, field, d) { K3A_T_##h, u, wd, k, offsetof(struct thermo_row, field), d, NULL }
static const struct col_spec thermo_cols[] = {
    TH(NAME,      "",   14, COL_TEXT,    name,      0),
    TH(BUS,       "",   12, COL_TEXT,    where,     0),
    TH(COMPONENT, "",   30, COL_TEXT,    component, 0),
    TH(TEMP,      "C",   8, COL_NUM,     temp,      1),
    TH(DT_SIM,    "C",  10, COL_NUM,     dts,       1),
    TH(DT_AMB,    "C",  10, COL_NUM,     dta,       1),
    TH(LOAD_PCT,  "%",   7, COL_NUM,     load,      0),
    TH(PRIORITY,  "-",   9, COL_NUM,     prio,      0),
    TH(RESULT,    "",   16, COL_VERDICT, verdict,   0),
    TH(INSTRUMENT_COL, "", 30, COL_TEXT,   instr,     0),
    TH(TEST_DATE, "",   11, COL_TEXT,    tdate,     0),
    TH(TEST_METHOD, "", 22, COL_TEXT,    tmethod,   0),
};
#undef TH
/* clang-format on */

struct pq_row {
    const char *name, *bus, *volts;
    double devmax, devmin, nema, iec, iunb, pf, thdv, thdi, tdd, dur;
    enum k3a_verdict verdict;
    char vbuf[64];
    MEAS_FIELDS;
};

static int pq_row(struct wctx *w, size_t i, void *rowp)
{
    struct pq_row *row = rowp;
    const struct k3a_pq *q = &w->r->site->pqs[i];
    const struct k3a_pq_res *pr = &w->r->pq[i];
    size_t k, u = 0;

    row->name = q->hdr.name;
    row->bus = q->bus.name;
    for (k = 0; k < q->voltage_V.n && u < sizeof(row->vbuf); k++)
        u += (size_t)snprintf(row->vbuf + u, sizeof(row->vbuf) - u, "%s%.0f",
                              k ? " / " : "", q->voltage_V.v[k].value);
    row->volts = row->vbuf;
    row->devmax = pr->has_v ? pr->dev_max_pct : NAN;
    row->devmin = pr->has_v ? pr->dev_min_pct : NAN;
    row->nema = q->voltage_V.n == 3 ? pr->unb_nema_pct : NAN;
    row->iec = q->voltage_V.n == 3 ? pr->unb_iec_pct : NAN;
    row->iunb = pr->has_i ? pr->i_unb_pct : NAN;
    row->pf = k3a_elem_given(K3A_KIND_PQ, &q->hdr, "power_factor") ? q->power_factor
                                                                   : NAN;
    row->thdv = k3a_elem_given(K3A_KIND_PQ, &q->hdr, "thd_v_pct") ? q->thd_v_pct : NAN;
    row->thdi = k3a_elem_given(K3A_KIND_PQ, &q->hdr, "thd_i_pct") ? q->thd_i_pct : NAN;
    row->tdd = pr->tdd_limit_pct > 0 ? pr->tdd_limit_pct : NAN;
    row->dur = k3a_elem_given(K3A_KIND_PQ, &q->hdr, "duration_h") ? q->duration_h : NAN;
    meas_fill(w, &q->meas, row->ibuf, sizeof(row->ibuf), row->dbuf, sizeof(row->dbuf));
    row->instr = row->ibuf;
    row->tdate = row->dbuf;
    row->tmethod = w->lang == K3A_LANG_EN ? "power quality analyser recording"
                                          : "perekaman analisator kualitas daya";
    if (!k3a__xl_worst_of_elem(w, K3A_KIND_PQ, i, &row->verdict))
        row->verdict = K3A_WARN;
    return 0;
}

/* clang-format off */
#define PQ(h, u, wd, k, field, d) { K3A_T_##h, u, wd, k, offsetof(struct pq_row, field), d, NULL }
static const struct col_spec pq_cols[] = {
    PQ(NAME,     "",   12, COL_TEXT,    name,    0),
    PQ(BUS,      "",   12, COL_TEXT,    bus,     0),
    PQ(VOLTAGES, "V",  16, COL_TEXT,    volts,   0),
    PQ(DEV_MAX,  "%",  10, COL_NUM,     devmax,  2),
    PQ(DEV_MIN,  "%",  10, COL_NUM,     devmin,  2),
    PQ(UNB_NEMA, "%",  12, COL_NUM,     nema,    2),
    PQ(UNB_IEC,  "%",  12, COL_NUM,     iec,     2),
    PQ(I_UNB,    "%",  12, COL_NUM,     iunb,    2),
    PQ(PF,       "-",   9, COL_NUM,     pf,      2),
    PQ(THD_V,    "%",   8, COL_NUM,     thdv,    1),
    PQ(THD_I,    "%",   8, COL_NUM,     thdi,    1),
    PQ(TDD_LIM,  "%",   9, COL_NUM,     tdd,    -1),
    PQ(DURATION, "h",   9, COL_NUM,     dur,     0),
    PQ(RESULT,   "",   16, COL_VERDICT, verdict, 0),
    PQ(INSTRUMENT_COL, "", 24, COL_TEXT, instr,  0),
    PQ(TEST_DATE, "",  11, COL_TEXT,    tdate,   0),
    PQ(TEST_METHOD, "", 16, COL_TEXT,   tmethod, 0),
};
#undef PQ
/* clang-format on */

struct loop_row {
    const char *name, *circuit, *device, *touch_how;
    double zs, psc, pe, touch;
    enum k3a_verdict verdict;
    MEAS_FIELDS;
    char mbuf[600];
};

static int loop_row(struct wctx *w, size_t i, void *rowp)
{
    struct loop_row *row = rowp;
    const struct k3a_site *s = w->r->site;
    const struct k3a_loop *t = &s->loops[i];
    const struct k3a_loop_res *lr = w->r->loop ? &w->r->loop[i] : NULL;

    row->name = t->hdr.name;
    row->circuit = t->circuit.name ? t->circuit.name : t->location;
    /* B21: the device and the touch voltage the findings judge: the
     * circuit's device when the test names none; a touch voltage
     * calculated (U0 R_PE / Zs) when none was measured, said so */
    row->device = lr && lr->device >= 0 ? s->devices[lr->device].hdr.name : t->device.name;
    row->zs = k3a_elem_given(K3A_KIND_LOOP, &t->hdr, "zs_ohm") ? t->zs_ohm : NAN;
    row->psc = k3a_elem_given(K3A_KIND_LOOP, &t->hdr, "psc_kA") ? t->psc_kA : NAN;
    row->pe = k3a_elem_given(K3A_KIND_LOOP, &t->hdr, "pe_ohm") ? t->pe_ohm : NAN;
    row->touch = lr ? lr->touch_V
                    : k3a_elem_given(K3A_KIND_LOOP, &t->hdr, "touch_V") ? t->touch_V.value
                                                                       : NAN;
    row->touch_how = lr && lr->touch_calc
                         ? (w->lang == K3A_LANG_EN ? "calculated: U0 R_PE / Zs"
                                                   : "dihitung: U0 R_PE / Zs")
                     : isfinite(row->touch) ? (w->lang == K3A_LANG_EN ? "measured" : "terukur")
                                            : NULL;
    meas_fill(w, &t->meas, row->ibuf, sizeof(row->ibuf), row->dbuf, sizeof(row->dbuf));
    row->instr = row->ibuf;
    row->tdate = row->dbuf;
    /* review r3 item 23: what was measured, and the clause of the finding
     * that governs the row's verdict (TN 411.4.4, TT 411.5.3/411.5.4, IT
     * 411.6.4, a prospective current 434.5.1), not always 411.4.4 */
    {
        int en = w->lang == K3A_LANG_EN;
        size_t g = w->loop_gov ? w->loop_gov[i] : 0;
        const char *what =
            isfinite(row->zs)    ? (en ? "earth-fault loop impedance" : "impedansi loop gangguan bumi")
            : isfinite(row->psc) ? (en ? "prospective fault current" : "arus gangguan prospektif")
            : isfinite(row->pe)  ? (en ? "protective conductor resistance"
                                       : "resistansi penghantar proteksi")
                                 : (en ? "earth-fault loop test" : "uji loop gangguan bumi");
        const char *cl = g ? k3a_finding_clause(&w->r->findings[g - 1], w->lang) : "";
        if (cl[0])
            k3a__fmt(row->mbuf, sizeof(row->mbuf), "%s (%s)", what, cl);
        else
            k3a__fmt(row->mbuf, sizeof(row->mbuf), "%s", what);
        row->tmethod = row->mbuf;
    }
    /* a loop with no finding (a psc below the breaking capacity downstream,
     * a pe_ohm continuity reading) is information: no verdict */
    if (!k3a__xl_worst_of_elem(w, K3A_KIND_LOOP, i, &row->verdict))
        row->verdict = K3A__XL_NO_VERDICT;
    return 0;
}

static const char *const touch_how_head[2] = { "Tegangan sentuh dari", "Touch voltage from" };

/* clang-format off */
#define LP(h, u, wd, k, field, d) { K3A_T_##h, u, wd, k, offsetof(struct loop_row, field), d, NULL }
static const struct col_spec loop_cols[] = {
    LP(NAME,     "",    14, COL_TEXT,    name,    0),
    LP(CIRCUIT,  "",    16, COL_TEXT,    circuit, 0),
    LP(DEVICE,   "",    14, COL_TEXT,    device,  0),
    LP(ZS,       "Ω",   10, COL_NUM,     zs,      3),
    LP(PSC,      "kA",  12, COL_NUM,     psc,     2),
    LP(PE_R,     "Ω",   11, COL_NUM,     pe,      3),
    LP(TOUCH_V,  "V",   10, COL_NUM,     touch,   1),
    { K3A_T_TOUCH_V, "", 14, COL_TEXT, offsetof(struct loop_row, touch_how), 0, touch_how_head },
    LP(RESULT,   "",    16, COL_VERDICT, verdict, 0),
    LP(INSTRUMENT_COL, "", 30, COL_TEXT, instr,   0),
    LP(TEST_DATE, "",   11, COL_TEXT,    tdate,   0),
    LP(TEST_METHOD, "", 22, COL_TEXT,    tmethod, 0),
};
#undef LP
/* clang-format on */

/* Curves a tester reads: fall of potential (R against probe distance, with
 * the 61.8 % point) and soil resistivity (measured and the two-layer
 * model).  Data blocks on this sheet feed the charts beside them. */
/* The Grafik sheet's printed width: three columns of 14, a gap, the chart. */
#define CHARTS_PX (3 * k3a__xl_col_px(14) + k3a__xl_col_px(8.43) + 480)

/* One block of the Grafik sheet: an earthing's fall of potential or a
 * soil survey, its n points. */
struct chart_block {
    const char *title;
    int is_soil;
    const struct k3a_earthing *e;
    const struct k3a_soil_res *sr;
    size_t n;
};

/* The block's title and data from *row on (readings as written: 4 m,
 * 2.85 ohm; a soil's fitted two-layer curve beside it); returns the first
 * data row, *row after the last. */
static lxw_row_t chart_data(struct wctx *w, lxw_worksheet *ws, const struct chart_block *b,
                            lxw_row_t *row)
{
    const struct k3a_soil_res *sr = b->sr;
    lxw_row_t first;
    size_t k;

    /* the title across the table's width, not wrapped into the header */
    check(w, worksheet_merge_range(ws, *row, 0, *row, 2, b->title, w->st.label));
    (*row)++;
    cell(w, worksheet_write_string(ws, *row, 0,
                                    b->is_soil ? "a (m)" : TX(w, DISTANCE), w->st.head));
    cell(w, worksheet_write_string(ws, *row, 1,
                                    b->is_soil ? TX(w, MEASURED_RHO) : "R (Ω)",
                                    w->st.head));
    if (b->is_soil)
        cell(w, worksheet_write_string(ws, *row, 2, TX(w, FITTED_RHO), w->st.head));
    (*row)++;
    first = *row;
    for (k = 0; k < b->n; k++, (*row)++) {
        double x = b->is_soil ? sr->a_m[k] : b->e->readings.x[k];
        double v = b->is_soil ? sr->rho_ohm_m[k] : b->e->readings.y[k];
        cell(w, k3a__xl_write_number(ws, *row, 0, x, k3a__xl_num_format(w, -2, x)));
        cell(w, k3a__xl_write_number(ws, *row, 1, v, k3a__xl_num_format(w, -2, v)));
        if (b->is_soil && sr->fitted)
            cell(w, k3a__xl_write_number(
                         ws, *row, 2,
                         k3a_two_layer_rho_a(sr->rho1, sr->rho2, sr->h_m, sr->a_m[k]),
                         w->st.num2));
    }
    return first;
}

/* The block's chart over its data rows [first, last] of sheet, beside
 * them.  0, or -1 when memory ran out. */
static int chart_insert(struct wctx *w, lxw_worksheet *ws, const char *sheet,
                        const struct chart_block *b, lxw_row_t first, lxw_row_t last)
{
    lxw_chart *ch = workbook_add_chart(w->wb, LXW_CHART_SCATTER_STRAIGHT_WITH_MARKERS);
    lxw_chart_series *se;

    if (!ch) {
        check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return -1;
    }
    se = chart_add_series(ch, NULL, NULL);
    chart_series_set_categories(se, sheet, first, 0, last, 0);
    chart_series_set_values(se, sheet, first, 1, last, 1);
    chart_series_set_name(se, b->is_soil ? TX(w, MEASURED_RHO) : "R");
    if (b->is_soil && b->sr->fitted) {
        se = chart_add_series(ch, NULL, NULL);
        chart_series_set_categories(se, sheet, first, 0, last, 0);
        chart_series_set_values(se, sheet, first, 2, last, 2);
        chart_series_set_name(se, TX(w, FITTED_RHO));
    }
    chart_title_set_name(ch, b->title);
    chart_axis_set_name(ch->x_axis, b->is_soil ? "a (m)" : TX(w, DISTANCE));
    chart_axis_set_name(ch->y_axis, b->is_soil ? "ρ (Ω·m)" : "R (Ω)");
    if (b->is_soil)
        chart_axis_set_log_base(ch->x_axis, 10);
    chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
    check(w, worksheet_insert_chart(ws, first - 1, 4, ch));
    return 0;
}

static void write_charts(struct wctx *w)
{
    const struct k3a_site *s = w->r->site;
    lxw_worksheet *ws;
    lxw_row_t row = 0, brk[64];
    size_t i, n_brk = 0;
    char title[96], sheet[40];
    int any = 0;
    /* each block (title, data, chart: 18 rows) on one printed page */
    double page_h = k3a__xl_page_height(CHARTS_PX), y;

    for (i = 0; i < s->n_earthings; i++)
        any |= s->earthings[i].readings.n >= 2;
    for (i = 0; i < s->n_soils; i++)
        any |= w->r->soil[i].n >= 2;
    if (!any)
        return;
    ws = workbook_add_worksheet(w->wb, TX(w, SH_CHARTS));
    if (!ws) {
        check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    snprintf(sheet, sizeof(sheet), "%s", TX(w, SH_CHARTS));
    row = k3a__xl_sheet_head(w, ws, K3A_T_SH_CHARTS, 4) + 1;
    y = 16.0 * row;
    check(w, worksheet_set_column(ws, 0, 2, 14, NULL));
    for (i = 0; i < s->n_earthings + s->n_soils && w->err == LXW_NO_ERROR; i++) {
        struct chart_block b;
        lxw_row_t first;
        double h;
        b.is_soil = i >= s->n_earthings;
        b.e = b.is_soil ? NULL : &s->earthings[i];
        b.sr = b.is_soil ? &w->r->soil[i - s->n_earthings] : NULL;
        b.n = b.is_soil ? b.sr->n : b.e->readings.n;
        b.title = title;
        if (b.n < 2)
            continue;
        snprintf(title, sizeof(title), "%s %s",
                 b.is_soil ? TX(w, SH_SOIL) : TX(w, SH_EARTH),
                 b.is_soil ? s->soils[i - s->n_earthings].hdr.name : b.e->hdr.name);
        /* its rows: the title, the header, the data or the chart's 16 */
        h = 15.0 * (2 + (b.n > 16 ? (double)b.n : 16.0));
        if (y + h > page_h && y > 0 && n_brk + 1 < sizeof(brk) / sizeof(brk[0])) {
            brk[n_brk++] = row;
            y = 0;
        }
        y += h + 30.0;
        first = chart_data(w, ws, &b, &row);
        if (chart_insert(w, ws, sheet, &b, first, row - 1) != 0)
            return;
        /* leave room for the chart (about 15 rows) below the block */
        if (row < first + 16)
            row = first + 16;
        row += 2;
    }
    if (n_brk) {
        brk[n_brk] = 0;
        check(w, worksheet_set_h_pagebreaks(ws, brk));
    }
    k3a__xl_page_setup(w, ws, CHARTS_PX, 0, 0);
}


void k3a__xl_write_measurements(struct wctx *w)
{
    const struct k3a_site *s = w->r->site;

    if (s->n_earthings)
        TABLE(SH_EARTH, earth_cols, earth_row, earth_row, s->n_earthings, NULL);
    if (s->n_soils)
        TABLE(SH_SOIL, soil_cols, soil_row, soil_row, s->n_soils, NULL);
    if (s->n_insulations)
        TABLE(SH_IR, ir_cols, ir_row, ir_row, s->n_insulations, NULL);
    if (s->n_loops)
        TABLE(SH_LOOP, loop_cols, loop_row, loop_row, s->n_loops, NULL);
    if (s->n_rcds)
        TABLE(SH_RCD, rcd_cols, rcd_row, rcd_row, s->n_rcds, NULL);
    if (s->n_thermographies)
        TABLE(SH_THERMO, thermo_cols, thermo_row, thermo_row, s->n_thermographies,
              NULL);
    if (s->n_pqs)
        TABLE(SH_PQ, pq_cols, pq_row, pq_row, s->n_pqs, NULL);
    write_charts(w);
}
