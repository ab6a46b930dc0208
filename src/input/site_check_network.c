/*
 * site_check_network.c - the site check of the network's elements
 * (site_check.c runs it): the site and its supplies, generators,
 * transformers, buses, cables, devices, capacitors and loads, each
 * kind's keys consistent with each other and with what they refer to,
 * and the computed defaults recorded.
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

/* ---- per-kind checks --------------------------------------------------- */

static double node_voltage_kV(const struct k3a_site *s, const struct k3a_ref *r)
{
    if (r->idx < 0)
        return NAN;
    if (r->kind == K3A_KIND_BUS)
        return s->buses[r->idx].voltage_kV;
    if (r->kind == K3A_KIND_SUPPLY)
        return s->supplies[r->idx].voltage_kV;
    return NAN;
}

static void check_voltage_match(struct ck *c, enum k3a_kind kind,
                                const struct k3a_elem *e, const char *key,
                                double rated_kV, const struct k3a_ref *node)
{
    double un = node_voltage_kV(c->site, node), dev;

    if (!k3a_elem_given(kind, e, key) || !isfinite(un) || !(un > 0))
        return; /* a value that failed to parse was reported already */
    dev = fabs(rated_kV - un) / un * 100.0;
    if (dev > 10.0)
        ERR(c, kind, e, key,
            "rated %.4g kV is %.1f %% from %s's %.4g kV (more than 10 %%)",
            rated_kV, dev, node->name, un);
    else if (dev > 5.0)
        WARN2(c, kind, e, key,
              "rated %.4g kV is %.1f %% from %s's %.4g kV (more than 5 %%)",
              "tegangan pengenal %.4g kV berbeda %.1f %% dari %s %.4g kV (lebih dari "
              "5 %%)",
              rated_kV, dev, node->name, un);
}

static int ref_eq(const struct k3a_ref *a, const struct k3a_ref *b)
{
    return a->idx >= 0 && a->idx == b->idx && a->kind == b->kind;
}

/* Is there a model row of this kind word with this name (e.g. an [lpd]
 * or [grid] row)?  The names of the rows found go to list (for the
 * message). */
static int model_row_named(const struct k3a_models *m, const char *field, const char *name,
                           char *list, size_t n)
{
    size_t f, i, u = 0;
    int found = 0;

    list[0] = '\0';
    for (f = 0; f < m->n; f++) {
        const struct k3a_model_file *mf = &m->files[f];
        size_t cnt = strcmp(field, "lpd") == 0 ? mf->n_lpds : mf->n_grids;
        for (i = 0; i < cnt; i++) {
            const char *nm = strcmp(field, "lpd") == 0 ? mf->lpds[i].hdr.name
                                                        : mf->grids[i].hdr.name;
            found |= strcmp(nm, name) == 0;
            if (u < n)
                u += (size_t)snprintf(list + u, n - u, "%s%s", u ? ", " : "", nm);
        }
    }
    return found;
}

static void check_site(struct ck *c)
{
    struct k3a_site *s = c->site;
    struct k3a_site_info *si = &s->site;

    if (!k3a_site_count(s, K3A_KIND_SITE)) {
        struct k3a_loc l = { c->file, 1, "site", "" };
        k3a_diag_add(c->dl, K3A_ERROR, K3A_E_MISSING_KEY, l,
                     "missing [site] section (name, audit_date)");
        return;
    }
    if (GIVEN(K3A_KIND_SITE, si, "lv_tolerance_pct") &&
        fabs(si->lv_tolerance_pct - 6.0) > 1e-9 &&
        fabs(si->lv_tolerance_pct - 10.0) > 1e-9)
        ERR(c, K3A_KIND_SITE, si, "lv_tolerance_pct",
            "must be 6 or 10 (IEC 60909-0 Table 1 voltage factor c)");
    if (GIVEN(K3A_KIND_SITE, si, "frequency_Hz") &&
        fabs(si->frequency_Hz - 50.0) > 1e-9 &&
        fabs(si->frequency_Hz - 60.0) > 1e-9)
        ERR(c, K3A_KIND_SITE, si, "frequency_Hz", "must be 50 or 60");
    if (!si->limits) {
        si->limits = k3a__pool_strdup(&c->site->names->text, "puil2011");
        if (!si->limits)
            c->oom = 1;
    }
    if (!si->risk_profile) {
        si->risk_profile = k3a__pool_strdup(&c->site->names->text, "as_nzs_4360");
        if (!si->risk_profile)
            c->oom = 1;
    }
    if (si->limits && c->models && !k3a_models_limits(c->models, si->limits))
        ERR(c, K3A_KIND_SITE, si, "limits",
            "no limits set '%s' in the models (k3audit models lists them)",
            si->limits);
    if (si->risk_profile && c->models) {
        struct k3a_risk_profile rp;
        if (k3a_risk_profile_get(c->models, si->risk_profile, &rp) != 0)
            ERR(c, K3A_KIND_SITE, si, "risk_profile",
                "no risk profile '%s' in the models (a models file with id "
                "risk-%s; k3audit models lists them)",
                si->risk_profile, si->risk_profile);
    }
    if (si->grid && c->models) {
        char names[256];
        if (!model_row_named(c->models, "grid", si->grid, names, sizeof(names)))
            ERR(c, K3A_KIND_SITE, si, "grid",
                "no grid '%s' in the emission-factor table (models: %s)", si->grid,
                names);
    }
    if (si->previous_inspection.y && si->audit_date.y &&
        k3a_date_days(si->previous_inspection) >
            k3a_date_days(si->audit_date))
        ERR(c, K3A_KIND_SITE, si, "previous_inspection",
            "is after audit_date");
}

static void check_supply(struct ck *c)
{
    struct k3a_site *s = c->site;
    size_t i;

    if (!s->n_supplies) {
        struct k3a_loc l = { c->file, s->site.hdr.line > 0 ? s->site.hdr.line : 1,
                             "supply", "" };
        k3a_diag_add(c->dl, K3A_ERROR, K3A_E_MISSING_KEY, l,
                     "missing [supply NAME] section (the PLN connection)");
    }
    if (s->n_supplies && !s->n_buses && !c->dl->n_errors) {
        /* a site of field measurements only (issue 20): accepted, and the
         * tester told what such an audit can and cannot judge */
        struct k3a_loc l = { c->file, s->site.hdr.line > 0 ? s->site.hdr.line : 1, "site",
                             "" };
        k3a_diag_add(c->dl, K3A_WARNING, K3A_E_INPUT, l,
                     "no [bus] section: the audit judges the field measurements, "
                     "observations, hazards and bills, but computes no short circuit, "
                     "protection, arc flash, cable or load check (these need the network)");
    }
    for (i = 0; i < s->n_supplies; i++) {
        struct k3a_supply *p = &s->supplies[i];
        if (p->tariff && c->models) {
            int found = 0;
            size_t f, t;
            for (f = 0; f < c->models->n; f++)
                for (t = 0; t < c->models->files[f].n_tariffs; t++)
                    found |= strcmp(c->models->files[f].tariffs[t].hdr.name, p->tariff) == 0;
            /* Permen ESDM 7/2024 Pasal 3 huruf a: the social group above
             * 200 kVA on medium voltage, S-3/TM before, is S-2/TM */
            int old_s3 = strcmp(p->tariff, "S-3") == 0;
            if (!found)
                WARN2(c, K3A_KIND_SUPPLY, p, "tariff",
                      "no [tariff %s] in the models (tariff-pln.ini): the bills are "
                      "not costed%s%.0s",
                      "golongan tarif %s tidak ada dalam tabel tarif: rekening tidak "
                      "dihitung biayanya%.0s%s",
                      p->tariff,
                      old_s3 ? " (Permen ESDM 7/2024 Pasal 3 huruf a: social service above "
                               "200 kVA on medium voltage is S-2/TM)"
                             : "",
                      old_s3 ? " (Permen ESDM 7/2024 Pasal 3 huruf a: pelayanan sosial di "
                               "atas 200 kVA pada tegangan menengah adalah S-2/TM)"
                             : "");
        }
        int mva = GIVEN(K3A_KIND_SUPPLY, p, "fault_level_MVA");
        int ka = GIVEN(K3A_KIND_SUPPLY, p, "fault_current_kA");
        if (i > 0)
            ERR(c, K3A_KIND_SUPPLY, p, NULL,
                "only one [supply] is allowed (the first is [supply %s])",
                s->supplies[0].hdr.name);
        if (mva && ka)
            ERR(c, K3A_KIND_SUPPLY, p, "fault_current_kA",
                "give one of fault_level_MVA and fault_current_kA, not both");
        else if (!mva && !ka &&
                 !k3a_elem_key_line(&p->hdr, (unsigned)k3a__key_index(
                                                 k3a__site_kind(K3A_KIND_SUPPLY),
                                                 "fault_level_MVA")) &&
                 !k3a_elem_key_line(&p->hdr, (unsigned)k3a__key_index(
                                                 k3a__site_kind(K3A_KIND_SUPPLY),
                                                 "fault_current_kA")))
            ERR(c, K3A_KIND_SUPPLY, p, "fault_level_MVA",
                "missing required key (or fault_current_kA): ask PLN for the "
                "fault level at the connection");
        if (GIVEN(K3A_KIND_SUPPLY, p, "fault_level_min_MVA")) {
            double max_MVA = mva ? p->fault_level_MVA
                                 : sqrt(3.0) * p->voltage_kV * p->fault_current_kA;
            if ((mva || ka) && p->fault_level_min_MVA > max_MVA)
                ERR(c, K3A_KIND_SUPPLY, p, "fault_level_min_MVA",
                    "%.4g MVA is above the maximum fault level %.4g MVA",
                    p->fault_level_min_MVA, max_MVA);
        }
    }
}

static void check_generators(struct ck *c)
{
    struct k3a_site *s = c->site;
    size_t i;

    for (i = 0; i < s->n_generators; i++) {
        struct k3a_generator *g = &s->generators[i];
        check_voltage_match(c, K3A_KIND_GENERATOR, &g->hdr, "voltage_kV",
                            g->voltage_kV, &g->bus);
        if (!GIVEN(K3A_KIND_GENERATOR, g, "xd2_pct"))
            WARN2(c, K3A_KIND_GENERATOR, g, NULL,
                  "no xd2_pct: the generator case of the short-circuit "
                  "calculation is not done%s",
                  "reaktansi subtransien genset tidak diberikan: kasus genset "
                  "perhitungan hubung singkat tidak dihitung%s", "");
    }
}

static void check_transformers(struct ck *c)
{
    struct k3a_site *s = c->site;
    size_t i;

    for (i = 0; i < s->n_transformers; i++) {
        struct k3a_transformer *t = &s->transformers[i];
        if (ref_eq(&t->from, &t->to))
            ERR(c, K3A_KIND_TRANSFORMER, t, "to", "from and to are the same");
        check_voltage_match(c, K3A_KIND_TRANSFORMER, &t->hdr, "primary_kV",
                            t->primary_kV, &t->from);
        check_voltage_match(c, K3A_KIND_TRANSFORMER, &t->hdr, "secondary_kV",
                            t->secondary_kV, &t->to);
        if (!GIVEN(K3A_KIND_TRANSFORMER, t, "vector_group") &&
            !t->vector_group) {
            t->vector_group = k3a__pool_strdup(&c->site->names->text, "Dyn11");
            if (!t->vector_group)
                c->oom = 1;
        }
        if (!GIVEN(K3A_KIND_TRANSFORMER, t, "rating_kVA"))
            continue; /* typical values go by the rating */
        if ((!GIVEN(K3A_KIND_TRANSFORMER, t, "impedance_pct") &&
             !k3a_elem_key_line(&t->hdr, (unsigned)k3a__key_index(
                                             k3a__site_kind(K3A_KIND_TRANSFORMER),
                                             "impedance_pct"))) ||
            !GIVEN(K3A_KIND_TRANSFORMER, t, "x_over_r")) {
            const struct k3a_tx_typical *ty =
                c->models ? k3a_models_tx_typical(c->models, t->rating_kVA)
                          : NULL;
            if (!GIVEN(K3A_KIND_TRANSFORMER, t, "impedance_pct") &&
                !k3a_elem_key_line(&t->hdr, (unsigned)k3a__key_index(
                                                k3a__site_kind(K3A_KIND_TRANSFORMER),
                                                "impedance_pct"))) {
                if (ty) {
                    t->impedance_pct = ty->impedance_pct;
                    k3a__ck_add_default(c, K3A_KIND_TRANSFORMER, i, "impedance_pct",
                                ty->impedance_pct, ty->clause);
                    WARN2(c, K3A_KIND_TRANSFORMER, t, NULL,
                          "no impedance_pct: typical %.3g %% for %.4g kVA "
                          "used (take the nameplate value)",
                          "impedansi trafo tidak diberikan: nilai tipikal %.3g %% "
                          "untuk %.4g kVA dipakai (ambil dari pelat nama)",
                          ty->impedance_pct, t->rating_kVA);
                } else {
                    ERR(c, K3A_KIND_TRANSFORMER, t, "impedance_pct",
                        "missing, and no typical value in the models for "
                        "%.4g kVA",
                        t->rating_kVA);
                }
            }
            if (!GIVEN(K3A_KIND_TRANSFORMER, t, "x_over_r")) {
                double r_pct = 0;
                if (GIVEN(K3A_KIND_TRANSFORMER, t, "load_loss_W") &&
                    t->impedance_pct > 0)
                    /* REF: IEC 60909-0 eq. (8): uRr = PkrT / SrT */
                    r_pct = t->load_loss_W / (t->rating_kVA * 1000.0) * 100.0;
                if (r_pct > 0 && r_pct < t->impedance_pct) {
                    double x_pct = sqrt(t->impedance_pct * t->impedance_pct -
                                        r_pct * r_pct);
                    t->x_over_r = x_pct / r_pct;
                    k3a__ck_add_default(c, K3A_KIND_TRANSFORMER, i, "x_over_r",
                                t->x_over_r,
                                "IEC 60909-0 eq. (7)-(9): from load_loss_W and "
                                "impedance_pct");
                } else if (ty) {
                    t->x_over_r = ty->x_over_r;
                    k3a__ck_add_default(c, K3A_KIND_TRANSFORMER, i, "x_over_r",
                                ty->x_over_r, ty->clause);
                    WARN2(c, K3A_KIND_TRANSFORMER, t, NULL,
                          "no x_over_r or load_loss_W: typical X/R %.3g used",
                          "X/R dan rugi beban trafo tidak diberikan: X/R tipikal %.3g "
                          "dipakai",
                          ty->x_over_r);
                }
                if (r_pct >= t->impedance_pct && t->impedance_pct > 0)
                    ERR(c, K3A_KIND_TRANSFORMER, t, "load_loss_W",
                        "gives a resistance of %.3g %%, not below "
                        "impedance_pct %.3g %%",
                        r_pct, t->impedance_pct);
            }
        }
    }
}

static int is_one_or_three(int p)
{
    return p == 1 || p == 3;
}

static void check_buses(struct ck *c)
{
    struct k3a_site *s = c->site;
    size_t i;

    for (i = 0; i < s->n_buses; i++) {
        struct k3a_bus *b = &s->buses[i];
        const struct k3a_equip_class *cl;
        if (!is_one_or_three(b->phases))
            ERR(c, K3A_KIND_BUS, b, "phases", "must be 1 or 3");
        if (b->phases == 1)
            continue; /* IEEE 1584 has no single-phase model: n/a */
        if (!GIVEN(K3A_KIND_BUS, b, "equipment") ||
            !GIVEN(K3A_KIND_BUS, b, "voltage_kV"))
            continue; /* reported already: the class cannot be chosen */
        if (b->equipment == K3A_EQ_OPEN_AIR) {
            if (!GIVEN(K3A_KIND_BUS, b, "gap_mm"))
                ERR(c, K3A_KIND_BUS, b, "gap_mm",
                    "missing: equipment = open_air has no typical gap "
                    "(IEEE 1584-2018 Table 8)");
            if (!GIVEN(K3A_KIND_BUS, b, "working_distance_mm"))
                ERR(c, K3A_KIND_BUS, b, "working_distance_mm",
                    "missing: equipment = open_air has no typical working "
                    "distance (IEEE 1584-2018 Table 10)");
            if (!GIVEN(K3A_KIND_BUS, b, "electrode")) {
                b->electrode = K3A_ELECTRODE_VOA;
                k3a__ck_add_default(c, K3A_KIND_BUS, i, "electrode", 3,
                            "open air: VOA (IEEE 1584-2018 4.5)");
            } else if (b->electrode != K3A_ELECTRODE_VOA &&
                       b->electrode != K3A_ELECTRODE_HOA)
                ERR(c, K3A_KIND_BUS, b, "electrode",
                    "open_air equipment takes VOA or HOA");
            continue;
        }
        cl = c->models ? k3a_models_equip_class(c->models, b->equipment,
                                                b->voltage_kV)
                       : NULL;
        if (!cl) {
            if (!GIVEN(K3A_KIND_BUS, b, "gap_mm") ||
                !GIVEN(K3A_KIND_BUS, b, "working_distance_mm"))
                ERR(c, K3A_KIND_BUS, b, "equipment",
                    "no IEEE 1584-2018 equipment class for this equipment at "
                    "%.4g kV: give gap_mm and working_distance_mm",
                    b->voltage_kV);
            continue;
        }
#define DEFAULT_GEOM(field)                                                  \
    if (!GIVEN(K3A_KIND_BUS, b, #field) && cl->field > 0) {                  \
        b->field = cl->field;                                                \
        k3a__ck_add_default(c, K3A_KIND_BUS, i, #field, cl->field, cl->clause);      \
    }
        if (b->voltage_kV <= 15.0) {
            DEFAULT_GEOM(gap_mm)
            DEFAULT_GEOM(height_mm)
            DEFAULT_GEOM(width_mm)
            DEFAULT_GEOM(depth_mm)
            if (!GIVEN(K3A_KIND_BUS, b, "electrode")) {
                b->electrode = cl->electrode;
                k3a__ck_add_default(c, K3A_KIND_BUS, i, "electrode",
                            (double)cl->electrode, cl->reason);
            }
        }
        DEFAULT_GEOM(working_distance_mm)
#undef DEFAULT_GEOM
        if ((b->electrode == K3A_ELECTRODE_VOA ||
             b->electrode == K3A_ELECTRODE_HOA) &&
            (GIVEN(K3A_KIND_BUS, b, "height_mm") ||
             GIVEN(K3A_KIND_BUS, b, "width_mm") ||
             GIVEN(K3A_KIND_BUS, b, "depth_mm")))
            WARN2(c, K3A_KIND_BUS, b, "electrode",
                  "open-air electrodes have no enclosure: its size is not used%s",
                  "elektroda di udara terbuka tanpa selungkup: ukuran selungkup "
                  "tidak dipakai%s", "");
    }
}

static void check_cables(struct ck *c)
{
    struct k3a_site *s = c->site;
    int32_t *fed_by = NULL;
    size_t i;

    if (s->n_loads) {
        fed_by = malloc(s->n_loads * sizeof(*fed_by));
        if (!fed_by) {
            c->oom = 1;
            return;
        }
        for (i = 0; i < s->n_loads; i++)
            fed_by[i] = -1;
    }
    for (i = 0; i < s->n_cables; i++) {
        struct k3a_cable *cb = &s->cables[i];
        if (ref_eq(&cb->from, &cb->to))
            ERR(c, K3A_KIND_CABLE, cb, "to", "from and to are the same");
        if (!is_one_or_three(cb->phases))
            ERR(c, K3A_KIND_CABLE, cb, "phases", "must be 1 or 3");
        if (cb->measured_A.n != 0 && cb->measured_A.n != 1 &&
            cb->measured_A.n != 3)
            ERR(c, K3A_KIND_CABLE, cb, "measured_A",
                "give one value or three (L1, L2, L3), not %zu",
                cb->measured_A.n);
        if (!GIVEN(K3A_KIND_CABLE, cb, "ambient_C")) {
            int ground = GIVEN(K3A_KIND_CABLE, cb, "method") &&
                         (cb->method == K3A_METHOD_D1 ||
                          cb->method == K3A_METHOD_D2);
            cb->ambient_C = ground ? 20.0 : 30.0;
            k3a__ck_add_default(c, K3A_KIND_CABLE, i, "ambient_C", cb->ambient_C,
                        ground ? "IEC 60364-5-52 B.52.1: 20 C in ground"
                               : "IEC 60364-5-52 B.52.1: 30 C in air");
        }
        if (c->models && GIVEN(K3A_KIND_CABLE, cb, "size_mm2") &&
            !GIVEN(K3A_KIND_CABLE, cb, "r_ohm_km") &&
            !k3a_models_conductor(c->models, cb->material, cb->size_mm2))
            ERR(c, K3A_KIND_CABLE, cb, "size_mm2",
                "no IEC 60228 resistance for %g mm2 %s in the models "
                "(models/conductors.ini): check the size, or give r_ohm_km",
                cb->size_mm2, cb->material == K3A_MAT_AL ? "Al" : "Cu");
        if (GIVEN(K3A_KIND_CABLE, cb, "x_ohm_km") &&
            !GIVEN(K3A_KIND_CABLE, cb, "r_ohm_km"))
            ERR(c, K3A_KIND_CABLE, cb, "x_ohm_km",
                "given without r_ohm_km (give both to override the table)");
        if (cb->to.idx >= 0 && cb->to.kind == K3A_KIND_LOAD) {
            struct k3a_load *ld = &s->loads[cb->to.idx];
            if (fed_by[cb->to.idx] >= 0)
                ERR(c, K3A_KIND_CABLE, cb, "to",
                    "load '%s' is already fed by [cable %s]", ld->hdr.name,
                    s->cables[fed_by[cb->to.idx]].hdr.name);
            fed_by[cb->to.idx] = (int32_t)i;
            if (cb->from.idx >= 0 && cb->from.kind != K3A_KIND_BUS)
                ERR(c, K3A_KIND_CABLE, cb, "from",
                    "a cable to a load starts at a bus (the load's bus)");
            else if (ld->bus.name && ld->bus.idx >= 0 &&
                     !ref_eq(&ld->bus, &cb->from))
                ERR(c, K3A_KIND_CABLE, cb, "to",
                    "load '%s' is on bus '%s', but this cable comes from '%s'",
                    ld->hdr.name, ld->bus.name, cb->from.name);
            else if (!ld->bus.name && cb->from.idx >= 0) {
                ld->bus.name = k3a__pool_strdup(&c->site->names->text, cb->from.name);
                ld->bus.kind = K3A_KIND_BUS;
                ld->bus.idx = cb->from.idx;
                if (!ld->bus.name)
                    c->oom = 1;
            }
        }
    }
    for (i = 0; i < s->n_loads; i++) {
        struct k3a_load *ld = &s->loads[i];
        if (!ld->bus.name && !k3a_elem_key_line(&ld->hdr, (unsigned)k3a__key_index(
                                                             k3a__site_kind(K3A_KIND_LOAD),
                                                             "bus")))
            ERR(c, K3A_KIND_LOAD, ld, "bus",
                "missing required key (or name this load in a cable's 'to')");
    }
    free(fed_by);
}

static int is_end_of(const struct k3a_site *s, const struct k3a_ref *at,
                     const struct k3a_ref *el)
{
    if (el->idx < 0 || at->idx < 0)
        return 1; /* reported elsewhere */
    switch (el->kind) {
    case K3A_KIND_BUS:
        return ref_eq(at, el);
    case K3A_KIND_CABLE:
        return ref_eq(at, &s->cables[el->idx].from) ||
               ref_eq(at, &s->cables[el->idx].to);
    case K3A_KIND_TRANSFORMER:
        return ref_eq(at, &s->transformers[el->idx].from) ||
               ref_eq(at, &s->transformers[el->idx].to);
    default:
        return 0;
    }
}

static void check_devices(struct ck *c)
{
    /* REF: site-format.md section 3: opening_ms defaults at 50 Hz. */
    static const double opening_default_ms[] = { 30, 30, 60, 0, 100 };
    static const char *const opening_src[] = {
        "IEEE 1584-2002 Table 1: mcb 30 ms (1.5 cycles at 50 Hz)",
        "IEEE 1584-2002 Table 1: mccb 30 ms (1.5 cycles at 50 Hz)",
        "IEEE 1584-2002 Table 1: acb 60 ms (3 cycles at 50 Hz)",
        "fuse 0 ms (the tcc is the total clearing time)",
        "IEEE 1584-2002 Table 1: relay + breaker 100 ms (5 cycles at 50 Hz)",
    };
    struct k3a_site *s = c->site;
    size_t i;

    for (i = 0; i < s->n_devices; i++) {
        struct k3a_device *d = &s->devices[i];
        int has_curve = GIVEN(K3A_KIND_DEVICE, d, "curve");
        int mcb_curve = has_curve && d->curve <= K3A_CURVE_D;
        int inverse = has_curve && d->curve >= K3A_CURVE_IEC_SI &&
                      d->curve <= K3A_CURVE_IEEE_EI;

        if (!is_end_of(s, &d->at, &d->protects))
            ERR(c, K3A_KIND_DEVICE, d, "at",
                "'%s' is not an end of the %s '%s' it protects", d->at.name,
                k3a_kind_name(d->protects.kind), d->protects.name);
        if (mcb_curve && d->type != K3A_DEV_MCB && d->type != K3A_DEV_FUSE)
            ERR(c, K3A_KIND_DEVICE, d, "curve",
                "curves B, C and D are for type = mcb");
        if (has_curve && !mcb_curve && d->type == K3A_DEV_MCB)
            ERR(c, K3A_KIND_DEVICE, d, "curve",
                "an mcb takes curve B, C or D (IEC 60898-1)");
        if (has_curve && d->type == K3A_DEV_FUSE)
            ERR(c, K3A_KIND_DEVICE, d, "curve",
                "a fuse is given by its tcc points, not a curve");
        if (inverse && !GIVEN(K3A_KIND_DEVICE, d, "pickup_A"))
            ERR(c, K3A_KIND_DEVICE, d, "pickup_A",
                "missing: curve %s needs pickup_A and tms",
                d->curve <= K3A_CURVE_IEC_LTI ? "IEC" : "IEEE");
        if (inverse && !GIVEN(K3A_KIND_DEVICE, d, "tms"))
            ERR(c, K3A_KIND_DEVICE, d, "tms",
                "missing: an inverse-time curve needs its time multiplier");
        if (has_curve && d->curve == K3A_CURVE_DT) {
            if (!GIVEN(K3A_KIND_DEVICE, d, "definite_time_s"))
                ERR(c, K3A_KIND_DEVICE, d, "definite_time_s",
                    "missing: curve DT needs definite_time_s");
            if (!GIVEN(K3A_KIND_DEVICE, d, "pickup_A"))
                ERR(c, K3A_KIND_DEVICE, d, "pickup_A",
                    "missing: curve DT needs pickup_A");
        }
        if (GIVEN(K3A_KIND_DEVICE, d, "short_time_A") !=
            GIVEN(K3A_KIND_DEVICE, d, "short_time_s"))
            ERR(c, K3A_KIND_DEVICE, d,
                GIVEN(K3A_KIND_DEVICE, d, "short_time_A") ? "short_time_s"
                                                          : "short_time_A",
                "short_time_A and short_time_s go together");
        if (GIVEN(K3A_KIND_DEVICE, d, "short_time_A") &&
            GIVEN(K3A_KIND_DEVICE, d, "instantaneous_A") &&
            !(d->instantaneous_A > d->short_time_A))
            ERR(c, K3A_KIND_DEVICE, d, "instantaneous_A",
                "must be above short_time_A");
        if (GIVEN(K3A_KIND_DEVICE, d, "rcd_mA") && d->type == K3A_DEV_FUSE)
            ERR(c, K3A_KIND_DEVICE, d, "rcd_mA", "a fuse has no residual-current element");
        if (!has_curve && !d->tcc.n && !GIVEN(K3A_KIND_DEVICE, d, "instantaneous_A"))
            WARN2(c, K3A_KIND_DEVICE, d, NULL,
                  "no curve, tcc or instantaneous_A: its clearing time is "
                  "unknown%s",
                  "karakteristik waktu-arus gawai tidak diberikan: waktu "
                  "pemutusannya tidak diketahui%s", "");
        if (!GIVEN(K3A_KIND_DEVICE, d, "opening_ms") &&
            !(d->type == K3A_DEV_FUSE)) {
            d->opening_ms = opening_default_ms[d->type];
            k3a__ck_add_default(c, K3A_KIND_DEVICE, i, "opening_ms", d->opening_ms,
                        opening_src[d->type]);
        }
    }
}

static void check_capacitors(struct ck *c)
{
    struct k3a_site *s = c->site;
    size_t i;

    for (i = 0; i < s->n_capacitors; i++) {
        struct k3a_capacitor *cp = &s->capacitors[i];
        if (!GIVEN(K3A_KIND_CAPACITOR, cp, "working_kvar")) {
            cp->working_kvar = cp->rated_kvar;
            k3a__ck_add_default(c, K3A_KIND_CAPACITOR, i, "working_kvar",
                        cp->working_kvar, "rated_kvar");
        } else if (cp->working_kvar > cp->rated_kvar)
            ERR(c, K3A_KIND_CAPACITOR, cp, "working_kvar",
                "%.4g kvar is above rated_kvar %.4g", cp->working_kvar,
                cp->rated_kvar);
    }
}

static void check_loads(struct ck *c)
{
    struct k3a_site *s = c->site;
    size_t i;

    for (i = 0; i < s->n_loads; i++) {
        struct k3a_load *ld = &s->loads[i];
        char names[256];
        if (!is_one_or_three(ld->phases))
            ERR(c, K3A_KIND_LOAD, ld, "phases", "must be 1 or 3");
        if (ld->space && c->models &&
            !model_row_named(c->models, "lpd", ld->space, names, sizeof(names)))
            ERR(c, K3A_KIND_LOAD, ld, "space",
                "no space '%s' in the lighting-power-density table (models: %s)",
                ld->space, names);
        if (ld->phases == 3 && ld->bus.idx >= 0 &&
            s->buses[ld->bus.idx].phases == 1)
            ERR(c, K3A_KIND_LOAD, ld, "phases",
                "a three-phase load on single-phase bus '%s'", ld->bus.name);
        if (ld->kind != K3A_LOAD_MOTOR) {
            if (GIVEN(K3A_KIND_LOAD, ld, "ie_class"))
                WARN2(c, K3A_KIND_LOAD, ld, "ie_class",
                      "only motors have an IE efficiency class%s",
                      "hanya motor yang memiliki kelas efisiensi IE%s", "");
            if (!GIVEN(K3A_KIND_LOAD, ld, "efficiency_pct"))
                ld->efficiency_pct = 100.0; /* site-format 2: others 100 */
        }
        if (!GIVEN(K3A_KIND_LOAD, ld, "hours_per_year"))
            WARN2(c, K3A_KIND_LOAD, ld, "hours_per_year",
                  "not given: no energy estimate for this load%s",
                  "jam operasi per tahun tidak diberikan: energi beban ini tidak "
                  "diperkirakan%s", "");
    }
}

void k3a__check_network(struct ck *c)
{
    check_site(c);
    check_supply(c);
    check_generators(c);
    check_transformers(c);
    check_buses(c);
    check_cables(c);
    check_devices(c);
    check_capacitors(c);
    check_loads(c);
}
