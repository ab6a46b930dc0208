/*
 * diag.c - the diagnostics list: append, sort, format, print.
 *
 * The only output this file does is k3a_diag_list_print(), which writes to
 * a stream the caller chose; the rest is plain data handling.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "k3audit/diag.h"
#include "k3audit/textclean.h"

void k3a_diag_list_init(struct k3a_diag_list *dl)
{
    memset(dl, 0, sizeof(*dl));
    dl->max_kept = 10000;
}

void k3a_diag_list_release(struct k3a_diag_list *dl)
{
    free(dl->v);
    memset(dl, 0, sizeof(*dl));
}

static void copy_text(char *dst, size_t size, const char *src)
{
    size_t n;

    if (!src) {
        dst[0] = '\0';
        return;
    }
    n = strlen(src);
    if (n >= size)
        n = size - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

/* After a cut (n, vsnprintf's return, reached size): drop the last
 * character if the cut split its UTF-8 sequence, so that the message
 * stays valid UTF-8 in the JSON, workbook and PDF (review r3 item 15). */
static void utf8_whole(char *buf, size_t size, int n)
{
    size_t len, k;
    unsigned char lead;

    if (n < 0 || (size_t)n < size)
        return;
    len = strlen(buf);
    k = len;
    while (k > 0 && ((unsigned char)buf[k - 1] & 0xC0) == 0x80)
        k--;
    if (k == 0)
        return;
    lead = (unsigned char)buf[k - 1];
    if (lead >= 0xC0 && len - (k - 1) < (size_t)(lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2))
        buf[k - 1] = '\0';
}

static struct k3a_diag *slot(struct k3a_diag_list *dl)
{
    if (dl->max_kept && dl->n >= dl->max_kept) {
        dl->dropped++;
        return NULL;
    }
    if (dl->n == dl->cap) {
        size_t cap = dl->cap ? dl->cap * 2 : 16;
        struct k3a_diag *v = realloc(dl->v, cap * sizeof(*v));
        if (!v) {
            dl->oom = 1;
            dl->dropped++;
            return NULL;
        }
        dl->v = v;
        dl->cap = cap;
    }
    return &dl->v[dl->n++];
}

static void count(struct k3a_diag_list *dl, enum k3a_severity sev)
{
    if (sev == K3A_ERROR)
        dl->n_errors++;
    else if (sev == K3A_WARNING)
        dl->n_warnings++;
}

/* Counts a diagnostic and takes its slot with everything but the
 * message filled in; NULL when no slot could be had (still counted). */
static struct k3a_diag *begin(struct k3a_diag_list *dl, enum k3a_severity sev,
                              enum k3a_status code, struct k3a_loc loc)
{
    struct k3a_diag *d;

    count(dl, sev);
    d = slot(dl);
    if (!d)
        return NULL;
    d->severity = sev;
    d->code = code;
    d->file = loc.file;
    d->line = loc.line;
    copy_text(d->element, sizeof(d->element), loc.element);
    copy_text(d->key, sizeof(d->key), loc.key);
    return d;
}

void k3a_diag_add(struct k3a_diag_list *dl, enum k3a_severity sev,
                  enum k3a_status code, struct k3a_loc loc, const char *fmt,
                  ...)
{
    struct k3a_diag *d = begin(dl, sev, code, loc);
    va_list ap;

    if (!d)
        return;
    va_start(ap, fmt);
    utf8_whole(d->msg, sizeof(d->msg), vsnprintf(d->msg, sizeof(d->msg), fmt, ap));
    va_end(ap);
    d->msg_id[0] = '\0';
}

void k3a_diag_add_lang(struct k3a_diag_list *dl, enum k3a_severity sev,
                       enum k3a_status code, struct k3a_loc loc, const char *fmt_en,
                       const char *fmt_id, ...)
{
    struct k3a_diag *d = begin(dl, sev, code, loc);
    va_list ap;

    if (!d)
        return;
    va_start(ap, fmt_id);
    utf8_whole(d->msg, sizeof(d->msg), vsnprintf(d->msg, sizeof(d->msg), fmt_en, ap));
    va_end(ap);
    va_start(ap, fmt_id);
    utf8_whole(d->msg_id, sizeof(d->msg_id),
               vsnprintf(d->msg_id, sizeof(d->msg_id), fmt_id, ap));
    va_end(ap);
}

const char *k3a_diag_message(const struct k3a_diag *d, int indonesian)
{
    return indonesian && d->msg_id[0] ? d->msg_id : d->msg;
}

static const char *severity_word(enum k3a_severity s)
{
    switch (s) {
    case K3A_NOTE:
        return "note";
    case K3A_WARNING:
        return "warning";
    case K3A_ERROR:
        return "error";
    }
    return "error";
}

/* Stable insertion-merge sort on (file pointer order of first appearance,
 * line).  Files are compared by the order they first appear in the list,
 * so a run over several files keeps their argument order. */
struct keyed {
    size_t file_rank;
    int line;
    size_t seq;
};

static int cmp_keyed(const void *a, const void *b)
{
    const struct keyed *x = a, *y = b;

    if (x->file_rank != y->file_rank)
        return x->file_rank < y->file_rank ? -1 : 1;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->seq != y->seq)
        return x->seq < y->seq ? -1 : 1;
    return 0;
}

void k3a_diag_list_sort(struct k3a_diag_list *dl)
{
    struct keyed *k;
    struct k3a_diag *sorted;
    const char **files = NULL;
    size_t nfiles = 0, i, j;

    if (dl->n < 2)
        return;
    k = malloc(dl->n * sizeof(*k));
    sorted = malloc(dl->n * sizeof(*sorted));
    files = malloc(dl->n * sizeof(*files));
    if (!k || !sorted || !files) {
        free(k);
        free(sorted);
        free(files);
        return; /* unsorted output is still correct output */
    }
    for (i = 0; i < dl->n; i++) {
        const char *f = dl->v[i].file ? dl->v[i].file : "";
        for (j = 0; j < nfiles; j++)
            if (files[j] == f || strcmp(files[j], f) == 0)
                break;
        if (j == nfiles)
            files[nfiles++] = f;
        k[i].file_rank = j;
        k[i].line = dl->v[i].line;
        k[i].seq = i;
    }
    qsort(k, dl->n, sizeof(*k), cmp_keyed);
    for (i = 0; i < dl->n; i++)
        sorted[i] = dl->v[k[i].seq];
    memcpy(dl->v, sorted, dl->n * sizeof(*sorted));
    free(k);
    free(sorted);
    free(files);
}

size_t k3a_diag_format(const struct k3a_diag *d, char *buf, size_t size)
{
    char where[160], what[128];
    int n;

    if (d->file && d->line > 0)
        snprintf(where, sizeof(where), "%s:%d: ", d->file, d->line);
    else if (d->file)
        snprintf(where, sizeof(where), "%s: ", d->file);
    else
        where[0] = '\0';
    if (d->element[0] && d->key[0])
        snprintf(what, sizeof(what), "[%s] %s: ", d->element, d->key);
    else if (d->element[0])
        snprintf(what, sizeof(what), "[%s]: ", d->element);
    else if (d->key[0])
        snprintf(what, sizeof(what), "%s: ", d->key);
    else
        what[0] = '\0';
    n = snprintf(buf, size, "%s%s: %s%s", where, severity_word(d->severity),
                 what, d->msg);
    if (size && k3a_text_needs_clean(buf, K3A_CLEAN_TERMINAL)) {
        /* a path or a message echoing what a user typed: no control
         * character reaches the terminal (textclean.h) */
        char tmp[1024];
        snprintf(tmp, sizeof(tmp), "%s", buf);
        return k3a_text_clean(buf, size, tmp, K3A_CLEAN_TERMINAL);
    }
    return n < 0 ? 0 : (size_t)n;
}

void k3a_diag_list_print(const struct k3a_diag_list *dl, FILE *fp,
                         int with_notes)
{
    char line[600];
    size_t i;

    for (i = 0; i < dl->n; i++) {
        if (dl->v[i].severity == K3A_NOTE && !with_notes)
            continue;
        k3a_diag_format(&dl->v[i], line, sizeof(line));
        fprintf(fp, "%s\n", line);
    }
    if (dl->dropped)
        fprintf(fp, "... and %zu more diagnostics not shown\n", dl->dropped);
}
