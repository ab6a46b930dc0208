/*
 * scenario.c - --set / --drop applied to a site file's text (scenario.h).
 * The grammar is cli.md's: the kind is the text before the first dot, the
 * key the text after the last dot, the name everything between.  A set
 * replaces the key's line (and its continuation lines) in place, or adds
 * it under the section's header; a section that does not exist is created
 * at the end (it must then be complete, which the loader checks).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base.h"
#include "schema.h"
#include "k3audit/scenario.h"
#include "k3audit/textclean.h"

/* Copies n bytes of src into a field of size cap; an over-long part is an
 * error with its true length (nothing is cut). */
static int part(char *dst, size_t cap, const char *src, size_t n, const char *what,
                char *msg, size_t msg_size)
{
    if (n >= cap) {
        snprintf(msg, msg_size, "the %s is %zu bytes long (at most %zu)", what, n, cap - 1);
        return -1;
    }
    memcpy(dst, src, n);
    dst[n] = '\0';
    return 0;
}

int k3a_edit_parse(const char *arg, enum k3a_edit_op op, int origin,
                   struct k3a_edit *e, char *msg, size_t msg_size)
{
    const char *eq = op == K3A_EDIT_SET ? strchr(arg, '=') : NULL;
    const char *lhs_end = eq ? eq : arg + strlen(arg);
    const char *d1 = memchr(arg, '.', (size_t)(lhs_end - arg)), *d2 = NULL, *p;

    memset(e, 0, sizeof(*e));
    e->op = op;
    e->origin = origin;
    {
        /* one key and one value: a line break (or any control character)
         * would add lines, keys and sections to the file */
        unsigned cp;
        long at = k3a_text_control_at(arg, strlen(arg), &cp);
        if (at >= 0) {
            snprintf(msg, msg_size,
                     "%s U+%04X at column %ld: a %s is one key and one value on "
                     "one line",
                     cp == '\n' || cp == '\r' ? "line break" : "control character", cp,
                     at + 1, op == K3A_EDIT_SET ? "--set" : "--drop");
            return -1;
        }
    }
    if (op == K3A_EDIT_SET && !eq) {
        snprintf(msg, msg_size, "'%s': expected kind.name.key=value", arg);
        return -1;
    }
    for (p = arg; p < lhs_end; p++)
        if (*p == '.')
            d2 = p;
    if (!d1 || d1 == arg) {
        snprintf(msg, msg_size, "'%s': expected %s", arg,
                 op == K3A_EDIT_SET ? "kind.name.key=value or site.key=value"
                                    : "kind.name");
        return -1;
    }
    if (part(e->kind, sizeof(e->kind), arg, (size_t)(d1 - arg), "kind", msg, msg_size))
        return -1;
    if (op == K3A_EDIT_DROP) {
        if (part(e->name, sizeof(e->name), d1 + 1, (size_t)(lhs_end - d1 - 1), "name", msg,
                 msg_size))
            return -1;
        if (!e->name[0] || strcasecmp(e->kind, "site") == 0) {
            snprintf(msg, msg_size, "'%s': expected kind.name (a named section)", arg);
            return -1;
        }
        return 0;
    }
    if (strcasecmp(e->kind, "site") == 0 && d1 == d2) {
        if (part(e->key, sizeof(e->key), d1 + 1, (size_t)(lhs_end - d1 - 1), "key", msg,
                 msg_size))
            return -1;
    } else {
        if (d1 == d2 || d2 == d1 + 1) {
            snprintf(msg, msg_size, "'%s': expected kind.name.key=value", arg);
            return -1;
        }
        if (part(e->name, sizeof(e->name), d1 + 1, (size_t)(d2 - d1 - 1), "name", msg,
                 msg_size) ||
            part(e->key, sizeof(e->key), d2 + 1, (size_t)(lhs_end - d2 - 1), "key", msg,
                 msg_size))
            return -1;
    }
    {
        /* the kind and key are words, the name a section name: no '[',
         * ']', '=', blanks or comment marks that would make another line */
        const char *q;
        for (q = e->kind; *q; q++)
            if (!(isalnum((unsigned char)*q) || *q == '_')) {
                snprintf(msg, msg_size, "'%s': the kind '%s' is not a word", arg, e->kind);
                return -1;
            }
        for (q = e->key; *q; q++)
            if (!(isalnum((unsigned char)*q) || *q == '_')) {
                snprintf(msg, msg_size, "'%s': the key '%s' is not a key name", arg, e->key);
                return -1;
            }
        for (q = e->name; *q; q++)
            if (!(isalnum((unsigned char)*q) || *q == '_' || *q == '-' || *q == '.')) {
                snprintf(msg, msg_size, "'%s': the name '%s' is not a section name", arg,
                         e->name);
                return -1;
            }
    }
    if (!e->key[0]) {
        snprintf(msg, msg_size, "'%s': no key", arg);
        return -1;
    }
    return part(e->value, sizeof(e->value), eq + 1, strlen(eq + 1), "value", msg, msg_size);
}

struct line {
    const char *p;
    size_t n;
    int origin;
    char *own; /* an inserted line (owned) */
};

struct lines {
    struct line *v;
    size_t n, cap;
};

static int insert_line(struct lines *L, size_t at, char *text, int origin)
{
    if (L->n == L->cap) {
        size_t nc = L->cap ? L->cap * 2 : 64;
        void *q = realloc(L->v, nc * sizeof(*L->v));
        if (!q)
            return -1;
        L->v = q;
        L->cap = nc;
    }
    memmove(&L->v[at + 1], &L->v[at], (L->n - at) * sizeof(*L->v));
    L->v[at].p = text;
    L->v[at].n = strlen(text);
    L->v[at].origin = origin;
    L->v[at].own = text;
    L->n++;
    return 0;
}

static void remove_lines(struct lines *L, size_t at, size_t count)
{
    size_t i;

    for (i = at; i < at + count; i++)
        free(L->v[i].own);
    memmove(&L->v[at], &L->v[at + count], (L->n - at - count) * sizeof(*L->v));
    L->n -= count;
}

/* Is line i a section header?  Fills its kind word and name. */
static int header(const struct line *l, char *kind, size_t kn, char *name, size_t nn)
{
    const char *p = l->p, *end = l->p + l->n, *close, *q;

    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    if (p >= end || *p != '[' || l->p != p)
        return 0;
    close = memchr(p, ']', (size_t)(end - p));
    if (!close)
        return 0;
    p++;
    while (p < close && isspace((unsigned char)*p))
        p++;
    for (q = p; q < close && !isspace((unsigned char)*q); q++)
        ;
    snprintf(kind, kn, "%.*s", (int)(q - p), p);
    while (q < close && isspace((unsigned char)*q))
        q++;
    while (close > q && isspace((unsigned char)close[-1]))
        close--;
    snprintf(name, nn, "%.*s", (int)(close - q), q);
    return 1;
}

static int same_kind(const char *a, const char *b)
{
    const struct k3a__kind *ka = k3a__site_kind_by_word(a);
    const struct k3a__kind *kb = k3a__site_kind_by_word(b);

    if (ka && kb)
        return ka == kb;
    return strcasecmp(a, b) == 0;
}

/* The header line of [kind name]; -1 when absent. */
static long find_section(const struct lines *L, const struct k3a_edit *e)
{
    char kind[64], name[160];
    size_t i;

    for (i = 0; i < L->n; i++)
        if (header(&L->v[i], kind, sizeof(kind), name, sizeof(name)) &&
            same_kind(kind, e->kind) && strcmp(name, e->name) == 0)
            return (long)i;
    return -1;
}

static size_t section_end(const struct lines *L, size_t h)
{
    char kind[64], name[160];
    size_t i;

    for (i = h + 1; i < L->n; i++)
        if (header(&L->v[i], kind, sizeof(kind), name, sizeof(name)))
            return i;
    return L->n;
}

static int is_key_line(const struct line *l, const char *key)
{
    const char *p = l->p, *end = l->p + l->n, *eq;
    size_t kl = strlen(key);

    if (p < end && (*p == ' ' || *p == '\t' || *p == ';' || *p == '#'))
        return 0;
    eq = memchr(p, '=', l->n);
    if (!eq)
        return 0;
    while (eq > p && (eq[-1] == ' ' || eq[-1] == '\t'))
        eq--;
    return (size_t)(eq - p) == kl && strncmp(p, key, kl) == 0;
    (void)end;
}

static int indented(const struct line *l)
{
    size_t i;

    if (!l->n || (l->p[0] != ' ' && l->p[0] != '\t'))
        return 0;
    for (i = 0; i < l->n; i++)
        if (!isspace((unsigned char)l->p[i]))
            return 1;
    return 0;
}

static char *dupline(const char *a, const char *b)
{
    size_t n = strlen(a) + strlen(b) + 4;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%s%s", a, b);
    return s;
}

/* text split into L's lines, each its 1-based line number as origin.
 * 0, or -1 when memory ran out. */
static int split_lines(struct lines *L, const char *text, size_t len)
{
    size_t pos = 0;

    while (pos < len) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t ln = nl ? (size_t)(nl - (text + pos)) : len - pos;
        if (L->n == L->cap) {
            size_t nc = L->cap ? L->cap * 2 : 256;
            void *q = realloc(L->v, nc * sizeof(*L->v));
            if (!q)
                return -1;
            L->v = q;
            L->cap = nc;
        }
        L->v[L->n].p = text + pos;
        L->v[L->n].n = ln && text[pos + ln - 1] == '\r' ? ln - 1 : ln;
        L->v[L->n].origin = (int)L->n + 1;
        L->v[L->n].own = NULL;
        L->n++;
        pos += ln + (nl ? 1 : 0);
    }
    return 0;
}

/* A SET in section h: the key's line (and its continuation lines)
 * replaced by `key = value`, or the line added after the header; an
 * empty value removes the key.  0, or -1 when memory ran out. */
static int set_key(struct lines *L, size_t h, const struct k3a_edit *e)
{
    size_t end = section_end(L, h), j, at = h + 1;

    for (j = h + 1; j < end; j++)
        if (is_key_line(&L->v[j], e->key)) {
            size_t k = j + 1;
            while (k < end && indented(&L->v[k]))
                k++;
            remove_lines(L, j, k - j);
            at = j;
            break;
        }
    if (e->value[0]) {
        char kv[640];
        char *s;
        snprintf(kv, sizeof(kv), "%s = %s", e->key, e->value);
        s = dupline(kv, "");
        if (!s || insert_line(L, at, s, -e->origin))
            return -1;
    }
    return 0;
}

/* One edit applied to L: a DROP removes its section (an error in dl when
 * there is none, *st K3A_E_INPUT); a SET sets its key, in a new section
 * at the end when there is none.  0, or -1 when memory ran out. */
static int apply_edit(struct lines *L, const struct k3a_edit *e, struct k3a_diag_list *dl,
                      enum k3a_status *st)
{
    long h;
    char label[64];

    if (strcasecmp(e->kind, "site") == 0 && !e->name[0]) {
        struct k3a_edit se = *e;
        snprintf(se.kind, sizeof(se.kind), "site");
        h = find_section(L, &se);
    } else {
        h = find_section(L, e);
    }
    if (snprintf(label, sizeof(label), "%s%s%s", e->kind, e->name[0] ? " " : "", e->name) >=
        (int)sizeof(label))
        label[sizeof(label) - 1] = '\0'; /* a long name is cut, as the label's 63 bytes hold */
    if (e->op == K3A_EDIT_DROP) {
        if (h < 0) {
            struct k3a_loc l = { "--drop", e->origin, label, "" };
            k3a_diag_add(dl, K3A_ERROR, K3A_E_REF, l, "no such section to drop");
            *st = K3A_E_INPUT;
            return 0;
        }
        remove_lines(L, (size_t)h, section_end(L, (size_t)h) - (size_t)h);
        return 0;
    }
    if (h < 0) {
        /* a new section at the end */
        char head[256], *hl;
        snprintf(head, sizeof(head), "[%s%s%s]", e->kind, e->name[0] ? " " : "", e->name);
        hl = dupline(head, "");
        if (!hl || insert_line(L, L->n, hl, -e->origin))
            return -1;
        h = (long)L->n - 1;
    }
    return set_key(L, (size_t)h, e);
}

/* L's lines joined into *out (each ending in '\n'), with each line's
 * origin.  0, or -1 when memory ran out. */
static int join_lines(const struct lines *L, char **out, size_t *out_len, int **origin,
                      size_t *n_lines)
{
    size_t i, pos = 0, total = 0;
    char *buf;

    for (i = 0; i < L->n; i++)
        total += L->v[i].n + 1;
    buf = malloc(total + 1);
    *origin = malloc((L->n + 1) * sizeof(**origin));
    if (!buf || !*origin) {
        free(buf);
        free(*origin);
        *origin = NULL;
        return -1;
    }
    for (i = 0; i < L->n; i++) {
        memcpy(buf + pos, L->v[i].p, L->v[i].n);
        pos += L->v[i].n;
        buf[pos++] = '\n';
        (*origin)[i] = L->v[i].origin;
    }
    buf[pos] = '\0';
    *out = buf;
    *out_len = pos;
    *n_lines = L->n;
    return 0;
}

enum k3a_status k3a_edits_apply(const char *text, size_t len,
                                const struct k3a_edit *edits, size_t n,
                                char **out, size_t *out_len, int **origin,
                                size_t *n_lines, struct k3a_diag_list *dl)
{
    struct lines L = { NULL, 0, 0 };
    enum k3a_status st = K3A_OK;
    size_t i;
    int nomem;

    *out = NULL;
    *origin = NULL;
    nomem = split_lines(&L, text, len) != 0;
    for (i = 0; i < n && !nomem; i++)
        nomem = apply_edit(&L, &edits[i], dl, &st) != 0;
    if (!nomem)
        nomem = join_lines(&L, out, out_len, origin, n_lines) != 0;
    for (i = 0; i < L.n; i++)
        free(L.v[i].own);
    free(L.v);
    return nomem ? K3A_E_NOMEM : st;
}

int k3a_scenario_sha256(const char *text, size_t len, const struct k3a_edit *edits,
                        size_t n, unsigned char out[32])
{
    size_t i, cap = len + 1, pos = len;
    char *buf;

    for (i = 0; i < n; i++)
        cap += 16 + sizeof(edits[i].kind) + sizeof(edits[i].name) +
               sizeof(edits[i].key) + sizeof(edits[i].value);
    buf = malloc(cap);
    if (!buf)
        return -1;
    memcpy(buf, text, len);
    for (i = 0; i < n; i++) {
        const struct k3a_edit *e = &edits[i];
        if (!e->origin)
            continue;
        if (e->op == K3A_EDIT_DROP)
            pos += (size_t)snprintf(buf + pos, cap - pos, "\n--drop %s.%s", e->kind, e->name);
        else if (e->name[0])
            pos += (size_t)snprintf(buf + pos, cap - pos, "\n--set %s.%s.%s=%s", e->kind,
                                    e->name, e->key, e->value);
        else
            pos += (size_t)snprintf(buf + pos, cap - pos, "\n--set %s.%s=%s", e->kind, e->key,
                                    e->value);
    }
    k3a__sha256(buf, pos, out);
    free(buf);
    return 0;
}
