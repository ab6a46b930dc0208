/*
 * engine.c - the audit history's SQL layer (history.h, hist.h): one
 * interface, two engines, SQLite (embedded, the default) and PostgreSQL
 * (libpq, a Balai's shared store).  The only file of the library that
 * includes sqlite3.h and libpq-fe.h and loads libpq.
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
 * concurrent writer took the same revision number; connect, keepalive,
 * lock and statement timeouts (pg_connect, PG_WAIT_LIMITS).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libpq-fe.h>
#include <sqlite3.h>

#include "history/hist.h"

/* Only the latest revision of an audit counts. */
#define AUDIT_OF "(SELECT audit_id FROM k3a_audit WHERE site_id = $1 AND audit_date = $2 " \
                 "AND revision = $3)"
/* An audit's values (v): the rows of the range of row ids its k3a_audit
 * row (a) keeps, and of its audit_id (schema 4: no index on audit_id; the
 * rows read in the order they were written).  Its findings are read by a
 * range of row ids and its audit_id given ($1, $2, $3: query.c's
 * audit_rows, looked up once, so the engine does not join each row). */
#define VALUES_OF(v, a)                                                      \
    "k3a_value " v " JOIN k3a_audit " a " ON " v ".row_id BETWEEN " a        \
    ".first_value AND " a ".last_value AND " v ".audit_id = " a ".audit_id"
#define ROWS_OF "row_id BETWEEN $1 AND $2 AND audit_id = $3"
#define LATEST_REV(t)                                                        \
    t ".revision = (SELECT max(b.revision) FROM k3a_audit b WHERE "          \
      "b.site_id = " t ".site_id AND b.audit_date = " t ".audit_date)"

static const char *const sql_text[Q_COUNT] = {
    [Q_SCHEMA_VERSION] = "SELECT store, version FROM k3a_schema",
    /* audits with findings but no ranges: kept by an older k3audit (schema.c
     * repair_ranges) */
    [Q_RANGELESS_AUDITS] = "SELECT count(*) FROM k3a_audit WHERE last_finding < first_finding "
                           "AND n_fail + n_warn + n_pass > 0",
    [Q_SITE_UPSERT] = "INSERT INTO k3a_site (site_id, name) VALUES ($1, $2) "
                      "ON CONFLICT (site_id) DO UPDATE SET name = excluded.name",
    [Q_LATEST_OF_DATE] = "SELECT revision, inputs_sha256 FROM k3a_audit WHERE "
                         "site_id = $1 AND audit_date = $2 ORDER BY revision DESC "
                         "LIMIT 1",
    [Q_FILE_INSERT] = "INSERT INTO k3a_site_file (sha256, bytes, raw_bytes) VALUES ($1, $2, $3) "
                      "ON CONFLICT (sha256) DO NOTHING",
    [Q_AUDIT_INSERT] = "INSERT INTO k3a_audit (site_id, audit_date, revision, "
                       "inputs_sha256, models_versions, program_version, conclusion, "
                       "n_fail, n_warn, n_pass, n_extreme, n_high, audit_id) VALUES ($1, "
                       "$2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
    [Q_VALUE_INSERT] = "INSERT INTO k3a_value (audit_id, element, quantity, value, unit, "
                       "test_date, limit_value) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    [Q_FINDING_INSERT] = "INSERT INTO k3a_finding (audit_id, seq, finding_id, element, "
                         "check_name, measured, limit_value, unit, verdict, clause, title_id, "
                         "title_en, unit_en, clause_en) VALUES ($1, $2, $3, $4, $5, $6, $7, "
                         "$8, $9, $10, $11, $12, $13, $14)",
    [Q_RISK_INSERT] = "INSERT INTO k3a_risk (audit_id, seq, risk_id, element, hazard, "
                      "hazard_text, likelihood, severity, level, level_after, source, "
                      "hazard_text_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
                      "$11, $12)",
    /* a passing finding: its verdict, and the texts kept only for failing
     * and warning ones, written in the statement (fewer values bound) */
    [Q_PASSING_INSERT] = "INSERT INTO k3a_finding (audit_id, seq, finding_id, element, "
                         "check_name, measured, limit_value, unit, verdict, clause, title_id, "
                         "title_en, unit_en, clause_en) VALUES ($1, $2, $3, $4, $5, $6, $7, "
                         "$8, 'pass', '', '', '', $9, '')",
    [Q_DUE_INSERT] = "INSERT INTO k3a_due (audit_id, what, element, due_date, detail, "
                     "detail_id) VALUES ($1, $2, $3, $4, $5, $6)",
    [Q_PREV_AUDIT] = "SELECT audit_date, revision, inputs_sha256 FROM k3a_audit WHERE "
                     "site_id = $1 AND audit_date < $2 ORDER BY audit_date DESC, "
                     "revision DESC LIMIT 1",
    [Q_PREV_VALUES] = "SELECT v.element, v.quantity, v.value, v.test_date, a.audit_date "
                      "FROM " VALUES_OF("v", "a") " WHERE "
                      "a.site_id = $1 AND a.audit_date < $2 AND v.quantity IN ('resistance_ohm', "
                      "'min_Mohm') AND " LATEST_REV("a") " ORDER BY a.audit_date",
    /* in the order of the rows (no ORDER BY: sorting a 100,000-bus site's
     * 640,000 findings costs the engine more than the whole comparison;
     * query.c puts the rows in the order of seq) */
    [Q_PREV_FINDINGS] = "SELECT element, check_name, verdict, measured, unit, finding_id, "
                        "limit_value, clause, title_id, title_en, unit_en, clause_en, seq "
                        "FROM k3a_finding WHERE " ROWS_OF " AND verdict <> 'pass'",
    [Q_PREV_PASSED] = "SELECT element, check_name, verdict, measured, unit, finding_id, "
                      "limit_value, clause, title_id, title_en, unit_en, clause_en, seq "
                      "FROM k3a_finding WHERE " ROWS_OF " AND verdict = 'pass'",
    /* SQLite: the passing findings' keys, ids and row ids, to choose from
     * (query.c's k3a__hist_rest: a 100,000-bus site's 630,000 rows looked
     * at in place, five columns not thirteen), then the rows chosen, their
     * row ids a JSON array $1, their audit_id $2 */
    [Q_PREV_PASSED_KEYS] = "SELECT element, check_name, finding_id, row_id FROM k3a_finding "
                           "WHERE " ROWS_OF " AND verdict = 'pass'",
    [Q_PREV_ROWS] = "SELECT element, check_name, verdict, measured, unit, finding_id, "
                    "limit_value, clause, title_id, title_en, unit_en, clause_en, seq "
                    "FROM k3a_finding WHERE row_id IN (SELECT value FROM json_each($1)) "
                    "AND audit_id = $2",
    /* PostgreSQL: the passing findings of the keys (element, check) $4,
     * $5, and every finding of the key of a finding $6 names (query.c's
     * k3a__hist_rest; the arrays' text made there) */
    [Q_PREV_PASSED_PG] = "SELECT element, check_name, verdict, measured, unit, finding_id, "
                         "limit_value, clause, title_id, title_en, unit_en, clause_en, seq "
                         "FROM k3a_finding WHERE " ROWS_OF " AND verdict = 'pass' "
                         "AND ((element, check_name) IN (SELECT * FROM unnest($4::text[], "
                         "$5::text[])) OR (element, check_name) IN (SELECT element, check_name "
                         "FROM k3a_finding WHERE row_id BETWEEN $7 AND $8 AND audit_id = $3 "
                         "AND finding_id = ANY ($6::text[])))",
    [Q_PREV_RISKS] = "SELECT element, hazard, level, likelihood, severity, source, "
                     "hazard_text, hazard_text_id, seq FROM k3a_risk WHERE audit_id = " AUDIT_OF,
    [Q_SITES] = "SELECT a.site_id, s.name, a.audit_date, a.revision, a.conclusion, "
                "a.n_fail, a.n_extreme, (SELECT count(*) FROM k3a_audit c WHERE "
                "c.site_id = a.site_id AND c.audit_date = a.audit_date) FROM k3a_audit a "
                "JOIN k3a_site s ON s.site_id = a.site_id WHERE " LATEST_REV("a")
                " ORDER BY a.site_id, a.audit_date",
    [Q_AUDITS] = "SELECT audit_date, revision, inputs_sha256, conclusion, n_fail, "
                 "n_warn, n_extreme, program_version FROM k3a_audit WHERE site_id = $1 "
                 "ORDER BY audit_date, revision",
    [Q_VALUES] = "SELECT v.element, v.quantity, a.audit_date, v.value, v.unit, "
                 "v.limit_value FROM " VALUES_OF("v", "a") " WHERE a.site_id = $1 AND "
                 LATEST_REV("a")
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
                      "WHERE " ROWS_OF " ORDER BY seq",
    [Q_RISKS_OF] = "SELECT risk_id, element, hazard, level, level_after, hazard_text "
                   "FROM k3a_risk WHERE audit_id = " AUDIT_OF " ORDER BY seq",
    [Q_EXPORT] = "SELECT f.bytes, f.raw_bytes, a.inputs_sha256 FROM k3a_audit a JOIN k3a_site_file f ON f.sha256 = "
                 "a.inputs_sha256 WHERE a.site_id = $1 AND ($2 = '' OR a.audit_date = $2) "
                 "ORDER BY a.audit_date DESC, a.revision DESC LIMIT 1",
    [Q_NEXT_ID] = "SELECT coalesce(max(audit_id), 0) + 1 FROM k3a_audit",
    /* the last row ids of the two tables an audit's ranges are of */
    [Q_LAST_ROWS] = "SELECT coalesce((SELECT max(row_id) FROM k3a_finding), 0), "
                    "coalesce((SELECT max(row_id) FROM k3a_value), 0)",
    [Q_AUDIT_ROWS] = "UPDATE k3a_audit SET first_finding = $2, last_finding = $3, "
                     "first_passing = $4, first_value = $5, last_value = $6 WHERE audit_id = $1",
    [Q_AUDIT_RANGE] = "SELECT audit_id, first_finding, last_finding, first_passing FROM "
                      "k3a_audit WHERE site_id = $1 AND audit_date = $2 AND revision = $3",
};

/* libpq is loaded when a PostgreSQL store is opened (dlopen), so the
 * program does not load it and the libraries it needs (TLS, Kerberos,
 * LDAP) at every start: about 10 ms of each run of an SQLite audit. */
#define K3A_PQ_API(X)                                                        \
    X(PGconn *, PQconnectdbParams, (const char *const *, const char *const *, \
                                    int))                                    \
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
    X(void, PQfreemem, (void *))                                             \
    X(int, PQlibVersion, (void))

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
    sqlite3_stmt *stmt[Q_COUNT];
    unsigned char pg_prepared[Q_COUNT];
    char where[512]; /* for messages (no password) */
    void (*before_commit)(void *ctx);
    void *before_commit_ctx;
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

/* "INSERT ... VALUES (...), (...) ..." of ROW_BATCH rows from the
 * one-row statement of a batch id, of cols parameters: $1, the audit's
 * id, is the same in every row (bound once a batch); row r's $k (k > 1)
 * is $(1 + r (cols - 1) + k - 1).  Binding was a quarter of what storing
 * a row cost. */
static const enum sql_id batch_one[N_BATCH] = { Q_FINDING_INSERT, Q_VALUE_INSERT,
                                                Q_DUE_INSERT, Q_PASSING_INSERT };
static const int batch_cols[N_BATCH] = { FINDING_COLS, 7, 6, PASSING_COLS };

/* The statement's text for the engine, malloc'd: a batch spelled out, and
 * for SQLite each $N as ?N (a numbered parameter, bound by its number,
 * where SQLite looks a $name up by a linear search: a third of what
 * preparing the 384-parameter batch cost). */
static char *sql_for(const struct k3a_history *h, enum sql_id id)
{
    const char *one = id >= Q_FINDING_BATCH ? sql_text[batch_one[id - Q_FINDING_BATCH]]
                                            : sql_text[id];
    int cols = id >= Q_FINDING_BATCH ? batch_cols[id - Q_FINDING_BATCH] : 0;
    const char *v = cols ? strstr(one, "VALUES ") : NULL;
    size_t cap = strlen(one) * (cols ? ROW_BATCH + 1 : 1) + 16 + (size_t)(ROW_BATCH * cols) * 4,
           len = 0, k;
    char *out = malloc(cap);
    int row;

    if (!out)
        return NULL;
    if (!v) {
        memcpy(out, one, strlen(one) + 1);
    } else {
        len = (size_t)snprintf(out, cap, "%.*sVALUES ", (int)(v - one), one);
        for (row = 0; row < ROW_BATCH; row++) {
            const char *t = v + strlen("VALUES ");
            if (row)
                len += (size_t)snprintf(out + len, cap - len, ", ");
            while (*t) {
                if (*t == '$' && t[1] >= '0' && t[1] <= '9') {
                    char *end;
                    int n = (int)strtol(t + 1, &end, 10);
                    len += (size_t)snprintf(out + len, cap - len, "$%d",
                                            n == 1 ? 1 : 1 + row * (cols - 1) + n - 1);
                    t = end;
                } else {
                    out[len++] = *t++;
                }
            }
            out[len] = '\0';
        }
    }
    if (!h->pg)
        for (k = 0; out[k]; k++)
            if (out[k] == '$' && out[k + 1] >= '0' && out[k + 1] <= '9')
                out[k] = '?';
    return out;
}

/* k3a__db_run on SQLite: the statement prepared once per connection,
 * its parameters bound. */
static int run_sqlite(struct k3a_history *h, enum sql_id id, const struct param *p, int np,
                      struct res *r, char *msg, size_t msg_size)
{
    sqlite3_stmt *st = h->stmt[id];
    int i, rc;

    if (!st) {
        char *sql = sql_for(h, id);
        if (!sql) {
            snprintf(msg, msg_size, "out of memory");
            return -1;
        }
        rc = sqlite3_prepare_v3(h->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
        free(sql);
        if (rc != SQLITE_OK) {
            sqlite_msg(h, msg, msg_size);
            return -1;
        }
        h->stmt[id] = st;
    }
    sqlite3_reset(st);
    if (np > sqlite3_bind_parameter_count(st))
        np = sqlite3_bind_parameter_count(st);
    for (i = 0; i < np; i++) {
        int k = i + 1; /* ?N is parameter N */
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
}

/* k3a__db_run on PostgreSQL: the statement prepared once per connection,
 * run with its parameters as text (the file's bytes as binary). */
static int run_pg(struct k3a_history *h, enum sql_id id, const struct param *p, int np,
                  struct res *r, char *msg, size_t msg_size)
{
    const char *vals_s[16], **vals = vals_s;
    int lens_s[16], fmts_s[16], *lens = lens_s, *fmts = fmts_s, i;
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
        char *sql = sql_for(h, id);
        PGresult *pr = sql ? h->pq.PQprepare(h->pc, name, sql, 0, NULL) : NULL;
        free(sql);
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

int k3a__db_run(struct k3a_history *h, enum sql_id id, const struct param *p,
                 int np, struct res *r, char *msg, size_t msg_size)
{
    memset(r, 0, sizeof(*r));
    r->h = h;
    return h->pg ? run_pg(h, id, p, np, r, msg, msg_size)
                 : run_sqlite(h, id, p, np, r, msg, msg_size);
}

/* Next row: 1 a row, 0 done, -1 error. */
int k3a__db_next(struct res *r, char *msg, size_t msg_size)
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

void k3a__db_done(struct res *r)
{
    if (r->st)
        sqlite3_reset(r->st);
    if (r->pr)
        r->h->pq.PQclear(r->pr);
    r->st = NULL;
    r->pr = NULL;
}

const char *k3a__db_text(struct res *r, int col)
{
    if (r->st) {
        const unsigned char *t = sqlite3_column_text(r->st, col);
        return t ? (const char *)t : "";
    }
    return r->h->pq.PQgetisnull(r->pr, r->row, col) ? "" : r->h->pq.PQgetvalue(r->pr, r->row, col);
}

/* A statement without rows (run to completion). */
int k3a__db_exec(struct k3a_history *h, enum sql_id id, const struct param *p, int np,
                  char *msg, size_t msg_size)
{
    struct res r;
    int rc = k3a__db_run(h, id, p, np, &r, msg, msg_size);
    if (rc)
        return rc;
    if (r.st) {
        int s = sqlite3_step(r.st);
        if (s != SQLITE_DONE && s != SQLITE_ROW) {
            sqlite_msg(h, msg, msg_size);
            k3a__db_done(&r);
            return -1;
        }
    }
    k3a__db_done(&r);
    return 0;
}

/* Plain SQL text (transactions, schema). */
int k3a__db_sql(struct k3a_history *h, const char *sql, char *msg, size_t msg_size)
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

/* SQLite: the WAL journal.  Turning a new store's journal into a WAL
 * needs the store to itself, and SQLite answers "database is locked"
 * at once (its busy timeout does not wait for it) while another -j
 * worker creates the schema: it waits here, up to the busy timeout. */
int k3a__db_wal(struct k3a_history *h, char *msg, size_t n)
{
    int tries;

    for (tries = 0; tries < 6000; tries++) {
        int rc = sqlite3_exec(h->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
        if (rc == SQLITE_OK)
            return 0;
        if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
            break;
        sqlite3_sleep(10);
    }
    sqlite_msg(h, msg, n);
    return -1;
}

int k3a__db_begin(struct k3a_history *h, char *msg, size_t n)
{
    /* SQLite: take the write lock now, so a busy store waits here (busy
     * timeout) rather than failing at the first write */
    return k3a__db_sql(h, h->pg ? "BEGIN" : "BEGIN IMMEDIATE", msg, n);
}

void k3a__db_rollback(struct k3a_history *h)
{
    char m[8];
    (void)k3a__db_sql(h, "ROLLBACK", m, sizeof(m));
}

void k3a_history_before_commit(struct k3a_history *h, void (*fn)(void *ctx), void *ctx)
{
    h->before_commit = fn;
    h->before_commit_ctx = ctx;
}

void k3a__db_wal_shrink(struct k3a_history *h)
{
    if (h->pg)
        return;
    /* the commit's checkpoint copied the frames into the store already:
     * this empties the file, waiting at most 0.1 s for a reader (a
     * writer busy then leaves it for the next large audit) */
    sqlite3_busy_timeout(h->db, 100);
    (void)sqlite3_wal_checkpoint_v2(h->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
    sqlite3_busy_timeout(h->db, 60000);
}

void k3a__db_before_commit(struct k3a_history *h)
{
    if (h->before_commit)
        h->before_commit(h->before_commit_ctx);
}

#define BATCH_MIN 256

int k3a__db_batch_worth(const struct k3a_history *h, size_t rows_so_far)
{
    return h->pg || rows_so_far >= BATCH_MIN;
}

int k3a__db_is_pg(const struct k3a_history *h)
{
    return h->pg;
}

const char *k3a__db_where(const struct k3a_history *h)
{
    return h->where;
}

char *k3a__db_blob(struct res *r, int col, size_t *len)
{
    char *bytes = NULL;

    *len = 0;
    if (r->st) {
        const void *b = sqlite3_column_blob(r->st, col);
        int n = sqlite3_column_bytes(r->st, col);
        bytes = malloc((size_t)n + 1);
        if (bytes) {
            if (n)
                memcpy(bytes, b, (size_t)n);
            *len = (size_t)n;
        }
    } else {
        size_t n = 0;
        unsigned char *u = r->h->pq.PQunescapeBytea(
            (const unsigned char *)r->h->pq.PQgetvalue(r->pr, r->row, col), &n);
        if (u) {
            bytes = malloc(n + 1);
            if (bytes) {
                memcpy(bytes, u, n);
                *len = n;
            }
            r->h->pq.PQfreemem(u);
        }
    }
    return bytes;
}

/* ---- rows ------------------------------------------------------------ */

void k3a_rows_release(struct k3a_rows *t)
{
    if (!t)
        return;
    free(t->cell);
    free(t->mem);
    memset(t, 0, sizeof(*t));
}

/* The rows of a query, their text in one block (a 100,000-bus site's
 * previous audit is 640,000 findings of 10 cells: one allocation, not
 * 6.4 million). */
enum k3a_status k3a__db_rows(struct k3a_history *h, enum sql_id id, const struct param *p,
                             int np, size_t ncols, struct k3a_rows *t, char *msg,
                             size_t msg_size)
{
    return k3a__db_rows_if(h, id, p, np, ncols, NULL, NULL, t, msg, msg_size);
}

enum k3a_status k3a__db_rows_if(struct k3a_history *h, enum sql_id id, const struct param *p,
                                int np, size_t ncols,
                                int (*keep)(void *ctx, struct res *r), void *ctx,
                                struct k3a_rows *t, char *msg, size_t msg_size)
{
    struct res r;
    size_t cap = 0, mcap = 0, mlen = 0, c, i, *off = NULL;
    int rc;

    memset(t, 0, sizeof(*t));
    t->ncols = ncols;
    if (k3a__db_run(h, id, p, np, &r, msg, msg_size))
        return K3A_E_IO;
    while ((rc = k3a__db_next(&r, msg, msg_size)) == 1) {
        /* the row looked at in place (k3a__db_text): most rows of a
         * large audit are not kept, and not copied */
        if (keep && !keep(ctx, &r))
            continue;
        if (t->n == cap) {
            size_t nc = cap ? cap * 2 : 16;
            size_t *q = realloc(off, nc * ncols * sizeof(*q));
            if (!q)
                goto nomem;
            off = q;
            cap = nc;
        }
        for (c = 0; c < ncols; c++) {
            const char *s = k3a__db_text(&r, (int)c);
            size_t len = strlen(s) + 1;
            if (mlen + len > mcap) {
                size_t nm = mcap ? mcap * 2 : 4096;
                char *q;
                while (nm < mlen + len)
                    nm *= 2;
                if (!(q = realloc(t->mem, nm)))
                    goto nomem;
                t->mem = q;
                mcap = nm;
            }
            memcpy(t->mem + mlen, s, len);
            off[t->n * ncols + c] = mlen;
            mlen += len;
        }
        t->n++;
    }
    k3a__db_done(&r);
    if (rc < 0) {
        free(off);
        k3a_rows_release(t);
        return K3A_E_IO;
    }
    if (t->n) {
        if (!(t->cell = malloc(t->n * ncols * sizeof(*t->cell)))) {
            free(off);
            k3a_rows_release(t);
            return K3A_E_NOMEM;
        }
        for (i = 0; i < t->n * ncols; i++)
            t->cell[i] = t->mem + off[i];
    }
    free(off);
    return K3A_OK;
nomem:
    k3a__db_done(&r);
    free(off);
    t->n = 0;
    k3a_rows_release(t);
    return K3A_E_NOMEM;
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
    free(h);
}

/* Does a table of this name exist?  1 yes, 0 no, -1 error. */
int k3a__db_has_table(struct k3a_history *h, const char *name, char *msg, size_t n)
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

/* A Balai's shared store is reached over its network; a server that
 * stops answering must not hold an audit, and the tester waiting for it,
 * for ever.  libpq's connect timeout (s, each address of the host), TCP
 * keepalives and TCP's user timeout (ms: unacknowledged data; libpq 12
 * and later) end a dead connection in about a minute.  They are only
 * defaults: they come before the user's connection string, so a setting
 * of its own wins (PQconnectdbParams with expand_dbname: the last value
 * of a key word is used); PGCONNECT_TIMEOUT keeps libpq's connect
 * timeout, and a connection through a service file (PGSERVICE, or
 * service= in the string) takes all of them from the file. */
static PGconn *pg_connect(const struct pq_api *pq, const char *where)
{
    const char *keys[8], *vals[8];
    int n = 0;

    if (!getenv("PGSERVICE") && !strstr(where, "service=")) {
        if (!getenv("PGCONNECT_TIMEOUT")) {
            keys[n] = "connect_timeout";
            vals[n++] = "10";
        }
        keys[n] = "keepalives";
        vals[n++] = "1";
        keys[n] = "keepalives_idle";
        vals[n++] = "30";
        keys[n] = "keepalives_interval";
        vals[n++] = "10";
        keys[n] = "keepalives_count";
        vals[n++] = "3";
        if (pq->PQlibVersion() >= 120000) {
            keys[n] = "tcp_user_timeout";
            vals[n++] = "60000";
        }
    }
    keys[n] = "dbname";
    vals[n++] = where;
    keys[n] = vals[n] = NULL;
    return pq->PQconnectdbParams(keys, vals, 1);
}

/* And a server that answers but keeps us waiting: a lock held by another
 * writer is waited for up to 60 s, as SQLite's busy timeout, and one
 * statement runs at most 10 minutes.  A limit the server, database, role
 * or connection string sets, 0 (none) included, is kept: only a setting
 * still at PostgreSQL's built-in default is changed.  (Session settings
 * and prepared statements: a pooler in transaction mode is not
 * supported.)  The schema's migration waits and runs under limits of its
 * own (schema.c). */
#define PG_WAIT_LIMITS                                                          \
    "SELECT set_config(name, CASE name WHEN 'lock_timeout' THEN '60s' "         \
    "ELSE '10min' END, false) FROM pg_settings "                                \
    "WHERE name IN ('lock_timeout', 'statement_timeout') AND source = 'default'"

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
    if (is_pg_url(where)) {
        char m[300];
        h->pg = 1;
        if (pq_load(&h->pq, msg, msg_size)) {
            k3a_history_close(h);
            return K3A_E_IO;
        }
        h->pc = pg_connect(&h->pq, where);
        if (!h->pc || h->pq.PQstatus(h->pc) != CONNECTION_OK) {
            pg_msg(h->pc ? h->pq.PQerrorMessage(h->pc) : "out of memory", m, sizeof(m));
            snprintf(msg, msg_size, "cannot connect to the PostgreSQL store %s: %s",
                     h->where, m);
            k3a_history_close(h);
            return K3A_E_IO;
        }
        if (k3a__db_sql(h, "SET client_min_messages = warning", msg, msg_size) ||
            k3a__db_sql(h, PG_WAIT_LIMITS, msg, msg_size)) {
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
            /* The WAL is kept between runs (no file made and removed at
             * each run) and copied into the store once it holds 256 pages
             * (wal_autocheckpoint, passive: it never waits for other
             * writers), about ten of the example factory's audits.  Each
             * run's first connection rebuilds the WAL's index from all its
             * frames (SQLite's WAL recovery): at SQLite's default of 1000
             * pages that cost up to 23 million instructions a run, a third
             * of what storing cost the example's second year; a checkpoint
             * after every commit instead costs three fdatasync (4-12 ms
             * on this machine).  No checkpoint at close: it needs the
             * store to itself.  synchronous = FULL (set below) syncs the
             * WAL at every commit, so an audit the terminal calls stored
             * survives a power cut or an OS crash (NORMAL syncs only at a
             * checkpoint: up to 256 pages of committed audits could roll
             * back); one fdatasync per audit. */
            int persist = 1;
            sqlite3_db_config(h->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
            sqlite3_file_control(h->db, "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
        }
        sqlite3_extended_result_codes(h->db, 0);
    }
    if (k3a__hist_schema(h, msg, msg_size)) {
        k3a_history_close(h);
        return K3A_E_IO;
    }
    if (!h->pg &&
        (k3a__db_wal(h, msg, msg_size) ||
         k3a__db_sql(h,
                     "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; "
                     "PRAGMA wal_autocheckpoint = 256",
                     msg,
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

