/*
 * internal.h - declarations shared between library files, not installed.
 *
 * The key tables: each section kind of the site format (and of the model
 * tables) is one array of struct k3a__key rows.  The loader, the release
 * function, the Input sheet and the key reference in docs/ are all loops
 * over these rows, so adding a key is adding a row.
 */
#ifndef K3A_INTERNAL_H
#define K3A_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "k3audit/diag.h"
#include "k3audit/site.h"

enum k3a__type {
    KT_DBL,      /* double */
    KT_INT,      /* int */
    KT_TEXT,     /* char * (owned) */
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
    struct k3a_name_index *names; /* names unique across kinds */
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

/* Name index (site.c). */
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

/* Value parsing shared by the loaders (parse.c).  Each returns 0 on
 * success, or -1 with a message (no location) in msg. */
int k3a__parse_double(const char *text, double *out, char *msg, size_t n);
int k3a__parse_int(const char *text, long *out, char *msg, size_t n);
int k3a__parse_date(const char *text, struct k3a_date *out, char *msg,
                    size_t n);
int k3a__parse_reading(const char *text, struct k3a_reading *out, char *msg,
                       size_t n);
int k3a__parse_bool(const char *text, int *out, char *msg, size_t n);
int k3a__edit_distance(const char *a, const char *b);
/* Valid site-format name: 1-32 of [A-Za-z0-9._-]. */
int k3a__valid_name(const char *name);
/* Checks UTF-8; returns the byte offset of the first bad byte or -1. */
/* dst = src cut to n - 1 bytes (snprintf "%s" without the format
 * parsing, for the loader's hot paths). */
void k3a__copy_cut(char *dst, size_t n, const char *src);

long k3a__utf8_invalid_at(const unsigned char *s, size_t n);

/* Formats a double the way the Input sheet and defaults list show it. */
void k3a__fmt_double(char *buf, size_t n, double v);

char *k3a__strdup(const char *s);


struct k3a_models;
struct k3a_results;
struct k3a_finding;
/* Findings (findings.c).  k3a__finding_add returns NULL on no memory. */
enum k3a_status k3a__findings_inspection(struct k3a_results *r);
/* Clearing at every bus and the short-circuit findings (sc_findings.c). */
enum k3a_status k3a__protection_stage(struct k3a_results *r,
                                      struct k3a_diag_list *dl);
/* Field measurements and their findings (measure_stage.c). */
enum k3a_status k3a__energy_stage(struct k3a_results *r,
                                   struct k3a_diag_list *dl);
enum k3a_status k3a__risk_stage(struct k3a_results *r,
                                 struct k3a_diag_list *dl);
/* Wall-clock seconds of the pipeline's stages, for `make bench`: flow is
 * the load flow, cab the rest of the load stage, find energy to risk. */
struct k3a__stage_times {
    double sc, prot, arc, meas, flow, cab, find;
};
/* The stages of k3a_audit_run on r (site, models and limits set); times
 * may be NULL (audit.c). */
enum k3a_status k3a__audit_stages(struct k3a_results *r, struct k3a_diag_list *dl,
                                  struct k3a__stage_times *times);
/* The load flow and what follows from it alone: demand, currents,
 * capacity, voltage drop (load_stage.c); it reads only the site.
 * k3a__load_stage, after it and the protection stage, adds the thermal
 * withstand and the findings. */
enum k3a_status k3a__load_flow(struct k3a_results *r);
enum k3a_status k3a__load_stage(struct k3a_results *r,
                                 struct k3a_diag_list *dl);
enum k3a_status k3a__measure_stage(struct k3a_results *r,
                                   struct k3a_diag_list *dl);
/* Arc flash at every bus and its findings (arcflash_stage.c). */
enum k3a_status k3a__arcflash_stage(struct k3a_results *r,
                                    struct k3a_diag_list *dl);

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
/* Sets a finding's measured value and limit (NAN: none), unit, clause
 * (copied into the results' text). */
void k3a__finding_values(struct k3a_results *r, struct k3a_finding *f,
                         double measured, double limit, const char *unit,
                         const char *clause);
struct k3a_finding *k3a__finding_add(struct k3a_results *r, enum k3a_kind kind,
                                     int32_t idx, const char *check,
                                     int verdict);
/* Writes a finding's title from its two formats (the same arguments), in
 * the languages r->title_langs asks for: a large site formats hundreds of
 * thousands of titles, and a report shows one language. */
#if defined(__GNUC__) || defined(__clang__)
#    define K3A_PRINTF2(fa, fb, va) \
        __attribute__((format(printf, fa, va), format(printf, fb, va)))
#    define K3A_PRINTF_V(fa) __attribute__((format(printf, fa, 0)))
#    define K3A_PRINTF1(fa, va) __attribute__((format(printf, fa, va)))
#else
#    define K3A_PRINTF2(fa, fb, va)
#    define K3A_PRINTF_V(fa)
#    define K3A_PRINTF1(fa, va)
#endif
void k3a__finding_title(struct k3a_results *r, struct k3a_finding *f,
                        const char *fid, const char *fen, ...) K3A_PRINTF2(3, 4, 5);
/* One language's title (when r->title_langs asks for it), for producers
 * whose two titles take different arguments. */
void k3a__finding_title_lang(struct k3a_results *r, struct k3a_finding *f,
                             enum k3a_lang lang, const char *fmt, ...)
    K3A_PRINTF1(4, 5);
/* Adds to the end of one language's title. */
void k3a__finding_title_append(struct k3a_results *r, struct k3a_finding *f,
                               enum k3a_lang lang, const char *fmt, ...)
    K3A_PRINTF1(4, 5);
/* The clause from a format. */
void k3a__finding_clause(struct k3a_results *r, struct k3a_finding *f,
                         const char *fmt, ...) K3A_PRINTF1(3, 4);
/* Whether some finding text was lost to a failed allocation. */
int k3a__finding_text_lost(const struct k3a_results *r);
/* Whether the audit writes the title in language l. */
#define K3A__WANT_TITLE(r, l) (!(r)->title_langs || ((r)->title_langs >> (l) & 1u))
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

/* SHA-256 of a buffer (sha256.c); k3a__hex writes 2n+1 bytes. */
void k3a__sha256(const void *data, size_t len, unsigned char out[32]);
/* The same with the processor's SHA instructions on or off (fast = 1 is
 * taken only where k3a__sha256_fast() says they exist). */
void k3a__sha256_with(const void *data, size_t len, unsigned char out[32],
                      int fast);
int k3a__sha256_fast(void);
void k3a__hex(const unsigned char *b, size_t n, char *out);

/* Reads a whole file (fileio.c).  *text is NUL-terminated and owned by
 * the caller.  Larger than max_bytes is an error. */
enum k3a_status k3a__read_file(const char *path, size_t max_bytes,
                               char **text, size_t *len, char *msg,
                               size_t msg_size);

/* A temporary file beside path for an atomic write (fileio.c). */
int k3a__tmp_beside(const char *path, char *tmp, size_t n);

/* Built-in model files (generated into build/models_embedded.c). */
struct k3a__embedded {
    const char *name; /* file name, e.g. "limits-puil2011.ini" */
    const char *text;
    size_t len;
};
extern const struct k3a__embedded k3a__embedded_models[];
extern const size_t k3a__n_embedded_models;

/* ini_load.c: text that is UTF-16 (a byte order mark, or ASCII with a NUL
 * beside each character): one error instead of one per line. */
int k3a__is_utf16(const char *text, size_t len);

/* clocale.c: run under the "C" locale in this thread (uselocale) and
 * back; every public entry point that parses or formats numbers does
 * (output independent of the caller's locale). */
void *k3a__c_locale_enter(void);
void k3a__c_locale_leave(void *old);

#endif /* K3A_INTERNAL_H */
