/*
 * load.h - reading a site file into struct k3a_site.
 *
 * The loader reports every problem it finds (syntax, unknown or misspelt
 * keys and kinds, bad numbers, ranges, references, topology) as
 * diagnostics, applies the defaults of the site format, and returns
 * K3A_E_INPUT when any error was reported.  The site must have been
 * initialised with k3a_site_init(); on any return the caller releases it.
 */
#ifndef K3A_LOAD_H
#define K3A_LOAD_H

#include <stddef.h>

#include "k3audit/diag.h"
#include "k3audit/models.h"
#include "k3audit/site.h"

/* Largest site file read (bytes). */
#define K3A_SITE_MAX_BYTES ((size_t)64 << 20)

/* Loads and checks a site file.  models may be NULL (then checks that
 * need the model tables are skipped: use only in tests). */
enum k3a_status k3a_site_load_file(struct k3a_site *site, const char *path,
                                   const struct k3a_models *models,
                                   struct k3a_diag_list *dl) K3A_NODISCARD;

/* The same from text in memory; label names it in diagnostics. */
enum k3a_status k3a_site_load_text(struct k3a_site *site, const char *label,
                                   const char *text, size_t len,
                                   const struct k3a_models *models,
                                   struct k3a_diag_list *dl) K3A_NODISCARD;

/* Parses a number the way a site file writes it (point decimal separator,
 * no grouping, no unit, finite).  Returns 0, or -1 with a hint in msg. */
int k3a_parse_number(const char *text, double *out, char *msg, size_t n);

/* Edit distance (with adjacent transpositions, case-insensitive) used for
 * "did you mean" suggestions. */
int k3a_edit_distance(const char *a, const char *b);

#endif /* K3A_LOAD_H */
