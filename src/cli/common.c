/*
 * common.c - helpers shared by the commands: model loading, printing
 * diagnostics, option values.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

void cli_print_diags(struct k3a_diag_list *dl, int quiet)
{
    struct k3a_diag_list only;
    size_t i;

    k3a_diag_list_sort(dl);
    if (!quiet) {
        k3a_diag_list_print(dl, stderr, 0);
        return;
    }
    /* quiet: errors only */
    k3a_diag_list_init(&only);
    only.max_kept = 0;
    for (i = 0; i < dl->n; i++)
        if (dl->v[i].severity == K3A_ERROR) {
            char line[600];
            k3a_diag_format(&dl->v[i], line, sizeof(line));
            fprintf(stderr, "%s\n", line);
        }
    if (dl->dropped)
        fprintf(stderr, "... and %zu more diagnostics not shown\n",
                dl->dropped);
    k3a_diag_list_release(&only);
}

const char *cli_safe(const char *s)
{
    static char bufs[4][2048];
    static unsigned next;
    char *b = bufs[next++ % 4];

    k3a_text_clean(b, sizeof(bufs[0]), s ? s : "", K3A_CLEAN_TERMINAL);
    return b;
}

int cli_load_models(struct k3a_models *m, const char *dir)
{
    struct k3a_diag_list dl;
    enum k3a_status st;

    k3a_diag_list_init(&dl);
    k3a_models_init(m);
    st = k3a_models_load(m, dir, &dl);
    if (st != K3A_OK || dl.n_errors) {
        cli_print_diags(&dl, 0);
        fprintf(stderr, "k3audit: the model tables%s%s have errors\n",
                dir ? " in " : "", dir ? cli_safe(dir) : "");
        k3a_diag_list_release(&dl);
        k3a_models_release(m);
        return st == K3A_E_NOMEM ? EXIT_IO : EXIT_INPUT;
    }
    cli_print_diags(&dl, 0); /* warnings */
    k3a_diag_list_release(&dl);
    return 0;
}

int cli_parse_lang(const char *s, enum k3a_lang *out)
{
    if (strcmp(s, "id") == 0) {
        *out = K3A_LANG_ID;
        return 0;
    }
    if (strcmp(s, "en") == 0) {
        *out = K3A_LANG_EN;
        return 0;
    }
    return -1;
}

void cli_default_out(const char *dir, const char *site_path, const char *suffix,
                     char *buf, size_t n)
{
    const char *base = strrchr(site_path, '/');
    size_t len;

    base = base ? base + 1 : site_path;
    len = strlen(base);
    if (len > 4 && strcmp(base + len - 4, ".ini") == 0)
        len -= 4;
    snprintf(buf, n, "%s/%.*s%s.xlsx", dir, (int)len, base, suffix);
}

int cli_same_file(const char *a, const char *b)
{
    struct stat sa, sb;

    if (stat(a, &sa) != 0 || stat(b, &sb) != 0)
        return 0;
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

void cli_db_where(const char *db, const char *out, const char *out_dir, char *buf,
                  size_t n)
{
    const char *env = getenv("K3AUDIT_DB");
    const char *slash;

    if (db) {
        snprintf(buf, n, "%s", db);
        return;
    }
    if (env && *env) {
        snprintf(buf, n, "%s", env);
        return;
    }
    if (out && (slash = strrchr(out, '/')) != NULL) {
        snprintf(buf, n, "%.*s/k3audit.db", (int)(slash - out), out);
        return;
    }
    if (out) {
        snprintf(buf, n, "k3audit.db");
        return;
    }
    snprintf(buf, n, "%s/k3audit.db", out_dir ? out_dir : "reports");
}

int cli_read_file(const char *path, char **bytes, size_t *len, char *msg, size_t n)
{
    FILE *fp = fopen(path, "rb");
    size_t cap = 65536, got;
    char *b;

    *bytes = NULL;
    *len = 0;
    if (!fp) {
        snprintf(msg, n, "%s: cannot read: %s", path, strerror(errno));
        return -1;
    }
    b = malloc(cap);
    while (b) {
        got = fread(b + *len, 1, cap - *len, fp);
        *len += got;
        if (*len < cap)
            break;
        {
            char *q = realloc(b, cap * 2);
            if (!q) {
                free(b);
                b = NULL;
                break;
            }
            b = q;
            cap *= 2;
        }
    }
    if (!b || ferror(fp)) {
        snprintf(msg, n, "%s: cannot read: %s", path, b ? strerror(errno) : "out of memory");
        free(b);
        fclose(fp);
        *len = 0;
        return -1;
    }
    fclose(fp);
    *bytes = b;
    return 0;
}
