/*
 * check_diag.c - diagnostics: the user-facing line format and ordering.
 */
#include <string.h>

#include "k3audit/diag.h"
#include "tests.h"

START_TEST(format_is_file_line_severity_element_key)
{
    struct k3a_diag_list dl;
    struct k3a_loc l = { "site.ini", 12, "cable C-1", "length_m" };
    char buf[300];

    k3a_diag_list_init(&dl);
    k3a_diag_add(&dl, K3A_ERROR, K3A_E_NUMBER, l, "'%s' is not a number", "12,5");
    k3a_diag_format(&dl.v[0], buf, sizeof(buf));
    ck_assert_str_eq(buf,
                     "site.ini:12: error: [cable C-1] length_m: '12,5' is not a number");
    ck_assert_int_eq((int)dl.n_errors, 1);
    k3a_diag_list_release(&dl);
}
END_TEST

START_TEST(element_only_and_warning)
{
    struct k3a_diag_list dl;
    struct k3a_loc l = { "s.ini", 4, "bus X", "" };
    char buf[300];

    k3a_diag_list_init(&dl);
    k3a_diag_add(&dl, K3A_WARNING, K3A_E_INPUT, l, "something");
    k3a_diag_format(&dl.v[0], buf, sizeof(buf));
    ck_assert_str_eq(buf, "s.ini:4: warning: [bus X]: something");
    ck_assert_int_eq((int)dl.n_warnings, 1);
    k3a_diag_list_release(&dl);
}
END_TEST

START_TEST(sort_is_by_line_and_stable)
{
    struct k3a_diag_list dl;
    struct k3a_loc a = { "f.ini", 9, "", "" }, b = { "f.ini", 3, "", "" };

    k3a_diag_list_init(&dl);
    k3a_diag_add(&dl, K3A_ERROR, K3A_E_INPUT, a, "first at 9");
    k3a_diag_add(&dl, K3A_ERROR, K3A_E_INPUT, b, "at 3");
    k3a_diag_add(&dl, K3A_ERROR, K3A_E_INPUT, a, "second at 9");
    k3a_diag_list_sort(&dl);
    ck_assert_str_eq(dl.v[0].msg, "at 3");
    ck_assert_str_eq(dl.v[1].msg, "first at 9");
    ck_assert_str_eq(dl.v[2].msg, "second at 9");
    k3a_diag_list_release(&dl);
}
END_TEST

START_TEST(cap_counts_what_it_drops)
{
    struct k3a_diag_list dl;
    struct k3a_loc a = { "f.ini", 1, "", "" };
    int i;

    k3a_diag_list_init(&dl);
    dl.max_kept = 5;
    for (i = 0; i < 12; i++)
        k3a_diag_add(&dl, K3A_ERROR, K3A_E_INPUT, a, "e%d", i);
    ck_assert_int_eq((int)dl.n, 5);
    ck_assert_int_eq((int)dl.dropped, 7);
    ck_assert_int_eq((int)dl.n_errors, 12);
    k3a_diag_list_release(&dl);
}
END_TEST

Suite *diag_suite(void)
{
    Suite *s = suite_create("diag");
    TCase *tc = tcase_create("format");

    tcase_add_test(tc, format_is_file_line_severity_element_key);
    tcase_add_test(tc, element_only_and_warning);
    tcase_add_test(tc, sort_is_by_line_and_stable);
    tcase_add_test(tc, cap_counts_what_it_drops);
    suite_add_tcase(s, tc);
    return s;
}
