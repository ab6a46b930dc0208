/*
 * check_status.c - every status has its own message (the X-macro leaves
 * no hole).
 */
#include <string.h>

#include "k3audit/status.h"
#include "tests.h"

START_TEST(every_status_has_a_message)
{
    int i;

    for (i = 0; i < K3A_STATUS_COUNT; i++) {
        const char *m = k3a_strerror((enum k3a_status)i);
        ck_assert_ptr_nonnull(m);
        ck_assert_str_ne(m, "unknown status");
        ck_assert_int_gt((int)strlen(m), 3);
    }
    ck_assert_str_eq(k3a_strerror(K3A_STATUS_COUNT), "unknown status");
}
END_TEST

Suite *status_suite(void)
{
    Suite *s = suite_create("status");
    TCase *tc = tcase_create("messages");

    tcase_add_test(tc, every_status_has_a_message);
    suite_add_tcase(s, tc);
    return s;
}
