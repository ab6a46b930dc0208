/*
 * check_parse.c - strict value parsing (parse.c).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "parse.h"
#include "tests.h"

static double num(const char *t, int *ok, char *msg)
{
    double v = -1;
    *ok = k3a__parse_double(t, &v, msg, 200) == 0;
    return v;
}

START_TEST(numbers_with_a_point_parse)
{
    char msg[200];
    int ok;

    ck_assert_double_eq_tol(num("2.8", &ok, msg), 2.8, 1e-12);
    ck_assert(ok);
    ck_assert_double_eq_tol(num("1.5e3", &ok, msg), 1500.0, 1e-9);
    ck_assert(ok);
    ck_assert_double_eq_tol(num("-0.25", &ok, msg), -0.25, 1e-12);
    ck_assert(ok);
    ck_assert_double_eq_tol(num("171000000", &ok, msg), 171e6, 1e-3);
    ck_assert(ok);
    ck_assert_double_eq_tol(num(".5", &ok, msg), 0.5, 1e-12);
    ck_assert(ok);
}
END_TEST

/* Every number the loader reads is the double the C library's strtod
 * gives for it, bit for bit: short decimals, long ones, large and small
 * exponents, signs and zeros (the loader is strtod under the C locale
 * since the hand-written fast road went; 30,000 random numbers keep the
 * test inside Check's timeout on a busy machine). */
START_TEST(numbers_are_strtods_doubles)
{
    static const char *const fixed[] = {
        "0", "-0", "+0", "0.0", "-0.0", "00012.5000", "0.1", "0.2", "0.3",
        "1e22", "1e23", "9e22", "123456789012345", "1234567890123456",
        "999999999999999e22", "999999999999999e-22", "1e-22", "1e-23",
        "0.000000000000000000000001", "1.7976931348623157e308",
        "2.2250738585072014e-308", "9007199254740993", "0.30000000000000004",
        "5e-1", "5E+1", "-.5", "+7.", "3.14159265358979", "3.141592653589793",
        "100000000000000000000000", "0.1e1", "1.5e-7", "400", "0.4", "1e0",
    };
    char buf[64], msg[200];
    unsigned long x = 12345;
    size_t i;

    for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++) {
        double v = -1, w = strtod(fixed[i], NULL);
        ck_assert_msg(k3a__parse_double(fixed[i], &v, msg, sizeof(msg)) == 0, "%s: %s",
                      fixed[i], msg);
        ck_assert_msg(memcmp(&v, &w, sizeof(v)) == 0, "%s: %.17g, strtod %.17g",
                      fixed[i], v, w);
    }
    for (i = 0; i < 30000; i++) {
        double v = -1, w;
        size_t k = 0, nd, point;
        int d;
        x = x * 6364136223846793005UL + 1442695040888963407UL;
        if (x & 2)
            buf[k++] = '-';
        nd = 1 + (size_t)((x >> 59) % 18);       /* 1..18 digits */
        point = (size_t)((x >> 50) % (nd + 1)); /* where the point goes */
        for (d = 0; d < (int)nd; d++) {
            if (point && (size_t)d == point)
                buf[k++] = '.';
            buf[k++] = (char)('0' + (x >> (3 * d % 45)) % 10);
        }
        buf[k] = '\0';
        if (x & 4)
            snprintf(buf + k, sizeof(buf) - k, "e%d", (int)((x >> 32) % 61) - 30);
        w = strtod(buf, NULL);
        ck_assert_msg(k3a__parse_double(buf, &v, msg, sizeof(msg)) == 0, "%s: %s", buf, msg);
        ck_assert_msg(memcmp(&v, &w, sizeof(v)) == 0, "%s: %.17g, strtod %.17g", buf, v, w);
    }
}
END_TEST

START_TEST(decimal_comma_gets_a_hint)
{
    char msg[200];
    int ok;

    num("2,8", &ok, msg);
    ck_assert(!ok);
    ck_assert_ptr_nonnull(strstr(msg, "decimal separator: 2.8"));
}
END_TEST

START_TEST(digit_grouping_gets_a_hint)
{
    char msg[200];
    int ok;

    num("171.000.000", &ok, msg);
    ck_assert(!ok);
    ck_assert_ptr_nonnull(strstr(msg, "write 171000000"));
}
END_TEST

START_TEST(unit_after_number_is_an_error)
{
    char msg[200];
    int ok;

    num("20 kA", &ok, msg);
    ck_assert(!ok);
    ck_assert_ptr_nonnull(strstr(msg, "unit is in the key name"));
    num("5ohm", &ok, msg);
    ck_assert(!ok);
}
END_TEST

START_TEST(junk_nan_inf_overflow_are_errors)
{
    static const char *const bad[] = { "nan", "NaN", "inf", "-inf",
                                       "infinity", "1e999", "12abc", "",
                                       "1.2.", "0x10", "1e", "--1", " 1" };
    char msg[200];
    size_t i;
    int ok;

    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        num(bad[i], &ok, msg);
        ck_assert_msg(!ok, "'%s' parsed", bad[i]);
    }
    num("1e999", &ok, msg);
    ck_assert_ptr_nonnull(strstr(msg, "too large"));
}
END_TEST

START_TEST(whole_numbers)
{
    char msg[200];
    long v;

    ck_assert_int_eq(k3a__parse_int("3", &v, msg, sizeof(msg)), 0);
    ck_assert_int_eq(v, 3);
    ck_assert_int_eq(k3a__parse_int("2.5", &v, msg, sizeof(msg)), -1);
    ck_assert_ptr_nonnull(strstr(msg, "whole number"));
    ck_assert_int_eq(k3a__parse_int("99999999999", &v, msg, sizeof(msg)), -1);
}
END_TEST

START_TEST(dates_are_checked_on_the_calendar)
{
    struct k3a_date d;
    char msg[200];

    ck_assert_int_eq(k3a__parse_date("2024-02-29", &d, msg, sizeof(msg)), 0);
    ck_assert_int_eq(d.y, 2024);
    ck_assert_int_eq(d.m, 2);
    ck_assert_int_eq(d.d, 29);
    ck_assert_int_eq(k3a__parse_date("2023-02-29", &d, msg, sizeof(msg)), -1);
    ck_assert_int_eq(k3a__parse_date("2023-13-01", &d, msg, sizeof(msg)), -1);
    ck_assert_int_eq(k3a__parse_date("10-03-2026", &d, msg, sizeof(msg)), -1);
    ck_assert_int_eq(k3a__parse_date("2026-3-10", &d, msg, sizeof(msg)), -1);
    /* 1970-01-01 is day 0; 2000-03-01 is day 11017 */
    d.y = 1970, d.m = 1, d.d = 1;
    ck_assert_int_eq((int)k3a_date_days(d), 0);
    d.y = 2000, d.m = 3, d.d = 1;
    ck_assert_int_eq((int)k3a_date_days(d), 11017);
}
END_TEST

START_TEST(readings_beyond_range)
{
    struct k3a_reading r;
    char msg[200];

    ck_assert_int_eq(k3a__parse_reading(">2000", &r, msg, sizeof(msg)), 0);
    ck_assert_int_eq(r.cmp, 1);
    ck_assert_double_eq_tol(r.value, 2000, 1e-9);
    ck_assert_int_eq(k3a__parse_reading("<0.01", &r, msg, sizeof(msg)), 0);
    ck_assert_int_eq(r.cmp, -1);
    ck_assert_int_eq(k3a__parse_reading("850", &r, msg, sizeof(msg)), 0);
    ck_assert_int_eq(r.cmp, 0);
    ck_assert_int_eq(k3a__parse_reading(">>5", &r, msg, sizeof(msg)), -1);
}
END_TEST

START_TEST(booleans_and_indonesian_hints)
{
    char msg[200];
    int b;

    ck_assert_int_eq(k3a__parse_bool("yes", &b, msg, sizeof(msg)), 0);
    ck_assert_int_eq(b, 1);
    ck_assert_int_eq(k3a__parse_bool("no", &b, msg, sizeof(msg)), 0);
    ck_assert_int_eq(b, 0);
    ck_assert_int_eq(k3a__parse_bool("ya", &b, msg, sizeof(msg)), -1);
    ck_assert_ptr_nonnull(strstr(msg, "did you mean 'yes'"));
    ck_assert_int_eq(k3a__parse_bool("tidak", &b, msg, sizeof(msg)), -1);
    ck_assert_ptr_nonnull(strstr(msg, "did you mean 'no'"));
}
END_TEST

START_TEST(edit_distance_and_names)
{
    ck_assert_int_eq(k3a__edit_distance("length_m", "length_m"), 0);
    ck_assert_int_eq(k3a__edit_distance("lenght_m", "length_m"), 1);
    ck_assert_int_eq(k3a__edit_distance("kabel", "cable"), 2);
    ck_assert(k3a__valid_name("SDP-1.A_2"));
    ck_assert(!k3a__valid_name("SDP 1"));
    ck_assert(!k3a__valid_name(""));
    ck_assert(!k3a__valid_name("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456"));
    ck_assert(k3a__valid_name("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"));
}
END_TEST

START_TEST(utf8_validation)
{
    const unsigned char ok[] = "Lt. 3 \xC2\xB0" "C \xE2\x80\x94 ok";
    const unsigned char bad[] = "caf\xE9 ";
    const unsigned char overlong[] = "\xC0\xAF";

    ck_assert_int_eq((int)k3a__utf8_invalid_at(ok, sizeof(ok) - 1), -1);
    ck_assert_int_eq((int)k3a__utf8_invalid_at(bad, sizeof(bad) - 1), 3);
    ck_assert_int_eq((int)k3a__utf8_invalid_at(overlong, 2), 0);
}
END_TEST

/* FIPS 180-2 Appendix B, through the portable rounds and (where the
 * processor has them) the SHA instructions. */
static void sha_vectors(int fast)
{
    static const struct {
        const char *msg;
        const char *hex;
    } v[] = {
        { "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
        { "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
    };
    unsigned char h[32];
    char hex[65], *a;
    size_t i;

    for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
        k3a__sha256_with(v[i].msg, strlen(v[i].msg), h, fast);
        k3a__hex(h, 32, hex);
        ck_assert_str_eq(hex, v[i].hex);
    }
    /* B.3: one million 'a' */
    a = malloc(1000000);
    ck_assert_ptr_nonnull(a);
    memset(a, 'a', 1000000);
    k3a__sha256_with(a, 1000000, h, fast);
    free(a);
    k3a__hex(h, 32, hex);
    ck_assert_str_eq(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

/* k3a__grow (base/grow.c): the capacity follows from the count (first,
 * doubled), so appending one at a time and reserving many both keep every
 * element, and each element written stays in place. */
START_TEST(grow_keeps_elements)
{
    int *a = NULL, *p;
    size_t n = 0, i;

    for (i = 0; i < 1000; i++) {
        p = k3a__grow(a, n, 1, sizeof(*a), 4);
        ck_assert_ptr_nonnull(p);
        a = p;
        a[n++] = (int)i;
    }
    /* a reserve of many at once, then single appends past it */
    p = k3a__grow(a, n, 3000, sizeof(*a), 4);
    ck_assert_ptr_nonnull(p);
    a = p;
    for (i = 0; i < 3000; i++)
        a[n++] = (int)(1000 + i);
    for (i = 0; i < 100; i++) {
        p = k3a__grow(a, n, 1, sizeof(*a), 4);
        ck_assert_ptr_nonnull(p);
        a = p;
        a[n++] = (int)(4000 + i);
    }
    for (i = 0; i < n; i++)
        ck_assert_int_eq(a[i], (int)i);
    /* a count that would overflow is refused, the array left alone */
    ck_assert_ptr_null(k3a__grow(a, n, (size_t)-1, sizeof(*a), 4));
    free(a);
}
END_TEST

START_TEST(sha256_known_vector)
{
    sha_vectors(0);
    if (k3a__sha256_fast()) {
        unsigned char buf[300], h0[32], h1[32];
        size_t n;
        sha_vectors(1);
        /* every length across the block and padding boundaries */
        for (n = 0; n < sizeof(buf); n++)
            buf[n] = (unsigned char)(n * 131 + 7);
        for (n = 0; n <= sizeof(buf); n++) {
            k3a__sha256_with(buf, n, h0, 0);
            k3a__sha256_with(buf, n, h1, 1);
            ck_assert_mem_eq(h0, h1, 32);
        }
    }
}
END_TEST

Suite *parse_suite(void)
{
    Suite *s = suite_create("parse");
    TCase *tc = tcase_create("values");

    tcase_add_test(tc, numbers_with_a_point_parse);
    tcase_add_test(tc, numbers_are_strtods_doubles);
    tcase_add_test(tc, decimal_comma_gets_a_hint);
    tcase_add_test(tc, digit_grouping_gets_a_hint);
    tcase_add_test(tc, unit_after_number_is_an_error);
    tcase_add_test(tc, junk_nan_inf_overflow_are_errors);
    tcase_add_test(tc, whole_numbers);
    tcase_add_test(tc, dates_are_checked_on_the_calendar);
    tcase_add_test(tc, readings_beyond_range);
    tcase_add_test(tc, booleans_and_indonesian_hints);
    tcase_add_test(tc, edit_distance_and_names);
    tcase_add_test(tc, utf8_validation);
    tcase_add_test(tc, sha256_known_vector);
    tcase_add_test(tc, grow_keeps_elements);
    suite_add_tcase(s, tc);
    return s;
}
