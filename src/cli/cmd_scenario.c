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

/* What the command line asked for. */
struct scen_opts {
    struct k3a_edit cli_edits[MAX_EDITS], sweep_edit;
    const char *variants[MAX_RUNS], *title, *out, *models_dir, *json, *sweep, *path;
    char outbuf[4096], sweep_vals[MAX_RUNS][64];
    size_t n_cli, n_var;
    enum k3a_lang lang;
    int lang_given, n_sweep;
};

/* Whether the file's variant named name runs (every one when no
 * --variant is given). */
static int variant_picked(const struct scen_opts *o, const char *name)
{
    int pick = o->n_var == 0;
    size_t k;

    for (k = 0; k < o->n_var; k++)
        pick |= strcmp(o->variants[k], name) == 0;
    return pick;
}

/* A --title: one line of text.  0, or an exit code (reported). */
static int take_title(struct scen_opts *o, const char *arg)
{
    unsigned cp;
    long at = k3a_text_control_at(arg, strlen(arg), &cp);

    if (at >= 0) {
        fprintf(stderr,
                "k3audit scenario: --title: control character U+%04X at column %ld "
                "(one line of text)\n",
                cp, at + 1);
        return EXIT_INPUT;
    }
    o->title = arg;
    return 0;
}

/* The options, in order; a bad --set or --drop is reported and the rest
 * still read.  Returns -1 to go on, or the exit code. */
static int parse_args(struct scen_opts *o, int argc, char **argv)
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
    char msg[512];
    int c, bad = 0, n_set = 0, n_drop = 0;

    optind = 1;
    while ((c = getopt_long(argc, argv, "o:qh", opts, NULL)) != -1) {
        switch (c) {
        case 's':
        case 'd':
            if (o->n_cli == MAX_EDITS) {
                fprintf(stderr, "k3audit scenario: at most %d --set / --drop\n", MAX_EDITS);
                return EXIT_INPUT;
            }
            if (k3a_edit_parse(optarg, c == 's' ? K3A_EDIT_SET : K3A_EDIT_DROP,
                               c == 's' ? ++n_set : ++n_drop, &o->cli_edits[o->n_cli], msg,
                               sizeof(msg)) != 0) {
                fprintf(stderr, "%s %d: error: %s\n", c == 's' ? "--set" : "--drop",
                        c == 's' ? n_set : n_drop, cli_safe(msg));
                bad = 1;
                break;
            }
            o->n_cli++;
            break;
        case 'w':
            if (o->sweep) {
                fprintf(stderr, "k3audit scenario: one --sweep per run\n");
                return EXIT_INPUT;
            }
            o->sweep = optarg;
            break;
        case 'v':
            if (o->n_var == MAX_RUNS) {
                fprintf(stderr, "k3audit scenario: at most %d --variant\n", MAX_RUNS);
                return EXIT_INPUT;
            }
            o->variants[o->n_var++] = optarg;
            break;
        case 't':
            if (take_title(o, optarg) != 0)
                return EXIT_INPUT;
            break;
        case 'o':
            o->out = optarg;
            break;
        case 'l':
            if (cli_parse_lang(optarg, &o->lang) != 0) {
                fprintf(stderr, "k3audit scenario: --lang takes id or en\n");
                return EXIT_INPUT;
            }
            o->lang_given = 1;
            break;
        case 'm':
            o->models_dir = optarg;
            break;
        case 'J':
            o->json = optarg;
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
    return bad ? EXIT_INPUT : -1;
}

/* The --sweep K=FROM:TO:N or K=A,B,C: its edit and its values.  0, or
 * an exit code (reported). */
static int parse_sweep(struct scen_opts *o)
{
    const char *eq = strchr(o->sweep, '=');
    char key[256], msg[512];

    if (!eq) {
        fprintf(stderr, "k3audit scenario: --sweep K=FROM:TO:N or K=A,B,C\n");
        return EXIT_INPUT;
    }
    if ((size_t)(eq - o->sweep) + 3 > sizeof(key)) {
        fprintf(stderr, "k3audit scenario: --sweep: the key is %zu bytes long\n",
                (size_t)(eq - o->sweep));
        return EXIT_INPUT;
    }
    snprintf(key, sizeof(key), "%.*s=x", (int)(eq - o->sweep), o->sweep);
    if (k3a_edit_parse(key, K3A_EDIT_SET, 0, &o->sweep_edit, msg, sizeof(msg)) != 0 ||
        (o->n_sweep = sweep_values(eq + 1, o->sweep_vals, MAX_RUNS - 1, msg, sizeof(msg))) < 2 ||
        k3a_text_control_at(eq + 1, strlen(eq + 1), (unsigned[]){ 0 }) >= 0) {
        if (o->n_sweep >= 2)
            snprintf(msg, sizeof(msg), "a control character or line break in the values");
        fprintf(stderr, "k3audit scenario: --sweep: %s\n", msg);
        return EXIT_INPUT;
    }
    return 0;
}

/* The base file, the output names (the workbook in reports/ when no -o)
 * and the sweep.  Returns -1 to go on, or the exit code (reported). */
static int check_args(struct scen_opts *o, int argc, char **argv)
{
    const char *json = o->json, *out = o->out;

    if (argc - optind != 1) {
        fprintf(stderr, "k3audit scenario: give one base site file\n");
        return EXIT_INPUT;
    }
    o->path = argv[optind];
    if (json && strcmp(json, "-") != 0 &&
        (strlen(json) < 5 || strcmp(json + strlen(json) - 5, ".json") != 0)) {
        fprintf(stderr, "k3audit scenario: the JSON file name must end in .json: '%s'\n",
                cli_safe(json));
        return EXIT_INPUT;
    }
    if ((out && cli_same_file(out, o->path)) ||
        (json && strcmp(json, "-") != 0 && cli_same_file(json, o->path))) {
        fprintf(stderr, "k3audit scenario: an output is the input file; nothing written\n");
        return EXIT_INPUT;
    }
    if (out && (strlen(out) < 5 || strcmp(out + strlen(out) - 5, ".xlsx") != 0)) {
        fprintf(stderr, "k3audit scenario: the workbook name must end in .xlsx: '%s'\n",
                cli_safe(out));
        return EXIT_INPUT;
    }
    if (o->sweep && parse_sweep(o) != 0)
        return EXIT_INPUT;
    if (!out) {
        cli_default_out("reports", o->path, "-scenario", o->outbuf, sizeof(o->outbuf));
        mkdir("reports", 0777);
        o->out = o->outbuf;
    }
    return -1;
}

/* The whole of the file at path into *text (not terminated), *len bytes.
 * 0, or -1 when it cannot be read. */
static int read_text(const char *path, char **text, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    size_t cap = 0, got;

    if (!fp)
        return -1;
    for (;;) {
        char *p;
        if (*len + 65536 > cap) {
            p = realloc(*text, cap = cap * 2 + 65536 + 1);
            if (!p) {
                fclose(fp);
                return -1;
            }
            *text = p;
        }
        got = fread(*text + *len, 1, 65536, fp);
        if (!got)
            break;
        *len += got;
    }
    fclose(fp);
    return 0;
}

/* The base site loaded and checked (its problems printed), and its text.
 * An exit code. */
static int load_base(const struct scen_opts *o, const struct k3a_models *models,
                     struct k3a_site *base, char **text, size_t *len)
{
    struct k3a_diag_list dl;
    int rc = EXIT_OK;

    k3a_diag_list_init(&dl);
    if (k3a_site_load_file(base, o->path, models, &dl) != K3A_OK || dl.n_errors) {
        cli_print_diags(&dl, 0);
        fprintf(stderr, "%s: errors; nothing written\n", cli_safe(o->path));
        rc = EXIT_INPUT;
    } else if (read_text(o->path, text, len) != 0) {
        rc = EXIT_IO;
    }
    k3a_diag_list_release(&dl);
    return rc;
}

/* Each --variant names one of the file's [variant] sections, and every
 * picked variant runs or none (never fewer than asked).  An exit code. */
static int check_variant_picks(const struct scen_opts *o, const struct k3a_site *base)
{
    size_t i, k, picked = 0;
    int rc = EXIT_OK;

    for (k = 0; k < o->n_var; k++) {
        int found = 0;
        for (i = 0; i < base->n_variants; i++)
            found |= strcmp(o->variants[k], base->variants[i].hdr.name) == 0;
        if (!found) {
            char clean[200];
            k3a_text_clean(clean, sizeof(clean), o->variants[k], K3A_CLEAN_TERMINAL);
            fprintf(stderr, "k3audit scenario: --variant %s: %s has no [variant %s]%s", clean,
                    o->path, clean, base->n_variants ? " (it has:" : "\n");
            for (i = 0; i < base->n_variants; i++)
                fprintf(stderr, " %s%s", base->variants[i].hdr.name,
                        i + 1 < base->n_variants ? "," : ")\n");
            rc = EXIT_INPUT;
        }
    }
    if (rc != EXIT_OK || o->sweep || o->n_cli)
        return rc;
    for (i = 0; i < base->n_variants; i++)
        picked += (size_t)variant_picked(o, base->variants[i].hdr.name);
    if (picked + 1 > MAX_RUNS) {
        fprintf(stderr,
                "k3audit scenario: %s has %zu variants to run; a scenario runs the base "
                "and at most %d (pick some with --variant)\n",
                cli_safe(o->path), picked, MAX_RUNS - 1);
        return EXIT_INPUT;
    }
    return EXIT_OK;
}

/* The runs of the file's picked [variant] sections (none when the command
 * line gives edits or a sweep).  An exit code. */
static int plan_file_variants(const struct scen_opts *o, const struct k3a_site *base,
                              struct run *runs, size_t *n_runs)
{
    char msg[512];
    size_t i, k;

    for (i = 0; i < base->n_variants && *n_runs < MAX_RUNS; i++) {
        const struct k3a_variant *v = &base->variants[i];
        struct run *ru;
        if (!variant_picked(o, v->hdr.name) || o->sweep || o->n_cli)
            continue;
        ru = &runs[(*n_runs)++];
        snprintf(ru->title, sizeof(ru->title), "%s: %s", v->hdr.name, v->title ? v->title : "");
        ru->edits = calloc(v->set.n + v->drop.n + 1, sizeof(*ru->edits));
        if (!ru->edits)
            return EXIT_IO;
        for (k = 0; k < v->set.n + v->drop.n; k++) {
            int is_set = k < v->set.n;
            if (k3a_edit_parse(is_set ? v->set.v[k] : v->drop.v[k - v->set.n],
                               is_set ? K3A_EDIT_SET : K3A_EDIT_DROP, (int)(k + 1),
                               &ru->edits[ru->n_edits], msg, sizeof(msg)) != 0) {
                fprintf(stderr, "%s:%d: error: [variant %s] %s\n", cli_safe(o->path),
                        v->hdr.line, v->hdr.name, msg);
                return EXIT_INPUT;
            }
            ru->n_edits++;
        }
    }
    return EXIT_OK;
}

/* The run of the command line's --set / --drop, titled by --title or by
 * the edits as typed.  An exit code. */
static int plan_cli_run(const struct scen_opts *o, struct run *ru)
{
    size_t k, u = 0;

    ru->edits = calloc(o->n_cli + 1, sizeof(*ru->edits));
    if (!ru->edits)
        return EXIT_IO;
    memcpy(ru->edits, o->cli_edits, o->n_cli * sizeof(*o->cli_edits));
    ru->n_edits = o->n_cli;
    if (o->title)
        snprintf(ru->title, sizeof(ru->title), "%s", o->title);
    else /* the --set / --drop list, as typed */
        for (k = 0; k < o->n_cli && u < sizeof(ru->title) - 1; k++) {
            const struct k3a_edit *e = &o->cli_edits[k];
            u += (size_t)snprintf(ru->title + u, sizeof(ru->title) - u, "%s%s%s%s%s%s%s%s",
                                  u ? "; " : "", e->op == K3A_EDIT_DROP ? "drop " : "",
                                  e->kind, e->name[0] ? "." : "", e->name,
                                  e->op == K3A_EDIT_SET ? "." : "",
                                  e->op == K3A_EDIT_SET ? e->key : "",
                                  e->op == K3A_EDIT_SET ? "=" : "");
            if (e->op == K3A_EDIT_SET && u < sizeof(ru->title))
                u += (size_t)snprintf(ru->title + u, sizeof(ru->title) - u, "%s", e->value);
        }
    return EXIT_OK;
}

/* A run for each sweep point: the command line's edits, then the swept
 * key at that value.  An exit code. */
static int plan_sweep_runs(const struct scen_opts *o, struct run *runs, size_t *n_runs)
{
    size_t k, n_cli = o->n_cli;

    for (k = 0; k < (size_t)o->n_sweep && *n_runs < MAX_RUNS; k++) {
        struct run *ru = &runs[(*n_runs)++];
        ru->edits = calloc(n_cli + 2, sizeof(*ru->edits));
        if (!ru->edits)
            return EXIT_IO;
        memcpy(ru->edits, o->cli_edits, n_cli * sizeof(*o->cli_edits));
        ru->edits[n_cli] = o->sweep_edit;
        snprintf(ru->edits[n_cli].value, sizeof(ru->edits[n_cli].value), "%s",
                 o->sweep_vals[k]);
        ru->edits[n_cli].origin = SWEEP_ORIGIN;
        ru->n_edits = n_cli + 1;
        snprintf(ru->title, sizeof(ru->title), "%.*s=%s",
                 (int)(strchr(o->sweep, '=') - o->sweep), o->sweep, o->sweep_vals[k]);
    }
    return EXIT_OK;
}

/* A variant run leaves out the file's [variant] sections: their edits
 * are applied, and a --drop must not leave them pointing at nothing.
 * An exit code. */
static int drop_variant_sections(const struct k3a_site *base, struct run *runs, size_t n_runs)
{
    size_t i, k;

    for (i = 1; i < n_runs; i++) {
        struct run *ru = &runs[i];
        void *q = realloc(ru->edits, (ru->n_edits + base->n_variants + 1) * sizeof(*ru->edits));
        if (!q)
            return EXIT_IO;
        ru->edits = q;
        for (k = 0; k < base->n_variants; k++) {
            struct k3a_edit *e = &ru->edits[ru->n_edits++];
            memset(e, 0, sizeof(*e));
            e->op = K3A_EDIT_DROP;
            snprintf(e->kind, sizeof(e->kind), "variant");
            snprintf(e->name, sizeof(e->name), "%s", base->variants[k].hdr.name);
            e->origin = 0;
        }
    }
    return EXIT_OK;
}

/* Run 0: the base; then the file's variants; then the command line's
 * variant or the sweep points.  *n_runs counts the runs begun (each to be
 * released).  An exit code. */
static int plan_runs(const struct scen_opts *o, const struct k3a_site *base, struct run *runs,
                     size_t *n_runs)
{
    int rc;

    snprintf(runs[(*n_runs)++].title, sizeof(runs[0].title), "%s",
             o->lang == K3A_LANG_EN ? "Base" : "Dasar");
    if ((rc = plan_file_variants(o, base, runs, n_runs)) != EXIT_OK)
        return rc;
    if (o->n_cli && !o->sweep && (rc = plan_cli_run(o, &runs[(*n_runs)++])) != EXIT_OK)
        return rc;
    if ((rc = plan_sweep_runs(o, runs, n_runs)) != EXIT_OK)
        return rc;
    return drop_variant_sections(base, runs, *n_runs);
}

/* The base run's text: the file's, each line its own origin.  0 or -1. */
static int base_text(const char *text, size_t len, struct run *ru)
{
    size_t L = 1, q;

    ru->text = malloc(len + 1);
    if (!ru->text)
        return -1;
    memcpy(ru->text, text, len);
    ru->text[len] = '\0';
    for (q = 0; q < len; q++)
        L += text[q] == '\n';
    ru->origin = malloc(L * sizeof(int));
    if (!ru->origin)
        return -1;
    for (q = 0; q < L; q++)
        ru->origin[q] = (int)q + 1;
    ru->n_lines = L;
    return 0;
}

/* A run's text (the base's with the run's edits) loaded and checked, its
 * problems printed under its title, mapped back to the base file or the
 * edit.  EXIT_OK, EXIT_INPUT, or EXIT_IO when memory ran out. */
static int load_run(const char *path, const struct k3a_models *models, const char *text,
                    size_t len, struct run *ru, int is_base)
{
    struct k3a_diag_list rdl;
    enum k3a_status st = K3A_OK;
    size_t tlen = len;
    int rc = EXIT_OK;

    k3a_diag_list_init(&rdl);
    if (is_base) {
        if (base_text(text, len, ru) != 0) {
            k3a_diag_list_release(&rdl);
            return EXIT_IO;
        }
    } else {
        size_t olen;
        st = k3a_edits_apply(text, len, ru->edits, ru->n_edits, &ru->text, &olen, &ru->origin,
                             &ru->n_lines, &rdl);
        if (st == K3A_E_NOMEM) {
            k3a_diag_list_release(&rdl);
            return EXIT_IO;
        }
        tlen = ru->text ? strlen(ru->text) : 0;
    }
    if (ru->text) {
        k3a_site_init(&ru->site);
        ru->loaded = 1;
        if (k3a_site_load_text(&ru->site, path, ru->text, tlen, models, &rdl) != K3A_OK)
            st = K3A_E_INPUT;
    }
    if (rdl.n_errors || st != K3A_OK) {
        fprintf(stderr, "%s:\n", ru->title);
        print_mapped(&rdl, path, ru);
        rc = EXIT_INPUT;
    }
    k3a_diag_list_release(&rdl);
    return rc;
}

/* A loaded run audited, its titles and clauses in the workbook's
 * language.  An exit code (problems printed). */
static int audit_run(const struct scen_opts *o, const struct k3a_models *models, struct run *ru)
{
    struct k3a_diag_list rdl;
    int rc = EXIT_OK;

    k3a_diag_list_init(&rdl);
    k3a_results_init(&ru->res);
    /* the workbook's language: clauses and titles in it alone */
    ru->res.title_langs = 1u << (o->lang_given ? o->lang : ru->site.site.lang);
    if (k3a_audit_run(&ru->site, models, &ru->res, &rdl) != K3A_OK)
        rc = EXIT_IO;
    else if (rdl.n_errors) {
        fprintf(stderr, "%s:\n", ru->title);
        print_mapped(&rdl, o->path, ru);
        rc = EXIT_INPUT;
    }
    k3a_diag_list_release(&rdl);
    return rc;
}

/* Every run loaded (all of them, so that every problem is reported), and
 * audited while none has failed.  An exit code. */
static int run_all(const struct scen_opts *o, const struct k3a_models *models, const char *text,
                   size_t len, struct run *runs, size_t n_runs)
{
    size_t i;
    int rc = EXIT_OK, lrc;

    for (i = 0; i < n_runs; i++) {
        lrc = load_run(o->path, models, text, len, &runs[i], i == 0);
        if (lrc == EXIT_IO)
            return EXIT_IO;
        if (lrc != EXIT_OK)
            rc = lrc;
        if (rc == EXIT_OK)
            rc = audit_run(o, models, &runs[i]);
    }
    return rc;
}

/* The audit JSON of every run, an array in run order, to stdout or
 * atomically to the file (a temporary file beside, then renamed); each
 * run's inputs_sha256 covers the base and its edits.  An exit code. */
static int write_json(const char *json, enum k3a_lang lang, const char *text, size_t len,
                      struct run *runs, size_t n_runs)
{
    char jtmp[4200];
    FILE *jf = NULL;
    struct k3a_report_opts ro;
    size_t i;
    int rc = EXIT_OK;

    if (strcmp(json, "-") == 0) {
        jf = stdout;
    } else {
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
        return EXIT_IO;
    }
    fputs("[\n", jf);
    for (i = 0; i < n_runs; i++) {
        if (i)
            k3a_scenario_sha256(text, len, runs[i].edits, runs[i].n_edits, runs[i].site.sha256);
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
    return rc;
}

/* The summary to stdout (unless the JSON goes there), in the workbook's
 * language; a run's title whole, on its own line. */
static void print_summary(const struct scen_opts *o, enum k3a_lang lang, struct run *runs,
                          size_t n_runs)
{
    FILE *sfp = o->json && strcmp(o->json, "-") == 0 ? stderr : stdout;
    int en = lang == K3A_LANG_EN;
    size_t i;

    fprintf(sfp, en ? "%zu run(s); workbook: %s\n" : "%zu skenario; buku kerja: %s\n", n_runs,
            o->out);
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
                isfinite(sm.worst_arc_cal_cm2) ? sm.worst_arc_cal_cm2 : 0.0, sm.worst_arc_bus);
    }
    fflush(sfp);
}

/* The JSON (when asked), then the workbook, then the summary.  An exit
 * code. */
static int write_outputs(const struct scen_opts *o, enum k3a_lang lang, const char *text,
                         size_t len, struct run *runs, size_t n_runs)
{
    const struct k3a_results *rs[MAX_RUNS + 1];
    const char *ts[MAX_RUNS + 1];
    char msg[512];
    size_t i;

    for (i = 0; i < n_runs; i++) {
        rs[i] = &runs[i].res;
        ts[i] = runs[i].title;
    }
    if (o->json && write_json(o->json, lang, text, len, runs, n_runs) != EXIT_OK)
        return EXIT_IO;
    if (k3a_report_write_scenario_xlsx(rs, ts, n_runs, o->sweep ? o->sweep : NULL, lang, o->out,
                                       msg, sizeof(msg)) != K3A_OK) {
        if (o->json && strcmp(o->json, "-") != 0)
            fprintf(stderr, "k3audit: %s; the JSON %s is from this run, the workbook %s "
                            "is STALE (from an earlier run, or missing)\n",
                    msg, cli_safe(o->json), cli_safe(o->out));
        else
            fprintf(stderr, "k3audit: %s\n", msg);
        return EXIT_IO;
    }
    print_summary(o, lang, runs, n_runs);
    return EXIT_OK;
}

int cmd_scenario(int argc, char **argv)
{
    struct scen_opts o;
    struct run *runs = NULL;
    struct k3a_models models;
    struct k3a_site base;
    size_t n_runs = 0, i;
    char *text = NULL;
    size_t len = 0;
    int rc;

    memset(&o, 0, sizeof(o));
    o.lang = K3A_LANG_ID;
    if ((rc = parse_args(&o, argc, argv)) >= 0 || (rc = check_args(&o, argc, argv)) >= 0)
        return rc;
    if ((rc = cli_load_models(&models, o.models_dir)) != 0)
        return rc;
    k3a_site_init(&base);
    rc = load_base(&o, &models, &base, &text, &len);
    if (rc == EXIT_OK)
        rc = check_variant_picks(&o, &base);
    if (rc == EXIT_OK && !(runs = calloc(MAX_RUNS + 1, sizeof(*runs))))
        rc = EXIT_IO;
    if (rc == EXIT_OK)
        rc = plan_runs(&o, &base, runs, &n_runs);
    if (rc == EXIT_OK) {
        rc = run_all(&o, &models, text, len, runs, n_runs);
        if (rc == EXIT_INPUT)
            fprintf(stderr, "%s: a variant has errors; nothing written\n", cli_safe(o.path));
    }
    if (rc == EXIT_OK)
        rc = write_outputs(&o, o.lang_given ? o.lang : base.site.lang, text, len, runs, n_runs);
    for (i = 0; runs && i < n_runs; i++) {
        k3a_results_release(&runs[i].res);
        if (runs[i].loaded)
            k3a_site_release(&runs[i].site);
        free(runs[i].text);
        free(runs[i].origin);
        free(runs[i].edits);
    }
    free(runs);
    free(text);
    k3a_site_release(&base);
    k3a_models_release(&models);
    return rc;
}
