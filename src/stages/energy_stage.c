/*
 * energy_stage.c - the energy audit of a site (SNI 6196:2011 scope):
 * annual energy per load and end use, the PLN bills under the tariff model,
 * the gap between them, power factor and its correction, cable and
 * transformer losses, IKE and specific energy consumption, a baseline
 * regression (ASHRAE Guideline 14), CO2, and recommendations (capacitor
 * bank, motor upgrades to IE3/IE4, lighting power density) ranked by
 * payback with NPV and IRR.  Pure: every rate and factor from models/.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "findings.h"
#include "stages.h"
#include "k3audit/results.h"
#include "k3audit/energy.h"
#include "k3audit/loads.h"

#define SQ3 1.7320508075688772

static double ep(const struct k3a_results *r, const char *name, double fb,
                 const char **clause)
{
    const struct k3a_param *p = k3a_models_param(r->models, "energy", name);
    if (clause)
        *clause = p ? p->clause : "";
    return p ? p->value : fb;
}

/* v rounded to a whole rupiah with sep between thousands: 450.540.007 in
 * a Bahasa Indonesia text, 450,540,007 in an English one. */
static void rp_grouped(char *buf, size_t n, double v, char sep)
{
    char digits[32];
    size_t len, i, u = 0;
    int neg = v < 0;

    if (!isfinite(v)) {
        k3a__fmt(buf, n, "-");
        return;
    }
    k3a__fmt(digits, sizeof(digits), "%.0f", fabs(v));
    len = strlen(digits);
    if (neg && u + 1 < n)
        buf[u++] = '-';
    for (i = 0; i < len && u + 2 < n; i++) {
        if (i && (len - i) % 3 == 0)
            buf[u++] = sep;
        buf[u++] = digits[i];
    }
    buf[u] = '\0';
}

static const struct k3a_tariff *find_tariff(const struct k3a_models *m,
                                            const char *group)
{
    size_t f, i;
    const struct k3a_tariff *best = NULL;

    if (!group)
        return NULL;
    for (f = 0; f < m->n; f++)
        for (i = 0; i < m->files[f].n_tariffs; i++)
            if (strcmp(m->files[f].tariffs[i].hdr.name, group) == 0)
                best = &m->files[f].tariffs[i];
    return best;
}

#define FIND_ROW(m, field, T, key_, out)                                      \
    do {                                                                     \
        size_t f_, i_;                                                       \
        out = NULL;                                                          \
        for (f_ = 0; f_ < (m)->n; f_++)                                      \
            for (i_ = 0; i_ < (m)->files[f_].n_##field; i_++)                \
                if (strcmp((m)->files[f_].field[i_].hdr.name, key_) == 0)    \
                    out = &(m)->files[f_].field[i_];                         \
    } while (0)

static struct k3a_reco *reco_add(struct k3a_energy_res *e, size_t *cap)
{
    struct k3a_reco *k;

    if (e->n_recos == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        void *p = realloc(e->recos, nc * sizeof(*e->recos));
        if (!p)
            return NULL;
        e->recos = p;
        *cap = nc;
    }
    k = &e->recos[e->n_recos++];
    memset(k, 0, sizeof(*k));
    k->irr = NAN;
    return k;
}

static void finance(const struct k3a_results *r, struct k3a_reco *k)
{
    double rate = ep(r, "discount_rate", 0.10, NULL);
    int life = (int)ep(r, "life_years", 10, NULL);

    /* REF: methods.md 6.8: SPP = I0 / saving; NPV; IRR */
    k->payback_years = k->saving_Rp > 0 ? k->cost_Rp / k->saving_Rp : INFINITY;
    k->npv_Rp = k3a_npv(k->cost_Rp, k->saving_Rp, rate, life);
    k->irr = k3a_irr(k->cost_Rp, k->saving_Rp, life);
}

static int reco_cmp(const void *a, const void *b)
{
    const struct k3a_reco *x = a, *y = b;

    if (x->payback_years < y->payback_years)
        return -1;
    if (x->payback_years > y->payback_years)
        return 1;
    return x->saving_Rp > y->saving_Rp ? -1 : x->saving_Rp < y->saving_Rp;
}

static int month_cmp(const void *a, const void *b)
{
    const struct k3a_month_res *x = a, *y = b;
    return x->y * 12 + x->m - (y->y * 12 + y->m);
}

/* The load model: annual energy = quantity x P_in x hours (site-format 4;
 * no demand factor), by load and end use; the design demand. */
static void energy_loads(struct k3a_results *r, struct k3a_energy_res *e,
                         double *demand_kW, double *demand_kvar)
{
    const struct k3a_site *s = r->site;
    size_t i;

    for (i = 0; i < s->n_loads; i++) {
        const struct k3a_load *ld = &s->loads[i];
        const struct k3a_load_res *lr = &r->loads[i];
        double pin = lr->p_kW / (ld->demand_factor > 0 ? ld->demand_factor : 1.0);
        *demand_kW += lr->p_kW;
        *demand_kvar += lr->q_kvar;
        if (!k3a_elem_given(K3A_KIND_LOAD, &ld->hdr, "hours_per_year")) {
            e->load_kWh[i] = NAN;
            continue;
        }
        e->load_kWh[i] = pin * ld->hours_per_year;
        e->model_kWh += e->load_kWh[i];
        if ((unsigned)ld->kind < 7)
            e->enduse_kWh[ld->kind] += e->load_kWh[i];
    }
    e->demand_kW = *demand_kW;
}

/* The bills under the tariff: each month costed, their sums, power
 * factor, the annual energy and cost, the working capacitor banks. */
static void energy_bills(struct k3a_results *r, struct k3a_energy_res *e)
{
    const struct k3a_site *s = r->site;
    double connected;
    size_t i;

    e->tariff = s->n_supplies ? find_tariff(r->models, s->supplies[0].tariff) : NULL;
    /* an unknown tariff group is a warning of the loader (site_check.c) */
    connected = s->n_supplies && s->supplies[0].contracted_kVA > 0
                    ? s->supplies[0].contracted_kVA
                    : 0;
    for (i = 0; i < s->n_bills; i++) {
        const struct k3a_bill *b = &s->bills[i];
        struct k3a_month_res *mo = &e->months[e->n_months++];
        mo->y = b->year;
        mo->m = b->month;
        mo->kvarh = b->kvarh;
        mo->peak_kW = k3a_elem_given(K3A_KIND_BILL, &b->hdr, "peak_kW") ? b->peak_kW : NAN;
        mo->production = k3a_elem_given(K3A_KIND_BILL, &b->hdr, "production") ? b->production
                                                                            : NAN;
        mo->cdd = k3a_elem_given(K3A_KIND_BILL, &b->hdr, "cdd") ? b->cdd : NAN;
        mo->cost_bill_Rp = k3a_elem_given(K3A_KIND_BILL, &b->hdr, "cost_Rp") ? b->cost_Rp
                                                                          : NAN;
        k3a_bill_cost(e->tariff, b->kWh_lwbp, b->kWh_wbp, b->kWh, b->kvarh, connected,
                      &mo->cost);
        mo->kWh = mo->cost.kWh;
    }
    qsort(e->months, e->n_months, sizeof(*e->months), month_cmp);
    e->pf_worst = NAN;
    for (i = 0; i < e->n_months; i++) {
        const struct k3a_month_res *mo = &e->months[i];
        e->bills_kWh += mo->kWh;
        e->bills_kvarh += mo->kvarh;
        e->bills_cost_Rp += mo->cost.total_Rp;
        e->kvarh_charge_Rp += mo->cost.kvarh_Rp;
        if (isfinite(mo->cost_bill_Rp))
            e->bills_cost_given_Rp += mo->cost_bill_Rp;
        if (isfinite(mo->cost.pf) && (isnan(e->pf_worst) || mo->cost.pf < e->pf_worst))
            e->pf_worst = mo->cost.pf;
    }
    e->pf_avg = e->bills_kvarh > 0
                    ? e->bills_kWh / sqrt(e->bills_kWh * e->bills_kWh +
                                          e->bills_kvarh * e->bills_kvarh)
                    : NAN;
    e->annual_from_bills = e->n_months >= 12;
    e->annual_kWh = e->annual_from_bills ? e->bills_kWh * 12.0 / (double)e->n_months
                                         : e->model_kWh;
    e->gap_pct = e->n_months && e->bills_kWh > 0
                     ? 100.0 * (e->model_kWh - e->bills_kWh * 12.0 / (double)e->n_months) /
                           (e->bills_kWh * 12.0 / (double)e->n_months)
                     : NAN;
    e->price_Rp_kWh = e->bills_kWh > 0 && e->bills_cost_Rp > 0
                          ? e->bills_cost_Rp / e->bills_kWh
                      : e->tariff ? e->tariff->lwbp_Rp
                                  : NAN;
    e->annual_cost_Rp = e->annual_from_bills && e->tariff
                            ? e->bills_cost_Rp * 12.0 / (double)e->n_months
                            : e->annual_kWh * e->price_Rp_kWh;
    for (i = 0; i < s->n_capacitors; i++)
        e->kvar_working += s->capacitors[i].working_kvar;
}

/* Losses: cable I2R at the design current and transformer P0 + Pk x^2
 * (methods.md 6.3-6.4); energy over the equivalent hours of the load model
 * (annual kWh / demand kW). */
static void energy_losses(struct k3a_results *r, struct k3a_energy_res *e,
                          double demand_kW)
{
    const struct k3a_site *s = r->site;
    size_t i;

    for (i = 0; r->cables && i < s->n_cables; i++) {
        const struct k3a_cable *cb = &s->cables[i];
        const struct k3a_cable_res *cr = &r->cables[i];
        double n = cb->parallel > 1 ? cb->parallel : 1;
        double nc = cb->phases == 1 ? 2.0 : 3.0;
        if (!cr->energized || isnan(cr->r_ohm_km) || !(cr->ib_calc_A > 0))
            continue;
        e->cable_loss_kW += nc * (cr->ib_calc_A / n) * (cr->ib_calc_A / n) *
                            cr->r_ohm_km * cb->length_m / 1000.0 * n / 1000.0;
    }
    e->h_eq = demand_kW > 0 && e->model_kWh > 0 ? e->model_kWh / demand_kW : 0;
    if (e->h_eq > 8760)
        e->h_eq = 8760;
    for (i = 0; r->tx && i < s->n_transformers; i++) {
        const struct k3a_transformer *t = &s->transformers[i];
        double x = r->tx[i].loading_pct / 100.0;
        if (!r->tx[i].has_losses)
            continue;
        e->tx_loss_kW += r->tx[i].losses_kW;
        e->loss_kWh += t->no_load_loss_W / 1000.0 * 8760.0 +
                       t->load_loss_W / 1000.0 * x * x * e->h_eq;
    }
    e->loss_kWh += e->cable_loss_kW * e->h_eq;
}

/* IKE, specific energy consumption, TOE. */
static void energy_indicators(struct k3a_results *r, struct k3a_energy_res *e)
{
    const struct k3a_site *s = r->site;
    size_t i;

    {
        static const char *const sec_words[] = { "industri", "kantor", "hotel",
                                                 "rumah_sakit", "mall", "sekolah",
                                                 "lainnya" };
        const char *sw = (unsigned)s->site.sector < 7 ? sec_words[s->site.sector] : "";
        if (s->site.floor_area_m2 > 0 && e->annual_kWh > 0) {
            e->ike_kWh_m2 = e->annual_kWh / s->site.floor_area_m2;
            FIND_ROW(r->models, ikes, struct k3a_ike, sw, e->ike_row);
            e->ike_ref = e->ike_row ? e->ike_row->max_kWh_m2_year : NAN;
        } else {
            e->ike_kWh_m2 = e->ike_ref = NAN;
        }
    }
    {
        double prod = 0, kwh = 0;
        for (i = 0; i < e->n_months; i++)
            if (isfinite(e->months[i].production) && e->months[i].production > 0) {
                prod += e->months[i].production;
                kwh += e->months[i].kWh;
            }
        e->sec_kWh_unit = prod > 0 ? kwh / prod : NAN;
    }
    e->toe = e->annual_kWh / 1000.0 / ep(r, "toe_MWh", 11.63, NULL);
}

/* The baseline regression (ASHRAE Guideline 14) on production and/or CDD,
 * from six months of bills. */
static enum k3a_status energy_baseline(struct k3a_energy_res *e)
{
    size_t i;

    if (e->n_months >= 6) {
        double *y = malloc(3 * e->n_months * sizeof(*y)), *x1, *x2;
        size_t n = 0;
        int hp = 1, hc = 1;
        if (!y)
            return K3A_E_NOMEM;
        x1 = y + e->n_months;
        x2 = x1 + e->n_months;
        for (i = 0; i < e->n_months; i++) {
            hp &= isfinite(e->months[i].production);
            hc &= isfinite(e->months[i].cdd);
        }
        for (i = 0; i < e->n_months; i++, n++) {
            y[n] = e->months[i].kWh;
            x1[n] = hp ? e->months[i].production : e->months[i].cdd;
            x2[n] = e->months[i].cdd;
        }
        if ((hp || hc) &&
            k3a_baseline_fit(y, x1, hp && hc ? x2 : NULL, n, &e->fit) == 0) {
            e->has_fit = 1;
            e->fit_uses_production = hp;
            e->fit_uses_cdd = hc;
        }
        free(y);
    }
    return K3A_OK;
}

/* Recommendation: power-factor correction (methods.md 6.2). */
static enum k3a_status reco_pfc(struct k3a_results *r, struct k3a_energy_res *e, size_t *cap,
                                double demand_kW, double demand_kvar)
{
    const struct k3a_site *s = r->site;
    const char *cl;
    size_t i;
    double target = ep(r, "pf_target", 0.95, &cl);
    double pf1 = isfinite(e->pf_worst) ? e->pf_worst : NAN;
    double p = 0;
    if (isnan(pf1) && demand_kW > 0) {
        /* no kVArh on the bills: the load model less the working banks */
        double q = demand_kvar - e->kvar_working;
        pf1 = demand_kW / sqrt(demand_kW * demand_kW + (q > 0 ? q * q : 0));
    }
    for (i = 0; i < e->n_months; i++)
        if (isfinite(e->months[i].peak_kW) && e->months[i].peak_kW > p)
            p = e->months[i].peak_kW;
    if (!(p > 0))
        p = demand_kW;
    e->kvar_needed = k3a_pfc_kvar(p, pf1, target);
    if (e->kvar_needed > 0.5) {
        double step = e->kvar_needed < 50 ? ep(r, "pfc_small_step_kvar", 5, NULL)
                                          : ep(r, "pfc_step_kvar", 25, NULL);
        struct k3a_reco *k = reco_add(e, cap);
        if (!k)
            return K3A_E_NOMEM;
        /* the existing banks' dead steps (rated less working) are
         * repaired first; only the rest is a new bank, in steps */
        double rated = 0, repair, fresh;
        for (i = 0; i < s->n_capacitors; i++)
            rated += s->capacitors[i].rated_kvar;
        repair = rated - e->kvar_working;
        if (!(repair > 0.5))
            repair = 0;
        if (repair > e->kvar_needed)
            repair = e->kvar_needed;
        fresh = e->kvar_needed - repair;
        fresh = fresh > 0.5 ? ceil(fresh / step - 1e-9) * step : 0;
        e->kvar_proposed = fresh;
        k->kind = K3A_RECO_PFC;
        k->elem_kind = K3A_KIND_SITE;
        k->idx = -1;
        if (repair > 0 && fresh > 0) {
            k3a__fmt_lang(k->title_id, sizeof(k->title_id), K3A_LANG_ID,
                     "Perbaiki langkah kapasitor yang mati (%.0f kvar) dan tambah bank "
                     "%.0f kvar (PF %.2f -> %.2f pada %.0f kW)",
                     repair, fresh, pf1, target, p);
            k3a__fmt_lang(k->title_en, sizeof(k->title_en), K3A_LANG_EN,
                     "Repair the dead capacitor steps (%.0f kvar) and add a %.0f kvar "
                     "bank (PF %.2f -> %.2f at %.0f kW)",
                     repair, fresh, pf1, target, p);
        } else if (repair > 0) {
            k3a__fmt_lang(k->title_id, sizeof(k->title_id), K3A_LANG_ID,
                     "Perbaiki langkah kapasitor yang mati (%.0f kvar dari %.0f kvar "
                     "terpasang) (PF %.2f -> %.2f pada %.0f kW)",
                     repair, rated, pf1, target, p);
            k3a__fmt_lang(k->title_en, sizeof(k->title_en), K3A_LANG_EN,
                     "Repair the dead capacitor steps (%.0f of %.0f kvar installed) "
                     "(PF %.2f -> %.2f at %.0f kW)",
                     repair, rated, pf1, target, p);
        } else {
            k3a__fmt_lang(k->title_id, sizeof(k->title_id), K3A_LANG_ID,
                     "Kapasitor bank %.0f kvar (PF %.2f -> %.2f pada %.0f kW)",
                     fresh, pf1, target, p);
            k3a__fmt_lang(k->title_en, sizeof(k->title_en), K3A_LANG_EN,
                     "Capacitor bank %.0f kvar (PF %.2f -> %.2f at %.0f kW)",
                     fresh, pf1, target, p);
        }
        /* the saving is the kVArh charge the bills carry */
        /* (not costed, never 0 Rp, when the tariff group is not in
         * the models) */
        /* nor when the group has no kVArh price in the models (the
         * social groups of Permen ESDM 7/2024: none published), where
         * a 0 would call the bank not viable on a missing number */
        k->saving_Rp = !e->tariff || !(e->tariff->kvarh_Rp > 0) ? NAN
                       : e->n_months ? e->kvarh_charge_Rp * 12.0 / (double)e->n_months
                                     : 0;
        k->saving_kWh = 0;
        /* a repaired step is costed as a new one (capacitor unit and
         * contactor): k3audit's cost assumption per kvar */
        k->cost_Rp = (fresh + repair) * ep(r, "capacitor_cost_Rp_per_kvar", 350000, NULL);
        k->basis = k3a__text_keep(r, "Permen ESDM 7/2024 (kVArh, {FD < 0,85|PF < 0.85})");
        finance(r, k);
    }
    return K3A_OK;
}

/* Recommendations: motors to IE3 / IE4 (IEC 60034-30-1; methods.md 6.6). */
static enum k3a_status reco_motors(struct k3a_results *r, struct k3a_energy_res *e,
                                   size_t *cap)
{
    const struct k3a_site *s = r->site;
    size_t i;

    for (i = 0; i < s->n_loads; i++) {
        /* motors to IE3 / IE4 (IEC 60034-30-1; methods.md 6.6) */
        const struct k3a_load *ld = &s->loads[i];
        const struct k3a_load_res *lr = &r->loads[i];
        const char *c3, *c4, *n3, *n4;
        double e3, e4, eta_old, en, ds, dk, price;
        int to4;
        struct k3a_reco *k;
        if (ld->kind != K3A_LOAD_MOTOR || isnan(e->load_kWh[i]) ||
            ld->starting == K3A_START_VSD)
            continue;
        e3 = k3a_motor_eff_pct(r->models, K3A_IE3, ld->poles > 0 ? ld->poles : 4,
                               ld->rated_kW, &c3, &n3);
        e4 = k3a_motor_eff_pct(r->models, K3A_IE4, ld->poles > 0 ? ld->poles : 4,
                               ld->rated_kW, &c4, &n4);
        eta_old = lr->eff_pct;
        if (isnan(e3) || isnan(e4) || !(eta_old > 0))
            continue;
        to4 = eta_old >= e3 - 0.05;
        en = to4 ? e4 : e3;
        if (!(en > eta_old + 0.05))
            continue;
        dk = ld->quantity * k3a_motor_saving_kW(ld->rated_kW, ld->load_factor,
                                                eta_old / 100.0, en / 100.0);
        ds = dk * ld->hours_per_year;
        price = ep(r, to4 ? "motor_cost_Rp_per_kW_ie4" : "motor_cost_Rp_per_kW_ie3",
                   to4 ? 2200000 : 1500000, NULL);
        k = reco_add(e, cap);
        if (!k)
            return K3A_E_NOMEM;
        k->kind = K3A_RECO_MOTOR;
        k->elem_kind = K3A_KIND_LOAD;
        k->idx = (int32_t)i;
        k3a__fmt_lang(k->title_id, sizeof(k->title_id), K3A_LANG_ID,
                 "Ganti motor %s (%d x %.1f kW, eta %.1f %%) ke %s (%.1f %%)",
                 ld->hdr.name, ld->quantity, ld->rated_kW, eta_old, to4 ? "IE4" : "IE3", en);
        k3a__fmt_lang(k->title_en, sizeof(k->title_en), K3A_LANG_EN,
                 "Replace motor %s (%d x %.1f kW, eta %.1f %%) with %s (%.1f %%)",
                 ld->hdr.name, ld->quantity, ld->rated_kW, eta_old, to4 ? "IE4" : "IE3", en);
        k->saving_kWh = ds;
        k->saving_Rp = ds * e->price_Rp_kWh;
        k->cost_Rp = ld->quantity * ld->rated_kW * price;
        k->basis = k3a__text_keep(r, to4 ? c4 : c3);
        finance(r, k);
    }
    return K3A_OK;
}

/* The lighting power density of each lighting load (SNI 6197:2011; a
 * finding) and, above its limit, a retrofit (methods.md 6.7). */
static enum k3a_status lighting_density(struct k3a_results *r, struct k3a_energy_res *e,
                                        size_t *cap)
{
    const struct k3a_site *s = r->site;
    struct k3a_finding *f;
    size_t i;

    for (i = 0; i < s->n_loads; i++) {
        /* lighting power density (SNI 6197:2011; methods.md 6.7) */
        const struct k3a_load *ld = &s->loads[i];
        const struct k3a_lpd *lim = NULL;
        double w, lpd;
        if (ld->kind != K3A_LOAD_LIGHTING || !(ld->area_m2 > 0))
            continue;
        w = ld->quantity * ld->rated_kW * 1000.0;
        lpd = w / ld->area_m2;
        if (ld->space)
            FIND_ROW(r->models, lpds, struct k3a_lpd, ld->space, lim);
        if (!lim) {
            /* the density is reported; without the space type there is no
             * SNI 6197 limit to judge it by */
            f = k3a__finding_new(r, K3A_KIND_LOAD, (int32_t)i, "lighting_power_density",
                    K3A_WARN, lpd,
                    NAN, "W/m²", "SNI 6197:2011", NULL,
                    NULL);
            if (!f)
                return K3A_E_NOMEM;
            k3a__finding_title_lang(r, f, K3A_LANG_ID,
                     "Daya pencahayaan %s: %.1f W/m²; jenis ruangnya tidak "
                     "diberikan, sehingga tidak dapat dinilai terhadap SNI 6197",
                     ld->hdr.name, lpd);
            k3a__finding_title_lang(r, f, K3A_LANG_EN,
                     "Lighting power density %s: %.1f W/m²; its space type is not "
                     "given, so it cannot be judged against SNI 6197",
                     ld->hdr.name, lpd);
            continue;
        }
        f = k3a__finding_new(r, K3A_KIND_LOAD, (int32_t)i, "lighting_power_density",
                lpd > lim->max_W_m2 ? K3A_FAIL : K3A_PASS, lpd, lim->max_W_m2, "W/m²",
                lim->clause, NULL, NULL);
        if (!f)
            return K3A_E_NOMEM;
        k3a__finding_title_lang(r, f, K3A_LANG_ID,
                 "Daya pencahayaan %s: %.1f W/m² (%.0f W / %.0f m²)", ld->hdr.name, lpd,
                 w, ld->area_m2);
        k3a__finding_title_lang(r, f, K3A_LANG_EN,
                 "Lighting power density %s: %.1f W/m² (%.0f W / %.0f m²)", ld->hdr.name,
                 lpd, w, ld->area_m2);
        if (lpd > lim->max_W_m2 && !isnan(e->load_kWh[i])) {
            double cut_W = w - lim->max_W_m2 * ld->area_m2;
            struct k3a_reco *k = reco_add(e, cap);
            if (!k)
                return K3A_E_NOMEM;
            k->kind = K3A_RECO_LIGHTING;
            k->elem_kind = K3A_KIND_LOAD;
            k->idx = (int32_t)i;
            k3a__fmt_lang(k->title_id, sizeof(k->title_id), K3A_LANG_ID,
                     "Retrofit pencahayaan %s ke %.0f W/m² (hemat %.0f W)", ld->hdr.name,
                     lim->max_W_m2, cut_W);
            k3a__fmt_lang(k->title_en, sizeof(k->title_en), K3A_LANG_EN,
                     "Lighting retrofit %s to %.0f W/m² (%.0f W less)", ld->hdr.name,
                     lim->max_W_m2, cut_W);
            /* REF: methods.md 6.7: dE = (W_old - W_new) h / 1000 */
            k->saving_kWh = cut_W * ld->load_factor * ld->hours_per_year / 1000.0;
            k->saving_Rp = k->saving_kWh * e->price_Rp_kWh;
            k->cost_Rp = cut_W * ep(r, "lighting_cost_Rp_per_W", 6000, NULL);
            k->basis = k3a__text_keep(r, lim->clause);
            finance(r, k);
        }
    }
    return K3A_OK;
}

/* The energy findings: power factor on the bills, IKE, the mandatory
 * energy management threshold, the baseline's fit. */
static enum k3a_status energy_findings(struct k3a_results *r, struct k3a_energy_res *e)
{
    const struct k3a_site *s = r->site;
    const char *cl;
    struct k3a_finding *f;

    if (e->tariff && isfinite(e->pf_avg)) {
        /* a tariff charge, not a safety requirement: a warning, so that
         * the audit's conclusion (site-format 9) is not failed by it */
        f = k3a__finding_new(r, K3A_KIND_SITE, -1, "power_factor_bill",
                e->pf_worst < e->tariff->pf_min ? K3A_WARN : K3A_PASS, e->pf_worst,
                e->tariff->pf_min, "-",
                "Permen ESDM 7/2024 ({kelebihan kVArh ditagih bila faktor daya "
                "rata-rata bulanan < 0,85|excess kVArh billed below a monthly average "
                "power factor of 0.85})", NULL, NULL);
        if (!f)
            return K3A_E_NOMEM;
        char rp_id[40], rp_en[40];
        rp_grouped(rp_id, sizeof(rp_id), e->kvarh_charge_Rp, '.');
        rp_grouped(rp_en, sizeof(rp_en), e->kvarh_charge_Rp, ',');
        k3a__finding_title_lang(r, f, K3A_LANG_ID,
                 "Faktor daya bulanan terendah %.3f (rata-rata %.3f); biaya kVArh Rp %s",
                 e->pf_worst, e->pf_avg, rp_id);
        k3a__finding_title_lang(r, f, K3A_LANG_EN,
                 "Lowest monthly power factor %.3f (average %.3f); kVArh charges Rp %s",
                 e->pf_worst, e->pf_avg, rp_en);
    }
    if (isfinite(e->ike_kWh_m2) && e->ike_row) {
        f = k3a__finding_new(r, K3A_KIND_SITE, -1, "ike",
                e->ike_kWh_m2 > e->ike_ref ? K3A_WARN : K3A_PASS, e->ike_kWh_m2,
                e->ike_ref, "kWh/m²/{tahun|year}", e->ike_row->clause, NULL, NULL);
        if (!f)
            return K3A_E_NOMEM;
        k3a__finding_title_lang(r, f, K3A_LANG_ID,
                 "Intensitas konsumsi energi (IKE) %.0f kWh/m²/tahun", e->ike_kWh_m2);
        k3a__finding_title_lang(r, f, K3A_LANG_EN,
                 "Energy use intensity (IKE) %.0f kWh/m²/year", e->ike_kWh_m2);
    }
    {
        int industry = s->site.sector == K3A_SECTOR_INDUSTRI;
        double thr = ep(r, industry ? "industry_toe_threshold" : "building_toe_threshold",
                        industry ? 4000 : 500, &cl);
        if (e->annual_kWh > 0) {
            f = k3a__finding_new(r, K3A_KIND_SITE, -1, "energy_management",
                    e->toe >= thr ? K3A_WARN : K3A_PASS, e->toe, thr, "TOE", cl, NULL,
                    NULL);
            if (!f)
                return K3A_E_NOMEM;
            k3a__finding_title_lang(r, f, K3A_LANG_ID,
                     "Konsumsi energi listrik %.0f TOE/tahun: %s", e->toe,
                     e->toe >= thr ? "wajib manajemen energi dan audit energi berkala"
                                   : "di bawah ambang wajib manajemen energi");
            k3a__finding_title_lang(r, f, K3A_LANG_EN,
                     "Electricity use %.0f TOE/year: %s", e->toe,
                     e->toe >= thr ? "energy management and periodic audits required"
                                   : "below the mandatory energy-management threshold");
        }
    }
    if (e->has_fit) {
        double cmax = ep(r, "cvrmse_max_pct", 15, NULL);
        double nmax = ep(r, "nmbe_max_pct", 5, NULL);
        int okfit = e->fit.cv_rmse_pct <= cmax && fabs(e->fit.nmbe_pct) <= nmax;
        f = k3a__finding_new(r, K3A_KIND_SITE, -1, "baseline",
                okfit ? K3A_PASS : K3A_WARN,
                e->fit.cv_rmse_pct, cmax, "%",
                "ASHRAE Guideline 14-2014 ({bulanan|monthly}: CV(RMSE) ≤ 15 %, "
                "NMBE ≤ 5 %)", NULL, NULL);
        if (!f)
            return K3A_E_NOMEM;
        k3a__finding_title_lang(r, f, K3A_LANG_ID,
                 "Garis dasar energi (regresi %s): R2 %.3f, CV(RMSE) %.1f %%, NMBE %.2f %%",
                 e->fit_uses_production && e->fit_uses_cdd ? "produksi + CDD"
                 : e->fit_uses_production                  ? "produksi"
                                                           : "CDD",
                 e->fit.r2, e->fit.cv_rmse_pct, e->fit.nmbe_pct);
        k3a__finding_title_lang(r, f, K3A_LANG_EN,
                 "Energy baseline (regression on %s): R2 %.3f, CV(RMSE) %.1f %%, NMBE %.2f %%",
                 e->fit_uses_production && e->fit_uses_cdd ? "production + CDD"
                 : e->fit_uses_production                  ? "production"
                                                           : "CDD",
                 e->fit.r2, e->fit.cv_rmse_pct, e->fit.nmbe_pct);
    }
    return K3A_OK;
}

enum k3a_status k3a__energy_stage(struct k3a_results *r, struct k3a_diag_list *dl)
{
    const struct k3a_site *s = r->site;
    struct k3a_energy_res *e = &r->energy;
    size_t cap = 0;
    double demand_kW = 0, demand_kvar = 0;
    enum k3a_status st;

    (void)dl;
    memset(e, 0, sizeof(*e));
    r->has_energy = 1;
    e->load_kWh = malloc((s->n_loads + 1) * sizeof(*e->load_kWh));
    e->months = calloc(s->n_bills + 1, sizeof(*e->months));
    if (!e->load_kWh || !e->months)
        return K3A_E_NOMEM;
    energy_loads(r, e, &demand_kW, &demand_kvar);
    energy_bills(r, e);
    energy_losses(r, e, demand_kW);
    energy_indicators(r, e);
    if ((st = energy_baseline(e)) != K3A_OK)
        return st;
    /* CO2 */
    FIND_ROW(r->models, grids, struct k3a_grid,
             s->site.grid ? s->site.grid : "jamali", e->grid);
    e->co2_t = e->grid ? e->annual_kWh / 1000.0 * e->grid->tco2_per_MWh : NAN;

    /* recommendations, ranked by payback */
    if ((st = reco_pfc(r, e, &cap, demand_kW, demand_kvar)) != K3A_OK ||
        (st = reco_motors(r, e, &cap)) != K3A_OK ||
        (st = lighting_density(r, e, &cap)) != K3A_OK)
        return st;
    if (e->n_recos > 1)
        qsort(e->recos, e->n_recos, sizeof(*e->recos), reco_cmp);
    (void)SQ3;
    return energy_findings(r, e);
}
