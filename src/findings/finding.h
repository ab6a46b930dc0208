/*
 * finding.h - the one way a stage adds a finding (private to the library).
 *
 * A finding is its element, its check and verdict, the measured value
 * against its limit with the unit and the clause the limit rests on, and
 * its title in both languages. k3a__finding_new sets all of them at once;
 * the finer setters in internal.h (k3a__finding_title_append and
 * k3a__finding_clause) add to a finding afterwards.
 */
#ifndef K3A_FINDINGS_FINDING_H
#define K3A_FINDINGS_FINDING_H

#include "internal.h"
#include "k3audit/audit.h"

/* Adds a finding on element (kind, idx) (idx < 0: the site) with its
 * verdict; measured and limit (NAN: none) in unit, judged by clause (""
 * or NULL: none), and its titles from the Indonesian and English formats
 * fid and fen, which take the same arguments (NULL: no title yet; the
 * caller writes it per language with k3a__finding_title_lang).  Returns
 * NULL on no memory (nothing added). */
struct k3a_finding *k3a__finding_new(struct k3a_results *r, enum k3a_kind kind,
                                     int32_t idx, const char *check,
                                     enum k3a_verdict verdict, double measured,
                                     double limit, const char *unit,
                                     const char *clause, const char *fid,
                                     const char *fen, ...) K3A_PRINTF2(10, 11, 12);

#endif
