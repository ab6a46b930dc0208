/*
 * locale_test.c - the library's outputs do not depend on the caller's
 * locale (issue 20, class 5).
 *
 * A host program may call setlocale(LC_ALL, "de_DE.UTF-8"), whose decimal
 * separator is a comma.  This program audits a site in the "C" locale,
 * then again after that setlocale, and compares the workbook and JSON
 * byte for byte; it also checks that the library left the host's locale
 * as it was (the host's own printf still writes "1,5").
 *
 * usage: locale_test SITE.ini OUTDIR LOCALE
 * exit 0: identical; 1: different (or an error); 77: the locale is not
 * installed (the caller counts and prints the skip).
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "k3audit/k3audit.h"

static int run(const char *site_path, const char *xlsx, const char *json)
{
    struct k3a_models m;
    struct k3a_site s;
    struct k3a_results r;
    struct k3a_diag_list dl;
    struct k3a_report_opts ro;
    char msg[512];
    int rc = 1;

    k3a_diag_list_init(&dl);
    k3a_models_init(&m);
    k3a_site_init(&s);
    k3a_results_init(&r);
    if (k3a_models_load(&m, NULL, &dl) != K3A_OK ||
        k3a_site_load_file(&s, site_path, &m, &dl) != K3A_OK || dl.n_errors ||
        k3a_audit_run(&s, &m, &r, &dl) != K3A_OK || dl.n_errors) {
        k3a_diag_list_print(&dl, stderr, 0);
        goto out;
    }
    memset(&ro, 0, sizeof(ro));
    ro.lang = s.site.lang;
    ro.version = K3A_VERSION;
    ro.diags = &dl;
    if (k3a_report_write_xlsx(&r, &ro, xlsx, msg, sizeof(msg)) != K3A_OK ||
        k3a_report_write_json_file(&r, &ro, json, msg, sizeof(msg)) != K3A_OK) {
        fprintf(stderr, "locale_test: %s\n", msg);
        goto out;
    }
    rc = 0;
out:
    k3a_results_release(&r);
    k3a_site_release(&s);
    k3a_models_release(&m);
    k3a_diag_list_release(&dl);
    return rc;
}

static int same_bytes(const char *a, const char *b)
{
    FILE *fa = fopen(a, "rb"), *fb = fopen(b, "rb");
    int ca, cb, same = fa && fb;

    while (same) {
        ca = getc(fa);
        cb = getc(fb);
        if (ca != cb)
            same = 0;
        if (ca == EOF || cb == EOF)
            break;
    }
    if (fa)
        fclose(fa);
    if (fb)
        fclose(fb);
    return same;
}

int main(int argc, char **argv)
{
    char x1[4096], j1[4096], x2[4096], j2[4096], host[32];

    if (argc != 4) {
        fprintf(stderr, "usage: locale_test SITE.ini OUTDIR LOCALE\n");
        return 1;
    }
    snprintf(x1, sizeof(x1), "%s/c.xlsx", argv[2]);
    snprintf(j1, sizeof(j1), "%s/c.json", argv[2]);
    snprintf(x2, sizeof(x2), "%s/l.xlsx", argv[2]);
    snprintf(j2, sizeof(j2), "%s/l.json", argv[2]);
    if (run(argv[1], x1, j1) != 0)
        return 1;
    if (!setlocale(LC_ALL, argv[3])) {
        fprintf(stderr, "locale_test: locale %s is not installed\n", argv[3]);
        return 77;
    }
    if (strcmp(localeconv()->decimal_point, ",") != 0) {
        fprintf(stderr, "locale_test: %s has no decimal comma\n", argv[3]);
        return 1;
    }
    if (run(argv[1], x2, j2) != 0)
        return 1;
    snprintf(host, sizeof(host), "%.1f", 1.5);
    if (strcmp(host, "1,5") != 0) {
        fprintf(stderr, "locale_test: the library changed the host's locale (%s)\n", host);
        return 1;
    }
    if (!same_bytes(x1, x2) || !same_bytes(j1, j2)) {
        fprintf(stderr, "locale_test: %s: the workbook or JSON differs from the C locale's\n",
                argv[3]);
        return 1;
    }
    printf("locale_test: %s: workbook and JSON identical to the C locale's\n", argv[3]);
    return 0;
}
