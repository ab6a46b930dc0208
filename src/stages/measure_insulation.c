/*
 * measure_insulation.c - insulation resistance: the installation table
 * (Tabel 6A), IEEE 43 for machines (IR 1 min at 40 C, PI, DAR) and the
 * trend of earlier tests.  Pure.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_fit.h>

#include "findings.h"
#include "stages.h"
#include "k3audit/results.h"
#include "k3audit/measure.h"
#include "k3audit/protection.h"
#include "stages/measure.h"

/* ---- insulation ------------------------------------------------------------ */

/* The Tabel 6A row of the circuit (NULL: a motor's windings, judged by
 * IEEE 43, or no row), the lowest reading and its bound; into ir too. */
static const struct k3a_ir_limit *ir_reading(const struct k3a_results *r,
                                             const struct k3a_insulation *t,
                                             struct k3a_ir_res *ir, double *minv_out,
                                             int *cmp_out)
{
    const struct k3a_model_file *lim = r->limits;
    const struct k3a_ir_limit *row = NULL;
    double minv = INFINITY;
    int cmp = 0;
    size_t k;

    for (k = 0; lim && k < lim->n_ir; k++)
        if (t->nominal_V <= lim->ir[k].max_nominal_V) {
            row = &lim->ir[k];
            break;
        }
    for (k = 0; k < t->readings_Mohm.n; k++)
        if (t->readings_Mohm.value[k].value < minv) {
            minv = t->readings_Mohm.value[k].value;
            cmp = t->readings_Mohm.value[k].cmp;
        }
    if (!t->readings_Mohm.n && k3a_elem_given(K3A_KIND_INSULATION, &t->hdr,
                                              "r1min_Mohm")) {
        minv = t->r1min_Mohm.value;
        cmp = t->r1min_Mohm.cmp;
    }
    ir->min_Mohm = minv;
    ir->cmp = cmp;
    if (t->equipment == K3A_IREQ_MOTOR)
        row = NULL; /* windings: IEEE 43 below, not the installation table */
    ir->limit_Mohm = row ? row->min_Mohm : NAN;
    ir->test_V_required = row ? row->test_V : NAN;
    *minv_out = minv;
    *cmp_out = cmp;
    return row;
}

/* IEEE 43: a winding below 1000 V is tested at its voltage. */
static enum k3a_status ir_motor_test_voltage(struct k3a_results *r, size_t i,
                                             const struct k3a_insulation *t,
                                             struct k3a_ir_res *ir, int xp)
{
    const char *name = t->hdr.name;
    struct k3a_finding *f;

    if (t->equipment == K3A_IREQ_MOTOR && t->nominal_V < 1000) {
        const char *cl;
        double tv = lp(r, "ieee43_test_V_lv", 500, &cl);
        ir->test_V_required = tv;
        if (fabs(t->test_V - tv) > 1e-9) {
            f = k3a__finding_new(r, K3A_KIND_INSULATION, (int32_t)i,
                    "insulation_test_voltage", cal_verdict(K3A_WARN, xp),
                    t->test_V, tv, "V", cl,
                    "Tegangan uji isolasi motor %s %.0f V; IEEE 43 meminta %.0f V "
                    "untuk belitan < 1000 V",
                    "Insulation test of motor %s at %.0f V; IEEE 43 asks %.0f V for "
                    "windings below 1000 V",
                    name, t->test_V, tv);
            if (!cal_note(r, f, xp))
                return K3A_E_NOMEM;
        }
    }
    return K3A_OK;
}

/* PUIL 2011 Tabel 6A: the lowest reading against the row, and the test
 * voltage the row asks for. */
static enum k3a_status ir_table_6a(struct k3a_results *r, size_t i,
                                   const struct k3a_insulation *t, struct k3a_ir_res *ir,
                                   const struct k3a_ir_limit *row, double minv, int cmp,
                                   int xp)
{
    const char *name = t->hdr.name;
    struct k3a_finding *f;

    if (row && isfinite(minv)) {
        /* ">2000" passes any limit below 2000; "<0.5" fails one above */
        ir->verdict = minv >= row->min_Mohm && cmp >= 0 ? K3A_PASS
                      : minv <= row->min_Mohm && cmp <= 0 ? K3A_FAIL
                                                          : K3A_WARN;
        if (minv >= row->min_Mohm && cmp < 0)
            ir->verdict = K3A_WARN; /* "less than N" above the limit */
        if (xp)
            ir->verdict = K3A_WARN; /* review A5: re-test, no verdict */
        f = k3a__finding_new(r, K3A_KIND_INSULATION, (int32_t)i,
                "insulation_resistance", cal_verdict(ir->verdict, xp),
                minv, row->min_Mohm, "MΩ", row->clause,
                "Tahanan isolasi %s, nilai terendah pada %.0f V",
                "Insulation resistance %s, lowest reading at %.0f V", name,
                t->test_V);
        if (!cal_note(r, f, xp))
            return K3A_E_NOMEM;
        if (fabs(t->test_V - row->test_V) > 1e-9) {
            f = k3a__finding_new(r, K3A_KIND_INSULATION, (int32_t)i,
                    "insulation_test_voltage", cal_verdict(K3A_WARN, xp),
                    t->test_V, row->test_V, "V", row->clause,
                    "Tegangan uji isolasi %s %.0f V; Tabel 6A meminta %.0f V untuk "
                    "sirkit %.0f V",
                    "Insulation test of %s at %.0f V; Table 6A asks %.0f V for a "
                    "%.0f V circuit",
                    name, t->test_V, row->test_V, t->nominal_V);
            if (!cal_note(r, f, xp))
                return K3A_E_NOMEM;
        }
    }
    return K3A_OK;
}

/* IEEE 43 for machines: correction to 40 C, IR1min, PI, DAR. */
static enum k3a_status ir_ieee43(struct k3a_results *r, size_t i,
                                 const struct k3a_insulation *t, struct k3a_ir_res *ir,
                                 int xp)
{
    const char *name = t->hdr.name;
    struct k3a_finding *f;

    /* IEEE 43 for machines: correction to 40 C, IR1min, PI, DAR */
    if (k3a_elem_given(K3A_KIND_INSULATION, &t->hdr, "r1min_Mohm")) {
        double r1 = t->r1min_Mohm.value;
        if (k3a_elem_given(K3A_KIND_INSULATION, &t->hdr, "temperature_C")) {
            ir->has_r40 = 1;
            ir->r40_Mohm = k3a_ir_40C(r1, t->temperature_C);
        }
        if (t->equipment == K3A_IREQ_MOTOR) {
            const char *cl;
            double need = t->nominal_V < 1000
                              ? lp(r, "ir_motor_lv_min_Mohm", 5, &cl)
                              : lp(r, "ir_motor_mv_min_Mohm", 100, &cl);
            double v = ir->has_r40 ? ir->r40_Mohm : r1;
            f = k3a__finding_new(r, K3A_KIND_INSULATION, (int32_t)i, "ieee43_ir1min",
                    cal_verdict(v >= need ? K3A_PASS : K3A_FAIL, xp),
                    v, need, "MΩ", cl,
                    "IR 1 menit %s %s%.0s", "IR 1 min of %s %.0s%s", name,
                    ir->has_r40 ? "dikoreksi ke 40 °C" : "(tanpa koreksi suhu)",
                    ir->has_r40 ? "corrected to 40 °C" : "(not temperature corrected)");
            if (!cal_note(r, f, xp))
                return K3A_E_NOMEM;
        }
        if (k3a_elem_given(K3A_KIND_INSULATION, &t->hdr, "r10min_Mohm") && r1 > 0) {
            const char *cl, *cl5;
            double pimin = t->insulation_class == K3A_CLASS_A &&
                                   k3a_elem_given(K3A_KIND_INSULATION, &t->hdr,
                                                  "insulation_class")
                               ? lp(r, "pi_min_class_a", 1.5, &cl)
                               : lp(r, "pi_min_class_bfh", 2.0, &cl);
            double big = lp(r, "pi_not_meaningful_Mohm", 5000, &cl5);
            ir->has_pi = 1;
            ir->pi = t->r10min_Mohm.value / r1;
            if (r1 <= big) {
                f = k3a__finding_new(r, K3A_KIND_INSULATION, (int32_t)i,
                        "polarization_index",
                        cal_verdict(ir->pi >= pimin ? K3A_PASS : K3A_FAIL, xp),
                        ir->pi, pimin, "-", cl,
                        "Indeks polarisasi %s (10 menit / 1 menit)",
                        "Polarization index of %s (10 min / 1 min)", name);
                if (!cal_note(r, f, xp))
                    return K3A_E_NOMEM;
            }
        }
        if (k3a_elem_given(K3A_KIND_INSULATION, &t->hdr, "r30s_Mohm") &&
            t->r30s_Mohm.value > 0) {
            const char *cl;
            double dmin = lp(r, "dar_min", 1.25, &cl);
            ir->has_dar = 1;
            ir->dar = r1 / t->r30s_Mohm.value;
            /* verdicts review item 14: the DAR limits come from
             * instrument manuals, not a standard: below them is a WARN
             * (never a FAIL that alone sets the conclusion) */
            f = k3a__finding_new(r, K3A_KIND_INSULATION, (int32_t)i,
                    "dielectric_absorption",
                    cal_verdict(ir->dar >= dmin ? K3A_PASS : K3A_WARN, xp),
                    ir->dar, dmin, "-", cl,
                    "Rasio absorpsi dielektrik %s (60 s / 30 s)%s%.0s",
                    "Dielectric absorption ratio of %s (60 s / 30 s)%.0s%s", name,
                    ir->dar < 1.0 ? ": di bawah 1,0, periksa isolasi" : "",
                    ir->dar < 1.0 ? ": below 1.0, investigate the insulation" : "");
            if (!cal_note(r, f, xp))
                return K3A_E_NOMEM;
        }
    }
    return K3A_OK;
}

/* The trend of earlier tests: ln(IR) against time; when it reaches the
 * limit, and a warning when within ir_trend_warn_years. */
static enum k3a_status ir_trend(struct k3a_results *r, size_t i,
                                const struct k3a_insulation *t, struct k3a_ir_res *ir,
                                const struct k3a_ir_limit *row, double minv, int xp)
{
    const char *name = t->hdr.name;
    struct k3a_finding *f;
    size_t k;

    /* trend: ln(IR) against time; when does it reach the limit? */
    if (t->previous_Mohm.n >= 1 && isfinite(minv) && minv > 0 && row) {
        double *x = malloc(2 * (t->previous_Mohm.n + 1) * sizeof(*x)), *y;
        double c0, c1, c00, c01, c11, ss, now_years;
        size_t n = 0;
        int fit;
        if (!x)
            return K3A_E_NOMEM;
        y = x + t->previous_Mohm.n + 1;
        for (k = 0; k < t->previous_Mohm.n; k++)
            if (t->previous_Mohm.value[k] > 0) {
                x[n] = (double)k3a_date_days(t->previous_Mohm.date[k]) / 365.25;
                y[n++] = log(t->previous_Mohm.value[k]);
            }
        x[n] = (double)k3a_date_days(t->meas.test_date) / 365.25;
        y[n++] = log(minv);
        fit = n >= 2 &&
              gsl_fit_linear(x, 1, y, 1, n, &c0, &c1, &c00, &c01, &c11, &ss) == 0 &&
              isfinite(c1);
        now_years = x[n - 1];
        free(x);
        if (fit) {
            ir->has_trend = 1;
            ir->trend_pct_per_year = (exp(c1) - 1.0) * 100.0;
            if (c1 < 0 && minv > row->min_Mohm) {
                double tyears = (log(row->min_Mohm) - c0) / c1;
                long days = (long)floor(tyears * 365.25);
                const char *cl;
                double warn_years = lp(r, "ir_trend_warn_years", 3, &cl);
                /* days since 1970-01-01 back to a calendar date */
                long z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
                long doe = z - era * 146097;
                long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
                long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
                long mp = (5 * doy + 2) / 153;
                ir->has_reach = 1;
                ir->reach.d = (int)(doy - (153 * mp + 2) / 5 + 1);
                ir->reach.m = (int)(mp < 10 ? mp + 3 : mp - 9);
                ir->reach.y = (int)(yoe + era * 400 + (ir->reach.m <= 2));
                if (tyears - now_years <= warn_years) {
                    f = k3a__finding_new(r, K3A_KIND_INSULATION, (int32_t)i,
                            "insulation_trend", cal_verdict(K3A_WARN, xp),
                            tyears - now_years, warn_years, "{tahun|years}", cl,
                            "Tren isolasi %s turun %.0f %%/tahun: mencapai batas "
                            "sekitar %04d-%02d",
                            "Insulation of %s falls %.0f %%/year: reaches the limit "
                            "about %04d-%02d",
                            name, -ir->trend_pct_per_year, ir->reach.y, ir->reach.m);
                    if (!cal_note(r, f, xp))
                        return K3A_E_NOMEM;
                }
            }
        }
    }
    return K3A_OK;
}

enum k3a_status k3a__meas_insulation(struct k3a_results *r)
{
    const struct k3a_site *s = r->site;
    enum k3a_status st;
    size_t i;

    for (i = 0; i < s->n_insulations; i++) {
        const struct k3a_insulation *t = &s->insulations[i];
        struct k3a_ir_res *ir = &r->ir[i];
        int xp = cal_expired(s, &t->meas), cmp;
        double minv;
        const struct k3a_ir_limit *row = ir_reading(r, t, ir, &minv, &cmp);

        if ((st = ir_motor_test_voltage(r, i, t, ir, xp)) != K3A_OK ||
            (st = ir_table_6a(r, i, t, ir, row, minv, cmp, xp)) != K3A_OK ||
            (st = ir_ieee43(r, i, t, ir, xp)) != K3A_OK ||
            (st = ir_trend(r, i, t, ir, row, minv, xp)) != K3A_OK)
            return st;
    }
    return K3A_OK;
}
