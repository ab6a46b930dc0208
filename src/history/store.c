/*
 * store.c - keeping an audit in the history (history.h): the site, the
 * file's bytes, the audit and its results, measurements, findings, risks
 * and due dates, in one transaction.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "history/hist.h"

/* Site files from this size on are kept deflated (a typical site's file,
 * a few tens of kilobytes, stays as it is, readable with any SQLite or
 * PostgreSQL client). */
#define DEFLATE_FROM (1024 * 1024)

/* An audit of this many findings (a site of some 10,000 buses on) leaves
 * the SQLite WAL emptied after its commit. */
#define WAL_SHRINK_FROM 50000

/* Rows of one table gathered and inserted ROW_BATCH at a time (the rest
 * one by one at the end).  The callers reuse their buffers, so a row's
 * texts are copied into the batch's own block (one block reused for every
 * batch, no allocation per value) and bound from there at the flush. */
struct batcher {
    struct k3a_history *h;
    enum sql_id one, many;
    int cols;
    size_t n, total; /* rows now, rows so far */
    struct param p[ROW_BATCH * 8];
    size_t off[ROW_BATCH * 8]; /* a text's place in text */
    char *text;
    size_t len, cap;
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
    b->n = 0;
    b->len = 0;
}

static void batch_free(struct batcher *b)
{
    free(b->text);
    b->text = NULL;
    b->cap = b->len = 0;
}

static int batch_flush(struct batcher *b, char *msg, size_t n)
{
    size_t k;
    int rc = 0;

    for (k = 0; k < b->n * (size_t)b->cols; k++)
        if (b->p[k].t == P_TEXT)
            b->p[k].s = b->text + b->off[k];
    b->total += b->n;
    if (b->n == ROW_BATCH && k3a__db_batch_worth(b->h, b->total)) {
        /* the audit's id once, then each row's other values (engine.c's
         * batch; moved down in place, each to a place not above its own) */
        size_t c, cols = (size_t)b->cols;
        for (k = 0; k < ROW_BATCH; k++)
            for (c = 1; c < cols; c++)
                b->p[1 + k * (cols - 1) + c - 1] = b->p[k * cols + c];
        rc = k3a__db_exec(b->h, b->many, b->p, BATCH_PARAMS(b->cols), msg, n);
    } else {
        for (k = 0; k < b->n && !rc; k++)
            rc = k3a__db_exec(b->h, b->one, &b->p[k * (size_t)b->cols], b->cols, msg, n);
    }
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
            size_t len = strlen(row[c].s) + 1;
            if (b->len + len > b->cap) {
                size_t cap = b->cap ? b->cap * 2 : 16384;
                char *t;
                while (cap < b->len + len)
                    cap *= 2;
                if (!(t = realloc(b->text, cap))) {
                    batch_clear(b);
                    snprintf(msg, n, "out of memory");
                    return -1;
                }
                b->text = t;
                b->cap = cap;
            }
            memcpy(b->text + b->len, row[c].s, len);
            b->off[base + (size_t)c] = b->len;
            b->len += len;
        }
    }
    b->n++;
    return b->n == ROW_BATCH ? batch_flush(b, msg, n) : 0;
}

/* ---- what an audit keeps --------------------------------------------- */

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
    k3a__hist_date_str(test_date, td);
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
    k3a__hist_date_str(due, dd);
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
        batch_free(vb);
        batch_free(db);
    } else {
        snprintf(msg, n, "out of memory");
    }
    free(vb);
    free(db);
    return rc;
}

/* Every element's measured and computed values: earthing, insulation,
 * loops, RCDs, buses (short circuit, arc flash), cables and transformers
 * (loading). */
static int put_values(struct batcher *vb, const struct audit_key *a,
                      const struct k3a_results *r, char *msg, size_t n)
{
    const struct k3a_site *s = r->site;
    char el[256];
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
    return 0;
}

/* The passing findings (passing 1) or the failing and warning ones (0),
 * whole batches of FINDING_BATCH rows first, then the rest row by row;
 * seq is the finding's place in the audit. */
static int put_findings(struct k3a_history *h, const struct audit_key *a,
                        const struct k3a_results *r, int passing, char *msg, size_t n)
{
    struct param batch[BATCH_PARAMS(FINDING_COLS)];
    size_t i, m = 0, j = 0;
    int find_batch, cols = passing ? PASSING_COLS : FINDING_COLS;

    for (i = 0; i < r->n_findings; i++)
        m += (r->findings[i].verdict == K3A_PASS) == passing;
    find_batch = k3a__db_batch_worth(h, m);
    for (i = 0; i < r->n_findings; i++) {
        const struct k3a_finding *f = &r->findings[i];
        struct param p[FINDING_COLS];
        int batched = find_batch && j < m - m % FINDING_BATCH;
        const char *unit_id, *unit_en, *clause_id, *clause_en;

        if ((f->verdict == K3A_PASS) != passing)
            continue;
        unit_id = k3a_finding_unit(f, K3A_LANG_ID);
        unit_en = k3a_finding_unit(f, K3A_LANG_EN);
        clause_id = k3a_finding_clause(f, K3A_LANG_ID);
        clause_en = k3a_finding_clause(f, K3A_LANG_EN);
        p[0] = pi_(a->id);
        p[1] = pi_((long long)i);
        p[2] = pt(f->id);
        p[3] = pt(f->element);
        p[4] = pt(f->check);
        p[5] = f->has_measured ? pd(f->measured) : pd(NAN);
        p[6] = f->has_limit ? pd(f->limit) : pd(NAN);
        p[7] = pt(unit_id);
        /* schema 3: the English unit, "" when the same */
        unit_en = strcmp(unit_en, unit_id) ? unit_en : "";
        if (passing) {
            /* its verdict, and the texts kept only for what failed or
             * warned, are written in Q_PASSING_INSERT */
            p[8] = pt(unit_en);
        } else {
            p[8] = pt(k3a__hist_verdict_name(f->verdict));
            /* the clause of a passing check is that of the models named
             * in k3a_audit.models_versions: kept only for what failed or
             * warned; so is what was checked, in words (schema 2), in
             * both languages (the audit writes both for these:
             * title_langs_flagged) */
            p[9] = pt(clause_id);
            p[10] = pt(f->title_id);
            p[11] = pt(f->title_en);
            p[12] = pt(unit_en);
            /* schema 3: the English clause, "" when the same */
            p[13] = pt(strcmp(clause_en, clause_id) ? clause_en : "");
        }
        if (batched) {
            batch[0] = p[0]; /* the audit's id once (engine.c's batch) */
            memcpy(&batch[1 + (j % FINDING_BATCH) * (size_t)(cols - 1)], p + 1,
                   (size_t)(cols - 1) * sizeof(*p));
            if (j++ % FINDING_BATCH == FINDING_BATCH - 1 &&
                k3a__db_exec(h, passing ? Q_PASSING_BATCH : Q_FINDING_BATCH, batch,
                             BATCH_PARAMS(cols), msg, n))
                return -1;
        } else if (k3a__db_exec(h, passing ? Q_PASSING_INSERT : Q_FINDING_INSERT, p, cols, msg,
                                n)) {
            return -1;
        }
    }
    return 0;
}

/* Every risk, and the due date of its proposed control. */
static int put_risks(struct k3a_history *h, struct batcher *db, const struct audit_key *a,
                     const struct k3a_results *r, char *msg, size_t n)
{
    char key[160], detail[256], detail_id[256];
    size_t i;

    for (i = 0; i < r->n_risks; i++) {
        const struct k3a_risk *q = &r->risks[i];
        struct param p[12];
        k3a__hist_risk_key(r, q, key, sizeof(key));
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
        if (k3a__db_exec(h, Q_RISK_INSERT, p, 12, msg, n))
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
    return 0;
}

/* What falls due next: the periodic inspection (interval in the limits
 * model), lightning-protection tests, calibrations, insulation projected
 * to reach its limit. */
static int put_dues(struct batcher *db, const struct audit_key *a, const struct k3a_results *r,
                    char *msg, size_t n)
{
    const struct k3a_site *s = r->site;
    const struct k3a_param *pi =
        r->limits ? k3a_model_param(r->limits, "inspection_interval_months") : NULL;
    const struct k3a_param *pl =
        r->limits ? k3a_model_param(r->limits, "lightning_test_interval_months") : NULL;
    int months = pi ? (int)pi->value : 12, lmonths = pl ? (int)pl->value : 24;
    char el[256], detail[256], detail_id[256];
    size_t i;

    snprintf(detail, sizeof(detail), "%d months after %s", months, a->date);
    snprintf(detail_id, sizeof(detail_id), "%d bulan setelah %s", months, a->date);
    if (put_due(db, a, "inspection", "site", add_months(s->site.audit_date, months), detail,
                detail_id, msg, n))
        return -1;
    for (i = 0; i < s->n_lightnings; i++) {
        struct k3a_date last = s->lightnings[i].last_test.y ? s->lightnings[i].last_test
                                                             : s->lightnings[i].meas.test_date;
        char ld[11];
        k3a__hist_date_str(last, ld);
        snprintf(el, sizeof(el), "lightning %s", s->lightnings[i].hdr.name);
        snprintf(detail, sizeof(detail), "%d months after the test of %s", lmonths, ld);
        snprintf(detail_id, sizeof(detail_id), "%d bulan setelah pengujian %s", lmonths, ld);
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
        snprintf(detail_id, sizeof(detail_id), "kalibrasi%s%s", in->hdr.serial ? " " : "",
                 in->hdr.serial ? in->hdr.serial : "");
        if (put_due(db, a, "calibration", el, due, detail, detail_id, msg, n))
            return -1;
    }
    for (i = 0; r->ir && i < s->n_insulations; i++)
        if (r->ir[i].has_reach) {
            snprintf(el, sizeof(el), "insulation %s", s->insulations[i].hdr.name);
            snprintf(detail, sizeof(detail), "trend %.0f %%/year reaches %.3g Mohm",
                     r->ir[i].trend_pct_per_year, r->ir[i].limit_Mohm);
            snprintf(detail_id, sizeof(detail_id), "tren %.0f %%/tahun mencapai %.3g Mohm",
                     r->ir[i].trend_pct_per_year, r->ir[i].limit_Mohm);
            if (put_due(db, a, "insulation", el, r->ir[i].reach, detail, detail_id, msg, n))
                return -1;
        }
    return 0;
}

static int put_rows(struct k3a_history *h, struct batcher *vb, struct batcher *db,
                    const struct audit_key *a, const struct k3a_results *r, char *msg,
                    size_t n)
{
    if (put_values(vb, a, r, msg, n) || put_risks(h, db, a, r, msg, n) ||
        put_dues(db, a, r, msg, n))
        return -1;
    return 0;
}

/* The last row ids of k3a_finding and k3a_value (0 when empty).  0, or
 * -1 (msg). */
static int last_rows(struct k3a_history *h, long long last[2], char *msg, size_t n)
{
    struct k3a_rows t;

    if (k3a__db_rows(h, Q_LAST_ROWS, NULL, 0, 2, &t, msg, n) != K3A_OK)
        return -1;
    if (t.n != 1) {
        k3a_rows_release(&t);
        snprintf(msg, n, "%s: the store's last row ids could not be read", k3a__db_where(h));
        return -1;
    }
    last[0] = atoll(k3a_rows_get(&t, 0, 0));
    last[1] = atoll(k3a_rows_get(&t, 0, 1));
    k3a_rows_release(&t);
    return 0;
}

/* The audit's findings, failing and warning ones first, then its other
 * results, and in its k3a_audit row the ranges of row ids its findings
 * and values took and where its passing findings begin (schema 4: how
 * they are found again; the comparison with a later audit reads the
 * failing and warning ones first, then only passing ones).  One writer at
 * a time on SQLite: the ranges hold this audit's rows alone; on
 * PostgreSQL another writer's rows may fall between them (ids are handed
 * out in turn), which readers leave out by audit_id.  Each id taken after
 * the last one read before is larger (an identity's sequence hands out
 * one value at a time, in order). */
static int put_ranged(struct k3a_history *h, const struct audit_key *a,
                      const struct k3a_results *r, char *msg, size_t n)
{
    long long before[2], mid[2], after[2];
    struct param p[6];
    int rc;

    if ((rc = last_rows(h, before, msg, n)) != 0 || (rc = put_findings(h, a, r, 0, msg, n)) ||
        (rc = last_rows(h, mid, msg, n)) != 0 || (rc = put_findings(h, a, r, 1, msg, n)) ||
        (rc = put_results(h, a, r, msg, n)) != 0 || (rc = last_rows(h, after, msg, n)) != 0)
        return rc;
    p[0] = pi_(a->id);
    p[1] = pi_(before[0] + 1);
    p[2] = pi_(after[0]);
    p[3] = pi_(mid[0] + 1);
    p[4] = pi_(before[1] + 1);
    p[5] = pi_(after[1]);
    return k3a__db_exec(h, Q_AUDIT_ROWS, p, 6, msg, n);
}

/* The bytes to keep: NULL, those the site was loaded from (what its
 * sha256 is of); others only when they are the audited ones.  0, or -1. */
static int audited_bytes(const struct k3a_site *s, const char **bytes, size_t *len, char *msg,
                         size_t n)
{
    if (!*bytes) {
        *bytes = s->bytes;
        *len = s->n_bytes;
    } else if (*bytes != s->bytes || *len != s->n_bytes) {
        unsigned char got[32];
        k3a__sha256(*bytes, *len, got);
        if (memcmp(got, s->sha256, 32) != 0) {
            snprintf(msg, n, "%s: the site file changed while it was audited; not stored",
                     s->path ? s->path : "site");
            return -1;
        }
    }
    if (!*bytes) {
        snprintf(msg, n, "%s: the site file's bytes were not kept; not stored",
                 s->path ? s->path : "site");
        return -1;
    }
    return 0;
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
    unsigned char *z = NULL;
    int rc;

    if (audited_bytes(s, &bytes, &len, msg, n))
        return -1;
    k3a__hex(s->sha256, 32, sha);
    a.site = k3a_history_site_id(s);
    k3a__hist_date_str(s->site.audit_date, a.date);
    if ((rc = k3a__db_begin(h, msg, n)) != 0)
        return rc;
    p[0] = pt(a.site);
    p[1] = pt(s->site.name);
    if ((rc = k3a__db_exec(h, Q_SITE_UPSERT, p, 2, msg, n)) != 0)
        goto fail;
    p[1] = pt(a.date);
    if (k3a__db_rows(h, Q_LATEST_OF_DATE, p, 2, 2, &t, msg, n) != K3A_OK) {
        rc = -1;
        goto fail;
    }
    a.rev = t.n ? atoll(k3a_rows_get(&t, 0, 0)) + 1 : 1;
    if (t.n && strcmp(k3a_rows_get(&t, 0, 1), sha) == 0) {
        /* the same site, date and bytes: nothing new */
        *stored = 0;
        *revision = (int)(a.rev - 1);
        k3a_rows_release(&t);
        k3a__db_rollback(h);
        return 0;
    }
    k3a_rows_release(&t);
    p[0] = pt(sha);
    p[1] = pb(bytes, len);
    p[2] = pi_(0);
    if (len >= DEFLATE_FROM) {
        /* a large file kept deflated (schema 2: raw_bytes its size) */
        uLongf zlen = compressBound((uLong)len);
        z = malloc(zlen);
        if (z && compress2(z, &zlen, (const Bytef *)bytes, (uLong)len, 1) == Z_OK &&
            zlen < len) {
            p[1] = pb(z, (size_t)zlen);
            p[2] = pi_((long long)len);
        }
    }
    rc = k3a__db_exec(h, Q_FILE_INSERT, p, 3, msg, n);
    free(z);
    z = NULL;
    if (rc != 0)
        goto fail;
    for (i = 0; i < r->n_risks; i++) {
        n_ext += r->risks[i].band && r->risks[i].band->level == K3A_RISK_EXTREME;
        n_high += r->risks[i].band && r->risks[i].band->level == K3A_RISK_HIGH;
    }
    models_versions(r->models, mv, sizeof(mv));
    if (k3a__db_rows(h, Q_NEXT_ID, NULL, 0, 1, &t, msg, n) != K3A_OK || t.n != 1) {
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
    if ((rc = k3a__db_exec(h, Q_AUDIT_INSERT, p, 13, msg, n)) != 0)
        goto fail;
    if ((rc = put_ranged(h, &a, r, msg, n)) != 0)
        goto fail;
    k3a__db_before_commit(h);
    if ((rc = k3a__db_sql(h, "COMMIT", msg, n)) != 0)
        goto fail;
    if (r->n_findings >= WAL_SHRINK_FROM)
        k3a__db_wal_shrink(h);
    *stored = 1;
    *revision = (int)a.rev;
    return 0;
fail:
    k3a__db_rollback(h);
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
