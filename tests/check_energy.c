/*
 * check_energy.c - energy-audit formulas against the worked examples of
 * ../shared/reference/methods.md 6 and the tariff rules of
 * regulations_id.md 4.4; a site-level lighting retrofit.
 */
#include <math.h>
#include <string.h>

#include "k3audit/audit.h"
#include "k3audit/energy.h"
#include "k3audit/load.h"
#include "tests.h"

START_TEST(pf_correction_examples)
{
    /* CHECKS: methods.md 6.2: nodeandvolt.com 55.30, 105.33, 40.19;
     * howengineeringworks.com 1.99; electricalwiki.com 43.6 (exact);
     * elmeasure.com 759.85 (multiplier 1.169, rounded) */
    ck_assert_double_eq_tol(k3a_pfc_kvar(100, 0.75, 0.95), 55.30, 0.05);
    ck_assert_double_eq_tol(k3a_pfc_kvar(250, 0.80, 0.95), 105.33, 0.05);
    ck_assert_double_eq_tol(k3a_pfc_kvar(75, 0.70, 0.90), 40.19, 0.05);
    ck_assert_double_eq_tol(k3a_pfc_kvar(5, 0.75, 0.90), 1.99, 0.01);
    ck_assert_double_eq_tol(k3a_pfc_kvar(164.6, 0.86, 0.95), 43.6, 0.05);
    ck_assert_double_eq_tol(k3a_pfc_kvar(650, 0.65, 1.0), 759.85, 0.2);
    ck_assert_double_eq_tol(k3a_pfc_kvar(100, 0.97, 0.95), 0, 1e-12);
}
END_TEST

START_TEST(motor_replacement_examples)
{
    /* CHECKS: methods.md 6.6: Cengel 75 hp, LF 0.75, 0.91 -> 0.954,
     * 4368 h, $0.12/kWh: 2125.93 W, 9286 kWh, $1114.32, payback 0.0637 yr
     * for a $71 price difference (1 hp = 745.7 W) */
    double dp = k3a_motor_saving_kW(75 * 0.7457, 0.75, 0.91, 0.954);
    double kwh = dp * 4368, usd = kwh * 0.12;

    ck_assert_double_eq_tol(dp * 1000, 2125.93, 0.05);
    ck_assert_double_eq_tol(kwh, 9286, 1);
    ck_assert_double_eq_tol(usd, 1114.32, 0.1);
    ck_assert_double_eq_tol((5520.0 - 5449.0) / usd, 0.0637, 0.0001);
    /* Western Michigan University: 20 hp, 80 %, 8760 h, $0.055: $284/yr */
    ck_assert_double_eq_tol(k3a_motor_saving_kW(20 * 0.746, 0.8, 0.88, 0.92) * 8760 *
                                0.055,
                            284, 1);
}
END_TEST

START_TEST(npv_irr_examples)
{
    /* CHECKS: methods.md 6.8, Masters: $1000, $200/yr: IRR 15.10 % over
     * 10 years, 19.43 % over 20; Table 5.4 PVF spot values */
    ck_assert_double_eq_tol(k3a_irr(1000, 200, 10), 0.1510, 0.0005);
    ck_assert_double_eq_tol(k3a_irr(1000, 200, 20), 0.1943, 0.0005);
    ck_assert_double_eq_tol(k3a_npv(0, 1, 0.09, 1), 0.92, 0.005);
    ck_assert_double_eq_tol(k3a_npv(0, 1, 0.15, 1), 0.87, 0.005);
    ck_assert_double_eq_tol(k3a_npv(0, 1, 0.09, 2), 1.76, 0.005);
    ck_assert_double_eq_tol(k3a_npv(0, 1, 0.15, 2), 1.63, 0.005);
    /* at the IRR the NPV is zero */
    ck_assert_double_eq_tol(k3a_npv(1000, 200, k3a_irr(1000, 200, 10), 10), 0, 1e-6);
    ck_assert(isnan(k3a_irr(1000, 0, 10)));
}
END_TEST

START_TEST(pln_bill_rules)
{
    /* regulations_id.md 4.4 (Permen ESDM 7/2024): WBP = K x LWBP price;
     * kVArh above 0.62 x kWh charged; minimum 40 h x kVA x LWBP price */
    struct k3a_tariff t;
    struct k3a_bill_cost c;

    memset(&t, 0, sizeof(t));
    t.tou = 1;
    t.lwbp_Rp = 1000;
    t.k_wbp = 1.4;
    t.kvarh_Rp = 1100;
    t.pf_min = 0.85;
    t.min_hours = 40;
    k3a_bill_cost(&t, 80000, 20000, 0, 70000, 1000, &c);
    ck_assert_double_eq_tol(c.lwbp_Rp, 80000.0 * 1000, 1e-6);
    ck_assert_double_eq_tol(c.wbp_Rp, 20000.0 * 1400, 1e-6);
    ck_assert_double_eq_tol(c.kvarh_excess, 70000 - 62000, 1e-6);
    ck_assert_double_eq_tol(c.total_Rp, 80e6 + 28e6 + 8000.0 * 1100, 1e-3);
    ck_assert_double_eq_tol(c.pf, 100000 / sqrt(1e10 + 4.9e9), 1e-12);
    ck_assert_int_eq(c.minimum_applied, 0);
    /* a small month: the minimum bill (40 h x 1000 kVA x Rp 1000) */
    k3a_bill_cost(&t, 10000, 2000, 0, 0, 1000, &c);
    ck_assert_int_eq(c.minimum_applied, 1);
    ck_assert_double_eq_tol(c.total_Rp, 40e6, 1e-6);
    /* single-rate bill */
    k3a_bill_cost(&t, 0, 0, 5000, 0, 0, &c);
    ck_assert_double_eq_tol(c.total_Rp, 5e6, 1e-6);
}
END_TEST

START_TEST(baseline_by_hand)
{
    /* OLS by hand: x 1..5, y 1 3 2 5 4: b1 0.8, b0 0.6, SSE 3.6, SST 10,
     * R2 0.64, CV(RMSE) sqrt(3.6/3)/3 = 36.51 %, NMBE 0 */
    static const double x[] = { 1, 2, 3, 4, 5 }, y[] = { 1, 3, 2, 5, 4 };
    struct k3a_fit f;

    ck_assert_int_eq(k3a_baseline_fit(y, x, NULL, 5, &f), 0);
    ck_assert_double_eq_tol(f.b[0], 0.6, 1e-12);
    ck_assert_double_eq_tol(f.b[1], 0.8, 1e-12);
    ck_assert_double_eq_tol(f.r2, 0.64, 1e-12);
    ck_assert_double_eq_tol(f.cv_rmse_pct, 100 * sqrt(1.2) / 3, 1e-9);
    ck_assert_double_eq_tol(f.nmbe_pct, 0, 1e-9);
    ck_assert_int_eq(k3a_baseline_fit(y, x, NULL, 3, &f), -1);
}
END_TEST

START_TEST(lighting_retrofit_on_a_site)
{
    /* CHECKS: methods.md 6.7, Metcalfe Lighting: 400 W -> 150 W for
     * 4380 h saves 1095 kWh.  One 400 W fixture in 12.5 m2 of office
     * (SNI 6197: 12 W/m2, so 150 W allowed) gives the same retrofit. */
    static const char text[] =
        "[site]\nname = T\naudit_date = 2026-03-10\n"
        "[supply PLN]\nvoltage_kV = 0.4\nfault_current_kA = 10\ntariff = B-2\n"
        "[cable C]\nfrom = PLN\nto = MDP\nsize_mm2 = 16\nlength_m = 10\nmethod = C\n"
        "[device Q]\nat = PLN\nprotects = C\ntype = mccb\nrating_A = 63\n"
        "breaking_kA = 25\ninstantaneous_A = 630\n"
        "[bus MDP]\nvoltage_kV = 0.4\nequipment = panelboard\n"
        "[load L]\nbus = MDP\nkind = lighting\nrated_kW = 0.4\nphases = 1\n"
        "hours_per_year = 4380\narea_m2 = 12.5\nspace = ruang_kerja\n";
    struct k3a_models m;
    struct k3a_site s;
    struct k3a_results r;
    struct k3a_diag_list dl;
    size_t i;
    int found = 0;

    k3a_diag_list_init(&dl);
    k3a_models_init(&m);
    ck_assert_int_eq(k3a_models_load(&m, NULL, &dl), K3A_OK);
    k3a_site_init(&s);
    ck_assert_int_eq(k3a_site_load_text(&s, "t.ini", text, strlen(text), &m, &dl),
                     K3A_OK);
    k3a_results_init(&r);
    ck_assert_int_eq(k3a_audit_run(&s, &m, &r, &dl), K3A_OK);
    ck_assert_double_eq_tol(r.energy.model_kWh, 0.4 * 4380, 1e-9);
    for (i = 0; i < r.energy.n_recos; i++)
        if (r.energy.recos[i].kind == K3A_RECO_LIGHTING) {
            found = 1;
            ck_assert_double_eq_tol(r.energy.recos[i].saving_kWh, 1095, 1e-6);
            /* B-2 single rate: Rp 1,444.70/kWh */
            ck_assert_double_eq_tol(r.energy.recos[i].saving_Rp, 1095 * 1444.70, 1e-3);
        }
    ck_assert(found);
    for (i = 0; i < r.n_findings; i++)
        if (strcmp(r.findings[i].check, "lighting_power_density") == 0)
            ck_assert_int_eq(r.findings[i].verdict, K3A_FAIL);
    k3a_results_release(&r);
    k3a_site_release(&s);
    k3a_models_release(&m);
    k3a_diag_list_release(&dl);
}
END_TEST

Suite *energy_suite(void)
{
    Suite *s = suite_create("energy");
    TCase *tc = tcase_create("energy");

    tcase_add_test(tc, pf_correction_examples);
    tcase_add_test(tc, motor_replacement_examples);
    tcase_add_test(tc, npv_irr_examples);
    tcase_add_test(tc, pln_bill_rules);
    tcase_add_test(tc, baseline_by_hand);
    tcase_add_test(tc, lighting_retrofit_on_a_site);
    suite_add_tcase(s, tc);
    return s;
}
