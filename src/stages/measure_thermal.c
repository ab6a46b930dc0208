/*
 * measure_thermal.c - thermography (NETA priorities) and power quality
 * (voltage, unbalance, harmonics, neutral current).  Pure.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "findings.h"
#include "stages.h"
#include "k3audit/results.h"
#include "k3audit/measure.h"
#include "k3audit/protection.h"
#include "stages/measure.h"

/* ---- thermography ------------------------------------------------------------ */

enum k3a_status k3a__meas_thermography(struct k3a_results *r)
{
    const struct k3a_site *s = r->site;
    const struct k3a_model_file *lim = r->limits;
    struct k3a_finding *f;
    double slo[4], alo[4];
    const char *pcl[4] = { "", "", "", "" };
    size_t i, k;

    for (k = 0; k < 4; k++)
        slo[k] = alo[k] = NAN;
    for (k = 0; lim && k < lim->n_thermo; k++) {
        const struct k3a_thermo_row *t = &lim->thermo[k];
        if (t->priority < 1 || t->priority > 4)
            continue;
        if (t->similar_over_C > 0)
            slo[t->priority - 1] = t->similar_over_C;
        if (t->ambient_over_C > 0)
            alo[t->priority - 1] = t->ambient_over_C;
        pcl[t->priority - 1] = t->clause;
    }
    for (i = 0; i < s->n_thermographies; i++) {
        const struct k3a_thermography *t = &s->thermographies[i];
        struct k3a_thermo_res *tr = &r->thermo[i];
        int xp = cal_expired(s, &t->meas), pi;
        int has_ref = k3a_elem_given(K3A_KIND_THERMOGRAPHY, &t->hdr, "reference_C");
        int has_amb = k3a_elem_given(K3A_KIND_THERMOGRAPHY, &t->hdr, "ambient_C");
        const char *where = t->bus.name ? t->bus.name : t->location ? t->location : "";

        tr->dt_similar_C = has_ref ? t->temp_C - t->reference_C : NAN;
        tr->dt_ambient_C = has_amb ? t->temp_C - t->ambient_C : NAN;
        if (!has_ref && !has_amb)
            continue;
        tr->priority = k3a_thermo_priority(tr->dt_similar_C, tr->dt_ambient_C, slo, alo);
        /* documents review A8: the limit beside ΔT is the threshold of
         * the priority found (the lowest action threshold when none) */
        pi = tr->priority ? tr->priority - 1 : 3;
        f = k3a__finding_new(r, K3A_KIND_THERMOGRAPHY, (int32_t)i, "thermography",
                cal_verdict(tr->priority == 1 || tr->priority == 2 ? K3A_FAIL
                            : tr->priority                         ? K3A_WARN
                                                                   : K3A_PASS,
                            xp),
                isfinite(tr->dt_similar_C) ? tr->dt_similar_C : tr->dt_ambient_C,
                isfinite(tr->dt_similar_C) ? slo[pi] : alo[pi], "°C",
                tr->priority ? pcl[tr->priority - 1] : "NETA MTS {Tabel|Table} 100.18",
                "Termografi %s %s: ΔT %.0f °C terhadap %s%.0s (komponen %.0f °C), "
                "prioritas NETA %d",
                "Thermography %s %s: ΔT %.0f °C over the %.0s%s (component %.0f °C), "
                "NETA priority %d",
                where, t->component ? t->component : "",
                isfinite(tr->dt_similar_C) ? tr->dt_similar_C : tr->dt_ambient_C,
                isfinite(tr->dt_similar_C) ? "komponen serupa" : "suhu sekitar",
                isfinite(tr->dt_similar_C) ? "similar component" : "ambient",
                t->temp_C, tr->priority);
        if (!cal_note(r, f, xp))
            return K3A_E_NOMEM;
        if (k3a_elem_given(K3A_KIND_THERMOGRAPHY, &t->hdr, "load_pct")) {
            const char *cl;
            double minload = lp(r, "thermo_min_load_pct", 40, &cl);
            if (t->load_pct < minload) {
                f = k3a__finding_new(r, K3A_KIND_THERMOGRAPHY, (int32_t)i,
                        "thermography_load", cal_verdict(K3A_WARN, xp),
                        t->load_pct, minload, "%", cl,
                        "Termografi %s diambil pada beban %.0f %%: hasil kurang andal",
                        "Thermography of %s at %.0f %% load: the result is unreliable",
                        where, t->load_pct);
                if (!cal_note(r, f, xp))
                    return K3A_E_NOMEM;
            }
        }
    }
    return K3A_OK;
}


/* ---- power quality ------------------------------------------------------------ */

/* One power-quality survey: the bus, its name in titles, its nominal
 * voltage, a spot reading or a logged one. */
struct pq_ctx {
    size_t i;
    const struct k3a_pq *q;
    struct k3a_pq_res *pr;
    const struct k3a_bus *b;
    const char *name;
    double un; /* V */
    int xp, spot;
};

/* Voltage against the nominal (high and low) and its unbalance. */
static enum k3a_status pq_voltage(struct k3a_results *r, const struct pq_ctx *pc)
{
    const struct k3a_pq *q = pc->q;
    struct k3a_pq_res *pr = pc->pr;
    size_t i = pc->i;
    int xp = pc->xp;
    const char *name = pc->name, *cl;
    struct k3a_finding *f;
    const struct k3a_bus *b = pc->b;
    double un = pc->un;
    const char *cl2;
    size_t k;

    if (q->voltage_V.n) {
        double vmax = 0, vmin = INFINITY, hi = lp(r, "voltage_max_pct", 5, &cl);
        double lo = lp(r, "voltage_min_pct", -10, &cl2);
        /* site-format 9: a single-phase bus's nominal is the U0 of
         * its IEC 60038 system (230 V under 0.4 kV) */
        double nominal =
            b->phases == 1 ? k3a__nominal_u0_V(r, b->voltage_kV, NULL) : un;
        for (k = 0; k < q->voltage_V.n; k++) {
            vmax = fmax(vmax, q->voltage_V.v[k].value);
            vmin = fmin(vmin, q->voltage_V.v[k].value);
        }
        pr->has_v = 1;
        pr->dev_max_pct = (vmax / nominal - 1.0) * 100.0;
        pr->dev_min_pct = (vmin / nominal - 1.0) * 100.0;
        f = k3a__finding_new(r, K3A_KIND_PQ, (int32_t)i, "voltage_high",
                cal_verdict(pr->dev_max_pct > hi ? K3A_FAIL : K3A_PASS, xp),
                pr->dev_max_pct, hi, "%", cl,
                "Tegangan tertinggi di %s (%.0f V) terhadap nominal %.0f V",
                "Highest voltage at %s (%.0f V) against the nominal %.0f V", name,
                vmax, nominal);
        if (!cal_note(r, f, xp))
            return K3A_E_NOMEM;
        f = k3a__finding_new(r, K3A_KIND_PQ, (int32_t)i, "voltage_low",
                cal_verdict(pr->dev_min_pct < lo ? K3A_FAIL : K3A_PASS, xp),
                pr->dev_min_pct, lo, "%", cl2,
                "Tegangan terendah di %s (%.0f V) terhadap nominal %.0f V",
                "Lowest voltage at %s (%.0f V) against the nominal %.0f V", name,
                vmin, nominal);
        if (!cal_note(r, f, xp))
            return K3A_E_NOMEM;
        if (q->voltage_V.n == 3) {
            double v[3], umax = lp(r, "voltage_unbalance_max_pct", 2, &cl);
            for (k = 0; k < 3; k++)
                v[k] = q->voltage_V.v[k].value;
            pr->unb_nema_pct = k3a_unbalance_nema_pct(v);
            pr->unb_iec_pct = k3a_unbalance_iec_pct(v);
            f = k3a__finding_new(r, K3A_KIND_PQ, (int32_t)i, "voltage_unbalance",
                    cal_verdict(pr->unb_iec_pct > umax ? K3A_FAIL : K3A_PASS, xp),
                    pr->unb_iec_pct, umax, "%", cl,
                    "Ketidakseimbangan tegangan di %s (IEC 61000-4-30; NEMA %.2f %%)",
                    "Voltage unbalance at %s (IEC 61000-4-30; NEMA %.2f %%)", name,
                    pr->unb_nema_pct);
            if (!cal_note(r, f, xp))
                return K3A_E_NOMEM;
        }
    }
    return K3A_OK;
}

/* Current unbalance and the neutral current. */
static enum k3a_status pq_current(struct k3a_results *r, const struct pq_ctx *pc)
{
    const struct k3a_pq *q = pc->q;
    struct k3a_pq_res *pr = pc->pr;
    size_t i = pc->i;
    int xp = pc->xp;
    const char *name = pc->name, *cl;
    struct k3a_finding *f;
    size_t k;

    if (q->current_A.n == 3) {
        double c[3], imax = lp(r, "current_unbalance_max_pct", 10, &cl);
        for (k = 0; k < 3; k++)
            c[k] = q->current_A.v[k].value;
        pr->has_i = 1;
        pr->i_unb_pct = k3a_unbalance_nema_pct(c);
        f = k3a__finding_new(r, K3A_KIND_PQ, (int32_t)i, "current_unbalance",
                cal_verdict(pr->i_unb_pct > imax ? K3A_WARN : K3A_PASS, xp),
                pr->i_unb_pct, imax, "%", cl,
                "Ketidakseimbangan arus di %s", "Current unbalance at %s", name);
        if (!cal_note(r, f, xp))
            return K3A_E_NOMEM;
        if (k3a_elem_given(K3A_KIND_PQ, &q->hdr, "neutral_A")) {
            double avg = (c[0] + c[1] + c[2]) / 3.0;
            double nmax = lp(r, "neutral_over_phase_max", 1.0, &cl);
            f = k3a__finding_new(r, K3A_KIND_PQ, (int32_t)i, "neutral_current",
                    cal_verdict(avg > 0 && q->neutral_A > nmax * avg ? K3A_WARN : K3A_PASS, xp),
                    avg > 0 ? q->neutral_A / avg : NAN, nmax, "-", cl,
                    "Arus netral di %s terhadap rata-rata arus fasa",
                    "Neutral current at %s against the average phase current", name);
            if (!cal_note(r, f, xp))
                return K3A_E_NOMEM;
        }
    }
    return K3A_OK;
}

/* Power factor (a PLN charge: a warning). */
static enum k3a_status pq_power_factor(struct k3a_results *r, const struct pq_ctx *pc)
{
    const struct k3a_pq *q = pc->q;
    size_t i = pc->i;
    int xp = pc->xp;
    const char *name = pc->name, *cl;
    struct k3a_finding *f;

    if (k3a_elem_given(K3A_KIND_PQ, &q->hdr, "power_factor")) {
        double pmin = lp(r, "pf_min", 0.85, &cl);
        /* PLN charges excess kVArh below 0.85: a cost, not a safety
         * requirement, so a warning */
        f = k3a__finding_new(r, K3A_KIND_PQ, (int32_t)i, "power_factor",
                cal_verdict(q->power_factor < pmin ? K3A_WARN : K3A_PASS, xp),
                q->power_factor, pmin, "-", cl,
                "Faktor daya di %s", "Power factor at %s", name);
        if (!cal_note(r, f, xp))
            return K3A_E_NOMEM;
    }
    return K3A_OK;
}

/* Voltage THD against IEEE 519-2014 Table 1 (a warning). */
static enum k3a_status pq_thd_voltage(struct k3a_results *r, const struct pq_ctx *pc)
{
    const struct k3a_pq *q = pc->q;
    size_t i = pc->i;
    int xp = pc->xp;
    const char *name = pc->name, *cl;
    struct k3a_finding *f;
    double un = pc->un;
    int spot = pc->spot;

    if (k3a_elem_given(K3A_KIND_PQ, &q->hdr, "thd_v_pct")) {
        /* REF: IEEE 519-2014 Table 1 by bus voltage (review item 16):
         * <= 1 kV 8 %, 1-69 kV 5 %, 69-161 kV 2.5 %, > 161 kV 1.5 % */
        double vmax = un <= 1000    ? lp(r, "thd_v_lv_max_pct", 8, &cl)
                      : un <= 69000  ? lp(r, "thd_v_mv_max_pct", 5, &cl)
                      : un <= 161000 ? lp(r, "thd_v_hv_max_pct", 2.5, &cl)
                                     : lp(r, "thd_v_ehv_max_pct", 1.5, &cl);
        /* IEEE 519-2014 1.1, 5: a recommended practice for the point
         * of common coupling, not a K3 requirement: a WARN (review A11) */
        f = k3a__finding_new(r, K3A_KIND_PQ, (int32_t)i, "thd_voltage",
                cal_verdict(q->thd_v_pct > vmax ? K3A_WARN : K3A_PASS, xp),
                q->thd_v_pct, vmax, "%", cl,
                "THD tegangan di %s%s%.0s%s%.0s", "Voltage THD at %s%.0s%s%.0s%s",
                name, spot ? " (sesaat, indikatif)" : "", spot ? " (spot, indicative)" : "",
                q->thd_v_pct > vmax ? ": melampaui praktik yang direkomendasikan IEEE 519 di PCC" : "",
                q->thd_v_pct > vmax ? ": above the IEEE 519 recommended practice at the PCC" : "");
        if (!cal_note(r, f, xp))
            return K3A_E_NOMEM;
    }
    return K3A_OK;
}

/* Current distortion against IEEE 519-2014 Table 2 by Isc/IL (a warning). */
static enum k3a_status pq_thd_current(struct k3a_results *r, const struct pq_ctx *pc)
{
    const struct k3a_pq *q = pc->q;
    struct k3a_pq_res *pr = pc->pr;
    size_t i = pc->i;
    int xp = pc->xp;
    const char *name = pc->name;
    struct k3a_finding *f;
    const struct k3a_model_file *lim = r->limits;
    int spot = pc->spot;
    size_t k;

    if (k3a_elem_given(K3A_KIND_PQ, &q->hdr, "thd_i_pct") && q->current_A.n &&
        lim) {
        double il = 0, isc = k3a_sc_max_ik3_kA(&r->sc, K3A_KIND_BUS,
                                               (size_t)q->bus.idx) * 1000.0;
        const struct k3a_tdd_row *row = NULL;
        for (k = 0; k < q->current_A.n; k++)
            il = fmax(il, q->current_A.v[k].value);
        pr->isc_il = il > 0 ? isc / il : NAN;
        for (k = 0; isfinite(pr->isc_il) && k < lim->n_tdd; k++)
            if (pr->isc_il <= lim->tdd[k].isc_il_max) {
                row = &lim->tdd[k];
                break;
            }
        if (row) {
            pr->tdd_limit_pct = row->tdd_max_pct;
            /* THD-I at the measured current equals TDD when the
             * measured current is the maximum demand current */
            int over = q->thd_i_pct > row->tdd_max_pct;
            /* IEEE 519-2014 1.1, 5: recommended practice at the PCC: a
             * WARN, never a K3 FAIL (review A11) */
            f = k3a__finding_new(r, K3A_KIND_PQ, (int32_t)i, "thd_current",
                    cal_verdict(over ? K3A_WARN : K3A_PASS, xp),
                    q->thd_i_pct, row->tdd_max_pct, "%", row->clause,
                    "Distorsi arus di %s (Isc/IL = %.0f)%s%.0s%s%.0s",
                    "Current distortion at %s (Isc/IL = %.0f)%.0s%s%.0s%s", name,
                    pr->isc_il, spot ? " (sesaat, indikatif)" : "",
                    spot ? " (spot, indicative)" : "",
                    over ? ": melampaui praktik yang direkomendasikan IEEE 519 di PCC" : "",
                    over ? ": above the IEEE 519 recommended practice at the PCC" : "");
            if (!cal_note(r, f, xp))
                return K3A_E_NOMEM;
        }
    }
    return K3A_OK;
}

enum k3a_status k3a__meas_power_quality(struct k3a_results *r)
{
    const struct k3a_site *s = r->site;
    enum k3a_status st;
    size_t i;

    for (i = 0; i < s->n_pqs; i++) {
        const struct k3a_pq *q = &s->pqs[i];
        struct pq_ctx c;

        c.i = i;
        c.q = q;
        c.pr = &r->pq[i];
        c.xp = cal_expired(s, &q->meas);
        /* a spot reading gives indicative IEEE 519 verdicts (warnings) */
        c.spot = !(q->duration_h > 0);
        c.b = q->bus.idx >= 0 ? &s->buses[q->bus.idx] : NULL;
        c.name = q->bus.name ? q->bus.name : q->hdr.name;
        c.un = c.b ? c.b->voltage_kV * 1000.0 : 400.0;
        if (!c.b)
            continue;
        if ((st = pq_voltage(r, &c)) != K3A_OK || (st = pq_current(r, &c)) != K3A_OK ||
            (st = pq_power_factor(r, &c)) != K3A_OK ||
            (st = pq_thd_voltage(r, &c)) != K3A_OK || (st = pq_thd_current(r, &c)) != K3A_OK)
            return st;
    }
    return K3A_OK;
}
