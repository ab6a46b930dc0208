/*
 * check_fmt.c - k3a__vfmt gives vsnprintf's bytes and return value.
 *
 * The expected text is the C library's own vsnprintf on the same format
 * and values.  k3a__vfmt was a hand-written faster road to the same bytes;
 * it is now vsnprintf under the "C" locale (issue 20: the road gained
 * nothing a user sees), so these tests check that the wrapper passes
 * formats, return values and short buffers through unchanged (the comma
 * locale is tests/locale_test.c's, make check-locale).  The values are the ones that
 * break fast decimal conversion: exact and near ties (0.125, 2.675),
 * decimal fractions, powers of ten and their neighbours, every magnitude
 * from 1e-300 to 1e300, both zeros, infinities and NaN.  k3a__fixed, which
 * writes the digits of "%.Nf" itself where they are certain, is checked
 * against snprintf the same way.
 */
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "tests.h"

static unsigned long long rng = 0x9E3779B97F4A7C15ull;

static unsigned long long next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static int same(size_t n, const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* 1 when both give the same bytes and return value; prints the first
 * difference. */
static int same(size_t n, const char *fmt, ...)
{
    char want[600], got[600];
    va_list ap, aq;
    int a, b;

    memset(want, 'x', sizeof(want));
    memset(got, 'x', sizeof(got));
    va_start(ap, fmt);
    va_copy(aq, ap);
    a = vsnprintf(want, n, fmt, ap);
    b = k3a__vfmt(got, n, fmt, aq);
    va_end(aq);
    va_end(ap);
    if (a != b || memcmp(want, got, sizeof(want)) != 0) {
        fprintf(stderr, "fmt '%s' n=%zu: libc %d '%.*s', k3a %d '%.*s'\n", fmt,
                n, a, a, n ? want : "", b, b, n ? got : "");
        return 0;
    }
    return 1;
}

/* same() for a format from a table, with one double */
#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
static int same_d(size_t n, const char *fmt, double v)
{
    return same(n, fmt, v);
}
#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic pop
#endif

/* A value of the kind that breaks decimal conversion, chosen by i. */
static double value(unsigned i)
{
    unsigned long long r = next();
    int k = (int)(r % 25) - 8;
    double m = (double)(r >> 11) * 0x1p-53; /* [0, 1) */
    double v;

    switch (i % 8) {
    case 0: /* any magnitude from 1e-9 to 1e16 */
        v = m * pow(10, k);
        break;
    case 1: /* a decimal fraction: 2.675, 0.045 */
        v = (double)(r % 1000000) / pow(10, (double)((r >> 40) % 7));
        break;
    case 2: /* an exact binary tie: 0.125, 2.5, 1234.0625 */
        v = (double)(2 * (r % 100000) + 1) / pow(2, (double)((r >> 40) % 12));
        break;
    case 3: /* a decimal tie at some precision: 0.05, 1.2345 */
        v = ((double)(r % 100000) + 0.5) / pow(10, (double)((r >> 40) % 8));
        break;
    case 4: /* a power of ten and its neighbours */
        v = pow(10, k);
        v = (r >> 50) % 3 == 0   ? nextafter(v, 0)
            : (r >> 50) % 3 == 1 ? nextafter(v, INFINITY)
                                 : v;
        break;
    case 5: /* just under a rounding step: 9.9999996, 0.99995 */
        v = (1.0 - pow(10, -(double)(r % 9 + 1)) / 2) * pow(10, k);
        break;
    case 6: /* an integer */
        v = (double)(r % 100000);
        break;
    default: /* anything else: very large or very small */
        v = m * pow(10, (double)((int)(r % 600) - 300));
        break;
    }
    return (r >> 63) ? -v : v;
}

/* Conversions of 30,000 generated values each that differ from the C
 * library's (counting stops at 5). */
static int differ_from_libc(const char *const *f, size_t n_f)
{
    size_t j;
    unsigned i;
    int bad = 0;

    for (j = 0; j < n_f; j++)
        for (i = 0; i < 30000 && bad < 5; i++)
            bad += !same_d(64, f[j], value(i));
    return bad;
}

START_TEST(fixed_as_the_c_library)
{
    static const char *const f[] = { "%.0f", "%.1f", "%.2f", "%.3f", "%.4f",
                                     "%.5f", "%.6f", "%.9f", "%f",   "%.10f",
                                     "%.17f", "%.f", "%lf" };

    ck_assert_int_eq(differ_from_libc(f, sizeof(f) / sizeof(f[0])), 0);
}
END_TEST

START_TEST(general_as_the_c_library)
{
    static const char *const f[] = { "%g",    "%.0g", "%.1g",  "%.2g",  "%.3g",
                                     "%.4g",  "%.5g", "%.7g",  "%.10g", "%.12g",
                                     "%.15g", "%.16g", "%.17g", "%lg" };

    ck_assert_int_eq(differ_from_libc(f, sizeof(f) / sizeof(f[0])), 0);
}
END_TEST

START_TEST(special_values_as_the_c_library)
{
    static const double v[] = { 0.0,   -0.0,     INFINITY, -INFINITY, NAN,
                                0.5,   1.5,      2.5,      -0.5,      0.125,
                                0.375, 2.675,    1.005,    0.045,     9.995,
                                99.95, 999999.5, 1e15,     1e15 - 1,  1e-4,
                                9.9999e-5, 0.00015, DBL_MAX, DBL_MIN,
                                DBL_TRUE_MIN, 4503599627370495.5, -1e-300 };
    static const char *f[] = { "%.0f", "%.1f", "%.2f", "%.3f", "%f",
                               "%g",   "%.1g", "%.2g", "%.3g", "%.17g" };
    size_t i, j;
    int bad = 0;

    for (j = 0; j < sizeof(f) / sizeof(f[0]); j++)
        for (i = 0; i < sizeof(v) / sizeof(v[0]); i++)
            bad += !same_d(400, f[j], v[i]);
    ck_assert_int_eq(bad, 0);
}
END_TEST

START_TEST(integers_and_text_as_the_c_library)
{
    static const long long ll[] = { 0, 1, -1, 9, 10, 99, -100, INT_MAX, INT_MIN,
                                    LLONG_MAX, LLONG_MIN };
    size_t i;
    int bad = 0;

    for (i = 0; i < sizeof(ll) / sizeof(ll[0]); i++) {
        int v = (int)ll[i];
        bad += !same(64, "%d|%i|%02d|%04d|%5d|%u", v, v, v, v, v, (unsigned)v);
        bad += !same(64, "%ld|%lld|%lu|%llu", (long)ll[i], ll[i],
                     (unsigned long)ll[i], (unsigned long long)ll[i]);
        bad += !same(64, "%zu|%03zu|%zd|%04zu", (size_t)ll[i],
                     (size_t)(ll[i] & 0xff), (ptrdiff_t)ll[i], (size_t)i);
    }
    for (i = 0; i < 2000; i++) {
        int v = (int)next();
        bad += !same(64, "%d %02d %u", v, v % 100, (unsigned)v);
    }
    bad += !same(64, "%s and %s: 100 %% %c", "", "kabel C0-1", 'x');
    bad += !same(64, "plain text, no conversion");
    bad += !same(64, "%%");
    ck_assert_int_eq(bad, 0);
}
END_TEST

/* k3a__join writes what snprintf's "%s%s..." writes, cut at every size
 * (a NULL as glibc's "(null)"), and returns the same length */
START_TEST(joined_text_as_the_c_library)
{
    const char *a = "IEC 60364-4-43 434.5.2; ", *b = "Tabel B.52.3 ≤", *z = NULL;
    char want[64], got[64];
    size_t n;

    for (n = 0; n <= sizeof(want); n++) {
        int w;
        size_t g;
        memset(want, 'x', sizeof(want));
        memset(got, 'x', sizeof(got));
        w = snprintf(n ? want : NULL, n, "%s%s%s", a, "", b);
        g = k3a__join(n ? got : NULL, n, a, "", b);
        ck_assert_int_eq((int)g, w);
        ck_assert_mem_eq(got, want, sizeof(want));
        w = snprintf(n ? want : NULL, n, "%s", "sisi beban gawai utama");
        g = k3a__join(n ? got : NULL, n, "sisi beban gawai utama");
        ck_assert_int_eq((int)g, w);
        ck_assert_mem_eq(got, want, sizeof(want));
    }
    /* glibc's printf writes a NULL string as "(null)" */
    k3a__join(got, sizeof(got), "a", "|", z);
    ck_assert_str_eq(got, "a|(null)");
}
END_TEST

START_TEST(titles_and_short_buffers_as_the_c_library)
{
    size_t n;
    int bad = 0;

    /* real title formats (load_findings.c), cut at every buffer size */
    for (n = 0; n < 120; n++) {
        bad += !same(n, "Ketahanan termal: I2t %.3g <= k2S2 %.3g A2s (%.2f kA, "
                        "%.3f s, %s)%s",
                     123456.789, 4.2e7, 12.3456, 0.0405, "maks", " [t < 0,1 s]");
        bad += !same(n, "Arus beban Ib %.1f A terhadap KHA Iz %.1f A (%.0f %%)%s",
                     45.25, 126.0, 35.9, "");
    }
    /* conversions left to the C library, beside ones done here */
    bad += !same(64, "%+d %x %e %.*s|%-6s|%.0s|%.2f", 5, 255u, 1234.5, 3,
                 "abcdef", "ab", "gone", 2.345);
    bad += !same(64, "%10.3f|%010.2f|%#g|%G|%E", 3.14159, -2.5, 1.0, 1e-7, 2.0);
    /* ones done here first, then one that is not: the library starts over
     * from the first argument */
    bad += !same(64, "%d %s %.2f %x %g|%s", 42, "kV", 0.125, 255u, 1e-9, "end");
    bad += !same(8, "%s %u %5.1f", "abcdefgh", 7u, 2.25);
    ck_assert_int_eq(bad, 0);
}
END_TEST

/* k3a__fixed: snprintf's "%.*f" bytes and return value for every
 * precision it writes itself (0-9) and beyond, on the generated values,
 * the hard ones above, the edge of its range (|v| 10^prec near 2^52),
 * exact and near ties at each precision, and short buffers. */
static int fixed_differs(size_t n, int prec, double v)
{
    char want[400], got[400];
    int a, b;

    memset(want, 'x', sizeof(want));
    memset(got, 'x', sizeof(got));
    a = snprintf(want, n, "%.*f", prec, v);
    b = k3a__fixed(got, n, prec, v);
    if (a != b || memcmp(want, got, sizeof(want)) != 0) {
        fprintf(stderr, "k3a__fixed(%d, %.17g) n=%zu: libc %d '%s', k3a %d '%s'\n", prec,
                v, n, a, n ? want : "", b, n ? got : "");
        return 1;
    }
    return 0;
}

START_TEST(fixed_digits_as_the_c_library)
{
    static const double hard[] = { 0.0,      -0.0,   0.5,   1.5,   2.5,   -0.5,
                                   0.125,    0.375,  2.675, 1.005, 0.045, 9.995,
                                   99.95,    -0.001, 1e-9,  5e-10, 0.05,  0.15,
                                   1e15,     1e15 - 1, 4503599627370495.5,
                                   4503599627370496.0, 450359962737.04955,
                                   INFINITY, -INFINITY, NAN, DBL_MAX, DBL_TRUE_MIN };
    unsigned i;
    size_t j, n;
    int prec, bad = 0;

    for (prec = 0; prec <= 12 && bad < 5; prec++) {
        for (i = 0; i < 20000 && bad < 5; i++)
            bad += fixed_differs(400, prec, value(i));
        for (j = 0; j < sizeof(hard) / sizeof(hard[0]); j++)
            bad += fixed_differs(400, prec, hard[j]);
        for (i = 0; i < 2000 && bad < 5; i++) {
            /* k + 1/2 units of the last digit, and its neighbours */
            double t = ((double)(next() % 100000000) + 0.5) / pow(10, prec);
            double lim = 0x1p52 / pow(10, prec);
            bad += fixed_differs(400, prec, t);
            bad += fixed_differs(400, prec, nextafter(t, 0));
            bad += fixed_differs(400, prec, -nextafter(t, INFINITY));
            bad += fixed_differs(400, prec, nextafter(lim, 0) * (double)(i % 7 + 1) / 7);
        }
    }
    for (n = 0; n < 16; n++) {
        bad += fixed_differs(n, 3, -123.4567);
        bad += fixed_differs(n, 0, 99999.5);
    }
    ck_assert_int_eq(bad, 0);
}
END_TEST

/* The C library's "%.10g" read back is the reference: the same value for
 * any magnitude the workbook holds, integers below 1e10 unchanged. */
START_TEST(round_sig10_as_the_c_library)
{
    char buf[64];
    unsigned i;
    int bad = 0;

    for (i = 0; i < 200000 && bad < 5; i++) {
        unsigned long long r = next();
        double m = 0.1 + 0.9 * (double)(r >> 11) * 0x1p-53; /* [0.1, 1) */
        /* 1e-13 .. 1e12: where the rounding scale is an exact power of ten */
        double v = m * pow(10, (double)((int)(r % 25) - 12)) * ((r >> 63) ? -1 : 1);
        double want, got = k3a__round_sig10(v);
        snprintf(buf, sizeof(buf), "%.10g", v);
        want = strtod(buf, NULL);
        if (memcmp(&got, &want, sizeof(got)) != 0) {
            fprintf(stderr, "round_sig10(%.17g) = %.17g, libc %.17g\n", v, got, want);
            bad++;
        }
    }
    for (i = 0; i < 1000; i++) {
        double v = (double)(next() % 10000000000ull), got = k3a__round_sig10(v);
        bad += memcmp(&got, &v, sizeof(v)) != 0;
    }
    {
        double inf = k3a__round_sig10(INFINITY), zero = k3a__round_sig10(0.0);
        double sum = k3a__round_sig10(0.1 + 0.2), want = 0.3;
        bad += !isnan(k3a__round_sig10(NAN));
        bad += !(isinf(inf) && inf > 0);
        bad += fpclassify(zero) != FP_ZERO;
        bad += memcmp(&sum, &want, sizeof(sum)) != 0;
        want = 1.2345678901234e-20; /* beyond the scale: left as it is */
        sum = k3a__round_sig10(want);
        bad += memcmp(&sum, &want, sizeof(sum)) != 0;
    }
    ck_assert_int_eq(bad, 0);
}
END_TEST

Suite *fmt_suite(void)
{
    Suite *s = suite_create("fmt");
    TCase *tc = tcase_create("core");

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, fixed_as_the_c_library);
    tcase_add_test(tc, general_as_the_c_library);
    tcase_add_test(tc, special_values_as_the_c_library);
    tcase_add_test(tc, integers_and_text_as_the_c_library);
    tcase_add_test(tc, joined_text_as_the_c_library);
    tcase_add_test(tc, titles_and_short_buffers_as_the_c_library);
    tcase_add_test(tc, round_sig10_as_the_c_library);
    tcase_add_test(tc, fixed_digits_as_the_c_library);
    suite_add_tcase(s, tc);
    return s;
}
