/*
 * check_report_pdf.c - the PDF report and labels: files appear whole or
 * not at all, on the paper asked for, and equal inputs give equal bytes
 * (the document date is the audit date).  Their contents are read back
 * with poppler in tests/e2e.sh.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "k3audit/k3audit.h"
#include "k3audit/report_pdf.h"
#include "report_fixture.h"
#include "tests.h"

/* the example audited once per test (tests/report_fixture.h) */
static struct report_fixture fx;

static void setup(void)
{
    report_fixture_setup(&fx, "../../examples/minimal.ini", "k3a-pdf");
}

static void teardown(void)
{
    report_fixture_teardown(&fx);
}

/* The bytes of s in the buffer (which holds binary streams too). */
static int has(const char *b, long n, const char *s)
{
    size_t k = strlen(s);
    long i;

    for (i = 0; i + (long)k <= n; i++)
        if (memcmp(b + i, s, k) == 0)
            return 1;
    return 0;
}

START_TEST(report_is_written_and_reproducible)
{
    struct k3a_report_opts o = { K3A_LANG_ID, "test", NULL, NULL, NULL };
    char a[128], b[128], msg[256];
    char *x, *y;
    long nx, ny;

    snprintf(a, sizeof(a), "%s/a.pdf", fx.dir);
    snprintf(b, sizeof(b), "%s/b.pdf", fx.dir);
    ck_assert_int_eq(k3a_report_write_pdf(&fx.res, &o, a, msg, sizeof(msg)), K3A_OK);
    ck_assert_int_eq(k3a_report_write_pdf(&fx.res, &o, b, msg, sizeof(msg)), K3A_OK);
    x = report_fixture_slurp(a, &nx);
    y = report_fixture_slurp(b, &ny);
    ck_assert_int_gt((int)nx, 1000);
    ck_assert_int_eq((int)nx, (int)ny);
    ck_assert(memcmp(x, y, (size_t)nx) == 0);
    ck_assert(memcmp(x, "%PDF-", 5) == 0);
    /* A4 (595.276 x 841.89 pt), dated by the audit (minimal.ini: 2026-03-10) */
    ck_assert(has(x, nx, "/MediaBox [ 0 0 595.275591 841.889764 ]"));
    ck_assert(has(x, nx, "/CreationDate (20260310000000)"));
    ck_assert(has(x, nx, "DejaVuSans"));
    free(x);
    free(y);
    unlink(a);
    unlink(b);
}
END_TEST

START_TEST(labels_on_the_paper_asked_for)
{
    struct k3a_report_opts o = { K3A_LANG_EN, "test", NULL, NULL, NULL };
    char a[128], msg[256];
    char *x;
    long n;

    snprintf(a, sizeof(a), "%s/l.pdf", fx.dir);
    ck_assert_int_eq(k3a_report_write_labels_pdf(&fx.res, &o, K3A_LABEL_100X150, a, msg,
                                                 sizeof(msg)),
                     K3A_OK);
    x = report_fixture_slurp(a, &n);
    /* 100 x 150 mm = 283.465 x 425.197 pt */
    ck_assert(has(x, n, "/MediaBox [ 0 0 283.464567 425.19685 ]"));
    free(x);
    ck_assert_int_eq(k3a_report_write_labels_pdf(&fx.res, &o, K3A_LABEL_A4, a, msg,
                                                 sizeof(msg)),
                     K3A_OK);
    x = report_fixture_slurp(a, &n);
    ck_assert(has(x, n, "/MediaBox [ 0 0 595.275591 841.889764 ]"));
    free(x);
    unlink(a);
}
END_TEST

START_TEST(missing_folder_leaves_nothing)
{
    struct k3a_report_opts o = { K3A_LANG_EN, "test", NULL, NULL, NULL };
    char p[128], msg[256];
    struct stat st;

    snprintf(p, sizeof(p), "%s/no/such/dir/out.pdf", fx.dir);
    ck_assert_int_eq(k3a_report_write_pdf(&fx.res, &o, p, msg, sizeof(msg)), K3A_E_IO);
    ck_assert_int_ne(stat(p, &st), 0);
    ck_assert_int_eq(k3a_report_write_labels_pdf(&fx.res, &o, K3A_LABEL_100X150, p, msg,
                                                 sizeof(msg)),
                     K3A_E_IO);
    ck_assert_int_ne(stat(p, &st), 0);
    ck_assert_ptr_nonnull(strstr(msg, "cannot create a temporary file"));
}
END_TEST

/* How often s occurs in the buffer. */
static int count(const char *b, long n, const char *s)
{
    size_t k = strlen(s);
    long i;
    int c = 0;

    for (i = 0; i + (long)k <= n; i++)
        c += memcmp(b + i, s, k) == 0;
    return c;
}

/* A hospital's network (tests/data/pdf_hospital.ini: 16 leaves, more
 * than an upright A4 page holds at the diagram's narrowest slot) gets one
 * page turned sideways for its one-line diagram, the others upright; the
 * minimal site none. */
START_TEST(wide_diagram_on_a_sideways_page)
{
    struct k3a_report_opts o = { K3A_LANG_ID, "test", NULL, NULL, NULL };
    struct report_fixture h;
    char a[128], b[128], msg[256];
    char *x, *y;
    long n, ny;

    report_fixture_setup(&h, "pdf_hospital.ini", "k3a-pdfh");
    snprintf(a, sizeof(a), "%s/h.pdf", h.dir);
    snprintf(b, sizeof(b), "%s/h2.pdf", h.dir);
    ck_assert_int_eq(k3a_report_write_pdf(&h.res, &o, a, msg, sizeof(msg)), K3A_OK);
    ck_assert_int_eq(k3a_report_write_pdf(&h.res, &o, b, msg, sizeof(msg)), K3A_OK);
    x = report_fixture_slurp(a, &n);
    y = report_fixture_slurp(b, &ny);
    ck_assert_int_eq(count(x, n, "/MediaBox [ 0 0 841.889764 595.275591 ]"), 1);
    ck_assert_int_gt(count(x, n, "/MediaBox [ 0 0 595.275591 841.889764 ]"), 5);
    ck_assert_int_eq((int)n, (int)ny);
    ck_assert(memcmp(x, y, (size_t)n) == 0);
    free(x);
    free(y);
    unlink(a);
    unlink(b);
    report_fixture_teardown(&h);
    snprintf(a, sizeof(a), "%s/m.pdf", fx.dir);
    ck_assert_int_eq(k3a_report_write_pdf(&fx.res, &o, a, msg, sizeof(msg)), K3A_OK);
    x = report_fixture_slurp(a, &n);
    ck_assert_int_eq(count(x, n, "/MediaBox [ 0 0 841.889764 595.275591 ]"), 0);
    free(x);
    unlink(a);
}
END_TEST

Suite *report_pdf_suite(void)
{
    Suite *s = suite_create("report_pdf");
    TCase *tc = tcase_create("files");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, report_is_written_and_reproducible);
    tcase_add_test(tc, labels_on_the_paper_asked_for);
    tcase_add_test(tc, missing_folder_leaves_nothing);
    tcase_add_test(tc, wide_diagram_on_a_sideways_page);
    suite_add_tcase(s, tc);
    return s;
}
