/*
 * audit.h - what `k3audit audit` shares between its two files: the
 * options, one site's audit (cmd_audit.c) and the sites in worker
 * processes with -j N (audit_jobs.c).  Private to src/cli.
 */
#ifndef K3A_CLI_AUDIT_H
#define K3A_CLI_AUDIT_H

#include <stdio.h>

#include "k3audit/k3audit.h"
#include "k3audit/report_pdf.h"

enum fail_level { FAIL_NONE, FAIL_MEDIUM, FAIL_HIGH, FAIL_EXTREME };

struct audit_opts {
    const char *out, *out_dir, *json, *models_dir;
    const char *db;  /* --db; NULL: K3AUDIT_DB or k3audit.db beside the output */
    int no_db;
    enum k3a_lang lang;
    int lang_given, quiet, jobs;
    enum fail_level fail_on;
    int summary_stderr; /* a batch worker: its summary joins its messages */
    int pdf, labels, no_xlsx;          /* cli.md "PDF outputs" */
    enum k3a_label_size label_size;
};

/* Audits one site; returns its exit status.  json_fp, when not NULL,
 * receives the JSON document; json_path, when not NULL, is the JSON file;
 * sum, when not NULL, receives the site's line of the batch summary. */
int cli_audit_one(const char *path, const char *out, const struct audit_opts *o,
                  const struct k3a_models *models, FILE *json_fp, const char *json_path,
                  struct k3a_site_summary *sum);

/* Audits the n sites in o->jobs worker processes (audit_jobs.c), sums
 * shared with them; returns the most serious exit status. */
int cli_audit_parallel(char **sites, int n, char **outs, const struct audit_opts *o,
                       const struct k3a_models *models, struct k3a_site_summary *sums);

/* The more serious of two exit statuses (cli.md (2) "Exit status"). */
int cli_more_serious(int a, int b);

/* A progress bar on a terminal (stderr). */
void cli_progress(int done, int total);

#endif /* K3A_CLI_AUDIT_H */
