/*
 * history_bench.c - fills an audit-history store for `make bench-history`:
 *
 *   k3a-history-bench SITE.ini STORE N_SITES N_AUDITS
 *
 * audits SITE.ini once and keeps it N_SITES x N_AUDITS times (site ids
 * "bench-0001" ..., audit dates a year apart), one transaction each, as
 * `audit` does; prints the time per stored audit.  The queries are then
 * timed as whole processes by bench/history.sh.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <gsl/gsl_errno.h>

#include "k3audit/history.h"
#include "k3audit/k3audit.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    struct k3a_models models;
    struct k3a_site site;
    struct k3a_results res;
    struct k3a_diag_list dl;
    struct k3a_history *h;
    char msg[600], id[32], *bytes = NULL, *saved_id;
    long n_sites, n_audits, s, a, len = 0;
    struct k3a_date date0;
    FILE *fp;
    double t0;

    if (argc != 5) {
        fprintf(stderr, "usage: k3a-history-bench SITE.ini STORE N_SITES N_AUDITS\n");
        return 2;
    }
    gsl_set_error_handler_off();
    n_sites = atol(argv[3]);
    n_audits = atol(argv[4]);
    fp = fopen(argv[1], "rb");
    if (!fp || fseek(fp, 0, SEEK_END) || (len = ftell(fp)) < 0 || fseek(fp, 0, SEEK_SET) ||
        !(bytes = malloc((size_t)len + 1)) || fread(bytes, 1, (size_t)len, fp) != (size_t)len) {
        fprintf(stderr, "cannot read %s\n", argv[1]);
        return 1;
    }
    fclose(fp);
    k3a_models_init(&models);
    k3a_diag_list_init(&dl);
    k3a_site_init(&site);
    k3a_results_init(&res);
    if (k3a_models_load(&models, NULL, &dl) != K3A_OK ||
        k3a_site_load_file(&site, argv[1], &models, &dl) != K3A_OK ||
        k3a_audit_run(&site, &models, &res, &dl) != K3A_OK) {
        fprintf(stderr, "cannot audit %s\n", argv[1]);
        return 1;
    }
    if (k3a_history_open(&h, argv[2], msg, sizeof(msg)) != K3A_OK) {
        fprintf(stderr, "%s\n", msg);
        return 1;
    }
    saved_id = site.site.id;
    date0 = site.site.audit_date;
    t0 = now();
    for (s = 0; s < n_sites; s++)
        for (a = 0; a < n_audits; a++) {
            int stored, rev;
            snprintf(id, sizeof(id), "bench-%04ld", s + 1);
            site.site.id = id;
            site.site.audit_date.y = date0.y - (int)(n_audits - 1 - a);
            if (k3a_history_store(h, &res, bytes, (size_t)len, K3A_VERSION, &stored, &rev,
                                  msg, sizeof(msg)) != K3A_OK) {
                fprintf(stderr, "%s\n", msg);
                return 1;
            }
        }
    printf("stored %ld audits (%ld sites x %ld) of %s in %.2f s: %.1f ms each\n",
           n_sites * n_audits, n_sites, n_audits, argv[1], now() - t0,
           (now() - t0) * 1e3 / (double)(n_sites * n_audits));
    site.site.id = saved_id;
    site.site.audit_date = date0;
    k3a_history_close(h);
    k3a_results_release(&res);
    k3a_site_release(&site);
    k3a_diag_list_release(&dl);
    k3a_models_release(&models);
    free(bytes);
    return 0;
}
