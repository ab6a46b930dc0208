/*
 * hist.h - what the files of the audit history (src/history) share; the
 * public interface is include/k3audit/history.h.
 *
 *   engine.c   the two engines' SQL layer: the statements, binding,
 *              reading rows, transactions, opening a store; the only
 *              file that includes sqlite3.h and loads libpq
 *   schema.c   the schema, its version table and the migrations
 *   store.c    keeping an audit (one transaction)
 *   query.c    the previous audit, and the queries of history, due,
 *              export and rescore
 *   pair.c     which finding or risk of an audit is which of the previous
 *              audit's
 *   changes.c  what changed since the previous audit, said in words
 */
#ifndef K3A_HIST_H
#define K3A_HIST_H

#include <math.h>
#include <stddef.h>

#include "base.h"
#include "k3audit/history.h"

/* ---- statements ------------------------------------------------------ */

enum sql_id {
    Q_SCHEMA_VERSION,
    Q_RANGELESS_AUDITS,
    Q_SITE_UPSERT,
    Q_LATEST_OF_DATE,
    Q_FILE_INSERT,
    Q_AUDIT_INSERT,
    Q_VALUE_INSERT,
    Q_FINDING_INSERT,
    Q_PASSING_INSERT, /* a passing finding */
    Q_RISK_INSERT,
    Q_DUE_INSERT,
    Q_PREV_AUDIT,
    Q_PREV_VALUES,
    Q_PREV_FINDINGS,
    Q_PREV_PASSED,
    Q_PREV_RISKS,
    Q_SITES,
    Q_AUDITS,
    Q_VALUES,
    Q_RISKS,
    Q_DUE,
    Q_LATEST,
    Q_FINDINGS_OF,
    Q_RISKS_OF,
    Q_EXPORT,
    Q_NEXT_ID,
    Q_LAST_ROWS,
    Q_AUDIT_ROWS,
    Q_AUDIT_RANGE,
    Q_PREV_PASSED_PG, /* PostgreSQL: the passing findings k3a__hist_rest wants */
    Q_PREV_PASSED_KEYS, /* SQLite: ... chosen by their keys */
    Q_PREV_ROWS,
    Q_FINDING_BATCH, /* ROW_BATCH rows of Q_FINDING_INSERT at once; built at open */
    Q_VALUE_BATCH,   /* ... of Q_VALUE_INSERT */
    Q_DUE_BATCH,     /* ... of Q_DUE_INSERT */
    Q_PASSING_BATCH, /* ... of Q_PASSING_INSERT */
    Q_COUNT
};

/* Findings are inserted this many rows a statement (a 100k-bus site has
 * about 640,000 of them; PostgreSQL pays a round trip per statement). */
#define ROW_BATCH 32
#define FINDING_BATCH ROW_BATCH
#define FINDING_COLS 14
#define PASSING_COLS 9 /* Q_PASSING_INSERT's */
#define N_BATCH 4 /* Q_FINDING_BATCH .. Q_PASSING_BATCH */
/* A batch's parameters: the audit's id ($1) once, then each row's others. */
#define BATCH_PARAMS(cols) (1 + ROW_BATCH * ((cols) - 1))

/* A bound parameter. */
enum ptype { P_NULL, P_TEXT, P_INT, P_REAL, P_BLOB };
struct param {
    enum ptype t;
    const char *s;
    long long i;
    double d;
    const void *b;
    size_t n;
};

static inline struct param pt(const char *s)
{
    struct param p = { P_TEXT, s ? s : "", 0, 0, NULL, 0 };
    return p;
}
static inline struct param pi_(long long i)
{
    struct param p = { P_INT, NULL, i, 0, NULL, 0 };
    return p;
}
static inline struct param pd(double d)
{
    struct param p = { isfinite(d) ? P_REAL : P_NULL, NULL, 0, d, NULL, 0 };
    return p;
}
static inline struct param pb(const void *b, size_t n)
{
    struct param p = { P_BLOB, NULL, 0, 0, b, n };
    return p;
}

/* A result being read (engine.c's statement or PostgreSQL result). */
struct res {
    struct k3a_history *h;
    void *st; /* sqlite3_stmt */
    void *pr; /* PGresult */
    int row, nrows;
};

/* ---- engine.c ---------------------------------------------------------- */

int k3a__db_is_pg(const struct k3a_history *h);
const char *k3a__db_where(const struct k3a_history *h); /* for messages */
/* Runs a prepared statement: 0, -1 error (msg), -2 a concurrent writer
 * took the same key (PostgreSQL; the caller retries). */
int k3a__db_run(struct k3a_history *h, enum sql_id id, const struct param *p, int np,
                struct res *r, char *msg, size_t msg_size);
/* Next row: 1 a row, 0 done, -1 error. */
int k3a__db_next(struct res *r, char *msg, size_t msg_size);
void k3a__db_done(struct res *r);
const char *k3a__db_text(struct res *r, int col); /* "" for NULL */
/* A column's bytes, malloc'd (NULL out of memory). */
char *k3a__db_blob(struct res *r, int col, size_t *len);
/* A statement without rows, run to completion. */
int k3a__db_exec(struct k3a_history *h, enum sql_id id, const struct param *p, int np,
                 char *msg, size_t msg_size);
/* Are rows worth inserting ROW_BATCH a statement, rows_so_far into the
 * table?  PostgreSQL: always (a round trip per statement); SQLite: from
 * BATCH_MIN rows on (preparing the batch costs more than it saves on a
 * typical site's hundred rows). */
int k3a__db_batch_worth(const struct k3a_history *h, size_t rows_so_far);

/* Plain SQL text (transactions, schema). */
int k3a__db_sql(struct k3a_history *h, const char *sql, char *msg, size_t msg_size);
int k3a__db_begin(struct k3a_history *h, char *msg, size_t n);
/* SQLite: sets the WAL journal, waiting while another writer makes the
 * store (0, or -1 with msg). */
int k3a__db_wal(struct k3a_history *h, char *msg, size_t n);
void k3a__db_rollback(struct k3a_history *h);
/* SQLite: after a large audit's commit, the WAL emptied (else each later
 * run's first connection reads all its frames again: 86 MB after a
 * 100,000-bus site's audit).  Nothing on failure. */
void k3a__db_wal_shrink(struct k3a_history *h);
/* Calls the caller's hook (k3a_history_before_commit), if any. */
void k3a__db_before_commit(struct k3a_history *h);
enum k3a_status k3a__db_rows(struct k3a_history *h, enum sql_id id, const struct param *p,
                             int np, size_t ncols, struct k3a_rows *t, char *msg,
                             size_t msg_size);
/* The same, keeping only the rows keep(ctx, the row) says to (it reads
 * the row's columns with k3a__db_text; keep NULL: every row). */
enum k3a_status k3a__db_rows_if(struct k3a_history *h, enum sql_id id, const struct param *p,
                                int np, size_t ncols,
                                int (*keep)(void *ctx, struct res *r), void *ctx,
                                struct k3a_rows *t, char *msg, size_t msg_size);
/* Does a table of this name exist ("": any table)?  1, 0, -1 error. */
int k3a__db_has_table(struct k3a_history *h, const char *name, char *msg, size_t n);

/* ---- schema.c ---------------------------------------------------------- */

/* Checks the store's mark and version, creates or migrates it (one
 * transaction); refuses a store that is not ours or newer.  0, or -1. */
int k3a__hist_schema(struct k3a_history *h, char *msg, size_t n);

/* ---- shared by store.c, query.c, changes.c ------------------------------ */

void k3a__hist_date_str(struct k3a_date d, char out[11]);
int k3a__hist_parse_date(const char *s, struct k3a_date *d);
const char *k3a__hist_verdict_name(enum k3a_verdict v);
/* The risk's identity across audits: the rule (or [hazard]) and element. */
void k3a__hist_risk_key(const struct k3a_results *r, const struct k3a_risk *q, char *out,
                        size_t n);

/* Matching by (a, b) and occurrence: a sorted list of keys per side. */
struct mkey {
    const char *a, *b;
    size_t i;
};
int k3a__hist_mkey_cmp(const void *x, const void *y);
/* The first key of the sorted array with (a, b), or n. */
size_t k3a__hist_mkey_lower(const struct mkey *k, size_t n, const char *a, const char *b);

/* Pairs the keys of two sides, each array in the order of its .i: the
 * k-th occurrence of a key (a, b) on the left with its k-th on the right
 * (l2r[l.i] = r.i, r2l[r.i] = l.i; the entries of keys left unpaired are
 * not touched).  A hash table: O(n).  0, or -1 out of memory. */
int k3a__hist_pair(const struct mkey *l, size_t nl, const struct mkey *r, size_t nr, long *l2r,
                   long *r2l);

/* Where an audit's findings are (schema 4; query.c): its audit_id, the
 * range of their row ids, and where its passing ones begin (0: an audit
 * kept before version 4, its findings of every verdict mixed). */
struct k3a_audit_range {
    long long id, first, last, passing;
};

/* What the store holds of a site's previous audit (query.c). */
struct k3a_history_prev {
    int has;
    char date[11], sha[65];
    struct k3a_rows vals;  /* element, quantity, value, test_date, audit_date */
    struct mkey *vk;       /* vals' rows by element, quantity, audit_date */
    struct k3a_rows finds; /* element, check, verdict, measured, unit, finding_id,
                              limit_value, clause, title_id, title_en, unit_en,
                              clause_en (schema 3: "" when as unit, clause) */
    struct k3a_rows risks; /* element, hazard, level, likelihood, severity, source,
                              hazard_text, hazard_text_id */
    /* k3a_history_previous reads the failing and warning findings; the
     * passing ones are read once the audit has run (k3a_history_prev_complete),
     * only those the comparison looks at */
    int rest;               /* the passing findings are still to read */
    struct k3a_history *h;  /* from where */
    char *site_id;
    long long rev;
    struct k3a_audit_range at; /* its findings' rows */
    struct k3a_rows passed; /* their text (finds' cells point into it) */
};

/* Reads the previous audit's passing findings that the comparison with r
 * looks at: those of an element and check that fail or warn in either
 * audit, or that a risk of r or of the previous audit rests on (the
 * others pass both times: no change), merged into p->finds in the order
 * of the audit.  0, or -1 (msg). */
int k3a__hist_rest(struct k3a_history_prev *p, const struct k3a_results *r, char *msg,
                   size_t msg_size);

/* "check\nshape": a finding's title without its numbers ('#') and
 * bracketed notes, "≤"/"≥" written "<="/">=" (pair.c); malloc'd, "" when
 * there is no title, NULL out of memory. */
char *k3a__hist_title_shape(const char *check, const char *title);

/* A set of keys (a, b) (pair.c); the strings are not copied. */
struct k3a_kset;
struct k3a_kset *k3a__kset_new(size_t n);
void k3a__kset_add(struct k3a_kset *s, const char *a, const char *b);
int k3a__kset_has(const struct k3a_kset *s, const char *a, const char *b);
void k3a__kset_free(struct k3a_kset *s);

/* This audit's findings paired with the previous audit's (pair.c). */
struct k3a_fmatch {
    long *cur_prev; /* [r->n_findings]: the previous row, -1 */
    long *prev_cur; /* [p->finds.n]: the current finding, -1 */
};
int k3a__hist_fmatch(const struct k3a_history_prev *p, const struct k3a_results *r,
                     struct k3a_fmatch *m);
void k3a__hist_fmatch_free(struct k3a_fmatch *m);

#endif /* K3A_HIST_H */
