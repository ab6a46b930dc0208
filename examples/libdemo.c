/*
 * libdemo.c - a program of your own linked against libk3audit: audits a
 * site file and prints its verdict counts and its highest risk.
 *
 *     cc libdemo.c $(pkg-config --cflags --libs k3audit) -o libdemo
 *     ./libdemo examples/minimal.ini
 *
 * `make check` builds it this way against a tree installed into a
 * temporary PREFIX, and runs it.
 */
#include <stdio.h>

#include <gsl/gsl_errno.h>
#include <k3audit/k3audit.h>

int main(int argc, char **argv)
{
    struct k3a_models models;
    struct k3a_site site;
    struct k3a_results res;
    struct k3a_diag_list dl;
    int rc = 1;

    if (argc != 2) {
        fprintf(stderr, "usage: libdemo SITE.ini\n");
        return 2;
    }
    /* the library checks every GSL status itself (k3audit.h) */
    gsl_set_error_handler_off();
    k3a_diag_list_init(&dl);
    k3a_models_init(&models);
    k3a_site_init(&site);
    k3a_results_init(&res);
    if (k3a_models_load(&models, NULL, &dl) != K3A_OK ||
        k3a_site_load_file(&site, argv[1], &models, &dl) != K3A_OK) {
        k3a_diag_list_print(&dl, stderr, 0);
        goto out;
    }
    if (k3a_audit_run(&site, &models, &res, &dl) != K3A_OK) {
        fprintf(stderr, "libdemo: the audit did not run\n");
        goto out;
    }
    printf("%s (libk3audit %s): %zu fail, %zu warn, %zu pass; %zu risks\n",
           site.site.name ? site.site.name : argv[1], K3A_VERSION, res.n_fail,
           res.n_warn, res.n_pass, res.n_risks);
    rc = 0;
out:
    k3a_results_release(&res);
    k3a_site_release(&site);
    k3a_models_release(&models);
    k3a_diag_list_release(&dl);
    return rc;
}
