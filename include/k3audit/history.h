/*
 * history.h - the audit history: every audit kept in a store, compared
 * with the site's previous audit, and queried for history, due dates,
 * export and re-scoring (cli.md v2 "Audit history").
 *
 * One interface, two engines: SQLite (a file; the default) and
 * PostgreSQL (a Balai's shared store, "postgresql://USER@HOST/DB").  The
 * same schema and the same SQL serve both where they agree.
 * src/history/engine.c is the only file that includes sqlite3.h and
 * libpq-fe.h (src/history/hist.h lists the module's files).
 *
 * A site is identified by [site] id (default: its name), an audit by its
 * site and audit_date; other bytes for the same site and date are a new
 * revision (the latest counts), the same bytes again store nothing.
 * Nothing is ever deleted.
 */
#ifndef K3A_HISTORY_H
#define K3A_HISTORY_H

#include <stddef.h>

#include "k3audit/results.h"
#include "k3audit/site.h"
#include "k3audit/status.h"

/* Schema version this build writes; a newer store is refused, an older
 * one migrated (1: the first; 2: the titles of failing findings; 3: their
 * clause and every finding's unit in both languages, and titles written
 * in both; 4: an audit's findings and values found by the range of their
 * row ids, kept in its k3a_audit row). */
#define K3A_HISTORY_SCHEMA 4

struct k3a_history;

/* Opens (creating when absent) the store at where: a PostgreSQL URL
 * (postgresql:// or postgres://) or an SQLite file path.  A file that is
 * not a k3audit store, or of a newer schema, is refused unchanged; an
 * older schema is migrated in one transaction.  On failure *h is NULL
 * and msg says why. */
enum k3a_status k3a_history_open(struct k3a_history **h, const char *where,
                                 char *msg, size_t msg_size) K3A_NODISCARD;
void k3a_history_close(struct k3a_history *h);
/* "sqlite" or "postgresql" */
const char *k3a_history_engine(const struct k3a_history *h);

/* The site's id in the store: [site] id, else its name. */
const char *k3a_history_site_id(const struct k3a_site *site);

/* ---- the previous audit, and what changed -------------------------- */

enum k3a_change_kind { K3A_CHG_NEW, K3A_CHG_CLOSED, K3A_CHG_WORSE,
                       K3A_CHG_BETTER, K3A_CHG_SAME };
enum k3a_change_what { K3A_CHG_FINDING, K3A_CHG_RISK, K3A_CHG_MEASUREMENT };

struct k3a_change {
    enum k3a_change_what what;
    enum k3a_change_kind kind;
    char *element;  /* "insulation IR-MDP" */
    char *check;    /* finding check, quantity, or the risk's hazard (English) */
    char *check_id; /* a risk's hazard in Bahasa Indonesia; a finding: what
                       was checked in the report's language (= title) */
    char *before, *after; /* verdict, level or value ("" when absent) */
    double before_v, after_v; /* measurements and findings: the measured
                                 values; NAN otherwise */
    char *reason;   /* risks: why it moved, in words in the report's
                       language: the findings it rests on, each with its
                       value then and now, limit, clause and verdicts */
    long finding;   /* findings: its index in the audit's results, -1 gone */
    char *title;    /* findings: what was checked, in words in the report's
                       language (a finding whose element left the file: as
                       the store kept it; "" when it kept none) */
};

struct k3a_changes {
    int has_previous;
    char prev_date[11];     /* YYYY-MM-DD */
    char prev_sha256[65];
    struct k3a_change *v;
    size_t n, cap;
    size_t n_kind[5];       /* by enum k3a_change_kind, all three whats */
    size_t n_by[3][5];      /* by enum k3a_change_what and kind: what each
                               list shows (k3a_changes_counts) */
    char *summary;          /* one line in the report's language: what
                               improved, what got worse (NULL: no previous) */
};

void k3a_changes_init(struct k3a_changes *c);
void k3a_changes_release(struct k3a_changes *c);
const char *k3a_change_kind_name(enum k3a_change_kind k); /* "new" ... */
/* The counts in words, in lang, each naming what it counts, as the lists
 * of changes show them: "findings: 2 new, 3 closed, 0 worse, 0 better;
 * risks: ...; measurements: 1 worse, 1 better" (with_same: also how many
 * stayed the same, as the Changes sheet lists them). */
void k3a_changes_counts(const struct k3a_changes *c, enum k3a_lang lang, int with_same,
                        char *out, size_t n);

/* What the store holds of a site's earlier audits (before a date). */
struct k3a_history_prev;

/* Reads the site's audits dated before the site's audit_date (latest
 * revision of each date).  *p is NULL-free: an empty record when none. */
enum k3a_status k3a_history_previous(struct k3a_history *h,
                                     const struct k3a_site *site,
                                     struct k3a_history_prev **p, char *msg,
                                     size_t msg_size) K3A_NODISCARD;
void k3a_history_prev_free(struct k3a_history_prev *p);

/* The findings and risks of one stored audit, as a record to compare a
 * re-run with (rescore; no measurements). */
enum k3a_status k3a_history_record(struct k3a_history *h, const char *site_id,
                                   const char *date, int revision,
                                   struct k3a_history_prev **p, char *msg,
                                   size_t msg_size) K3A_NODISCARD;

/* Feeds the earlier readings into the site where the file gives none:
 * previous_Mohm of each [insulation], previous_ohm of each [earthing]
 * (values written in the file win), and [site] previous_inspection. */
enum k3a_status k3a_history_feed(const struct k3a_history_prev *p,
                                 struct k3a_site *site) K3A_NODISCARD;

/* Reads, from the store p came from (still open), the earlier audit's
 * passing findings that the comparison with r looks at: k3a_history_previous
 * reads only the failing and warning ones.  Call it once the audit has run
 * and before k3a_history_compare; the store is not used by p after it.
 * K3A_OK (also when there is nothing to read), K3A_E_IO or K3A_E_NOMEM with
 * msg. */
enum k3a_status k3a_history_prev_complete(struct k3a_history_prev *p,
                                          const struct k3a_results *r, char *msg,
                                          size_t msg_size) K3A_NODISCARD;

/* Compares an audit with the latest earlier one; the reasons and the
 * summary are written in lang.  No I/O: a record of k3a_history_previous
 * must first be completed (k3a_history_prev_complete), else K3A_E_ARG. */
enum k3a_status k3a_history_compare(struct k3a_history_prev *p,
                                    const struct k3a_results *r, enum k3a_lang lang,
                                    struct k3a_changes *c) K3A_NODISCARD;

/* ---- storing ------------------------------------------------------- */

/* Keeps an audit in one transaction: the site, the file's bytes, the
 * audit and its results, measurements, findings, risks and due dates.
 * bytes NULL: those the site was loaded from (r->site->bytes, kept by
 * k3a_site_load_file when the site's keep_bytes was set; K3A_E_IO when
 * none were kept); others are checked against the site's SHA-256.
 * *revision is the audit's revision; *stored is 0 when the latest
 * revision of that site and date has the same bytes (nothing new). */
enum k3a_status k3a_history_store(struct k3a_history *h,
                                  const struct k3a_results *r,
                                  const char *bytes, size_t len,
                                  const char *program_version, int *stored,
                                  int *revision, char *msg,
                                  size_t msg_size) K3A_NODISCARD;

/* Calls fn(ctx) inside each store's transaction, after the audit's rows
 * are written and before the commit (fn NULL: nothing).  The program's
 * kill -9 test uses it to stop a store half-way. */
void k3a_history_before_commit(struct k3a_history *h, void (*fn)(void *ctx), void *ctx);

/* ---- queries (rows of text cells; the program prints them) ---------- */

struct k3a_rows {
    size_t n, ncols;
    char **cell;   /* n x ncols; "" for NULL */
    char *mem;     /* the cells' text */
};
void k3a_rows_release(struct k3a_rows *t);
static inline const char *k3a_rows_get(const struct k3a_rows *t, size_t i,
                                       size_t j)
{
    return t->cell[i * t->ncols + j];
}

/* Every site's audits (latest revision of each date):
 * site_id, name, audit_date, revision, conclusion, n_fail, n_extreme,
 * revisions (how many of that date). */
enum k3a_status k3a_history_sites(struct k3a_history *h, struct k3a_rows *t,
                                  char *msg, size_t msg_size) K3A_NODISCARD;
/* One site's audits and revisions: audit_date, revision, inputs_sha256,
 * conclusion, n_fail, n_warn, n_extreme, program_version. */
enum k3a_status k3a_history_audits(struct k3a_history *h, const char *site_id,
                                   struct k3a_rows *t, char *msg,
                                   size_t msg_size) K3A_NODISCARD;
/* Its measured values over time (latest revisions): element, quantity,
 * audit_date, value, unit, limit. */
enum k3a_status k3a_history_values(struct k3a_history *h, const char *site_id,
                                   struct k3a_rows *t, char *msg,
                                   size_t msg_size) K3A_NODISCARD;
/* Its risks' levels over time: element, hazard, audit_date, level,
 * level_after, hazard in Bahasa Indonesia. */
enum k3a_status k3a_history_risks(struct k3a_history *h, const char *site_id,
                                  struct k3a_rows *t, char *msg,
                                  size_t msg_size) K3A_NODISCARD;
/* What falls due on or before until (YYYY-MM-DD) in each site's latest
 * audit: due_date, site_id, what, element, detail (English), detail in
 * Bahasa Indonesia; by date. */
enum k3a_status k3a_history_due(struct k3a_history *h, const char *until,
                                struct k3a_rows *t, char *msg,
                                size_t msg_size) K3A_NODISCARD;
/* The latest audit of every site: site_id, audit_date, revision,
 * inputs_sha256. */
enum k3a_status k3a_history_latest(struct k3a_history *h, struct k3a_rows *t,
                                   char *msg, size_t msg_size) K3A_NODISCARD;
/* An audit's findings (finding_id, element, check, verdict) or risks
 * (risk_id, element, hazard, level, level_after). */
enum k3a_status k3a_history_findings_of(struct k3a_history *h,
                                        const char *site_id, const char *date,
                                        int revision, struct k3a_rows *t,
                                        char *msg, size_t msg_size) K3A_NODISCARD;
enum k3a_status k3a_history_risks_of(struct k3a_history *h, const char *site_id,
                                     const char *date, int revision,
                                     struct k3a_rows *t, char *msg,
                                     size_t msg_size) K3A_NODISCARD;

/* The stored site file of an audit (date NULL: the site's latest),
 * byte for byte; *bytes is malloc'd.  K3A_E_INPUT when there is none. */
enum k3a_status k3a_history_export(struct k3a_history *h, const char *site_id,
                                   const char *date, char **bytes, size_t *len,
                                   char *msg, size_t msg_size) K3A_NODISCARD;

#endif /* K3A_HISTORY_H */
