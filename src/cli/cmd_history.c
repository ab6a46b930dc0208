/*
 * cmd_history.c - the audit history's commands (cli.md v2 "Audit
 * history"): `history [SITE_ID]`, `due [--on DATE] [--within DAYS]`,
 * `export SITE_ID [--date DATE] [-o FILE.ini]` and `rescore [--models
 * DIR]`.  Each takes --db PATH|postgresql://... and --lang id|en; the
 * store is $K3AUDIT_DB or reports/k3audit.db by default.  The library
 * (history.h) answers; this file prints.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

struct hopts {
    const char *db, *date, *on, *out, *models_dir;
    long within;
    enum k3a_lang lang;
};

static void kill_self(void *ctx)
{
    (void)ctx;
    raise(SIGKILL);
}

void cli_history_test_hooks(struct k3a_history *h)
{
    const char *k = getenv("K3AUDIT_TEST_KILL");
    if (h && k && strcmp(k, "store") == 0)
        k3a_history_before_commit(h, kill_self, NULL);
}

static int herr(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int herr(const char *cmd, const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "k3audit %s: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return EXIT_INPUT;
}

static int valid_date(const char *s)
{
    int y, m, d;
    char tail;
    return strlen(s) == 10 && sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 &&
           m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 1900;
}

/* Parses the options every history command takes; returns -1 on success
 * (optind at the first operand), else an exit status. */
static int parse(const char *cmd, int argc, char **argv, struct hopts *o, const char *usage)
{
    static const struct option opts[] = {
        { "db", required_argument, NULL, 'D' },
        { "lang", required_argument, NULL, 'L' },
        { "date", required_argument, NULL, 'd' },
        { "on", required_argument, NULL, 'n' },
        { "within", required_argument, NULL, 'w' },
        { "output", required_argument, NULL, 'o' },
        { "models", required_argument, NULL, 'm' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    int c;

    memset(o, 0, sizeof(*o));
    o->within = 60;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
        switch (c) {
        case 'D':
            o->db = optarg;
            break;
        case 'L':
            if (cli_parse_lang(optarg, &o->lang))
                return herr(cmd, "--lang takes id or en, not '%s'", optarg);
            break;
        case 'd':
            if (!valid_date(optarg))
                return herr(cmd, "--date takes YYYY-MM-DD, not '%s'", optarg);
            o->date = optarg;
            break;
        case 'n':
            if (!valid_date(optarg))
                return herr(cmd, "--on takes YYYY-MM-DD, not '%s'", optarg);
            o->on = optarg;
            break;
        case 'w': {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*end || end == optarg || v < 0 || v > 36500)
                return herr(cmd, "--within takes a number of days 0..36500, not '%s'",
                            optarg);
            o->within = v;
            break;
        }
        case 'o':
            o->out = optarg;
            break;
        case 'm':
            o->models_dir = optarg;
            break;
        case 'h':
            printf("usage: k3audit %s\n", usage);
            return EXIT_OK;
        default:
            return herr(cmd, "unknown option or missing value: '%s'", argv[optind - 1]);
        }
    }
    return -1;
}

/* Opens the store a query reads: it must exist (a query never creates
 * an empty store where the user expected theirs). */
static struct k3a_history *open_store(const char *cmd, const struct hopts *o, int *rc)
{
    char where[4096], msg[600];
    struct k3a_history *h;
    struct stat st;

    cli_db_where(o->db, NULL, NULL, where, sizeof(where));
    if (strncmp(where, "postgres", 8) != 0 && stat(where, &st) != 0) {
        fprintf(stderr,
                "k3audit %s: no audit history at %s (audit a site first, or give "
                "--db)\n",
                cmd, cli_safe(where));
        *rc = EXIT_IO;
        return NULL;
    }
    if (k3a_history_open(&h, where, msg, sizeof(msg)) != K3A_OK) {
        fprintf(stderr, "k3audit %s: %s\n", cmd, cli_safe(msg));
        *rc = EXIT_IO;
        return NULL;
    }
    return h;
}

static int query_failed(const char *cmd, struct k3a_history *h, const char *msg)
{
    fprintf(stderr, "k3audit %s: %s\n", cmd, cli_safe(msg));
    k3a_history_close(h);
    return EXIT_IO;
}

/* ---- history ---------------------------------------------------------- */

/* Every site and its audits (the latest revision of each date).  0, or
 * -1 the query failed (msg). */
static int list_sites(struct k3a_history *h, int en, char *msg, size_t n)
{
    struct k3a_rows t;
    const char *last = NULL;
    size_t i;

    if (k3a_history_sites(h, &t, msg, n) != K3A_OK)
        return -1;
    for (i = 0; i < t.n; i++) {
        const char *id = k3a_rows_get(&t, i, 0);
        if (!last || strcmp(last, id) != 0) {
            const char *name = k3a_rows_get(&t, i, 1);
            if (strcmp(name, id) != 0)
                printf("%s%s  (%s)\n", i ? "\n" : "", cli_safe(id), cli_safe(name));
            else
                printf("%s%s\n", i ? "\n" : "", cli_safe(id));
        }
        last = id;
        printf("  %s  %-5s  %s %s, %s %s%s%s%s\n", k3a_rows_get(&t, i, 2),
               k3a_rows_get(&t, i, 4), k3a_rows_get(&t, i, 5),
               en ? "fail" : "gagal", k3a_rows_get(&t, i, 6),
               en ? "extreme risk(s)" : "risiko ekstrem",
               atoi(k3a_rows_get(&t, i, 7)) > 1 ? "; " : "",
               atoi(k3a_rows_get(&t, i, 7)) > 1 ? k3a_rows_get(&t, i, 7) : "",
               atoi(k3a_rows_get(&t, i, 7)) > 1 ? (en ? " revisions" : " revisi") : "");
    }
    if (!t.n)
        printf("%s\n", en ? "no audits in the store" : "belum ada audit di riwayat");
    k3a_rows_release(&t);
    return 0;
}

/* One site's audits, every revision.  0, 1 no such site, -1 the query
 * failed (msg). */
static int list_audits(struct k3a_history *h, const char *id, int en, char *msg, size_t n)
{
    struct k3a_rows t;
    size_t i;

    if (k3a_history_audits(h, id, &t, msg, n) != K3A_OK)
        return -1;
    if (!t.n) {
        k3a_rows_release(&t);
        return 1;
    }
    printf("%s: %s\n", cli_safe(id), en ? "audits" : "audit");
    for (i = 0; i < t.n; i++)
        printf("  %s  %s %s  %-5s  %s %s, %s %s, %s %s  sha256 %.16s  k3audit %s\n",
               k3a_rows_get(&t, i, 0), en ? "revision" : "revisi",
               k3a_rows_get(&t, i, 1), k3a_rows_get(&t, i, 3), k3a_rows_get(&t, i, 4),
               en ? "fail" : "gagal", k3a_rows_get(&t, i, 5),
               en ? "warn" : "peringatan", k3a_rows_get(&t, i, 6),
               en ? "extreme" : "ekstrem", k3a_rows_get(&t, i, 2),
               k3a_rows_get(&t, i, 7));
    k3a_rows_release(&t);
    return 0;
}

/* One site's earthing and insulation readings over time, a line for each
 * element and quantity.  0, or -1 the query failed (msg). */
static int list_values(struct k3a_history *h, const char *id, int en, char *msg, size_t n)
{
    struct k3a_rows v;
    size_t i;

    if (k3a_history_values(h, id, &v, msg, n) != K3A_OK)
        return -1;
    printf("%s\n", en ? "measurements over time:" : "hasil ukur dari waktu ke waktu:");
    for (i = 0; i < v.n; i++) {
        int head = i == 0 || strcmp(k3a_rows_get(&v, i, 0), k3a_rows_get(&v, i - 1, 0)) ||
                   strcmp(k3a_rows_get(&v, i, 1), k3a_rows_get(&v, i - 1, 1));
        if (head) {
            char lim[32] = "-";
            if (k3a_rows_get(&v, i, 5)[0])
                snprintf(lim, sizeof(lim), "%.4g", strtod(k3a_rows_get(&v, i, 5), NULL));
            printf("%s  %s %s (%s %s %s):", i ? "\n" : "", cli_safe(k3a_rows_get(&v, i, 0)),
                   k3a_rows_get(&v, i, 1), en ? "limit" : "batas", lim,
                   k3a_rows_get(&v, i, 4));
        }
        printf(" %s %.4g;", k3a_rows_get(&v, i, 2), strtod(k3a_rows_get(&v, i, 3), NULL));
    }
    if (v.n)
        putchar('\n');
    k3a_rows_release(&v);
    return 0;
}

/* One site's risk levels over time, a line for each element and hazard.
 * 0, or -1 the query failed (msg). */
static int list_risks(struct k3a_history *h, const char *id, int en, char *msg, size_t n)
{
    struct k3a_rows r;
    size_t i;

    if (k3a_history_risks(h, id, &r, msg, n) != K3A_OK)
        return -1;
    printf("%s\n", en ? "risk levels over time (as found -> after controls):"
                      : "tingkat risiko dari waktu ke waktu (awal -> sesudah pengendalian):");
    for (i = 0; i < r.n; i++) {
        int head = i == 0 || strcmp(k3a_rows_get(&r, i, 0), k3a_rows_get(&r, i - 1, 0)) ||
                   strcmp(k3a_rows_get(&r, i, 1), k3a_rows_get(&r, i - 1, 1));
        if (head)
            printf("%s  %s: %s:", i ? "\n" : "", cli_safe(k3a_rows_get(&r, i, 0)),
                   cli_safe(k3a_rows_get(&r, i, en ? 1 : 5)));
        printf(" %s %s -> %s;", k3a_rows_get(&r, i, 2), k3a_rows_get(&r, i, 3),
               k3a_rows_get(&r, i, 4));
    }
    if (r.n)
        putchar('\n');
    k3a_rows_release(&r);
    return 0;
}

int cmd_history(int argc, char **argv)
{
    struct hopts o;
    struct k3a_history *h;
    char msg[600];
    int rc = parse("history", argc, argv, &o, "history [SITE_ID] [--db PATH|URL] [--lang id|en]"),
        en;
    const char *id;

    if (rc >= 0)
        return rc;
    en = o.lang == K3A_LANG_EN;
    if (argc - optind > 1)
        return herr("history", "give one SITE_ID at most");
    if (!(h = open_store("history", &o, &rc)))
        return rc;
    id = optind < argc ? argv[optind] : NULL;
    if (!id) {
        rc = list_sites(h, en, msg, sizeof(msg));
    } else {
        rc = list_audits(h, id, en, msg, sizeof(msg));
        if (!rc)
            rc = list_values(h, id, en, msg, sizeof(msg));
        if (!rc)
            rc = list_risks(h, id, en, msg, sizeof(msg));
    }
    if (rc < 0)
        return query_failed("history", h, msg);
    k3a_history_close(h);
    if (rc > 0) {
        fprintf(stderr, "k3audit history: no site '%s' in the store\n", cli_safe(id));
        return EXIT_INPUT;
    }
    return EXIT_OK;
}

/* ---- due ---------------------------------------------------------------- */

static void civil(long days, char out[11])
{
    long z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
    long y = yoe + era * 400 + (m <= 2);
    snprintf(out, 11, "%04lu-%02lu-%02lu", (unsigned long)y % 10000u, (unsigned long)m % 100u,
             (unsigned long)d % 100u);
}

static long days_of(const char *s)
{
    struct k3a_date d = { 0, 0, 0 };
    if (sscanf(s, "%4d-%2d-%2d", &d.y, &d.m, &d.d) != 3)
        return 0;
    return k3a_date_days(d);
}

int cmd_due(int argc, char **argv)
{
    static const char *const what_id[][2] = {
        { "inspection", "riksa uji berkala" }, { "lightning", "uji penyalur petir" },
        { "calibration", "kalibrasi alat ukur" }, { "control", "pengendalian usulan" },
        { "insulation", "isolasi mencapai batas (tren)" },
    };
    static const char *const what_en[] = { "periodic inspection", "lightning-protection test",
                                           "instrument calibration", "proposed control",
                                           "insulation reaches its limit (trend)" };
    struct hopts o;
    struct k3a_history *h;
    struct k3a_rows t;
    char msg[600], today[11], until[11];
    int rc = parse("due", argc, argv, &o,
                   "due [--on DATE] [--within DAYS] [--db PATH|URL] [--lang id|en]"),
        en;
    long on_days;
    size_t i, k, overdue = 0;

    if (rc >= 0)
        return rc;
    en = o.lang == K3A_LANG_EN;
    if (optind != argc)
        return herr("due", "takes no operand (did you mean --on DATE?)");
    if (o.on) {
        snprintf(today, sizeof(today), "%s", o.on);
    } else {
        time_t now = time(NULL);
        struct tm tm;
        localtime_r(&now, &tm);
        strftime(today, sizeof(today), "%Y-%m-%d", &tm);
    }
    on_days = days_of(today);
    civil(on_days + o.within, until);
    if (!(h = open_store("due", &o, &rc)))
        return rc;
    if (k3a_history_due(h, until, &t, msg, sizeof(msg)) != K3A_OK)
        return query_failed("due", h, msg);
    printf("%s %s (%s %s, %ld %s)\n", en ? "due by" : "jatuh tempo sampai", until,
           en ? "from" : "dari", today, o.within, en ? "days" : "hari");
    for (i = 0; i < t.n; i++) {
        const char *what = k3a_rows_get(&t, i, 2), *label = what;
        int late = days_of(k3a_rows_get(&t, i, 0)) < on_days;
        for (k = 0; k < sizeof(what_en) / sizeof(what_en[0]); k++)
            if (strcmp(what, what_id[k][0]) == 0)
                label = en ? what_en[k] : what_id[k][1];
        overdue += late != 0;
        printf("  %s  %-9s  %s  %s  %s  (%s)\n", k3a_rows_get(&t, i, 0),
               late ? (en ? "OVERDUE" : "TERLAMBAT") : (en ? "due" : "jatuh tempo"),
               cli_safe(k3a_rows_get(&t, i, 1)), label, cli_safe(k3a_rows_get(&t, i, 3)),
               cli_safe(k3a_rows_get(&t, i, en ? 4 : 5)));
    }
    printf("%zu %s, %zu %s\n", t.n, en ? "item(s)" : "butir", overdue,
           en ? "overdue" : "terlambat");
    k3a_rows_release(&t);
    k3a_history_close(h);
    return EXIT_OK;
}

/* ---- export ------------------------------------------------------------- */

int cmd_export(int argc, char **argv)
{
    struct hopts o;
    struct k3a_history *h;
    char msg[600], *bytes = NULL;
    size_t len = 0;
    enum k3a_status st;
    int rc = parse("export", argc, argv, &o,
                   "export SITE_ID [--date DATE] [-o FILE.ini] [--db PATH|URL]");

    if (rc >= 0)
        return rc;
    if (argc - optind != 1)
        return herr("export", "give one SITE_ID (k3audit history lists them)");
    if (o.out) {
        size_t n = strlen(o.out);
        struct stat sb;
        if (n < 5 || strcmp(o.out + n - 4, ".ini") != 0)
            return herr("export", "the file name must end in .ini: '%s'", o.out);
        /* an existing file may be a site file someone typed: never replaced */
        if (lstat(o.out, &sb) == 0)
            return herr("export", "%s exists; nothing written (choose a new name)", o.out);
    }
    if (!(h = open_store("export", &o, &rc)))
        return rc;
    st = k3a_history_export(h, argv[optind], o.date, &bytes, &len, msg, sizeof(msg));
    k3a_history_close(h);
    if (st != K3A_OK) {
        fprintf(stderr, "k3audit export: %s\n", cli_safe(msg));
        return st == K3A_E_INPUT ? EXIT_INPUT : EXIT_IO;
    }
    if (!o.out) {
        rc = fwrite(bytes, 1, len, stdout) == len && fflush(stdout) == 0 ? EXIT_OK : EXIT_IO;
        free(bytes);
        return rc;
    }
    {
        /* a temporary file beside the target, then linked into place:
         * link() never replaces a file that appeared meanwhile */
        char tmp[4096];
        int fd;
        FILE *fp;
        const char *slash = strrchr(o.out, '/');
        if (slash)
            snprintf(tmp, sizeof(tmp), "%.*s/.k3a-export-XXXXXX", (int)(slash - o.out), o.out);
        else
            snprintf(tmp, sizeof(tmp), ".k3a-export-XXXXXX");
        fd = mkstemp(tmp);
        if (fd < 0) {
            fprintf(stderr, "k3audit export: cannot write beside %s: %s\n", o.out,
                    strerror(errno));
            free(bytes);
            return EXIT_IO;
        }
        fp = fdopen(fd, "wb");
        if (!fp || fwrite(bytes, 1, len, fp) != len || fflush(fp) != 0 ||
            fsync(fileno(fp)) != 0 || fclose(fp) != 0) {
            fprintf(stderr, "k3audit export: cannot write %s: %s\n", o.out, strerror(errno));
            unlink(tmp);
            free(bytes);
            return EXIT_IO;
        }
        free(bytes);
        if (link(tmp, o.out) != 0) {
            fprintf(stderr, "k3audit export: cannot create %s: %s\n", o.out, strerror(errno));
            unlink(tmp);
            return errno == EEXIST ? EXIT_INPUT : EXIT_IO;
        }
        unlink(tmp);
        fprintf(stderr, "%s: %zu bytes\n", cli_safe(o.out), len);
    }
    return EXIT_OK;
}

/* ---- rescore ------------------------------------------------------------ */

/* Re-runs one stored audit under models; prints what would change.
 * Returns the number of changes, or -1 on error. */
static int rescore_one(struct k3a_history *h, const struct k3a_models *models,
                       const char *id, const char *date, int revision, int en)
{
    struct k3a_site site;
    struct k3a_diag_list dl;
    struct k3a_results res;
    struct k3a_history_prev *prev = NULL, *rec = NULL;
    struct k3a_changes c;
    char msg[600], label[512], *bytes = NULL;
    size_t len = 0, i;
    int n = -1;
    enum k3a_status st;

    k3a_site_init(&site);
    k3a_diag_list_init(&dl);
    k3a_results_init(&res);
    /* the clauses and titles of the rerun in the language of the output */
    res.title_langs = 1u << (en ? K3A_LANG_EN : K3A_LANG_ID);
    k3a_changes_init(&c);
    snprintf(label, sizeof(label), "%s@%s", id, date);
    if (k3a_history_export(h, id, date, &bytes, &len, msg, sizeof(msg)) != K3A_OK) {
        fprintf(stderr, "k3audit rescore: %s\n", cli_safe(msg));
        goto out;
    }
    if (k3a_site_load_text(&site, label, bytes, len, models, &dl) != K3A_OK || dl.n_errors) {
        cli_print_diags(&dl, 1);
        fprintf(stderr, "k3audit rescore: %s: the stored file does not load under these "
                        "models\n", label);
        goto out;
    }
    /* the same earlier readings the audit had */
    if (k3a_history_previous(h, &site, &prev, msg, sizeof(msg)) != K3A_OK ||
        k3a_history_feed(prev, &site) != K3A_OK) {
        fprintf(stderr, "k3audit rescore: %s\n", cli_safe(msg));
        goto out;
    }
    if (k3a_audit_run(&site, models, &res, &dl) != K3A_OK || dl.n_errors) {
        cli_print_diags(&dl, 1);
        fprintf(stderr, "k3audit rescore: %s: the audit does not run under these models\n",
                label);
        goto out;
    }
    if (k3a_history_record(h, id, date, revision, &rec, msg, sizeof(msg)) != K3A_OK) {
        fprintf(stderr, "k3audit rescore: %s\n", cli_safe(msg));
        goto out;
    }
    if ((st = k3a_history_compare(rec, &res, en ? K3A_LANG_EN : K3A_LANG_ID, &c)) != K3A_OK) {
        fprintf(stderr, "k3audit rescore: %s\n", k3a_strerror(st)); /* sets no msg */
        goto out;
    }
    n = 0;
    for (i = 0; i < c.n; i++) {
        const struct k3a_change *x = &c.v[i];
        if (x->what == K3A_CHG_MEASUREMENT || x->kind == K3A_CHG_SAME)
            continue;
        if (!n)
            printf("%s  %s\n", cli_safe(id), date);
        if (x->what == K3A_CHG_RISK || !x->title || !x->title[0])
            /* a risk: the element and its hazard in the language */
            printf("  %s %s %s: %s -> %s\n",
                   x->what == K3A_CHG_RISK ? (en ? "risk" : "risiko")
                                           : (en ? "verdict" : "putusan"),
                   cli_safe(x->element),
                   cli_safe(x->what == K3A_CHG_RISK && en ? x->check : x->check_id),
                   cli_safe(x->before[0] ? x->before : "-"),
                   cli_safe(x->after[0] ? x->after : "-"));
        else /* a finding: what was checked, in words (its title names the element) */
            printf("  %s %s: %s -> %s\n", en ? "verdict" : "putusan", cli_safe(x->title),
                   cli_safe(x->before[0] ? x->before : "-"),
                   cli_safe(x->after[0] ? x->after : "-"));
        if (x->reason[0])
            printf("    %s: %s\n", en ? "because" : "sebab", cli_safe(x->reason));
        n++;
    }
out:
    free(bytes);
    k3a_changes_release(&c);
    k3a_history_prev_free(prev);
    k3a_history_prev_free(rec);
    k3a_results_release(&res);
    k3a_diag_list_release(&dl);
    k3a_site_release(&site);
    return n;
}

int cmd_rescore(int argc, char **argv)
{
    struct hopts o;
    struct k3a_history *h;
    struct k3a_models models;
    struct k3a_rows t;
    char msg[600];
    int rc = parse("rescore", argc, argv, &o,
                   "rescore [--models DIR] [--db PATH|URL] [--lang id|en]"),
        en, failed = 0;
    size_t i, total = 0, sites = 0;

    if (rc >= 0)
        return rc;
    en = o.lang == K3A_LANG_EN;
    if (optind != argc)
        return herr("rescore", "takes no operand");
    if ((rc = cli_load_models(&models, o.models_dir)) != 0)
        return rc;
    if (!(h = open_store("rescore", &o, &rc))) {
        k3a_models_release(&models);
        return rc;
    }
    if (k3a_history_latest(h, &t, msg, sizeof(msg)) != K3A_OK) {
        k3a_models_release(&models);
        return query_failed("rescore", h, msg);
    }
    for (i = 0; i < t.n; i++) {
        int n = rescore_one(h, &models, k3a_rows_get(&t, i, 0), k3a_rows_get(&t, i, 1),
                            atoi(k3a_rows_get(&t, i, 2)), en);
        if (n < 0)
            failed = 1;
        else if (n > 0) {
            total += (size_t)n;
            sites++;
        }
    }
    printf(en ? "%zu change(s) in %zu of %zu site(s); the store is unchanged\n"
              : "%zu perubahan di %zu dari %zu tempat kerja; riwayat tidak diubah\n",
           total, sites, t.n);
    k3a_rows_release(&t);
    k3a_history_close(h);
    k3a_models_release(&models);
    return failed ? EXIT_IO : EXIT_OK;
}
