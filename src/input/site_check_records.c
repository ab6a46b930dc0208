/*
 * site_check_records.c - the site check of the records (site_check.c
 * runs it): measurements and their instruments' calibration dates,
 * energy bills, observations and their risk scores, variants.
 *
 * REF: docs/site-format.md sections 1-8.  No file I/O here.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "names.h"
#include "parse.h"
#include "sitecheck.h"
#include "k3audit/risk.h"
#include "k3audit/load.h"
#include "k3audit/models.h"

static void check_instrument_dates(struct ck *c, enum k3a_kind kind,
                                   size_t idx)
{
    struct k3a_site *s = c->site;
    char *e = k3a__elem_ptr(s, kind, idx);
    struct k3a_elem *h = (struct k3a_elem *)(void *)e;
    struct k3a_meas *m = (struct k3a_meas *)(void *)(e + sizeof(struct k3a_elem));
    size_t j;

    /* every measurement struct has its k3a_meas right after the head */
    if (!m->test_date.y) {
        m->test_date = s->site.audit_date;
    } else if (s->site.audit_date.y &&
               k3a_date_days(m->test_date) > k3a_date_days(s->site.audit_date))
        ERR(c, kind, h, "test_date", "is after the audit_date");
    for (j = 0; j < m->instrument.n; j++) {
        const struct k3a_ref *r = &m->instrument.v[j];
        const struct k3a_instrument *in;
        if (r->idx < 0)
            continue;
        in = &s->instruments[r->idx];
        if (in->calibration_due.y &&
            k3a_date_days(m->test_date) > k3a_date_days(in->calibration_due))
            WARN2(c, kind, h, "instrument",
                  "'%s' was past its calibration due date (%04d-%02d-%02d) "
                  "on the test date",
                  "alat ukur '%s' sudah lewat tanggal kalibrasi ulang "
                  "(%04d-%02d-%02d) pada tanggal uji",
                  in->hdr.name, in->calibration_due.y, in->calibration_due.m,
                  in->calibration_due.d);
    }
}

/* An instrument's calibration due date after its calibration date. */
static void check_instrument_calibration(struct ck *c)
{
    struct k3a_site *s = c->site;
    size_t i;

    for (i = 0; i < s->n_instruments; i++) {
        struct k3a_instrument *in = &s->instruments[i];
        if (in->calibrated.y && in->calibration_due.y &&
            k3a_date_days(in->calibration_due) < k3a_date_days(in->calibrated))
            /* site-format 9: a warning (one of the two dates is wrong) */
            WARN2(c, K3A_KIND_INSTRUMENT, in, "calibration_due",
                  "is before the calibration date: one of the two dates is wrong%s",
                  "tanggal kalibrasi ulang sebelum tanggal kalibrasi: salah satu "
                  "tanggal keliru%s", "");
    }
}

/* Each earthing measured: a resistance, or fall-of-potential readings
 * with the current probe beyond every potential probe. */
static void check_earthings(struct ck *c)
{
    struct k3a_site *s = c->site;
    size_t i, j;

    for (i = 0; i < s->n_earthings; i++) {
        struct k3a_earthing *e = &s->earthings[i];
        int has_m = GIVEN(K3A_KIND_EARTHING, e, "measured_ohm");
        if (!has_m && !e->readings.n &&
            !k3a_elem_key_line(&e->hdr, (unsigned)k3a__key_index(
                                            k3a__site_kind(K3A_KIND_EARTHING),
                                            "measured_ohm")) &&
            !k3a_elem_key_line(&e->hdr, (unsigned)k3a__key_index(
                                            k3a__site_kind(K3A_KIND_EARTHING),
                                            "readings")))
            ERR(c, K3A_KIND_EARTHING, e, "measured_ohm",
                "missing required key (or readings)");
        if (e->readings.n) {
            if (!GIVEN(K3A_KIND_EARTHING, e, "current_probe_m"))
                ERR(c, K3A_KIND_EARTHING, e, "current_probe_m",
                    "missing: fall-of-potential readings need the current "
                    "probe distance");
            else
                for (j = 0; j < e->readings.n; j++)
                    if (!(e->readings.x[j] < e->current_probe_m)) {
                        ERR(c, K3A_KIND_EARTHING, e, "readings",
                            "potential probe at %.4g m is not between the "
                            "electrode and the current probe (%.4g m)",
                            e->readings.x[j], e->current_probe_m);
                        break;
                    }
            if (!GIVEN(K3A_KIND_EARTHING, e, "method"))
                e->method = K3A_EM_FALL_OF_POTENTIAL;
        }
        if (e->readings.n == 0 && GIVEN(K3A_KIND_EARTHING, e, "method") &&
            (e->method == K3A_EM_SLOPE))
            ERR(c, K3A_KIND_EARTHING, e, "readings",
                "method = slope needs the fall-of-potential readings");
    }
}

/* Each soil survey: readings or resistivity, within the points of one
 * survey, the Schlumberger method with its potential spacing. */
static void check_soils(struct ck *c)
{
    struct k3a_site *s = c->site;
    size_t i;

    for (i = 0; i < s->n_soils; i++) {
        struct k3a_soil *so = &s->soils[i];
        if (so->readings.n && so->resistivity.n)
            ERR(c, K3A_KIND_SOIL, so, "resistivity",
                "give readings or resistivity, not both");
        else if (!so->readings.n && !so->resistivity.n)
            ERR(c, K3A_KIND_SOIL, so, "readings",
                "missing required key (or resistivity)");
        if (so->readings.n > K3A_SOIL_MAX_POINTS || so->resistivity.n > K3A_SOIL_MAX_POINTS)
            ERR(c, K3A_KIND_SOIL, so, so->readings.n ? "readings" : "resistivity",
                "%zu spacings; at most %d in one survey (split it into two [soil] "
                "sections)",
                so->readings.n ? so->readings.n : so->resistivity.n,
                K3A_SOIL_MAX_POINTS);
        if (so->method == K3A_SOIL_SCHLUMBERGER &&
            !GIVEN(K3A_KIND_SOIL, so, "potential_spacing_m"))
            ERR(c, K3A_KIND_SOIL, so, "potential_spacing_m",
                "missing: the Schlumberger method needs it");
    }
}

/* Each insulation test: where (circuit or location) and a reading. */
static void check_insulations(struct ck *c)
{
    struct k3a_site *s = c->site;
    size_t i;

    for (i = 0; i < s->n_insulations; i++) {
        struct k3a_insulation *t = &s->insulations[i];
        if (!t->circuit.name && !t->location)
            ERR(c, K3A_KIND_INSULATION, t, "circuit",
                "missing required key (or location)");
        if (!t->readings_Mohm.n && !GIVEN(K3A_KIND_INSULATION, t, "r1min_Mohm") &&
            !GIVEN(K3A_KIND_INSULATION, t, "r30s_Mohm") &&
            !GIVEN(K3A_KIND_INSULATION, t, "r10min_Mohm"))
            ERR(c, K3A_KIND_INSULATION, t, "readings_Mohm",
                "no reading: give readings_Mohm or r1min_Mohm");
    }
}

/* Each loop test: where (circuit or location) and a measurement. */
static void check_loops(struct ck *c)
{
    struct k3a_site *s = c->site;
    size_t i;

    for (i = 0; i < s->n_loops; i++) {
        struct k3a_loop *t = &s->loops[i];
        if (!t->circuit.name && !t->location)
            ERR(c, K3A_KIND_LOOP, t, "circuit",
                "missing required key (or location)");
        if (!GIVEN(K3A_KIND_LOOP, t, "zs_ohm") && !GIVEN(K3A_KIND_LOOP, t, "psc_kA") &&
            !GIVEN(K3A_KIND_LOOP, t, "pe_ohm") && !GIVEN(K3A_KIND_LOOP, t, "touch_V"))
            ERR(c, K3A_KIND_LOOP, t, NULL,
                "no measurement: give zs_ohm, psc_kA, pe_ohm or touch_V");
    }
}

/* Each RCD test: its device or bus, and its rated current (given, or the
 * device's rcd_mA as a default, not disagreeing with it). */
static void check_rcds(struct ck *c)
{
    struct k3a_site *s = c->site;
    size_t i;

    for (i = 0; i < s->n_rcds; i++) {
        struct k3a_rcd *r = &s->rcds[i];
        const struct k3a_device *d =
            r->device.idx >= 0 ? &s->devices[r->device.idx] : NULL;
        if (!r->device.name && !r->bus.name)
            ERR(c, K3A_KIND_RCD, r, "device", "missing required key (or bus)");
        if (d && GIVEN(K3A_KIND_DEVICE, d, "rcd_mA")) {
            if (!GIVEN(K3A_KIND_RCD, r, "rated_mA")) {
                r->rated_mA = d->rcd_mA;
                k3a__ck_add_default(c, K3A_KIND_RCD, i, "rated_mA", r->rated_mA,
                            "the device's rcd_mA");
            } else if (fabs(r->rated_mA - d->rcd_mA) > 1e-9)
                ERR(c, K3A_KIND_RCD, r, "rated_mA",
                    "%.4g mA disagrees with device '%s' rcd_mA = %.4g",
                    r->rated_mA, d->hdr.name, d->rcd_mA);
        } else if (!GIVEN(K3A_KIND_RCD, r, "rated_mA") &&
                   !k3a_elem_key_line(&r->hdr, (unsigned)k3a__key_index(
                                                   k3a__site_kind(K3A_KIND_RCD),
                                                   "rated_mA")))
            ERR(c, K3A_KIND_RCD, r, "rated_mA",
                "missing: give rated_mA (or rcd_mA on the device)");
    }
}

/* Each thermography: where (bus or location), and a reference or
 * ambient temperature for a temperature-rise verdict. */
static void check_thermographies(struct ck *c)
{
    struct k3a_site *s = c->site;
    size_t i;

    for (i = 0; i < s->n_thermographies; i++) {
        struct k3a_thermography *t = &s->thermographies[i];
        if (!t->bus.name && !t->location)
            ERR(c, K3A_KIND_THERMOGRAPHY, t, "bus",
                "missing required key (or location)");
        if (!GIVEN(K3A_KIND_THERMOGRAPHY, t, "reference_C") &&
            !GIVEN(K3A_KIND_THERMOGRAPHY, t, "ambient_C"))
            WARN2(c, K3A_KIND_THERMOGRAPHY, t, NULL,
                  "neither reference_C nor ambient_C: no temperature-rise "
                  "verdict is possible%s",
                  "suhu pembanding dan suhu sekitar tidak diberikan: kenaikan "
                  "suhu tidak dapat dinilai%s", "");
    }
}

/* Each power-quality record: as many voltages as the bus has phases,
 * one or three currents. */
static void check_pqs(struct ck *c)
{
    struct k3a_site *s = c->site;
    size_t i;

    for (i = 0; i < s->n_pqs; i++) {
        struct k3a_pq *q = &s->pqs[i];
        int ph = q->bus.idx >= 0 ? s->buses[q->bus.idx].phases : 3;
        if (q->voltage_V.n && q->voltage_V.n != (ph == 1 ? 1u : 3u))
            ERR(c, K3A_KIND_PQ, q, "voltage_V",
                "give %s, not %zu values",
                ph == 1 ? "one value on a single-phase bus"
                        : "three line-to-line values",
                q->voltage_V.n);
        if (q->current_A.n && q->current_A.n != 1 && q->current_A.n != 3)
            ERR(c, K3A_KIND_PQ, q, "current_A",
                "give one value or three, not %zu", q->current_A.n);
    }
}

/* The measurements: each one's test date and instruments, then each
 * kind's own keys. */
static void check_measurements(struct ck *c)
{
    struct k3a_site *s = c->site;
    size_t i, k;

    for (k = 0; k < K3A_KIND_COUNT; k++)
        if (k3a__site_kind((enum k3a_kind)k)->flags & K3A__KIND_MEAS)
            for (i = 0; i < k3a_site_count(s, (enum k3a_kind)k); i++)
                check_instrument_dates(c, (enum k3a_kind)k, i);
    check_instrument_calibration(c);
    check_earthings(c);
    check_soils(c);
    check_insulations(c);
    check_loops(c);
    check_rcds(c);
    check_thermographies(c);
    check_pqs(c);
}

static void check_bills(struct ck *c)
{
    struct k3a_site *s = c->site;
    size_t i;

    for (i = 0; i < s->n_bills; i++) {
        struct k3a_bill *b = &s->bills[i];
        const char *n = b->hdr.name;
        int tou = GIVEN(K3A_KIND_BILL, b, "kWh_lwbp") ||
                  GIVEN(K3A_KIND_BILL, b, "kWh_wbp");
        int single = GIVEN(K3A_KIND_BILL, b, "kWh");
        if (strlen(n) != 7 || n[4] != '-' || n[0] < '1' || n[0] > '2' ||
            !(n[5] == '0' || n[5] == '1')) {
            ERR(c, K3A_KIND_BILL, b, NULL,
                "a bill is named by its month, YYYY-MM (e.g. [bill 2025-01])");
        } else {
            b->year = atoi(n);
            b->month = atoi(n + 5);
            if (b->month < 1 || b->month > 12 || b->year < 1990)
                ERR(c, K3A_KIND_BILL, b, NULL, "'%s' is not a month", n);
        }
        if (tou && single)
            ERR(c, K3A_KIND_BILL, b, "kWh",
                "give kWh_lwbp and kWh_wbp, or kWh (single-rate), not both");
        else if (tou && (!GIVEN(K3A_KIND_BILL, b, "kWh_lwbp") ||
                         !GIVEN(K3A_KIND_BILL, b, "kWh_wbp")))
            ERR(c, K3A_KIND_BILL, b,
                GIVEN(K3A_KIND_BILL, b, "kWh_lwbp") ? "kWh_wbp" : "kWh_lwbp",
                "missing: a time-of-use bill has both kWh_lwbp and kWh_wbp");
        else if (!tou && !single)
            ERR(c, K3A_KIND_BILL, b, "kWh_lwbp",
                "missing required key (kWh_lwbp and kWh_wbp, or kWh)");
    }
}

static void check_observations(struct ck *c)
{
    struct k3a_site *s = c->site;
    size_t i, f, j;

    for (i = 0; i < s->n_observations; i++) {
        struct k3a_observation *o = &s->observations[i];
        if (!o->item || !c->models)
            continue;
        if (!k3a_models_obs_item(c->models, o->item)) {
            const char *best = NULL;
            int bestd = 4;
            for (f = 0; f < c->models->n; f++)
                for (j = 0; j < c->models->files[f].n_items; j++) {
                    const char *cand = c->models->files[f].items[j].hdr.name;
                    int d = k3a__edit_distance(o->item, cand);
                    if (d < bestd) {
                        bestd = d;
                        best = cand;
                    }
                }
            if (best)
                ERR(c, K3A_KIND_OBSERVATION, o, "item",
                    "'%s' is not in the checklist (did you mean '%s'?)",
                    o->item, best);
            else
                ERR(c, K3A_KIND_OBSERVATION, o, "item",
                    "'%s' is not in the checklist (k3audit models lists it)",
                    o->item);
        } else if (strcmp(o->item, "other") == 0 && !o->hdr.note)
            ERR(c, K3A_KIND_OBSERVATION, o, "note",
                "missing: item = other needs a note saying what was seen");
    }
    for (i = 0; i < s->n_hazards; i++) {
        struct k3a_hazard *h = &s->hazards[i];
        if (GIVEN(K3A_KIND_HAZARD, h, "likelihood_after") !=
            GIVEN(K3A_KIND_HAZARD, h, "severity_after"))
            ERR(c, K3A_KIND_HAZARD, h,
                GIVEN(K3A_KIND_HAZARD, h, "likelihood_after")
                    ? "severity_after"
                    : "likelihood_after",
                "likelihood_after and severity_after go together");
    }
}

static void check_variants(struct ck *c)
{
    struct k3a_site *s = c->site;
    size_t i, j;

    for (i = 0; i < s->n_variants; i++) {
        struct k3a_variant *v = &s->variants[i];
        for (j = 0; j < v->set.n; j++) {
            const char *eq = strchr(v->set.v[j], '=');
            const char *dot = strchr(v->set.v[j], '.');
            if (!eq || !dot || dot > eq)
                ERR(c, K3A_KIND_VARIANT, v, "set",
                    "'%s' is not kind.name.key=value (or site.key=value)",
                    v->set.v[j]);
        }
        for (j = 0; j < v->drop.n; j++) {
            const char *dot = strchr(v->drop.v[j], '.');
            enum k3a_kind fk;
            int32_t fi;
            if (!dot || strchr(v->drop.v[j], '='))
                ERR(c, K3A_KIND_VARIANT, v, "drop",
                    "'%s' is not kind.name", v->drop.v[j]);
            else if (!k3a_site_find(s, dot + 1, &fk, &fi))
                ERR(c, K3A_KIND_VARIANT, v, "drop", "no element named '%s'",
                    dot + 1);
        }
    }
}


void k3a__check_records(struct ck *c)
{
    check_measurements(c);
    check_bills(c);
    check_observations(c);
    check_variants(c);
}
