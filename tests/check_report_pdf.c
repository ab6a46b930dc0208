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
#include "tests.h"

static struct k3a_models models;
static struct k3a_site site;
static struct k3a_results res;
static struct k3a_diag_list diags;
static char dir[64];

static void setup(void)
{
    k3a_diag_list_init(&diags);
    k3a_models_init(&models);
    ck_assert_int_eq(k3a_models_load(&models, NULL, &diags), K3A_OK);
    k3a_site_init(&site);
    ck_assert_int_eq(k3a_site_load_file(&site, test_data("../../examples/minimal.ini"),
                                        &models, &diags),
                     K3A_OK);
    k3a_results_init(&res);
    ck_assert_int_eq(k3a_audit_run(&site, &models, &res, &diags), K3A_OK);
    snprintf(dir, sizeof(dir), "/tmp/k3a-pdf-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void teardown(void)
{
    k3a_results_release(&res);
    k3a_site_release(&site);
    k3a_models_release(&models);
    k3a_diag_list_release(&diags);
    rmdir(dir);
}

static char *slurp(const char *path, long *n)
{
    FILE *fp = fopen(path, "rb");
    char *b;

    ck_assert_ptr_nonnull(fp);
    fseek(fp, 0, SEEK_END);
    *n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    b = malloc((size_t)*n + 1);
    ck_assert_ptr_nonnull(b);
    ck_assert_int_eq((int)fread(b, 1, (size_t)*n, fp), (int)*n);
    b[*n] = '\0';
    fclose(fp);
    return b;
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

    snprintf(a, sizeof(a), "%s/a.pdf", dir);
    snprintf(b, sizeof(b), "%s/b.pdf", dir);
    ck_assert_int_eq(k3a_report_write_pdf(&res, &o, a, msg, sizeof(msg)), K3A_OK);
    ck_assert_int_eq(k3a_report_write_pdf(&res, &o, b, msg, sizeof(msg)), K3A_OK);
    x = slurp(a, &nx);
    y = slurp(b, &ny);
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

    snprintf(a, sizeof(a), "%s/l.pdf", dir);
    ck_assert_int_eq(k3a_report_write_labels_pdf(&res, &o, K3A_LABEL_100X150, a, msg,
                                                 sizeof(msg)),
                     K3A_OK);
    x = slurp(a, &n);
    /* 100 x 150 mm = 283.465 x 425.197 pt */
    ck_assert(has(x, n, "/MediaBox [ 0 0 283.464567 425.19685 ]"));
    free(x);
    ck_assert_int_eq(k3a_report_write_labels_pdf(&res, &o, K3A_LABEL_A4, a, msg,
                                                 sizeof(msg)),
                     K3A_OK);
    x = slurp(a, &n);
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

    snprintf(p, sizeof(p), "%s/no/such/dir/out.pdf", dir);
    ck_assert_int_eq(k3a_report_write_pdf(&res, &o, p, msg, sizeof(msg)), K3A_E_IO);
    ck_assert_int_ne(stat(p, &st), 0);
    ck_assert_int_eq(k3a_report_write_labels_pdf(&res, &o, K3A_LABEL_100X150, p, msg,
                                                 sizeof(msg)),
                     K3A_E_IO);
    ck_assert_int_ne(stat(p, &st), 0);
    ck_assert_ptr_nonnull(strstr(msg, "cannot create a temporary file"));
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
    suite_add_tcase(s, tc);
    return s;
}
