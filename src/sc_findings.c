/*
 * sc_findings.c - the protection stage: who clears a fault at each bus and
 * when, and the findings that follow from the short-circuit currents
 * (breaking capacity, busbar withstand, earth-fault disconnection time,
 * devices with no curve data, buses no device clears).  Pure.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "k3audit/audit.h"
#include "k3audit/protection.h"

static uint32_t at_is_bus(const struct k3a_device *d)
{
    return d->at.idx >= 0 && d->at.kind == K3A_KIND_BUS;
}

/* Every device's breaking capacity. */
static enum k3a_status breaking_capacity(struct k3a_results *r)
{
    const struct k3a_site *s = r->site;
    size_t i;

    for (i = 0; i < s->n_devices; i++) {
        const struct k3a_device *d = &s->devices[i];
        struct k3a_finding *f;
        double ik;
        if (!k3a_elem_given(K3A_KIND_DEVICE, &d->hdr, "breaking_kA") ||
            d->at.idx < 0)
            continue;
        ik = k3a_sc_max_ik3_kA(&r->sc, d->at.kind, (size_t)d->at.idx);
        if (!(ik > 0))
            continue;
        f = k3a__finding_add(r, K3A_KIND_DEVICE, (int32_t)i, "breaking_capacity",
                             d->breaking_kA < ik ? K3A_FAIL : K3A_PASS);
        if (!f)
            return K3A_E_NOMEM;
        if (K3A__WANT_TITLE(r, K3A_LANG_ID))
            k3a__finding_title_lang(r, f, K3A_LANG_ID,
                     "Kapasitas pemutusan %s terhadap arus hubung singkat "
                     "prospektif di %s",
                     d->hdr.name, d->at.name);
        if (K3A__WANT_TITLE(r, K3A_LANG_EN))
            k3a__finding_title_lang(r, f, K3A_LANG_EN,
                     "Breaking capacity of %s against the prospective "
                     "short-circuit current at %s",
                     d->hdr.name, d->at.name);
        f->measured = ik;
        f->has_measured = 1;
        f->limit = d->breaking_kA;
        f->has_limit = 1;
        f->unit = "kA";
        /* REF: IEC 60364-4-43 434.5.1 (PUIL 2011 434.5.1): the breaking
         * capacity is not less than the prospective maximum short-circuit
         * current at the place of installation */
        k3a__finding_clause(r, f,
                 "PUIL 2011 434.5.1 = IEC 60364-4-43 434.5.1; I''k max by "
                 "IEC 60909-0");
    }
    return K3A_OK;
}

static enum k3a_status withstand(struct k3a_results *r)
{
    const struct k3a_site *s = r->site;
    size_t i;

    for (i = 0; i < s->n_buses; i++) {
        const struct k3a_bus *b = &s->buses[i];
        struct k3a_finding *f;
        double ik;
        if (!k3a_elem_given(K3A_KIND_BUS, &b->hdr, "withstand_kA"))
            continue;
        ik = k3a_sc_max_ik3_kA(&r->sc, K3A_KIND_BUS, i);
        if (!(ik > 0))
            continue;
        f = k3a__finding_add(r, K3A_KIND_BUS, (int32_t)i, "busbar_withstand",
                             b->withstand_kA < ik ? K3A_FAIL : K3A_PASS);
        if (!f)
            return K3A_E_NOMEM;
        if (K3A__WANT_TITLE(r, K3A_LANG_ID))
            k3a__finding_title_lang(r, f, K3A_LANG_ID,
                     "Ketahanan hubung singkat busbar %s (Icw) terhadap I''k",
                     b->hdr.name);
        if (K3A__WANT_TITLE(r, K3A_LANG_EN))
            k3a__finding_title_lang(r, f, K3A_LANG_EN,
                     "Busbar %s short-time withstand (Icw) against I''k",
                     b->hdr.name);
        f->measured = ik;
        f->has_measured = 1;
        f->limit = b->withstand_kA;
        f->has_limit = 1;
        f->unit = "kA";
        /* REF: IEC 61439-1 5.3.4 rated short-time withstand current Icw
         * (1 s) not below the prospective short-circuit current */
        k3a__finding_clause(r, f,
                 "IEC 61439-1 5.3.4 (Icw) / PUIL 2011 PHB; I''k max by "
                 "IEC 60909-0");
    }
    return K3A_OK;
}

static enum k3a_status no_curve_devices(struct k3a_results *r)
{
    const struct k3a_site *s = r->site;
    size_t i;

    for (i = 0; i < s->n_devices; i++) {
        const struct k3a_device *d = &s->devices[i];
        struct k3a_finding *f;
        if (k3a_elem_given(K3A_KIND_DEVICE, &d->hdr, "curve") || d->tcc.n ||
            k3a_elem_given(K3A_KIND_DEVICE, &d->hdr, "instantaneous_A"))
            continue;
        f = k3a__finding_add(r, K3A_KIND_DEVICE, (int32_t)i, "curve_data",
                             K3A_WARN);
        if (!f)
            return K3A_E_NOMEM;
        if (K3A__WANT_TITLE(r, K3A_LANG_ID))
            k3a__finding_title_lang(r, f, K3A_LANG_ID,
                     "%s tanpa data kurva (curve, tcc atau instantaneous_A): "
                     "waktu pemutusan tidak diketahui",
                     d->hdr.name);
        if (K3A__WANT_TITLE(r, K3A_LANG_EN))
            k3a__finding_title_lang(r, f, K3A_LANG_EN,
                     "%s has no curve data (curve, tcc or instantaneous_A): its "
                     "clearing time is unknown",
                     d->hdr.name);
        k3a__finding_clause(r, f, "site-format 3 (clearing rules)");
    }
    return K3A_OK;
}

/* REF: IEC 60364-4-41 Table 41.1 (PUIL 2011 Bagian 4-41) for final
 * circuits up to 32 A; 411.3.2.3 distribution circuits 5 s (TN). */
static const struct k3a_disc_limit *disc_row(const struct k3a_model_file *lim,
                                             double u0_V)
{
    size_t i;

    for (i = 0; lim && i < lim->n_disc; i++)
        if (lim->disc[i].system == K3A_DISC_TN && u0_V > lim->disc[i].u0_above_V &&
            !(u0_V > lim->disc[i].u0_max_V))
            return &lim->disc[i];
    return NULL;
}

/* Every bus's earth-fault disconnection time. */
static enum k3a_status earth_fault_disconnection(struct k3a_results *r,
                                                 const struct k3a_param *dist)
{
    const struct k3a_site *s = r->site;
    size_t i;

    for (i = 0; i < s->n_buses; i++) {
        const struct k3a_bus_prot *bp = &r->prot[i];
        const struct k3a_clearing *cl = &bp->at_ik1;
        const struct k3a_device *d;
        const struct k3a_disc_limit *row;
        struct k3a_finding *f;
        double u0 = s->buses[i].voltage_kV * 1000.0 / sqrt(3.0), limit;
        const char *clause;
        int final;
        if (!bp->has_ik1 || cl->device < 0)
            continue;
        d = &s->devices[cl->device];
        final = d->rating_A <= 32.0;
        row = disc_row(r->limits, s->buses[i].phases == 1
                                      ? s->buses[i].voltage_kV * 1000.0
                                      : u0);
        if (final && row) {
            limit = row->final_s;
            clause = row->clause;
        } else if (dist) {
            limit = dist->value;
            clause = dist->clause;
        } else {
            continue;
        }
        f = k3a__finding_add(r, K3A_KIND_BUS, (int32_t)i, "disconnection_time",
                             cl->capped || cl->time_s > limit ? K3A_FAIL
                                                              : K3A_PASS);
        if (!f)
            return K3A_E_NOMEM;
        if (K3A__WANT_TITLE(r, K3A_LANG_ID))
            k3a__finding_title_lang(r, f, K3A_LANG_ID,
                     "Waktu pemutusan gangguan tanah di %s oleh %s pada I''k1 "
                     "%.3g kA (%s)",
                     s->buses[i].hdr.name, d->hdr.name, bp->ik1_min_kA,
                     final ? "sirkit akhir <= 32 A" : "sirkit distribusi");
        if (K3A__WANT_TITLE(r, K3A_LANG_EN))
            k3a__finding_title_lang(r, f, K3A_LANG_EN,
                     "Earth-fault disconnection at %s by %s at I''k1 %.3g kA (%s)",
                     s->buses[i].hdr.name, d->hdr.name, bp->ik1_min_kA,
                     final ? "final circuit <= 32 A" : "distribution circuit");
        f->measured = cl->time_s;
        f->has_measured = 1;
        f->limit = limit;
        f->has_limit = 1;
        f->unit = "s";
        k3a__finding_clause(r, f, "%s", clause);
    }
    return K3A_OK;
}

static enum k3a_status unprotected_buses(struct k3a_results *r)
{
    const struct k3a_site *s = r->site;
    size_t i;

    for (i = 0; i < s->n_buses; i++) {
        const struct k3a_clearing *cl = &r->prot[i].at_ik3[K3A_CASE_MAX];
        struct k3a_finding *f;
        if (!r->sc.has_case[K3A_CASE_MAX] ||
            !r->sc.bus[K3A_CASE_MAX][i].energized || !cl->capped)
            continue;
        f = k3a__finding_add(r, K3A_KIND_BUS, (int32_t)i, "clearing",
                             K3A_WARN);
        if (!f)
            return K3A_E_NOMEM;
        if (K3A__WANT_TITLE(r, K3A_LANG_ID))
            k3a__finding_title_lang(r, f, K3A_LANG_ID,
                     "Gangguan di %s tidak diputus gawai yang diketahui dalam "
                     "%.3g s: lama busur dibatasi arc_time_max_s",
                     s->buses[i].hdr.name, s->site.arc_time_max_s);
        if (K3A__WANT_TITLE(r, K3A_LANG_EN))
            k3a__finding_title_lang(r, f, K3A_LANG_EN,
                     "No known device clears a fault at %s within %.3g s: the arc "
                     "duration is capped at arc_time_max_s",
                     s->buses[i].hdr.name, s->site.arc_time_max_s);
        f->measured = cl->time_s;
        f->has_measured = 1;
        f->unit = "s";
        k3a__finding_clause(r, f,
                 "site-format 3; IEEE 1584-2018 6.9.1 (2 s guidance)");
    }
    return K3A_OK;
}

static void prepare_all(struct k3a_results *r);
static void clearing_all(struct k3a_results *r);

enum k3a_status k3a__protection_stage(struct k3a_results *r,
                                      struct k3a_diag_list *dl)
{
    const struct k3a_site *s = r->site;
    const struct k3a_param *dist;
    enum k3a_status st;

    (void)dl;
    (void)at_is_bus;
    r->prot = calloc(s->n_buses + 1, sizeof(*r->prot));
    r->trip_prep = calloc(s->n_devices + 1, sizeof(*r->trip_prep));
    if (!r->prot || !r->trip_prep)
        return K3A_E_NOMEM;
    prepare_all(r);
    clearing_all(r);
    dist = r->limits ? k3a_model_param(r->limits, "distribution_tn_s") : NULL;
    if ((st = breaking_capacity(r)) != K3A_OK ||
        (st = withstand(r)) != K3A_OK || (st = no_curve_devices(r)) != K3A_OK ||
        (st = earth_fault_disconnection(r, dist)) != K3A_OK ||
        (st = unprotected_buses(r)) != K3A_OK)
        return st;
    return K3A_OK;
}

/* The trip data of every device. */
static void prepare_all(struct k3a_results *r)
{
    size_t i;

    for (i = 0; i < r->site->n_devices; i++)
        k3a_device_prepare(&r->site->devices[i], r->models, &r->trip_prep[i]);
}

/* Who clears a fault at every bus, and when (r->prot zeroed). */
static void clearing_all(struct k3a_results *r)
{
    const struct k3a_site *s = r->site;
    size_t i;
    int c;

    for (i = 0; i < s->n_buses; i++) {
        struct k3a_bus_prot *bp = &r->prot[i];
        for (c = 0; c < K3A_CASE_COUNT; c++)
            k3a_clearing_eval(s, r->models, r->trip_prep, &r->sc, i, (enum k3a_sc_case)c, 1.0,
                              &bp->at_ik3[c]);
        if (r->sc.has_case[K3A_CASE_MIN]) {
            const struct k3a_sc_point *p = &r->sc.bus[K3A_CASE_MIN][i];
            if (p->energized && p->has_ik1 && p->ik3_kA > 0) {
                /* the earth-fault current flows through the same devices
                 * as the three-phase one: scale the chain by Ik1/Ik3 */
                bp->has_ik1 = 1;
                bp->ik1_min_kA = p->ik1_kA;
                k3a_clearing_eval(s, r->models, r->trip_prep, &r->sc, i, K3A_CASE_MIN,
                                  p->ik1_kA / p->ik3_kA, &bp->at_ik1);
            }
        }
    }
}
