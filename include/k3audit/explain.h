/*
 * explain.h - every step of a calculation for one element, as lines of
 * text a trainer can show on a projector: the inputs, each formula with
 * its clause, the numbers put into it, and the result.
 */
#ifndef K3A_EXPLAIN_H
#define K3A_EXPLAIN_H

#include "k3audit/results.h"
#include "k3audit/site.h"

/* Receives one line (no newline). */
typedef void (*k3a_line_fn)(void *ctx, const char *line);

/* Explains the element called name.  Returns K3A_OK, K3A_E_REF when no
 * element has that name, K3A_E_INPUT when the element's kind has no
 * explanation (the message line says which kinds do), or K3A_E_NOMEM. */
enum k3a_status k3a_explain(const struct k3a_results *r, const char *name,
                            enum k3a_lang lang, k3a_line_fn out, void *ctx);

#endif /* K3A_EXPLAIN_H */
