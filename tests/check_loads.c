/*
 * check_loads.c - cable capacity, correction factors, voltage drop,
 * coordination and transformer loading against the published examples of
 * ../shared/reference/methods.md 3.1-3.5.
 */
#include <math.h>
#include <string.h>

#include "k3audit/audit.h"
#include "k3audit/load.h"
#include "k3audit/loads.h"
#include "tests.h"

static struct k3a_models models;
static int models_loaded;

static void setup(void)
{
    test_models(&models);
    models_loaded = 1;
}

static void teardown(void)
{
    k3a_models_release(&models);
    models_loaded = 0;
}

static const struct k3a_models *mods(void)
{
    ck_assert(models_loaded);
    return &models;
}

static double iz(enum k3a_material mat, enum k3a_insulation_type ins,
                 int loaded, enum k3a_method me, double s, double amb,
                 int grouped, enum k3a_group_row arr, unsigned *flags)
{
    struct k3a_ampacity_in in;
    struct k3a_ampacity_out out;

    memset(&in, 0, sizeof(in));
    in.material = mat;
    in.insulation = ins;
    in.loaded = loaded;
    in.method = me;
    in.size_mm2 = s;
    in.ambient_C = amb;
    in.grouped = grouped;
    in.arrangement = arr;
    in.parallel = 1;
    *flags = k3a_ampacity(mods(), &in, &out);
    return out.iz_A;
}

START_TEST(atlas_copco_b2_ratings)
{
    /* CHECKS: methods.md 3.2, Atlas Copco GA 75+ manual, method B2, 3 loaded
     * Cu/PVC: ratings at 30 C and the manual's derated values at 40, 45,
     * 50, 55 C (rounded to the nearest ampere by the manual) */
    static const double size[] = { 4, 6, 10, 16, 25, 35, 50, 70, 95, 120 };
    static const double at[5][10] = {
        { 27, 34, 46, 62, 80, 99, 118, 149, 179, 206 },
        { 23, 30, 40, 54, 70, 86, 103, 130, 156, 179 },
        { 21, 27, 36, 49, 63, 78, 93, 118, 141, 163 },
        { 19, 24, 33, 44, 57, 70, 84, 106, 127, 146 },
        { 16, 21, 28, 38, 49, 60, 72, 91, 109, 126 },
    };
    static const double temp[] = { 30, 40, 45, 50, 55 };
    unsigned fl;
    int t, k;

    for (t = 0; t < 5; t++)
        for (k = 0; k < 10; k++) {
            double v = iz(K3A_MAT_CU, K3A_INS_PVC, 3, K3A_METHOD_B2, size[k],
                          temp[t], 1, K3A_GROUP_BUNCHED, &fl);
            ck_assert_uint_eq(fl, 0);
            /* the manual rounds; 0.5 A plus the rounding of the factor */
            ck_assert_msg(fabs(v - at[t][k]) <= 0.51 + 0.005 * at[0][k],
                          "%g mm2 at %g C: %g A, manual %g A", size[k], temp[t],
                          v, at[t][k]);
        }
}
END_TEST

START_TEST(capacity_spot_values)
{
    /* CHECKS: methods.md 3.1: Cu/PVC/3/A1 240 mm2 is 286 A in every source
     * but one (the correction noted there) */
    unsigned fl;

    ck_assert_double_eq_tol(iz(K3A_MAT_CU, K3A_INS_PVC, 3, K3A_METHOD_A1, 240,
                               NAN, 1, K3A_GROUP_BUNCHED, &fl),
                            286, 1e-9);
    ck_assert_uint_eq(fl, 0);
    /* ground methods use 20 C as reference: no correction at default */
    ck_assert_double_eq_tol(iz(K3A_MAT_CU, K3A_INS_XLPE, 3, K3A_METHOD_D2, 95,
                               NAN, 1, K3A_GROUP_BUNCHED, &fl),
                            226, 1e-9);
    /* B.52.15 ground, XLPE at 30 C: 0.93 */
    ck_assert_double_eq_tol(iz(K3A_MAT_CU, K3A_INS_XLPE, 3, K3A_METHOD_D2, 95,
                               30, 1, K3A_GROUP_BUNCHED, &fl),
                            226 * 0.93, 1e-9);
}
END_TEST

START_TEST(k_theta_follows_the_formula)
{
    /* methods.md 3.2: the tables follow k = sqrt((tmax - t)/(tmax - tref))
     * rounded to two decimals */
    static const double temps[] = { 10, 15, 20, 25, 35, 40, 45, 50, 55, 60 };
    unsigned fl;
    size_t i;

    for (i = 0; i < sizeof(temps) / sizeof(temps[0]); i++) {
        double k = iz(K3A_MAT_CU, K3A_INS_PVC, 3, K3A_METHOD_C, 10, temps[i], 1,
                      K3A_GROUP_BUNCHED, &fl) /
                   57.0;
        double f = sqrt((70 - temps[i]) / 40.0);
        ck_assert_double_eq_tol(k, f, 0.006);
        k = iz(K3A_MAT_CU, K3A_INS_XLPE, 3, K3A_METHOD_C, 10, temps[i], 1,
               K3A_GROUP_BUNCHED, &fl) /
            71.0;
        ck_assert_double_eq_tol(k, sqrt((90 - temps[i]) / 60.0), 0.006);
    }
}
END_TEST

START_TEST(out_of_table_is_flagged_not_extrapolated)
{
    unsigned fl;
    double v;

    /* 400 mm2 is not in Annex B */
    v = iz(K3A_MAT_CU, K3A_INS_PVC, 3, K3A_METHOD_C, 400, NAN, 1,
           K3A_GROUP_BUNCHED, &fl);
    ck_assert(fl & K3A_AMP_SIZE);
    ck_assert(!(v > 0));
    /* PVC has no factor above 60 C */
    iz(K3A_MAT_CU, K3A_INS_PVC, 3, K3A_METHOD_C, 10, 65, 1, K3A_GROUP_BUNCHED, &fl);
    ck_assert(fl & K3A_AMP_AMBIENT);
    /* 25 bunched circuits: row 1 stops at 20 */
    iz(K3A_MAT_CU, K3A_INS_PVC, 3, K3A_METHOD_C, 10, NAN, 25, K3A_GROUP_BUNCHED,
       &fl);
    ck_assert(fl & K3A_AMP_GROUPING);
    /* method F has no table in models/ */
    iz(K3A_MAT_CU, K3A_INS_PVC, 3, K3A_METHOD_F, 10, NAN, 1, K3A_GROUP_BUNCHED,
       &fl);
    ck_assert(fl & K3A_AMP_NO_TABLE);
}
END_TEST

START_TEST(grouping_rules)
{
    /* methods.md 3.2, Table B.52.17: rows 2-5 hold beyond 9 circuits; a
     * count between listed ones takes the next listed (lower) factor */
    unsigned fl;

    ck_assert_double_eq_tol(iz(K3A_MAT_CU, K3A_INS_PVC, 3, K3A_METHOD_C, 10, NAN,
                               3, K3A_GROUP_BUNCHED, &fl),
                            57 * 0.70, 1e-9);
    ck_assert_double_eq_tol(iz(K3A_MAT_CU, K3A_INS_PVC, 3, K3A_METHOD_C, 10, NAN,
                               12, K3A_GROUP_WALL, &fl),
                            57 * 0.70, 1e-9);
    ck_assert_uint_eq(fl, 0);
    ck_assert_double_eq_tol(iz(K3A_MAT_CU, K3A_INS_PVC, 3, K3A_METHOD_C, 10, NAN,
                               10, K3A_GROUP_BUNCHED, &fl),
                            57 * 0.45, 1e-9);
    /* D1 in ducts uses B.52.19 (n = 2: 0.85), D2 B.52.18 (n = 2: 0.75) */
    ck_assert_double_eq_tol(iz(K3A_MAT_CU, K3A_INS_PVC, 3, K3A_METHOD_D1, 10, NAN,
                               2, K3A_GROUP_BUNCHED, &fl),
                            50 * 0.85, 1e-9);
    ck_assert_double_eq_tol(iz(K3A_MAT_CU, K3A_INS_PVC, 3, K3A_METHOD_D2, 10, NAN,
                               2, K3A_GROUP_BUNCHED, &fl),
                            54 * 0.75, 1e-9);
}
END_TEST

/* mV/A/m of a cable at its operating temperature, resistive part */
static double mv_am(int phases, double s, enum k3a_insulation_type ins)
{
    double r = k3a_conductor_r_ohm_km(mods(), K3A_MAT_CU, s, 0,
                                      k3a_conductor_max_C(mods(), ins));
    return k3a_vdrop_V(phases, 1.0, 1000.0, r, 0, 1.0, 1);
}

START_TEST(bs7671_mv_per_am)
{
    /* CHECKS: methods.md 3.3, BS 7671 Table 4E4B (90 C thermosetting):
     * 2-core single-phase and 3-/4-core three-phase r values, mV/A/m.
     * Up to 150 mm2: above it the table's a.c. resistance (skin effect)
     * is some 5 % over the d.c. value the engine uses (docs). */
    static const double s1[] = { 1.5, 2.5, 4, 6, 10, 16, 25, 50, 120 };
    static const double r1[] = { 31, 19, 12, 7.9, 4.7, 2.9, 1.85, 0.99, 0.40 };
    static const double s3[] = { 25, 35, 50, 70, 95, 120, 150 };
    static const double r3[] = { 1.60, 1.15, 0.86, 0.59, 0.43, 0.34, 0.28 };
    size_t i;

    for (i = 0; i < sizeof(s1) / sizeof(s1[0]); i++)
        ck_assert_msg(fabs(mv_am(1, s1[i], K3A_INS_XLPE) / r1[i] - 1) < 0.03,
                      "%g mm2 1-ph: %g vs %g", s1[i], mv_am(1, s1[i], K3A_INS_XLPE),
                      r1[i]);
    for (i = 0; i < sizeof(s3) / sizeof(s3[0]); i++)
        ck_assert_msg(fabs(mv_am(3, s3[i], K3A_INS_XLPE) / r3[i] - 1) < 0.03,
                      "%g mm2 3-ph: %g vs %g", s3[i], mv_am(3, s3[i], K3A_INS_XLPE),
                      r3[i]);
}
END_TEST

START_TEST(eig_voltage_drop_example)
{
    /* CHECKS: methods.md 3.3, EIG example 2: 70 mm2 Cu, 50 m, 150 A,
     * cos 0.8, then 2.5 mm2, 20 m, 20 A, cos 1.  With R from IEC 60228 at
     * 70 C and X = 0.08 ohm/km the engine's basis gives 0.53 V/A/km and
     * 18 V/A/km (the reference's figures for R = 22.5/S); the EIG's own
     * table (0.59, 19) gives 4.4 % in total, ours 4.1 % (docs/site-format.md
     * states the basis). */
    double r70 = k3a_conductor_r_ohm_km(mods(), K3A_MAT_CU, 70, 0, 70);
    double r25 = k3a_conductor_r_ohm_km(mods(), K3A_MAT_CU, 2.5, 0, 70);
    double v1 = k3a_vdrop_V(3, 150, 50, r70, 0.08, 0.8, 1);
    double v2 = k3a_vdrop_V(1, 20, 20, r25, 0.08, 1.0, 1);
    double total_pct = 100 * (v1 / sqrt(3.0) + v2) / 230;

    ck_assert_double_eq_tol(v1 / 150 / 0.05, 0.53, 0.53 * 0.01);
    ck_assert_double_eq_tol(v2 / 20 / 0.02, 18, 18 * 0.02);
    ck_assert_double_eq_tol(total_pct, 4.4, 0.35);
    ck_assert(total_pct < 6.0);
    /* two cables in parallel halve the drop */
    ck_assert_double_eq_tol(k3a_vdrop_V(3, 150, 50, r70, 0.08, 0.8, 2), v1 / 2,
                            1e-12);
}
END_TEST

START_TEST(motor_efficiency_classes)
{
    /* CHECKS: methods.md 6.5 (IEC 60034-30-1, 4-pole 50 Hz; 2-pole from the
     * Siemens catalogue) */
    const char *cl, *note;

    ck_assert_double_eq_tol(k3a_motor_eff_pct(mods(), K3A_IE3, 4, 11, &cl, &note),
                            91.4, 1e-9);
    ck_assert_ptr_null(note);
    ck_assert_double_eq_tol(k3a_motor_eff_pct(mods(), K3A_IE1, 4, 75, &cl, &note),
                            92.7, 1e-9);
    ck_assert_double_eq_tol(k3a_motor_eff_pct(mods(), K3A_IE2, 2, 1.5, &cl, &note),
                            81.3, 1e-9);
    /* 2-pole above 7.5 kW falls back to the 4-pole table, with a note */
    ck_assert_double_eq_tol(k3a_motor_eff_pct(mods(), K3A_IE2, 2, 30, &cl, &note),
                            92.3, 1e-9);
    ck_assert_ptr_nonnull(note);
    /* between ratings: the lower rating's (lower) efficiency */
    ck_assert_double_eq_tol(k3a_motor_eff_pct(mods(), K3A_IE3, 4, 12, &cl, &note),
                            91.4, 1e-9);
}
END_TEST

/* ---- site level ---------------------------------------------------------- */

static void run(const char *text, struct k3a_results *r, struct k3a_site *s)
{
    struct k3a_diag_list dl;

    k3a_diag_list_init(&dl);
    k3a_site_init(s);
    ck_assert_int_eq(k3a_site_load_text(s, "t.ini", text, strlen(text), mods(), &dl),
                     K3A_OK);
    k3a_results_init(r);
    ck_assert_int_eq(k3a_audit_run(s, mods(), r, &dl), K3A_OK);
    k3a_diag_list_release(&dl);
}

static const struct k3a_finding *find(const struct k3a_results *r,
                                      const char *check, const char *element)
{
    size_t i;

    for (i = 0; i < r->n_findings; i++)
        if (strcmp(r->findings[i].check, check) == 0 &&
            strcmp(r->findings[i].element, element) == 0)
            return &r->findings[i];
    ck_abort_msg("no finding %s on %s", check, element);
    return NULL;
}

#define TX_SITE(extra)                                                       \
    "[site]\nname = T\naudit_date = 2026-03-10\n"                            \
    "[supply PLN]\nvoltage_kV = 20\nfault_level_MVA = 500\nx_over_r = 10\n"  \
    "[transformer TR1]\nfrom = PLN\nto = MDP\nrating_kVA = 1000\n"           \
    "primary_kV = 20\nsecondary_kV = 0.4\nimpedance_pct = 5\n"               \
    "no_load_loss_W = 1700\nload_loss_W = 10500\n"                           \
    "[bus MDP]\nvoltage_kV = 0.4\nequipment = switchboard\n" extra

START_TEST(transformer_loading_and_losses)
{
    /* CHECKS: methods.md 3.5: P_loss = P0 + Pk x^2; at 75 % load the load
     * loss is Pk x 0.5625.  750 kW of heaters (cos 1) on 1000 kVA. */
    struct k3a_results r;
    struct k3a_site s;

    run(TX_SITE("[load H]\nbus = MDP\nkind = heater\nrated_kW = 250\n"
                "quantity = 3\nhours_per_year = 1000\n"),
        &r, &s);
    ck_assert_double_eq_tol(r.tx[0].loading_pct, 75.0, 1e-6);
    ck_assert_double_eq_tol(r.tx[0].losses_kW, 1.7 + 10.5 * 0.5625, 1e-6);
    ck_assert_int_eq(find(&r, "transformer_loading", "transformer TR1")->verdict,
                     K3A_PASS);
    k3a_results_release(&r);
    k3a_site_release(&s);
}
END_TEST

START_TEST(cable_coordination_and_design_current)
{
    /* site-format 4: I = P/(eta) / (sqrt3 Un pf); 37 kW, eta 92 %, pf 0.85
     * at 400 V -> 68.3 A.  The 25 mm2 Cu/PVC cable clipped to a wall
     * (method C, B.52.4: 96 A) behind a 100 A MCCB: In > Iz fails (433.1);
     * I2 = 1.30 x 100 = 130 A <= 1.45 x 96 = 139.2 A. */
    struct k3a_results r;
    struct k3a_site s;
    const struct k3a_finding *f;

    run(TX_SITE("[cable CM]\nfrom = MDP\nto = M1\nsize_mm2 = 25\nlength_m = 40\n"
                "method = C\n"
                "[device Q1]\nat = MDP\nprotects = CM\ntype = mccb\nrating_A = 100\n"
                "breaking_kA = 36\n"
                "[load M1]\nkind = motor\nrated_kW = 37\nefficiency_pct = 92\n"
                "power_factor = 0.85\nhours_per_year = 4000\n"),
        &r, &s);
    ck_assert_double_eq_tol(r.cables[0].ib_A, 37 / 0.92 / (sqrt(3) * 0.4 * 0.85),
                            1e-6);
    ck_assert_double_eq_tol(r.cables[0].iz_A, 96, 1e-9);
    ck_assert_double_eq_tol(r.cables[0].i2_A, 130, 1e-9);
    f = find(&r, "cable_protection", "cable CM");
    ck_assert_int_eq(f->verdict, K3A_FAIL);
    ck_assert_int_eq(find(&r, "cable_capacity", "cable CM")->verdict, K3A_PASS);
    /* 125 % rule: 96 >= 1.25 x 68.3 = 85.4 A */
    ck_assert_int_eq(find(&r, "motor_cable", "cable CM")->verdict, K3A_PASS);
    /* voltage drop at the motor: the cable's drop, from the LV origin */
    ck_assert(r.loads[0].has_vdrop);
    ck_assert_double_eq_tol(r.loads[0].vdrop_pct, r.cables[0].vdrop_pct, 1e-12);
    k3a_results_release(&r);
    k3a_site_release(&s);
}
END_TEST

START_TEST(parallel_transformers_share_the_load)
{
    /* two equal transformers in parallel carry half the load each (the
     * nodal solve of the short-circuit stage reused for load currents) */
    struct k3a_results r;
    struct k3a_site s;

    run(TX_SITE("[transformer TR2]\nfrom = PLN\nto = MDP\nrating_kVA = 1000\n"
                "primary_kV = 20\nsecondary_kV = 0.4\nimpedance_pct = 5\n"
                "no_load_loss_W = 1700\nload_loss_W = 10500\n"
                "[load H]\nbus = MDP\nkind = heater\nrated_kW = 800\n"
                "hours_per_year = 1000\n"),
        &r, &s);
    ck_assert_double_eq_tol(r.tx[0].s_kVA, 400, 1e-6);
    ck_assert_double_eq_tol(r.tx[1].s_kVA, 400, 1e-6);
    k3a_results_release(&r);
    k3a_site_release(&s);
}
END_TEST

Suite *loads_suite(void)
{
    Suite *s = suite_create("loads");
    TCase *tc = tcase_create("loads");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, atlas_copco_b2_ratings);
    tcase_add_test(tc, capacity_spot_values);
    tcase_add_test(tc, k_theta_follows_the_formula);
    tcase_add_test(tc, out_of_table_is_flagged_not_extrapolated);
    tcase_add_test(tc, grouping_rules);
    tcase_add_test(tc, bs7671_mv_per_am);
    tcase_add_test(tc, eig_voltage_drop_example);
    tcase_add_test(tc, motor_efficiency_classes);
    tcase_add_test(tc, transformer_loading_and_losses);
    tcase_add_test(tc, cable_coordination_and_design_current);
    tcase_add_test(tc, parallel_transformers_share_the_load);
    suite_add_tcase(s, tc);
    return s;
}
