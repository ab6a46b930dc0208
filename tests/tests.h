/*
 * tests.h - the Check suites, one per library module; run_all.c runs them.
 */
#ifndef K3A_TESTS_H
#define K3A_TESTS_H

#include <check.h>

Suite *status_suite(void);
Suite *fmt_suite(void);
Suite *parse_suite(void);
Suite *diag_suite(void);
Suite *load_suite(void);
Suite *models_suite(void);
Suite *report_suite(void);
Suite *findings_suite(void);
Suite *sc_suite(void);
Suite *protection_suite(void);
Suite *arcflash_suite(void);
Suite *measure_suite(void);
Suite *loads_suite(void);
Suite *risk_suite(void);
Suite *energy_suite(void);
Suite *report_pdf_suite(void);
Suite *verdicts_suite(void);
Suite *history_suite(void);
Suite *netsolve_suite(void);

struct k3a_models;
/* Initialises m and loads the built-in model tables (asserts it works). */
void test_models(struct k3a_models *m);

/* Path of a file under tests/data (K3A_DATA overrides the folder). */
const char *test_data(const char *name);

#endif /* K3A_TESTS_H */
