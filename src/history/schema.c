/*
 * schema.c - the history store's schema (history.h): its version table
 * k3a_schema (the store's mark and version), the tables of each version
 * and the migrations, applied in one transaction.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "history/hist.h"

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

/* Version 2: a failing or warning finding keeps what was checked in
 * words (its title in each language the audit wrote), so that a later
 * audit can say why a risk closed when the finding's element is gone;
 * large site files are kept deflated. */
static const char *const schema_v2[] = {
    "ALTER TABLE k3a_finding ADD COLUMN title_id TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE k3a_finding ADD COLUMN title_en TEXT NOT NULL DEFAULT ''",
    /* a large site file kept deflated (zlib): raw_bytes is its size, 0
     * when bytes holds it as it is (a 100,000-bus site: 30 MB written
     * twice, into SQLite's WAL and the store, at each audit) */
    "ALTER TABLE k3a_site_file ADD COLUMN raw_bytes BIGINT NOT NULL DEFAULT 0",
    "UPDATE k3a_schema SET version = 2",
};

/* Version 3: what a finding says in words in both languages, so that an
 * audit in one language compared with one in the other names everything
 * in its own: the audit writes a failing or warning finding's title in
 * both (title_id, title_en), clause keeps the Bahasa Indonesia clause and
 * clause_en the English one, unit the unit in Bahasa Indonesia and unit_en
 * the English one ("" when the same).  A store of version 2 kept each
 * audit's texts in the language it was made in.  An English audit is
 * known by a failing or warning finding with an English title only
 * (title_en without title_id), or, when every finding passed (version 2
 * kept no titles or clauses for those), by a unit of the two that differ
 * between the languages in its English form ("months", "years": an
 * Indonesian audit wrote "bulan", "tahun"; its other units are the same
 * in both, so nothing else tells or needs telling).  Its clauses move to
 * clause_en (clause keeps the English clause as the only text there is);
 * of its units only those two differ, and they are known in both
 * languages: unit gets the Bahasa Indonesia one and unit_en the English
 * one, as an Indonesian audit's "bulan", "tahun" get theirs; every other
 * unit is the same in both, so unit_en stays "" (a store migrated before
 * this wrote unit_en = unit there, which reads the same).  "years" came
 * only with a warning (insulation_trend), whose English title already
 * tells; it stands beside "months" in the all-pass condition for
 * completeness. */
static const char *const schema_v3[] = {
    "ALTER TABLE k3a_finding ADD COLUMN clause_en TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE k3a_finding ADD COLUMN unit_en TEXT NOT NULL DEFAULT ''",
    "UPDATE k3a_finding SET clause_en = clause WHERE audit_id IN "
    "(SELECT audit_id FROM k3a_finding WHERE (title_id = '' AND title_en <> '') OR "
    "unit IN ('months', 'years'))",
    "UPDATE k3a_finding SET unit = CASE unit WHEN 'months' THEN 'bulan' ELSE 'tahun' END "
    "WHERE unit IN ('months', 'years')",
    "UPDATE k3a_finding SET unit_en = CASE unit WHEN 'bulan' THEN 'months' ELSE 'years' END "
    "WHERE unit IN ('bulan', 'tahun') AND unit_en = ''",
    "UPDATE k3a_schema SET version = 3",
};

/* Version 4: an audit's findings and values are found by the range of
 * their row ids its k3a_audit row keeps (first_finding .. last_finding,
 * first_value .. last_value; an audit without any: first above last),
 * with their audit_id, no longer by an index on audit_id; its failing and
 * warning findings are kept first and its passing ones from
 * first_passing on (NULL: an audit kept before version 4, its findings of
 * every verdict mixed in the range).  Keeping those
 * two indexes was a fifth of what storing an audit cost (a 100,000-bus
 * site's 640,000 findings and 300,000 values: a second B-tree written
 * per row; the ranges read the rows in the order they were written).
 * row_id is a column of its own (SQLite: INTEGER PRIMARY KEY, the rowid;
 * PostgreSQL: an identity), so the ids are data: a VACUUM, a dump and
 * reload keep them (SQLite may renumber a rowid that is not a column).
 * Two writers on PostgreSQL take ids in turn, so an audit's range may
 * hold another audit's rows: readers also match audit_id.  The migration
 * numbers the rows kept from 1 on, audit by audit (audit_id), so each
 * audit's range holds its own rows alone: SQLite keeps each audit's rows
 * in their rowid's order (the order they were written: a rowid stays
 * with its row, and an audit's findings were written in their order,
 * seq); on PostgreSQL, where an UPDATE (as version 3's migration) writes
 * a row anew at the table's end, an audit's findings in their order
 * (seq) and its values in the order they lie (numbered as they lay, an
 * audit whose rows moved would have a range over much of the table, read
 * whole at each look).  SQLite cannot add such a column to a table, so
 * it makes the two tables anew with every row and drops the old ones
 * (with their indexes; nothing the store held is lost), then fills the
 * ranges through an index on audit_id made for that alone; PostgreSQL
 * drops the indexes, adds the column, numbers the rows, makes it the
 * identity (its next id after the last) and fills the ranges from one
 * pass over each table. */
#define V4_RANGES(id)                                                        \
    "UPDATE k3a_audit SET "                                                  \
    "first_finding = coalesce((SELECT min(" id ") FROM k3a_finding f "       \
    "WHERE f.audit_id = k3a_audit.audit_id), 1), "                           \
    "last_finding = coalesce((SELECT max(" id ") FROM k3a_finding f "        \
    "WHERE f.audit_id = k3a_audit.audit_id), 0), "                           \
    "first_value = coalesce((SELECT min(" id ") FROM k3a_value v "           \
    "WHERE v.audit_id = k3a_audit.audit_id), 1), "                           \
    "last_value = coalesce((SELECT max(" id ") FROM k3a_value v "            \
    "WHERE v.audit_id = k3a_audit.audit_id), 0)"
static const char *const schema_v4_audit[] = {
    "ALTER TABLE k3a_audit ADD COLUMN first_finding BIGINT NOT NULL DEFAULT 1",
    "ALTER TABLE k3a_audit ADD COLUMN last_finding BIGINT NOT NULL DEFAULT 0",
    "ALTER TABLE k3a_audit ADD COLUMN first_value BIGINT NOT NULL DEFAULT 1",
    "ALTER TABLE k3a_audit ADD COLUMN last_value BIGINT NOT NULL DEFAULT 0",
    "ALTER TABLE k3a_audit ADD COLUMN first_passing BIGINT",
};
static const char *const schema_v4_sqlite[] = {
    "CREATE TABLE k3a_finding_v4 (audit_id INTEGER NOT NULL, seq INTEGER NOT NULL, "
    "finding_id TEXT NOT NULL, element TEXT NOT NULL, check_name TEXT NOT NULL, "
    "measured DOUBLE PRECISION, limit_value DOUBLE PRECISION, unit TEXT NOT NULL, "
    "verdict TEXT NOT NULL, clause TEXT NOT NULL, title_id TEXT NOT NULL DEFAULT '', "
    "title_en TEXT NOT NULL DEFAULT '', clause_en TEXT NOT NULL DEFAULT '', "
    "unit_en TEXT NOT NULL DEFAULT '', row_id INTEGER PRIMARY KEY)",
    /* (row_id not given: each row inserted, in the order of the SELECT,
     * takes the next one from 1 on) */
    "INSERT INTO k3a_finding_v4 (audit_id, seq, finding_id, element, check_name, measured, "
    "limit_value, unit, verdict, clause, title_id, title_en, clause_en, unit_en) "
    "SELECT audit_id, seq, finding_id, element, check_name, measured, limit_value, unit, "
    "verdict, clause, title_id, title_en, clause_en, unit_en FROM k3a_finding "
    "ORDER BY audit_id, rowid",
    "DROP TABLE k3a_finding",
    "ALTER TABLE k3a_finding_v4 RENAME TO k3a_finding",
    "CREATE TABLE k3a_value_v4 (audit_id INTEGER NOT NULL, element TEXT NOT NULL, "
    "quantity TEXT NOT NULL, value DOUBLE PRECISION, unit TEXT NOT NULL, "
    "test_date TEXT NOT NULL, limit_value DOUBLE PRECISION, row_id INTEGER PRIMARY KEY)",
    "INSERT INTO k3a_value_v4 (audit_id, element, quantity, value, unit, test_date, "
    "limit_value) SELECT audit_id, element, quantity, value, unit, test_date, "
    "limit_value FROM k3a_value ORDER BY audit_id, rowid",
    "DROP TABLE k3a_value",
    "ALTER TABLE k3a_value_v4 RENAME TO k3a_value",
    "CREATE INDEX k3a_finding_v4_audit ON k3a_finding (audit_id)",
    "CREATE INDEX k3a_value_v4_audit ON k3a_value (audit_id)",
    V4_RANGES("row_id"),
    "DROP INDEX k3a_finding_v4_audit",
    "DROP INDEX k3a_value_v4_audit",
    "UPDATE k3a_schema SET version = 4",
};
/* PostgreSQL: table t's rows numbered (order), then row_id its identity
 * from the next id on and its primary key */
#define V4_PG_NUMBER(t, order)                                               \
    "ALTER TABLE " t " ADD COLUMN row_id BIGINT",                            \
    "UPDATE " t " x SET row_id = o.n FROM (SELECT ctid AS at, row_number() " \
    "OVER (ORDER BY " order ") AS n FROM " t ") o WHERE x.ctid = o.at",      \
    "ALTER TABLE " t " ALTER COLUMN row_id SET NOT NULL",                    \
    "ALTER TABLE " t " ALTER COLUMN row_id ADD GENERATED BY DEFAULT AS IDENTITY", \
    "SELECT setval(pg_get_serial_sequence('" t "', 'row_id'), "              \
    "(SELECT coalesce(max(row_id), 0) + 1 FROM " t "), false)",               \
    "ALTER TABLE " t " ADD PRIMARY KEY (row_id)"
/* PostgreSQL: the ranges of the audits with rows in table t (one pass
 * over it; the others keep the columns' defaults: none) */
#define V4_PG_RANGES(t, first, last)                                         \
    "UPDATE k3a_audit a SET " first " = r.lo, " last " = r.hi FROM (SELECT " \
    "audit_id, min(row_id) AS lo, max(row_id) AS hi FROM " t " GROUP BY "    \
    "audit_id) r WHERE r.audit_id = a.audit_id"
static const char *const schema_v4_pg[] = {
    /* (first: an index kept up while every row is written anew costs a
     * third more) */
    "DROP INDEX k3a_finding_audit",
    "DROP INDEX k3a_value_audit",
    V4_PG_NUMBER("k3a_finding", "audit_id, seq, ctid"),
    V4_PG_NUMBER("k3a_value", "audit_id, ctid"),
    V4_PG_RANGES("k3a_finding", "first_finding", "last_finding"),
    V4_PG_RANGES("k3a_value", "first_value", "last_value"),
    "UPDATE k3a_schema SET version = 4",
};

#define STORE_MARK "k3audit"

/* The store's schema version: 0 none (a new store), -1 error or refused. */
static int schema_version(struct k3a_history *h, char *msg, size_t n)
{
    struct k3a_rows t;
    int k = k3a__db_has_table(h, "k3a_schema", msg, n), v;

    if (k < 0)
        return -1;
    if (k == 0) {
        if (!k3a__db_is_pg(h)) {
            int any = k3a__db_has_table(h, "", msg, n);
            if (any < 0)
                return -1;
            /* another worker may have made the store between the two
             * looks (tables only ever appear): look again */
            if (any && (k = k3a__db_has_table(h, "k3a_schema", msg, n)) != 0)
                return k < 0 ? -1 : schema_version(h, msg, n);
            if (any) {
                snprintf(msg, n,
                         "%s: not a k3audit store (an SQLite database with other "
                         "tables); left unchanged",
                         k3a__db_where(h));
                return -1;
            }
        }
        return 0;
    }
    if (k3a__db_rows(h, Q_SCHEMA_VERSION, NULL, 0, 2, &t, msg, n) != K3A_OK)
        return -1;
    if (t.n != 1 || strcmp(k3a_rows_get(&t, 0, 0), STORE_MARK) != 0) {
        snprintf(msg, n, "%s: not a k3audit store (k3a_schema is not ours); left unchanged",
                 k3a__db_where(h));
        k3a_rows_release(&t);
        return -1;
    }
    v = atoi(k3a_rows_get(&t, 0, 1));
    k3a_rows_release(&t);
    if (v > K3A_HISTORY_SCHEMA) {
        snprintf(msg, n,
                 "%s: a store of schema version %d, newer than this k3audit "
                 "reads (%d); left unchanged: use a newer k3audit",
                 k3a__db_where(h), v, K3A_HISTORY_SCHEMA);
        return -1;
    }
    if (v < 1) {
        snprintf(msg, n, "%s: the store's schema version %d is not valid", k3a__db_where(h), v);
        return -1;
    }
    return v;
}

static int run_steps(struct k3a_history *h, const char *const *steps, size_t n_steps,
                     char *msg, size_t n)
{
    size_t i;
    char sql[1024];

    for (i = 0; i < n_steps; i++) {
        const char *b = k3a__db_is_pg(h) ? strstr(steps[i], "BLOB") : NULL;
        if (b)
            snprintf(sql, sizeof(sql), "%.*sBYTEA%s", (int)(b - steps[i]), steps[i], b + 4);
        else
            snprintf(sql, sizeof(sql), "%s", steps[i]);
        if (k3a__db_sql(h, sql, msg, n))
            return -1;
    }
    return 0;
}

#define STEPS(a) a, sizeof(a) / sizeof(a[0])

/* Brings the schema from version `from` to K3A_HISTORY_SCHEMA, one
 * version at a time (inside the caller's transaction, so a store is
 * migrated whole or not at all).  Version 0 is an empty store: it is
 * made as version 1, then migrated like any store of version 1. */
static int migrate(struct k3a_history *h, int from, char *msg, size_t n)
{
    if (from < 1 && run_steps(h, STEPS(schema_v1), msg, n))
        return -1;
    if (from < 2 && run_steps(h, STEPS(schema_v2), msg, n))
        return -1;
    if (from < 3 && run_steps(h, STEPS(schema_v3), msg, n))
        return -1;
    if (from < 4 && (run_steps(h, STEPS(schema_v4_audit), msg, n) ||
                     (k3a__db_is_pg(h) ? run_steps(h, STEPS(schema_v4_pg), msg, n)
                                       : run_steps(h, STEPS(schema_v4_sqlite), msg, n))))
        return -1;
    return 0;
}

/* An older k3audit that opened the store before it was brought to
 * version 4 may still keep an audit in it afterwards: its k3a_audit row
 * then has the columns' defaults (first above last) though the audit has
 * findings, and a reader by range would find none of its rows.  Such
 * audits are looked for at every open (k3a_audit is small) and their
 * ranges written from their rows (a scan of the two tables by audit_id,
 * only then), so no reader misses them; first_passing stays NULL, as for
 * an audit migrated from version 3 (its verdicts mixed in the range). */
static int repair_ranges(struct k3a_history *h, char *msg, size_t n)
{
    struct k3a_rows t;
    long long broken;

    if (k3a__db_rows(h, Q_RANGELESS_AUDITS, NULL, 0, 1, &t, msg, n) != K3A_OK)
        return -1;
    broken = t.n == 1 ? atoll(k3a_rows_get(&t, 0, 0)) : 0;
    k3a_rows_release(&t);
    if (broken == 0)
        return 0;
    if (k3a__db_begin(h, msg, n))
        return -1;
    if (k3a__db_sql(h, V4_RANGES("row_id") " WHERE last_finding < first_finding AND "
                       "n_fail + n_warn + n_pass > 0", msg, n) ||
        k3a__db_sql(h, "COMMIT", msg, n)) {
        k3a__db_rollback(h);
        return -1;
    }
    return 0;
}

int k3a__hist_schema(struct k3a_history *h, char *msg, size_t n)
{
    int v = schema_version(h, msg, n);

    if (v < 0)
        return -1;
    if (v == K3A_HISTORY_SCHEMA)
        return repair_ranges(h, msg, n);
    if (!k3a__db_is_pg(h) && k3a__db_wal(h, msg, n)) /* before the first write */
        return -1;
    if (k3a__db_begin(h, msg, n))
        return -1;
    /* PostgreSQL: one creator at a time; SQLite's BEGIN IMMEDIATE does it.
     * Another k3audit's migration of a large store is waited for up to 10
     * minutes (not the 60 s of engine.c's lock limit), and a migration
     * runs to its end (no statement limit): cut off, it would roll back
     * and be tried again, whole, at the next open. */
    if (k3a__db_is_pg(h) &&
        k3a__db_sql(h, "SET LOCAL lock_timeout = '10min'; SET LOCAL statement_timeout = 0; "
                       "SELECT pg_advisory_xact_lock(730518)",
                    msg, n))
        goto fail;
    v = schema_version(h, msg, n); /* another writer may have made it */
    if (v < 0)
        goto fail;
    if (v < K3A_HISTORY_SCHEMA && migrate(h, v, msg, n))
        goto fail;
    if (k3a__db_sql(h, "COMMIT", msg, n))
        goto fail;
    return 0;
fail:
    k3a__db_rollback(h);
    return -1;
}
