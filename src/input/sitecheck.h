/*
 * sitecheck.h - what the site check's files share (site_check.c,
 * site_check_network.c, site_check_records.c), private to them: the
 * check's context, the key lookups, the diagnostic macros and the groups
 * of checks the entry point runs in order.
 */
#ifndef K3A_SITECHECK_H
#define K3A_SITECHECK_H

#include <stdint.h>
#include <stdio.h>

#include "schema.h"
#include "k3audit/models.h"

struct ck {
    struct k3a_site *site;
    const struct k3a_models *models;
    const char *file;
    struct k3a_diag_list *dl;
    int oom;
    /* key indices by kind and key text, remembered: the checks name a key
     * by its text for every element of a site that may have 100,000 */
    struct {
        const char *key;
        int kind, idx;
    } kmemo[128];
};

static inline int ck_key(struct ck *c, enum k3a_kind kind, const char *key)
{
    size_t slot = (((uintptr_t)key >> 3) ^ (uintptr_t)kind) % 128;

    if (c->kmemo[slot].key != key || c->kmemo[slot].kind != (int)kind) {
        c->kmemo[slot].key = key;
        c->kmemo[slot].kind = (int)kind;
        c->kmemo[slot].idx = k3a__key_index(k3a__site_kind(kind), key);
    }
    return c->kmemo[slot].idx;
}

static inline int ck_given(struct ck *c, enum k3a_kind kind, const struct k3a_elem *e,
                    const char *key)
{
    int k = ck_key(c, kind, key);
    return k >= 0 && (e->given >> k) & 1u;
}

/* Location of a key of an element: its line if given, else the header
 * (label is the buffer the element's name is written in). */
struct k3a_loc k3a__ck_loc(const struct ck *c, enum k3a_kind kind,
                           const struct k3a_elem *e, const char *key,
                           char *label, size_t n);
/* Records that key of element idx of kind took a computed default, from
 * source (the value itself is in the element's field). */
void k3a__ck_add_default(struct ck *c, enum k3a_kind kind, size_t idx,
                         const char *key, double value, const char *source);

#define ERR(c, kind, e, key, ...)                                            \
    do {                                                                     \
        char lbl_[48];                                                       \
        k3a_diag_add((c)->dl, K3A_ERROR, K3A_E_INPUT,                        \
                     k3a__ck_loc(c, kind, (const struct k3a_elem *)(e), key, lbl_,  \
                          sizeof(lbl_)),                                     \
                     __VA_ARGS__);                                           \
    } while (0)
/* A warning that a report copies (its Peringatan / Warnings sheet): the
 * message in English and in Bahasa Indonesia, the same arguments. */
#define WARN2(c, kind, e, key, fmt_en, fmt_id, ...)                          \
    do {                                                                     \
        char lbl_[48];                                                       \
        k3a_diag_add_lang((c)->dl, K3A_WARNING, K3A_E_INPUT,                 \
                          k3a__ck_loc(c, kind, (const struct k3a_elem *)(e), key,   \
                               lbl_, sizeof(lbl_)),                          \
                          fmt_en, fmt_id, __VA_ARGS__);                      \
    } while (0)

#define WARN(c, kind, e, key, ...)                                           \
    do {                                                                     \
        char lbl_[48];                                                       \
        k3a_diag_add((c)->dl, K3A_WARNING, K3A_E_INPUT,                      \
                     k3a__ck_loc(c, kind, (const struct k3a_elem *)(e), key, lbl_,  \
                          sizeof(lbl_)),                                     \
                     __VA_ARGS__);                                           \
    } while (0)

#define GIVEN(kind, e, key) ck_given(c, kind, &(e)->hdr, key)

/* The checks of the network's elements, in the site file's order: the
 * site, supplies, generators, transformers, buses, cables, devices,
 * capacitors, loads (site_check_network.c). */
void k3a__check_network(struct ck *c);
/* The checks of the records: measurements (with their instruments'
 * dates), bills, observations, variants (site_check_records.c). */
void k3a__check_records(struct ck *c);

#endif /* K3A_SITECHECK_H */
