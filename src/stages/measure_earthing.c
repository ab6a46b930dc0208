/*
 * measure_earthing.c - earthing resistance (fall of potential, slope
 * method, TT limits, the rods a failing electrode needs, trend) and soil
 * resistivity (Wenner, Schlumberger, two-layer fit).  Pure.
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

/* ---- earthing ------------------------------------------------------------ */

static double soil_rho_at(const struct k3a_results *r, const struct k3a_earthing *e)
{
    const struct k3a_soil_res *so;
    double sum = 0;
    size_t i;

    if (e->soil.idx < 0 || !r->soil)
        return NAN;
    so = &r->soil[e->soil.idx];
    if (so->fitted && e->rod_length_m > 0)
        return k3a_two_layer_rho_a(so->rho1, so->rho2, so->h_m, e->rod_length_m);
    for (i = 0; i < so->n; i++)
        sum += so->rho_ohm_m[i];
    return so->n ? sum / (double)so->n : NAN;
}


/* The TT earthing limit of each bus (site-format 9, TT earthing): from
 * every circuit leaving it, RA x IΔn <= UL with the RCD protecting the
 * circuit (its own or one upstream), RA <= U0 / Ia for a circuit with no
 * RCD; the strictest wins.  A bus with no circuit of its own takes the
 * RCD upstream of it.  lim[b] NAN when nothing is known. */
static void tt_limits(const struct k3a_results *r, const struct k3a__meas_topo *t,
                      const double *rcd_at, double *lim, const char **cl)
{
    const struct k3a_site *s = r->site;
    const char *cl_rcd, *cl_rcd_wet;
    double ul = lp(r, "tt_ra_idn_max_V", 50, &cl_rcd);
    double ul_wet = lp(r, "tt_ra_idn_wet_max_V", 25, &cl_rcd_wet);
    static const char *const cl_oc =
        "PUIL 2011 411.5.4 = IEC 60364-4-41 411.5.4 ({gawai arus lebih|overcurrent "
        "device}: RA x Ia ≤ U0)";
    size_t i;

    for (i = 0; i < s->n_buses; i++) {
        lim[i] = NAN;
        cl[i] = "";
    }
    for (i = 0; i < s->n_devices; i++) {
        const struct k3a_device *d = &s->devices[i];
        size_t b;
        double m, L;
        const char *c;
        if (d->at.kind != K3A_KIND_BUS || d->at.idx < 0)
            continue;
        b = (size_t)d->at.idx;
        if (d->protects.kind == K3A_KIND_BUS)
            continue; /* a board's main: its RCD counts through the walk */
        m = k3a__upstream_rcd_mA(s, (int32_t)i, t);
        if (m > 0) {
            L = (s->buses[b].wet ? ul_wet : ul) / (m / 1000.0);
            c = s->buses[b].wet ? cl_rcd_wet : cl_rcd;
        } else {
            int final = d->protects.kind == K3A_KIND_CABLE && d->protects.idx >= 0 &&
                        s->cables[d->protects.idx].to.kind == K3A_KIND_LOAD;
            double u0 = k3a__nominal_u0_V(r, s->buses[b].voltage_kV, NULL);
            double tl = k3a__disc_limit_s(r, 1, u0, final, d->rating_A, NULL, NULL);
            double ia = k3a__ia_within(r, d, tl);
            if (!(ia > 0))
                continue;
            L = u0 / ia;
            c = cl_oc;
        }
        if (!(lim[b] <= L)) {
            lim[b] = L;
            cl[b] = c;
        }
    }
    for (i = 0; i < s->n_buses; i++) {
        double m = rcd_at[i], L;
        int32_t fd = t->bus_feed[i] >= 0 ? t->cable_dev[t->bus_feed[i]] : -1;
        if (!(m > 0) && fd >= 0)
            m = k3a__upstream_rcd_mA(s, fd, t);
        if (!(m > 0) && fd >= 0 && !isfinite(lim[i])) {
            /* no circuit of its own and no RCD: the feeder's device */
            double u0 = k3a__nominal_u0_V(r, s->buses[i].voltage_kV, NULL);
            double tl = k3a__disc_limit_s(r, 1, u0, 0, s->devices[fd].rating_A, NULL,
                                          NULL);
            double ia = k3a__ia_within(r, &s->devices[fd], tl);
            if (ia > 0) {
                lim[i] = u0 / ia;
                cl[i] = cl_oc;
            }
            continue;
        }
        if (!(m > 0))
            continue;
        L = (s->buses[i].wet ? ul_wet : ul) / (m / 1000.0);
        if (!(lim[i] <= L)) {
            lim[i] = L;
            cl[i] = s->buses[i].wet ? cl_rcd_wet : cl_rcd;
        }
    }
}


/* What every earthing's judgement reads once: the limits' parameters
 * and IEEE 142's multiplying factors for rods in parallel. */
struct earth_ctx {
    const char *cl_plateau, *cl_differ, *cl_mis;
    double tol, differ, mis;
    double tn[16], tf[16];
    size_t nrf;
    const double *ra_lim;
    const char **ra_cl;
};

/* The earthing's limit: by its purpose (models/limits), or the TT limit
 * of the circuits its board serves. */
static void earth_limit(struct k3a_results *r, const struct earth_ctx *c,
                        const struct k3a_earthing *e, struct k3a_earth_res *er)
{
    const struct k3a_model_file *lim = r->limits;
    const double *ra_lim = c->ra_lim;
    const char **ra_cl = c->ra_cl;
    size_t j;

    for (j = 0; lim && j < lim->n_earth; j++)
        if (lim->earth[j].purpose == e->purpose) {
            er->limit_ohm = lim->earth[j].max_ohm;
            er->limit_clause = k3a__text_keep(r, lim->earth[j].clause);
        }
    if (ra_lim && e->bus.idx >= 0 && e->bus.kind == K3A_KIND_BUS &&
        isfinite(ra_lim[e->bus.idx]) &&
        (e->purpose == K3A_EARTH_EQUIPMENT || e->purpose == K3A_EARTH_COMBINED)) {
        /* REF: PUIL 2011 411.5.3 = IEC 60364-4-41 411.5.3: RA x IΔn <= 50 V
         * (25 V wet), or 411.5.4 for an overcurrent device; the
         * strictest circuit the electrode serves decides */
        er->limit_ohm = ra_lim[e->bus.idx];
        er->limit_clause = k3a__text_keep(r, ra_cl[e->bus.idx]);
    }
}

/* Fall of potential: the 61.8 % value, the plateau test, Tagg's slope. */
static void earth_readings(const struct earth_ctx *c, const struct k3a_earthing *e,
                           struct k3a_earth_res *er)
{
    double tol = c->tol;

    if (e->readings.n >= 2 && e->current_probe_m > 0) {
        double r618, spread;
        int flat;
        if (k3a_fop_618(e->readings.x, e->readings.y, e->readings.n,
                        e->current_probe_m, tol, &r618, &spread,
                        &flat) == K3A_OK) {
            er->has_r618 = 1;
            er->r618_ohm = r618;
            er->plateau = flat;
            er->plateau_spread = spread;
        }
        if (k3a_tagg(e->readings.x, e->readings.y, e->readings.n,
                     e->current_probe_m, &er->tagg_mu, &er->tagg_ptc,
                     &er->tagg_ohm) == K3A_OK && er->tagg_ohm > 0)
            er->has_tagg = 1;
    }
}

/* The value judged (times the seasonal factor); 0 when nothing is (no
 * reading).  *own_warn: the plateau check failed and there is no slope
 * value. */
static int earth_value(struct k3a_results *r, struct k3a_diag_list *dl,
                       const struct earth_ctx *c, const struct k3a_earthing *e,
                       struct k3a_earth_res *er, int *own_warn)
{
    const struct k3a_site *s = r->site;
    const char *name = e->hdr.name;
    double differ = c->differ;

    /* REF: site-format 9 Earthing: measured_ohm when given; else the
     * slope-method value (method = slope, or the plateau check failed
     * and the readings allow it), else the 61.8 % value */
    if (k3a_elem_given(K3A_KIND_EARTHING, &e->hdr, "measured_ohm")) {
        er->judged_ohm = e->measured_ohm.value;
        er->cmp = e->measured_ohm.cmp;
        er->judged_from = 0;
        if (er->has_r618 && er->plateau != 0 &&
            fabs(er->r618_ohm - er->judged_ohm) > differ / 100.0 * er->judged_ohm) {
            char lbl[48];
            struct k3a_loc l = { s->path, e->hdr.line, lbl, "measured_ohm" };
            snprintf(lbl, sizeof(lbl), "earthing %s", name);
            k3a_diag_add_lang(dl, K3A_WARNING, K3A_E_INPUT, l,
                              "the 61.8 %% value of the readings (%.3g ohm) differs "
                              "from measured_ohm by more than %g %%",
                              "nilai 61,8 %% dari pembacaan (%.3g ohm) berbeda lebih "
                              "dari %g %% dari nilai terukur yang dicatat",
                              er->r618_ohm, differ);
        }
    } else if (er->has_tagg &&
               (e->method == K3A_EM_SLOPE || er->plateau == 0)) {
        er->judged_ohm = er->tagg_ohm;
        er->judged_from = 2;
    } else if (er->has_r618) {
        er->judged_ohm = er->r618_ohm;
        er->judged_from = 1;
        if (er->plateau == 0 || e->method == K3A_EM_SLOPE)
            *own_warn = 1; /* the plateau check failed and no slope value */
    } else {
        return 0;
    }
    er->judged_ohm *= e->seasonal_factor > 0 ? e->seasonal_factor : 1.0;
    return 1;
}

/* The earthing_resistance finding (NULL: no limit to judge by, or no
 * memory, *st says which). */
static struct k3a_finding *earth_finding(struct k3a_results *r, size_t i,
                                         const struct k3a_earthing *e,
                                         struct k3a_earth_res *er, int xp,
                                         enum k3a_status *st)
{
    const char *name = e->hdr.name;
    struct k3a_finding *f;
    int seasonal;

    *st = K3A_OK;
    if (!isfinite(er->limit_ohm))
        return NULL;
    er->verdict = er->cmp < 0 && er->judged_ohm <= er->limit_ohm ? K3A_PASS
                  : er->judged_ohm > er->limit_ohm              ? K3A_FAIL
                  : er->cmp > 0                                 ? K3A_FAIL
                                                                : K3A_PASS;
    if (xp)
        er->verdict = K3A_WARN; /* review A5: re-test, no verdict */
    seasonal = e->seasonal_factor > 0 && fabs(e->seasonal_factor - 1.0) > 1e-12;
    f = k3a__finding_new(r, K3A_KIND_EARTHING, (int32_t)i, "earthing_resistance",
            cal_verdict(er->verdict, xp),
            er->judged_ohm, er->limit_ohm, "Ω", er->limit_clause,
            "Tahanan pembumian %s (%s%.0s)%s%.0s%s%.0s",
            "Earthing resistance %s (%.0s%s)%.0s%s%.0s%s", name,
            e->purpose == K3A_EARTH_SYSTEM      ? "sistem"
            : e->purpose == K3A_EARTH_EQUIPMENT ? "peralatan"
            : e->purpose == K3A_EARTH_LIGHTNING ? "penyalur petir"
                                                : "gabungan",
            e->purpose == K3A_EARTH_SYSTEM      ? "system"
            : e->purpose == K3A_EARTH_EQUIPMENT ? "equipment"
            : e->purpose == K3A_EARTH_LIGHTNING ? "lightning protection"
                                                : "combined",
            er->judged_from == 2   ? ", metode slope (IEEE 81)"
            : er->judged_from == 1 ? ", nilai 61,8 % (IEEE 81)"
                                   : "",
            er->judged_from == 2   ? ", slope method (IEEE 81)"
            : er->judged_from == 1 ? ", 61.8 % value (IEEE 81)"
                                   : "",
            seasonal ? ", x faktor musim" : "", seasonal ? ", x seasonal factor" : "");
    if (!cal_note(r, f, xp))
        *st = K3A_E_NOMEM;
    return f;
}

/* Design aid for a failing electrode: rods of the same length in
 * parallel, on the soil model's resistivity or the one the measured
 * electrode implies (IEEE 142), in the finding's title. */
static void earth_rods(struct k3a_results *r, const struct earth_ctx *c,
                       const struct k3a_earthing *e, struct k3a_earth_res *er,
                       struct k3a_finding *f)
{
    const double *tn = c->tn, *tf = c->tf;
    size_t nrf = c->nrf;
    double mis = c->mis;

    /* design aid for a failing electrode: rods of the same length */
    if (er->verdict == K3A_FAIL && e->rod_length_m > 0 && e->rod_diameter_mm > 0) {
        double rho = soil_rho_at(r, e), r1, implied = NAN;
        int n, nmax = nrf ? (int)tn[nrf - 1] : 1, from_meas = 0;
        int nr = e->rod_count > 0 ? e->rod_count : 1;
        double one = k3a_rod_ohm(1.0, e->rod_length_m, e->rod_diameter_mm);
        double rn = k3a_rods_ohm(one, nr, tn, tf, nrf);
        /* REF: IEEE 142-2007 4.1.4 (Dwight): R of one rod is linear in
         * rho, so the measured electrode implies a resistivity */
        if (e->electrode == K3A_ELEC_ROD && rn > 0 && er->cmp == 0 &&
            (nr <= nmax || !nrf))
            implied = er->judged_ohm / rn;
        er->rho_soil_ohm_m = rho;
        er->rho_implied_ohm_m = implied;
        if (!isfinite(rho)) {
            rho = implied;
            from_meas = 1;
        } else if (isfinite(implied) && (implied > mis * rho || implied * mis < rho)) {
            k3a__finding_title_append(r, f, K3A_LANG_ID,
                     "; elektroda terukur menunjukkan ρ %.0f Ω·m, model tanah "
                     "%.0f Ω·m (beda > %.0f x): rancangan dari elektroda terukur",
                     implied, rho, mis);
            k3a__finding_title_append(r, f, K3A_LANG_EN,
                     "; the measured electrode implies ρ %.0f Ω·m, the soil "
                     "model %.0f Ω·m (more than %.0f x apart): designed from the "
                     "measured electrode",
                     implied, rho, mis);
            rho = implied;
            from_meas = 1;
        }
        if (isfinite(rho) && rho > 0) {
            r1 = k3a_rod_ohm(rho, e->rod_length_m, e->rod_diameter_mm);
            for (n = 1; n <= nmax; n++)
                if (k3a_rods_ohm(r1, n, tn, tf, nrf) <= er->limit_ohm)
                    break;
            er->rho_ohm_m = rho;
            if (n <= nmax) {
                er->has_rods = 1;
                er->rods_needed = n;
                /* the advice goes with the failing verdict */
                k3a__finding_title_append(r, f, K3A_LANG_ID,
                         "; perlu %d batang %.3g m paralel (IEEE 142, ρ %.0f "
                         "Ω·m %s)",
                         n, e->rod_length_m, rho,
                         from_meas ? "dari elektroda terukur" : "dari model tanah");
                k3a__finding_title_append(r, f, K3A_LANG_EN,
                         "; %d rods of %.3g m in parallel needed (IEEE 142, ρ "
                         "%.0f Ω·m %s)",
                         n, e->rod_length_m, rho,
                         from_meas ? "from the measured electrode"
                                   : "from the soil model");
            } else {
                /* REF: IEEE 142 gives factors up to its table's count;
                 * beyond it a grid is designed (IEEE 80), never
                 * extrapolated */
                er->rods_beyond = 1;
                er->rods_needed = nmax;
                k3a__finding_title_append(r, f, K3A_LANG_ID,
                         "; lebih dari %d batang (ρ %.0f Ω·m): rancang grid "
                         "pembumian (IEEE 80)",
                         nmax, rho);
                k3a__finding_title_append(r, f, K3A_LANG_EN,
                         "; more than %d rods (ρ %.0f Ω·m): design a grid "
                         "(IEEE 80)",
                         nmax, rho);
            }
        }
    }
}

/* The fall-of-potential curve's findings: not flat, or no slope value. */
static enum k3a_status earth_fop_findings(struct k3a_results *r, const struct earth_ctx *c,
                                          size_t i, const struct k3a_earthing *e,
                                          const struct k3a_earth_res *er, int own_warn,
                                          int xp)
{
    const char *name = e->hdr.name, *cl_plateau = c->cl_plateau;
    double tol = c->tol;
    struct k3a_finding *f;

    if (er->plateau == 0) {
        f = k3a__finding_new(r, K3A_KIND_EARTHING, (int32_t)i, "fall_of_potential",
                cal_verdict(K3A_WARN, xp),
                er->plateau_spread * 100.0, tol * 100.0, "%", cl_plateau,
                "Kurva fall-of-potential %s tidak datar di 52-72 %% (selisih "
                "%.0f %%): %s%.0s",
                "Fall-of-potential curve of %s not flat at 52-72 %% (spread "
                "%.0f %%): %.0s%s",
                name, er->plateau_spread * 100.0,
                er->judged_from == 2 ? "dinilai dengan metode slope"
                : own_warn ? "nilai 61,8 % tidak sah, ulangi dengan probe arus lebih "
                             "jauh"
                           : "nilai terukur yang dicatat penguji yang dinilai",
                er->judged_from == 2 ? "judged by the slope method"
                : own_warn ? "the 61.8 % value is not valid, repeat with the "
                             "current probe further out"
                           : "the tester's recorded value is judged");
        if (!cal_note(r, f, xp))
            return K3A_E_NOMEM;
    } else if (own_warn) {
        f = k3a__finding_new(r, K3A_KIND_EARTHING, (int32_t)i, "fall_of_potential",
                cal_verdict(K3A_WARN, xp),
                NAN, NAN, "", "IEEE 81-2012 8.2.1.5 ({metode slope|slope method})",
                "Metode slope %s tidak dapat dihitung dari pembacaan: dinilai "
                "dengan nilai 61,8 %%",
                "The slope method of %s cannot be computed from the readings: "
                "judged on the 61.8 %% value",
                name);
        if (!cal_note(r, f, xp))
            return K3A_E_NOMEM;
    }
    return K3A_OK;
}

/* The trend of earlier measurements (ohm per year). */
static enum k3a_status earth_trend(const struct k3a_earthing *e, struct k3a_earth_res *er)
{
    if (e->previous_ohm.n >= 1) {
        double *x = malloc(2 * (e->previous_ohm.n + 1) * sizeof(*x)), *y;
        double c0, c1, cov00, cov01, cov11, ss;
        size_t n = 0, k;
        if (!x)
            return K3A_E_NOMEM;
        y = x + e->previous_ohm.n + 1;
        for (k = 0; k < e->previous_ohm.n; k++, n++) {
            x[n] = (double)k3a_date_days(e->previous_ohm.date[k]) / 365.25;
            y[n] = e->previous_ohm.value[k];
        }
        x[n] = (double)k3a_date_days(e->meas.test_date) / 365.25;
        y[n++] = er->judged_ohm;
        if (gsl_fit_linear(x, 1, y, 1, n, &c0, &c1, &cov00, &cov01, &cov11,
                           &ss) == 0 &&
            isfinite(c1)) {
            er->has_trend = 1;
            er->trend_ohm_per_year = c1;
        }
        free(x);
    }
    return K3A_OK;
}

static enum k3a_status earthing_judge(struct k3a_results *r, struct k3a_diag_list *dl,
                                      const double *ra_lim, const char **ra_cl)
{
    const struct k3a_site *s = r->site;
    const struct k3a_model_file *lim = r->limits;
    struct earth_ctx c;
    size_t i;
    enum k3a_status st;

    c.tol = lp(r, "fop_plateau_tolerance", 0.1, &c.cl_plateau);
    c.differ = lp(r, "fop_differ_pct", 10, &c.cl_differ);
    c.mis = lp(r, "rod_rho_mismatch_factor", 2, &c.cl_mis);
    c.ra_lim = ra_lim;
    c.ra_cl = ra_cl;
    for (i = 0, c.nrf = 0; lim && i < lim->n_rodf && c.nrf < 16; i++, c.nrf++) {
        c.tn[c.nrf] = lim->rodf[i].rods;
        c.tf[c.nrf] = lim->rodf[i].factor;
    }
    for (i = 0; i < s->n_earthings; i++) {
        const struct k3a_earthing *e = &s->earthings[i];
        struct k3a_earth_res *er = &r->earth[i];
        int xp = cal_expired(s, &e->meas);
        int own_warn = 0;
        struct k3a_finding *f;

        er->cal_expired = xp;
        er->limit_ohm = NAN;
        er->rho_soil_ohm_m = er->rho_implied_ohm_m = NAN;
        er->plateau = -1; /* no readings: nothing to judge */
        earth_limit(r, &c, e, er);
        earth_readings(&c, e, er);
        if (!earth_value(r, dl, &c, e, er, &own_warn))
            continue;
        f = earth_finding(r, i, e, er, xp, &st);
        if (st != K3A_OK)
            return st;
        if (!f)
            continue; /* no limit to judge by */
        earth_rods(r, &c, e, er, f);
        if ((st = earth_fop_findings(r, &c, i, e, er, own_warn, xp)) != K3A_OK ||
            (st = earth_trend(e, er)) != K3A_OK)
            return st;
    }
    return K3A_OK;
}

/* The TT limits live here so that every early return of earthing_judge
 * (its finding on no memory included) leaves nothing allocated (verdicts
 * review item 18). */
enum k3a_status k3a__meas_earthing(struct k3a_results *r, struct k3a_diag_list *dl,
                                   const double *rcd_at,
                                   const struct k3a__meas_topo *topo)
{
    const struct k3a_site *s = r->site;
    double *ra_lim = NULL;
    const char **ra_cl = NULL;
    enum k3a_status st;

    if (s->site.earthing_system == K3A_ES_TT && s->n_earthings) {
        ra_lim = malloc((s->n_buses + 1) * (sizeof(*ra_lim) + sizeof(*ra_cl)));
        if (!ra_lim)
            return K3A_E_NOMEM;
        ra_cl = (const char **)(void *)(ra_lim + s->n_buses + 1);
        tt_limits(r, topo, rcd_at, ra_lim, ra_cl);
    }
    st = earthing_judge(r, dl, ra_lim, ra_cl);
    free(ra_lim);
    return st;
}

/* ---- soil ------------------------------------------------------------------ */

enum k3a_status k3a__meas_soils(struct k3a_results *r)
{
    const struct k3a_site *s = r->site;
    size_t i, k;

    for (i = 0; i < s->n_soils; i++) {
        const struct k3a_soil *so = &s->soils[i];
        struct k3a_soil_res *sr = &r->soil[i];
        const struct k3a_pairs *p = so->resistivity.n ? &so->resistivity : &so->readings;
        for (k = 0; k < p->n && sr->n < K3A_SOIL_MAX_POINTS; k++) {
            double rho = p->y[k];
            if (!so->resistivity.n)
                rho = so->method == K3A_SOIL_SCHLUMBERGER
                          ? k3a_schlumberger_rho(p->x[k], so->potential_spacing_m,
                                                 p->y[k])
                          : k3a_wenner_rho(p->x[k], p->y[k], so->probe_depth_m);
            sr->a_m[sr->n] = p->x[k];
            sr->rho_ohm_m[sr->n++] = rho;
        }
        if (sr->n >= 3 && so->method == K3A_SOIL_WENNER &&
            k3a_two_layer_fit(sr->a_m, sr->rho_ohm_m, sr->n, &sr->rho1, &sr->rho2,
                              &sr->h_m, &sr->rms) == K3A_OK)
            sr->fitted = 1;
    }
    return K3A_OK;
}
