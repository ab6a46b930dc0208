/*
 * measure_stage.c - the measurement stage: verdicts on the tester's field
 * measurements, one file per family (measure_earthing.c: earthing and
 * soil; measure_insulation.c; measure_loop.c: loop impedance and RCDs;
 * measure_thermal.c: thermography and power quality;
 * measure_lightning.c).  Here: who protects what, built once for them,
 * the instruments' calibration dates, and the order of the families.
 * Each verdict is a finding naming its clause; a test made with an
 * instrument past its calibration date carries a warning (site-format 6).
 * Pure.
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

/* Several devices may protect one cable (site-format 3: an MCB and a
 * separate RCCB): cable_dev[c] is the fastest overcurrent device among
 * them (the smallest current that operates it within 5 s, whatever the
 * order in the file), cable_rcd[c] the smallest IΔn among them. */
static int topo_build(const struct k3a_results *r, struct k3a__meas_topo *t)
{
    const struct k3a_site *s = r->site;
    size_t i;

    t->cable_dev =
        malloc((s->n_cables + s->n_buses + s->n_loads + 1) * sizeof(*t->cable_dev));
    t->dev_rcd =
        calloc(s->n_devices + s->n_buses + s->n_cables + 1, sizeof(*t->dev_rcd));
    if (!t->cable_dev || !t->dev_rcd) {
        free(t->cable_dev);
        free(t->dev_rcd);
        return -1;
    }
    t->bus_rcd = t->dev_rcd + s->n_devices;
    t->cable_rcd = t->bus_rcd + s->n_buses;
    for (i = 0; i < s->n_rcds; i++) {
        int32_t d = s->rcds[i].device.idx;
        if (d >= 0 && s->rcds[i].rated_mA > 0 && !(t->dev_rcd[d] > 0))
            t->dev_rcd[d] = s->rcds[i].rated_mA;
    }
    for (i = 0; i < s->n_devices; i++)
        if (k3a_elem_given(K3A_KIND_DEVICE, &s->devices[i].hdr, "rcd_mA") &&
            s->devices[i].rcd_mA > 0)
            t->dev_rcd[i] = s->devices[i].rcd_mA;
    t->bus_feed = t->cable_dev + s->n_cables;
    t->load_feed = t->bus_feed + s->n_buses;
    for (i = 0; i < s->n_cables; i++)
        t->cable_dev[i] = -1;
    for (i = 0; i < s->n_buses; i++)
        t->bus_feed[i] = -1;
    for (i = 0; i < s->n_loads; i++)
        t->load_feed[i] = -1;
    for (i = 0; i < s->n_devices; i++) {
        const struct k3a_ref *p = &s->devices[i].protects;
        if (p->kind == K3A_KIND_CABLE && p->idx >= 0) {
            int32_t o = t->cable_dev[p->idx];
            double m = t->dev_rcd[i];
            if (o < 0) {
                t->cable_dev[p->idx] = (int32_t)i;
            } else {
                double ia = k3a__ia_within(r, &s->devices[i], 5.0);
                double io = k3a__ia_within(r, &s->devices[o], 5.0);
                if (ia > 0 && (!(io > 0) || ia < io))
                    t->cable_dev[p->idx] = (int32_t)i;
            }
            if (m > 0 && (!(t->cable_rcd[p->idx] > 0) || m < t->cable_rcd[p->idx]))
                t->cable_rcd[p->idx] = m;
        }
        if (p->kind == K3A_KIND_BUS && p->idx >= 0 && t->dev_rcd[i] > 0 &&
            (!(t->bus_rcd[p->idx] > 0) || t->dev_rcd[i] < t->bus_rcd[p->idx]))
            t->bus_rcd[p->idx] = t->dev_rcd[i];
    }
    for (i = 0; i < s->n_cables; i++) {
        const struct k3a_ref *to = &s->cables[i].to;
        if (to->kind == K3A_KIND_BUS && to->idx >= 0 && t->bus_feed[to->idx] < 0)
            t->bus_feed[to->idx] = (int32_t)i;
        if (to->kind == K3A_KIND_LOAD && to->idx >= 0 && t->load_feed[to->idx] < 0)
            t->load_feed[to->idx] = (int32_t)i;
    }
    return 0;
}

/* site-format 9 (calibration): an instrument calibrated after the audit
 * date is a warning (calibrated after its calibration_due: the site check
 * warns). */
static void calibration_warnings(const struct k3a_site *s, struct k3a_diag_list *dl)
{
    size_t i;

    for (i = 0; i < s->n_instruments; i++) {
        const struct k3a_instrument *in = &s->instruments[i];
        char lbl[96];
        struct k3a_loc l = { s->path, in->hdr.line, lbl, "calibrated" };
        snprintf(lbl, sizeof(lbl), "instrument %s", in->hdr.name);
        if (in->calibrated.y && s->site.audit_date.y &&
            k3a_date_days(in->calibrated) > k3a_date_days(s->site.audit_date))
            k3a_diag_add_lang(dl, K3A_WARNING, K3A_E_INPUT, l,
                              "calibrated %04d-%02d-%02d is after the audit date "
                              "%04d-%02d-%02d: the tests were made before this "
                              "calibration",
                              "dikalibrasi %04d-%02d-%02d, setelah tanggal riksa uji "
                              "%04d-%02d-%02d: pengujian dilakukan sebelum kalibrasi "
                              "ini",
                         in->calibrated.y, in->calibrated.m, in->calibrated.d,
                         s->site.audit_date.y, s->site.audit_date.m,
                         s->site.audit_date.d);
    }
}


enum k3a_status k3a__measure_stage(struct k3a_results *r, struct k3a_diag_list *dl)
{
    calibration_warnings(r->site, dl);
    const struct k3a_site *s = r->site;
    enum k3a_status st;

    r->earth = calloc(s->n_earthings + 1, sizeof(*r->earth));
    r->soil = calloc(s->n_soils + 1, sizeof(*r->soil));
    r->ir = calloc(s->n_insulations + 1, sizeof(*r->ir));
    r->thermo = calloc(s->n_thermographies + 1, sizeof(*r->thermo));
    r->pq = calloc(s->n_pqs + 1, sizeof(*r->pq));
    r->loop = calloc(s->n_loops + 1, sizeof(*r->loop));
    if (!r->earth || !r->soil || !r->ir || !r->thermo || !r->pq || !r->loop)
        return K3A_E_NOMEM;
    {
        double *rcd_at = k3a__bus_rcd_mA(s);
        struct k3a__meas_topo tp;
        if (!rcd_at)
            return K3A_E_NOMEM;
        if (topo_build(r, &tp)) {
            free(rcd_at);
            return K3A_E_NOMEM;
        }
        st = k3a__meas_soils(r);
        if (st == K3A_OK)
            st = k3a__meas_earthing(r, dl, rcd_at, &tp);
        free(rcd_at);
        if (st == K3A_OK && (st = k3a__meas_insulation(r)) == K3A_OK &&
            (st = k3a__meas_loops(r, &tp)) == K3A_OK)
            st = k3a__meas_rcds(r, &tp);
        free(tp.cable_dev);
        free(tp.dev_rcd);
        if (st != K3A_OK)
            return st;
    }
    if ((st = k3a__meas_thermography(r)) != K3A_OK ||
        (st = k3a__meas_power_quality(r)) != K3A_OK ||
        (st = k3a__meas_lightning(r)) != K3A_OK)
        return st;
    return K3A_OK;
}
