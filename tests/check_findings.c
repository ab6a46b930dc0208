/*
 * check_findings.c - the inspection findings: interval, observations,
 * the Ahli K3 Listrik duty.
 */
#include <string.h>

#include "k3audit/audit.h"
#include "k3audit/load.h"
#include "tests.h"

#define SITE(extra)                                                          \
    "[site]\nname = T\naudit_date = 2026-03-10\n" extra                      \
    "[supply PLN]\nvoltage_kV = 0.4\nfault_current_kA = 10\n"                 \
    "[cable C]\nfrom = PLN\nto = MDP\nsize_mm2 = 95\nlength_m = 10\n"        \
    "[bus MDP]\nvoltage_kV = 0.4\nequipment = panelboard\n"

static void run(const char *text, struct k3a_results *r, struct k3a_site *s,
                struct k3a_models *m)
{
    struct k3a_diag_list dl;

    k3a_diag_list_init(&dl);
    k3a_models_init(m);
    ck_assert_int_eq(k3a_models_load(m, NULL, &dl), K3A_OK);
    k3a_site_init(s);
    ck_assert_int_eq(k3a_site_load_text(s, "t.ini", text, strlen(text), m, &dl),
                     K3A_OK);
    k3a_results_init(r);
    ck_assert_int_eq(k3a_audit_run(s, m, r, &dl), K3A_OK);
    k3a_diag_list_release(&dl);
}

/* The finding with this check name (tests look findings up by check, as
 * later stages add their own). */
static const struct k3a_finding *find(const struct k3a_results *r,
                                      const char *check, int nth)
{
    size_t i;

    for (i = 0; i < r->n_findings; i++)
        if (strcmp(r->findings[i].check, check) == 0 && nth-- == 0)
            return &r->findings[i];
    ck_abort_msg("no finding %s", check);
    return NULL;
}

static void done(struct k3a_results *r, struct k3a_site *s, struct k3a_models *m)
{
    k3a_results_release(r);
    k3a_site_release(s);
    k3a_models_release(m);
}

START_TEST(overdue_periodic_inspection_fails)
{
    struct k3a_results r;
    struct k3a_site s;
    struct k3a_models m;

    /* 2024-12-01 to 2026-03-10 is 15 whole months; the interval is 12 */
    run(SITE("previous_inspection = 2024-12-01\n"), &r, &s, &m);
    ck_assert_int_eq(find(&r, "inspection_interval", 0)->verdict, K3A_FAIL);
    ck_assert_double_eq_tol(find(&r, "inspection_interval", 0)->measured, 15, 1e-12);
    ck_assert_double_eq_tol(find(&r, "inspection_interval", 0)->limit, 12, 1e-12);
    done(&r, &s, &m);
}
END_TEST

START_TEST(interval_within_twelve_months_passes)
{
    struct k3a_results r;
    struct k3a_site s;
    struct k3a_models m;

    run(SITE("previous_inspection = 2025-03-10\n"), &r, &s, &m);
    ck_assert_int_eq(find(&r, "inspection_interval", 0)->verdict, K3A_PASS);
    ck_assert_double_eq_tol(find(&r, "inspection_interval", 0)->measured, 12, 1e-12);
    done(&r, &s, &m);
}
END_TEST

START_TEST(observations_become_findings)
{
    struct k3a_results r;
    struct k3a_site s;
    struct k3a_models m;

    run(SITE("") "[observation O1]\nitem = panel_door_lock\nstatus = defect\nbus = MDP\n"
                 "[observation O2]\nitem = single_line_diagram\nstatus = ok\n"
                 "[observation O3]\nitem = slo\nstatus = na\n",
        &r, &s, &m);
    ck_assert_int_eq(find(&r, "panel_door_lock", 0)->verdict, K3A_FAIL);
    ck_assert_ptr_nonnull(strstr(find(&r, "panel_door_lock", 0)->title_en,
                                 "Panel (switchboard) door locked - MDP: defect"));
    ck_assert_int_eq(find(&r, "single_line_diagram", 0)->verdict, K3A_PASS);
    /* na is not judged */
    {
        size_t i;
        for (i = 0; i < r.n_findings; i++)
            ck_assert_str_ne(r.findings[i].check, "slo");
    }
    done(&r, &s, &m);
}
END_TEST

START_TEST(generation_above_200_kVA_needs_ahli_k3)
{
    struct k3a_results r;
    struct k3a_site s;
    struct k3a_models m;

    /* Permenaker 12/2015 Pasal 7: generation > 200 kVA */
    run(SITE("") "[generator G1]\nbus = MDP\nrating_kVA = 250\nvoltage_kV = 0.4\n"
                 "xd2_pct = 15\n",
        &r, &s, &m);
    ck_assert_int_eq(find(&r, "ahli_k3_listrik", 0)->verdict, K3A_FAIL);
    done(&r, &s, &m);
}
END_TEST

Suite *findings_suite(void)
{
    Suite *s = suite_create("findings");
    TCase *tc = tcase_create("inspection");

    tcase_add_test(tc, overdue_periodic_inspection_fails);
    tcase_add_test(tc, interval_within_twelve_months_passes);
    tcase_add_test(tc, observations_become_findings);
    tcase_add_test(tc, generation_above_200_kVA_needs_ahli_k3);
    suite_add_tcase(s, tc);
    return s;
}
