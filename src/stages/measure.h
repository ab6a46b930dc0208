/*
 * measure.h - what the measurement stage's files share (private to
 * src/stages/measure_*.c): the limits' parameters, the instrument's
 * calibration, readings given as a bound, who protects what, and each
 * measurement family's verdicts.
 */
#ifndef K3A_STAGES_MEASURE_H
#define K3A_STAGES_MEASURE_H

#include <math.h>
#include <stdint.h>

#include "findings.h"
#include "stages.h"
#include "k3audit/results.h"

/* Who protects what, built once: cable_dev[c] is the device protecting
 * cable c, bus_feed[b] the cable feeding bus b (-1 none). */
struct k3a__meas_topo {
    int32_t *cable_dev, *bus_feed, *load_feed;
    double *dev_rcd; /* [device] its rcd_mA, else its [rcd] test's rated_mA */
    double *bus_rcd; /* [bus] the smallest RCD of a main protecting it */
    double *cable_rcd; /* [cable] the smallest RCD of any device protecting it */
};

/* The current Ia that operates device d within t_s (measure_loop.c). */
double k3a__ia_within(const struct k3a_results *r, const struct k3a_device *d,
                      double t_s);
/* The smallest rated residual current (mA) of an RCD on device dv or
 * upstream of it; 0 when none (measure_loop.c). */
double k3a__upstream_rcd_mA(const struct k3a_site *s, int32_t dv,
                            const struct k3a__meas_topo *t);

/* Each family's verdicts and findings. */
enum k3a_status k3a__meas_soils(struct k3a_results *r);
enum k3a_status k3a__meas_earthing(struct k3a_results *r, struct k3a_diag_list *dl,
                                   const double *rcd_at,
                                   const struct k3a__meas_topo *topo);
enum k3a_status k3a__meas_insulation(struct k3a_results *r);
enum k3a_status k3a__meas_loops(struct k3a_results *r, const struct k3a__meas_topo *tp);
enum k3a_status k3a__meas_rcds(struct k3a_results *r, const struct k3a__meas_topo *tp);
enum k3a_status k3a__meas_thermography(struct k3a_results *r);
enum k3a_status k3a__meas_power_quality(struct k3a_results *r);
enum k3a_status k3a__meas_lightning(struct k3a_results *r);

/* The board a loop was measured at: the bus its circuit names, or the
 * bus its cable feeds; -1 at the end of a final circuit or with no
 * circuit (the one place that says so: the loop verdicts and the rule
 * that a measured loop governs a board's disconnection verdict). */
static inline int32_t k3a__loop_board(const struct k3a_site *s, const struct k3a_ref *c)
{
    if (c->idx < 0)
        return -1;
    if (c->kind == K3A_KIND_BUS)
        return c->idx;
    if (c->kind == K3A_KIND_CABLE && s->cables[c->idx].to.kind == K3A_KIND_BUS)
        return s->cables[c->idx].to.idx;
    return -1;
}

/* Small helpers every family uses (static inline: one copy per file). */
static inline double lp(const struct k3a_results *r, const char *name, double fb,
                 const char **clause)
{
    const struct k3a_param *p = r->limits ? k3a_model_param(r->limits, name) : NULL;
    if (clause)
        *clause = p ? p->clause : "";
    return p ? p->value : fb;
}

static inline int cal_expired(const struct k3a_site *s, const struct k3a_meas *m)
{
    size_t i;

    for (i = 0; i < m->instrument.n; i++) {
        const struct k3a_ref *ref = &m->instrument.v[i];
        const struct k3a_instrument *in;
        if (ref->idx < 0)
            continue;
        in = &s->instruments[ref->idx];
        if (in->calibration_due.y &&
            k3a_date_days(m->test_date) > k3a_date_days(in->calibration_due))
            return 1;
    }
    return 0;
}

/* A test made with an instrument past its calibration date (documents
 * review A5) is no valid verdict either way: a WARN to re-test with a
 * calibrated instrument, never PASS or FAIL. */
static inline enum k3a_verdict cal_verdict(enum k3a_verdict v, int expired)
{
    return expired ? K3A_WARN : v;
}

/* The same finding f (NULL: no memory) says so in its title; returns f. */
static inline struct k3a_finding *cal_note(struct k3a_results *r, struct k3a_finding *f,
                                    int expired)
{
    if (f && expired) {
        f->cal_expired = 1;
        k3a__finding_title_append(r, f, K3A_LANG_ID,
                                  " [alat ukur lewat masa kalibrasi: ulangi dengan "
                                  "alat terkalibrasi]");
        k3a__finding_title_append(r, f, K3A_LANG_EN,
                                  " [instrument past its calibration date: re-test "
                                  "with a calibrated instrument]");
    }
    return f;
}

/* A reading given as ">N" or "<N" (an instrument's over-range) decides a
 * limit only when its bound does (site-format 9; as earthing and
 * insulation): the true value must lie in [lo, hi] (lo or hi NAN: none).
 * Returns 0 pass, 1 fail, -1 undecided (re-test). */
static inline int judge_reading(const struct k3a_reading *x, double lo, double hi)
{
    int und = 0;
    double v = x->value;

    if (isfinite(hi)) {
        if (x->cmp == 0 ? v > hi : x->cmp > 0 ? v >= hi : 0)
            return 1;
        if (x->cmp > 0 || (x->cmp < 0 && !(v <= hi)))
            und = 1;
    }
    if (isfinite(lo)) {
        if (x->cmp == 0 ? v < lo : x->cmp < 0 ? v <= lo : 0)
            return 1;
        if (x->cmp < 0 || (x->cmp > 0 && !(v >= lo)))
            und = 1;
    }
    return und ? -1 : 0;
}

static inline enum k3a_verdict reading_verdict(int j)
{
    return j > 0 ? K3A_FAIL : j < 0 ? K3A_WARN : K3A_PASS;
}

#endif
