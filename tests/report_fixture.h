/*
 * report_fixture.h - the fixture the writers' suites share (check_report.c,
 * check_report_pdf.c): the example site audited once per test into
 * results, a temporary folder for the files, and a file read back whole.
 */
#ifndef K3A_REPORT_FIXTURE_H
#define K3A_REPORT_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "k3audit/k3audit.h"
#include "tests.h"

struct report_fixture {
    struct k3a_models models;
    struct k3a_site site;
    struct k3a_results res;
    struct k3a_diag_list diags;
    char dir[64];
};

/* Audits site_file (a path under tests/data) into f->res and makes a
 * temporary folder /tmp/PREFIX-XXXXXX. */
static inline void report_fixture_setup(struct report_fixture *f, const char *site_file,
                                        const char *prefix)
{
    k3a_diag_list_init(&f->diags);
    k3a_models_init(&f->models);
    ck_assert_int_eq(k3a_models_load(&f->models, NULL, &f->diags), K3A_OK);
    k3a_site_init(&f->site);
    ck_assert_int_eq(k3a_site_load_file(&f->site, test_data(site_file), &f->models, &f->diags),
                     K3A_OK);
    k3a_results_init(&f->res);
    ck_assert_int_eq(k3a_audit_run(&f->site, &f->models, &f->res, &f->diags), K3A_OK);
    snprintf(f->dir, sizeof(f->dir), "/tmp/%s-XXXXXX", prefix);
    ck_assert_ptr_nonnull(mkdtemp(f->dir));
}

static inline void report_fixture_teardown(struct report_fixture *f)
{
    k3a_results_release(&f->res);
    k3a_site_release(&f->site);
    k3a_models_release(&f->models);
    k3a_diag_list_release(&f->diags);
    rmdir(f->dir);
}

/* The bytes of a file, NUL-terminated (for strstr on text files). */
static inline char *report_fixture_slurp(const char *path, long *n)
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

#endif /* K3A_REPORT_FIXTURE_H */
