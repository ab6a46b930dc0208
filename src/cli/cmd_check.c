/*
 * cmd_check.c - `k3audit check SITE.ini...`: validate only.
 */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

int cmd_check(int argc, char **argv)
{
    static const struct option opts[] = {
        { "quiet", no_argument, NULL, 'q' },
        { "models", required_argument, NULL, 'm' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *models_dir = NULL;
    struct k3a_models models;
    int quiet = 0, c, i, worst = EXIT_OK, rc;

    opterr = 0;
    while ((c = getopt_long(argc, argv, "qh", opts, NULL)) != -1) {
        switch (c) {
        case 'q':
            quiet = 1;
            break;
        case 'm':
            models_dir = optarg;
            break;
        case 'h':
            printf("usage: k3audit check [-q] [--models DIR] SITE.ini...\n");
            return EXIT_OK;
        default:
            fprintf(stderr, "k3audit check: unknown option '%s'\n",
                    cli_safe(argv[optind - 1]));
            return EXIT_INPUT;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "usage: k3audit check [-q] [--models DIR] SITE.ini...\n");
        return EXIT_INPUT;
    }
    if ((rc = cli_load_models(&models, models_dir)) != 0)
        return rc;
    for (i = optind; i < argc; i++) {
        struct k3a_site site;
        struct k3a_diag_list dl;
        enum k3a_status st;

        k3a_site_init(&site);
        k3a_diag_list_init(&dl);
        st = k3a_site_load_file(&site, argv[i], &models, &dl);
        if (st == K3A_OK && !dl.n_errors) {
            /* the calculations' own input warnings (a voltage outside a
             * model's range, say), so check reports what audit reports;
             * the results themselves are not kept */
            struct k3a_results res;
            k3a_results_init(&res);
            res.title_langs = 0;
            if (k3a_audit_run(&site, &models, &res, &dl) == K3A_E_NOMEM)
                st = K3A_E_NOMEM;
            k3a_results_release(&res);
            k3a_diag_list_sort(&dl);
        }
        cli_print_diags(&dl, quiet);
        /* an unreadable or bad site is bad input (2); only running out
         * of memory is an internal error (1) */
        if (st == K3A_E_NOMEM)
            worst = worst > EXIT_IO ? worst : EXIT_IO;
        else if (st != K3A_OK || dl.n_errors)
            worst = EXIT_INPUT;
        if (!quiet)
            fprintf(stderr, "%s: %zu error%s, %zu warning%s\n", cli_safe(argv[i]),
                    dl.n_errors, dl.n_errors == 1 ? "" : "s", dl.n_warnings,
                    dl.n_warnings == 1 ? "" : "s");
        k3a_diag_list_release(&dl);
        k3a_site_release(&site);
    }
    k3a_models_release(&models);
    return worst;
}
