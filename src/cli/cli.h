/*
 * cli.h - the command table of the k3audit program (git's builtin.h).
 * Each command returns the process exit status (cli.md "Exit status").
 */
#ifndef K3A_CLI_H
#define K3A_CLI_H

#include <stddef.h>

#include "k3audit/k3audit.h"
#include "k3audit/energy.h"
#include "k3audit/history.h"
#include "k3audit/loads.h"
#include "k3audit/measure.h"

enum {
    EXIT_OK = 0,      /* done; nothing at or above --fail-on */
    EXIT_IO = 1,      /* internal or I/O error */
    EXIT_INPUT = 2,   /* bad input or arguments; no output written */
    EXIT_FAILON = 3   /* written, but a risk reached --fail-on */
};

struct cli_cmd {
    const char *name;
    int (*fn)(int argc, char **argv);
    const char *usage;
    const char *summary;
};

int cmd_check(int argc, char **argv);
int cmd_audit(int argc, char **argv);
int cmd_models(int argc, char **argv);
int cmd_keys(int argc, char **argv);
int cmd_calc(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_scenario(int argc, char **argv);
int cmd_history(int argc, char **argv);
int cmd_due(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_rescore(int argc, char **argv);

/* The audit history's store: db (--db) when given, else $K3AUDIT_DB,
 * else k3audit.db in the folder of out (or out_dir, or reports/). */
void cli_db_where(const char *db, const char *out, const char *out_dir, char *buf,
                  size_t n);

/* The store's hooks the history tests ask for (tests/history.sh):
 * K3AUDIT_TEST_KILL=store kills the program inside the store's
 * transaction, after the rows are written and before the commit. */
void cli_history_test_hooks(struct k3a_history *h);

/* Reads a whole file (malloc'd).  Returns 0, or -1 with msg. */
int cli_read_file(const char *path, char **bytes, size_t *len, char *msg, size_t n);

/* Loads the model tables (built in, or from dir), printing diagnostics.
 * Returns 0 or an exit status. */
int cli_load_models(struct k3a_models *m, const char *dir);

/* Do two paths name the same file (after links)? */
int cli_same_file(const char *a, const char *b);

/* DIR/<site file name without .ini><suffix>.xlsx */
void cli_default_out(const char *dir, const char *site_path, const char *suffix,
                     char *buf, size_t n);

/* Prints diagnostics to stderr in file order. */
void cli_print_diags(struct k3a_diag_list *dl, int quiet);

/* s with every control character and invalid UTF-8 byte shown as \xNN
 * (textclean.h), for printing a path or anything a user typed; one of four
 * rotating buffers, so up to four may appear in one printf. */
const char *cli_safe(const char *s);

/* How many of libxlsxwriter's scratch streams failed since the program
 * started (src/cli/xlsx_scratch.c): a workbook written meanwhile may be
 * short, and is not moved into place. */
int cli_scratch_failures(void);

/* Parses --lang. */
int cli_parse_lang(const char *s, enum k3a_lang *out);

#endif /* K3A_CLI_H */
