/*
 * check_protection.c - device clearing times against published relay
 * tables, MCB bands, tcc interpolation and the clearing rules.
 */
#include <math.h>
#include <string.h>

#include "schema.h"
#include "k3audit/k3audit.h"
#include "tests.h"

static struct k3a_models models;

static void setup(void)
{
    test_models(&models);
}

static void teardown(void)
{
    k3a_models_release(&models);
}

START_TEST(ieee_curves_match_ge_l90_table)
{
    /* CHECKS: GE L90 manual Table 5-29, TDM = 1 (methods.md 5.1) */
    static const double M[] = { 1.5, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
    static const double ei[] = { 22.682, 9.522, 3.647, 2.002, 1.297,
                                 0.927, 0.709, 0.569, 0.474, 0.407 };
    static const double vi[] = { 16.179, 7.028, 2.942, 1.798, 1.308,
                                 1.051, 0.900, 0.802, 0.736, 0.689 };
    static const double mi[] = { 6.439, 3.803, 2.432, 1.946, 1.688,
                                 1.526, 1.412, 1.327, 1.260, 1.207 };
    int i;

    for (i = 0; i < 10; i++) {
        ck_assert_double_eq_tol(k3a_relay_time_s(&models, K3A_CURVE_IEEE_EI, 100, 1,
                                                 100 * M[i], 0),
                                ei[i], 1.5e-3);
        ck_assert_double_eq_tol(k3a_relay_time_s(&models, K3A_CURVE_IEEE_VI, 100, 1,
                                                 100 * M[i], 0),
                                vi[i], 1.5e-3);
        ck_assert_double_eq_tol(k3a_relay_time_s(&models, K3A_CURVE_IEEE_MI, 100, 1,
                                                 100 * M[i], 0),
                                mi[i], 1.5e-3);
    }
}
END_TEST

START_TEST(iec_curve_a_matches_ge_c70_table)
{
    /* CHECKS: GE C70 manual Table 5-27, IEC curve A, TDM 0.05/0.10/0.20 */
    static const double M[] = { 1.5, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
    static const double t05[] = { 0.860, 0.501, 0.315, 0.249, 0.214,
                                  0.192, 0.176, 0.165, 0.156, 0.149 };
    static const double t10[] = { 1.719, 1.003, 0.630, 0.498, 0.428,
                                  0.384, 0.353, 0.330, 0.312, 0.297 };
    static const double t20[] = { 3.439, 2.006, 1.260, 0.996, 0.856,
                                  0.767, 0.706, 0.659, 0.623, 0.594 };
    int i;

    for (i = 0; i < 10; i++) {
        ck_assert_double_eq_tol(k3a_relay_time_s(&models, K3A_CURVE_IEC_SI, 100,
                                                 0.05, 100 * M[i], 0),
                                t05[i], 1.5e-3);
        ck_assert_double_eq_tol(k3a_relay_time_s(&models, K3A_CURVE_IEC_SI, 100,
                                                 0.10, 100 * M[i], 0),
                                t10[i], 1.5e-3);
        ck_assert_double_eq_tol(k3a_relay_time_s(&models, K3A_CURVE_IEC_SI, 100,
                                                 0.20, 100 * M[i], 0),
                                t20[i], 1.5e-3);
    }
}
END_TEST

START_TEST(weedy_cory_example_11_1)
{
    /* CHECKS: Weedy & Cory, Example 11.1: CT 400/1, plug 125 % (500 A
     * primary), TMS 0.6, 4000 A: 1.979 s by the IEC SI formula (2.0 s
     * read from the curve) */
    ck_assert_double_eq_tol(k3a_relay_time_s(&models, K3A_CURVE_IEC_SI, 500, 0.6,
                                             4000, 0),
                            1.979, 2e-3);
    /* at or below pickup a relay does not operate */
    ck_assert(isinf(k3a_relay_time_s(&models, K3A_CURVE_IEC_SI, 500, 0.6, 500, 0)));
    /* definite time */
    ck_assert_double_eq_tol(k3a_relay_time_s(&models, K3A_CURVE_DT, 100, 1, 150,
                                             0.5),
                            0.5, 1e-12);
}
END_TEST

static struct k3a_device mcb(double rating_A, enum k3a_curve curve)
{
    struct k3a_device d;

    memset(&d, 0, sizeof(d));
    d.type = K3A_DEV_MCB;
    d.rating_A = rating_A;
    d.curve = curve;
    d.opening_ms = 30;
    d.hdr.given = (uint64_t)1 << k3a__key_index(k3a__site_kind(K3A_KIND_DEVICE),
                                                "curve");
    return d;
}

START_TEST(mcb_magnetic_bands)
{
    struct k3a_device d = mcb(16, K3A_CURVE_C);
    struct k3a_trip_time t;

    ck_assert(k3a_elem_given(K3A_KIND_DEVICE, &d.hdr, "curve"));
    /* IEC 60898-1: type C trips instantaneously at 10 In */
    k3a_device_trip(&d, &models, 160, &t);
    ck_assert_int_eq(t.trip, K3A_TRIP_YES);
    ck_assert_double_eq_tol(t.time_s, 0.030, 1e-12);
    /* between 5 and 10 In it may or may not: unknown without a tcc */
    k3a_device_trip(&d, &models, 100, &t);
    ck_assert_int_eq(t.trip, K3A_TRIP_UNKNOWN);
    d = mcb(16, K3A_CURVE_B);
    k3a_device_trip(&d, &models, 80, &t); /* 5 In */
    ck_assert_int_eq(t.trip, K3A_TRIP_YES);
    d = mcb(16, K3A_CURVE_D);
    k3a_device_trip(&d, &models, 300, &t); /* < 20 In */
    ck_assert_int_eq(t.trip, K3A_TRIP_UNKNOWN);
}
END_TEST

START_TEST(tcc_is_interpolated_log_log)
{
    struct k3a_device d;
    struct k3a_trip_time t;
    double x[] = { 100, 1000 }, y[] = { 10, 0.1 };

    memset(&d, 0, sizeof(d));
    d.type = K3A_DEV_FUSE;
    d.rating_A = 63;
    d.tcc.x = x;
    d.tcc.y = y;
    d.tcc.n = 2;
    /* the geometric mean of the currents gives that of the times */
    k3a_device_trip(&d, &models, sqrt(100 * 1000.0), &t);
    ck_assert_double_eq_tol(t.time_s, 1.0, 1e-9);
    k3a_device_trip(&d, &models, 99, &t);
    ck_assert_int_eq(t.trip, K3A_TRIP_NEVER);
    k3a_device_trip(&d, &models, 5000, &t);
    ck_assert_double_eq_tol(t.time_s, 0.1, 1e-12);
}
END_TEST

/* Clearing rules of site-format section 3 on a small radial site. */
static void clearing_of(const char *extra, const char *bus, double *t,
                        char *dev, size_t n)
{
    static const char base[] =
        "[site]\nname = P\naudit_date = 2026-01-01\nmotor_contribution = no\n"
        "[supply P]\nvoltage_kV = 0.4\nfault_level_MVA = 20\n"
        "[cable C1]\nfrom = P\nto = MDP\nsize_mm2 = 240\nlength_m = 10\n"
        "[bus MDP]\nvoltage_kV = 0.4\nequipment = switchboard\n"
        "[cable C2]\nfrom = MDP\nto = SDP\nsize_mm2 = 35\nlength_m = 40\n"
        "[bus SDP]\nvoltage_kV = 0.4\nequipment = panelboard\n"
        "[device ACB]\nat = MDP\nprotects = MDP\ntype = acb\nrating_A = 1000\n"
        "instantaneous_A = 10000\ntcc = 1200:300, 5000:10, 9000:1\n";
    char text[8192];
    struct k3a_site s;
    struct k3a_diag_list dl;
    struct k3a_results r;
    size_t i;

    snprintf(text, sizeof(text), "%s%s", base, extra);
    k3a_diag_list_init(&dl);
    k3a_site_init(&s);
    ck_assert_int_eq(k3a_site_load_text(&s, "t.ini", text, strlen(text), &models,
                                        &dl),
                     K3A_OK);
    k3a_results_init(&r);
    ck_assert_int_eq(k3a_audit_run(&s, &models, &r, &dl), K3A_OK);
    for (i = 0; i < s.n_buses; i++)
        if (strcmp(s.buses[i].hdr.name, bus) == 0) {
            const struct k3a_clearing *c = &r.prot[i].at_ik3[K3A_CASE_MAX];
            *t = c->time_s;
            snprintf(dev, n, "%s",
                     c->device >= 0 ? s.devices[c->device].hdr.name : "-");
        }
    k3a_results_release(&r);
    k3a_diag_list_release(&dl);
    k3a_site_release(&s);
}

START_TEST(branch_device_then_backup)
{
    double t;
    char dev[40];

    /* the MCCB at MDP protecting C2 clears a fault at SDP instantly */
    clearing_of("[device M2]\nat = MDP\nprotects = C2\ntype = mccb\nrating_A = 125\n"
                "instantaneous_A = 1250\n",
                "SDP", &t, dev, sizeof(dev));
    ck_assert_str_eq(dev, "M2");
    ck_assert_double_eq_tol(t, 0.030, 1e-12);
    /* with its instantaneous setting above the fault current (about
     * 9.8 kA) M2 would take 300 s on its tcc; the MDP main in series is
     * faster (tcc above its last point: 1 s) and clears first */
    clearing_of("[device M2]\nat = MDP\nprotects = C2\ntype = mccb\nrating_A = 125\n"
                "instantaneous_A = 90000\ntcc = 150:3000, 200:300\n",
                "SDP", &t, dev, sizeof(dev));
    ck_assert_str_eq(dev, "ACB");
    ck_assert_double_eq_tol(t, 1.0, 1e-12);
    /* no device on C2: the main of MDP is the backup */
    clearing_of("", "SDP", &t, dev, sizeof(dev));
    ck_assert_str_eq(dev, "ACB");
    ck_assert_double_eq_tol(t, 1.0, 1e-12);
    /* a fault at MDP is cleared by its main (instantaneous above 10 kA) */
    clearing_of("", "MDP", &t, dev, sizeof(dev));
    ck_assert_str_eq(dev, "ACB");
    ck_assert_double_eq_tol(t, 0.060, 1e-12);
}
END_TEST

/* Site-format section 3: every device between the source and the fault
 * carries the fault current in series, however many buses without a
 * device lie between (a long run of junction boxes or busway sections). */
START_TEST(backup_far_up_a_long_run)
{
    char extra[4096], dev[40];
    size_t len = 0;
    double t;
    int i;

    for (i = 1; i <= 20; i++) {
        char from[8];
        snprintf(from, sizeof(from), i == 1 ? "MDP" : "J%d", i - 1);
        len += (size_t)snprintf(extra + len, sizeof(extra) - len,
                                "[bus J%d]\nvoltage_kV = 0.4\nequipment = junction_box\n"
                                "[cable CJ%d]\nfrom = %s\nto = J%d\nsize_mm2 = 240\n"
                                "length_m = 1\n",
                                i, i, from, i);
    }
    clearing_of(extra, "J20", &t, dev, sizeof(dev));
    ck_assert_str_eq(dev, "ACB");
    ck_assert(t <= 1.0);
}
END_TEST

Suite *protection_suite(void)
{
    Suite *s = suite_create("protection");
    TCase *tc = tcase_create("devices");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, ieee_curves_match_ge_l90_table);
    tcase_add_test(tc, iec_curve_a_matches_ge_c70_table);
    tcase_add_test(tc, weedy_cory_example_11_1);
    tcase_add_test(tc, mcb_magnetic_bands);
    tcase_add_test(tc, tcc_is_interpolated_log_log);
    tcase_add_test(tc, branch_device_then_backup);
    tcase_add_test(tc, backup_far_up_a_long_run);
    suite_add_tcase(s, tc);
    return s;
}
