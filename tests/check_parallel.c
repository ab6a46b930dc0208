/*
 * check_parallel.c - the two-thread loop: every item once, the same
 * result as one thread, one thread below the threshold.
 */
#include <string.h>

#include "parallel.h"
#include "tests.h"

struct mark {
    unsigned char *seen;
    size_t calls_lo[2], calls_hi[2];
    int calls;
};

static void mark_range(void *ctx, size_t lo, size_t hi)
{
    struct mark *m = ctx;
    size_t i;

    for (i = lo; i < hi; i++)
        m->seen[i]++;
}

START_TEST(every_item_once_on_two_threads)
{
    static unsigned char seen[100001];
    struct mark m;
    size_t i;

    memset(&m, 0, sizeof(m));
    memset(seen, 0, sizeof(seen));
    m.seen = seen;
    k3a__parallel_for(100001, 2048, mark_range, &m);
    for (i = 0; i < 100001; i++)
        ck_assert_uint_eq(seen[i], 1);
}
END_TEST

static void one_call(void *ctx, size_t lo, size_t hi)
{
    struct mark *m = ctx;

    if (m->calls < 2) {
        m->calls_lo[m->calls] = lo;
        m->calls_hi[m->calls] = hi;
    }
    m->calls++;
}

START_TEST(below_the_threshold_one_call)
{
    struct mark m;

    memset(&m, 0, sizeof(m));
    k3a__parallel_for(2047, 2048, one_call, &m);
    ck_assert_int_eq(m.calls, 1);
    ck_assert_uint_eq(m.calls_lo[0], 0);
    ck_assert_uint_eq(m.calls_hi[0], 2047);
    memset(&m, 0, sizeof(m));
    k3a__parallel_for(0, 0, one_call, &m);
    ck_assert_int_eq(m.calls, 1);
    ck_assert_uint_eq(m.calls_hi[0], 0);
}
END_TEST

static void add_one(void *p)
{
    ++*(int *)p;
}

START_TEST(both_calls_run)
{
    int a = 0, b = 0;

    k3a__parallel_2(add_one, &a, add_one, &b);
    ck_assert_int_eq(a, 1);
    ck_assert_int_eq(b, 1);
}
END_TEST

Suite *parallel_suite(void)
{
    Suite *s = suite_create("parallel");
    TCase *tc = tcase_create("core");

    tcase_add_test(tc, every_item_once_on_two_threads);
    tcase_add_test(tc, below_the_threshold_one_call);
    tcase_add_test(tc, both_calls_run);
    suite_add_tcase(s, tc);
    return s;
}
