/*
 * names.h - the name index of a site's elements (site.c), private to the
 * library.
 */
#ifndef K3A_NAMES_H
#define K3A_NAMES_H

#include <stddef.h>
#include <stdint.h>

#include "strpool.h"
#include "k3audit/site.h"

/* A name → element index: open addressing on a case-folded hash. */
struct k3a_name_index {
    uint64_t *slot; /* 0 = empty; else 1 + position in entries, the
                       name's hash >> 32 in the high half */
    size_t cap;
    struct {
        enum k3a_kind kind;
        int32_t idx;
        const char *name;
        uint64_t hash; /* of the case-folded name */
    } *entries;
    size_t n, cap_entries;
    /* the text of the elements (names, text values, references), which
     * the index and the elements borrow: freed with the index, at once */
    struct k3a__strpool text;
};
int k3a__names_add(struct k3a_name_index *ix, const char *name,
                   enum k3a_kind kind, int32_t idx, int32_t *dup_idx,
                   enum k3a_kind *dup_kind);
/* Makes room for more names at once (no rehash while they are added);
 * 0, or -1 when memory is short (adding then grows as it goes). */
int k3a__names_reserve(struct k3a_name_index *ix, size_t more);
/* The element named name (case aside): 1 with its kind and index, or 0. */
int k3a__names_find(const struct k3a_name_index *ix, const char *name,
                    enum k3a_kind *kind, int32_t *idx);
void k3a__names_release(struct k3a_name_index *ix);

#endif /* K3A_NAMES_H */
