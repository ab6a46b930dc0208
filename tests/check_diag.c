/*
 * check_diag.c - diagnostics: the user-facing line format and ordering.
 */
#include <string.h>

#include "k3audit/diag.h"
#include "k3audit/textclean.h"
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

/* issue 20: text from a user is cleaned for every output (textclean.h) */
START_TEST(clean_escapes_controls_c1_and_bad_utf8)
{
    char b[128];

    ck_assert_uint_eq(k3a_text_clean(b, sizeof(b), "plain é text", 0), strlen("plain é text"));
    ck_assert_str_eq(b, "plain é text");
    ck_assert_int_eq(k3a_text_needs_clean("plain é text\ttab", 0), 0);
    k3a_text_clean(b, sizeof(b), "a\x1b[31mb\x07", 0);
    ck_assert_str_eq(b, "a\\x1B[31mb\\x07");
    k3a_text_clean(b, sizeof(b), "del\x7f c1\xc2\x9b bad\xff", 0);
    ck_assert_str_eq(b, "del\\x7F c1\\xC2\\x9B bad\\xFF");
    k3a_text_clean(b, sizeof(b), "l1\nl2", 0);
    ck_assert_str_eq(b, "l1\\x0Al2");
    k3a_text_clean(b, sizeof(b), "l1\nl2", K3A_CLEAN_KEEP_NEWLINE);
    ck_assert_str_eq(b, "l1\nl2");
}
END_TEST

START_TEST(clean_ooxml_keeps_x_escapes_literal)
{
    char b[128];

    /* ECMA-376 22.9.2.19: "_x005F_" is the escaped underscore */
    k3a_text_clean(b, sizeof(b), "PT _x000D_ and _x00zz_ and _x1234", K3A_CLEAN_OOXML);
    ck_assert_str_eq(b, "PT _x005F_x000D_ and _x00zz_ and _x1234");
    k3a_text_clean(b, sizeof(b), "_x000D_", 0); /* not in terminal mode */
    ck_assert_str_eq(b, "_x000D_");
    ck_assert_int_eq(k3a_text_needs_clean("_x000D_", K3A_CLEAN_OOXML), 1);
    ck_assert_int_eq(k3a_text_needs_clean("_x000D_", 0), 0);
}
END_TEST

START_TEST(clean_cuts_whole_pieces_and_reports_full_length)
{
    char b[8];

    /* "ab" + "\x01" (4 bytes) would be 6 bytes: fits; the next does not */
    ck_assert_uint_eq(k3a_text_clean(b, sizeof(b), "ab\x01\x02", 0), 10u);
    ck_assert_str_eq(b, "ab\\x01");
    ck_assert_uint_eq(k3a_text_clean(b, 3, "éé", 0), 4u);
    ck_assert_str_eq(b, "é");
    ck_assert_uint_eq(k3a_text_clean(NULL, 0, "a\x01", 0), 5u);
}
END_TEST

START_TEST(control_at_finds_c0_del_c1_not_tab)
{
    unsigned cp = 0;
    const char *t = "ok\ttab";

    ck_assert_int_eq(k3a_text_control_at(t, strlen(t), &cp), -1);
    ck_assert_int_eq(k3a_text_control_at("ab\rc", 4, &cp), 2);
    ck_assert_uint_eq(cp, 0x0Du);
    ck_assert_int_eq(k3a_text_control_at("x\x7f", 2, &cp), 1);
    ck_assert_uint_eq(cp, 0x7Fu);
    ck_assert_int_eq(k3a_text_control_at("é\xc2\x85", 4, &cp), 2);
    ck_assert_uint_eq(cp, 0x85u);
}
END_TEST

START_TEST(format_never_prints_a_control_character)
{
    struct k3a_diag_list dl;
    struct k3a_loc l = { "site\x1b[2J.ini", 3, "site", "name" };
    char line[600];

    k3a_diag_list_init(&dl);
    k3a_diag_add(&dl, K3A_ERROR, K3A_E_INPUT, l, "'%s' is odd", "a\x07z");
    k3a_diag_format(&dl.v[0], line, sizeof(line));
    ck_assert_str_eq(line, "site\\x1B[2J.ini:3: error: [site] name: 'a\\x07z' is odd");
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
    tcase_add_test(tc, clean_escapes_controls_c1_and_bad_utf8);
    tcase_add_test(tc, clean_ooxml_keeps_x_escapes_literal);
    tcase_add_test(tc, clean_cuts_whole_pieces_and_reports_full_length);
    tcase_add_test(tc, control_at_finds_c0_del_c1_not_tab);
    tcase_add_test(tc, format_never_prints_a_control_character);
    suite_add_tcase(s, tc);
    return s;
}
