/*
 * run_all.c - one runner for every Check suite.
 */
#include <stdio.h>
#include <stdlib.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_ieee_utils.h>

#include "k3audit/models.h"
#include "tests.h"

const char *test_data(const char *name)
{
    static char buf[4096];
    const char *dir = getenv("K3A_DATA");

    snprintf(buf, sizeof(buf), "%s/%s", dir ? dir : "tests/data", name);
    return buf;
}

void test_models(struct k3a_models *m)
{
    struct k3a_diag_list dl;

    k3a_diag_list_init(&dl);
    k3a_models_init(m);
    ck_assert_int_eq(k3a_models_load(m, NULL, &dl), K3A_OK);
    k3a_diag_list_release(&dl);
}

int main(void)
{
    SRunner *sr;
    int failed;

    gsl_set_error_handler_off(); /* the library checks every GSL status */
    gsl_ieee_env_setup();        /* GSL_IEEE_MODE=... traps FP faults */
    sr = srunner_create(status_suite());
    srunner_add_suite(sr, fmt_suite());
    srunner_add_suite(sr, parse_suite());
    srunner_add_suite(sr, diag_suite());
    srunner_add_suite(sr, load_suite());
    srunner_add_suite(sr, models_suite());
    srunner_add_suite(sr, findings_suite());
    srunner_add_suite(sr, sc_suite());
    srunner_add_suite(sr, protection_suite());
    srunner_add_suite(sr, arcflash_suite());
    srunner_add_suite(sr, measure_suite());
    srunner_add_suite(sr, loads_suite());
    srunner_add_suite(sr, risk_suite());
    srunner_add_suite(sr, energy_suite());
    srunner_add_suite(sr, report_suite());
    srunner_add_suite(sr, report_pdf_suite());
    srunner_add_suite(sr, verdicts_suite());
    srunner_add_suite(sr, history_suite());
    srunner_add_suite(sr, netsolve_suite());
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
