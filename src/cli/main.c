/*
 * main.c - argv -> command table -> library calls -> exit status.
 */
#include <stdio.h>
#include <string.h>
#ifdef __GLIBC__
#    include <malloc.h>
#endif

#include <gsl/gsl_errno.h>

#include "cli.h"

static const struct cli_cmd commands[] = {
    { "check", cmd_check, "check [-q] [--models DIR] SITE.ini...",
      "validate site files; print every error and warning" },
    { "audit", cmd_audit,
      "audit SITE.ini... [-o FILE.xlsx | -O DIR] [--json FILE|-]\n"
      "              [--lang id|en] [--models DIR] [--fail-on LEVEL] [-j N] [-q]\n"
      "              [--pdf] [--labels] [--label-size 100x150|a4] [--no-xlsx]",
      "full audit: findings, risk register, energy, the audit workbook;\n"
      "      the PDF report and arc-flash labels; kept in the audit history\n"
      "      (--db PATH|postgresql://USER@HOST/DB, --no-db)" },
    { "scenario", cmd_scenario,
      "scenario BASE.ini [--set K=V]... [--drop K]... [--sweep K=...]\n"
      "              [--variant NAME]... [--title T] [-o OUT.xlsx]",
      "what-if runs and sweeps for training, side by side" },
    { "explain", cmd_explain, "explain SITE.ini NAME",
      "every step of the calculation for one element (bus, earthing, "
      "insulation,\n      cable, loop, rcd, thermography, pq, lightning, hazard), "
      "with formulas,\n      clauses and its risks" },
    { "calc", cmd_calc, "calc METHOD key=value... [--json]",
      "one calculation, no site file (methods: arcflash, fault, relay, rod,\n"
      "      wenner, ir, ampacity, vdrop, pfc)" },
    { "models", cmd_models, "models [--models DIR]",
      "list the data tables in use, their source and version, and the "
      "observation checklist" },
    { "keys", cmd_keys, "keys [KIND]",
      "the site-file reference: every section kind and key with its unit, "
      "range and default" },
    { "history", cmd_history, "history [SITE_ID] [--db PATH|URL]",
      "the audit history: every site with its audits, or one site's audits,\n"
      "      measurements and risk levels over time" },
    { "due", cmd_due, "due [--on DATE] [--within DAYS] [--db PATH|URL]",
      "what is overdue or due across the store: inspections, lightning tests,\n"
      "      calibrations, proposed controls, insulation trends" },
    { "export", cmd_export, "export SITE_ID [--date DATE] [-o FILE.ini] [--db PATH|URL]",
      "the stored site file of an audit, byte for byte" },
    { "rescore", cmd_rescore, "rescore [--models DIR] [--db PATH|URL]",
      "every site's latest audit run again under the models; prints each\n"
      "      verdict and risk level that would change (the store is unchanged)" },
};

static void usage(FILE *fp)
{
    size_t i;

    fprintf(fp, "usage: k3audit COMMAND [ARGS]\n\n"
                "Electrical risk assessment and energy audit (PUIL 2011, "
                "Permenaker 12/2015).\n\ncommands:\n");
    for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
        fprintf(fp, "  k3audit %s\n      %s\n", commands[i].usage,
                commands[i].summary);
    fprintf(fp, "  k3audit --help | --version\n\n"
                "exit status: 0 done; 1 internal or I/O error; 2 bad input "
                "or arguments\n(nothing written); 3 written, but a risk "
                "reached --fail-on.\n");
}

/* glibc's malloc gives the top of its heap back to the system as soon
 * as 128 KiB are free there: the workbook's zlib windows (some 256 KiB
 * for each XML part, in blocks under 128 KiB) were given back and
 * faulted in again page by page for each part.  Not given back until
 * 256 MiB are free, that memory is reused instead.  Blocks of 128 KiB
 * and more (libxlsxwriter's column array, 128 KiB a sheet, of which a
 * sheet writes a page or two) are mapped on their own: pages only read
 * map the system's zero page, where the heap would clear every byte. */
static void tune_malloc(void)
{
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 128 << 10);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
}

int main(int argc, char **argv)
{
    size_t i;

    tune_malloc();
    gsl_set_error_handler_off(); /* the library checks every GSL status */
    if (argc < 2) {
        usage(stderr);
        return EXIT_INPUT;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "version") == 0) {
        printf("k3audit %s (site format %d)\n", K3A_VERSION,
               K3A_SITE_FORMAT_VERSION);
        return EXIT_OK;
    }
    for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].fn(argc - 1, argv + 1);
    fprintf(stderr, "k3audit: unknown command '%s' (see k3audit --help)\n",
            cli_safe(argv[1]));
    return EXIT_INPUT;
}
