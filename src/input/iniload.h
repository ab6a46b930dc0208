/*
 * iniload.h - what the INI loader's two files share (ini_load.c, the
 * reader and its sections and keys; ini_values.c, a value stored by its
 * key's type), private to them.
 */
#ifndef K3A_INILOAD_H
#define K3A_INILOAD_H

#include <ctype.h>
#include <string.h>

#include "schema.h"

#define MAX_LINE_BYTES 199

struct pending {
    int active;
    int key;        /* index in the kind's table, -1 unknown */
    int line;
    int bad;        /* already reported: do not store */
    char name[64];
    char *val;
    size_t len, cap;
};

struct load_ctx {
    const struct k3a__schema *sc;
    const char *file;
    const char *text;
    size_t len, pos;
    int line;
    int line_indented;
    struct k3a_diag_list *dl;
    const struct k3a__kind *kd; /* current section kind; NULL = ignore */
    long idx;                   /* current element */
    char elem_label[48];        /* "bus MDP" */
    int in_section;             /* a header was seen (even a bad one) */
    struct pending pend;
    int oom;
};

static inline struct k3a_loc loc_at(const struct load_ctx *c, int line,
                                    const char *key)
{
    struct k3a_loc l;

    l.file = c->file;
    l.line = line;
    l.element = c->kd ? c->elem_label : "";
    l.key = key;
    return l;
}

/* s without its leading and trailing white space (cut in place). */
static inline char *trim(char *s)
{
    char *e;

    while (isspace((unsigned char)*s))
        s++;
    e = s + strlen(s);
    while (e > s && isspace((unsigned char)e[-1]))
        *--e = '\0';
    return s;
}

/* Stores the raw value v of key k in elem (ini_values.c), reporting a
 * bad value at the pending key's line: 0, -1 (reported), -2 (nomem). */
int k3a__ini_store_value(struct load_ctx *c, const struct k3a__key *k,
                         void *elem, char *v);

#endif /* K3A_INILOAD_H */
