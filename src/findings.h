/*
 * findings.h - what the stages share to judge and file a finding: the limits
 * they look up, value formatting beside a limit, the RCD credit, and the
 * helpers that add a finding with its values, title and clause
 * (findings.c, risk.c); private to the library.
 */
#ifndef K3A_FINDINGS_H
#define K3A_FINDINGS_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "base.h"
#include "k3audit/site.h"
#include "k3audit/results.h"
#include "k3audit/text.h"

struct k3a_results;
struct k3a_finding;

/* The nominal line-to-earth voltage U0 of the IEC 60038 system of
 * line-to-line voltage un_kV (0.4 kV -> 230 V); *listed = 0 (may be NULL)
 * when un_kV is no listed system and Un/sqrt(3) is returned (findings.c). */
double k3a__nominal_u0_V(const struct k3a_results *r, double un_kV, int *listed);
/* The maximum disconnection time: Table 41.1 for a final circuit (final
 * != 0) of at most final_circuit_max_A, else 5 s TN / 1 s TT; its clause;
 * *table_row = 1 when Table 41.1 gave it (either may be NULL). */
double k3a__disc_limit_s(const struct k3a_results *r, int tt, double u0_V,
                         int final, double rating_A, const char **clause,
                         int *table_row);
/* value printed with enough digits to stay on its side of limit. */
const char *k3a__fmt_vs(char *buf, size_t n, double value, double limit);
/* Months from a to b judged on dates (findings.c): more than N exactly
 * when b is later than a + N calendar months. */
double k3a__months_elapsed(struct k3a_date a, struct k3a_date b);
/* the same with at least `decimals` fixed decimals */
const char *k3a__fmt_fixed_vs(char *buf, size_t n, double value, double limit,
                              int decimals);
/* The largest RCD rating (mA) at each bus; malloc'd, NULL on no memory. */
double *k3a__bus_rcd_mA(const struct k3a_site *s);
/* Who protects what, indexed once per audit for the RCD credit below:
 * per device whether it is an RCD that passed its tests and the next
 * device protecting the same element; per cable and bus the first device
 * protecting it; per bus and load the first cable ending at it. */
struct k3a__rcd_index {
    unsigned char *passed;
    int32_t *dev_next, *cable_dev, *bus_dev, *bus_feed, *load_feed;
};
struct k3a__rcd_index *k3a__rcd_index_new(const struct k3a_results *r);
void k3a__rcd_index_free(struct k3a__rcd_index *ix);
/* An RCD that passed its tests protects the element (its circuit, its
 * board's main or a feeder upstream): risk register existing control. */
int k3a__rcd_credit(const struct k3a_results *r, const struct k3a__rcd_index *ix,
                    enum k3a_kind kind, int32_t idx);
/* Adds a finding on element (kind, idx) (idx < 0: the site) with its
 * verdict; measured and limit (NAN: none) in unit, judged by clause (""
 * or NULL: none), and its titles from the Indonesian and English formats
 * fid and fen, which take the same arguments (NULL: no title yet; the
 * caller writes it per language with k3a__finding_title_lang), in the
 * languages r->title_langs asks for (a large site formats hundreds of
 * thousands of titles, and a report shows one language).  The one way a
 * stage adds a finding; returns NULL on no memory (nothing added). */
/* Withdraw finding number n (from 1) from the list: its verdict leaves
 * the counts and the findings after it are renumbered.  Only before the
 * risk register reads the list (the measurement stage's loop_governs, measure_loop.c). */
void k3a__finding_withdraw(struct k3a_results *r, size_t n);
/* Gives finding f the verdict v (the counts follow) and adds more (a clause
 * with "{id|en}" alternatives; NULL or "": nothing) to the end of its
 * clause in each language.  Only before the risk register reads the list
 * (the measurement stage, measure_loop.c). */
void k3a__finding_reverdict(struct k3a_results *r, struct k3a_finding *f,
                            enum k3a_verdict v, const char *more);

struct k3a_finding *k3a__finding_new(struct k3a_results *r, enum k3a_kind kind,
                                     int32_t idx, const char *check,
                                     enum k3a_verdict verdict, double measured,
                                     double limit, const char *unit,
                                     const char *clause, const char *fid,
                                     const char *fen, ...) K3A_PRINTF2(10, 11, 12);
/* One language's title (when r->title_langs asks for it), for producers
 * whose two titles take different arguments. */
void k3a__finding_title_lang(struct k3a_results *r, struct k3a_finding *f,
                             enum k3a_lang lang, const char *fmt, ...)
    K3A_PRINTF1(4, 5);
/* Adds to the end of one language's title. */
void k3a__finding_title_append(struct k3a_results *r, struct k3a_finding *f,
                               enum k3a_lang lang, const char *fmt, ...)
    K3A_PRINTF1(4, 5);
/* Whether some finding text was lost to a failed allocation. */
int k3a__finding_text_lost(const struct k3a_results *r);
/* Whether the audit writes the title in language l. */
#define K3A__WANT_TITLE(r, l) (!(r)->title_langs || ((r)->title_langs >> (l) & 1u))

/* A clause or unit may carry both languages as "{Bahasa Indonesia|English}"
 * alternatives (k3a_text_lang): a finding keeps the one of the audit's
 * language.  The language of an audit's texts: English when it writes
 * English titles only, else Bahasa Indonesia (the default). */
enum k3a_lang k3a__text_lang(const struct k3a_results *r);
/* A clause with "{id|en}" alternatives in the audit's language, kept in
 * the results' text ("" for NULL; clause itself when it has none). */
const char *k3a__clause_text(struct k3a_results *r, const char *clause);
/* A text outside the findings (a cable's clauses, an earthing limit's
 * clause, an energy measure's basis, a risk's owner) kept in the results'
 * text for every writer: resolved to the audit's language when it is made
 * for one language, kept with both "{id|en}" alternatives when it is made
 * for both, each writer choosing its own with k3a_text_lang (review r3
 * item 21: an English report from a two-language audit was Indonesian
 * there).  "" for NULL; s itself when it has no alternatives. */
const char *k3a__text_keep(struct k3a_results *r, const char *s);
/* The significant digits ("%.*g") or fixed decimals ("%.*f", at least
 * decimals) that print value on its own side of limit (NAN: any), for a
 * title whose numbers take the language's separator. */
int k3a__vs_digits(double value, double limit);
int k3a__vs_decimals(double value, double limit, int decimals);

/* vsnprintf for a text in language lang (textfmt.c): the numbers of
 * floating conversions (%f %e %g) with the language's decimal separator (a
 * comma in Bahasa Indonesia), and one that would carry an exponent written
 * in full with grouped thousands (documents review B19); malloc'd, NULL on
 * no memory. */
char *k3a__vfmt_lang(enum k3a_lang lang, const char *fmt, va_list ap) K3A_PRINTF_V(2);
/* The same into buf (n bytes, cut when longer); the length of the whole
 * text, negative on no memory. */
int k3a__fmt_lang(char *buf, size_t n, enum k3a_lang lang, const char *fmt, ...)
    K3A_PRINTF1(4, 5);
/* v with a fixed number of decimals and the decimal separator of lang,
 * in buf. */
const char *k3a__num(char *buf, size_t n, enum k3a_lang lang, int decimals, double v);

#endif /* K3A_FINDINGS_H */
