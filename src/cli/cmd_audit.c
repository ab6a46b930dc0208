/*
 * cmd_audit.c - `k3audit audit SITE.ini...`: load, run the pipeline,
 * write the workbook (and JSON), print a one-screen summary.
 *
 * Nothing is written for a site with errors (exit 2).  Outputs are written
 * atomically by the library; an output path that is an input file, or
 * that does not end in .xlsx, is refused before anything runs.
 *
 * The program's one thread beyond main: while the workbook is written and
 * deflated, a second thread writes the JSON file and then keeps the audit
 * in the history (write_pair).  Several sites with -j N are audited in
 * worker processes (audit_jobs.c).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <pthread.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "audit.h"
#include "cli.h"
#include "k3audit/report_pdf.h"

/* The PDF beside the workbook: the workbook's path with ".xlsx" replaced
 * by suffix (".pdf", "-label.pdf"). */
static void pdf_path(const char *xlsx, const char *suffix, char *buf, size_t n)
{
    size_t len = strlen(xlsx);

    if (len >= 5 && strcmp(xlsx + len - 5, ".xlsx") == 0)
        len -= 5;
    snprintf(buf, n, "%.*s%s", (int)len, xlsx, suffix);
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* What the program's one extra thread does while the workbook is written
 * and deflated (libxlsxwriter's workbook_close is single-threaded zlib):
 * the JSON of a pair, then the audit kept in the history.  The workbook,
 * the JSON and the store only read the results; the store's connection
 * is used by this thread alone meanwhile.  The pair is moved into place
 * as soon as the JSON is done (json_done), not after the store: a slow
 * store does not hold back the deliverables. */
struct side_job {
    const struct k3a_results *res;
    const struct k3a_report_opts *ro;
    const char *path; /* the JSON's temporary file, or NULL */
    char msg[512];
    enum k3a_status st;
    void (*keep)(void *); /* then this (history_keep), or NULL */
    void *keep_arg;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int json_done;
};

static void side_json(struct side_job *j)
{
    if (j->path)
        j->st = k3a_report_write_json_file(j->res, j->ro, j->path, j->msg, sizeof(j->msg));
}

static void *side_job_run(void *p)
{
    struct side_job *j = p;

    side_json(j);
    pthread_mutex_lock(&j->mu);
    j->json_done = 1;
    pthread_cond_signal(&j->cv);
    pthread_mutex_unlock(&j->mu);
    if (j->keep)
        j->keep(j->keep_arg);
    return NULL;
}

static void side_wait_json(struct side_job *j)
{
    pthread_mutex_lock(&j->mu);
    while (!j->json_done)
        pthread_cond_wait(&j->cv, &j->mu);
    pthread_mutex_unlock(&j->mu);
}

/* What could not be written: both, or the workbook alone. */
static void pair_not_written(const char *msg, const char *out, const char *json_path)
{
    if (json_path)
        fprintf(stderr, "k3audit: %s; neither %s nor %s written\n", cli_safe(msg),
                cli_safe(out), cli_safe(json_path));
    else
        fprintf(stderr, "k3audit: %s; %s not written\n", cli_safe(msg), cli_safe(out));
}

/* The pair's temporary files tx and tj (tj NULL: no JSON file was
 * written) renamed into place while the output folder is locked, or
 * removed when either failed (xst, xmsg: the workbook's outcome; j: the
 * JSON's).  Returns an exit status. */
static int place_pair(enum k3a_status xst, const char *xmsg, const struct side_job *j,
                      const char *tx, const char *tj, const char *out, const char *json_path)
{
    char dir[4096];
    const char *slash;
    int dfd, rc = EXIT_OK;

    if (xst != K3A_OK || j->st != K3A_OK) {
        if (xst != K3A_OK && tj && j->st == K3A_OK)
            unlink(tj);
        if (xst == K3A_OK)
            unlink(tx);
        pair_not_written(xst != K3A_OK ? xmsg : j->msg, out, json_path);
        return EXIT_IO;
    }
    slash = strrchr(out, '/');
    snprintf(dir, sizeof(dir), "%.*s", slash ? (int)(slash - out) + (slash == out) : 1,
             slash ? out : ".");
    dfd = open(dir, O_RDONLY | O_DIRECTORY);
    if (dfd >= 0)
        flock(dfd, LOCK_EX);
    if (rename(tx, out) != 0) {
        char why[600];
        snprintf(why, sizeof(why), "cannot move the workbook into place at %s: %s", out,
                 strerror(errno));
        pair_not_written(why, out, json_path);
        unlink(tx);
        if (tj)
            unlink(tj);
        rc = EXIT_IO;
    } else if (tj && rename(tj, json_path) != 0) {
        fprintf(stderr, "k3audit: cannot move the JSON into place at %s: %s; the "
                        "workbook %s is from this run, the JSON %s is STALE (from an "
                        "earlier run, or missing)\n",
                cli_safe(json_path), strerror(errno), cli_safe(out), cli_safe(json_path));
        unlink(tj);
        rc = EXIT_IO;
    }
    if (dfd >= 0)
        close(dfd); /* releases the lock */
    return rc;
}

/* Writes the workbook and, when json_path is given, the JSON of one run
 * as a pair: each to a temporary file beside its target (the JSON on a
 * second thread at the same time, followed there by keep(keep_arg) when
 * given: it has run, whatever the outputs' fate, once this returns),
 * then both renamed while the output folder is locked (flock), so two
 * runs at once cannot leave one's workbook beside the other's JSON.  A
 * workbook written while one of libxlsxwriter's scratch streams failed
 * may be short (the library does not see it: src/cli/xlsx_scratch.c): it
 * is not moved into place.  A failure before the renames leaves both
 * targets as they were; a failure between them says which file is
 * stale.  Returns an exit status. */
static int write_pair(const struct k3a_results *res, const struct k3a_report_opts *ro,
                      const char *out, const char *json_path, void (*keep)(void *),
                      void *keep_arg)
{
    char tx[4200], tj[4200], msg[512];
    enum k3a_status st;
    struct side_job jj;
    pthread_t t;
    int rc, threaded = 0, scratch_failed = cli_scratch_failures();

    snprintf(tx, sizeof(tx), "%s.new%ld.xlsx", out, (long)getpid());
    memset(&jj, 0, sizeof(jj));
    jj.st = K3A_OK; /* no JSON: nothing failed */
    jj.res = res;
    jj.ro = ro;
    jj.keep = keep;
    jj.keep_arg = keep_arg;
    pthread_mutex_init(&jj.mu, NULL);
    pthread_cond_init(&jj.cv, NULL);
    if (json_path) {
        snprintf(tj, sizeof(tj), "%s.new%ld.json", json_path, (long)getpid());
        jj.path = tj;
    }
    if (json_path || keep)
        threaded = pthread_create(&t, NULL, side_job_run, &jj) == 0;
    st = k3a_report_write_xlsx(res, ro, tx, msg, sizeof(msg));
    if (st == K3A_OK && cli_scratch_failures() != scratch_failed) {
        unlink(tx);
        snprintf(msg, sizeof(msg), "the workbook's scratch could not be kept (out of "
                                   "memory, and no file could take it): it may be short");
        st = K3A_E_XLSX;
    }
    if (threaded)
        side_wait_json(&jj);
    else if (st == K3A_OK)
        side_json(&jj); /* no thread: one after the other, no JSON without its workbook */
    rc = place_pair(st, msg, &jj, tx, json_path && (threaded || st == K3A_OK) ? tj : NULL,
                    out, json_path);
    if (threaded)
        pthread_join(t, NULL); /* the audit kept in the history */
    else if (keep)
        keep(keep_arg);
    pthread_cond_destroy(&jj.cv);
    pthread_mutex_destroy(&jj.mu);
    return rc;
}

/* How many risks as found are at or above a level. */
static size_t risks_at(const struct k3a_results *r, int level)
{
    size_t i, n = 0;

    for (i = 0; i < r->n_risks; i++)
        n += r->risks[i].band && (int)r->risks[i].band->level >= level;
    return n;
}

/* The audit's one-screen summary, in the report's language, to fp
 * (stdout; the diagnostics stay on stderr). */
static void print_summary(FILE *fp, const struct k3a_results *r, const char *out,
                          const struct k3a_diag_list *dl, enum k3a_lang lang,
                          enum fail_level fail_on)
{
    static const char *const lvl_id[] = { "rendah", "sedang", "tinggi", "ekstrem" };
    static const char *const lvl_en[] = { "low", "medium", "high", "extreme" };
    const char *const *lv = lang == K3A_LANG_EN ? lvl_en : lvl_id;
    const struct k3a_site *s = r->site;
    size_t i, shown = 0, before[4] = { 0 }, after[4] = { 0 };
    int en = lang == K3A_LANG_EN, k;

    {
        /* a path may hold anything: no control character to the terminal */
        char cp[1024], cn[512];
        k3a_text_clean(cp, sizeof(cp), s->path, K3A_CLEAN_TERMINAL);
        k3a_text_clean(cn, sizeof(cn), s->site.name ? s->site.name : "", K3A_CLEAN_TERMINAL);
        fprintf(fp, "%s: %s\n", cp, cn);
    }
    if (en)
        fprintf(fp, "  %s: %zu fail, %zu warn, %zu pass; %zu input warning%s\n",
                k3a_text(lang, K3A_T_FIND_COUNTS), r->n_fail, r->n_warn, r->n_pass,
                dl->n_warnings, dl->n_warnings == 1 ? "" : "s");
    else
        fprintf(fp, "  %s: %zu tidak memenuhi, %zu perhatian, %zu memenuhi; %zu "
                    "peringatan input\n",
                k3a_text(lang, K3A_T_FIND_COUNTS), r->n_fail, r->n_warn, r->n_pass,
                dl->n_warnings);
    /* site-format 9 Conclusion: any FAIL or any extreme risk as found */
    k = k3a_results_conclusion(r);
    fprintf(fp, "  %s: %s\n", k3a_text(lang, K3A_T_VERDICT),
            k == K3A_FAIL   ? k3a_text(lang, K3A_T_C_FAIL)
            : k == K3A_WARN ? k3a_text(lang, K3A_T_C_WARN)
            : k == K3A_PASS ? k3a_text(lang, K3A_T_C_PASS)
                            : k3a_text(lang, K3A_T_V_NONE));
    for (i = 0; i < r->n_findings && shown < 6; i++) {
        const struct k3a_finding *f = &r->findings[i];
        if (f->verdict != K3A_FAIL)
            continue;
        fprintf(fp, "  %s %s: %s\n", en ? "FAIL" : "GAGAL", f->element,
                k3a_finding_title(f, lang));
        shown++;
    }
    if (r->n_fail > shown)
        fprintf(fp, en ? "  ... %zu more in the workbook\n"
                       : "  ... %zu lagi di buku kerja\n",
                r->n_fail - shown);
    if (r->has_profile) {
        for (i = 0; i < r->n_risks; i++) {
            if (r->risks[i].band)
                before[r->risks[i].band->level]++;
            if (r->risks[i].band_after)
                after[r->risks[i].band_after->level]++;
        }
        {
            /* C22: the profile's title in the language ("Matriks risiko
             * AS/NZS 4360" / "AS/NZS 4360 risk matrix"), not its key */
            const char *t = r->has_profile && r->profile.file && r->profile.file->meta.title
                                ? r->profile.file->meta.title
                                : s->site.risk_profile ? s->site.risk_profile : "";
            char tl[256];
            fprintf(fp, "  %s (%s): %zu", en ? "Risks" : "Risiko",
                    k3a_text_lang(t, en ? K3A_LANG_EN : K3A_LANG_ID, tl, sizeof(tl)),
                    r->n_risks);
        }
        for (k = 3; k >= 0; k--)
            fprintf(fp, "%s%zu %s", k == 3 ? " = " : ", ", before[k], lv[k]);
        fprintf(fp, "; %s:", en ? "after controls" : "sesudah pengendalian");
        for (k = 3; k >= 0; k--)
            fprintf(fp, "%s%zu %s", k == 3 ? " " : ", ", after[k], lv[k]);
        fputc('\n', fp);
        /* the highest risks first */
        shown = 0;
        for (k = 3; k >= 0 && shown < 6; k--)
            for (i = 0; i < r->n_risks && shown < 6; i++) {
                const struct k3a_risk *q = &r->risks[i];
                if (!q->band || (int)q->band->level != k)
                    continue;
                fprintf(fp, "  %s %-7s P%d S%d %s: %s\n", q->id, lv[k],
                        q->likelihood, q->severity, q->element,
                        en ? q->hazard_en : q->hazard_id);
                shown++;
            }
    }
    if (fail_on != FAIL_NONE) {
        int level = (int)fail_on; /* FAIL_MEDIUM = K3A_RISK_MEDIUM ... */
        size_t n = risks_at(r, level);
        if (n)
            fprintf(fp, "  %s --fail-on %s: %zu %s %s (%s 3)\n",
                    en ? "PRE-CHECK FAILED" : "PRA-PERIKSA GAGAL", lvl_en[level], n,
                    en ? "risk(s) as found at or above" : "risiko (sebelum pengendalian) pada/di atas",
                    lv[level], en ? "exit" : "keluar");
        else
            fprintf(fp, "  %s --fail-on %s: %s\n",
                    en ? "PRE-CHECK PASSED" : "PRA-PERIKSA LULUS", lvl_en[level],
                    en ? "no risk as found reaches the level"
                       : "tidak ada risiko yang mencapai tingkat itu");
    }
    if (out)
        fprintf(fp, "  %s: %s\n", en ? "workbook" : "buku kerja", cli_safe(out));
}

/* One line on the audit history: stored or not, and what changed. */
static void print_history_line(FILE *fp, const struct k3a_changes *c, const char *where,
                               int stored, int revision, enum k3a_lang lang)
{
    int en = lang == K3A_LANG_EN;

    if (stored)
        fprintf(fp, "  %s: %s %d, %s\n", en ? "history" : "riwayat",
                en ? "stored as revision" : "disimpan sebagai revisi", revision, cli_safe(where));
    else
        fprintf(fp, "  %s: %s %d, %s\n", en ? "history" : "riwayat",
                en ? "nothing new (the same file as revision" : "tidak ada yang baru (berkas sama dengan revisi",
                revision, en ? "kept)" : "tersimpan)");
    if (c->has_previous) {
        /* each count names what it counts, as the workbook's Changes
         * sheet, the JSON and the report list them (the line below names
         * the elements) */
        char counts[512];
        k3a_changes_counts(c, lang, 0, counts, sizeof(counts));
        fprintf(fp, "  %s %s: %s\n", en ? "since the inspection of" : "sejak riksa uji",
                c->prev_date, counts);
    }
    if (c->has_previous && c->summary)
        fprintf(fp, "  %s\n", cli_safe(c->summary));
}

/* The report and the labels (--pdf, --labels), beside the workbook. */
static int write_pdfs(const struct k3a_results *res, const struct k3a_report_opts *ro,
                      const char *out, const struct audit_opts *o)
{
    char path[4096 + 16], msg[512];

    if (o->pdf) {
        pdf_path(out, ".pdf", path, sizeof(path));
        if (k3a_report_write_pdf(res, ro, path, msg, sizeof(msg)) != K3A_OK) {
            fprintf(stderr, "k3audit: %s\n", msg);
            return EXIT_IO;
        }
    }
    if (o->labels) {
        pdf_path(out, "-label.pdf", path, sizeof(path));
        if (k3a_report_write_labels_pdf(res, ro, o->label_size, path, msg, sizeof(msg)) !=
            K3A_OK) {
            fprintf(stderr, "k3audit: %s\n", msg);
            return EXIT_IO;
        }
    }
    return EXIT_OK;
}

/* One site's audit as it goes: what was loaded, found and kept. */
struct one {
    const char *path, *out, *json_path;
    FILE *json_fp; /* receives the JSON document, when not NULL */
    const struct audit_opts *o;
    struct k3a_site site;
    struct k3a_diag_list dl;
    struct k3a_results res;
    struct k3a_report_opts ro;
    struct k3a_history *hist;
    struct k3a_history_prev *prev;
    struct k3a_changes changes;
    char db_where[4096];
    int db_rc; /* EXIT_IO: the audit history failed (the outputs are still written) */
    /* the audit kept in the history (history_keep): done, its outcome */
    int kept, stored, revision;
    enum k3a_status keep_st;
    char keep_msg[512];
};

/* Where the summary goes: stdout, unless the JSON goes there or this is
 * a batch worker. */
static FILE *summary_fp(const struct one *a)
{
    return a->o->summary_stderr || a->json_fp == stdout ? stderr : stdout;
}

/* The audit history: the earlier readings feed the trends (values in the
 * file win) before the audit runs; a store that cannot be opened is exit
 * 1 with its reason (a->db_rc), and the workbook is still written.
 * EXIT_OK, or EXIT_IO when memory ran out. */
static int history_open(struct one *a)
{
    const struct audit_opts *o = a->o;
    char msg[512];

    cli_db_where(o->db, a->out, o->out_dir, a->db_where, sizeof(a->db_where));
    if (k3a_history_open(&a->hist, a->db_where, msg, sizeof(msg)) != K3A_OK) {
        fprintf(stderr, "k3audit: audit history: %s\n", cli_safe(msg));
        a->db_rc = EXIT_IO;
    } else if (k3a_history_previous(a->hist, &a->site, &a->prev, msg, sizeof(msg)) != K3A_OK) {
        fprintf(stderr, "k3audit: audit history: %s\n", cli_safe(msg));
        a->db_rc = EXIT_IO;
        k3a_history_close(a->hist);
        a->hist = NULL;
    } else if (k3a_history_feed(a->prev, &a->site) != K3A_OK) {
        fprintf(stderr, "%s: out of memory\n", cli_safe(a->path));
        return EXIT_IO;
    }
    cli_history_test_hooks(a->hist);
    return EXIT_OK;
}

/* The previous audit's passing findings the comparison needs, read now
 * the audit has run: a failure is handled as history_open's (exit 1 with
 * its reason, no changes, nothing stored, the workbook still written). */
static void history_complete(struct one *a)
{
    char msg[512];

    if (!a->prev || k3a_history_prev_complete(a->prev, &a->res, msg, sizeof(msg)) == K3A_OK)
        return;
    fprintf(stderr, "k3audit: audit history: %s\n", cli_safe(msg));
    a->db_rc = EXIT_IO;
    k3a_history_prev_free(a->prev);
    a->prev = NULL;
    k3a_history_close(a->hist);
    a->hist = NULL;
}

/* The site loaded, fed from the history and audited; its problems
 * printed.  An exit code: nothing is written unless EXIT_OK. */
static int load_and_run(struct one *a, const struct k3a_models *models)
{
    const struct audit_opts *o = a->o;
    enum k3a_status st;
    int rc;

    a->site.keep_bytes = !o->no_db; /* the history stores the bytes audited */
    st = k3a_site_load_file(&a->site, a->path, models, &a->dl);

    if (st != K3A_OK || a->dl.n_errors) {
        cli_print_diags(&a->dl, o->quiet);
        fprintf(stderr, "%s: %zu error%s; nothing written\n", cli_safe(a->path),
                a->dl.n_errors, a->dl.n_errors == 1 ? "" : "s");
        return st == K3A_E_NOMEM ? EXIT_IO : EXIT_INPUT;
    }
    if (!o->no_db && (rc = history_open(a)) != EXIT_OK)
        return rc;
    /* the report shows one language: only its titles are written */
    a->res.title_langs = 1u << (o->lang_given ? o->lang : a->site.site.lang);
    /* what the history keeps of a failing or warning finding, in both
     * languages (a later audit may be in the other) */
    if (a->hist)
        a->res.title_langs_flagged = 1u << K3A_LANG_ID | 1u << K3A_LANG_EN;
    st = k3a_audit_run(&a->site, models, &a->res, &a->dl);
    if (st != K3A_OK) {
        cli_print_diags(&a->dl, o->quiet);
        fprintf(stderr, "%s: %s; nothing written\n", cli_safe(a->path), k3a_strerror(st));
        return EXIT_IO;
    }
    if (a->dl.n_errors) {
        /* a calculation refused its input (a model table it cannot use):
         * no report that silently lacks that part */
        cli_print_diags(&a->dl, o->quiet);
        fprintf(stderr, "%s: %zu error%s; nothing written\n", cli_safe(a->path),
                a->dl.n_errors, a->dl.n_errors == 1 ? "" : "s");
        return EXIT_INPUT;
    }
    history_complete(a);
    return EXIT_OK;
}

/* The warnings printed, and the report's options: its language, the
 * diagnostics and the changes since the previous audit.  An exit code. */
static int prepare_report(struct one *a)
{
    const struct audit_opts *o = a->o;
    enum k3a_status st;

    k3a_diag_list_sort(&a->dl);
    if (!o->quiet)
        k3a_diag_list_print(&a->dl, stderr, 0);
    memset(&a->ro, 0, sizeof(a->ro));
    a->ro.lang = o->lang_given ? o->lang : a->site.site.lang;
    a->ro.version = K3A_VERSION;
    a->ro.diags = &a->dl;
    if (a->prev &&
        (st = k3a_history_compare(a->prev, &a->res, a->ro.lang, &a->changes)) != K3A_OK) {
        fprintf(stderr, "%s: audit history: %s\n", cli_safe(a->path), k3a_strerror(st));
        return EXIT_IO;
    }
    a->ro.changes = &a->changes;
    return EXIT_OK;
}

/* The workbook and the JSON (as a pair when both go to files), then the
 * PDFs.  An exit code. */
static void history_keep(void *p);

static int write_outputs(struct one *a)
{
    const struct audit_opts *o = a->o;
    const char *out = a->out, *json_path = a->json_path;
    enum k3a_status st;
    char msg[512];
    int rc;

    if (out && !o->no_xlsx) {
        if ((rc = write_pair(&a->res, &a->ro, out, json_path, a->hist ? history_keep : NULL,
                             a)) != EXIT_OK)
            return rc;
    }
    if (json_path && (!out || o->no_xlsx)) {
        st = k3a_report_write_json_file(&a->res, &a->ro, json_path, msg, sizeof(msg));
        if (st != K3A_OK) {
            fprintf(stderr, "k3audit: %s\n", cli_safe(msg));
            return EXIT_IO;
        }
    } else if (a->json_fp) {
        if (k3a_report_write_json(&a->res, &a->ro, a->json_fp) != K3A_OK) {
            fprintf(stderr, "k3audit: cannot write the JSON output\n");
            return EXIT_IO;
        }
    }
    if (out && (o->pdf || o->labels))
        return write_pdfs(&a->res, &a->ro, out, o);
    return EXIT_OK;
}

/* The one-screen summary and the PDFs written. */
static void print_outcome(const struct one *a)
{
    const struct audit_opts *o = a->o;
    FILE *sfp = summary_fp(a);
    int en = a->ro.lang == K3A_LANG_EN;

    print_summary(sfp, &a->res, o->no_xlsx ? NULL : a->out, &a->dl, a->ro.lang, o->fail_on);
    if (a->out && (o->pdf || o->labels)) {
        char pp[4096 + 16];
        if (o->pdf) {
            pdf_path(a->out, ".pdf", pp, sizeof(pp));
            fprintf(sfp, "  %s: %s\n", en ? "report" : "laporan", cli_safe(pp));
        }
        if (o->labels) {
            pdf_path(a->out, "-label.pdf", pp, sizeof(pp));
            fprintf(sfp, "  %s: %s\n", en ? "labels" : "label", cli_safe(pp));
        }
    }
    fflush(sfp);
}

/* The audit kept in the history (one transaction), once it has run: on
 * the extra thread while the workbook is written (write_pair), else after
 * the outputs.  Prints nothing (history_said does): a->keep_st, keep_msg,
 * stored and revision say how it went. */
static void history_keep(void *p)
{
    struct one *a = p;
    char *bytes = NULL;
    size_t len = 0;

    a->kept = 1;
    a->keep_st = K3A_OK;
    /* the bytes audited, as the loader kept them (else read again) */
    if (!a->site.bytes &&
        cli_read_file(a->path, &bytes, &len, a->keep_msg, sizeof(a->keep_msg)) != 0)
        a->keep_st = K3A_E_IO;
    else
        a->keep_st = k3a_history_store(a->hist, &a->res, bytes, len, K3A_VERSION, &a->stored,
                                       &a->revision, a->keep_msg, sizeof(a->keep_msg));
    free(bytes);
}

/* What keeping the audit did: its line in the summary, or the store's
 * reason (a->db_rc). */
static void history_said(struct one *a)
{
    if (a->keep_st != K3A_OK) {
        fprintf(stderr, "k3audit: audit history: %s\n", cli_safe(a->keep_msg));
        a->db_rc = EXIT_IO;
    } else if (!a->o->quiet) {
        FILE *sfp = summary_fp(a);
        print_history_line(sfp, &a->changes, a->db_where, a->stored, a->revision, a->ro.lang);
        fflush(sfp);
    }
}

/* The audit kept though an output failed: one line on stderr naming the
 * site and the store (even with -q: it explains an exit 1), or the
 * store's own reason.  No changes lines: they describe a workbook not
 * written. */
static void history_kept_anyway(struct one *a)
{
    if (a->keep_st != K3A_OK) {
        history_said(a);
        return;
    }
    if (a->stored)
        fprintf(stderr, "k3audit: %s: kept in the audit history as revision %d (%s) "
                        "although its outputs were not all written; the same file again "
                        "stores nothing new\n",
                cli_safe(a->path), a->revision, cli_safe(a->db_where));
    else
        fprintf(stderr, "k3audit: %s: already in the audit history as revision %d (%s)\n",
                cli_safe(a->path), a->revision, cli_safe(a->db_where));
}

int cli_audit_one(const char *path, const char *out, const struct audit_opts *o,
                  const struct k3a_models *models, FILE *json_fp, const char *json_path,
                  struct k3a_site_summary *sum)
{
    struct one a;
    int rc;

    memset(&a, 0, sizeof(a));
    a.path = path;
    a.out = out;
    a.json_path = json_path;
    a.json_fp = json_fp;
    a.o = o;
    a.db_rc = EXIT_OK;
    k3a_changes_init(&a.changes);
    k3a_site_init(&a.site);
    k3a_diag_list_init(&a.dl);
    k3a_results_init(&a.res);
    rc = load_and_run(&a, models);
    if (rc == EXIT_OK)
        rc = prepare_report(&a);
    if (rc == EXIT_OK) {
        rc = write_outputs(&a);
        /* kept once the audit has run, whatever its outputs' fate */
        if (a.hist && !a.kept)
            history_keep(&a);
    }
    if (rc == EXIT_OK) {
        if (!o->quiet)
            print_outcome(&a);
        if (a.kept)
            history_said(&a);
        /* --fail-on compares the risk register as found (before the
         * proposed controls): exit 3 once everything is written */
        if (o->fail_on != FAIL_NONE && risks_at(&a.res, (int)o->fail_on))
            rc = EXIT_FAILON;
        if (sum) {
            k3a_site_summary_fill(&a.res, sum);
            snprintf(sum->workbook, sizeof(sum->workbook), "%s",
                     out && !o->no_xlsx ? out : "");
        }
    } else if (a.kept) {
        history_kept_anyway(&a);
    }
    /* a store that failed is exit 1, the most serious (cli.md: 1, then 2,
     * then 3, then 0) */
    if (a.db_rc == EXIT_IO)
        rc = EXIT_IO;
    if (sum) {
        snprintf(sum->path, sizeof(sum->path), "%s", path);
        sum->status = rc;
    }
    k3a_changes_release(&a.changes);
    k3a_history_prev_free(a.prev);
    k3a_history_close(a.hist);
    k3a_results_release(&a.res);
    k3a_diag_list_release(&a.dl);
    k3a_site_release(&a.site);
    return rc;
}

/* Is path one of the n inputs, by name or as the same file?  in_st holds
 * the inputs' stat (st_nlink 0: not readable); path is stat'ed once. */
static int is_input(const char *path, char *const *inputs, const struct stat *in_st,
                    int n)
{
    struct stat st;
    int j, have = stat(path, &st) == 0;

    for (j = 0; j < n; j++)
        if (strcmp(path, inputs[j]) == 0 ||
            (have && in_st[j].st_nlink && st.st_dev == in_st[j].st_dev &&
             st.st_ino == in_st[j].st_ino))
            return 1;
    return 0;
}

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int usage_error(const char *fmt, ...)
{
    va_list ap;
    char msg[1024];

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    fprintf(stderr, "k3audit audit: %s\n", cli_safe(msg)); /* echoes arguments */
    return EXIT_INPUT;
}

/* --fail-on LEVEL: 0, or -1 for a word that is not a level. */
static int parse_fail_on(const char *arg, enum fail_level *out)
{
    if (strcmp(arg, "medium") == 0)
        *out = FAIL_MEDIUM;
    else if (strcmp(arg, "high") == 0)
        *out = FAIL_HIGH;
    else if (strcmp(arg, "extreme") == 0)
        *out = FAIL_EXTREME;
    else
        return -1;
    return 0;
}

/* --label-size SIZE: 0, or -1 for a size not offered. */
static int parse_label_size(const char *arg, enum k3a_label_size *out)
{
    if (strcmp(arg, "100x150") == 0)
        *out = K3A_LABEL_100X150;
    else if (strcmp(arg, "a4") == 0 || strcmp(arg, "A4") == 0)
        *out = K3A_LABEL_A4;
    else
        return -1;
    return 0;
}

/* The options.  Returns -1 to go on, or the exit code (reported). */
static int parse_args(struct audit_opts *o, int argc, char **argv)
{
    static const struct option opts[] = {
        { "output", required_argument, NULL, 'o' },
        { "output-dir", required_argument, NULL, 'O' },
        { "json", required_argument, NULL, 'J' },
        { "lang", required_argument, NULL, 'L' },
        { "models", required_argument, NULL, 'm' },
        { "fail-on", required_argument, NULL, 'F' },
        { "jobs", required_argument, NULL, 'j' },
        { "quiet", no_argument, NULL, 'q' },
        { "pdf", no_argument, NULL, 'P' },
        { "labels", no_argument, NULL, 'B' },
        { "label-size", required_argument, NULL, 'S' },
        { "no-xlsx", no_argument, NULL, 'X' },
        { "help", no_argument, NULL, 'h' },
        { "db", required_argument, NULL, 'D' },
        { "no-db", no_argument, NULL, 'N' },
        { NULL, 0, NULL, 0 },
    };
    int c;

    opterr = 0;
    while ((c = getopt_long(argc, argv, "o:O:j:qh", opts, NULL)) != -1) {
        switch (c) {
        case 'o':
            o->out = optarg;
            break;
        case 'O':
            o->out_dir = optarg;
            break;
        case 'J':
            o->json = optarg;
            break;
        case 'L':
            if (cli_parse_lang(optarg, &o->lang))
                return usage_error("--lang takes id or en, not '%s'", optarg);
            o->lang_given = 1;
            break;
        case 'm':
            o->models_dir = optarg;
            break;
        case 'F':
            if (parse_fail_on(optarg, &o->fail_on) != 0)
                return usage_error("--fail-on takes medium, high or extreme, "
                                   "not '%s'",
                                   optarg);
            break;
        case 'j': {
            char *end;
            long j = strtol(optarg, &end, 10);
            if (*end || j < 1 || j > 256)
                return usage_error("-j takes a number of jobs 1..256, not '%s'",
                                   optarg);
            o->jobs = (int)j;
            break;
        }
        case 'q':
            o->quiet = 1;
            break;
        case 'D':
            o->db = optarg;
            break;
        case 'N':
            o->no_db = 1;
            break;
        case 'P':
            o->pdf = 1;
            break;
        case 'B':
            o->labels = 1;
            break;
        case 'S':
            if (parse_label_size(optarg, &o->label_size) != 0)
                return usage_error("--label-size takes 100x150 or a4, not '%s'", optarg);
            break;
        case 'X':
            o->no_xlsx = 1;
            break;
        case 'h':
            printf("usage: k3audit audit SITE.ini... [-o FILE.xlsx | -O DIR] "
                   "[--json FILE|-]\n       [--lang id|en] [--models DIR] "
                   "[--fail-on medium|high|extreme] [-j N] [-q]\n"
                   "       [--db PATH|postgresql://USER@HOST/DB | --no-db]\n"
                   "       [--pdf] [--labels [--label-size 100x150|a4]] [--no-xlsx]\n");
            return EXIT_OK;
        default:
            return usage_error("unknown option or missing value: '%s'",
                               argv[optind - 1]);
        }
    }
    return -1;
}

/* The options that go together, for the sites given.  Returns -1 to go
 * on, or the exit code (reported). */
static int check_args(const struct audit_opts *o, char **sites, int n_sites)
{
    int i;

    if (n_sites < 1)
        return usage_error("%s", "no site file given (k3audit audit SITE.ini)");
    if (o->out && o->out_dir)
        return usage_error("%s", "give -o FILE or -O DIR, not both");
    if (o->out && n_sites > 1)
        return usage_error("%s", "-o names one workbook; use -O DIR for several sites");
    if (o->db && o->no_db)
        return usage_error("%s", "give --db PATH or --no-db, not both");
    if (o->db)
        for (i = 0; i < n_sites; i++)
            if (cli_same_file(o->db, sites[i]))
                return usage_error("the store %s is an input file", o->db);
    if (o->out && !ends_with(o->out, ".xlsx"))
        return usage_error("the workbook name must end in .xlsx: '%s'", o->out);
    if (o->json && strcmp(o->json, "-") != 0 && !ends_with(o->json, ".json"))
        return usage_error("the JSON file name must end in .json: '%s'", o->json);
    if (o->json && strcmp(o->json, "-") != 0 && n_sites > 1)
        return usage_error("%s", "with several sites, --json - writes an array "
                                 "to standard output");
    return -1;
}

/* Site i's workbook path into outs[i] (-o, or the site's stem in -O DIR
 * or reports/); neither it, its PDFs nor the JSON may be an input file
 * (in_st: the inputs' stat).  An exit code (reported). */
static int plan_output(const struct audit_opts *o, char **sites, int n_sites,
                       const struct stat *in_st, int i, char **outs)
{
    const char *site = sites[i];

    outs[i] = malloc(4096);
    if (!outs[i])
        return EXIT_IO;
    if (o->out)
        snprintf(outs[i], 4096, "%s", o->out);
    else
        cli_default_out(o->out_dir ? o->out_dir : "reports", site, "", outs[i], 4096);
    if (is_input(outs[i], sites, in_st, n_sites)) {
        fprintf(stderr,
                "k3audit audit: the output %s is an input file; "
                "nothing written\n",
                outs[i]);
        return EXIT_INPUT;
    }
    if (o->pdf || o->labels) {
        char pp[4096 + 16], lp[4096 + 16];
        pdf_path(outs[i], ".pdf", pp, sizeof(pp));
        pdf_path(outs[i], "-label.pdf", lp, sizeof(lp));
        if ((o->pdf && is_input(pp, sites, in_st, n_sites)) ||
            (o->labels && is_input(lp, sites, in_st, n_sites))) {
            fprintf(stderr,
                    "k3audit audit: a PDF output of %s is an input file; "
                    "nothing written\n",
                    site);
            return EXIT_INPUT;
        }
    }
    if (o->json && strcmp(o->json, "-") != 0 && cli_same_file(o->json, site)) {
        fprintf(stderr,
                "k3audit audit: the JSON output %s is an input file\n",
                o->json);
        return EXIT_INPUT;
    }
    return EXIT_OK;
}

/* Two sites that would write one file (the same stem with -O): refused
 * before anything is written (cli.md (2) "Exit status"), every pair
 * named.  An exit code. */
static int outputs_distinct(char **sites, int n_sites, char **outs)
{
    int i, j, rc = EXIT_OK;

    for (i = 0; i < n_sites; i++)
        for (j = i + 1; j < n_sites; j++)
            if (strcmp(outs[i], outs[j]) == 0) {
                char a[1024], b[1024], w[1024];
                k3a_text_clean(a, sizeof(a), sites[i], K3A_CLEAN_TERMINAL);
                k3a_text_clean(b, sizeof(b), sites[j], K3A_CLEAN_TERMINAL);
                k3a_text_clean(w, sizeof(w), outs[i], K3A_CLEAN_TERMINAL);
                fprintf(stderr,
                        "k3audit audit: %s and %s would both write %s; nothing "
                        "written (rename one, or audit it on its own with -o)\n",
                        a, b, w);
                rc = EXIT_INPUT;
            }
    return rc;
}

/* Every site's outputs planned (outs[i], freed by the caller) and
 * checked.  An exit code. */
static int plan_outputs(const struct audit_opts *o, char **sites, int n_sites, char **outs)
{
    struct stat *in_st = calloc((size_t)n_sites, sizeof(*in_st));
    int i, rc = EXIT_OK;

    if (!in_st)
        return EXIT_IO;
    for (i = 0; i < n_sites; i++) /* once each: the checks below are per pair */
        if (stat(sites[i], &in_st[i]) != 0)
            in_st[i].st_nlink = 0;
    for (i = 0; i < n_sites && rc == EXIT_OK; i++)
        rc = plan_output(o, sites, n_sites, in_st, i, outs);
    free(in_st);
    return rc == EXIT_OK ? outputs_distinct(sites, n_sites, outs) : rc;
}

/* reports/ made when no -o or -O is given; the -O folder must exist.  An
 * exit code (reported). */
static int prepare_out_folder(const struct audit_opts *o)
{
    struct stat st;

    if (!o->out && !o->out_dir) {
        if (stat("reports", &st) != 0 && mkdir("reports", 0777) != 0) {
            fprintf(stderr, "k3audit audit: cannot create reports/: %s\n", strerror(errno));
            return EXIT_IO;
        }
    } else if (o->out_dir) {
        if (stat(o->out_dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
            fprintf(stderr, "k3audit audit: output folder %s does not exist\n",
                    cli_safe(o->out_dir));
            return EXIT_IO;
        }
    }
    return EXIT_OK;
}

/* The sites one after the other in this process (with --json -, an array
 * in argument order on stdout, a site with errors as null).  The most
 * serious exit status. */
static int audit_serial(char **sites, int n_sites, char **outs, const struct audit_opts *o,
                        const struct k3a_models *models, struct k3a_site_summary *sums)
{
    int to_stdout = o->json && strcmp(o->json, "-") == 0;
    int bar = !o->quiet && n_sites > 1 && isatty(2);
    int i, r1, worst = EXIT_OK;

    if (to_stdout && n_sites > 1)
        fputs("[\n", stdout);
    for (i = 0; i < n_sites; i++) {
        if (to_stdout && n_sites > 1 && i > 0)
            fputs(",\n", stdout);
        r1 = cli_audit_one(sites[i], outs[i], o, models, to_stdout ? stdout : NULL,
                           o->json && !to_stdout ? o->json : NULL, sums ? &sums[i] : NULL);
        if (r1 != EXIT_OK && to_stdout)
            fputs("null\n", stdout); /* keep the array in argument order */
        worst = cli_more_serious(worst, r1);
        if (bar)
            cli_progress(i + 1, n_sites);
    }
    if (to_stdout && n_sites > 1)
        fputs("]\n", stdout);
    return worst;
}

/* The cross-site summary workbook, beside the workbooks.  EXIT_IO when
 * it could not be written, else EXIT_OK. */
static int write_batch_summary(const struct audit_opts *o, char **sites, int n_sites,
                               char **outs, const struct k3a_site_summary *sums)
{
    char spath[4096], msg[512];
    int i, clash = 0;

    snprintf(spath, sizeof(spath), "%s/k3audit-summary.xlsx",
             o->out_dir ? o->out_dir : "reports");
    for (i = 0; i < n_sites; i++)
        clash |= strcmp(outs[i], spath) == 0 || cli_same_file(spath, sites[i]);
    if (clash) {
        fprintf(stderr, "k3audit audit: a site is named k3audit-summary: no "
                        "summary workbook\n");
    } else if (k3a_report_write_summary_xlsx(sums, (size_t)n_sites,
                                             o->lang_given ? o->lang : K3A_LANG_ID, spath,
                                             msg, sizeof(msg)) != K3A_OK) {
        fprintf(stderr, "k3audit: %s\n", cli_safe(msg));
        return EXIT_IO;
    } else if (!o->quiet) {
        fprintf(stderr, "summary of %d sites: %s\n", n_sites, cli_safe(spath));
    }
    return EXIT_OK;
}

/* Audits the sites, in worker processes with -j N, and writes the
 * cross-site summary of several.  The most serious exit status. */
static int audit_sites(char **sites, int n_sites, char **outs, const struct audit_opts *o,
                       const struct k3a_models *models)
{
    size_t sums_size = (size_t)n_sites * sizeof(struct k3a_site_summary);
    struct k3a_site_summary *sums;
    int worst;

    /* shared with the worker processes */
    sums = n_sites > 1 ? mmap(NULL, sums_size, PROT_READ | PROT_WRITE,
                              MAP_SHARED | MAP_ANONYMOUS, -1, 0)
                       : NULL;
    if (sums == MAP_FAILED)
        sums = NULL;
    if (sums)
        memset(sums, 0, sums_size);
    if (o->jobs > 1 && n_sites > 1 && !(o->json && strcmp(o->json, "-") == 0) && sums)
        worst = cli_audit_parallel(sites, n_sites, outs, o, models, sums);
    else
        worst = audit_serial(sites, n_sites, outs, o, models, sums);
    if (sums) {
        if (write_batch_summary(o, sites, n_sites, outs, sums) != EXIT_OK)
            worst = EXIT_IO;
        munmap(sums, sums_size);
    }
    return worst;
}

int cmd_audit(int argc, char **argv)
{
    struct audit_opts o;
    struct k3a_models models;
    char **sites, **outs;
    int i, n_sites, rc;

    memset(&o, 0, sizeof(o));
    o.jobs = 1;
    if ((rc = parse_args(&o, argc, argv)) >= 0)
        return rc;
    sites = argv + optind;
    n_sites = argc - optind;
    if ((rc = check_args(&o, sites, n_sites)) >= 0)
        return rc;
    outs = calloc((size_t)n_sites, sizeof(*outs));
    if (!outs)
        return EXIT_IO;
    rc = plan_outputs(&o, sites, n_sites, outs);
    if (rc == EXIT_OK)
        rc = prepare_out_folder(&o);
    if (rc == EXIT_OK && (rc = cli_load_models(&models, o.models_dir)) == 0) {
        rc = audit_sites(sites, n_sites, outs, &o, &models);
        k3a_models_release(&models);
    }
    for (i = 0; i < n_sites; i++)
        free(outs[i]);
    free(outs);
    return rc;
}
