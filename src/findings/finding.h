/*
 * finding.h - the one way a stage adds a finding (private to the library).
 *
 * A finding is its element, its check and verdict, the measured value
 * against its limit with the unit and the clause the limit rests on, and
 * its title in both languages. k3a__finding_new sets all of them at once;
 * k3a__finding_title_lang and k3a__finding_title_append (internal.h) add
 * to its titles afterwards.
 *
 * A clause may carry both languages as "{Bahasa Indonesia|English}"
 * alternatives (k3a_text_lang): the finding keeps the one of the audit's
 * language.
 */
#ifndef K3A_FINDINGS_FINDING_H
#define K3A_FINDINGS_FINDING_H

#include <stdarg.h>

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

/* vsnprintf for a text in language lang: the numbers of floating
 * conversions (%f %e %g) with the language's decimal separator (a comma in
 * Bahasa Indonesia), and one that would carry an exponent written in full
 * with grouped thousands; malloc'd, NULL on no memory (textfmt.c). */
char *k3a__vfmt_lang(enum k3a_lang lang, const char *fmt, va_list ap) K3A_PRINTF_V(2);

/* The same into buf (n bytes, cut when longer); the length of the whole
 * text, negative on no memory. */
int k3a__fmt_lang(char *buf, size_t n, enum k3a_lang lang, const char *fmt, ...)
    K3A_PRINTF1(4, 5);

/* v with a fixed number of decimals and the decimal separator of lang,
 * in buf (textfmt.c). */
const char *k3a__num(char *buf, size_t n, enum k3a_lang lang, int decimals, double v);

/* The significant digits ("%.*g") or fixed decimals ("%.*f", at least
 * decimals) that print value on its own side of limit (NAN: any), for a
 * title whose numbers take the language's separator. */
int k3a__vs_digits(double value, double limit);
int k3a__vs_decimals(double value, double limit, int decimals);

/* The language of an audit's texts: English when it writes English titles
 * only, else Bahasa Indonesia (the default). */
enum k3a_lang k3a__text_lang(const struct k3a_results *r);
/* A clause with "{id|en}" alternatives in the audit's language, kept in
 * the results' text ("" for NULL; clause itself when it has none). */
const char *k3a__clause_text(struct k3a_results *r, const char *clause);

#endif
