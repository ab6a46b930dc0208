/*
 * diag.h - diagnostics for the user: where in their file, and what is wrong.
 *
 * Every problem found while loading or calculating is appended to a
 * struct k3a_diag_list, so one run reports all of them.  Printed in
 * compiler style:
 *
 *     site.ini:12: error: [cable C-1] length_m: '12,5' is not a number ...
 *
 * A diagnostic owns copies of its texts (inih's buffers are short-lived).
 */
#ifndef K3A_DIAG_H
#define K3A_DIAG_H

#include <stddef.h>
#include <stdio.h>

#include "k3audit/status.h"

enum k3a_severity { K3A_NOTE, K3A_WARNING, K3A_ERROR };

struct k3a_diag {
    enum k3a_severity severity;
    enum k3a_status code;
    const char *file; /* borrowed: must outlive the list (a path or a tag) */
    int line;         /* 1-based; 0 = not tied to a line */
    char element[48]; /* "bus MDP", "site"; "" = the whole file */
    char key[48];     /* "" = the whole element */
    char msg[240];    /* English: stderr and the JSON */
    char msg_id[240]; /* the same in Bahasa Indonesia for a report's copy
                         (k3a_diag_add_lang); "" = none */
};

struct k3a_diag_list {
    struct k3a_diag *v;
    size_t n, cap;
    size_t max_kept;    /* 0 = keep all; otherwise later ones are counted */
    size_t dropped;     /* diagnostics counted but not kept */
    size_t n_errors;    /* counts include dropped ones */
    size_t n_warnings;
    int oom;            /* an append failed for lack of memory */
};

/* Where a diagnostic points.  Pointers are only read during the call. */
struct k3a_loc {
    const char *file;
    int line;
    const char *element;
    const char *key;
};

void k3a_diag_list_init(struct k3a_diag_list *dl);
void k3a_diag_list_release(struct k3a_diag_list *dl);

/* Appends one diagnostic; never fails loudly (an allocation failure sets
 * dl->oom and the diagnostic is counted but not kept). */
void k3a_diag_add(struct k3a_diag_list *dl, enum k3a_severity sev,
                  enum k3a_status code, struct k3a_loc loc, const char *fmt,
                  ...) K3A_PRINTF(5, 6);

/* The same with the message in both languages: English (fmt_en, on
 * stderr as every diagnostic) and Bahasa Indonesia (fmt_id) for the copy
 * a report in that language shows; both formats take the same arguments. */
void k3a_diag_add_lang(struct k3a_diag_list *dl, enum k3a_severity sev,
                       enum k3a_status code, struct k3a_loc loc, const char *fmt_en,
                       const char *fmt_id, ...)
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((format(printf, 5, 7), format(printf, 6, 7)))
#endif
    ;

/* A diagnostic's message for a deliverable in Bahasa Indonesia
 * (indonesian != 0: its msg_id when it has one) or English (msg). */
const char *k3a_diag_message(const struct k3a_diag *d, int indonesian);

/* Sorts by file order of appearance, then line, keeping insertion order for
 * equal lines (stable), so output follows the file. */
void k3a_diag_list_sort(struct k3a_diag_list *dl);

/* "FILE:LINE: error: [kind name] key: message" into buf (always
 * terminated).  Returns the length that was needed. */
size_t k3a_diag_format(const struct k3a_diag *d, char *buf, size_t size);

/* Prints every kept diagnostic (errors and warnings; notes too when
 * with_notes) and a "N more not shown" line when some were dropped. */
void k3a_diag_list_print(const struct k3a_diag_list *dl, FILE *fp,
                         int with_notes);

#endif /* K3A_DIAG_H */
