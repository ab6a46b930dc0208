/*
 * history.c - the audit history store (history.h): one interface, two
 * engines, SQLite (embedded, the default) and PostgreSQL (libpq, a
 * Balai's shared store).  The only module that includes sqlite3.h and
 * libpq-fe.h.
 *
 * The schema and the statements are the same text for both engines
 * (placeholders $1..$n, which SQLite reads as named parameters), apart
 * from the type of the file's bytes (BLOB / BYTEA) and how a write
 * transaction starts (BEGIN IMMEDIATE / BEGIN with an advisory lock for
 * migrations).  k3a_schema holds the store's mark and schema version.
 *
 * SQLite: WAL journal, a busy timeout (several -j workers write one file
 * at once), each audit in one transaction, statements prepared once per
 * connection.  PostgreSQL: each audit in one transaction, retried when a
 * concurrent writer took the same revision number.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libpq-fe.h>
#include <sqlite3.h>

#include "internal.h"
#include "k3audit/history.h"

/* ---- statements ------------------------------------------------------ */

enum sql_id {
    Q_SCHEMA_VERSION,
    Q_SITE_UPSERT,
    Q_LATEST_OF_DATE,
    Q_FILE_INSERT,
    Q_AUDIT_INSERT,
    Q_VALUE_INSERT,
    Q_FINDING_INSERT,
    Q_RISK_INSERT,
    Q_DUE_INSERT,
    Q_PREV_AUDIT,
    Q_PREV_VALUES,
    Q_PREV_FINDINGS,
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
    Q_FINDING_BATCH, /* ROW_BATCH rows of Q_FINDING_INSERT at once; built at open */
    Q_VALUE_BATCH,   /* ... of Q_VALUE_INSERT */
    Q_DUE_BATCH,     /* ... of Q_DUE_INSERT */
    Q_COUNT
};

/* Only the latest revision of an audit counts. */
#define AUDIT_OF "(SELECT audit_id FROM k3a_audit WHERE site_id = $1 AND audit_date = $2 " \
                 "AND revision = $3)"
#define LATEST_REV(t)                                                        \
    t ".revision = (SELECT max(b.revision) FROM k3a_audit b WHERE "          \
      "b.site_id = " t ".site_id AND b.audit_date = " t ".audit_date)"

static const char *const sql_text[Q_COUNT] = {
    [Q_SCHEMA_VERSION] = "SELECT store, version FROM k3a_schema",
    [Q_SITE_UPSERT] = "INSERT INTO k3a_site (site_id, name) VALUES ($1, $2) "
                      "ON CONFLICT (site_id) DO UPDATE SET name = excluded.name",
    [Q_LATEST_OF_DATE] = "SELECT revision, inputs_sha256 FROM k3a_audit WHERE "
                         "site_id = $1 AND audit_date = $2 ORDER BY revision DESC "
                         "LIMIT 1",
    [Q_FILE_INSERT] = "INSERT INTO k3a_site_file (sha256, bytes) VALUES ($1, $2) "
                      "ON CONFLICT (sha256) DO NOTHING",
    [Q_AUDIT_INSERT] = "INSERT INTO k3a_audit (site_id, audit_date, revision, "
                       "inputs_sha256, models_versions, program_version, conclusion, "
                       "n_fail, n_warn, n_pass, n_extreme, n_high, audit_id) VALUES ($1, "
                       "$2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
    [Q_VALUE_INSERT] = "INSERT INTO k3a_value (audit_id, element, quantity, value, unit, "
                       "test_date, limit_value) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    [Q_FINDING_INSERT] = "INSERT INTO k3a_finding (audit_id, seq, finding_id, element, "
                         "check_name, measured, limit_value, unit, verdict, clause) VALUES "
                         "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    [Q_RISK_INSERT] = "INSERT INTO k3a_risk (audit_id, seq, risk_id, element, hazard, "
                      "hazard_text, likelihood, severity, level, level_after, source, "
                      "hazard_text_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
                      "$11, $12)",
    [Q_DUE_INSERT] = "INSERT INTO k3a_due (audit_id, what, element, due_date, detail, "
                     "detail_id) VALUES ($1, $2, $3, $4, $5, $6)",
    [Q_PREV_AUDIT] = "SELECT audit_date, revision, inputs_sha256 FROM k3a_audit WHERE "
                     "site_id = $1 AND audit_date < $2 ORDER BY audit_date DESC, "
                     "revision DESC LIMIT 1",
    [Q_PREV_VALUES] = "SELECT v.element, v.quantity, v.value, v.test_date, a.audit_date "
                      "FROM k3a_value v JOIN k3a_audit a ON a.audit_id = v.audit_id WHERE "
                      "a.site_id = $1 AND a.audit_date < $2 AND v.quantity IN ('resistance_ohm', "
                      "'min_Mohm') AND " LATEST_REV("a") " ORDER BY a.audit_date",
    [Q_PREV_FINDINGS] = "SELECT element, check_name, verdict, measured, unit, finding_id "
                        "FROM k3a_finding WHERE audit_id = " AUDIT_OF " ORDER BY seq",
    [Q_PREV_RISKS] = "SELECT element, hazard, level, likelihood, severity, source, "
                     "hazard_text, hazard_text_id FROM k3a_risk WHERE audit_id = " AUDIT_OF
                     " ORDER BY seq",
    [Q_SITES] = "SELECT a.site_id, s.name, a.audit_date, a.revision, a.conclusion, "
                "a.n_fail, a.n_extreme, (SELECT count(*) FROM k3a_audit c WHERE "
                "c.site_id = a.site_id AND c.audit_date = a.audit_date) FROM k3a_audit a "
                "JOIN k3a_site s ON s.site_id = a.site_id WHERE " LATEST_REV("a")
                " ORDER BY a.site_id, a.audit_date",
    [Q_AUDITS] = "SELECT audit_date, revision, inputs_sha256, conclusion, n_fail, "
                 "n_warn, n_extreme, program_version FROM k3a_audit WHERE site_id = $1 "
                 "ORDER BY audit_date, revision",
    [Q_VALUES] = "SELECT v.element, v.quantity, a.audit_date, v.value, v.unit, "
                 "v.limit_value FROM k3a_value v JOIN k3a_audit a ON a.audit_id = "
                 "v.audit_id WHERE a.site_id = $1 AND " LATEST_REV("a")
                 " AND (v.element LIKE 'earthing %' OR v.element LIKE 'insulation %') "
                 "ORDER BY v.element, v.quantity, a.audit_date",
    [Q_RISKS] = "SELECT r.element, r.hazard_text, a.audit_date, r.level, r.level_after, "
                "r.hazard_text_id "
                "FROM k3a_risk r JOIN k3a_audit a ON a.audit_id = r.audit_id WHERE "
                "a.site_id = $1 AND " LATEST_REV("a")
                " ORDER BY r.element, r.hazard, a.audit_date",
    [Q_DUE] = "SELECT d.due_date, a.site_id, d.what, d.element, d.detail, d.detail_id "
              "FROM k3a_due d "
              "JOIN k3a_audit a ON a.audit_id = d.audit_id JOIN (SELECT site_id, "
              "max(audit_date) AS audit_date FROM k3a_audit GROUP BY site_id) l ON "
              "l.site_id = a.site_id AND l.audit_date = a.audit_date WHERE d.due_date <= $1 "
              "AND " LATEST_REV("a") " ORDER BY d.due_date, a.site_id, d.what, d.element",
    [Q_LATEST] = "SELECT a.site_id, a.audit_date, a.revision, a.inputs_sha256 FROM "
                 "k3a_audit a JOIN (SELECT site_id, max(audit_date) AS audit_date FROM "
                 "k3a_audit GROUP BY site_id) l ON l.site_id = a.site_id AND "
                 "l.audit_date = a.audit_date WHERE " LATEST_REV("a")
                 " ORDER BY a.site_id",
    [Q_FINDINGS_OF] = "SELECT finding_id, element, check_name, verdict FROM k3a_finding "
                      "WHERE audit_id = " AUDIT_OF " ORDER BY seq",
    [Q_RISKS_OF] = "SELECT risk_id, element, hazard, level, level_after, hazard_text "
                   "FROM k3a_risk WHERE audit_id = " AUDIT_OF " ORDER BY seq",
    [Q_EXPORT] = "SELECT f.bytes FROM k3a_audit a JOIN k3a_site_file f ON f.sha256 = "
                 "a.inputs_sha256 WHERE a.site_id = $1 AND ($2 = '' OR a.audit_date = $2) "
                 "ORDER BY a.audit_date DESC, a.revision DESC LIMIT 1",
    [Q_NEXT_ID] = "SELECT coalesce(max(audit_id), 0) + 1 FROM k3a_audit",
};

/* Findings are inserted this many rows a statement (a 100k-bus site has
 * about 640,000 of them; PostgreSQL pays a round trip per statement). */
#define ROW_BATCH 32
#define FINDING_BATCH ROW_BATCH
#define FINDING_COLS 10
#define N_BATCH 3 /* Q_FINDING_BATCH .. Q_DUE_BATCH */

/* Schema version 1 (PostgreSQL spells BLOB as BYTEA). */
static const char *const schema_v1[] = {
    "CREATE TABLE k3a_schema (store TEXT NOT NULL, version INTEGER NOT NULL)",
    "CREATE TABLE k3a_site (site_id TEXT PRIMARY KEY, name TEXT NOT NULL)",
    "CREATE TABLE k3a_site_file (sha256 TEXT PRIMARY KEY, bytes BLOB NOT NULL)",
    "CREATE TABLE k3a_audit (site_id TEXT NOT NULL REFERENCES k3a_site (site_id), "
    "audit_date TEXT NOT NULL, revision INTEGER NOT NULL, inputs_sha256 TEXT NOT NULL "
    "REFERENCES k3a_site_file (sha256), models_versions TEXT NOT NULL, "
    "program_version TEXT NOT NULL, conclusion TEXT NOT NULL, n_fail INTEGER NOT NULL, "
    "n_warn INTEGER NOT NULL, n_pass INTEGER NOT NULL, n_extreme INTEGER NOT NULL, "
    "n_high INTEGER NOT NULL, audit_id INTEGER NOT NULL UNIQUE, "
    "PRIMARY KEY (site_id, audit_date, revision))",
    "CREATE TABLE k3a_value (audit_id INTEGER NOT NULL, element TEXT NOT NULL, quantity TEXT NOT NULL, "
    "value DOUBLE PRECISION, unit TEXT NOT NULL, test_date TEXT NOT NULL, "
    "limit_value DOUBLE PRECISION)",
    "CREATE INDEX k3a_value_audit ON k3a_value (audit_id)",
    "CREATE TABLE k3a_finding (audit_id INTEGER NOT NULL, seq INTEGER NOT NULL, finding_id TEXT NOT NULL, "
    "element TEXT NOT NULL, check_name TEXT NOT NULL, measured DOUBLE PRECISION, "
    "limit_value DOUBLE PRECISION, unit TEXT NOT NULL, verdict TEXT NOT NULL, "
    "clause TEXT NOT NULL)",
    "CREATE INDEX k3a_finding_audit ON k3a_finding (audit_id)",
    "CREATE TABLE k3a_risk (audit_id INTEGER NOT NULL, seq INTEGER NOT NULL, risk_id TEXT NOT NULL, "
    "element TEXT NOT NULL, hazard TEXT NOT NULL, hazard_text TEXT NOT NULL, "
    "hazard_text_id TEXT NOT NULL, likelihood INTEGER NOT NULL, severity INTEGER NOT NULL, level TEXT NOT NULL, "
    "level_after TEXT NOT NULL, source TEXT NOT NULL)",
    "CREATE INDEX k3a_risk_audit ON k3a_risk (audit_id)",
    "CREATE TABLE k3a_due (audit_id INTEGER NOT NULL, what TEXT NOT NULL, element TEXT NOT NULL, "
    "due_date TEXT NOT NULL, detail TEXT NOT NULL, detail_id TEXT NOT NULL)",
    "CREATE INDEX k3a_due_audit ON k3a_due (audit_id)",
    "INSERT INTO k3a_schema (store, version) VALUES ('k3audit', 1)",
};

#define STORE_MARK "k3audit"

/* libpq is loaded when a PostgreSQL store is opened (dlopen), so the
 * program does not load it and the libraries it needs (TLS, Kerberos,
 * LDAP) at every start: about 10 ms of each run of an SQLite audit. */
#define K3A_PQ_API(X)                                                        \
    X(PGconn *, PQconnectdb, (const char *))                                 \
    X(ConnStatusType, PQstatus, (const PGconn *))                            \
    X(char *, PQerrorMessage, (const PGconn *))                              \
    X(void, PQfinish, (PGconn *))                                            \
    X(PGresult *, PQexec, (PGconn *, const char *))                          \
    X(PGresult *, PQprepare, (PGconn *, const char *, const char *, int,     \
                              const Oid *))                                  \
    X(PGresult *, PQexecPrepared, (PGconn *, const char *, int,              \
                                   const char *const *, const int *,         \
                                   const int *, int))                        \
    X(ExecStatusType, PQresultStatus, (const PGresult *))                    \
    X(char *, PQresultErrorMessage, (const PGresult *))                      \
    X(char *, PQresultErrorField, (const PGresult *, int))                   \
    X(int, PQntuples, (const PGresult *))                                    \
    X(int, PQgetisnull, (const PGresult *, int, int))                        \
    X(char *, PQgetvalue, (const PGresult *, int, int))                      \
    X(void, PQclear, (PGresult *))                                           \
    X(unsigned char *, PQunescapeBytea, (const unsigned char *, size_t *))   \
    X(void, PQfreemem, (void *))

struct pq_api {
    void *lib;
#define K3A_X(ret, name, args) ret(*name) args;
    K3A_PQ_API(K3A_X)
#undef K3A_X
};

struct k3a_history {
    int pg;
    sqlite3 *db;
    PGconn *pc;
    struct pq_api pq;
    char *batch_sql[N_BATCH]; /* Q_FINDING_BATCH .. */
    sqlite3_stmt *stmt[Q_COUNT];
    unsigned char pidx[Q_COUNT][16]; /* SQLite index of $1..$16; 0 none */
    unsigned char pg_prepared[Q_COUNT];
    char where[512]; /* for messages (no password) */
};

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

static struct param pt(const char *s)
{
    struct param p = { P_TEXT, s ? s : "", 0, 0, NULL, 0 };
    return p;
}
static struct param pi_(long long i)
{
    struct param p = { P_INT, NULL, i, 0, NULL, 0 };
    return p;
}
static struct param pd(double d)
{
    struct param p = { isfinite(d) ? P_REAL : P_NULL, NULL, 0, d, NULL, 0 };
    return p;
}
static struct param pb(const void *b, size_t n)
{
    struct param p = { P_BLOB, NULL, 0, 0, b, n };
    return p;
}

/* A result being read. */
struct res {
    struct k3a_history *h;
    sqlite3_stmt *st;
    PGresult *pr;
    int row, nrows, started;
};

static void where_for_messages(const char *where, char *out, size_t n)
{
    /* postgresql://user:secret@host/db -> postgresql://user@host/db */
    const char *scheme = strstr(where, "://"), *at, *colon;

    snprintf(out, n, "%s", where);
    if (!scheme)
        return;
    at = strchr(scheme + 3, '@');
    colon = strchr(scheme + 3, ':');
    if (at && colon && colon < at)
        snprintf(out, n, "%.*s%s", (int)(colon - where), where, at);
}

static int is_pg_url(const char *s)
{
    return strncmp(s, "postgresql://", 13) == 0 || strncmp(s, "postgres://", 11) == 0;
}

/* The first line of a PostgreSQL message. */
static void pg_msg(const char *m, char *out, size_t n)
{
    size_t len = strcspn(m, "\n");
    snprintf(out, n, "%.*s", (int)len, m);
}

/* The reason of SQLite's last error, naming a damaged store as such. */
static void sqlite_msg(struct k3a_history *h, char *msg, size_t n)
{
    int rc = sqlite3_errcode(h->db);
    if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB)
        snprintf(msg, n, "%s: the store is damaged (%s); left unchanged", h->where,
                 sqlite3_errmsg(h->db));
    else
        snprintf(msg, n, "%s: %s", h->where, sqlite3_errmsg(h->db));
}

static const char *sql_of(const struct k3a_history *h, enum sql_id id)
{
    return id >= Q_FINDING_BATCH ? h->batch_sql[id - Q_FINDING_BATCH] : sql_text[id];
}

static int q_run(struct k3a_history *h, enum sql_id id, const struct param *p,
                 int np, struct res *r, char *msg, size_t msg_size)
{
    int i;

    memset(r, 0, sizeof(*r));
    r->h = h;
    if (!h->pg) {
        sqlite3_stmt *st = h->stmt[id];
        int rc;
        if (!st) {
            rc = sqlite3_prepare_v3(h->db, sql_of(h, id), -1, SQLITE_PREPARE_PERSISTENT,
                                    &st, NULL);
            if (rc != SQLITE_OK) {
                sqlite_msg(h, msg, msg_size);
                return -1;
            }
            h->stmt[id] = st;
            for (i = 0; i < 16; i++) {
                char name[16];
                snprintf(name, sizeof(name), "$%d", i + 1);
                h->pidx[id][i] = (unsigned char)sqlite3_bind_parameter_index(st, name);
            }
        }
        sqlite3_reset(st);
        for (i = 0; i < np; i++) {
            /* the batch numbers its parameters $1.. in order */
            int k = id >= Q_FINDING_BATCH ? i + 1 : i < 16 ? h->pidx[id][i] : 0;
            if (k == 0)
                continue;
            switch (p[i].t) {
            case P_NULL:
                rc = sqlite3_bind_null(st, k);
                break;
            case P_TEXT:
                rc = sqlite3_bind_text(st, k, p[i].s, -1, SQLITE_STATIC);
                break;
            case P_INT:
                rc = sqlite3_bind_int64(st, k, p[i].i);
                break;
            case P_REAL:
                rc = sqlite3_bind_double(st, k, p[i].d);
                break;
            default:
                rc = sqlite3_bind_blob64(st, k, p[i].b, p[i].n, SQLITE_STATIC);
                break;
            }
            if (rc != SQLITE_OK) {
                sqlite_msg(h, msg, msg_size);
                return -1;
            }
        }
        r->st = st;
        return 0;
    } else {
        const char *vals_s[16], **vals = vals_s;
        int lens_s[16], fmts_s[16], *lens = lens_s, *fmts = fmts_s;
        char num_s[16][32], (*num)[32] = num_s;
        char name[16];
        ExecStatusType es;
        if (np > 16) {
            vals = malloc((size_t)np * sizeof(*vals));
            lens = malloc((size_t)np * sizeof(*lens));
            fmts = malloc((size_t)np * sizeof(*fmts));
            num = malloc((size_t)np * sizeof(*num));
            if (!vals || !lens || !fmts || !num) {
                free(vals);
                free(lens);
                free(fmts);
                free(num);
                snprintf(msg, msg_size, "out of memory");
                return -1;
            }
        }
        snprintf(name, sizeof(name), "k3a_%d", (int)id);
        if (!h->pg_prepared[id]) {
            PGresult *pr = h->pq.PQprepare(h->pc, name, sql_of(h, id), 0, NULL);
            if (h->pq.PQresultStatus(pr) != PGRES_COMMAND_OK) {
                char m[300];
                pg_msg(h->pq.PQresultErrorMessage(pr), m, sizeof(m));
                snprintf(msg, msg_size, "%s: %s", h->where, m);
                h->pq.PQclear(pr);
                if (np > 16) {
                    free(vals);
                    free(lens);
                    free(fmts);
                    free(num);
                }
                return -1;
            }
            h->pq.PQclear(pr);
            h->pg_prepared[id] = 1;
        }
        for (i = 0; i < np; i++) {
            lens[i] = 0;
            fmts[i] = 0;
            switch (p[i].t) {
            case P_NULL:
                vals[i] = NULL;
                break;
            case P_TEXT:
                vals[i] = p[i].s;
                break;
            case P_INT:
                snprintf(num[i], sizeof(num[i]), "%lld", p[i].i);
                vals[i] = num[i];
                break;
            case P_REAL:
                snprintf(num[i], sizeof(num[i]), "%.17g", p[i].d);
                vals[i] = num[i];
                break;
            default:
                vals[i] = (const char *)p[i].b;
                lens[i] = (int)p[i].n;
                fmts[i] = 1;
                break;
            }
        }
        r->pr = h->pq.PQexecPrepared(h->pc, name, np, vals, lens, fmts, 0);
        if (np > 16) {
            free(vals);
            free(lens);
            free(fmts);
            free(num);
        }
        es = h->pq.PQresultStatus(r->pr);
        if (es != PGRES_COMMAND_OK && es != PGRES_TUPLES_OK) {
            char m[300];
            const char *state = h->pq.PQresultErrorField(r->pr, PG_DIAG_SQLSTATE);
            pg_msg(h->pq.PQresultErrorMessage(r->pr), m, sizeof(m));
            snprintf(msg, msg_size, "%s: %s", h->where, m);
            /* a concurrent writer took the same key: the caller retries */
            i = state && (strcmp(state, "23505") == 0 || strcmp(state, "40001") == 0 ||
                          strcmp(state, "40P01") == 0)
                    ? -2
                    : -1;
            h->pq.PQclear(r->pr);
            r->pr = NULL;
            return i;
        }
        r->nrows = h->pq.PQntuples(r->pr);
        r->row = -1;
        return 0;
    }
}

/* Next row: 1 a row, 0 done, -1 error. */
static int q_next(struct res *r, char *msg, size_t msg_size)
{
    if (r->st) {
        int rc = sqlite3_step(r->st);
        if (rc == SQLITE_ROW)
            return 1;
        if (rc == SQLITE_DONE)
            return 0;
        sqlite_msg(r->h, msg, msg_size);
        return -1;
    }
    if (!r->pr)
        return 0;
    r->row++;
    return r->row < r->nrows;
}

static void q_done(struct res *r)
{
    if (r->st)
        sqlite3_reset(r->st);
    if (r->pr)
        r->h->pq.PQclear(r->pr);
    r->st = NULL;
    r->pr = NULL;
}

static const char *q_text(struct res *r, int col)
{
    if (r->st) {
        const unsigned char *t = sqlite3_column_text(r->st, col);
        return t ? (const char *)t : "";
    }
    return r->h->pq.PQgetisnull(r->pr, r->row, col) ? "" : r->h->pq.PQgetvalue(r->pr, r->row, col);
}

/* A statement without rows (run to completion). */
static int q_exec(struct k3a_history *h, enum sql_id id, const struct param *p, int np,
                  char *msg, size_t msg_size)
{
    struct res r;
    int rc = q_run(h, id, p, np, &r, msg, msg_size);
    if (rc)
        return rc;
    if (r.st) {
        int s = sqlite3_step(r.st);
        if (s != SQLITE_DONE && s != SQLITE_ROW) {
            sqlite_msg(h, msg, msg_size);
            q_done(&r);
            return -1;
        }
    }
    q_done(&r);
    return 0;
}

/* Plain SQL text (transactions, schema). */
static int exec_sql(struct k3a_history *h, const char *sql, char *msg, size_t msg_size)
{
    if (!h->pg) {
        if (sqlite3_exec(h->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
            sqlite_msg(h, msg, msg_size);
            return -1;
        }
        return 0;
    } else {
        PGresult *pr = h->pq.PQexec(h->pc, sql);
        ExecStatusType es = h->pq.PQresultStatus(pr);
        if (es != PGRES_COMMAND_OK && es != PGRES_TUPLES_OK) {
            char m[300];
            pg_msg(h->pq.PQresultErrorMessage(pr), m, sizeof(m));
            snprintf(msg, msg_size, "%s: %s", h->where, m);
            h->pq.PQclear(pr);
            return -1;
        }
        h->pq.PQclear(pr);
        return 0;
    }
}

static int tx_begin(struct k3a_history *h, char *msg, size_t n)
{
    /* SQLite: take the write lock now, so a busy store waits here (busy
     * timeout) rather than failing at the first write */
    return exec_sql(h, h->pg ? "BEGIN" : "BEGIN IMMEDIATE", msg, n);
}

static void tx_rollback(struct k3a_history *h)
{
    char m[8];
    (void)exec_sql(h, "ROLLBACK", m, sizeof(m));
}

/* ---- rows ------------------------------------------------------------ */

void k3a_rows_release(struct k3a_rows *t)
{
    size_t i;
    if (!t)
        return;
    for (i = 0; t->cell && i < t->n * t->ncols; i++)
        free(t->cell[i]);
    free(t->cell);
    memset(t, 0, sizeof(*t));
}

static enum k3a_status query_rows(struct k3a_history *h, enum sql_id id,
                                  const struct param *p, int np, size_t ncols,
                                  struct k3a_rows *t, char *msg, size_t msg_size)
{
    struct res r;
    size_t cap = 0, c;
    int rc;

    memset(t, 0, sizeof(*t));
    t->ncols = ncols;
    if (q_run(h, id, p, np, &r, msg, msg_size))
        return K3A_E_IO;
    while ((rc = q_next(&r, msg, msg_size)) == 1) {
        if (t->n == cap) {
            size_t nc = cap ? cap * 2 : 16;
            char **q = realloc(t->cell, nc * ncols * sizeof(*q));
            if (!q) {
                q_done(&r);
                k3a_rows_release(t);
                return K3A_E_NOMEM;
            }
            t->cell = q;
            cap = nc;
        }
        for (c = 0; c < ncols; c++) {
            char *s = strdup(q_text(&r, (int)c));
            t->cell[t->n * ncols + c] = s;
            if (!s) {
                size_t k;
                for (k = 0; k < c; k++)
                    free(t->cell[t->n * ncols + k]);
                q_done(&r);
                k3a_rows_release(t);
                return K3A_E_NOMEM;
            }
        }
        t->n++;
    }
    q_done(&r);
    if (rc < 0) {
        k3a_rows_release(t);
        return K3A_E_IO;
    }
    return K3A_OK;
}

/* ---- opening, schema ------------------------------------------------- */

const char *k3a_history_engine(const struct k3a_history *h)
{
    return h->pg ? "postgresql" : "sqlite";
}

void k3a_history_close(struct k3a_history *h)
{
    size_t i;
    if (!h)
        return;
    for (i = 0; i < Q_COUNT; i++)
        if (h->stmt[i])
            sqlite3_finalize(h->stmt[i]);
    if (h->db)
        sqlite3_close(h->db);
    if (h->pc)
        h->pq.PQfinish(h->pc);
    /* libpq stays loaded until the process ends: unloading it (and the
     * Kerberos, LDAP and TLS libraries it pulls in, with their thread-local
     * destructors) is not safe, and LeakSanitizer faults on it at exit */
    for (i = 0; i < N_BATCH; i++)
        free(h->batch_sql[i]);
    free(h);
}

/* Does a table of this name exist?  1 yes, 0 no, -1 error. */
static int has_table(struct k3a_history *h, const char *name, char *msg, size_t n)
{
    char sql[300];
    int found;

    if (!h->pg) {
        sqlite3_stmt *st;
        int rc = sqlite3_prepare_v2(h->db,
                                    "SELECT count(*) FROM sqlite_master WHERE type = "
                                    "'table' AND (name = ?1 OR ?1 = '')",
                                    -1, &st, NULL);
        if (rc == SQLITE_OK) {
            sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
            rc = sqlite3_step(st);
            found = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) > 0 : -1;
            if (found < 0)
                rc = sqlite3_errcode(h->db);
            sqlite3_finalize(st);
            if (found >= 0)
                return found;
        }
        rc = sqlite3_errcode(h->db);
        if (rc == SQLITE_NOTADB)
            snprintf(msg, n,
                     "%s: not a k3audit store (the file is not a database); "
                     "left unchanged",
                     h->where);
        else if (rc == SQLITE_CORRUPT)
            snprintf(msg, n, "%s: the store is damaged (%s); left unchanged", h->where,
                     sqlite3_errmsg(h->db));
        else
            snprintf(msg, n, "%s: cannot read the store: %s", h->where,
                     sqlite3_errmsg(h->db));
        return -1;
    }
    snprintf(sql, sizeof(sql),
             "SELECT count(*) FROM information_schema.tables WHERE table_schema = "
             "current_schema() AND table_name = '%s'",
             name);
    {
        PGresult *pr = h->pq.PQexec(h->pc, sql);
        if (h->pq.PQresultStatus(pr) != PGRES_TUPLES_OK) {
            char m[300];
            pg_msg(h->pq.PQresultErrorMessage(pr), m, sizeof(m));
            snprintf(msg, n, "%s: %s", h->where, m);
            h->pq.PQclear(pr);
            return -1;
        }
        found = atoi(h->pq.PQgetvalue(pr, 0, 0)) > 0;
        h->pq.PQclear(pr);
    }
    return found;
}

/* The store's schema version: 0 none (a new store), -1 error or refused. */
static int schema_version(struct k3a_history *h, char *msg, size_t n)
{
    struct k3a_rows t;
    int k = has_table(h, "k3a_schema", msg, n), v;

    if (k < 0)
        return -1;
    if (k == 0) {
        if (!h->pg) {
            int any = has_table(h, "", msg, n);
            if (any < 0)
                return -1;
            if (any) {
                snprintf(msg, n,
                         "%s: not a k3audit store (an SQLite database with other "
                         "tables); left unchanged",
                         h->where);
                return -1;
            }
        }
        return 0;
    }
    if (query_rows(h, Q_SCHEMA_VERSION, NULL, 0, 2, &t, msg, n) != K3A_OK)
        return -1;
    if (t.n != 1 || strcmp(k3a_rows_get(&t, 0, 0), STORE_MARK) != 0) {
        snprintf(msg, n, "%s: not a k3audit store (k3a_schema is not ours); left unchanged",
                 h->where);
        k3a_rows_release(&t);
        return -1;
    }
    v = atoi(k3a_rows_get(&t, 0, 1));
    k3a_rows_release(&t);
    if (v > K3A_HISTORY_SCHEMA) {
        snprintf(msg, n,
                 "%s: a store of schema version %d, newer than this k3audit "
                 "reads (%d); left unchanged: use a newer k3audit",
                 h->where, v, K3A_HISTORY_SCHEMA);
        return -1;
    }
    if (v < 1) {
        snprintf(msg, n, "%s: the store's schema version %d is not valid", h->where, v);
        return -1;
    }
    return v;
}

/* Brings the schema from version `from` to K3A_HISTORY_SCHEMA (inside the
 * caller's transaction).  Version 0 is an empty store. */
static int migrate(struct k3a_history *h, int from, char *msg, size_t n)
{
    size_t i;
    char sql[1024];

    if (from == 0)
        for (i = 0; i < sizeof(schema_v1) / sizeof(schema_v1[0]); i++) {
            const char *b = h->pg ? strstr(schema_v1[i], "BLOB") : NULL;
            if (b)
                snprintf(sql, sizeof(sql), "%.*sBYTEA%s", (int)(b - schema_v1[i]),
                         schema_v1[i], b + 4);
            else
                snprintf(sql, sizeof(sql), "%s", schema_v1[i]);
            if (exec_sql(h, sql, msg, n))
                return -1;
        }
    /* later versions: one step each, e.g.
     * if (from <= 1) ALTER TABLE ...; UPDATE k3a_schema SET version = 2 */
    return 0;
}

static int prepare_schema(struct k3a_history *h, char *msg, size_t n)
{
    int v = schema_version(h, msg, n);

    if (v < 0)
        return -1;
    if (v == K3A_HISTORY_SCHEMA)
        return 0;
    if (!h->pg &&
        exec_sql(h, "PRAGMA journal_mode = WAL", msg, n)) /* before the first write */
        return -1;
    if (tx_begin(h, msg, n))
        return -1;
    /* PostgreSQL: one creator at a time; SQLite's BEGIN IMMEDIATE does it */
    if (h->pg && exec_sql(h, "SELECT pg_advisory_xact_lock(730518)", msg, n))
        goto fail;
    v = schema_version(h, msg, n); /* another writer may have made it */
    if (v < 0)
        goto fail;
    if (v < K3A_HISTORY_SCHEMA && migrate(h, v, msg, n))
        goto fail;
    if (exec_sql(h, "COMMIT", msg, n))
        goto fail;
    return 0;
fail:
    tx_rollback(h);
    return -1;
}

/* "INSERT ... VALUES ($1..$cols), ($cols+1 ...) ..." of ROW_BATCH rows
 * from the one-row statement; malloc'd. */
static char *batch_sql(const char *one, int cols)
{
    const char *v = strstr(one, "VALUES");
    size_t cap = (size_t)(v - one) + 16 + (size_t)(ROW_BATCH * cols) * 8, len;
    char *out = malloc(cap);
    int row, col;

    if (!out)
        return NULL;
    len = (size_t)snprintf(out, cap, "%.*sVALUES ", (int)(v - one), one);
    for (row = 0; row < ROW_BATCH; row++)
        for (col = 0; col < cols; col++)
            len += (size_t)snprintf(out + len, cap - len, "%s$%d%s",
                                    col ? "" : row ? ", (" : "(", row * cols + col + 1,
                                    col == cols - 1 ? ")" : ", ");
    return out;
}

/* Rows of one table gathered and inserted ROW_BATCH at a time (the rest
 * one by one at the end); text parameters are copied, since the callers
 * reuse their buffers. */
struct batcher {
    struct k3a_history *h;
    enum sql_id one, many;
    int cols;
    size_t n;
    struct param p[ROW_BATCH * 8];
    char *own[ROW_BATCH * 8];
};

static void batch_init(struct batcher *b, struct k3a_history *h, enum sql_id one,
                       enum sql_id many, int cols)
{
    memset(b, 0, sizeof(*b));
    b->h = h;
    b->one = one;
    b->many = many;
    b->cols = cols;
}

static void batch_clear(struct batcher *b)
{
    size_t k;
    for (k = 0; k < b->n * (size_t)b->cols; k++) {
        free(b->own[k]);
        b->own[k] = NULL;
    }
    b->n = 0;
}

static int batch_flush(struct batcher *b, char *msg, size_t n)
{
    size_t k;
    int rc = 0;

    if (b->n == ROW_BATCH)
        rc = q_exec(b->h, b->many, b->p, ROW_BATCH * b->cols, msg, n);
    else
        for (k = 0; k < b->n && !rc; k++)
            rc = q_exec(b->h, b->one, &b->p[k * (size_t)b->cols], b->cols, msg, n);
    batch_clear(b);
    return rc;
}

static int batch_add(struct batcher *b, const struct param *row, char *msg, size_t n)
{
    size_t base = b->n * (size_t)b->cols;
    int c;

    for (c = 0; c < b->cols; c++) {
        b->p[base + (size_t)c] = row[c];
        if (row[c].t == P_TEXT) {
            char *copy = strdup(row[c].s);
            if (!copy) {
                b->n++;
                batch_clear(b);
                snprintf(msg, n, "out of memory");
                return -1;
            }
            b->own[base + (size_t)c] = copy;
            b->p[base + (size_t)c].s = copy;
        }
    }
    b->n++;
    return b->n == ROW_BATCH ? batch_flush(b, msg, n) : 0;
}

/* Loads libpq; returns 0, or -1 with msg. */
static int pq_load(struct pq_api *pq, char *msg, size_t n)
{
    static const char *const names[] = { "libpq.so.5", "libpq.so" };
    size_t i;
    void *sym;

    for (i = 0; i < 2 && !pq->lib; i++)
        pq->lib = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (!pq->lib) {
        snprintf(msg, n,
                 "the PostgreSQL client library (libpq.so.5) cannot be loaded: %s; "
                 "install it (Debian: apt-get install libpq5)",
                 dlerror());
        return -1;
    }
#define K3A_X(ret, name, args)                                               \
    sym = dlsym(pq->lib, #name);                                             \
    if (!sym) {                                                              \
        snprintf(msg, n, "libpq.so.5 lacks %s", #name);                      \
        return -1;                                                           \
    }                                                                        \
    memcpy(&pq->name, &sym, sizeof(sym));
    K3A_PQ_API(K3A_X)
#undef K3A_X
    return 0;
}

enum k3a_status k3a_history_open(struct k3a_history **hp, const char *where,
                                 char *msg, size_t msg_size)
{
    struct k3a_history *h;

    *hp = NULL;
    msg[0] = '\0';
    h = calloc(1, sizeof(*h));
    if (!h) {
        snprintf(msg, msg_size, "out of memory");
        return K3A_E_NOMEM;
    }
    where_for_messages(where, h->where, sizeof(h->where));
    {
        static const enum sql_id one[N_BATCH] = { Q_FINDING_INSERT, Q_VALUE_INSERT,
                                                  Q_DUE_INSERT };
        static const int cols[N_BATCH] = { FINDING_COLS, 7, 6 };
        int k;
        for (k = 0; k < N_BATCH; k++)
            if (!(h->batch_sql[k] = batch_sql(sql_text[one[k]], cols[k]))) {
                snprintf(msg, msg_size, "out of memory");
                k3a_history_close(h);
                return K3A_E_NOMEM;
            }
    }
    if (is_pg_url(where)) {
        char m[300];
        h->pg = 1;
        if (pq_load(&h->pq, msg, msg_size)) {
            k3a_history_close(h);
            return K3A_E_IO;
        }
        h->pc = h->pq.PQconnectdb(where);
        if (!h->pc || h->pq.PQstatus(h->pc) != CONNECTION_OK) {
            pg_msg(h->pc ? h->pq.PQerrorMessage(h->pc) : "out of memory", m, sizeof(m));
            snprintf(msg, msg_size, "cannot connect to the PostgreSQL store %s: %s",
                     h->where, m);
            k3a_history_close(h);
            return K3A_E_IO;
        }
        if (exec_sql(h, "SET client_min_messages = warning", msg, msg_size)) {
            k3a_history_close(h);
            return K3A_E_IO;
        }
    } else {
        struct stat st;
        if (stat(where, &st) == 0 && !S_ISREG(st.st_mode)) {
            snprintf(msg, msg_size, "%s: not a regular file", h->where);
            k3a_history_close(h);
            return K3A_E_IO;
        }
        if (sqlite3_open_v2(where, &h->db,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                                SQLITE_OPEN_NOMUTEX,
                            NULL) != SQLITE_OK) {
            snprintf(msg, msg_size, "%s: cannot open the store: %s", h->where,
                     h->db ? sqlite3_errmsg(h->db) : "out of memory");
            k3a_history_close(h);
            return K3A_E_IO;
        }
        sqlite3_busy_timeout(h->db, 60000);
        {
            /* WAL kept between runs and checkpointed by SQLite every
             * 1000 pages rather than at each close: an audit's commit then
             * costs no fsync (synchronous = NORMAL), a kill -9 still loses
             * nothing committed */
            int persist = 1;
            sqlite3_db_config(h->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
            sqlite3_file_control(h->db, "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
        }
        sqlite3_extended_result_codes(h->db, 0);
    }
    if (prepare_schema(h, msg, msg_size)) {
        k3a_history_close(h);
        return K3A_E_IO;
    }
    if (!h->pg &&
        (exec_sql(h, "PRAGMA journal_mode = WAL", msg, msg_size) ||
         exec_sql(h, "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON", msg,
                  msg_size))) {
        k3a_history_close(h);
        return K3A_E_IO;
    }
    *hp = h;
    return K3A_OK;
}

const char *k3a_history_site_id(const struct k3a_site *site)
{
    if (site->site.id && site->site.id[0])
        return site->site.id;
    return site->site.name ? site->site.name : "";
}

/* ---- what an audit keeps --------------------------------------------- */

static void date_str(struct k3a_date d, char out[11])
{
    if (d.y)
        snprintf(out, 11, "%04u-%02u-%02u", (unsigned)d.y % 10000u, (unsigned)d.m % 100u,
                 (unsigned)d.d % 100u);
    else
        out[0] = '\0';
}

static int parse_date(const char *s, struct k3a_date *d)
{
    int y, m, dd;
    if (sscanf(s, "%4d-%2d-%2d", &y, &m, &dd) != 3)
        return -1;
    d->y = y;
    d->m = m;
    d->d = dd;
    return 0;
}

static const char *verdict_name(enum k3a_verdict v)
{
    return v == K3A_FAIL ? "fail" : v == K3A_WARN ? "warn" : "pass";
}

static struct k3a_date add_months(struct k3a_date d, int months)
{
    static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int total = d.y * 12 + (d.m - 1) + months, last;
    d.y = total / 12;
    d.m = total % 12 + 1;
    last = mdays[d.m - 1] + (d.m == 2 && ((d.y % 4 == 0 && d.y % 100 != 0) || d.y % 400 == 0));
    if (d.d > last)
        d.d = last;
    return d;
}

/* The risk's identity across audits: the rule (or [hazard]) and element. */
static void risk_key(const struct k3a_results *r, const struct k3a_risk *q, char *out,
                     size_t n)
{
    if (q->rule && q->rule->hdr.name)
        snprintf(out, n, "%s", q->rule->hdr.name);
    else if (q->hazard_idx >= 0 && (size_t)q->hazard_idx < r->site->n_hazards)
        snprintf(out, n, "hazard %s", r->site->hazards[q->hazard_idx].hdr.name);
    else
        snprintf(out, n, "%s", q->hazard_en ? q->hazard_en : "");
}

static void models_versions(const struct k3a_models *m, char *out, size_t n)
{
    size_t i, len = 0;
    out[0] = '\0';
    for (i = 0; m && i < m->n && len + 1 < n; i++) {
        char hex[65];
        int w;
        const char *base = strrchr(m->files[i].file, '/');
        k3a__hex(m->files[i].sha256, 32, hex);
        w = snprintf(out + len, n - len, "%s%s %s %.12s", i ? "; " : "",
                     base ? base + 1 : m->files[i].file,
                     m->files[i].meta.version ? m->files[i].meta.version : "-", hex);
        if (w < 0 || (size_t)w >= n - len)
            break;
        len += (size_t)w;
    }
}

struct audit_key {
    const char *site;
    char date[11];
    long long rev, id; /* id: k3a_audit.audit_id, what the rows refer to */
};

static int put_value(struct batcher *h, const struct audit_key *a,
                     const char *element, const char *q, double v, const char *unit,
                     struct k3a_date test_date, double limit, char *msg, size_t n)
{
    char td[11];
    struct param p[7];
    if (!isfinite(v))
        return 0;
    date_str(test_date, td);
    p[0] = pi_(a->id);
    p[1] = pt(element);
    p[2] = pt(q);
    p[3] = pd(v);
    p[4] = pt(unit);
    p[5] = pt(td);
    p[6] = pd(limit);
    return batch_add(h, p, msg, n);
}

static int put_due(struct batcher *h, const struct audit_key *a, const char *what,
                   const char *element, struct k3a_date due, const char *detail,
                   const char *detail_id, char *msg, size_t n)
{
    char dd[11];
    struct param p[6];
    if (!due.y)
        return 0;
    date_str(due, dd);
    p[0] = pi_(a->id);
    p[1] = pt(what);
    p[2] = pt(element);
    p[3] = pt(dd);
    p[4] = pt(detail);
    p[5] = pt(detail_id);
    return batch_add(h, p, msg, n);
}

static int put_rows(struct k3a_history *h, struct batcher *vb, struct batcher *db,
                    const struct audit_key *a, const struct k3a_results *r, char *msg,
                    size_t n);

static int put_results(struct k3a_history *h, const struct audit_key *a,
                       const struct k3a_results *r, char *msg, size_t n)
{
    struct batcher *vb = malloc(sizeof(*vb)), *db = malloc(sizeof(*db));
    int rc = -1;

    if (vb && db) {
        batch_init(vb, h, Q_VALUE_INSERT, Q_VALUE_BATCH, 7);
        batch_init(db, h, Q_DUE_INSERT, Q_DUE_BATCH, 6);
        rc = put_rows(h, vb, db, a, r, msg, n);
        if (!rc)
            rc = batch_flush(vb, msg, n);
        if (!rc)
            rc = batch_flush(db, msg, n);
        batch_clear(vb);
        batch_clear(db);
    } else {
        snprintf(msg, n, "out of memory");
    }
    free(vb);
    free(db);
    return rc;
}

static int put_rows(struct k3a_history *h, struct batcher *vb, struct batcher *db,
                    const struct audit_key *a, const struct k3a_results *r, char *msg,
                    size_t n)
{
    const struct k3a_site *s = r->site;
    char el[256], key[160], detail[256], detail_id[256];
    struct param batch[FINDING_BATCH * FINDING_COLS];
    size_t i;

#define V(elem, q, v, unit, td, lim)                                         \
    do {                                                                     \
        if (put_value(vb, a, elem, q, v, unit, td, lim, msg, n))             \
            return -1;                                                       \
    } while (0)
    for (i = 0; r->earth && i < s->n_earthings; i++) {
        snprintf(el, sizeof(el), "earthing %s", s->earthings[i].hdr.name);
        V(el, "resistance_ohm", r->earth[i].judged_ohm, "ohm",
          s->earthings[i].meas.test_date, r->earth[i].limit_ohm);
    }
    for (i = 0; r->ir && i < s->n_insulations; i++) {
        snprintf(el, sizeof(el), "insulation %s", s->insulations[i].hdr.name);
        V(el, "min_Mohm", r->ir[i].min_Mohm, "Mohm", s->insulations[i].meas.test_date,
          r->ir[i].limit_Mohm);
    }
    for (i = 0; i < s->n_loops; i++) {
        snprintf(el, sizeof(el), "loop %s", s->loops[i].hdr.name);
        V(el, "zs_ohm", s->loops[i].zs_ohm, "ohm", s->loops[i].meas.test_date, NAN);
    }
    for (i = 0; i < s->n_rcds; i++) {
        snprintf(el, sizeof(el), "rcd %s", s->rcds[i].hdr.name);
        V(el, "trip_ms_1x", s->rcds[i].trip_ms_1x.value, "ms", s->rcds[i].meas.test_date,
          NAN);
    }
    for (i = 0; r->sc.has_case[K3A_CASE_MAX] && i < s->n_buses; i++) {
        if (!r->sc.bus[K3A_CASE_MAX][i].energized)
            continue;
        snprintf(el, sizeof(el), "bus %s", s->buses[i].hdr.name);
        V(el, "ik3_kA", r->sc.bus[K3A_CASE_MAX][i].ik3_kA, "kA", s->site.audit_date, NAN);
        if (r->arc && r->arc[i].available)
            V(el, "energy_cal_cm2", r->arc[i].out.energy_cal_cm2, "cal/cm2",
              s->site.audit_date, NAN);
    }
    for (i = 0; r->cables && i < s->n_cables; i++)
        if (r->cables[i].energized) {
            snprintf(el, sizeof(el), "cable %s", s->cables[i].hdr.name);
            V(el, "loading_pct", r->cables[i].loading_pct, "%", s->site.audit_date, 100);
        }
    for (i = 0; r->tx && i < s->n_transformers; i++)
        if (r->tx[i].energized) {
            snprintf(el, sizeof(el), "transformer %s", s->transformers[i].hdr.name);
            V(el, "loading_pct", r->tx[i].loading_pct, "%", s->site.audit_date, 100);
        }
#undef V
    for (i = 0; i < r->n_findings; i++) {
        const struct k3a_finding *f = &r->findings[i];
        struct param p[FINDING_COLS];
        int batched = i < r->n_findings - r->n_findings % FINDING_BATCH;
        p[0] = pi_(a->id);
        p[1] = pi_((long long)i);
        p[2] = pt(f->id);
        p[3] = pt(f->element);
        p[4] = pt(f->check);
        p[5] = f->has_measured ? pd(f->measured) : pd(NAN);
        p[6] = f->has_limit ? pd(f->limit) : pd(NAN);
        p[7] = pt(f->unit);
        p[8] = pt(verdict_name(f->verdict));
        /* the clause of a passing check is that of the models named in
         * k3a_audit.models_versions: kept only for what failed or warned */
        p[9] = pt(f->verdict == K3A_PASS ? "" : f->clause);
        if (batched) {
            /* whole batches first, then the rest row by row */
            memcpy(&batch[(i % FINDING_BATCH) * FINDING_COLS], p, sizeof(p));
            if (i % FINDING_BATCH == FINDING_BATCH - 1 &&
                q_exec(h, Q_FINDING_BATCH, batch, FINDING_BATCH * FINDING_COLS, msg, n))
                return -1;
        } else if (q_exec(h, Q_FINDING_INSERT, p, FINDING_COLS, msg, n)) {
            return -1;
        }
    }
    for (i = 0; i < r->n_risks; i++) {
        const struct k3a_risk *q = &r->risks[i];
        struct param p[12];
        risk_key(r, q, key, sizeof(key));
        p[0] = pi_(a->id);
        p[1] = pi_((long long)i);
        p[2] = pt(q->id);
        p[3] = pt(q->element);
        p[4] = pt(key);
        p[5] = pt(q->hazard_en);
        p[6] = pi_(q->likelihood);
        p[7] = pi_(q->severity);
        p[8] = pt(q->band ? k3a_risk_level_name(q->band->level) : "");
        p[9] = pt(q->band_after ? k3a_risk_level_name(q->band_after->level) : "");
        p[10] = pt(q->source);
        p[11] = pt(q->hazard_id);
        if (q_exec(h, Q_RISK_INSERT, p, 12, msg, n))
            return -1;
        if (q->has_control && q->due.y) {
            snprintf(detail, sizeof(detail), "%s: %s", q->id,
                     q->control_en ? q->control_en : "");
            snprintf(detail_id, sizeof(detail_id), "%s: %s", q->id,
                     q->control_id ? q->control_id : "");
            if (put_due(db, a, "control", q->element, q->due, detail, detail_id, msg, n))
                return -1;
        }
    }
    /* what falls due next: the periodic inspection (interval in the
     * limits model), lightning-protection tests, calibrations, insulation
     * projected to reach its limit */
    {
        const struct k3a_param *pi =
            r->limits ? k3a_model_param(r->limits, "inspection_interval_months") : NULL;
        const struct k3a_param *pl =
            r->limits ? k3a_model_param(r->limits, "lightning_test_interval_months")
                      : NULL;
        int months = pi ? (int)pi->value : 12, lmonths = pl ? (int)pl->value : 24;
        snprintf(detail, sizeof(detail), "%d months after %s", months, a->date);
        snprintf(detail_id, sizeof(detail_id), "%d bulan setelah %s", months, a->date);
        if (put_due(db, a, "inspection", "site", add_months(s->site.audit_date, months),
                    detail, detail_id, msg, n))
            return -1;
        for (i = 0; i < s->n_lightnings; i++) {
            struct k3a_date last = s->lightnings[i].last_test.y ? s->lightnings[i].last_test
                                                                 : s->lightnings[i].meas.test_date;
            char ld[11];
            date_str(last, ld);
            snprintf(el, sizeof(el), "lightning %s", s->lightnings[i].hdr.name);
            snprintf(detail, sizeof(detail), "%d months after the test of %s", lmonths, ld);
            snprintf(detail_id, sizeof(detail_id), "%d bulan setelah pengujian %s", lmonths,
                     ld);
            if (last.y && put_due(db, a, "lightning", el, add_months(last, lmonths), detail,
                                  detail_id, msg, n))
                return -1;
        }
        for (i = 0; i < s->n_instruments; i++) {
            const struct k3a_instrument *in = &s->instruments[i];
            struct k3a_date due = in->calibration_due;
            if (!due.y && in->calibrated.y)
                due = add_months(in->calibrated, 12);
            snprintf(el, sizeof(el), "instrument %s", in->hdr.name);
            snprintf(detail, sizeof(detail), "calibration%s%s", in->hdr.serial ? " " : "",
                     in->hdr.serial ? in->hdr.serial : "");
            snprintf(detail_id, sizeof(detail_id), "kalibrasi%s%s",
                     in->hdr.serial ? " " : "", in->hdr.serial ? in->hdr.serial : "");
            if (put_due(db, a, "calibration", el, due, detail, detail_id, msg, n))
                return -1;
        }
        for (i = 0; r->ir && i < s->n_insulations; i++)
            if (r->ir[i].has_reach) {
                snprintf(el, sizeof(el), "insulation %s", s->insulations[i].hdr.name);
                snprintf(detail, sizeof(detail),
                         "trend %.0f %%/year reaches %.3g Mohm", r->ir[i].trend_pct_per_year,
                         r->ir[i].limit_Mohm);
                snprintf(detail_id, sizeof(detail_id),
                         "tren %.0f %%/tahun mencapai %.3g Mohm",
                         r->ir[i].trend_pct_per_year, r->ir[i].limit_Mohm);
                if (put_due(db, a, "insulation", el, r->ir[i].reach, detail, detail_id, msg, n))
                    return -1;
            }
    }
    return 0;
}

/* The test hook of the kill -9 test: K3AUDIT_TEST_KILL=store kills the
 * process inside the transaction, after the rows are written and before
 * the commit. */
static void test_kill_point(void)
{
    const char *k = getenv("K3AUDIT_TEST_KILL");
    if (k && strcmp(k, "store") == 0)
        raise(SIGKILL);
}

static int store_once(struct k3a_history *h, const struct k3a_results *r,
                      const char *bytes, size_t len, const char *version, int *stored,
                      int *revision, char *msg, size_t n)
{
    const struct k3a_site *s = r->site;
    struct audit_key a;
    char sha[65], mv[2048];
    struct k3a_rows t;
    struct param p[13];
    size_t i, n_ext = 0, n_high = 0;
    int rc;

    {
        unsigned char got[32];
        k3a__sha256(bytes, len, got);
        if (memcmp(got, s->sha256, 32) != 0) {
            snprintf(msg, n, "%s: the site file changed while it was audited; not stored",
                     s->path ? s->path : "site");
            return -1;
        }
    }
    k3a__hex(s->sha256, 32, sha);
    a.site = k3a_history_site_id(s);
    date_str(s->site.audit_date, a.date);
    if ((rc = tx_begin(h, msg, n)) != 0)
        return rc;
    p[0] = pt(a.site);
    p[1] = pt(s->site.name);
    if ((rc = q_exec(h, Q_SITE_UPSERT, p, 2, msg, n)) != 0)
        goto fail;
    p[1] = pt(a.date);
    if (query_rows(h, Q_LATEST_OF_DATE, p, 2, 2, &t, msg, n) != K3A_OK) {
        rc = -1;
        goto fail;
    }
    a.rev = t.n ? atoll(k3a_rows_get(&t, 0, 0)) + 1 : 1;
    if (t.n && strcmp(k3a_rows_get(&t, 0, 1), sha) == 0) {
        /* the same site, date and bytes: nothing new */
        *stored = 0;
        *revision = (int)(a.rev - 1);
        k3a_rows_release(&t);
        tx_rollback(h);
        return 0;
    }
    k3a_rows_release(&t);
    p[0] = pt(sha);
    p[1] = pb(bytes, len);
    if ((rc = q_exec(h, Q_FILE_INSERT, p, 2, msg, n)) != 0)
        goto fail;
    for (i = 0; i < r->n_risks; i++) {
        n_ext += r->risks[i].band && r->risks[i].band->level == K3A_RISK_EXTREME;
        n_high += r->risks[i].band && r->risks[i].band->level == K3A_RISK_HIGH;
    }
    models_versions(r->models, mv, sizeof(mv));
    if (query_rows(h, Q_NEXT_ID, NULL, 0, 1, &t, msg, n) != K3A_OK || t.n != 1) {
        k3a_rows_release(&t);
        rc = -1;
        goto fail;
    }
    a.id = atoll(k3a_rows_get(&t, 0, 0));
    k3a_rows_release(&t);
    p[0] = pt(a.site);
    p[1] = pt(a.date);
    p[2] = pi_(a.rev);
    p[3] = pt(sha);
    p[4] = pt(mv);
    p[5] = pt(version);
    p[6] = pt(r->n_fail ? "fail" : r->n_warn ? "warn" : r->n_pass ? "pass" : "none");
    p[7] = pi_((long long)r->n_fail);
    p[8] = pi_((long long)r->n_warn);
    p[9] = pi_((long long)r->n_pass);
    p[10] = pi_((long long)n_ext);
    p[11] = pi_((long long)n_high);
    p[12] = pi_(a.id);
    if ((rc = q_exec(h, Q_AUDIT_INSERT, p, 13, msg, n)) != 0)
        goto fail;
    if ((rc = put_results(h, &a, r, msg, n)) != 0)
        goto fail;
    test_kill_point();
    if ((rc = exec_sql(h, "COMMIT", msg, n)) != 0)
        goto fail;
    *stored = 1;
    *revision = (int)a.rev;
    return 0;
fail:
    tx_rollback(h);
    return rc;
}

enum k3a_status k3a_history_store(struct k3a_history *h, const struct k3a_results *r,
                                  const char *bytes, size_t len,
                                  const char *program_version, int *stored,
                                  int *revision, char *msg, size_t msg_size)
{
    int attempt, rc = -1;

    *stored = 0;
    *revision = 0;
    for (attempt = 0; attempt < 8; attempt++) {
        rc = store_once(h, r, bytes, len, program_version, stored, revision, msg,
                        msg_size);
        if (rc != -2) /* -2: a concurrent writer took the same revision */
            break;
    }
    return rc ? K3A_E_IO : K3A_OK;
}

/* ---- the previous audit ---------------------------------------------- */

struct mkey;

struct k3a_history_prev {
    int has;
    char date[11], sha[65];
    struct k3a_rows vals;  /* element, quantity, value, test_date, audit_date */
    struct mkey *vk;       /* vals' rows by element, quantity, audit_date */
    struct k3a_rows finds; /* element, check, verdict, measured, unit, finding_id */
    struct k3a_rows risks; /* element, hazard, level, likelihood, severity, source,
                              hazard_text, hazard_text_id */
};

/* Matching by (a, b) and occurrence: a sorted list of keys per side,
 * merged; O(n log n) for the 100k-bus sites' findings. */
struct mkey {
    const char *a, *b;
    size_t i;
};

static int mkey_cmp(const void *x, const void *y)
{
    const struct mkey *p = x, *q = y;
    int c = strcmp(p->a, q->a);
    if (!c)
        c = strcmp(p->b, q->b);
    if (!c)
        c = p->i < q->i ? -1 : p->i > q->i;
    return c;
}

/* Pairs the k-th key (a, b) of one side with the k-th of the other:
 * l2r[i] = the right index matched to left i, r2l the reverse; -1 none.
 * Both key arrays are sorted here.  Returns 0, or -1 out of memory. */
static int match_keys(struct mkey *l, size_t nl, struct mkey *r, size_t nr, long *l2r,
                      long *r2l)
{
    size_t i = 0, j = 0, k;

    for (k = 0; k < nl; k++)
        l2r[k] = -1;
    for (k = 0; k < nr; k++)
        r2l[k] = -1;
    qsort(l, nl, sizeof(*l), mkey_cmp);
    qsort(r, nr, sizeof(*r), mkey_cmp);
    while (i < nl && j < nr) {
        int c = strcmp(l[i].a, r[j].a);
        if (!c)
            c = strcmp(l[i].b, r[j].b);
        if (c < 0) {
            i++;
        } else if (c > 0) {
            j++;
        } else {
            size_t i0 = i, j0 = j;
            while (i < nl && strcmp(l[i].a, l[i0].a) == 0 && strcmp(l[i].b, l[i0].b) == 0)
                i++;
            while (j < nr && strcmp(r[j].a, r[j0].a) == 0 && strcmp(r[j].b, r[j0].b) == 0)
                j++;
            for (k = 0; i0 + k < i && j0 + k < j; k++) {
                l2r[l[i0 + k].i] = (long)r[j0 + k].i;
                r2l[r[j0 + k].i] = (long)l[i0 + k].i;
            }
        }
    }
    return 0;
}

/* The first key of the sorted array with (a, b), or n. */
static size_t mkey_lower(const struct mkey *k, size_t n, const char *a, const char *b)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(k[mid].a, a);
        if (!c)
            c = strcmp(k[mid].b, b);
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void k3a_history_prev_free(struct k3a_history_prev *p)
{
    if (!p)
        return;
    k3a_rows_release(&p->vals);
    free(p->vk);
    k3a_rows_release(&p->finds);
    k3a_rows_release(&p->risks);
    free(p);
}

enum k3a_status k3a_history_record(struct k3a_history *h, const char *site_id,
                                   const char *date, int revision,
                                   struct k3a_history_prev **pp, char *msg,
                                   size_t msg_size)
{
    struct k3a_history_prev *p = calloc(1, sizeof(*p));
    struct param q[3];
    enum k3a_status st;

    *pp = NULL;
    if (!p)
        return K3A_E_NOMEM;
    p->has = 1;
    snprintf(p->date, sizeof(p->date), "%s", date);
    q[0] = pt(site_id);
    q[1] = pt(date);
    q[2] = pi_(revision);
    if ((st = query_rows(h, Q_PREV_FINDINGS, q, 3, 6, &p->finds, msg, msg_size)) != K3A_OK ||
        (st = query_rows(h, Q_PREV_RISKS, q, 3, 8, &p->risks, msg, msg_size)) != K3A_OK) {
        k3a_history_prev_free(p);
        return st;
    }
    *pp = p;
    return K3A_OK;
}

enum k3a_status k3a_history_previous(struct k3a_history *h, const struct k3a_site *site,
                                     struct k3a_history_prev **pp, char *msg,
                                     size_t msg_size)
{
    struct k3a_history_prev *p = calloc(1, sizeof(*p));
    struct param q[3];
    struct k3a_rows t;
    char date[11];
    enum k3a_status st;

    *pp = NULL;
    if (!p)
        return K3A_E_NOMEM;
    date_str(site->site.audit_date, date);
    q[0] = pt(k3a_history_site_id(site));
    q[1] = pt(date);
    if ((st = query_rows(h, Q_PREV_AUDIT, q, 2, 3, &t, msg, msg_size)) != K3A_OK)
        goto fail;
    if (t.n) {
        long long rev = atoll(k3a_rows_get(&t, 0, 1));
        p->has = 1;
        snprintf(p->date, sizeof(p->date), "%s", k3a_rows_get(&t, 0, 0));
        snprintf(p->sha, sizeof(p->sha), "%s", k3a_rows_get(&t, 0, 2));
        k3a_rows_release(&t);
        if ((st = query_rows(h, Q_PREV_VALUES, q, 2, 5, &p->vals, msg, msg_size)) != K3A_OK)
            goto fail;
        if (p->vals.n) {
            size_t k;
            p->vk = malloc(p->vals.n * sizeof(*p->vk));
            if (!p->vk) {
                st = K3A_E_NOMEM;
                goto fail;
            }
            for (k = 0; k < p->vals.n; k++) {
                p->vk[k].a = k3a_rows_get(&p->vals, k, 0);
                p->vk[k].b = k3a_rows_get(&p->vals, k, 1);
                p->vk[k].i = k; /* rows come by date: a group keeps that order */
            }
            qsort(p->vk, p->vals.n, sizeof(*p->vk), mkey_cmp);
        }
        q[1] = pt(p->date);
        q[2] = pi_(rev);
        if ((st = query_rows(h, Q_PREV_FINDINGS, q, 3, 6, &p->finds, msg, msg_size)) !=
                K3A_OK ||
            (st = query_rows(h, Q_PREV_RISKS, q, 3, 8, &p->risks, msg, msg_size)) != K3A_OK)
            goto fail;
    } else {
        k3a_rows_release(&t);
    }
    *pp = p;
    return K3A_OK;
fail:
    k3a_history_prev_free(p);
    return st;
}

static enum k3a_status feed_dated(const struct k3a_history_prev *p, const char *element,
                                  const char *quantity, struct k3a_dated *d)
{
    size_t i, i0, n = 0, k = 0;

    if (!p->vk)
        return K3A_OK;
    i0 = mkey_lower(p->vk, p->vals.n, element, quantity);
    for (i = i0; i < p->vals.n && strcmp(p->vk[i].a, element) == 0 &&
                 strcmp(p->vk[i].b, quantity) == 0;
         i++)
        n++;
    if (!n)
        return K3A_OK;
    d->date = calloc(n, sizeof(*d->date));
    d->value = calloc(n, sizeof(*d->value));
    if (!d->date || !d->value) {
        free(d->date);
        free(d->value);
        d->date = NULL;
        d->value = NULL;
        return K3A_E_NOMEM;
    }
    for (i = i0; i < i0 + n; i++) {
        size_t row = p->vk[i].i;
        const char *td = k3a_rows_get(&p->vals, row, 3);
        if (parse_date(td[0] ? td : k3a_rows_get(&p->vals, row, 4), &d->date[k]))
            continue;
        d->value[k++] = strtod(k3a_rows_get(&p->vals, row, 2), NULL);
    }
    d->n = k;
    return K3A_OK;
}

enum k3a_status k3a_history_feed(const struct k3a_history_prev *p, struct k3a_site *site)
{
    size_t i;
    char el[256];

    if (!p || !p->has)
        return K3A_OK;
    for (i = 0; i < site->n_insulations; i++) {
        struct k3a_insulation *t = &site->insulations[i];
        if (t->previous_Mohm.n || k3a_elem_given(K3A_KIND_INSULATION, &t->hdr,
                                                 "previous_Mohm"))
            continue; /* the file's values win */
        snprintf(el, sizeof(el), "insulation %s", t->hdr.name);
        if (feed_dated(p, el, "min_Mohm", &t->previous_Mohm) != K3A_OK)
            return K3A_E_NOMEM;
    }
    for (i = 0; i < site->n_earthings; i++) {
        struct k3a_earthing *e = &site->earthings[i];
        if (e->previous_ohm.n || k3a_elem_given(K3A_KIND_EARTHING, &e->hdr, "previous_ohm"))
            continue;
        snprintf(el, sizeof(el), "earthing %s", e->hdr.name);
        if (feed_dated(p, el, "resistance_ohm", &e->previous_ohm) != K3A_OK)
            return K3A_E_NOMEM;
    }
    if (!site->site.previous_inspection.y)
        (void)parse_date(p->date, &site->site.previous_inspection);
    return K3A_OK;
}

/* ---- changes --------------------------------------------------------- */

void k3a_changes_init(struct k3a_changes *c)
{
    memset(c, 0, sizeof(*c));
}

void k3a_changes_release(struct k3a_changes *c)
{
    size_t i;
    for (i = 0; i < c->n; i++) {
        free(c->v[i].element);
        free(c->v[i].check);
        free(c->v[i].check_id);
        free(c->v[i].before);
        free(c->v[i].after);
        free(c->v[i].reason);
    }
    free(c->v);
    memset(c, 0, sizeof(*c));
}

const char *k3a_change_kind_name(enum k3a_change_kind k)
{
    static const char *const names[] = { "new", "closed", "worse", "better", "same" };
    return (unsigned)k < 5 ? names[k] : "";
}

static int add_change(struct k3a_changes *c, enum k3a_change_what what,
                      enum k3a_change_kind kind, const char *element, const char *check,
                      const char *check_id, const char *before, const char *after, double bv, double av,
                      const char *reason)
{
    struct k3a_change *x;
    if (c->n == c->cap) {
        size_t nc = c->cap ? c->cap * 2 : 16;
        void *q = realloc(c->v, nc * sizeof(*c->v));
        if (!q)
            return -1;
        c->v = q;
        c->cap = nc;
    }
    x = &c->v[c->n];
    x->what = what;
    x->kind = kind;
    x->before_v = bv;
    x->after_v = av;
    x->finding = -1;
    x->element = strdup(element ? element : "");
    x->check = strdup(check ? check : "");
    x->check_id = strdup(check_id ? check_id : check ? check : "");
    x->before = strdup(before ? before : "");
    x->after = strdup(after ? after : "");
    x->reason = strdup(reason ? reason : "");
    if (!x->element || !x->check || !x->check_id || !x->before || !x->after || !x->reason) {
        free(x->element);
        free(x->check);
        free(x->check_id);
        free(x->before);
        free(x->after);
        free(x->reason);
        return -1;
    }
    c->n++;
    c->n_kind[kind]++;
    return 0;
}

static int vrank(const char *v)
{
    return strcmp(v, "fail") == 0 ? 2 : strcmp(v, "warn") == 0 ? 1 : 0;
}

static int lrank(const char *l)
{
    return strcmp(l, "extreme") == 0 ? 4 : strcmp(l, "high") == 0 ? 3
         : strcmp(l, "medium") == 0  ? 2 : strcmp(l, "low") == 0 ? 1 : 0;
}

/* Findings matched with the previous audit's by element, check and
 * occurrence. */
struct fmatch {
    long *cur_prev; /* [r->n_findings]: the previous row, -1 */
    long *prev_cur; /* [p->finds.n]: the current finding, -1 */
};

static int fmatch_make(const struct k3a_history_prev *p, const struct k3a_results *r,
                       struct fmatch *m)
{
    struct mkey *l = malloc((r->n_findings + 1) * sizeof(*l));
    struct mkey *q = malloc((p->finds.n + 1) * sizeof(*q));
    size_t i;

    m->cur_prev = malloc((r->n_findings + 1) * sizeof(long));
    m->prev_cur = malloc((p->finds.n + 1) * sizeof(long));
    if (!l || !q || !m->cur_prev || !m->prev_cur) {
        free(l);
        free(q);
        free(m->cur_prev);
        free(m->prev_cur);
        return -1;
    }
    for (i = 0; i < r->n_findings; i++) {
        l[i].a = r->findings[i].element;
        l[i].b = r->findings[i].check;
        l[i].i = i;
    }
    for (i = 0; i < p->finds.n; i++) {
        q[i].a = k3a_rows_get(&p->finds, i, 0);
        q[i].b = k3a_rows_get(&p->finds, i, 1);
        q[i].i = i;
    }
    match_keys(l, r->n_findings, q, p->finds.n, m->cur_prev, m->prev_cur);
    free(l);
    free(q);
    return 0;
}

/* A finding by its id ("F0025" is the 25th), -1 when there is none. */
static long finding_by_id(const struct k3a_results *r, const char *id)
{
    long k = id[0] == 'F' ? strtol(id + 1, NULL, 10) - 1 : -1;
    size_t i;

    if (k >= 0 && (size_t)k < r->n_findings && strcmp(r->findings[k].id, id) == 0)
        return k;
    for (i = 0; i < r->n_findings; i++)
        if (strcmp(r->findings[i].id, id) == 0)
            return (long)i;
    return -1;
}

/* The same among the previous audit's rows (kept in their order). */
static long prev_by_id(const struct k3a_history_prev *p, const char *id)
{
    long k = id[0] == 'F' ? strtol(id + 1, NULL, 10) - 1 : -1;
    size_t i;

    if (k >= 0 && (size_t)k < p->finds.n && strcmp(k3a_rows_get(&p->finds, (size_t)k, 5), id) == 0)
        return k;
    for (i = 0; i < p->finds.n; i++)
        if (strcmp(k3a_rows_get(&p->finds, i, 5), id) == 0)
            return (long)i;
    return -1;
}

static void measured_text(double v, int has, const char *unit, const char *verdict,
                          char *out, size_t n)
{
    if (has && isfinite(v))
        snprintf(out, n, "%.4g%s%s (%s)", v, unit && *unit ? " " : "", unit ? unit : "",
                 verdict);
    else
        snprintf(out, n, "%s", verdict);
}

static void prev_text(const struct k3a_history_prev *p, long k, char *out, size_t n)
{
    const char *m = k3a_rows_get(&p->finds, (size_t)k, 3);
    measured_text(m[0] ? strtod(m, NULL) : NAN, m[0] != 0,
                  k3a_rows_get(&p->finds, (size_t)k, 4), k3a_rows_get(&p->finds, (size_t)k, 2),
                  out, n);
}

/* Why a risk moved: its source findings, each before and after. */
static void risk_reason(const struct k3a_history_prev *p, const struct k3a_results *r,
                        const struct fmatch *m, const char *source, const char *prev_source,
                        char *out, size_t n)
{
    size_t len = 0;
    char ids[160], *tok, *save = NULL;
    int w;

    out[0] = '\0';
    if (source) {
        snprintf(ids, sizeof(ids), "%s", source);
        for (tok = strtok_r(ids, ", ", &save); tok; tok = strtok_r(NULL, ", ", &save)) {
            long i = finding_by_id(r, tok), k;
            const struct k3a_finding *f;
            char b[64] = "-", a[64];
            if (i < 0)
                continue;
            f = &r->findings[i];
            k = m->cur_prev[i];
            if (k >= 0)
                prev_text(p, k, b, sizeof(b));
            measured_text(f->measured, f->has_measured, f->unit, verdict_name(f->verdict), a,
                          sizeof(a));
            w = snprintf(out + len, n - len, "%s%s %s: %s -> %s", len ? "; " : "", f->check,
                         f->element, b, a);
            if (w > 0 && (size_t)w < n - len)
                len += (size_t)w;
        }
    }
    if (!len && prev_source && *prev_source) {
        /* a risk closed: its earlier findings are gone or pass now */
        snprintf(ids, sizeof(ids), "%s", prev_source);
        for (tok = strtok_r(ids, ", ", &save); tok; tok = strtok_r(NULL, ", ", &save)) {
            long k = prev_by_id(p, tok), i;
            char b[64], a[64] = "-";
            if (k < 0)
                continue;
            prev_text(p, k, b, sizeof(b));
            i = m->prev_cur[k];
            if (i >= 0)
                measured_text(r->findings[i].measured, r->findings[i].has_measured,
                              r->findings[i].unit, verdict_name(r->findings[i].verdict), a,
                              sizeof(a));
            w = snprintf(out + len, n - len, "%s%s %s: %s -> %s", len ? "; " : "",
                         k3a_rows_get(&p->finds, (size_t)k, 1),
                         k3a_rows_get(&p->finds, (size_t)k, 0), b, a);
            if (w > 0 && (size_t)w < n - len)
                len += (size_t)w;
        }
    }
}

enum k3a_status k3a_history_compare(const struct k3a_history_prev *p,
                                    const struct k3a_results *r, struct k3a_changes *c)
{
    const struct k3a_site *s = r->site;
    struct fmatch m = { NULL, NULL };
    struct mkey *rl = NULL, *rq = NULL;
    long *rcur = NULL, *rprev = NULL;
    char before[96], after[96], reason[512], el[256];
    char (*keys)[160] = NULL;
    size_t i, k;

    if (!p || !p->has)
        return K3A_OK;
    c->has_previous = 1;
    snprintf(c->prev_date, sizeof(c->prev_date), "%s", p->date);
    snprintf(c->prev_sha256, sizeof(c->prev_sha256), "%s", p->sha);
    if (fmatch_make(p, r, &m))
        return K3A_E_NOMEM;
    /* findings: new, worse, better, same (a failing or warning check then
     * and now); closed (then failing or warning, now passing or gone) */
    for (i = 0; i < r->n_findings; i++) {
        const struct k3a_finding *f = &r->findings[i];
        long j = m.cur_prev[i];
        int now = f->verdict == K3A_FAIL ? 2 : f->verdict == K3A_WARN ? 1 : 0, then = 0;
        enum k3a_change_kind kind;
        if (j >= 0) {
            then = vrank(k3a_rows_get(&p->finds, (size_t)j, 2));
            prev_text(p, j, before, sizeof(before));
        } else {
            before[0] = '\0';
        }
        if (!now && !then)
            continue;
        if (!now)
            kind = K3A_CHG_CLOSED;
        else if (j < 0 || !then)
            kind = K3A_CHG_NEW;
        else
            kind = now > then ? K3A_CHG_WORSE : now < then ? K3A_CHG_BETTER : K3A_CHG_SAME;
        measured_text(f->measured, f->has_measured, f->unit, verdict_name(f->verdict), after,
                      sizeof(after));
        if (add_change(c, K3A_CHG_FINDING, kind, f->element, f->check, NULL, before, after, NAN,
                       NAN, NULL))
            goto nomem;
        c->v[c->n - 1].finding = (long)i;
    }
    for (k = 0; k < p->finds.n; k++) {
        if (m.prev_cur[k] >= 0 || !vrank(k3a_rows_get(&p->finds, k, 2)))
            continue;
        prev_text(p, (long)k, before, sizeof(before));
        if (add_change(c, K3A_CHG_FINDING, K3A_CHG_CLOSED, k3a_rows_get(&p->finds, k, 0),
                       k3a_rows_get(&p->finds, k, 1), NULL, before, "", NAN, NAN, NULL))
            goto nomem;
    }
    /* risks whose level moved, with what moved them: matched by element
     * and rule (or [hazard]) */
    keys = malloc((r->n_risks + 1) * sizeof(*keys));
    rl = malloc((r->n_risks + 1) * sizeof(*rl));
    rq = malloc((p->risks.n + 1) * sizeof(*rq));
    rcur = malloc((r->n_risks + 1) * sizeof(*rcur));
    rprev = malloc((p->risks.n + 1) * sizeof(*rprev));
    if (!keys || !rl || !rq || !rcur || !rprev)
        goto nomem;
    for (i = 0; i < r->n_risks; i++) {
        risk_key(r, &r->risks[i], keys[i], sizeof(keys[i]));
        rl[i].a = r->risks[i].element;
        rl[i].b = keys[i];
        rl[i].i = i;
    }
    for (k = 0; k < p->risks.n; k++) {
        rq[k].a = k3a_rows_get(&p->risks, k, 0);
        rq[k].b = k3a_rows_get(&p->risks, k, 1);
        rq[k].i = k;
    }
    match_keys(rl, r->n_risks, rq, p->risks.n, rcur, rprev);
    for (i = 0; i < r->n_risks; i++) {
        const struct k3a_risk *q = &r->risks[i];
        const char *lv = q->band ? k3a_risk_level_name(q->band->level) : "";
        long j = rcur[i];
        if (j >= 0) {
            const char *plv = k3a_rows_get(&p->risks, (size_t)j, 2);
            if (lrank(plv) == lrank(lv))
                continue;
            snprintf(before, sizeof(before), "%s (P%s S%s)", plv,
                     k3a_rows_get(&p->risks, (size_t)j, 3),
                     k3a_rows_get(&p->risks, (size_t)j, 4));
            snprintf(after, sizeof(after), "%s (P%d S%d)", lv, q->likelihood, q->severity);
            risk_reason(p, r, &m, q->source, NULL, reason, sizeof(reason));
            if (!reason[0])
                snprintf(reason, sizeof(reason), "P%s S%s -> P%d S%d",
                         k3a_rows_get(&p->risks, (size_t)j, 3),
                         k3a_rows_get(&p->risks, (size_t)j, 4), q->likelihood, q->severity);
            if (add_change(c, K3A_CHG_RISK,
                           lrank(lv) > lrank(plv) ? K3A_CHG_WORSE : K3A_CHG_BETTER,
                           q->element, q->hazard_en, q->hazard_id, before, after, NAN, NAN,
                           reason))
                goto nomem;
        } else {
            snprintf(after, sizeof(after), "%s (P%d S%d)", lv, q->likelihood, q->severity);
            risk_reason(p, r, &m, q->source, NULL, reason, sizeof(reason));
            if (add_change(c, K3A_CHG_RISK, K3A_CHG_NEW, q->element, q->hazard_en, q->hazard_id,
                           "", after, NAN, NAN, reason))
                goto nomem;
        }
    }
    for (k = 0; k < p->risks.n; k++) {
        if (rprev[k] >= 0)
            continue;
        snprintf(before, sizeof(before), "%s (P%s S%s)", k3a_rows_get(&p->risks, k, 2),
                 k3a_rows_get(&p->risks, k, 3), k3a_rows_get(&p->risks, k, 4));
        risk_reason(p, r, &m, NULL, k3a_rows_get(&p->risks, k, 5), reason, sizeof(reason));
        if (add_change(c, K3A_CHG_RISK, K3A_CHG_CLOSED, k3a_rows_get(&p->risks, k, 0),
                       k3a_rows_get(&p->risks, k, 6), k3a_rows_get(&p->risks, k, 7), before,
                       "", NAN, NAN, reason))
            goto nomem;
    }
    /* measurement trends: insulation per circuit, earthing per electrode,
     * against the latest earlier value */
    for (i = 0; r->earth && i < s->n_earthings + s->n_insulations; i++) {
        int ins = i >= s->n_earthings;
        size_t e = ins ? i - s->n_earthings : i;
        double now, then = NAN;
        const char *q = ins ? "min_Mohm" : "resistance_ohm";
        const char *unit = ins ? "Mohm" : "ohm";
        enum k3a_change_kind kind;
        if (ins && !r->ir)
            break;
        now = ins ? r->ir[e].min_Mohm : r->earth[e].judged_ohm;
        snprintf(el, sizeof(el), "%s %s", ins ? "insulation" : "earthing",
                 ins ? s->insulations[e].hdr.name : s->earthings[e].hdr.name);
        for (k = p->vk ? mkey_lower(p->vk, p->vals.n, el, q) : p->vals.n;
             k < p->vals.n && strcmp(p->vk[k].a, el) == 0 && strcmp(p->vk[k].b, q) == 0; k++)
            if (strcmp(k3a_rows_get(&p->vals, p->vk[k].i, 4), p->date) == 0)
                then = strtod(k3a_rows_get(&p->vals, p->vk[k].i, 2), NULL);
        if (!isfinite(now) || !isfinite(then))
            continue;
        /* a change within 1 % is the same reading */
        if (fabs(now - then) <= 0.01 * fabs(then))
            kind = K3A_CHG_SAME;
        else if (ins)
            kind = now > then ? K3A_CHG_BETTER : K3A_CHG_WORSE;
        else
            kind = now < then ? K3A_CHG_BETTER : K3A_CHG_WORSE;
        snprintf(before, sizeof(before), "%.4g %s", then, unit);
        snprintf(after, sizeof(after), "%.4g %s", now, unit);
        if (add_change(c, K3A_CHG_MEASUREMENT, kind, el, q, NULL, before, after, then, now,
                       NULL))
            goto nomem;
    }
    free(keys);
    free(rl);
    free(rq);
    free(rcur);
    free(rprev);
    free(m.cur_prev);
    free(m.prev_cur);
    return K3A_OK;
nomem:
    free(keys);
    free(rl);
    free(rq);
    free(rcur);
    free(rprev);
    free(m.cur_prev);
    free(m.prev_cur);
    return K3A_E_NOMEM;
}

/* ---- queries --------------------------------------------------------- */

enum k3a_status k3a_history_sites(struct k3a_history *h, struct k3a_rows *t, char *msg,
                                  size_t msg_size)
{
    return query_rows(h, Q_SITES, NULL, 0, 8, t, msg, msg_size);
}

enum k3a_status k3a_history_audits(struct k3a_history *h, const char *site_id,
                                   struct k3a_rows *t, char *msg, size_t msg_size)
{
    struct param p[1];
    p[0] = pt(site_id);
    return query_rows(h, Q_AUDITS, p, 1, 8, t, msg, msg_size);
}

enum k3a_status k3a_history_values(struct k3a_history *h, const char *site_id,
                                   struct k3a_rows *t, char *msg, size_t msg_size)
{
    struct param p[1];
    p[0] = pt(site_id);
    return query_rows(h, Q_VALUES, p, 1, 6, t, msg, msg_size);
}

enum k3a_status k3a_history_risks(struct k3a_history *h, const char *site_id,
                                  struct k3a_rows *t, char *msg, size_t msg_size)
{
    struct param p[1];
    p[0] = pt(site_id);
    return query_rows(h, Q_RISKS, p, 1, 6, t, msg, msg_size);
}

enum k3a_status k3a_history_due(struct k3a_history *h, const char *until,
                                struct k3a_rows *t, char *msg, size_t msg_size)
{
    struct param p[1];
    p[0] = pt(until);
    return query_rows(h, Q_DUE, p, 1, 6, t, msg, msg_size);
}

enum k3a_status k3a_history_latest(struct k3a_history *h, struct k3a_rows *t, char *msg,
                                   size_t msg_size)
{
    return query_rows(h, Q_LATEST, NULL, 0, 4, t, msg, msg_size);
}

enum k3a_status k3a_history_findings_of(struct k3a_history *h, const char *site_id,
                                        const char *date, int revision,
                                        struct k3a_rows *t, char *msg, size_t msg_size)
{
    struct param p[3];
    p[0] = pt(site_id);
    p[1] = pt(date);
    p[2] = pi_(revision);
    return query_rows(h, Q_FINDINGS_OF, p, 3, 4, t, msg, msg_size);
}

enum k3a_status k3a_history_risks_of(struct k3a_history *h, const char *site_id,
                                     const char *date, int revision, struct k3a_rows *t,
                                     char *msg, size_t msg_size)
{
    struct param p[3];
    p[0] = pt(site_id);
    p[1] = pt(date);
    p[2] = pi_(revision);
    return query_rows(h, Q_RISKS_OF, p, 3, 6, t, msg, msg_size);
}

enum k3a_status k3a_history_export(struct k3a_history *h, const char *site_id,
                                   const char *date, char **bytes, size_t *len, char *msg,
                                   size_t msg_size)
{
    struct param p[2];
    struct res r;
    int rc;

    *bytes = NULL;
    *len = 0;
    p[0] = pt(site_id);
    p[1] = pt(date ? date : "");
    if (q_run(h, Q_EXPORT, p, 2, &r, msg, msg_size))
        return K3A_E_IO;
    rc = q_next(&r, msg, msg_size);
    if (rc < 0) {
        q_done(&r);
        return K3A_E_IO;
    }
    if (rc == 0) {
        q_done(&r);
        snprintf(msg, msg_size, "%s: no audit of site '%s'%s%s in the store", h->where,
                 site_id, date ? " dated " : "", date ? date : "");
        return K3A_E_INPUT;
    }
    if (r.st) {
        const void *b = sqlite3_column_blob(r.st, 0);
        int n = sqlite3_column_bytes(r.st, 0);
        *bytes = malloc((size_t)n + 1);
        if (*bytes) {
            if (n)
                memcpy(*bytes, b, (size_t)n);
            *len = (size_t)n;
        }
    } else {
        size_t n = 0;
        unsigned char *u =
            h->pq.PQunescapeBytea((const unsigned char *)h->pq.PQgetvalue(r.pr, r.row, 0), &n);
        if (u) {
            *bytes = malloc(n + 1);
            if (*bytes) {
                memcpy(*bytes, u, n);
                *len = n;
            }
            h->pq.PQfreemem(u);
        }
    }
    q_done(&r);
    return *bytes ? K3A_OK : K3A_E_NOMEM;
}
