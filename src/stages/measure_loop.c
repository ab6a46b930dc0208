/*
 * measure_loop.c - automatic disconnection from the tester's loop
 * impedance, touch voltage and PE continuity readings, and the RCD tests
 * (trip times, trip current, socket outlets' additional protection).
 * Pure.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "findings.h"
#include "stages.h"
#include "k3audit/results.h"
#include "k3audit/measure.h"
#include "k3audit/protection.h"
#include "stages/measure.h"

/* ---- automatic disconnection: loop tests ------------------------------------ */

/* The current Ia that operates device d within t_s (IEC 60364-4-41
 * 411.4.4): instantaneous setting, MCB band top, the short-time element,
 * or the tcc / relay curve solved for the time.  NAN when unknown. */
double k3a__ia_within(const struct k3a_results *r, const struct k3a_device *d,
                      double t_s)
{
    static const char *const letters[] = { "B", "C", "D" };
    double best = NAN;
    size_t j;

    if (k3a_elem_given(K3A_KIND_DEVICE, &d->hdr, "instantaneous_A"))
        best = d->instantaneous_A;
    /* verdicts review item 7: a short-time element operating within the
     * time decides at its setting */
    if (k3a_elem_given(K3A_KIND_DEVICE, &d->hdr, "short_time_A") &&
        d->short_time_A > 0 && !(d->short_time_s > t_s) &&
        (!isfinite(best) || d->short_time_A < best))
        best = d->short_time_A;
    if (k3a_elem_given(K3A_KIND_DEVICE, &d->hdr, "curve") &&
        d->curve <= K3A_CURVE_D) {
        const struct k3a_mcb_band *b = k3a_models_mcb(r->models, letters[d->curve]);
        double mult = b ? b->high_multiple : NAN;
        /* REF: BS 7671:2018 Table 41.3 / IEC 60898-1: within 5 s a type
         * D MCB operates at 10 In (20 In is its instantaneous band top
         * for 0.1-0.4 s); models/protection.ini mcb_d_5s_multiple */
        if (d->curve == K3A_CURVE_D && t_s >= 5.0) {
            const struct k3a_param *p =
                k3a_models_param(r->models, "protection", "mcb_d_5s_multiple");
            if (p && p->value > 0 && (!isfinite(mult) || p->value < mult))
                mult = p->value;
        }
        if (isfinite(mult) && (!isfinite(best) || mult * d->rating_A < best))
            best = mult * d->rating_A;
    } else if (k3a_elem_given(K3A_KIND_DEVICE, &d->hdr, "curve") &&
               k3a_elem_given(K3A_KIND_DEVICE, &d->hdr, "pickup_A") && d->pickup_A > 0) {
        /* a relay (or electronic) curve: the smallest current whose total
         * clearing time (k3a_device_trip: curve and opening time) is
         * within t_s, by bisection on the monotone curve */
        double lo = d->pickup_A, hi = d->pickup_A * 1000.0;
        struct k3a_trip_time tt;
        int k;
        k3a_device_trip(d, r->models, hi, &tt);
        if (tt.trip != K3A_TRIP_NEVER && tt.trip != K3A_TRIP_UNKNOWN &&
            tt.time_s <= t_s) {
            for (k = 0; k < 60; k++) {
                double mid = sqrt(lo * hi);
                k3a_device_trip(d, r->models, mid, &tt);
                if (tt.trip != K3A_TRIP_NEVER && tt.trip != K3A_TRIP_UNKNOWN &&
                    tt.time_s <= t_s)
                    hi = mid;
                else
                    lo = mid;
            }
            if (!isfinite(best) || hi < best)
                best = hi;
        }
    }
    for (j = 1; j < d->tcc.n; j++)
        if (d->tcc.y[j] <= t_s) {
            /* log-log interpolation between points j-1 and j */
            double f = (log(t_s) - log(d->tcc.y[j - 1])) /
                       (log(d->tcc.y[j]) - log(d->tcc.y[j - 1]));
            double i = exp(log(d->tcc.x[j - 1]) +
                           f * (log(d->tcc.x[j]) - log(d->tcc.x[j - 1])));
            if (d->tcc.y[j - 1] <= t_s)
                i = d->tcc.x[j - 1];
            if (!isfinite(best) || i < best)
                best = i;
            break;
        }
    return best;
}

/* The device protecting a circuit: a cable's, the cable feeding a load or
 * a bus; for a bus fed otherwise, the device that clears its faults. */
static int32_t circuit_device(const struct k3a_site *s, const struct k3a_ref *c,
                              const struct k3a_results *r, const struct k3a__meas_topo *tp)
{
    int32_t cb = -1;

    if (c->idx < 0)
        return -1;
    if (c->kind == K3A_KIND_CABLE)
        cb = c->idx;
    else if (c->kind == K3A_KIND_LOAD)
        cb = tp->load_feed[c->idx];
    else if (c->kind == K3A_KIND_BUS)
        cb = tp->bus_feed[c->idx];
    if (cb >= 0 && tp->cable_dev[cb] >= 0)
        return tp->cable_dev[cb];
    if (c->kind == K3A_KIND_BUS && r->prot)
        return r->prot[c->idx].has_ik1 && r->prot[c->idx].at_ik1.device >= 0
                   ? r->prot[c->idx].at_ik1.device
                   : r->prot[c->idx].at_ik3[K3A_CASE_MAX].device;
    (void)s;
    return -1;
}

/* The nominal voltage of a node reference (bus or supply); 0 unknown. */
static double node_un_kV(const struct k3a_site *s, const struct k3a_ref *n)
{
    if (n->idx < 0)
        return 0;
    if (n->kind == K3A_KIND_BUS)
        return s->buses[n->idx].voltage_kV;
    if (n->kind == K3A_KIND_SUPPLY)
        return s->supplies[n->idx].voltage_kV;
    if (n->kind == K3A_KIND_LOAD && s->loads[n->idx].bus.idx >= 0)
        return s->buses[s->loads[n->idx].bus.idx].voltage_kV;
    return 0;
}

/* The circuit's system voltage from the real bus (verdicts review item
 * 17): a cable's `from` (a bus or a supply), else the bus or load it
 * feeds; 0.4 kV only when nothing in the site says. */
static double circuit_un_kV(const struct k3a_site *s, const struct k3a_ref *c)
{
    double u = 0;

    if (c->idx < 0)
        return 0.4;
    switch (c->kind) {
    case K3A_KIND_BUS:
    case K3A_KIND_LOAD:
        u = node_un_kV(s, c);
        break;
    case K3A_KIND_CABLE:
        u = node_un_kV(s, &s->cables[c->idx].from);
        if (!(u > 0))
            u = node_un_kV(s, &s->cables[c->idx].to);
        break;
    default:
        break;
    }
    return u > 0 ? u : 0.4;
}

/* A wet location (UL 25 V) where the circuit ends: a cable's `to` bus (or
 * the bus of the load it feeds), else its `from` bus (verdicts review
 * item 8: a wet board named by its cable was judged dry). */
static int circuit_wet(const struct k3a_site *s, const struct k3a_ref *c)
{
    if (c->idx >= 0 && c->kind == K3A_KIND_BUS)
        return s->buses[c->idx].wet;
    if (c->idx >= 0 && c->kind == K3A_KIND_LOAD && s->loads[c->idx].bus.idx >= 0)
        return s->buses[s->loads[c->idx].bus.idx].wet;
    if (c->idx >= 0 && c->kind == K3A_KIND_CABLE) {
        const struct k3a_ref *to = &s->cables[c->idx].to, *fr = &s->cables[c->idx].from;
        if (to->idx >= 0 && (to->kind == K3A_KIND_BUS || to->kind == K3A_KIND_LOAD))
            return circuit_wet(s, to);
        if (fr->idx >= 0 && fr->kind == K3A_KIND_BUS)
            return s->buses[fr->idx].wet;
    }
    return 0;
}

/* site-format 9: a circuit feeding a load is a final circuit; one feeding
 * a bus is a distribution circuit (IEC 60364-4-41 411.3.2.2-411.3.2.4). */
static int circuit_final(const struct k3a_site *s, const struct k3a_ref *c)
{
    if (c->idx < 0)
        return 0;
    if (c->kind == K3A_KIND_LOAD)
        return 1;
    if (c->kind == K3A_KIND_CABLE)
        return s->cables[c->idx].to.kind == K3A_KIND_LOAD;
    return 0;
}

#define PSC_CLAUSE \
    "PUIL 2011 434.5.1 = IEC 60364-4-43 434.5.1; PUIL 2011 61.3.6 = IEC 60364-6 61.3.6"

/* A breaking capacity below a measured prospective current downstream of
 * the device: a sure FAIL (the current at the device is higher), never a
 * PASS.  Returns 1 when judged (a finding), 0 not, -1 no memory. */
static int psc_upstream_fail(struct k3a_results *r, size_t i, int32_t dv, int xp,
                             const char *where)
{
    const struct k3a_site *s = r->site;
    const struct k3a_loop *lp_ = &s->loops[i];
    const struct k3a_device *d = &s->devices[dv];
    struct k3a_finding *f;

    if (!k3a_elem_given(K3A_KIND_DEVICE, &d->hdr, "breaking_kA") ||
        !(lp_->psc_kA > d->breaking_kA))
        return 0;
    f = k3a__finding_new(r, K3A_KIND_LOOP, (int32_t)i, "loop_breaking_capacity",
            cal_verdict(K3A_FAIL, xp), lp_->psc_kA, d->breaking_kA, "kA", PSC_CLAUSE,
            "Arus gangguan prospektif terukur %s di %s (hilir %s: arus di gawai itu "
            "lebih besar) melampaui kapasitas pemutusan %s",
            "Measured prospective fault current %s at %s (downstream of %s: the "
            "current at that device is higher) exceeds the breaking capacity of %s",
            lp_->hdr.name, where, d->hdr.name, d->hdr.name);
    return cal_note(r, f, xp) ? 1 : -1;
}

/* REF: IEC 60364-4-43 434.5.1: a device's breaking capacity is judged
 * against the prospective current where it is installed.  A current
 * measured at a board judges the devices at that board (PASS or FAIL), and
 * the device feeding the circuit only when it is exceeded (upstream the
 * current is higher: FAIL, never PASS); one measured at the end of a final
 * circuit judges the circuit's device the same way (FAIL only).  A reading
 * at a board that judges no device says so (WARN). */
static enum k3a_status loop_psc(struct k3a_results *r, const struct k3a__meas_topo *tp,
                                size_t i, int32_t board, int32_t dv, int xp)
{
    const struct k3a_site *s = r->site;
    const struct k3a_loop *lp_ = &s->loops[i];
    struct k3a_finding *f;
    int32_t feed;
    size_t k;
    int judged = 0, j;

    if (board < 0) {
        const char *where = lp_->circuit.name ? lp_->circuit.name : lp_->location;
        if (dv >= 0 && psc_upstream_fail(r, i, dv, xp, where ? where : "-") < 0)
            return K3A_E_NOMEM;
        return K3A_OK;
    }
    for (k = 0; k < s->n_devices; k++) {
        const struct k3a_device *bd = &s->devices[k];
        if (bd->at.kind != K3A_KIND_BUS || bd->at.idx != board ||
            !k3a_elem_given(K3A_KIND_DEVICE, &bd->hdr, "breaking_kA"))
            continue;
        f = k3a__finding_new(r, K3A_KIND_LOOP, (int32_t)i, "loop_breaking_capacity",
                cal_verdict(lp_->psc_kA > bd->breaking_kA ? K3A_FAIL : K3A_PASS, xp),
                lp_->psc_kA, bd->breaking_kA, "kA", PSC_CLAUSE,
                "Arus gangguan prospektif terukur %s di %s terhadap kapasitas "
                "pemutusan %s",
                "Measured prospective fault current %s at %s against the "
                "breaking capacity of %s",
                lp_->hdr.name, s->buses[board].hdr.name, bd->hdr.name);
        if (!cal_note(r, f, xp))
            return K3A_E_NOMEM;
        judged = 1;
    }
    /* the device feeding the circuit, when it is not at the board itself */
    feed = circuit_device(s, &lp_->circuit, r, tp);
    if (feed >= 0 && !(s->devices[feed].at.kind == K3A_KIND_BUS &&
                       s->devices[feed].at.idx == board)) {
        j = psc_upstream_fail(r, i, feed, xp, s->buses[board].hdr.name);
        if (j < 0)
            return K3A_E_NOMEM;
        judged |= j;
    }
    if (judged)
        return K3A_OK;
    f = k3a__finding_new(r, K3A_KIND_LOOP, (int32_t)i, "loop_breaking_capacity",
            K3A_WARN, lp_->psc_kA, NAN, "kA", PSC_CLAUSE,
            "Arus gangguan prospektif terukur %s %.3g kA di %s tidak menilai gawai "
            "apa pun: lengkapi gawai di %s dengan kapasitas pemutusannya",
            "Measured prospective fault current %s %.3g kA at %s judges no device: "
            "give the devices at %s with their breaking capacity",
            lp_->hdr.name, lp_->psc_kA, s->buses[board].hdr.name,
            s->buses[board].hdr.name);
    return cal_note(r, f, xp) ? K3A_OK : K3A_E_NOMEM;
}

/* What one loop reading says about its board's disconnection, for the
 * rule that a measured loop governs (loop_governs). */
struct loop_rec {
    int32_t board, dev; /* where it was measured, the device it judged */
    int usable;         /* PASS/FAIL from a calibrated instrument, Ia known */
    int met, met_hot;   /* Zs <= U0/Ia; Zs <= factor x U0/Ia (Annex C) */
    int zs_ok;          /* a Zs at a board from a calibrated instrument */
};

static enum k3a_status loop_governs(struct k3a_results *r, const struct loop_rec *rec,
                                    double hot);
static void gen_model_check(struct k3a_results *r, const struct loop_rec *rec);
static enum k3a_status loop_verdicts(struct k3a_results *r, const struct k3a__meas_topo *tp,
                                     struct loop_rec *rec, double hot);

enum k3a_status k3a__meas_loops(struct k3a_results *r, const struct k3a__meas_topo *tp)
{
    const struct k3a_site *s = r->site;
    enum k3a_status st;
    /* REF: IEC 60364-6:2016 Annex C (informative): the factor that
     * allows for the conductors' temperature rise (models/limits) */
    double hot = lp(r, "loop_zs_measured_factor", 2.0 / 3.0, NULL);
    struct loop_rec *rec = calloc(s->n_loops + 1, sizeof(*rec));

    if (!rec)
        return K3A_E_NOMEM;
    st = loop_verdicts(r, tp, rec, hot);
    if (st == K3A_OK) {
        /* before loop_governs withdraws any finding (positions) */
        gen_model_check(r, rec);
        st = loop_governs(r, rec, hot);
    }
    free(rec);
    return st;
}

/* What one loop reading's verdicts share: its device, voltages, limits
 * and the operating current (loop_context). */
struct loop_ctx {
    size_t i;
    const struct k3a_loop *lp;
    int xp;                  /* instrument past its calibration date */
    int32_t dv;              /* the device judged, -1 none */
    const struct k3a_device *d;
    double u0, tlim, ia, idn; /* V; s; A; the smallest RCD upstream, A */
    const char *clause;      /* of tlim */
    int tt, unknown, final;  /* TT; no circuit given; a final circuit */
    int met;                 /* disconnection: 1 met, 0 not, -1 unknown */
    int32_t board;           /* measured at; -1 at the end of a final circuit */
    double ul;               /* touch voltage limit, V */
    const char *cl_ul;
};

/* The loop's context; what the loop sheet and the JSON show; rec's board
 * and device. */
static void loop_context(struct k3a_results *r, const struct k3a__meas_topo *tp, size_t i,
                         struct loop_rec *rec, struct loop_ctx *c)
{
    const struct k3a_site *s = r->site;
    const struct k3a_loop *lp_ = &s->loops[i];
    int32_t dv = lp_->device.idx >= 0 ? lp_->device.idx
                                      : circuit_device(s, &lp_->circuit, r, tp);
    double un = circuit_un_kV(s, &lp_->circuit);
    int wet = circuit_wet(s, &lp_->circuit);

    c->i = i;
    c->lp = lp_;
    c->xp = cal_expired(s, &lp_->meas);
    c->dv = dv;
    c->d = dv >= 0 ? &s->devices[dv] : NULL;
    c->u0 = k3a__nominal_u0_V(r, un, NULL);
    c->clause = "";
    c->tlim = c->ia = NAN;
    /* REF: IEC 60364-4-41 411.4.4 / 411.5.3: the RCD that disconnects may
     * be the device's own, a separate RCCB on the same circuit or one
     * upstream: the smallest IΔn among them (as tt_limits) */
    c->idn = dv >= 0 ? k3a__upstream_rcd_mA(s, dv, tp) / 1000.0 : 0;
    c->tt = s->site.earthing_system == K3A_ES_TT;
    /* no circuit given: what it feeds is unknown, so the stricter
     * final-circuit limit (the title says so) */
    c->unknown = lp_->circuit.idx < 0;
    c->final = c->unknown || circuit_final(s, &lp_->circuit);
    c->met = -1;
    c->board = k3a__loop_board(s, &lp_->circuit);
    rec[i].board = c->board;
    rec[i].dev = dv;
    c->ul = wet ? lp(r, "touch_voltage_wet_V", 25, &c->cl_ul)
                : lp(r, "touch_voltage_dry_V", 50, &c->cl_ul);

    /* what the loop sheet and the JSON show */
    r->loop[i].device = dv;
    r->loop[i].touch_V = k3a_elem_given(K3A_KIND_LOOP, &lp_->hdr, "touch_V")
                             ? lp_->touch_V.value
                             : NAN;
    if (c->d) {
        c->tlim = k3a__disc_limit_s(r, c->tt, c->u0, c->final, c->d->rating_A, &c->clause,
                                    NULL);
        /* REF: IEC 60364-4-41 411.4.4 / 411.5.3: for an RCD (RCBO) Ia is
         * its rated residual operating current IΔn */
        c->ia = c->idn > 0 ? c->idn : k3a__ia_within(r, c->d, c->tlim);
    }
}

/* The rule a measured Zs is judged by: IT second fault, TT with an RCD,
 * an RCD (Ia = IΔn), TT with an overcurrent device, TN. */
static const char *zs_rule(int it, int rcd_tt, int rcd, int tt)
{
    return it && !rcd_tt ? "PUIL 2011 411.6.4 = IEC 60364-4-41 411.6.4 b) (IT, "
                           "{gangguan kedua|second fault}: Zs ≤ U0 / 2 Ia)"
           : rcd && rcd_tt ? "PUIL 2011 411.5.3 = IEC 60364-4-41 411.5.3 (RA x IΔn ≤ UL)"
           : rcd           ? "PUIL 2011 411.4.4 = IEC 60364-4-41 411.4.4 (Zs x IΔn ≤ U0)"
           : tt            ? "PUIL 2011 411.5.4 = IEC 60364-4-41 411.5.4 (Zs x Ia ≤ U0)"
                           : "PUIL 2011 411.4.4 = IEC 60364-4-41 411.4.4 (Zs x Ia ≤ U0)";
}

/* The measured Zs against U0 / Ia (or UL / IΔn in TT, U0 / 2 Ia in IT);
 * c->met and rec[i] follow. */
static enum k3a_status loop_zs(struct k3a_results *r, struct loop_ctx *c,
                               struct loop_rec *rec, double hot)
{
    const struct k3a_site *s = r->site;
    const struct k3a_loop *lp_ = c->lp;
    size_t i = c->i;
    int xp = c->xp;
    const char *name = lp_->hdr.name;
    struct k3a_finding *f;
    const struct k3a_device *d = c->d;
    double u0 = c->u0, tlim = c->tlim, ia = c->ia, idn = c->idn, ul = c->ul;
    const char *clause = c->clause, *cl_ul = c->cl_ul;
    int tt = c->tt, met = -1;
    const char *cw_id = c->unknown ? "sirkit tidak diberikan: dinilai sebagai sirkit akhir"
                        : c->final ? "sirkit akhir"
                                   : "sirkit distribusi";
    const char *cw_en = c->unknown ? "circuit not given: judged as a final circuit"
                        : c->final ? "final circuit"
                                   : "distribution circuit";

    if (k3a_elem_given(K3A_KIND_LOOP, &lp_->hdr, "zs_ohm")) {
        rec[i].zs_ok = !xp && c->board >= 0 && lp_->zs_ohm > 0;
        if (isfinite(ia) && ia > 0) {
            /* TN: Zs x Ia <= U0 (411.4.4); TT with an RCD: RA x IΔn <=
             * UL (411.5.3), the measured Zs including RA; TT with an
             * overcurrent device: Zs x Ia <= U0 (411.5.4) */
            int rcd_tt = tt && idn > 0;
            int it = s->site.earthing_system == K3A_ES_IT;
            /* IT, second fault with interconnected exposed parts:
             * Zs <= U0 / (2 Ia) (411.6.4 b), neutral distributed: the
             * stricter form, as the site does not say) */
            double zmax = (rcd_tt ? ul : u0) / ia / (it && !rcd_tt ? 2.0 : 1.0);
            const char *zcl = rcd_tt ? cl_ul : clause;
            char cbuf[400];
            met = lp_->zs_ohm <= zmax;
            /* a usable verdict: a calibrated instrument, Ia known */
            if (rec && !xp) {
                rec[i].usable = 1;
                rec[i].met = met;
                /* REF: IEC 60364-6:2016 Annex C (informative): Zs measured
                 * at room temperature, corrected for the conductors'
                 * temperature rise during the fault: Zs(m) <= 2/3 U0/Ia */
                rec[i].met_hot = lp_->zs_ohm <= hot * zmax;
            }
            snprintf(cbuf, sizeof(cbuf), "%s; %s; PUIL 2011 61.3.6 = IEC 60364-6 61.3.6",
                     zcl, zs_rule(it, rcd_tt, idn > 0, tt));
            if (idn > 0) {
                f = k3a__finding_new(r, K3A_KIND_LOOP, (int32_t)i, "loop_impedance",
                        cal_verdict(met ? K3A_PASS : K3A_FAIL, xp),
                        lp_->zs_ohm, zmax, "Ω", cbuf,
                        "Impedansi lingkar %s: Zs x IΔn ≤ %s %.0f V (%s, RCD %.0f "
                        "mA, %s%.0s)",
                        "Loop impedance %s: Zs x IΔn ≤ %s %.0f V (%s, RCD %.0f mA, "
                        "%.0s%s)",
                        name, rcd_tt ? "UL" : "U0", rcd_tt ? ul : u0, d->hdr.name,
                        idn * 1000.0,
                        cw_id, cw_en);
                if (!cal_note(r, f, xp))
                    return K3A_E_NOMEM;
            } else {
                f = k3a__finding_new(r, K3A_KIND_LOOP, (int32_t)i, "loop_impedance",
                        cal_verdict(met ? K3A_PASS : K3A_FAIL, xp),
                        lp_->zs_ohm, zmax, "Ω", cbuf,
                        "Impedansi lingkar %s: Zs x Ia ≤ U0 %.0f V (%s memutus %.0f "
                        "A dalam %.2g s, %s%.0s)",
                        "Loop impedance %s: Zs x Ia ≤ U0 %.0f V (%s opens at %.0f A "
                        "within %.2g s, %.0s%s)",
                        name, u0, d->hdr.name, ia, tlim,
                        cw_id, cw_en);
                if (!cal_note(r, f, xp))
                    return K3A_E_NOMEM;
            }
        } else {
            f = k3a__finding_new(r, K3A_KIND_LOOP, (int32_t)i, "loop_impedance",
                    cal_verdict(K3A_WARN, xp),
                    lp_->zs_ohm, NAN, "Ω",
                    "PUIL 2011 411.4.4 = IEC 60364-4-41 411.4.4; IEC 60364-6 61.3.6",
                    "Impedansi lingkar %s: arus kerja gawai proteksinya tidak "
                    "diketahui (lengkapi kurva gawai atau gawai sirkitnya)",
                    "Loop impedance %s: the operating current of its protective "
                    "device is unknown (give the device's curve or the circuit's "
                    "device)",
                    name);
            if (!cal_note(r, f, xp))
                return K3A_E_NOMEM;
        }
    }
    c->met = met;
    return K3A_OK;
}

/* A measured touch voltage against UL. */
static enum k3a_status loop_touch(struct k3a_results *r, const struct loop_ctx *c)
{
    const struct k3a_loop *lp_ = c->lp;
    size_t i = c->i;
    int xp = c->xp;
    const char *name = lp_->hdr.name;
    struct k3a_finding *f;
    double ul = c->ul;
    const char *cl_ul = c->cl_ul;

    if (k3a_elem_given(K3A_KIND_LOOP, &lp_->hdr, "touch_V")) {
        int j = judge_reading(&lp_->touch_V, NAN, ul);
        f = k3a__finding_new(r, K3A_KIND_LOOP, (int32_t)i, "touch_voltage",
                cal_verdict(reading_verdict(j), xp),
                lp_->touch_V.value, ul, "V", cl_ul,
                "Tegangan sentuh %s%s%.0s", "Touch voltage %s%.0s%s", name,
                j < 0 ? ": pembacaan tidak menentukan, ulangi uji" : "",
                j < 0 ? ": the reading does not decide, re-test" : "");
        if (!cal_note(r, f, xp))
            return K3A_E_NOMEM;
    }
    return K3A_OK;
}

/* The touch voltage at the fault from PE and Zs, when not measured (TN). */
static enum k3a_status loop_touch_calc(struct k3a_results *r, const struct loop_ctx *c)
{
    const struct k3a_loop *lp_ = c->lp;
    size_t i = c->i;
    int xp = c->xp;
    const char *name = lp_->hdr.name;
    struct k3a_finding *f;
    double u0 = c->u0, ul = c->ul;
    const char *cl_ul = c->cl_ul;
    int tt = c->tt, met = c->met;

    if (k3a_elem_given(K3A_KIND_LOOP, &lp_->hdr, "pe_ohm") &&
        k3a_elem_given(K3A_KIND_LOOP, &lp_->hdr, "zs_ohm") && lp_->zs_ohm > 0 &&
        !k3a_elem_given(K3A_KIND_LOOP, &lp_->hdr, "touch_V") && !tt) {
        /* touch voltage at the fault: the fault current U0/Zs through
         * the protective conductor (IEC 60364-4-41 411.3.2) */
        double ut = u0 * lp_->pe_ohm / lp_->zs_ohm;
        r->loop[i].touch_V = ut;
        r->loop[i].touch_calc = 1;
        /* documents review A3: above UL the touch voltage is safe only
         * with disconnection in time: FAIL when the loop check shows
         * it is not met, WARN when unknown */
        f = k3a__finding_new(r, K3A_KIND_LOOP, (int32_t)i, "touch_voltage_calc",
                cal_verdict(ut > ul && met == 0   ? K3A_FAIL
            : ut > ul && met != 1 ? K3A_WARN
                     : K3A_PASS, xp),
                ut, ul, "V", cl_ul,
                "Tegangan sentuh saat gangguan di %s = U0 R_PE / Zs%s%.0s",
                "Touch voltage during a fault at %s = U0 R_PE / Zs%.0s%s", name,
                ut > ul ? " (aman hanya bila gawai memutus dalam waktu Tabel 41.1)"
                        : "",
                ut > ul ? " (safe only with disconnection within the Table 41.1 "
                          "time)"
                        : "");
        if (!cal_note(r, f, xp))
            return K3A_E_NOMEM;
    }
    return K3A_OK;
}

/* The protective conductor's resistance where disconnection is not met. */
static enum k3a_status loop_pe(struct k3a_results *r, const struct loop_ctx *c)
{
    const struct k3a_loop *lp_ = c->lp;
    size_t i = c->i;
    int xp = c->xp;
    const char *name = lp_->hdr.name;
    struct k3a_finding *f;
    double ia = c->ia;
    int met = c->met;

    if (k3a_elem_given(K3A_KIND_LOOP, &lp_->hdr, "pe_ohm")) {
        const char *cl;
        double v = lp(r, "touch_bonding_V", 50, &cl);
        if (met == 0 && isfinite(ia) && ia > 0) {
            /* REF: IEC 60364-4-41 411.3.2.6 / 415.2.2: disconnection not
             * met, so supplementary bonding with R <= 50 V / Ia */
            f = k3a__finding_new(r, K3A_KIND_LOOP, (int32_t)i, "pe_continuity",
                    cal_verdict(lp_->pe_ohm <= v / ia ? K3A_PASS : K3A_FAIL, xp),
                    lp_->pe_ohm, v / ia, "Ω", cl,
                    "Penghantar proteksi %s: pemutusan tidak terpenuhi, maka R_PE "
                    "≤ 50 V / Ia (ikatan penyama potensial tambahan)",
                    "Protective conductor %s: disconnection not met, so R_PE ≤ 50 V "
                    "/ Ia (supplementary bonding)",
                    name);
            if (!cal_note(r, f, xp))
                return K3A_E_NOMEM;
        }
        /* REF: IEC 60364-6 61.3.2 (PUIL 2011 61.3.2): otherwise the
         * reading shows the protective conductor is continuous and has
         * no limit to pass: it is information (the loop's values in the
         * workbook and the JSON), not a PASS in the findings' count
         * (verdicts review) */
    }
    return K3A_OK;
}

static enum k3a_status loop_verdicts(struct k3a_results *r, const struct k3a__meas_topo *tp,
                                     struct loop_rec *rec, double hot)
{
    const struct k3a_site *s = r->site;
    enum k3a_status st;
    size_t i;

    for (i = 0; i < s->n_loops; i++) {
        const struct k3a_loop *lp_ = &s->loops[i];
        struct loop_ctx c;
        loop_context(r, tp, i, rec, &c);
        if ((st = loop_zs(r, &c, rec, hot)) != K3A_OK ||
            (st = loop_touch(r, &c)) != K3A_OK)
            return st;
        if (k3a_elem_given(K3A_KIND_LOOP, &lp_->hdr, "psc_kA") &&
            (st = loop_psc(r, tp, i, c.board, c.dv, c.xp)) != K3A_OK)
            return st;
        if ((st = loop_touch_calc(r, &c)) != K3A_OK || (st = loop_pe(r, &c)) != K3A_OK)
            return st;
    }
    return K3A_OK;
}


/* REF: IEC 60364-6 61.3.6 (PUIL 2011 61.3.6): automatic disconnection is
 * verified by measuring the fault loop impedance.  The calculated
 * normal-supply disconnection check at a board (sc_findings.c) is withdrawn
 * only where a loop reading on the circuit feeding that board gave a usable
 * verdict (a calibrated instrument, the operating current known) against
 * the same device the calculated check judged; otherwise both stand.  A
 * measured FAIL governs; a measured PASS withdraws a calculated FAIL only
 * when Zs also meets the limit corrected for the conductors' temperature
 * rise (IEC 60364-6:2016 Annex C: Zs(m) <= 2/3 U0/Ia), and with several
 * readings at one board every one must.  Where measurement and calculation
 * disagree otherwise, the worse verdict stays. */
static enum k3a_status loop_governs(struct k3a_results *r, const struct loop_rec *rec,
                                    double hot_factor)
{
    const struct k3a_site *s = r->site;
    size_t b, k;

    if (!r->prot)
        return K3A_OK;
    /* from the last board: the list positions of earlier ones stay valid */
    for (b = s->n_buses; b-- > 0;) {
        const struct k3a_bus_prot *bp = &r->prot[b];
        int any = 0, fail = 0, hot = 1;
        const struct k3a_finding *cf;
        if (!bp->disc_finding || bp->disc_device < 0 || bp->disc_finding > r->n_findings)
            continue;
        cf = &r->findings[bp->disc_finding - 1];
        if (cf->kind != K3A_KIND_BUS || cf->idx != (int32_t)b ||
            strcmp(cf->check, "disconnection_time") != 0)
            continue; /* not the finding recorded (never expected) */
        for (k = 0; k < s->n_loops; k++) {
            if (!rec[k].usable || rec[k].board != (int32_t)b ||
                rec[k].dev != bp->disc_device)
                continue;
            any = 1;
            fail |= !rec[k].met;
            hot &= rec[k].met_hot;
        }
        if (any && (fail || hot || cf->verdict == K3A_PASS)) {
            k3a__finding_withdraw(r, bp->disc_finding);
            continue;
        }
        /* a measured PASS left beside the calculated FAIL says why */
        for (k = 0; any && k < s->n_loops; k++) {
            size_t n;
            if (!rec[k].usable || rec[k].board != (int32_t)b ||
                rec[k].dev != bp->disc_device || rec[k].met_hot)
                continue;
            for (n = 0; n < r->n_findings; n++) {
                struct k3a_finding *lf = &r->findings[n];
                if (lf->kind != K3A_KIND_LOOP || lf->idx != (int32_t)k ||
                    strcmp(lf->check, "loop_impedance") != 0)
                    continue;
                k3a__finding_title_append(
                    r, lf, K3A_LANG_ID,
                    " [di atas %.3g U0/Ia (IEC 60364-6 Lampiran C, kenaikan suhu "
                    "penghantar): hasil hitung pemutusan di %s tetap berlaku]",
                    hot_factor, s->buses[b].hdr.name);
                k3a__finding_title_append(
                    r, lf, K3A_LANG_EN,
                    " [above %.3g U0/Ia (IEC 60364-6 Annex C, conductor temperature "
                    "rise): the calculated disconnection at %s stands]",
                    hot_factor, s->buses[b].hdr.name);
            }
        }
    }
    return K3A_OK;
}

/* REF: IEC 60364-6 61.3.6 (PUIL 2011 61.3.6): the measured loop verifies
 * the model.  Where the largest Zs measured at a board with a calibrated
 * instrument exceeds the calculated normal-supply loop impedance there by
 * more than the tester's uncertainty (IEC 61557-3: at most 30 %,
 * `[param loop_zs_uncertainty_fraction]`), the model's impedances are
 * optimistic, and the generator-supply disconnection check at that board,
 * which uses the same cables, cannot PASS on them: its PASS becomes a WARN
 * saying so (a FAIL stays; a higher impedance only makes it worse).  The
 * calculated loop impedance is the one behind the minimum case's I''k1
 * (IEC 60909-0 eq. (52)): Zs = |2 Z1 + Z0| / 3 = c Un / (sqrt3 I''k1), with
 * the conductors at the end-of-fault temperature, so a room-temperature
 * reading above it is beyond doubt. */
static void gen_model_check(struct k3a_results *r, const struct loop_rec *rec)
{
    const struct k3a_site *s = r->site;
    const char *cl;
    double u = lp(r, "loop_zs_uncertainty_fraction", 0.30, &cl);
    size_t b, k;

    if (!r->prot || !r->sc.has_case[K3A_CASE_MIN])
        return;
    for (b = 0; b < s->n_buses; b++) {
        const struct k3a_sc_point *p = &r->sc.bus[K3A_CASE_MIN][b];
        size_t n = r->prot[b].disc_gen_finding;
        struct k3a_finding *f;
        double zc, zm = 0;
        int32_t worst = -1;
        char more[512];
        if (!n || n > r->n_findings || !p->energized || !p->has_ik1 || !(p->ik1_kA > 0))
            continue;
        f = &r->findings[n - 1];
        if (f->verdict != K3A_PASS || f->kind != K3A_KIND_BUS || f->idx != (int32_t)b ||
            strcmp(f->check, "disconnection_time") != 0)
            continue;
        for (k = 0; k < s->n_loops; k++)
            if (rec[k].zs_ok && rec[k].board == (int32_t)b && s->loops[k].zs_ohm > zm) {
                zm = s->loops[k].zs_ohm;
                worst = (int32_t)k;
            }
        zc = p->c * p->un_kV / (sqrt(3.0) * p->ik1_kA);
        if (worst < 0 || !(zm > zc * (1.0 + u)))
            continue;
        snprintf(more, sizeof(more), "PUIL 2011 61.3.6 = IEC 60364-6 61.3.6; %s", cl);
        k3a__finding_reverdict(r, f, K3A_WARN, more);
        k3a__finding_title_append(
            r, f, K3A_LANG_ID,
            " [model tidak terkonfirmasi oleh pengukuran: Zs terukur %s %.3g Ω melampaui "
            "Zs hitung suplai normal %.3g Ω lebih dari ketidakpastian alat uji %.0f %%; "
            "pemutusan pada suplai genset tidak dapat dinyatakan memenuhi]",
            s->loops[worst].hdr.name, zm, zc, u * 100.0);
        k3a__finding_title_append(
            r, f, K3A_LANG_EN,
            " [model not confirmed by measurement: measured Zs %s %.3g Ω exceeds the "
            "calculated normal-supply Zs %.3g Ω by more than the tester's uncertainty "
            "of %.0f %%; disconnection on generator supply cannot be shown to be met]",
            s->loops[worst].hdr.name, zm, zc, u * 100.0);
    }
}

/* ---- RCDs ---------------------------------------------------------------------- */

/* The smallest rated residual current (mA) of an RCD on device dv or on
 * the devices upstream of it (through the cables feeding its bus); 0 when
 * none.  cable_dev[c] is the device protecting cable c, bus_feed[b] the
 * cable feeding bus b (-1 none). */
double k3a__upstream_rcd_mA(const struct k3a_site *s, int32_t dv,
                            const struct k3a__meas_topo *t)
{
    double best = 0;
    int hops;

    for (hops = 0; dv >= 0 && hops < 64; hops++) {
        const struct k3a_device *d = &s->devices[dv];
        double m = t->dev_rcd[dv];
        int32_t c;
        if (m > 0 && (!(best > 0) || m < best))
            best = m;
        /* a separate RCCB on the same cable protects it too */
        if (d->protects.kind == K3A_KIND_CABLE && d->protects.idx >= 0) {
            m = t->cable_rcd[d->protects.idx];
            if (m > 0 && (!(best > 0) || m < best))
                best = m;
        }
        if (d->at.kind != K3A_KIND_BUS || d->at.idx < 0)
            break;
        /* the board's main, when it has an RCD, protects every circuit */
        m = t->bus_rcd[d->at.idx];
        if (m > 0 && (!(best > 0) || m < best))
            best = m;
        c = t->bus_feed[d->at.idx];
        dv = c >= 0 ? t->cable_dev[c] : -1;
    }
    return best;
}

/* REF: PUIL 2011 411.3.3 = IEC 60364-4-41:2005 411.3.3: socket outlets of
 * at most 20 A have additional protection by an RCD of at most 30 mA. */
static enum k3a_status socket_rcds(struct k3a_results *r, const struct k3a__meas_topo *tp)
{
    const struct k3a_site *s = r->site;
    struct k3a_finding *f;
    const char *cl, *cla;
    double max_A = lp(r, "socket_rcd_max_A", 20, &cla);
    double max_mA = lp(r, "rcd_additional_max_mA", 30, &cl);
    size_t i;

    for (i = 0; i < s->n_cables; i++) {
        const struct k3a_ref *t = &s->cables[i].to;
        const struct k3a_device *d;
        double m;
        int32_t dv = tp->cable_dev[i];
        if (t->kind != K3A_KIND_LOAD || t->idx < 0 || dv < 0 ||
            s->loads[t->idx].kind != K3A_LOAD_SOCKET)
            continue;
        d = &s->devices[dv];
        if (d->rating_A > max_A)
            continue;
        m = k3a__upstream_rcd_mA(s, dv, tp);
        if (m > 0)
            f = k3a__finding_new(r, K3A_KIND_LOAD, t->idx, "rcd_additional_protection",
                    m <= max_mA ? K3A_PASS : K3A_FAIL, m, max_mA, "mA", cl,
                    "Kotak kontak %s (%s %.0f A): proteksi tambahan RCD "
                    "%.0f mA",
                    "Socket outlets %s (%s %.0f A): additional protection "
                    "by a %.0f mA RCD",
                    t->name, d->hdr.name, d->rating_A, m);
        else
            f = k3a__finding_new(r, K3A_KIND_LOAD, t->idx, "rcd_additional_protection",
                    K3A_FAIL, NAN, max_mA, "mA", cl,
                    "Kotak kontak %s (%s %.0f A) tanpa RCD ≤ %.0f mA",
                    "Socket outlets %s (%s %.0f A) without an RCD of at "
                    "most %.0f mA",
                    t->name, d->hdr.name, d->rating_A, max_mA);
        if (!f)
            return K3A_E_NOMEM;
    }
    return K3A_OK;
}

/* One RCD trip-time test at mult x IΔn (IEC 61008-1 / 61009-1 Table 1):
 * above tmax (">N": did not trip within the test's N ms, review A9) FAIL;
 * a type S RCD below its minimum non-actuating time tmin FAIL (selectivity
 * lost); a reading that does not decide WARN (re-test). */
static enum k3a_status rcd_trip_time(struct k3a_results *r, size_t i, const char *check,
                                     int mult, const struct k3a_reading *x, double tmin,
                                     const char *cl_min, double tmax, const char *cl_max,
                                     int xp)
{
    const struct k3a_rcd *t = &r->site->rcds[i];
    const char *name = t->hdr.name;
    int sel = t->selective;
    int jhi = judge_reading(x, NAN, tmax);
    int jlo = sel ? judge_reading(x, tmin, NAN) : 0;
    char ma_id[40] = "", ma_en[40] = ""; /* at 1 x IΔn its rating is named */
    struct k3a_finding *f;
    int j;

    if (mult == 1) {
        k3a__fmt_lang(ma_id, sizeof(ma_id), K3A_LANG_ID, " (%.0f mA)", t->rated_mA);
        k3a__fmt_lang(ma_en, sizeof(ma_en), K3A_LANG_EN, " (%.0f mA)", t->rated_mA);
    }
    if (jlo > 0) {
        f = k3a__finding_new(r, K3A_KIND_RCD, (int32_t)i, check, cal_verdict(K3A_FAIL, xp),
                x->value, tmin, "ms", cl_min,
                "Waktu trip RCD %s tipe S pada %d x IΔn%s%.0s di bawah minimum %.0f ms: "
                "selektivitas hilang",
                "Type S RCD %s trips at %d x IΔn%.0s%s faster than the minimum %.0f ms: "
                "selectivity is lost",
                name, mult, ma_id, ma_en, tmin);
        return cal_note(r, f, xp) ? K3A_OK : K3A_E_NOMEM;
    }
    j = jhi > 0 ? 1 : (jhi < 0 || jlo < 0) ? -1 : 0;
    f = k3a__finding_new(r, K3A_KIND_RCD, (int32_t)i, check,
            cal_verdict(reading_verdict(j), xp), x->value, tmax, "ms", cl_max,
            "Waktu trip RCD %s pada %d x IΔn%s%.0s%s%.0s%s%.0s",
            "RCD %s trip time at %d x IΔn%.0s%s%.0s%s%.0s%s", name, mult, ma_id, ma_en,
            sel ? ", tipe S" : "", sel ? ", type S" : "",
            x->cmp > 0 && j > 0 ? ": tidak trip dalam waktu uji"
            : j < 0             ? ": pembacaan tidak menentukan, ulangi uji"
                                : "",
            x->cmp > 0 && j > 0 ? ": did not trip within the test time"
            : j < 0             ? ": the reading does not decide, re-test"
                                : "");
    return cal_note(r, f, xp) ? K3A_OK : K3A_E_NOMEM;
}

enum k3a_status k3a__meas_rcds(struct k3a_results *r, const struct k3a__meas_topo *tp)
{
    const struct k3a_site *s = r->site;
    struct k3a_finding *f;
    enum k3a_status st;
    size_t i;

    for (i = 0; i < s->n_rcds; i++) {
        const struct k3a_rcd *t = &s->rcds[i];
        int xp = cal_expired(s, &t->meas), sel = t->selective;
        const char *name = t->hdr.name, *c1, *c2, *cmin, *c1n = "", *c5n = "";
        double idn = t->rated_mA;
        double t1max = sel ? lp(r, "rcd_s_1x_max_ms", 500, &c1)
                           : lp(r, "rcd_trip_1x_max_ms", 300, &c1);
        double t5max = sel ? lp(r, "rcd_s_5x_max_ms", 150, &c2)
                           : lp(r, "rcd_trip_5x_max_ms", 40, &c2);
        /* REF: IEC 61008-1 / 61009-1 Table 1: a type S RCD has minimum
         * non-actuating times too (130 ms at IΔn, 50 ms at 5 IΔn) */
        double t1min = sel ? lp(r, "rcd_s_1x_min_ms", 130, &c1n) : 0;
        double t5min = sel ? lp(r, "rcd_s_5x_min_ms", 50, &c5n) : 0;
        double fmin = lp(r, "rcd_trip_min_fraction", 0.5, &cmin);

        if (k3a_elem_given(K3A_KIND_RCD, &t->hdr, "trip_ms_1x") &&
            (st = rcd_trip_time(r, i, "rcd_trip_1x", 1, &t->trip_ms_1x, t1min, c1n, t1max,
                                c1, xp)) != K3A_OK)
            return st;
        if (k3a_elem_given(K3A_KIND_RCD, &t->hdr, "trip_ms_5x") &&
            (st = rcd_trip_time(r, i, "rcd_trip_5x", 5, &t->trip_ms_5x, t5min, c5n, t5max,
                                c2, xp)) != K3A_OK)
            return st;
        if (k3a_elem_given(K3A_KIND_RCD, &t->hdr, "trip_mA") && idn > 0) {
            int bad = t->trip_mA.value > idn || (t->trip_mA.cmp > 0) ||
                      !(t->trip_mA.value > fmin * idn); /* IΔn0 = 0.5 IΔn must not trip */
            f = k3a__finding_new(r, K3A_KIND_RCD, (int32_t)i, "rcd_trip_current",
                    cal_verdict(bad ? K3A_FAIL : K3A_PASS, xp),
                    t->trip_mA.value, idn, "mA", cmin,
                    "Arus trip RCD %s (antara %.0f %% dan 100 %% IΔn)",
                    "RCD %s trip current (between %.0f %% and 100 %% of IΔn)", name,
                    fmin * 100.0);
            if (!cal_note(r, f, xp))
                return K3A_E_NOMEM;
        }
        if (k3a_elem_given(K3A_KIND_RCD, &t->hdr, "tripped_at_half") &&
            t->tripped_at_half) {
            f = k3a__finding_new(r, K3A_KIND_RCD, (int32_t)i, "rcd_half",
                    cal_verdict(K3A_FAIL, xp),
                    NAN, NAN, "", cmin,
                    "RCD %s trip pada %.1f x IΔn (terlalu peka)",
                    "RCD %s tripped at %.1f x IΔn (too sensitive)", name, 0.5);
            if (!cal_note(r, f, xp))
                return K3A_E_NOMEM;
        }
    }
    return socket_rcds(r, tp);
}
