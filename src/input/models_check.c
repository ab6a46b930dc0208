/*
 * models_check.c - the checks a model table needs to be usable, beyond
 * each key's own type and range (models_keys.c): every [param] the
 * program reads known, in its unit and physical range; the tables each
 * file must hold present; x/y lists of equal length and ascending; a
 * limits set complete; a risk profile's scales and matrix whole; rows in
 * order.  No I/O: each problem is a diagnostic.
 */
#include <stdio.h>
#include <string.h>

#include "parse.h"
#include "modeltab.h"
#include "k3audit/arcflash.h"

static const char *const w_lkind[] = { "motor", "lighting", "hvac", "socket",
                                       "heater", "process", "other", NULL };

/* Every [param] the program reads, with its unit and physical range
 * (site-format "Data as data"): a file whose id is `file` (a "limits-"
 * prefix: every limits set) must define each of its params, in this unit,
 * within [min, max] (above min when gt); a param not listed here is an
 * error (a misspelt one would leave the program on its default).  Ranges
 * are what the quantity can physically be, not what a standard says it
 * is: they catch a sign slip, a zero or a unit slip, never a new edition. */
struct param_rule {
    const char *file, *name, *unit;
    double min, max;
    int gt;
    int optional; /* checked when given, not required (a table older than
                   * the param: the program has its own default) */
};
static const struct param_rule param_rules[] = {
    { "cables", "motor_cable_ratio", "-", 1, 10, 0, 0 },
    { "cables", "adiabatic_t_min_s", "s", 0, 5, 1, 0 },
    { "cables", "adiabatic_t_max_s", "s", 0, 60, 1, 0 },
    { "cables", "conductor_max_pvc_C", "C", 20, 250, 1, 0 },
    { "cables", "conductor_max_xlpe_C", "C", 20, 250, 1, 0 },
    { "conductors", "x_default_ohm_km", "ohm/km", 0, 2, 1, 0 },
    { "conductors", "alpha_cu_per_K", "1/K", 0, 0.01, 1, 0 },
    { "conductors", "alpha_al_per_K", "1/K", 0, 0.01, 1, 0 },
    { "energy", "pf_target", "-", 0, 1, 1, 0 },
    { "energy", "pfc_step_kvar", "kvar", 0, 1e4, 1, 0 },
    { "energy", "pfc_small_step_kvar", "kvar", 0, 1e4, 1, 0 },
    { "energy", "capacitor_cost_Rp_per_kvar", "Rp/kvar", 0, 1e9, 0, 0 },
    { "energy", "motor_cost_Rp_per_kW_ie3", "Rp/kW", 0, 1e9, 0, 0 },
    { "energy", "motor_cost_Rp_per_kW_ie4", "Rp/kW", 0, 1e9, 0, 0 },
    { "energy", "lighting_cost_Rp_per_W", "Rp/W", 0, 1e9, 0, 0 },
    { "energy", "discount_rate", "1/year", 0, 1, 0, 0 },
    { "energy", "life_years", "year", 0, 100, 1, 0 },
    { "energy", "cvrmse_max_pct", "%", 0, 100, 1, 0 },
    { "energy", "nmbe_max_pct", "%", 0, 100, 1, 0 },
    { "energy", "toe_MWh", "MWh", 0, 100, 1, 0 },
    { "energy", "industry_toe_threshold", "TOE", 0, 1e9, 1, 0 },
    { "energy", "building_toe_threshold", "TOE", 0, 1e9, 1, 0 },
    /* IEC 60909-0 Table 1: cmax >= 1, cmin <= 1 */
    { "iec60909", "c_max_lv_tol10", "-", 1, 1.2, 0, 0 },
    { "iec60909", "c_max_lv_tol6", "-", 1, 1.2, 0, 0 },
    { "iec60909", "c_min_lv", "-", 0.8, 1, 0, 0 },
    { "iec60909", "c_max_hv", "-", 1, 1.2, 0, 0 },
    { "iec60909", "c_min_hv", "-", 0.8, 1.1, 0, 0 },
    { "iec60909", "kt_factor", "-", 0, 1.5, 1, 0 },
    { "iec60909", "kt_xt_coefficient", "-", 0, 2, 0, 0 },
    { "iec60909", "kappa_method_c_ratio", "-", 0, 1, 1, 0 },
    { "iec60909", "theta_end_pvc_C", "C", 20, 400, 1, 0 },
    { "iec60909", "theta_end_xlpe_C", "C", 20, 400, 1, 0 },
    { "iec60909", "line_alpha_per_K", "1/K", 0, 0.01, 1, 0 },
    { "iec60909", "motor_ilr_ir_lv", "-", 1, 20, 1, 0 },
    { "iec60909", "motor_r_over_x_lv", "-", 0, 2, 1, 0 },
    { "iec60909", "motor_ilr_ir_mv", "-", 1, 20, 1, 0 },
    { "iec60909", "motor_r_over_x_mv", "-", 0, 2, 1, 0 },
    { "iec60909", "motor_default_pf", "-", 0, 1, 1, 0 },
    { "iec60909", "motor_default_eff", "-", 0, 1, 1, 0 },
    { "iec60909", "gen_r_over_x_lv", "-", 0, 2, 1, 0 },
    { "iec60909", "gen_r_over_x_hv", "-", 0, 2, 1, 0 },
    { "iec60909", "tx_zero_seq_x_factor", "-", 0, 10, 1, 0 },
    { "iec60909", "cable_zero_seq_factor", "-", 0, 20, 1, 0 },
    { "ieee1584-2018", "voc_min_kV", "kV", 0, 1, 1, 0 },
    { "ieee1584-2018", "voc_max_kV", "kV", 1, 50, 1, 0 },
    { "ieee1584-2018", "ibf_lv_min_kA", "kA", 0, 200, 1, 0 },
    { "ieee1584-2018", "ibf_lv_max_kA", "kA", 0, 200, 1, 0 },
    { "ieee1584-2018", "ibf_mv_min_kA", "kA", 0, 200, 1, 0 },
    { "ieee1584-2018", "ibf_mv_max_kA", "kA", 0, 200, 1, 0 },
    { "ieee1584-2018", "gap_lv_min_mm", "mm", 0, 1000, 1, 0 },
    { "ieee1584-2018", "gap_lv_max_mm", "mm", 0, 1000, 1, 0 },
    { "ieee1584-2018", "gap_mv_min_mm", "mm", 0, 1000, 1, 0 },
    { "ieee1584-2018", "gap_mv_max_mm", "mm", 0, 1000, 1, 0 },
    { "ieee1584-2018", "distance_min_mm", "mm", 0, 1e4, 1, 0 },
    { "ieee1584-2018", "enclosure_max_mm", "mm", 0, 1e4, 1, 0 },
    { "ieee1584-2018", "opening_max_m2", "m2", 0, 100, 1, 0 },
    { "ieee1584-2018", "width_min_gaps", "-", 0, 100, 1, 0 },
    { "ieee1584-2018", "shallow_max_mm", "mm", 0, 1e4, 1, 0 },
    { "ieee1584-2018", "shallow_depth_max_mm", "mm", 0, 1e4, 1, 0 },
    { "ieee1584-2018", "energy_factor", "J/cm2/ms", 0, 10, 1, 0 },
    { "ieee1584-2018", "lee_factor", "J mm2/(cm2 kV kA s)", 0, 1e8, 1, 0 },
    /* the thermochemical (4.184) or the international (4.1868) calorie */
    { "ieee1584-2018", "joule_per_cal", "J/cal", 4.18, 4.19, 0, 0 },
    { "ieee1584-2018", "afb_threshold_J_cm2", "J/cm2", 0, 100, 1, 0 },
    { "limits-", "distribution_tn_s", "s", 0, 60, 1, 0 },
    { "limits-", "distribution_tt_s", "s", 0, 60, 1, 0 },
    { "limits-", "touch_voltage_dry_V", "V", 0, 1000, 1, 0 },
    { "limits-", "touch_voltage_wet_V", "V", 0, 1000, 1, 0 },
    { "limits-", "tt_ra_idn_max_V", "V", 0, 1000, 1, 0 },
    { "limits-", "rcd_additional_max_mA", "mA", 0, 1000, 1, 0 },
    { "limits-", "rcd_fire_max_mA", "mA", 0, 1e4, 1, 0 },
    { "limits-", "rcd_trip_1x_max_ms", "ms", 0, 1e4, 1, 0 },
    { "limits-", "rcd_trip_5x_max_ms", "ms", 0, 1e4, 1, 0 },
    { "limits-", "inspection_interval_months", "month", 0, 120, 1, 0 },
    { "limits-", "lightning_test_interval_months", "month", 0, 120, 1, 0 },
    { "limits-", "ahli_k3_generation_kVA", "kVA", 0, 1e6, 1, 0 },
    { "limits-", "lightning_down_conductor_min_mm2", "mm2", 0, 1000, 1, 0 },
    { "limits-", "fop_plateau_tolerance", "-", 0, 1, 1, 0 },
    { "limits-", "fop_differ_pct", "%", 0, 100, 1, 0 },
    { "limits-", "rcd_s_1x_min_ms", "ms", 0, 1e4, 1, 0 },
    { "limits-", "rcd_s_1x_max_ms", "ms", 0, 1e4, 1, 0 },
    { "limits-", "rcd_s_5x_max_ms", "ms", 0, 1e4, 1, 0 },
    { "limits-", "rcd_trip_min_fraction", "-", 0, 1, 1, 0 },
    { "limits-", "ir_motor_lv_min_Mohm", "Mohm", 0, 1e6, 1, 0 },
    { "limits-", "ir_motor_mv_min_Mohm", "Mohm", 0, 1e6, 1, 0 },
    { "limits-", "pi_min_class_a", "-", 1, 10, 0, 0 },
    { "limits-", "pi_min_class_bfh", "-", 1, 10, 0, 0 },
    { "limits-", "pi_not_meaningful_Mohm", "Mohm", 0, 1e7, 1, 0 },
    { "limits-", "dar_min", "-", 1, 10, 0, 0 },
    { "limits-", "ir_trend_warn_years", "year", 0, 100, 1, 0 },
    { "limits-", "voltage_max_pct", "%", 0, 100, 1, 0 },
    { "limits-", "voltage_min_pct", "%", -100, 0, 0, 0 },
    { "limits-", "voltage_unbalance_max_pct", "%", 0, 100, 1, 0 },
    { "limits-", "current_unbalance_max_pct", "%", 0, 100, 1, 0 },
    { "limits-", "pf_min", "-", 0, 1, 1, 0 },
    { "limits-", "thd_v_lv_max_pct", "%", 0, 100, 1, 0 },
    { "limits-", "thd_v_mv_max_pct", "%", 0, 100, 1, 0 },
    { "limits-", "thd_v_hv_max_pct", "%", 0, 100, 1, 1 },
    { "limits-", "thd_v_ehv_max_pct", "%", 0, 100, 1, 1 },
    { "limits-", "neutral_over_phase_max", "-", 0, 10, 1, 0 },
    { "limits-", "thermo_min_load_pct", "%", 0, 100, 0, 0 },
    { "limits-", "touch_bonding_V", "V", 0, 1000, 1, 0 },
    { "limits-", "loop_zs_measured_factor", "-", 0, 1, 1, 1 },
    { "limits-", "ieee43_test_V_lv", "V", 0, 1e5, 1, 0 },
    { "nfpa70e", "no_ppe_max_cal_cm2", "cal/cm2", 0, 100, 1, 0 },
    { "protection", "curve_max_multiple", "-", 1, 1000, 1, 0 },
    /* fix round: optional new model values (models/ ships them) */
    { "protection", "mcb_d_5s_multiple", "-", 1, 100, 1, 1 },
    /* the verdicts work (issue 19) */
    { "iec60909", "gen_x0_over_xd2", "-", 0, 10, 1, 0 },
    { "limits-", "u0_nominal_380_V", "V", 0, 1000, 1, 0 },
    { "limits-", "u0_nominal_400_V", "V", 0, 1000, 1, 0 },
    { "limits-", "u0_nominal_415_V", "V", 0, 1000, 1, 0 },
    { "limits-", "u0_nominal_690_V", "V", 0, 1000, 1, 0 },
    { "limits-", "final_circuit_max_A", "A", 0, 1000, 1, 0 },
    { "limits-", "rcd_s_5x_min_ms", "ms", 0, 1e4, 1, 0 },
    { "limits-", "socket_rcd_max_A", "A", 0, 1000, 1, 0 },
    { "limits-", "tt_ra_idn_wet_max_V", "V", 0, 1000, 1, 0 },
    { "limits-", "rod_rho_mismatch_factor", "-", 1, 100, 1, 0 },
    { "limits-", "loop_zs_uncertainty_fraction", "-", 0, 1, 0, 1 },
    { "risk-rules", "likelihood_raise_max", "-", 0, 4, 0, 0 },
};

/* Params that must be in order: lo < hi (or lo <= hi with eq). */
static const struct {
    const char *file, *lo, *hi;
    int eq;
} param_order[] = {
    { "cables", "adiabatic_t_min_s", "adiabatic_t_max_s", 0 },
    { "iec60909", "c_min_lv", "c_max_lv_tol6", 1 },
    { "iec60909", "c_max_lv_tol6", "c_max_lv_tol10", 1 },
    { "iec60909", "c_min_hv", "c_max_hv", 1 },
    { "ieee1584-2018", "voc_min_kV", "voc_max_kV", 0 },
    { "ieee1584-2018", "ibf_lv_min_kA", "ibf_lv_max_kA", 0 },
    { "ieee1584-2018", "ibf_mv_min_kA", "ibf_mv_max_kA", 0 },
    { "ieee1584-2018", "gap_lv_min_mm", "gap_lv_max_mm", 0 },
    { "ieee1584-2018", "gap_mv_min_mm", "gap_mv_max_mm", 0 },
    { "ieee1584-2018", "shallow_depth_max_mm", "shallow_max_mm", 1 },
    { "limits-", "touch_voltage_wet_V", "touch_voltage_dry_V", 1 },
    { "limits-", "rcd_s_1x_min_ms", "rcd_s_1x_max_ms", 0 },
    { "limits-", "rcd_trip_5x_max_ms", "rcd_trip_1x_max_ms", 1 },
    { "limits-", "rcd_additional_max_mA", "rcd_fire_max_mA", 1 },
    { "limits-", "voltage_min_pct", "voltage_max_pct", 0 },
    { "limits-", "rcd_s_5x_min_ms", "rcd_s_5x_max_ms", 0 },
    { "limits-", "tt_ra_idn_wet_max_V", "tt_ra_idn_max_V", 1 },
};

/* The tables (row kinds) each model file must hold for the program to
 * use it: a file lacking one is an error naming it, not curves or limits
 * silently missing. */
static const struct {
    const char *file;
    enum model_kind kinds[6];
} required_tables[] = {
    { "cables", { MK_AMPACITY, MK_AMBIENT, MK_GROUPING, MK_ADIABATIC, MK_I2, MK_MODEL } },
    { "conductors", { MK_COND, MK_MODEL } },
    { "energy", { MK_GRID, MK_IKE, MK_LPD, MK_MODEL } },
    { "ieee1584-2018", { MK_AF_IARC, MK_AF_VARCF, MK_AF_ENERGY, MK_AF_CF, MK_AF_EES, MK_MODEL } },
    { "ieee1584-equipment", { MK_CLASS, MK_MODEL } },
    { "limits-", { MK_RODF, MK_TDD, MK_THERMO, MK_MODEL } },
    { "loads", { MK_LOADKIND, MK_MOTOREFF, MK_MODEL } },
    { "nfpa70e", { MK_PPE, MK_APPROACH, MK_MODEL } },
    { "observations", { MK_ITEM, MK_MODEL } },
    { "protection", { MK_CURVE, MK_MCB, MK_MODEL } },
    { "risk-rules", { MK_RULE, MK_MODEL } },
    { "tariff-pln", { MK_TARIFF, MK_MODEL } },
    { "transformer-typical", { MK_TYPICAL, MK_MODEL } },
};

static int file_is(const struct k3a_model_file *f, const char *id)
{
    size_t n = strlen(id);

    if (!f->meta.id)
        return 0;
    if (n && id[n - 1] == '-')
        return strncmp(f->meta.id, id, n) == 0;
    return strcmp(f->meta.id, id) == 0;
}

static void check_lists(const struct k3a_model_file *f, const char *kind,
                        const struct k3a_elem *h,
                        const struct k3a_reading_list *x, const char *xk,
                        const struct k3a_reading_list *y, const char *yk,
                        struct k3a_diag_list *dl)
{
    char label[64];
    size_t i;

    snprintf(label, sizeof(label), "%s %s", kind, h->name);
    if (x->n != y->n)
        k3a_diag_add(dl, K3A_ERROR, K3A_E_INPUT, floc(f, h->line, label, yk),
                     "%zu values for %zu %s", y->n, x->n, xk);
    for (i = 0; i < x->n; i++) {
        if (x->v[i].cmp || (i < y->n && y->v[i].cmp))
            k3a_diag_add(dl, K3A_ERROR, K3A_E_INPUT,
                         floc(f, h->line, label, x->v[i].cmp ? xk : yk),
                         "table values must be exact (no '>' or '<')");
        if (i && !(x->v[i].value > x->v[i - 1].value))
            k3a_diag_add(dl, K3A_ERROR, K3A_E_INPUT,
                         floc(f, h->line, label, xk),
                         "values must be in ascending order");
    }
}

/* Each [param] against param_rules: known, in its unit, in its range;
 * each rule of this file present; the ordered pairs in order. */
static void check_params(const struct k3a_model_file *f, struct k3a_diag_list *dl)
{
    size_t i, j, nr = sizeof(param_rules) / sizeof(param_rules[0]);

    for (i = 0; i < f->n_params; i++) {
        const struct k3a_param *p = &f->params[i];
        const struct param_rule *r = NULL;
        const char *best = NULL;
        int bestd = 99, vline = k3a_elem_key_line(&p->hdr, 0);
        char label[80];

        snprintf(label, sizeof(label), "param %s", p->hdr.name);
        for (j = 0; j < nr && !r; j++)
            if (strcmp(param_rules[j].name, p->hdr.name) == 0)
                r = &param_rules[j];
        if (!r) {
            for (j = 0; j < nr; j++) {
                int d = file_is(f, param_rules[j].file)
                            ? k3a__edit_distance(param_rules[j].name, p->hdr.name)
                            : 99;
                if (d < bestd) {
                    bestd = d;
                    best = param_rules[j].name;
                }
            }
            if (best && bestd <= 3)
                k3a_diag_add(dl, K3A_ERROR, K3A_E_UNKNOWN_KEY,
                             floc(f, p->hdr.line, label, ""),
                             "unknown param (did you mean '%s'?)", best);
            else
                k3a_diag_add(dl, K3A_ERROR, K3A_E_UNKNOWN_KEY,
                             floc(f, p->hdr.line, label, ""),
                             "unknown param: the program reads no param of this name");
            continue;
        }
        if (!file_is(f, r->file)) {
            k3a_diag_add(dl, K3A_ERROR, K3A_E_INPUT, floc(f, p->hdr.line, label, ""),
                         "this param belongs in the model with id '%s%s'", r->file,
                         r->file[strlen(r->file) - 1] == '-' ? "..." : "");
            continue;
        }
        if (p->unit && strcmp(p->unit, r->unit) != 0)
            k3a_diag_add(dl, K3A_ERROR, K3A_E_INPUT,
                         floc(f, k3a_elem_key_line(&p->hdr, 1) > 0
                                     ? k3a_elem_key_line(&p->hdr, 1)
                                     : p->hdr.line,
                              label, "unit"),
                         "must be '%s', not '%s'", r->unit, p->unit);
        if (((p->hdr.given >> 0) & 1u) &&
            ((r->gt ? !(p->value > r->min) : !(p->value >= r->min)) || !(p->value <= r->max))) {
            char v[32], lo[32], hi[32];
            k3a__fmt_double(v, sizeof(v), p->value);
            k3a__fmt_double(lo, sizeof(lo), r->min);
            k3a__fmt_double(hi, sizeof(hi), r->max);
            k3a_diag_add(dl, K3A_ERROR, K3A_E_RANGE,
                         floc(f, vline > 0 ? vline : p->hdr.line, label, "value"),
                         "%s is out of range (expected %s%s to %s%s%s)", v,
                         r->gt ? "above " : "", lo, hi, strcmp(r->unit, "-") ? " " : "",
                         strcmp(r->unit, "-") ? r->unit : "");
        }
    }
    if (!f->meta.id)
        return;
    for (j = 0; j < nr; j++)
        if (file_is(f, param_rules[j].file) && !param_rules[j].optional &&
            !k3a_model_param(f, param_rules[j].name))
            k3a_diag_add(dl, K3A_ERROR, K3A_E_MISSING_KEY,
                         floc(f, f->meta.hdr.line, "model", ""),
                         "this model needs [param %s] (%s)", param_rules[j].name,
                         param_rules[j].unit);
    for (j = 0; j < sizeof(param_order) / sizeof(param_order[0]); j++) {
        const struct k3a_param *lo, *hi;
        if (!file_is(f, param_order[j].file))
            continue;
        lo = k3a_model_param(f, param_order[j].lo);
        hi = k3a_model_param(f, param_order[j].hi);
        if (lo && hi &&
            (param_order[j].eq ? !(lo->value <= hi->value) : !(lo->value < hi->value))) {
            char label[80];
            snprintf(label, sizeof(label), "param %s", hi->hdr.name);
            k3a_diag_add(dl, K3A_ERROR, K3A_E_RANGE, floc(f, hi->hdr.line, label, "value"),
                         "must be %s [param %s] (line %d)",
                         param_order[j].eq ? "at least" : "above", lo->hdr.name,
                         lo->hdr.line);
        }
    }
    for (j = 0; j < sizeof(required_tables) / sizeof(required_tables[0]); j++) {
        size_t k;
        if (!file_is(f, required_tables[j].file))
            continue;
        for (k = 0; k < 6 && required_tables[j].kinds[k] != MK_MODEL; k++) {
            const struct k3a__kind *kd = &k3a__model_kinds[required_tables[j].kinds[k]];
            if (k3a__store_count(f, kd) == 0)
                k3a_diag_add(dl, K3A_ERROR, K3A_E_MISSING_KEY,
                             floc(f, f->meta.hdr.line, "model", ""),
                             "the model '%s' needs its [%s] rows (none given)", f->meta.id,
                             kd->word);
        }
    }
}

/* A limits set: an [earthing] row for every purpose, and the
 * [insulation], [vdrop] and [disconnection] rows. */
static void check_limits_set(const struct k3a_model_file *f,
                             struct k3a_diag_list *dl)
{
    size_t i, j;

    for (j = 0; j < 4; j++) {
        int found = 0;
        for (i = 0; i < f->n_earth; i++)
            found |= f->earth[i].purpose == (enum k3a_earth_purpose)j;
        if (!found)
            k3a_diag_add(dl, K3A_ERROR, K3A_E_MISSING_KEY,
                         floc(f, f->meta.hdr.line, "model", ""),
                         "a limits set needs an [earthing] row with "
                         "purpose = %s",
                         k3a__mw_purpose[j]);
    }
    if (!f->n_ir || !f->n_vdrop || !f->n_disc)
        k3a_diag_add(dl, K3A_ERROR, K3A_E_MISSING_KEY,
                     floc(f, f->meta.hdr.line, "model", ""),
                     "a limits set needs [insulation], [vdrop] and "
                     "[disconnection] rows");
}

/* The x/y lists of the tables that are curves: ampacity, ambient and
 * grouping factors, motor efficiency. */
static void check_table_lists(const struct k3a_model_file *f,
                              struct k3a_diag_list *dl)
{
    size_t i;

    for (i = 0; i < f->n_ampacity; i++)
        check_lists(f, "ampacity", &f->ampacity[i].hdr, &f->ampacity[i].sizes_mm2,
                    "sizes_mm2", &f->ampacity[i].iz_A, "iz_A", dl);
    for (i = 0; i < f->n_ambient; i++)
        check_lists(f, "ambient", &f->ambient[i].hdr,
                    &f->ambient[i].temperatures_C, "temperatures_C",
                    &f->ambient[i].factors, "factors", dl);
    for (i = 0; i < f->n_grouping; i++)
        check_lists(f, "grouping", &f->grouping[i].hdr, &f->grouping[i].circuits,
                    "circuits", &f->grouping[i].factors, "factors", dl);
    for (i = 0; i < f->n_motoreff; i++)
        check_lists(f, "motoreff", &f->motoreff[i].hdr, &f->motoreff[i].kw, "kw",
                    &f->motoreff[i].eff_pct, "eff_pct", dl);
}

/* Each [loadkind] is named for a load kind. */
static void check_load_kinds(const struct k3a_model_file *f,
                             struct k3a_diag_list *dl)
{
    size_t i, j;

    for (i = 0; i < f->n_loadkind; i++) {
        int ok = 0;
        for (j = 0; w_lkind[j]; j++)
            ok |= strcmp(w_lkind[j], f->loadkind[i].hdr.name) == 0;
        if (!ok)
            k3a_diag_add(dl, K3A_ERROR, K3A_E_INPUT,
                         floc(f, f->loadkind[i].hdr.line, "loadkind", ""),
                         "[loadkind %s]: the name must be a load kind "
                         "(motor, lighting, hvac, socket, heater, process, "
                         "other)",
                         f->loadkind[i].hdr.name);
    }
}

/* A risk profile's matrix: both scales 1..5, a band for every cell. */
static void check_risk_matrix(const struct k3a_model_file *f,
                              struct k3a_diag_list *dl)
{
    int seen_l[6] = { 0 }, seen_s[6] = { 0 }, seen_r[6] = { 0 }, k;
    size_t i, j;

    for (i = 0; i < f->n_likelihood; i++)
        seen_l[f->likelihood[i].score]++;
    for (i = 0; i < f->n_severity; i++)
        seen_s[f->severity[i].score]++;
    for (i = 0; i < f->n_rows; i++) {
        const struct k3a_matrix_row *rw = &f->rows[i];
        const char *cells[5] = { rw->s1, rw->s2, rw->s3, rw->s4, rw->s5 };
        seen_r[rw->likelihood]++;
        for (k = 0; k < 5; k++) {
            int ok = 0;
            for (j = 0; j < f->n_bands && cells[k]; j++)
                ok |= strcmp(f->bands[j].hdr.name, cells[k]) == 0;
            if (cells[k] && !ok)
                k3a_diag_add(dl, K3A_ERROR, K3A_E_REF,
                             floc(f, rw->hdr.line, "row", ""),
                             "[row %s] s%d: no [band %s]", rw->hdr.name,
                             k + 1, cells[k]);
        }
    }
    for (k = 1; k <= 5; k++)
        if (seen_l[k] != 1 || seen_s[k] != 1 || seen_r[k] != 1)
            k3a_diag_add(dl, K3A_ERROR, K3A_E_MISSING_KEY,
                         floc(f, f->meta.hdr.line, "model", ""),
                         "a risk profile needs exactly one [likelihood], "
                         "[severity] and [row] for score %d",
                         k);
}

/* A risk profile's controls: the five levels of the hierarchy. */
static void check_risk_controls(const struct k3a_model_file *f,
                                struct k3a_diag_list *dl)
{
    size_t i, j;

    if (f->n_controls != 5)
        k3a_diag_add(dl, K3A_ERROR, K3A_E_MISSING_KEY,
                     floc(f, f->meta.hdr.line, "model", ""),
                     "a risk profile needs the five [control] levels "
                     "(eliminasi, substitusi, rekayasa, administratif, "
                     "apd)");
    for (i = 0; i < f->n_controls; i++) {
        int ok = 0;
        for (j = 0; k3a__mw_control[j]; j++)
            ok |= strcmp(k3a__mw_control[j], f->controls[i].hdr.name) == 0;
        if (!ok)
            k3a_diag_add(dl, K3A_ERROR, K3A_E_INPUT,
                         floc(f, f->controls[i].hdr.line, "control", ""),
                         "[control %s]: the name must be a control level "
                         "(eliminasi, substitusi, rekayasa, administratif, "
                         "apd)",
                         f->controls[i].hdr.name);
    }
}

/* An observation condition of a risk rule's modifier names its item. */
static void check_modifiers(const struct k3a_model_file *f,
                            struct k3a_diag_list *dl)
{
    size_t i;

    for (i = 0; i < f->n_modifiers; i++)
        if ((f->modifiers[i].when == K3A_WHEN_OBS_BAD ||
             f->modifiers[i].when == K3A_WHEN_OBS_OK) &&
            !f->modifiers[i].item)
            k3a_diag_add(dl, K3A_ERROR, K3A_E_MISSING_KEY,
                         floc(f, f->modifiers[i].hdr.line, "modifier", "item"),
                         "[modifier %s]: an observation condition needs item",
                         f->modifiers[i].hdr.name);
}

/* The IEEE 1584 equipment classes: a voltage band, known equipment. */
static void check_classes(const struct k3a_model_file *f,
                          struct k3a_diag_list *dl)
{
    size_t i, j;

    for (i = 0; i < f->n_classes; i++) {
        const struct k3a_equip_class *c = &f->classes[i];
        char label[48];
        snprintf(label, sizeof(label), "class %s", c->hdr.name);
        if (!(c->kv_max > c->kv_above))
            k3a_diag_add(dl, K3A_ERROR, K3A_E_RANGE,
                         floc(f, c->hdr.line, label, "kv_max"),
                         "kv_max must be above kv_above");
        if (c->equipment) {
            static const char *const eq[] = { "switchgear", "switchboard",
                                              "panelboard", "mcc",
                                              "junction_box", NULL };
            char buf[128], *tok, *save = NULL;
            snprintf(buf, sizeof(buf), "%s", c->equipment);
            for (tok = strtok_r(buf, ", ", &save); tok;
                 tok = strtok_r(NULL, ", ", &save)) {
                int ok = 0;
                for (j = 0; eq[j]; j++)
                    ok |= strcmp(eq[j], tok) == 0;
                if (!ok)
                    k3a_diag_add(dl, K3A_ERROR, K3A_E_INPUT,
                                 floc(f, c->hdr.line, label, "equipment"),
                                 "unknown equipment '%s'", tok);
            }
        }
    }
}

/* Bands with their two ends in order, and tables looked up by a rising
 * column in that order. */
static void check_row_order(const struct k3a_model_file *f,
                            struct k3a_diag_list *dl)
{
    size_t i;

    for (i = 0; i < f->n_mcbs; i++)
        if (!(f->mcbs[i].low_multiple < f->mcbs[i].high_multiple))
            k3a_diag_add(dl, K3A_ERROR, K3A_E_RANGE,
                         floc(f, f->mcbs[i].hdr.line, "mcb", "high_multiple"),
                         "[mcb %s]: high_multiple must be above low_multiple",
                         f->mcbs[i].hdr.name);
    for (i = 1; i < f->n_ppe; i++)
        if (!(f->ppe[i].category > f->ppe[i - 1].category) ||
            !(f->ppe[i].max_cal_cm2 > f->ppe[i - 1].max_cal_cm2))
            k3a_diag_add(dl, K3A_ERROR, K3A_E_INPUT,
                         floc(f, f->ppe[i].hdr.line, "ppe", "max_cal_cm2"),
                         "rows must be in increasing category and max_cal_cm2");
    for (i = 0; i < f->n_approach; i++)
        if (!(f->approach[i].v_max_V > f->approach[i].v_above_V))
            k3a_diag_add(dl, K3A_ERROR, K3A_E_RANGE,
                         floc(f, f->approach[i].hdr.line, "approach", "v_max_V"),
                         "v_max_V must be above v_above_V");
    for (i = 0; i < f->n_disc; i++)
        if (!(f->disc[i].u0_max_V > f->disc[i].u0_above_V))
            k3a_diag_add(dl, K3A_ERROR, K3A_E_RANGE,
                         floc(f, f->disc[i].hdr.line, "disconnection", "u0_max_V"),
                         "u0_max_V must be above u0_above_V");
    for (i = 1; i < f->n_ir; i++)
        if (!(f->ir[i].max_nominal_V > f->ir[i - 1].max_nominal_V))
            k3a_diag_add(dl, K3A_ERROR, K3A_E_INPUT,
                         floc(f, f->ir[i].hdr.line, "insulation", "max_nominal_V"),
                         "rows must be in increasing max_nominal_V");
    for (i = 1; i < f->n_typical; i++)
        if (!(f->typical[i].kva_max > f->typical[i - 1].kva_max))
            k3a_diag_add(dl, K3A_ERROR, K3A_E_INPUT,
                         floc(f, f->typical[i].hdr.line, "typical", "kva_max"),
                         "rows must be in increasing kva_max");
}

/* Checks that go beyond the key table, in the order a reader meets them:
 * the header, the params, then each kind of table. */
void k3a__model_validate(const struct k3a_model_file *f,
                         struct k3a_diag_list *dl)
{
    if (!f->meta.hdr.line) {
        k3a_diag_add(dl, K3A_ERROR, K3A_E_MISSING_KEY, floc(f, 1, "model", ""),
                     "a model file needs a [model] section (id, title, "
                     "source, year, version, confidence)");
        return;
    }
    check_params(f, dl);
    if (f->meta.id && strncmp(f->meta.id, "limits-", 7) == 0)
        check_limits_set(f, dl);
    if (f->n_ppe > K3A_NFPA_ROWS_MAX || f->n_approach > K3A_NFPA_ROWS_MAX)
        k3a_diag_add(dl, K3A_ERROR, K3A_E_INPUT, floc(f, f->meta.hdr.line, "model", ""),
                     "%zu [ppe] and %zu [approach] rows; at most %d of each",
                     f->n_ppe, f->n_approach, K3A_NFPA_ROWS_MAX);
    check_table_lists(f, dl);
    check_load_kinds(f, dl);
    if (f->meta.id && strncmp(f->meta.id, "risk-", 5) == 0 &&
        strcmp(f->meta.id, "risk-rules") != 0) {
        check_risk_matrix(f, dl);
        check_risk_controls(f, dl);
    }
    check_modifiers(f, dl);
    check_classes(f, dl);
    check_row_order(f, dl);
}
