/*
 * cmd_explain.c - `k3audit explain SITE.ini NAME`.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "k3audit/explain.h"

static void print_line(void *ctx, const char *line)
{
    (void)ctx;
    puts(line);
}

int cmd_explain(int argc, char **argv)
{
    struct k3a_models models;
    struct k3a_site site;
    struct k3a_diag_list dl;
    struct k3a_results res;
    enum k3a_lang lang = K3A_LANG_ID;
    const char *models_dir = NULL, *path = NULL, *name = NULL;
    int i, lang_given = 0, rc = EXIT_OK;
    enum k3a_status st;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc) {
            if (cli_parse_lang(argv[++i], &lang)) {
                fprintf(stderr, "k3audit explain: --lang takes id or en\n");
                return EXIT_INPUT;
            }
            lang_given = 1;
        } else if (strcmp(argv[i], "--models") == 0 && i + 1 < argc) {
            models_dir = argv[++i];
        } else if (!path) {
            path = argv[i];
        } else if (!name) {
            name = argv[i];
        } else {
            fprintf(stderr, "k3audit explain: unexpected '%s'\n", cli_safe(argv[i]));
            return EXIT_INPUT;
        }
    }
    if (!path || !name) {
        fprintf(stderr, "usage: k3audit explain SITE.ini NAME [--lang id|en]\n");
        return EXIT_INPUT;
    }
    if ((rc = cli_load_models(&models, models_dir)) != 0)
        return rc;
    k3a_site_init(&site);
    k3a_diag_list_init(&dl);
    k3a_results_init(&res);
    st = k3a_site_load_file(&site, path, &models, &dl);
    if (st != K3A_OK || dl.n_errors) {
        cli_print_diags(&dl, 0);
        rc = st == K3A_E_NOMEM ? EXIT_IO : EXIT_INPUT;
        goto out;
    }
    if (!lang_given)
        lang = site.site.lang;
    res.title_langs = 1u << lang; /* clauses and titles in the one language */
    if (k3a_audit_run(&site, &models, &res, &dl) != K3A_OK) {
        fprintf(stderr, "k3audit explain: the calculation failed\n");
        rc = EXIT_IO;
        goto out;
    }
    st = k3a_explain(&res, name, lang, print_line, NULL);
    if (st == K3A_E_REF) {
        fprintf(stderr, "k3audit explain: %s has no element named '%s'\n", cli_safe(path),
                cli_safe(name));
        rc = EXIT_INPUT;
    } else if (st == K3A_E_INPUT) {
        fprintf(stderr,
                "k3audit explain: '%s' has no step-by-step explanation in this "
                "version; it explains buses (short circuit, clearing, arc flash), "
                "earthing and insulation tests\n",
                name);
        rc = EXIT_INPUT;
    }
out:
    k3a_results_release(&res);
    k3a_diag_list_release(&dl);
    k3a_site_release(&site);
    k3a_models_release(&models);
    return rc;
}
