/*
 * check_report.c - the workbook and JSON writers: files appear whole or
 * not at all, and equal inputs give equal bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "k3audit/k3audit.h"
#include "report_fixture.h"
#include "tests.h"

/* the example audited once per test (tests/report_fixture.h) */
static struct report_fixture fx;

static void setup(void)
{
    report_fixture_setup(&fx, "../../examples/minimal.ini", "k3a-report");
}

static void teardown(void)
{
    report_fixture_teardown(&fx);
}

START_TEST(workbook_is_written_and_reproducible)
{
    struct k3a_report_opts o = { K3A_LANG_ID, "test", NULL, NULL, NULL };
    char a[128], b[128], msg[256];
    char *x, *y;
    long nx, ny;

    o.diags = &fx.diags;
    snprintf(a, sizeof(a), "%s/a.xlsx", fx.dir);
    snprintf(b, sizeof(b), "%s/b.xlsx", fx.dir);
    ck_assert_int_eq(k3a_report_write_xlsx(&fx.res, &o, a, msg, sizeof(msg)), K3A_OK);
    ck_assert_int_eq(k3a_report_write_xlsx(&fx.res, &o, b, msg, sizeof(msg)), K3A_OK);
    x = report_fixture_slurp(a, &nx);
    y = report_fixture_slurp(b, &ny);
    ck_assert_int_gt((int)nx, 1000);
    ck_assert_int_eq((int)nx, (int)ny);
    ck_assert(memcmp(x, y, (size_t)nx) == 0);
    ck_assert(memcmp(x, "PK", 2) == 0);
    free(x);
    free(y);
    unlink(a);
    unlink(b);
}
END_TEST

START_TEST(missing_folder_leaves_nothing)
{
    struct k3a_report_opts o = { K3A_LANG_EN, "test", NULL, NULL, NULL };
    char p[128], msg[256];
    struct stat st;

    snprintf(p, sizeof(p), "%s/no/such/dir/out.xlsx", fx.dir);
    ck_assert_int_eq(k3a_report_write_xlsx(&fx.res, &o, p, msg, sizeof(msg)), K3A_E_IO);
    ck_assert_int_ne(stat(p, &st), 0);
    ck_assert_ptr_nonnull(strstr(msg, "cannot create a file"));
}
END_TEST

START_TEST(existing_file_survives_a_failed_write)
{
    struct k3a_report_opts o = { K3A_LANG_ID, "test", NULL, NULL, NULL };
    char p[512], name[256], msg[256];
    char *x;
    long n;
    FILE *fp;

    /* the temporary file cannot be made, and the previous workbook stays
     * as it was: a read-only folder for a user; for root, who ignores
     * modes, a name of 250 bytes (the file may exist, but the temporary
     * name beside it, ".NAME.tmpXXXXXX", is longer than 255 bytes) */
    if (geteuid() == 0) {
        memset(name, 'w', 245);
        snprintf(name + 245, sizeof(name) - 245, ".xlsx");
    } else {
        snprintf(name, sizeof(name), "old.xlsx");
    }
    snprintf(p, sizeof(p), "%s/%s", fx.dir, name);
    fp = fopen(p, "w");
    ck_assert_ptr_nonnull(fp);
    fputs("previous", fp);
    fclose(fp);
    if (geteuid() != 0)
        chmod(fx.dir, 0555);
    ck_assert_int_eq(k3a_report_write_xlsx(&fx.res, &o, p, msg, sizeof(msg)), K3A_E_IO);
    chmod(fx.dir, 0755);
    x = report_fixture_slurp(p, &n);
    ck_assert_int_eq((int)n, 8);
    free(x);
    unlink(p);
}
END_TEST

START_TEST(json_has_every_top_level_key)
{
    static const char *const keys[] = {
        "\"site\"", "\"version\"", "\"inputs_sha256\"", "\"warnings\"",
        "\"buses\"", "\"transformers\"", "\"cables\"", "\"devices\"",
        "\"earthing\"", "\"insulation\"", "\"loops\"", "\"rcds\"",
        "\"thermography\"", "\"pq\"", "\"lightning\"", "\"findings\"",
        "\"risks\"", "\"energy\"", "\"previous_audit\"", "\"changes\""
    };
    struct k3a_report_opts o = { K3A_LANG_ID, "test", NULL, NULL, NULL };
    char p[128], msg[256];
    char *x;
    long n;
    size_t i;

    snprintf(p, sizeof(p), "%s/a.json", fx.dir);
    ck_assert_int_eq(k3a_report_write_json_file(&fx.res, &o, p, msg, sizeof(msg)),
                     K3A_OK);
    x = report_fixture_slurp(p, &n);
    x[n] = '\0';
    for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
        ck_assert_msg(strstr(x, keys[i]) != NULL, "%s missing", keys[i]);
    free(x);
    unlink(p);
}
END_TEST

Suite *report_suite(void)
{
    Suite *s = suite_create("report");
    TCase *tc = tcase_create("files");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, workbook_is_written_and_reproducible);
    tcase_add_test(tc, missing_folder_leaves_nothing);
    tcase_add_test(tc, existing_file_survives_a_failed_write);
    tcase_add_test(tc, json_has_every_top_level_key);
    suite_add_tcase(s, tc);
    return s;
}
