/*
 * schema.h - the key tables and the generic INI loader, private to the
 * library.
 *
 * Each section kind of the site format (and of the model tables) is one
 * array of struct k3a__key rows.  The loader, the release function, the
 * Input sheet and the key reference in docs/ are all loops over these
 * rows, so adding a key is adding a row.
 */
#ifndef K3A_SCHEMA_H
#define K3A_SCHEMA_H

#include <stddef.h>
#include <stdint.h>

#include "k3audit/diag.h"
#include "k3audit/site.h"

struct k3a_models;

enum k3a__type {
    KT_DBL,      /* double */
    KT_INT,      /* int */
    KT_TEXT,     /* char * (in the name index's pool) */
    KT_ENUM,     /* int, index into words[] */
    KT_BOOL,     /* int, yes/no */
    KT_DATE,     /* struct k3a_date */
    KT_MONTH,    /* not a key: bill names (YYYY-MM) */
    KT_REF,      /* struct k3a_ref */
    KT_REFLIST,  /* struct k3a_ref_list */
    KT_READING,  /* struct k3a_reading (">N" allowed) */
    KT_READINGS, /* struct k3a_reading_list */
    KT_PAIRS,    /* struct k3a_pairs (x:y, ...) */
    KT_DATED,    /* struct k3a_dated (YYYY-MM-DD:v, ...) */
    KT_LABELLED, /* struct k3a_labelled (label:reading, ...) */
    KT_REPEAT    /* struct k3a_strings; the key may be given many times */
};

/* Key flags. */
#define KF_REQUIRED 0x01u /* must be given */
#define KF_MIN_EXCL 0x02u /* value must be > min (not >=) */
#define KF_MULTI    0x04u /* may continue on indented lines */
#define KF_DEFAULT  0x08u /* def applies when not given */
#define KF_EQUIP    0x10u /* equipment-only common key */

struct k3a__key {
    const char *key;
    enum k3a__type type;
    size_t offset;            /* in the element struct */
    const char *unit;         /* as shown to the user; "" = none */
    double min, max;          /* inclusive physical range (DBL, INT, lists) */
    unsigned flags;
    const char *const *words; /* ENUM keywords, NULL-terminated */
    uint32_t refs;            /* REF/REFLIST: bitmask of allowed kinds */
    double def;               /* KF_DEFAULT value (ENUM/BOOL: the index) */
    const char *doc;          /* one line in Bahasa Indonesia */
};

#define K3A__KIND_SINGLE  0x01u /* at most one, no name: [site] */
#define K3A__KIND_NONAME  0x02u
#define K3A__KIND_EQUIP   0x04u /* accepts make/model/serial/year */
#define K3A__KIND_MEAS    0x08u /* measurement: instrument, test_date */
#define K3A__KIND_MANY    0x10u /* several may exist */

struct k3a__kind {
    const char *word;
    int kind;            /* enum k3a_kind for site kinds; a model's own */
    size_t elem_size;
    size_t offset;       /* SINGLE: offset of the struct in k3a_site;
                            MANY: offset of the array pointer */
    size_t count_offset; /* MANY: offset of n_... */
    size_t cap_offset;   /* MANY: offset of cap_..., or 0 when the struct
                            has none (the model tables): the capacity then
                            follows from the count (k3a__store_append) */
    const struct k3a__key *keys;
    size_t n_keys;
    unsigned flags;
    const char *doc;     /* what the section describes, in Indonesian */
};

#define K3A__REF(k) (1u << (unsigned)(K3A_KIND_##k))

/* A set of kinds stored in one container struct (the site, or a model
 * table), for the generic INI loader (ini_load.c). */
struct k3a__schema {
    const struct k3a__kind *kinds;
    size_t n_kinds;
    void *base;                   /* the container */
    struct k3a_name_index *names; /* names unique across kinds, and the
                                     pool the names and texts go to */
    const char *(*hint)(const char *word); /* kind word suggestions */
};

/* Parses INI text into the schema's container: every syntax, key and value
 * problem becomes a diagnostic against file.  Required keys are checked;
 * references are stored by name, unresolved.  Returns K3A_OK, K3A_E_INPUT
 * when any error was reported, or K3A_E_NOMEM. */
enum k3a_status k3a__ini_load(const struct k3a__schema *sc, const char *file,
                              const char *text, size_t len,
                              struct k3a_diag_list *dl);

/* Generic element storage over a schema's container. */
void *k3a__store_elem(void *base, const struct k3a__kind *kd, size_t idx);
size_t k3a__store_count(const void *base, const struct k3a__kind *kd);
long k3a__store_append(void *base, const struct k3a__kind *kd);
/* Room for more elements of kind kd without growing again; -1 when
 * memory is short (appending still works, growing as it goes). */
int k3a__store_reserve(void *base, const struct k3a__kind *kd, size_t more);
/* Frees every element of every kind of the schema. */
void k3a__store_release(const struct k3a__kind *kinds, size_t n_kinds,
                        void *base);

/* Key tables of the site format (site_keys.c). */
const struct k3a__kind *k3a__site_kind(enum k3a_kind kind);
const struct k3a__kind *k3a__site_kind_by_word(const char *word);

/* Element storage helpers (site.c). */
void *k3a__elem_ptr(struct k3a_site *site, enum k3a_kind kind, size_t idx);
const void *k3a__elem_cptr(const struct k3a_site *site, enum k3a_kind kind,
                           size_t idx);
/* Appends a zeroed element; returns its index or -1 on no memory. */
long k3a__elem_append(struct k3a_site *site, enum k3a_kind kind);
/* Frees what a key's value owns and zeroes it. */
void k3a__key_free(const struct k3a__key *k, void *elem);
/* Key index by name in a kind's table; -1 when unknown. */
int k3a__key_index(const struct k3a__kind *kd, const char *key);
/* k3a_elem_given with the key's index looked up already (a loop over
 * many elements looks it up once); k < 0: an unknown key, never given. */
static inline int k3a__given(const struct k3a_elem *e, int k)
{
    return k >= 0 && k < 64 && (e->given >> k) & 1u;
}

/* Order of site->defaults: kind, element, key (for bsearch). */
int k3a__default_cmp(const void *a, const void *b);
/* k3a_site_value_text with the key's default source already known (NULL:
 * none in the list): for a caller walking the sorted defaults itself. */
int k3a__site_value_text(const struct k3a_site *site, enum k3a_kind kind,
                         size_t idx, unsigned key, const char *src, char *buf,
                         size_t n, int *is_default);
/* The checks of a loaded site beyond each key's syntax (site_check.c). */
enum k3a_status k3a__site_check(struct k3a_site *site,
                                const struct k3a_models *models,
                                const char *file, struct k3a_diag_list *dl);

/* ini_load.c: text that is UTF-16 (a byte order mark, or ASCII with a NUL
 * beside each character): one error instead of one per line. */
int k3a__is_utf16(const char *text, size_t len);

/* Built-in model files (generated into build/models_embedded.c). */
struct k3a__embedded {
    const char *name; /* file name, e.g. "limits-puil2011.ini" */
    const char *text;
    size_t len;
    unsigned char sha256[32]; /* of text, taken when it was embedded */
};
extern const struct k3a__embedded k3a__embedded_models[];
extern const size_t k3a__n_embedded_models;

#endif /* K3A_SCHEMA_H */
