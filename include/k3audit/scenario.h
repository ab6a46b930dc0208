/*
 * scenario.h - what-if runs for training (cli.md "Scenario grammar"):
 * `--set kind.name.key=value`, `--set site.key=value` and `--drop
 * kind.name` applied to a site file's text, so that the changed site is
 * loaded and checked exactly like a file.  Each line of the changed text
 * remembers where it came from, so a problem in a --set is reported as
 * `--set N: error: ...`.
 */
#ifndef K3A_SCENARIO_H
#define K3A_SCENARIO_H

#include <stddef.h>

#include "k3audit/diag.h"

enum k3a_edit_op { K3A_EDIT_SET, K3A_EDIT_DROP };

struct k3a_edit {
    enum k3a_edit_op op;
    char kind[32], name[128], key[64];
    char value[512];  /* SET: the value as in a site file; "" removes the key */
    int origin;       /* 1-based number of the --set / --drop, for messages */
};

/* Parses "kind.name.key=value" or "site.key=value" (op SET) or
 * "kind.name" (op DROP).  Returns 0, or -1 with msg set. */
int k3a_edit_parse(const char *arg, enum k3a_edit_op op, int origin,
                   struct k3a_edit *e, char *msg, size_t msg_size);

/* Applies the edits in order to a site file's text.  *out is the new
 * text (malloc'd); (*origin)[i] tells where output line i+1 came from:
 * > 0 the base file's line, < 0 the edit -(value).  Problems (a --drop of
 * a section that does not exist) go to dl as errors on the edit.  Returns
 * K3A_OK, K3A_E_INPUT (see dl) or K3A_E_NOMEM. */
enum k3a_status k3a_edits_apply(const char *text, size_t len,
                                const struct k3a_edit *edits, size_t n,
                                char **out, size_t *out_len, int **origin,
                                size_t *n_lines, struct k3a_diag_list *dl);

/* The inputs' SHA-256 of a variant (cli.md "JSON of audit"): the base
 * file's bytes, then each applied edit in order as "\n--set K=V" or
 * "\n--drop K".  Edits with origin 0 (bookkeeping) are left out. */
int k3a_scenario_sha256(const char *text, size_t len, const struct k3a_edit *edits,
                        size_t n, unsigned char out[32]);

#endif /* K3A_SCENARIO_H */
