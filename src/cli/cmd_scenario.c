/*
 * cmd_scenario.c - `k3audit scenario BASE.ini [--set K=V]... [--drop K]...
 * [--sweep K=FROM:TO:N | K=A,B,C] [--variant NAME]... [--title T]
 * [-o OUT.xlsx]`: the base and its variants side by side (cli.md
 * "Scenario grammar"; training files: docs/site-format.md section 7).  Every variant is the base text with
 * its edits applied (scenario.h), loaded and checked like a file: a
 * problem in a --set is reported as `--set N: error: ...`.
 */
#define _GNU_SOURCE
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "k3audit/scenario.h"

#define MAX_EDITS 64
#define MAX_RUNS 64
#define SWEEP_ORIGIN 999 /* the origin of the --sweep edit in messages */

struct run {
    char title[600];
    struct k3a_edit *edits;
    size_t n_edits;
    char *text;
    int *origin;
    size_t n_lines;
    struct k3a_site site;
    struct k3a_results res;
    int loaded;
};

/* Prints diagnostics with their lines mapped back to the base file or to
 * the --set / --drop they came from. */
static void print_mapped(const struct k3a_diag_list *dl, const char *base,
                         const struct run *ru)
{
    size_t i;

    for (i = 0; i < dl->n; i++) {
        const struct k3a_diag *d = &dl->v[i];
        char where[600];
        int line = d->line;
        const char *sev = d->severity == K3A_ERROR     ? "error"
                          : d->severity == K3A_WARNING ? "warning"
                                                       : "note";
        if (d->file && (strcmp(d->file, "--drop") == 0 || strcmp(d->file, "--set") == 0)) {
            snprintf(where, sizeof(where), "%s %d", d->file, line);
        } else if (line > 0 && (size_t)line <= ru->n_lines && ru->origin[line - 1] < 0) {
            /* only a set inserts lines */
            if (-ru->origin[line - 1] == SWEEP_ORIGIN)
                snprintf(where, sizeof(where), "--sweep");
            else
                snprintf(where, sizeof(where), "--set %d", -ru->origin[line - 1]);
        } else {
            snprintf(where, sizeof(where), "%s:%d", base,
                     line > 0 && (size_t)line <= ru->n_lines ? ru->origin[line - 1] : line);
        }
        fprintf(stderr, "%s: %s: ", cli_safe(where), sev);
        if (d->element[0])
            fprintf(stderr, "[%s]%s%s: ", cli_safe(d->element), d->key[0] ? " " : "",
                    cli_safe(d->key));
        else if (d->key[0])
            fprintf(stderr, "%s: ", cli_safe(d->key));
        fprintf(stderr, "%s\n", cli_safe(d->msg));
    }
}

/* A finite number written as in a site file (point, no junk). */
static int plain_number(const char *s, size_t n, double *out)
{
    char buf[64], *end;

    if (!n || n >= sizeof(buf) || strspn(s, "0123456789.+-eE") < n)
        return -1;
    memcpy(buf, s, n);
    buf[n] = '\0';
    *out = strtod(buf, &end);
    return *end || !isfinite(*out) ? -1 : 0;
}

/* The values of a sweep: FROM:TO:N (evenly spaced, both ends) or A,B,C.
 * Returns their count, or -1 with msg set (more than max points is an
 * error stating the limit, never fewer runs). */
static int sweep_values(const char *spec, char vals[][64], int max, char *msg, size_t msg_size)
{
    const char *c1 = strchr(spec, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
    int n, i;

    if (c1 && c2 && !strchr(c2 + 1, ':') && !strchr(spec, ',')) {
        double a, b, nn;
        if (plain_number(spec, (size_t)(c1 - spec), &a) ||
            plain_number(c1 + 1, (size_t)(c2 - c1 - 1), &b) ||
            plain_number(c2 + 1, strlen(c2 + 1), &nn) || nn > floor(nn)) {
            snprintf(msg, msg_size, "'%s': expected FROM:TO:N (numbers, N a whole number)",
                     spec);
            return -1;
        }
        if (nn < 2 || nn > max) {
            snprintf(msg, msg_size, "%.0f points; a sweep has 2 to %d", nn, max);
            return -1;
        }
        n = (int)nn;
        for (i = 0; i < n; i++)
            snprintf(vals[i], 64, "%.10g", a + (b - a) * i / (n - 1));
        return n;
    }
    for (n = 0;; n++) {
        const char *c = strchr(spec, ',');
        size_t l = c ? (size_t)(c - spec) : strlen(spec);
        if (n == max) {
            size_t total = 1;
            for (c = spec; (c = strchr(c, ',')) != NULL; c++)
                total++;
            snprintf(msg, msg_size, "%zu values; a sweep has 2 to %d", (size_t)n + total, max);
            return -1;
        }
        if (l >= 64) {
            snprintf(msg, msg_size, "value %d is %zu bytes long (at most 63)", n + 1, l);
            return -1;
        }
        snprintf(vals[n], 64, "%.*s", (int)l, spec);
        spec += l + (c ? 1 : 0);
        if (!c)
            break;
    }
    if (n + 1 < 2) {
        snprintf(msg, msg_size, "give FROM:TO:N with N >= 2, or two or more values");
        return -1;
    }
    return n + 1;
}

int cmd_scenario(int argc, char **argv)
{
    static const struct option opts[] = {
        { "set", required_argument, NULL, 's' },
        { "drop", required_argument, NULL, 'd' },
        { "sweep", required_argument, NULL, 'w' },
        { "variant", required_argument, NULL, 'v' },
        { "title", required_argument, NULL, 't' },
        { "lang", required_argument, NULL, 'l' },
        { "models", required_argument, NULL, 'm' },
        { "json", required_argument, NULL, 'J' },
        { "help", no_argument, NULL, 'h' },
        { "db", required_argument, NULL, 'D' },   /* cli.md: taken, never stored */
        { "no-db", no_argument, NULL, 'N' },
        { NULL, 0, NULL, 0 },
    };
    struct k3a_edit cli_edits[MAX_EDITS], sweep_edit;
    const char *variants[MAX_RUNS], *title = NULL, *out = NULL, *models_dir = NULL,
                                    *json = NULL, *sweep = NULL;
    char outbuf[4096], sweep_vals[MAX_RUNS][64], msg[512];
    size_t n_cli = 0, n_var = 0, n_runs = 0, i, k;
    struct run *runs = NULL;
    struct k3a_models models;
    struct k3a_site base;
    struct k3a_diag_list dl;
    enum k3a_lang lang = K3A_LANG_ID;
    int c, lang_given = 0, n_sweep = 0, rc = EXIT_OK, bad = 0, n_set = 0, n_drop = 0;
    char *text = NULL;
    size_t len = 0;
    const char *path;

    optind = 1;
    while ((c = getopt_long(argc, argv, "o:qh", opts, NULL)) != -1) {
        switch (c) {
        case 's':
        case 'd':
            if (n_cli == MAX_EDITS) {
                fprintf(stderr, "k3audit scenario: at most %d --set / --drop\n", MAX_EDITS);
                return EXIT_INPUT;
            }
            if (k3a_edit_parse(optarg, c == 's' ? K3A_EDIT_SET : K3A_EDIT_DROP,
                               c == 's' ? ++n_set : ++n_drop, &cli_edits[n_cli], msg,
                               sizeof(msg)) != 0) {
                fprintf(stderr, "%s %d: error: %s\n", c == 's' ? "--set" : "--drop",
                        c == 's' ? n_set : n_drop, cli_safe(msg));
                bad = 1;
                break;
            }
            n_cli++;
            break;
        case 'w':
            if (sweep) {
                fprintf(stderr, "k3audit scenario: one --sweep per run\n");
                return EXIT_INPUT;
            }
            sweep = optarg;
            break;
        case 'v':
            if (n_var == MAX_RUNS) {
                fprintf(stderr, "k3audit scenario: at most %d --variant\n", MAX_RUNS);
                return EXIT_INPUT;
            }
            variants[n_var++] = optarg;
            break;
        case 't': {
            unsigned cp;
            long at = k3a_text_control_at(optarg, strlen(optarg), &cp);
            if (at >= 0) {
                fprintf(stderr,
                        "k3audit scenario: --title: control character U+%04X at column %ld "
                        "(one line of text)\n",
                        cp, at + 1);
                return EXIT_INPUT;
            }
            title = optarg;
            break;
        }
        case 'o':
            out = optarg;
            break;
        case 'l':
            if (cli_parse_lang(optarg, &lang) != 0) {
                fprintf(stderr, "k3audit scenario: --lang takes id or en\n");
                return EXIT_INPUT;
            }
            lang_given = 1;
            break;
        case 'm':
            models_dir = optarg;
            break;
        case 'J':
            json = optarg;
            break;
        case 'q':
            break;
        case 'D': /* a scenario is never kept in the audit history */
        case 'N':
            break;
        case 'h':
            printf("usage: k3audit scenario BASE.ini [--set K=V]... [--drop K]... "
                   "[--sweep K=FROM:TO:N|K=A,B,C]\n       [--variant NAME]... "
                   "[--title TEXT] [-o OUT.xlsx] [--lang id|en] [--models DIR]\n");
            return EXIT_OK;
        default:
            return EXIT_INPUT;
        }
    }
    if (bad)
        return EXIT_INPUT;
    if (argc - optind != 1) {
        fprintf(stderr, "k3audit scenario: give one base site file\n");
        return EXIT_INPUT;
    }
    path = argv[optind];
    if (json && strcmp(json, "-") != 0 &&
        (strlen(json) < 5 || strcmp(json + strlen(json) - 5, ".json") != 0)) {
        fprintf(stderr, "k3audit scenario: the JSON file name must end in .json: '%s'\n",
                cli_safe(json));
        return EXIT_INPUT;
    }
    if ((out && cli_same_file(out, argv[optind])) ||
        (json && strcmp(json, "-") != 0 && cli_same_file(json, argv[optind]))) {
        fprintf(stderr, "k3audit scenario: an output is the input file; nothing written\n");
        return EXIT_INPUT;
    }
    if (out && (strlen(out) < 5 || strcmp(out + strlen(out) - 5, ".xlsx") != 0)) {
        fprintf(stderr, "k3audit scenario: the workbook name must end in .xlsx: '%s'\n",
                cli_safe(out));
        return EXIT_INPUT;
    }
    if (sweep) {
        const char *eq = strchr(sweep, '=');
        char key[256];
        if (!eq) {
            fprintf(stderr, "k3audit scenario: --sweep K=FROM:TO:N or K=A,B,C\n");
            return EXIT_INPUT;
        }
        if ((size_t)(eq - sweep) + 3 > sizeof(key)) {
            fprintf(stderr, "k3audit scenario: --sweep: the key is %zu bytes long\n",
                    (size_t)(eq - sweep));
            return EXIT_INPUT;
        }
        snprintf(key, sizeof(key), "%.*s=x", (int)(eq - sweep), sweep);
        if (k3a_edit_parse(key, K3A_EDIT_SET, 0, &sweep_edit, msg, sizeof(msg)) != 0 ||
            (n_sweep = sweep_values(eq + 1, sweep_vals, MAX_RUNS - 1, msg, sizeof(msg))) < 2 ||
            k3a_text_control_at(eq + 1, strlen(eq + 1), (unsigned[]){ 0 }) >= 0) {
            if (n_sweep >= 2)
                snprintf(msg, sizeof(msg), "a control character or line break in the values");
            fprintf(stderr, "k3audit scenario: --sweep: %s\n", msg);
            return EXIT_INPUT;
        }
    }
    if (!out) {
        cli_default_out("reports", path, "-scenario", outbuf, sizeof(outbuf));
        mkdir("reports", 0777);
        out = outbuf;
    }
    if ((rc = cli_load_models(&models, models_dir)) != 0)
        return rc;
    /* the base */
    k3a_site_init(&base);
    k3a_diag_list_init(&dl);
    if (k3a_site_load_file(&base, path, &models, &dl) != K3A_OK || dl.n_errors) {
        cli_print_diags(&dl, 0);
        fprintf(stderr, "%s: errors; nothing written\n", cli_safe(path));
        rc = EXIT_INPUT;
        goto done_base;
    }
    k3a_diag_list_release(&dl);
    k3a_diag_list_init(&dl);
    {
        FILE *fp = fopen(path, "rb");
        size_t cap = 0, got;
        if (!fp) {
            rc = EXIT_IO;
            goto done_base;
        }
        for (;;) {
            char *p;
            if (len + 65536 > cap) {
                p = realloc(text, cap = cap * 2 + 65536 + 1);
                if (!p) {
                    fclose(fp);
                    rc = EXIT_IO;
                    goto done_base;
                }
                text = p;
            }
            got = fread(text + len, 1, 65536, fp);
            if (!got)
                break;
            len += got;
        }
        fclose(fp);
    }
    for (k = 0; k < n_var; k++) {
        /* a --variant names one of the file's [variant] sections */
        int found = 0;
        for (i = 0; i < base.n_variants; i++)
            found |= strcmp(variants[k], base.variants[i].hdr.name) == 0;
        if (!found) {
            char clean[200];
            k3a_text_clean(clean, sizeof(clean), variants[k], K3A_CLEAN_TERMINAL);
            fprintf(stderr, "k3audit scenario: --variant %s: %s has no [variant %s]%s", clean,
                    path, clean, base.n_variants ? " (it has:" : "\n");
            for (i = 0; i < base.n_variants; i++)
                fprintf(stderr, " %s%s", base.variants[i].hdr.name,
                        i + 1 < base.n_variants ? "," : ")\n");
            rc = EXIT_INPUT;
        }
    }
    if (rc == EXIT_OK && !sweep && !n_cli) {
        /* every picked variant runs, or none: never fewer than asked */
        size_t picked = 0;
        for (i = 0; i < base.n_variants; i++) {
            int pick = n_var == 0;
            for (k = 0; k < n_var; k++)
                pick |= strcmp(variants[k], base.variants[i].hdr.name) == 0;
            picked += (size_t)pick;
        }
        if (picked + 1 > MAX_RUNS) {
            fprintf(stderr,
                    "k3audit scenario: %s has %zu variants to run; a scenario runs the base "
                    "and at most %d (pick some with --variant)\n",
                    cli_safe(path), picked, MAX_RUNS - 1);
            rc = EXIT_INPUT;
        }
    }
    if (rc != EXIT_OK)
        goto done_base;
    runs = calloc(MAX_RUNS + 1, sizeof(*runs));
    if (!runs) {
        rc = EXIT_IO;
        goto done_base;
    }
    /* run 0: the base; then the file's variants; then the command line's
     * variant or the sweep points */
    snprintf(runs[n_runs++].title, sizeof(runs[0].title), "%s",
             lang == K3A_LANG_EN ? "Base" : "Dasar");
    for (i = 0; i < base.n_variants && n_runs < MAX_RUNS; i++) {
        const struct k3a_variant *v = &base.variants[i];
        struct run *ru;
        int pick = n_var == 0;
        for (k = 0; k < n_var; k++)
            pick |= strcmp(variants[k], v->hdr.name) == 0;
        if (!pick || sweep || n_cli)
            continue;
        ru = &runs[n_runs++];
        snprintf(ru->title, sizeof(ru->title), "%s: %s", v->hdr.name, v->title ? v->title : "");
        ru->edits = calloc(v->set.n + v->drop.n + 1, sizeof(*ru->edits));
        if (!ru->edits) {
            rc = EXIT_IO;
            goto done;
        }
        for (k = 0; k < v->set.n + v->drop.n; k++) {
            int is_set = k < v->set.n;
            if (k3a_edit_parse(is_set ? v->set.v[k] : v->drop.v[k - v->set.n],
                               is_set ? K3A_EDIT_SET : K3A_EDIT_DROP, (int)(k + 1),
                               &ru->edits[ru->n_edits], msg, sizeof(msg)) != 0) {
                fprintf(stderr, "%s:%d: error: [variant %s] %s\n", cli_safe(path), v->hdr.line,
                        v->hdr.name, msg);
                rc = EXIT_INPUT;
                goto done;
            }
            ru->n_edits++;
        }
    }
    if (n_cli && !sweep) {
        struct run *ru = &runs[n_runs++];
        size_t u = 0;
        ru->edits = calloc(n_cli + 1, sizeof(*ru->edits));
        if (!ru->edits) {
            rc = EXIT_IO;
            goto done;
        }
        memcpy(ru->edits, cli_edits, n_cli * sizeof(*cli_edits));
        ru->n_edits = n_cli;
        if (title)
            snprintf(ru->title, sizeof(ru->title), "%s", title);
        else /* the --set / --drop list, as typed */
            for (k = 0; k < n_cli && u < sizeof(ru->title) - 1; k++) {
                const struct k3a_edit *e = &cli_edits[k];
                u += (size_t)snprintf(ru->title + u, sizeof(ru->title) - u, "%s%s%s%s%s%s%s%s",
                                      u ? "; " : "", e->op == K3A_EDIT_DROP ? "drop " : "",
                                      e->kind, e->name[0] ? "." : "", e->name,
                                      e->op == K3A_EDIT_SET ? "." : "",
                                      e->op == K3A_EDIT_SET ? e->key : "",
                                      e->op == K3A_EDIT_SET ? "=" : "");
                if (e->op == K3A_EDIT_SET && u < sizeof(ru->title))
                    u += (size_t)snprintf(ru->title + u, sizeof(ru->title) - u, "%s", e->value);
            }
    }
    for (k = 0; k < (size_t)n_sweep && n_runs < MAX_RUNS; k++) {
        struct run *ru = &runs[n_runs++];
        ru->edits = calloc(n_cli + 2, sizeof(*ru->edits));
        if (!ru->edits) {
            rc = EXIT_IO;
            goto done;
        }
        memcpy(ru->edits, cli_edits, n_cli * sizeof(*cli_edits));
        ru->edits[n_cli] = sweep_edit;
        snprintf(ru->edits[n_cli].value, sizeof(ru->edits[n_cli].value), "%s", sweep_vals[k]);
        ru->edits[n_cli].origin = SWEEP_ORIGIN;
        ru->n_edits = n_cli + 1;
        snprintf(ru->title, sizeof(ru->title), "%.*s=%s", (int)(strchr(sweep, '=') - sweep),
                 sweep, sweep_vals[k]);
    }
    /* a variant run leaves out the file's [variant] sections: their edits
     * are applied, and a --drop must not leave them pointing at nothing */
    for (i = 1; i < n_runs; i++) {
        struct run *ru = &runs[i];
        void *q = realloc(ru->edits, (ru->n_edits + base.n_variants + 1) * sizeof(*ru->edits));
        if (!q) {
            rc = EXIT_IO;
            goto done;
        }
        ru->edits = q;
        for (k = 0; k < base.n_variants; k++) {
            struct k3a_edit *e = &ru->edits[ru->n_edits++];
            memset(e, 0, sizeof(*e));
            e->op = K3A_EDIT_DROP;
            snprintf(e->kind, sizeof(e->kind), "variant");
            snprintf(e->name, sizeof(e->name), "%s", base.variants[k].hdr.name);
            e->origin = 0;
        }
    }
    /* load and audit every run */
    for (i = 0; i < n_runs; i++) {
        struct run *ru = &runs[i];
        struct k3a_diag_list rdl;
        enum k3a_status st;
        k3a_diag_list_init(&rdl);
        if (i == 0) {
            ru->text = malloc(len + 1);
            if (!ru->text) {
                rc = EXIT_IO;
                goto done;
            }
            memcpy(ru->text, text, len);
            ru->text[len] = '\0';
            st = K3A_OK;
            {
                size_t L = 1, q;
                for (q = 0; q < len; q++)
                    L += text[q] == '\n';
                ru->origin = malloc(L * sizeof(int));
                if (!ru->origin) {
                    rc = EXIT_IO;
                    goto done;
                }
                for (q = 0; q < L; q++)
                    ru->origin[q] = (int)q + 1;
                ru->n_lines = L;
            }
        } else {
            size_t olen;
            st = k3a_edits_apply(text, len, ru->edits, ru->n_edits, &ru->text, &olen,
                                 &ru->origin, &ru->n_lines, &rdl);
            if (st == K3A_E_NOMEM) {
                rc = EXIT_IO;
                k3a_diag_list_release(&rdl);
                goto done;
            }
            if (ru->text) {
                k3a_site_init(&ru->site);
                ru->loaded = 1;
                if (k3a_site_load_text(&ru->site, path, ru->text, strlen(ru->text), &models,
                                       &rdl) != K3A_OK)
                    st = K3A_E_INPUT;
            }
        }
        if (i == 0) {
            k3a_site_init(&ru->site);
            ru->loaded = 1;
            if (k3a_site_load_text(&ru->site, path, ru->text, len, &models, &rdl) != K3A_OK)
                st = K3A_E_INPUT;
        }
        if (rdl.n_errors || st != K3A_OK) {
            fprintf(stderr, "%s:\n", ru->title);
            print_mapped(&rdl, path, ru);
            rc = EXIT_INPUT;
        }
        k3a_diag_list_release(&rdl);
        if (rc == EXIT_OK) {
            k3a_diag_list_init(&rdl);
            k3a_results_init(&ru->res);
            /* the workbook's language: clauses and titles in it alone */
            ru->res.title_langs = 1u << (lang_given ? lang : ru->site.site.lang);
            if (k3a_audit_run(&ru->site, &models, &ru->res, &rdl) != K3A_OK)
                rc = EXIT_IO;
            else if (rdl.n_errors) {
                fprintf(stderr, "%s:\n", ru->title);
                print_mapped(&rdl, path, ru);
                rc = EXIT_INPUT;
            }
            k3a_diag_list_release(&rdl);
        }
    }
    if (rc == EXIT_INPUT)
        fprintf(stderr, "%s: a variant has errors; nothing written\n", cli_safe(path));
    if (rc == EXIT_OK) {
        const struct k3a_results *rs[MAX_RUNS + 1];
        const char *ts[MAX_RUNS + 1];
        for (i = 0; i < n_runs; i++) {
            rs[i] = &runs[i].res;
            ts[i] = runs[i].title;
        }
        if (!lang_given)
            lang = base.site.lang;
        if (json) {
            /* the audit JSON of every run, an array in run order; each
             * run's inputs_sha256 covers the base and its edits */
            char jtmp[4200];
            FILE *jf = NULL;
            struct k3a_report_opts ro;
            if (strcmp(json, "-") == 0) {
                jf = stdout;
            } else {
                /* atomically: a temporary file beside, then renamed */
                int fd;
                snprintf(jtmp, sizeof(jtmp), "%s.tmpXXXXXX", json);
                fd = mkstemp(jtmp);
                jf = fd >= 0 ? fdopen(fd, "w") : NULL;
            }
            memset(&ro, 0, sizeof(ro));
            ro.lang = lang;
            ro.version = K3A_VERSION;
            if (!jf) {
                fprintf(stderr, "k3audit scenario: cannot write %s\n", json);
                rc = EXIT_IO;
            } else {
                fputs("[\n", jf);
                for (i = 0; i < n_runs; i++) {
                    if (i)
                        k3a_scenario_sha256(text, len, runs[i].edits, runs[i].n_edits,
                                            runs[i].site.sha256);
                    if (i)
                        fputs(",\n", jf);
                    if (k3a_report_write_json(&runs[i].res, &ro, jf) != K3A_OK)
                        rc = EXIT_IO;
                }
                fputs("]\n", jf);
                if (jf != stdout) {
                    if (fclose(jf) != 0 || rc != EXIT_OK || rename(jtmp, json) != 0) {
                        unlink(jtmp);
                        fprintf(stderr, "k3audit scenario: cannot write %s\n", json);
                        rc = EXIT_IO;
                    }
                }
            }
        }
        if (rc != EXIT_OK) {
            /* the JSON could not be written */
        } else if (k3a_report_write_scenario_xlsx(rs, ts, n_runs, sweep ? sweep : NULL, lang, out,
                                           msg, sizeof(msg)) != K3A_OK) {
            if (json && strcmp(json, "-") != 0)
                fprintf(stderr, "k3audit: %s; the JSON %s is from this run, the workbook %s "
                                "is STALE (from an earlier run, or missing)\n",
                        msg, cli_safe(json), cli_safe(out));
            else
                fprintf(stderr, "k3audit: %s\n", msg);
            rc = EXIT_IO;
        } else {
            /* the summary to stdout (unless the JSON goes there), in the
             * workbook's language; a run's title whole, on its own line */
            FILE *sfp = json && strcmp(json, "-") == 0 ? stderr : stdout;
            int en = lang == K3A_LANG_EN;
            fprintf(sfp, en ? "%zu run(s); workbook: %s\n" : "%zu skenario; buku kerja: %s\n",
                    n_runs, out);
            for (i = 0; i < n_runs; i++) {
                struct k3a_site_summary sm;
                memset(&sm, 0, sizeof(sm));
                k3a_site_summary_fill(&runs[i].res, &sm);
                fprintf(sfp, "  %s\n", runs[i].title);
                fprintf(sfp,
                        en ? "      fail %zu, risks E%zu H%zu M%zu L%zu, worst arc %.2f cal/cm2 %s\n"
                           : "      tidak memenuhi %zu, risiko E%zu T%zu S%zu R%zu, busur api "
                             "terbesar %.2f cal/cm2 %s\n",
                        sm.n_fail, sm.risks[3], sm.risks[2], sm.risks[1], sm.risks[0],
                        isfinite(sm.worst_arc_cal_cm2) ? sm.worst_arc_cal_cm2 : 0.0,
                        sm.worst_arc_bus);
            }
            fflush(sfp);
        }
    }
done:
    for (i = 0; runs && i < n_runs; i++) {
        k3a_results_release(&runs[i].res);
        if (runs[i].loaded)
            k3a_site_release(&runs[i].site);
        free(runs[i].text);
        free(runs[i].origin);
        free(runs[i].edits);
    }
    free(runs);
done_base:
    free(text);
    k3a_diag_list_release(&dl);
    k3a_site_release(&base);
    k3a_models_release(&models);
    return rc;
}
