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

#include "findings.h"
#include "stages.h"
#include "k3audit/results.h"
#include "k3audit/protection.h"
#include "schema.h"

static uint32_t at_is_bus(const struct k3a_device *d)
{
    return d->at.idx >= 0 && d->at.kind == K3A_KIND_BUS;
}

/* Every device's breaking capacity. */
static enum k3a_status breaking_capacity(struct k3a_results *r)
{
    const struct k3a_site *s = r->site;
    int key = k3a__key_index(k3a__site_kind(K3A_KIND_DEVICE), "breaking_kA");
    size_t i;

    for (i = 0; i < s->n_devices; i++) {
        const struct k3a_device *d = &s->devices[i];
        struct k3a_finding *f;
        double ik;
        if (!k3a__given(&d->hdr, key) || d->at.idx < 0)
            continue;
        ik = k3a_sc_max_ik3_kA(&r->sc, d->at.kind, (size_t)d->at.idx);
        if (!(ik > 0))
            continue;
        /* REF: IEC 60364-4-43 434.5.1 (PUIL 2011 434.5.1): the breaking
         * capacity is not less than the prospective maximum short-circuit
         * current at the place of installation */
        f = k3a__finding_new(r, K3A_KIND_DEVICE, (int32_t)i, "breaking_capacity",
                             d->breaking_kA < ik ? K3A_FAIL : K3A_PASS, ik,
                             d->breaking_kA, "kA",
                             "PUIL 2011 434.5.1 = IEC 60364-4-43 434.5.1; I''k {maks. "
                             "menurut|max by} IEC 60909-0",
                             "Kapasitas pemutusan %s terhadap arus hubung singkat "
                             "prospektif di %s",
                             "Breaking capacity of %s against the prospective "
                             "short-circuit current at %s",
                             d->hdr.name, d->at.name);
        if (!f)
            return K3A_E_NOMEM;
    }
    return K3A_OK;
}

static enum k3a_status withstand(struct k3a_results *r)
{
    const struct k3a_site *s = r->site;
    int key = k3a__key_index(k3a__site_kind(K3A_KIND_BUS), "withstand_kA");
    size_t i;

    for (i = 0; i < s->n_buses; i++) {
        const struct k3a_bus *b = &s->buses[i];
        struct k3a_finding *f;
        double ik;
        if (!k3a__given(&b->hdr, key))
            continue;
        ik = k3a_sc_max_ik3_kA(&r->sc, K3A_KIND_BUS, i);
        if (!(ik > 0))
            continue;
        /* REF: IEC 61439-1 5.3.4 rated short-time withstand current Icw
         * (1 s) not below the prospective short-circuit current */
        f = k3a__finding_new(r, K3A_KIND_BUS, (int32_t)i, "busbar_withstand",
                             b->withstand_kA < ik ? K3A_FAIL : K3A_PASS, ik,
                             b->withstand_kA, "kA",
                             "IEC 61439-1 5.3.4 (Icw); I''k {maks. menurut|max by} "
                             "IEC 60909-0",
                             "Ketahanan hubung singkat busbar %s (Icw) terhadap I''k",
                             "Busbar %s short-time withstand (Icw) against I''k",
                             b->hdr.name);
        if (!f)
            return K3A_E_NOMEM;
    }
    return K3A_OK;
}

static enum k3a_status no_curve_devices(struct k3a_results *r)
{
    const struct k3a_site *s = r->site;
    const struct k3a__kind *kd = k3a__site_kind(K3A_KIND_DEVICE);
    int key_curve = k3a__key_index(kd, "curve");
    int key_inst = k3a__key_index(kd, "instantaneous_A");
    size_t i;

    for (i = 0; i < s->n_devices; i++) {
        const struct k3a_device *d = &s->devices[i];
        struct k3a_finding *f;
        if (k3a__given(&d->hdr, key_curve) || d->tcc.n || k3a__given(&d->hdr, key_inst))
            continue;
        /* REF: IEC 60364-4-41 411.3.2 needs the device's time-current
         * characteristic to check disconnection */
        f = k3a__finding_new(r, K3A_KIND_DEVICE, (int32_t)i, "curve_data", K3A_WARN,
                             NAN, NAN, "", "IEC 60364-4-41 411.3.2; IEC 60364-6 61.3.6",
                             "%s tanpa data karakteristik waktu-arus: "
                             "waktu pemutusan tidak diketahui",
                             "%s has no time-current characteristic data: its "
                             "clearing time is unknown",
                             d->hdr.name);
        if (!f)
            return K3A_E_NOMEM;
    }
    return K3A_OK;
}

/* What every bus's earth-fault disconnection is judged against, looked up
 * once for the stage: the limit of a distribution circuit (the same for
 * every bus: IEC 60364-4-41 411.3.2.3 / 411.3.2.4), an RCD's time at
 * 5 IΔn, and where a device's rcd_mA is marked given. */
struct disc_judge {
    double limit_s, rcd_t5_s;
    const char *clause;
    int key_rcd;
};

static void disc_judge_init(const struct k3a_results *r, struct disc_judge *j)
{
    const struct k3a_param *p5 =
        r->limits ? k3a_model_param(r->limits, "rcd_trip_5x_max_ms") : NULL;

    /* final = 0: the limit does not depend on U0 (k3a__disc_limit_s) */
    j->limit_s = k3a__disc_limit_s(r, r->site->site.earthing_system == K3A_ES_TT,
                                   230.0, 0, 0, &j->clause, NULL);
    j->rcd_t5_s = (p5 ? p5->value : 40.0) / 1000.0;
    j->key_rcd = k3a__key_index(k3a__site_kind(K3A_KIND_DEVICE), "rcd_mA");
}

/* An RCD (a device with rcd_mA) carrying the earth-fault current of bus i
 * in case c: the residual current is the fault current, so at 5 IΔn or
 * more it breaks within rcd_trip_5x_max_ms (IEC 61008-1 / 61009-1 Table
 * 1).  Returns its time and sets *dev, or INFINITY. */
static double rcd_time_s(const struct k3a_results *r, const struct disc_judge *j,
                         size_t i, enum k3a_sc_case c, double scale, int32_t *dev)
{
    const struct k3a_site *s = r->site;
    double best = INFINITY, t5 = j->rcd_t5_s;
    size_t k;

    if (!r->sc.has_case[c] || !r->sc.start[c])
        return INFINITY;
    for (k = r->sc.start[c][i]; k < r->sc.start[c][i + 1]; k++) {
        const struct k3a_clear_step *st = &r->sc.steps[c][k];
        const struct k3a_device *d = &s->devices[st->device];
        if (!(d->rcd_mA > 0) || !k3a__given(&d->hdr, j->key_rcd) ||
            st->current_A * scale < 5.0 * d->rcd_mA / 1000.0)
            continue;
        if (t5 < best) {
            best = t5;
            *dev = st->device;
        }
    }
    return best;
}

/* One earth-fault disconnection finding at bus i, by the device of cl at
 * I''k1 ik1_kA; gen: on the standby generator's supply.
 * REF: site-format 9: a bus is fed by a distribution circuit (what the
 * circuit feeds decides): IEC 60364-4-41 411.3.2.3, 5 s in TN (PUIL 2011
 * 411.3.2.3).  The time judged is the device's own, never capped at
 * arc_time_max_s; a device that does not operate at I''k1 fails. */
static enum k3a_status disconnection_one(struct k3a_results *r,
                                         const struct disc_judge *j, size_t i,
                                         const struct k3a_clearing *cl, double ik1_kA,
                                         int gen)
{
    const struct k3a_site *s = r->site;
    const struct k3a_bus *b = &s->buses[i];
    const struct k3a_sc_point *p =
        &r->sc.bus[gen ? K3A_CASE_GEN : K3A_CASE_MIN][i];
    const char *clause = j->clause;
    struct k3a_finding *f;
    struct k3a_clearing line;
    double limit = j->limit_s, t, trcd;
    int32_t dev, rdev = -1;
    int never;
    const char *gid = gen ? ", suplai genset" : "";
    const char *gen_ = gen ? ", generator supply" : "";

    /* REF: IEC 60364-4-41 411.3.2.3: the circuit feeding the bus is
     * protected by the device that feeds it, not by the board's own
     * incomer (which does not see a fault in the cable or on its own
     * incoming terminals); the incomer only where nothing upstream is
     * known (a board fed straight from a supply or transformer) */
    if (p->ik3_kA > 0) {
        k3a_clearing_eval_line(s, r->models, r->trip_prep, &r->sc, i,
                               gen ? K3A_CASE_GEN : K3A_CASE_MIN, ik1_kA / p->ik3_kA,
                               &line);
        if (!line.no_device)
            cl = &line;
    }
    t = cl->uncapped_s;
    dev = cl->device;
    /* an RCD on the path opens first when it is faster */
    trcd = p->ik3_kA > 0 ? rcd_time_s(r, j, i, gen ? K3A_CASE_GEN : K3A_CASE_MIN,
                                      ik1_kA / p->ik3_kA, &rdev)
                         : INFINITY;
    if (rdev >= 0 && !(t <= trcd)) {
        t = trcd;
        dev = rdev;
    }

    if (gen && p->ik1_cold) {
        /* review r3-code 10: the I''k1 at the end-of-fault temperature
         * (IEC 60909-0 eq. 22) could not be computed; the 20 C current is
         * higher and would give a lenient verdict: not judged */
        f = k3a__finding_new(r, K3A_KIND_BUS, (int32_t)i, "disconnection_time", K3A_WARN,
                             NAN, limit, "s", clause,
                             "Gangguan tanah di %s (suplai genset): arus I''k1 pada suhu "
                             "akhir gangguan tidak dapat dihitung, waktu pemutusan tidak "
                             "dinilai",
                             "Earth fault at %s (generator supply): I''k1 at the "
                             "end-of-fault temperature could not be computed, the "
                             "disconnection time is not judged",
                             b->hdr.name);
        return f ? K3A_OK : K3A_E_NOMEM;
    }
    never = dev < 0 || !isfinite(t);
    if (never && cl->no_device)
        return K3A_OK; /* no device on the path: the clearing finding says so */
    if (never) {
        f = k3a__finding_new(r, K3A_KIND_BUS, (int32_t)i, "disconnection_time", K3A_FAIL,
                             NAN, limit, "s", clause, NULL, NULL);
        if (!f)
            return K3A_E_NOMEM;
        k3a__finding_title_lang(r, f, K3A_LANG_ID,
                 "Gangguan tanah di %s: tidak ada gawai yang bekerja dalam "
                 "%.3g s pada I''k1 %.3g kA (sirkit distribusi%s)",
                 b->hdr.name, limit, ik1_kA, gid);
        k3a__finding_title_lang(r, f, K3A_LANG_EN,
                 "Earth fault at %s: no device operates within %.3g s at "
                 "I''k1 %.3g kA (distribution circuit%s)",
                 b->hdr.name, limit, ik1_kA, gen_);
        if (!gen) {
            /* dev: the device on the path that does not operate in time */
            r->prot[i].disc_device = dev;
            r->prot[i].disc_finding = r->n_findings;
        } else {
            r->prot[i].disc_gen_finding = r->n_findings;
        }
        return K3A_OK;
    }
    f = k3a__finding_new(r, K3A_KIND_BUS, (int32_t)i, "disconnection_time",
                         t > limit ? K3A_FAIL : K3A_PASS, t, limit, "s", clause, NULL,
                         NULL);
    if (!f)
        return K3A_E_NOMEM;
    k3a__finding_title_lang(r, f, K3A_LANG_ID,
             "Waktu pemutusan gangguan tanah di %s oleh %s pada I''k1 "
             "%.3g kA: %.*g s (sirkit distribusi%s)",
             b->hdr.name, s->devices[dev].hdr.name, ik1_kA, k3a__vs_digits(t, limit), t,
             gid);
    k3a__finding_title_lang(r, f, K3A_LANG_EN,
             "Earth-fault disconnection at %s by %s at I''k1 %.3g kA: %.*g s "
             "(distribution circuit%s)",
             b->hdr.name, s->devices[dev].hdr.name, ik1_kA, k3a__vs_digits(t, limit), t,
             gen_);
    if (!gen) {
        r->prot[i].disc_device = dev;
        r->prot[i].disc_finding = r->n_findings;
    } else {
        r->prot[i].disc_gen_finding = r->n_findings;
    }
    return K3A_OK;
}

/* Every bus's earth-fault disconnection time. */
static enum k3a_status earth_fault_disconnection(struct k3a_results *r)
{
    const struct k3a_site *s = r->site;
    struct disc_judge j;
    size_t i;
    enum k3a_status st;

    disc_judge_init(r, &j);
    /* REF: IEC 60364-6 61.3.6 (PUIL 2011 61.3.6): a loop reading on the
     * circuit feeding a board may govern the normal-supply verdict; the
     * measurement stage decides that once the loop verdicts are known
     * (loop_governs, measure_loop.c), from disc_device/disc_finding */
    for (i = 0; i < s->n_buses; i++) {
        struct k3a_bus_prot *bp = &r->prot[i];
        bp->disc_device = -1;
        bp->disc_finding = 0;
        bp->disc_gen_finding = 0;
        if (bp->has_ik1 &&
            (st = disconnection_one(r, &j, i, &bp->at_ik1, bp->ik1_min_kA, 0)) != K3A_OK)
            return st;
        if (bp->has_ik1_gen &&
            (st = disconnection_one(r, &j, i, &bp->at_ik1_gen, bp->ik1_gen_kA, 1)) != K3A_OK)
            return st;
    }
    return K3A_OK;
}

/* site-format 9 Clearing device: on each path the first device to open
 * ends the fault; an upstream device opening before the bus's own
 * protection is a loss of selectivity. */
static enum k3a_status coordination(struct k3a_results *r)
{
    const struct k3a_site *s = r->site;
    size_t i;

    for (i = 0; i < s->n_buses; i++) {
        const struct k3a_clearing *cl = &r->prot[i].at_ik3[K3A_CASE_MAX];
        struct k3a_finding *f;
        size_t g;
        int standby = 0;
        if (!r->sc.has_case[K3A_CASE_MAX] || !r->sc.bus[K3A_CASE_MAX][i].energized ||
            !cl->backup || cl->device < 0 || cl->capped)
            continue;
        /* a standby generator's bus is isolated by its changeover switch in
         * the normal configuration: its faults belong to its own case */
        for (g = 0; g < s->n_generators; g++)
            if (s->generators[g].bus.idx == (int32_t)i &&
                s->generators[g].mode == K3A_GEN_STANDBY)
                standby = 1;
        if (standby)
            continue;
        /* REF: IEC 60364-5-53:2019 536.4.1 (selectivity between overcurrent
         * protective devices); IEC 60947-2 Annex A */
        f = k3a__finding_new(r, K3A_KIND_BUS, (int32_t)i, "coordination", K3A_WARN,
                             cl->time_s, NAN, "s",
                             "IEC 60364-5-53 536.4.1; IEC 60947-2 {Lampiran|Annex} A",
                             "Gangguan di %s diputus lebih dulu oleh %s di hulu (%.3g s), "
                             "bukan oleh pengaman bus itu sendiri: selektivitas hilang",
                             "A fault at %s is cleared first by upstream %s (%.3g s), not "
                             "by the bus's own protection: selectivity is lost",
                             s->buses[i].hdr.name, s->devices[cl->device].hdr.name,
                             cl->time_s);
        if (!f)
            return K3A_E_NOMEM;
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
        if (cl->device >= 0 && isfinite(cl->uncapped_s)) {
            /* a device clears it, later than arc_time_max_s: the arc
             * duration is capped (IEEE 1584-2018 6.9.1); not a missing
             * protection, so its own check (no hazard rule reads it) */
            f = k3a__finding_new(r, K3A_KIND_BUS, (int32_t)i, "clearing_slow", K3A_WARN,
                                 cl->uncapped_s, s->site.arc_time_max_s, "s",
                                 "IEEE 1584-2018 6.9.1 (2 s)",
                                 "Gangguan di %s diputus %s dalam %.*g s, lebih lama dari "
                                 "batas lama busur %.3g s: lama busur dibatasi",
                                 "A fault at %s is cleared by %s in %.*g s, longer than "
                                 "the arc-duration limit of %.3g s: the arc duration is "
                                 "capped",
                                 s->buses[i].hdr.name, s->devices[cl->device].hdr.name,
                                 k3a__vs_digits(cl->uncapped_s, s->site.arc_time_max_s),
                                 cl->uncapped_s, s->site.arc_time_max_s);
            if (!f)
                return K3A_E_NOMEM;
            continue;
        }
        f = k3a__finding_new(r, K3A_KIND_BUS, (int32_t)i, "clearing", K3A_WARN,
                             cl->time_s, NAN, "s",
                             "PUIL 2011 434 = IEC 60364-4-43 434.5.2; IEEE 1584-2018 6.9.1 "
                             "(2 s)",
                             "Gangguan di %s tidak diputus gawai yang diketahui dalam "
                             "%.3g s: lama busur dibatasi sampai batas itu",
                             "No known device clears a fault at %s within %.3g s: the arc "
                             "duration is capped at that limit",
                             s->buses[i].hdr.name, s->site.arc_time_max_s);
        if (!f)
            return K3A_E_NOMEM;
    }
    return K3A_OK;
}

/* site-format 9 Nominal voltages: a low-voltage bus whose voltage_kV is no
 * IEC 60038 system gets U0 = Un/sqrt(3) and a warning; a single-phase bus
 * written with its line-to-earth voltage (0.23 under 0.4) gets a warning
 * naming the likely mistake. */
static void voltage_warnings(const struct k3a_results *r, struct k3a_diag_list *dl)
{
    const struct k3a_site *s = r->site;
    size_t i;

    for (i = 0; i < s->n_buses; i++) {
        const struct k3a_bus *b = &s->buses[i];
        struct k3a_loc l = { s->path, b->hdr.line, "", "voltage_kV" };
        char lbl[96];
        int listed;
        double u0;
        if (!(b->voltage_kV > 0.05) || b->voltage_kV > 1.0)
            continue;
        u0 = k3a__nominal_u0_V(r, b->voltage_kV, &listed);
        if (listed)
            continue;
        snprintf(lbl, sizeof(lbl), "bus %s", b->hdr.name);
        l.element = lbl;
        k3a_diag_add_lang(dl, K3A_WARNING, K3A_E_INPUT, l,
                          "%g kV is not a nominal system of IEC 60038 (0.38, 0.4, "
                          "0.415, 0.69): U0 = Un/sqrt(3) = %.1f V is used for its limits",
                          "%g kV bukan sistem nominal IEC 60038 (0,38; 0,4; 0,415; "
                          "0,69 kV): U0 = Un/akar(3) = %.1f V dipakai untuk batasnya",
                          b->voltage_kV, u0);
    }
    for (i = 0; i < s->n_cables; i++) {
        const struct k3a_cable *c = &s->cables[i];
        const struct k3a_bus *a, *b;
        struct k3a_loc l = { s->path, 0, "", "voltage_kV" };
        char lbl[96];
        if (c->from.kind != K3A_KIND_BUS || c->to.kind != K3A_KIND_BUS ||
            c->from.idx < 0 || c->to.idx < 0)
            continue;
        a = &s->buses[c->from.idx];
        b = &s->buses[c->to.idx];
        if (b->phases != 1 || !(a->voltage_kV > 0) ||
            fabs(b->voltage_kV * sqrt(3.0) / a->voltage_kV - 1.0) > 0.06)
            continue;
        snprintf(lbl, sizeof(lbl), "bus %s", b->hdr.name);
        l.element = lbl;
        l.line = b->hdr.line;
        k3a_diag_add_lang(dl, K3A_WARNING, K3A_E_INPUT, l,
                          "single-phase bus at %g kV under %s at %g kV: voltage_kV is "
                          "the system's line-to-line value (%g), not the line-to-earth "
                          "one",
                          "PHB satu fasa %g kV di bawah %s %g kV: tegangan yang ditulis "
                          "adalah tegangan antarfasa sistem (%g kV), bukan tegangan "
                          "fasa-tanah",
                          b->voltage_kV, a->hdr.name, a->voltage_kV, a->voltage_kV);
    }
}

static void prepare_all(struct k3a_results *r);
static void clearing_all(struct k3a_results *r);

enum k3a_status k3a__protection_stage(struct k3a_results *r,
                                      struct k3a_diag_list *dl)
{
    const struct k3a_site *s = r->site;
    enum k3a_status st;

    (void)at_is_bus;
    voltage_warnings(r, dl);
    r->prot = calloc(s->n_buses + 1, sizeof(*r->prot));
    r->trip_prep = calloc(s->n_devices + 1, sizeof(*r->trip_prep));
    if (!r->prot || !r->trip_prep)
        return K3A_E_NOMEM;
    prepare_all(r);
    clearing_all(r);
    if ((st = breaking_capacity(r)) != K3A_OK ||
        (st = withstand(r)) != K3A_OK || (st = no_curve_devices(r)) != K3A_OK ||
        (st = earth_fault_disconnection(r)) != K3A_OK ||
        (st = unprotected_buses(r)) != K3A_OK || (st = coordination(r)) != K3A_OK)
        return st;
    return K3A_OK;
}

/* The trip data of every device. */
static void prepare_all(struct k3a_results *r)
{
    k3a_devices_prepare(r->site->devices, r->site->n_devices, r->models, r->trip_prep);
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
        if (r->sc.has_case[K3A_CASE_GEN]) {
            const struct k3a_sc_point *p = &r->sc.bus[K3A_CASE_GEN][i];
            if (p->energized && p->has_ik1 && p->ik3_kA > 0) {
                bp->has_ik1_gen = 1;
                bp->ik1_gen_kA = p->ik1_kA;
                k3a_clearing_eval(s, r->models, r->trip_prep, &r->sc, i, K3A_CASE_GEN,
                                  p->ik1_kA / p->ik3_kA, &bp->at_ik1_gen);
            }
        }
    }
}
