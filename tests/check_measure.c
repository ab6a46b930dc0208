/*
 * check_measure.c - field-reading calculations against the worked
 * examples of ../shared/reference/methods.md.
 */
#include <math.h>

#include "k3audit/measure.h"
#include "tests.h"

START_TEST(wenner_example)
{
    /* CHECKS: methods.md 1.3 (ajdesigner): a = 3 m, R = 2.5 ohm ->
     * 47.124 ohm m; probe depth small against a changes little */
    ck_assert_double_eq_tol(k3a_wenner_rho(3, 2.5, 0), 47.124, 1e-3);
    ck_assert_double_eq_tol(k3a_wenner_rho(3, 2.5, 0.01), 47.124, 0.01);
    ck_assert(k3a_wenner_rho(1, 67, 0.1) > k3a_wenner_rho(1, 67, 0));
}
END_TEST

START_TEST(dwight_rod_and_parallel_rods)
{
    /* CHECKS: methods.md 1.4: rho 200 ohm m, L 3 m, a 0.01 m -> 64.62 ohm */
    static const double n[] = { 2, 3, 4, 8, 12, 16, 20, 24 };
    static const double F[] = { 1.16, 1.29, 1.36, 1.68, 1.80, 1.92, 2.00, 2.16 };
    double r1 = k3a_rod_ohm(200, 3, 20);

    ck_assert_double_eq_tol(r1, 64.62, 0.01);
    /* methods.md 1.5 (IEEE 142): 3 rods one length apart -> 43 % of one */
    ck_assert_double_eq_tol(k3a_rods_ohm(r1, 3, n, F, 8) / r1, 0.43, 1e-3);
    ck_assert_double_eq_tol(k3a_rods_ohm(r1, 1, n, F, 8), r1, 1e-12);
}
END_TEST

START_TEST(fall_of_potential_on_a_hemisphere)
{
    /* methods.md 1.1: for a hemisphere R(P) = rho/(2 pi) [1/r - 1/C - 1/P
     * + 1/(C-P)], and R(0.618 C) equals the true rho/(2 pi r) */
    double p[40], rr[40], rho = 100, r = 0.5, C = 50, r618, spread;
    int i, flat;

    for (i = 0; i < 40; i++) {
        p[i] = 1.0 + i * 1.2;
        rr[i] = rho / (2 * M_PI) * (1 / r - 1 / C - 1 / p[i] + 1 / (C - p[i]));
    }
    ck_assert_int_eq(k3a_fop_618(p, rr, 40, C, 0.10, &r618, &spread, &flat), K3A_OK);
    ck_assert_double_eq_tol(r618, rho / (2 * M_PI * r), 0.02);
    ck_assert_int_eq(flat, 1);
    /* readings that stop short of 61.8 % cannot give a value */
    ck_assert_int_eq(k3a_fop_618(p, rr, 10, C, 0.10, &r618, &spread, &flat),
                     K3A_E_INPUT);
}
END_TEST

START_TEST(tagg_slope_table)
{
    /* CHECKS: methods.md 1.2, Megger Table VII (published entries) */
    static const double mu[] = { 0.40, 0.45, 0.50, 0.55, 0.60, 0.80, 0.90, 1.20, 1.30 };
    static const double pt[] = { 0.643, 0.636, 0.629, 0.621, 0.614, 0.580, 0.562,
                                 0.494, 0.465 };
    double v;
    size_t i;

    for (i = 0; i < sizeof(mu) / sizeof(mu[0]); i++) {
        ck_assert_int_eq(k3a_tagg_ptc(mu[i], &v), K3A_OK);
        ck_assert_double_eq_tol(v, pt[i], 6e-4);
    }
    ck_assert_int_eq(k3a_tagg_ptc(0.30, &v), K3A_E_RANGE);
    ck_assert_int_eq(k3a_tagg_ptc(1.70, &v), K3A_E_RANGE);
}
END_TEST

/* ground-it.com Soil1.out (methods.md 1.7) */
static const double A[] = { 1, 2, 4, 6, 8, 12, 16, 20, 24, 30, 36 };
static const double RHO[] = { 423.4, 322.2, 258.2, 165.1, 144.3, 122.8,
                              123.2, 124.4, 125.3, 131.9, 132.1 };
static const double CALC[] = { 400.7, 347.9, 231.3, 171.4, 146.6, 131.1,
                               127.0, 125.4, 124.6, 124.0, 123.7 };

START_TEST(two_layer_forward_model)
{
    size_t i;

    /* CHECKS: the source's "calc" column at its parameters, to 0.1 ohm m */
    for (i = 0; i < 11; i++)
        ck_assert_double_eq_tol(k3a_two_layer_rho_a(413.57, 122.97, 2.16, A[i]),
                                CALC[i], 0.1);
}
END_TEST

START_TEST(two_layer_fit_with_gsl)
{
    double r1, r2, h, rms;

    /* CHECKS: methods.md 1.7 acceptance: RMS <= 5.7 %, rho1 and rho2
     * within 2 %, h within 3 % of the source (413.57, 122.97, 2.16) */
    ck_assert_int_eq(k3a_two_layer_fit(A, RHO, 11, &r1, &r2, &h, &rms), K3A_OK);
    ck_assert_double_le(rms, 0.057);
    ck_assert_double_eq_tol(r1, 413.57, 0.02 * 413.57);
    ck_assert_double_eq_tol(r2, 122.97, 0.02 * 122.97);
    ck_assert_double_eq_tol(h, 2.16, 0.03 * 2.16);
    ck_assert_int_eq(k3a_two_layer_fit(A, RHO, 2, &r1, &r2, &h, &rms), K3A_E_INPUT);
}
END_TEST

START_TEST(ieee43_temperature_correction)
{
    /* CHECKS: methods.md 2.2: 3 Mohm at 70 C, K = 8 -> 24 Mohm */
    ck_assert_double_eq_tol(k3a_ir_40C(3, 70), 24, 1e-9);
    ck_assert_double_eq_tol(k3a_ir_40C(100, 40), 100, 1e-12);
    ck_assert_double_eq_tol(k3a_ir_40C(100, 30), 50, 1e-9);
}
END_TEST

START_TEST(voltage_unbalance)
{
    /* CHECKS: methods.md 3.6 NEMA MG-1 examples and the IEC form */
    double a[3] = { 203, 210, 212 }, b[3] = { 460, 467, 450 },
           c[3] = { 480, 476, 472 }, d[3] = { 462, 463, 455 };

    ck_assert_double_eq_tol(k3a_unbalance_nema_pct(a), 2.56, 0.01);
    ck_assert_double_eq_tol(k3a_unbalance_nema_pct(b), 1.96, 0.01);
    ck_assert_double_eq_tol(k3a_unbalance_nema_pct(c), 0.84, 0.01);
    ck_assert_double_eq_tol(k3a_unbalance_nema_pct(d), 1.1, 0.05);
    ck_assert_double_eq_tol(k3a_unbalance_iec_pct(a), 2.61, 0.01);
}
END_TEST

START_TEST(neta_priorities)
{
    /* NETA MTS Table 100.18 as in models/limits-puil2011.ini */
    double s[4] = { 15, NAN, 3, 0.95 }, a[4] = { 40, 20, 10, 0.95 };

    ck_assert_int_eq(k3a_thermo_priority(34, 58, s, a), 1);
    ck_assert_int_eq(k3a_thermo_priority(NAN, 30, s, a), 2);
    ck_assert_int_eq(k3a_thermo_priority(4, 18, s, a), 3);
    ck_assert_int_eq(k3a_thermo_priority(2, 5, s, a), 4);
    ck_assert_int_eq(k3a_thermo_priority(0.5, 0.5, s, a), 0);
    ck_assert_int_eq(k3a_thermo_priority(16, NAN, s, a), 1);
}
END_TEST

Suite *measure_suite(void)
{
    Suite *s = suite_create("measure");
    TCase *tc = tcase_create("field");

    tcase_add_test(tc, wenner_example);
    tcase_add_test(tc, dwight_rod_and_parallel_rods);
    tcase_add_test(tc, fall_of_potential_on_a_hemisphere);
    tcase_add_test(tc, tagg_slope_table);
    tcase_add_test(tc, two_layer_forward_model);
    tcase_add_test(tc, two_layer_fit_with_gsl);
    tcase_add_test(tc, ieee43_temperature_correction);
    tcase_add_test(tc, voltage_unbalance);
    tcase_add_test(tc, neta_priorities);
    suite_add_tcase(s, tc);
    return s;
}
