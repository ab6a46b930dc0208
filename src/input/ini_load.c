/*
 * ini_load.c - the generic INI loader: the only file that includes <ini.h>.
 *
 * inih splits lines into section / key / value and strips comments; this
 * file feeds it lines one at a time from memory (ini_parse_stream) so that
 * every diagnostic has its line number (Debian's libinih is built without
 * INI_HANDLER_LINENO), and so that inih's traps never reach the model:
 *   - a line over 199 bytes would be cut by inih's 200-byte buffer: it is
 *     reported and inih gets a blank line instead;
 *   - an indented line is a continuation in inih: allowed only for text and
 *     list keys (joined with a space), otherwise reported;
 *   - section names are cut at 50 bytes by inih: the reader parses headers
 *     itself and does not pass them on (nor blank and comment lines), so
 *     inih's section argument is never used;
 *   - invalid UTF-8 and NUL bytes are reported per line.
 * Values are stored through the key tables (schema.h), keyword to enum
 * at load time, by ini_values.c.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <ini.h>

#include "names.h"
#include "parse.h"
#include "iniload.h"
#include "k3audit/textclean.h"

/* ---- keys ------------------------------------------------------------ */

/* Suggests a key of the kind for an unknown one: edit distance, or the
 * same stem with another unit suffix ("length" / "length_km"). */
static const char *suggest_key(const struct k3a__kind *kd, const char *key)
{
    const char *best = NULL;
    int bestd = 99;
    size_t i, klen = strlen(key);

    for (i = 0; i < kd->n_keys; i++) {
        const char *cand = kd->keys[i].key;
        int d = k3a__edit_distance(key, cand);
        size_t clen = strlen(cand);
        const char *us = strrchr(cand, '_');
        /* "length" for "length_m"; "length_km" for "length_m" */
        if (us && (size_t)(us - cand) == klen &&
            strncmp(cand, key, klen) == 0)
            d = 1;
        else if (us && klen > (size_t)(us - cand) &&
                 strncmp(cand, key, (size_t)(us - cand) + 1) == 0 &&
                 !strchr(key + (us - cand) + 1, '_'))
            d = d < 2 ? d : 2;
        if (d < bestd && d <= (clen < 5 ? 1 : 3)) {
            bestd = d;
            best = cand;
        }
    }
    return best;
}

static void flush_pending(struct load_ctx *c)
{
    struct pending *p = &c->pend;
    const struct k3a__kind *kd = c->kd;
    const struct k3a__key *k;
    struct k3a_elem *e;
    char *v;
    int rc;

    if (!p->active)
        return;
    p->active = 0;
    if (!kd || p->bad || p->key < 0)
        return;
    k = &kd->keys[p->key];
    e = k3a__store_elem(c->sc->base, kd, (size_t)c->idx);
    if (!p->val || !*(v = trim(p->val))) {
        k3a_diag_add(c->dl, K3A_ERROR, K3A_E_SYNTAX, loc_at(c, p->line, k->key),
                     "empty value (remove the line to use the default)");
        return;
    }
    rc = k3a__ini_store_value(c, k, e, v);
    if (rc == -2) {
        c->oom = 1;
        return;
    }
    if (rc == 0) {
        e->given |= (uint64_t)1 << p->key;
    }
}

static int record_line(struct load_ctx *c, struct k3a_elem *e, int key)
{
    if (e->n_lines == e->cap_lines) {
        uint16_t nc = (uint16_t)(e->cap_lines ? e->cap_lines * 2 : 8);
        void *q;
        if (nc <= e->cap_lines)
            return -1;
        q = realloc(e->lines, nc * sizeof(*e->lines));
        if (!q) {
            c->oom = 1;
            return -1;
        }
        e->lines = q;
        e->cap_lines = nc;
    }
    e->lines[e->n_lines].key = (uint16_t)key;
    e->lines[e->n_lines].line = c->line;
    e->n_lines++;
    return 0;
}

static int pend_append(struct pending *p, const char *s)
{
    size_t n = strlen(s);

    if (p->len + n + 2 > p->cap) {
        size_t nc = (p->len + n + 2) * 2;
        char *q = realloc(p->val, nc);
        if (!q)
            return -1;
        p->val = q;
        p->cap = nc;
    }
    if (p->len)
        p->val[p->len++] = ' ';
    memcpy(p->val + p->len, s, n + 1);
    p->len += n;
    return 0;
}

/* The index of key name in the current section's kind, -1 when it has
 * none.  Sections of one kind mostly give their keys in the same order,
 * so the key the previous element of the kind gave as its same-numbered
 * line is tried before the scan of the kind's keys. */
static int section_key(const struct load_ctx *c, const char *name)
{
    const struct k3a__kind *kd = c->kd;

    if (c->idx > 0 && !(kd->flags & K3A__KIND_SINGLE)) {
        const struct k3a_elem *e = k3a__store_elem(c->sc->base, kd, (size_t)c->idx);
        const struct k3a_elem *prev =
            k3a__store_elem(c->sc->base, kd, (size_t)c->idx - 1);
        if (e && prev && e->n_lines < prev->n_lines) {
            unsigned k = prev->lines[e->n_lines].key;
            if (k < kd->n_keys && strcmp(kd->keys[k].key, name) == 0)
                return (int)k;
        }
    }
    return k3a__key_index(kd, name);
}

static void start_key(struct load_ctx *c, const char *name, const char *value)
{
    const struct k3a__kind *kd = c->kd;
    struct pending *p = &c->pend;
    struct k3a_elem *e;
    const char *sug;
    int k;

    p->active = 1;
    p->bad = 0;
    p->line = c->line;
    p->len = 0;
    if (p->val)
        p->val[0] = '\0';
    k3a__copy_cut(p->name, sizeof(p->name), name);
    k = section_key(c, name);
    p->key = k;
    if (k < 0 && (strcmp(name, "make") == 0 || strcmp(name, "model") == 0 ||
                  strcmp(name, "serial") == 0 || strcmp(name, "year") == 0)) {
        k3a_diag_add(c->dl, K3A_ERROR, K3A_E_UNKNOWN_KEY,
                     loc_at(c, c->line, name),
                     "only equipment sections take '%s' (put it in 'note')",
                     name);
        p->bad = 1;
        return;
    }
    if (k < 0) {
        sug = suggest_key(kd, name);
        if (sug) {
            struct k3a_elem *he =
                k3a__store_elem(c->sc->base, kd, (size_t)c->idx);
            int sk = k3a__key_index(kd, sug);
            k3a_diag_add(c->dl, K3A_ERROR, K3A_E_UNKNOWN_KEY,
                         loc_at(c, c->line, name),
                         "unknown key (did you mean '%s'?)", sug);
            /* the suggested key is then not reported missing as well */
            if (he && sk >= 0)
                he->hinted |= (uint64_t)1 << sk;
        }
        else
            k3a_diag_add(c->dl, K3A_ERROR, K3A_E_UNKNOWN_KEY,
                         loc_at(c, c->line, name),
                         "unknown key for [%s] (check spelling and unit suffix)",
                         kd->word);
        p->bad = 1;
        return;
    }
    if ((kd->keys[k].flags & KF_EQUIP) && !(kd->flags & K3A__KIND_EQUIP)) {
        k3a_diag_add(c->dl, K3A_ERROR, K3A_E_UNKNOWN_KEY,
                     loc_at(c, c->line, name),
                     "only equipment sections take '%s' (use 'note')", name);
        p->bad = 1;
        return;
    }
    e = k3a__store_elem(c->sc->base, kd, (size_t)c->idx);
    if (kd->keys[k].type != KT_REPEAT) {
        int first = k3a_elem_key_line(e, (unsigned)k);
        if (first) {
            k3a_diag_add(c->dl, K3A_ERROR, K3A_E_DUPLICATE,
                         loc_at(c, c->line, name),
                         "key given twice (first on line %d)", first);
            p->bad = 1;
            return;
        }
    }
    record_line(c, e, k);
    if (pend_append(p, value))
        c->oom = 1;
}

/* Strips an inline comment (" ;") from a continuation line: inih does not
 * strip them there. */
static void strip_comment(char *s)
{
    char *p;

    for (p = s; *p; p++)
        if (*p == ';' && p > s && isspace((unsigned char)p[-1])) {
            *p = '\0';
            break;
        }
}

static int handler(void *user, const char *section, const char *name,
                   const char *value)
{
    struct load_ctx *c = user;
    struct pending *p = &c->pend;

    (void)section; /* the reader tracks sections itself (see file head) */
    if (c->line_indented) {
        /* The reader only lets an indented line through when a key of
         * this section is pending, so this is its continuation. */
        char buf[256];
        const struct k3a__key *k;

        if (!p->active || strcmp(name, p->name) != 0 || p->bad || p->key < 0)
            return 1;
        k = &c->kd->keys[p->key];
        if (!(k->flags & KF_MULTI)) {
            k3a_diag_add(c->dl, K3A_ERROR, K3A_E_SYNTAX,
                         loc_at(c, c->line, ""),
                         "keys must start in column 1 (an indented line "
                         "continues the value of '%s', which takes one value)",
                         p->name);
            p->bad = 1;
            return 1;
        }
        snprintf(buf, sizeof(buf), "%s", value);
        strip_comment(buf);
        if (pend_append(p, trim(buf)))
            c->oom = 1;
        return 1;
    }
    flush_pending(c);
    if (!c->kd) {
        if (!c->in_section)
            k3a_diag_add(c->dl, K3A_ERROR, K3A_E_SYNTAX, loc_at(c, c->line, name),
                         "key outside any section (start with a [section])");
        return 1;
    }
    start_key(c, name, value);
    return 1;
}

/* ---- sections -------------------------------------------------------- */

static const char *suggest_kind(const struct load_ctx *c, const char *word)
{
    const char *best = NULL;
    int bestd = 99;
    size_t i;

    if (c->sc->hint) {
        const char *h = c->sc->hint(word);
        if (h)
            return h;
    }
    for (i = 0; i < c->sc->n_kinds; i++) {
        int d = k3a__edit_distance(word, c->sc->kinds[i].word);
        if (d < bestd) {
            bestd = d;
            best = c->sc->kinds[i].word;
        }
    }
    return bestd <= 2 ? best : NULL;
}

/* Cuts a header's inner text "word name" in place at the first blank:
 * returns the word and sets *name to the rest, trimmed ("" when none). */
static char *split_header(char *inner, char **name)
{
    char *word = trim(inner), *sp = word;

    while (*sp && !isspace((unsigned char)*sp))
        sp++;
    if (*sp) {
        *sp = '\0';
        *name = trim(sp + 1);
    } else {
        *name = sp;
    }
    return word;
}

/* The section kind called word, NULL when there is none. */
static const struct k3a__kind *find_kind(const struct k3a__schema *sc,
                                         const char *word)
{
    size_t i;

    for (i = 0; i < sc->n_kinds; i++)
        if (sc->kinds[i].word[0] == word[0] && strcmp(sc->kinds[i].word, word) == 0)
            return &sc->kinds[i]; /* the words are distinct */
    return NULL;
}

/* The element diagnostics name until the next header: "word name", the
 * name (nl bytes) cut at 32 bytes. */
static void set_elem_label(struct load_ctx *c, const char *word, const char *name,
                           size_t nl)
{
    size_t wl = strlen(word);

    if (wl > sizeof(c->elem_label) - 35)
        wl = sizeof(c->elem_label) - 35;
    if (nl > 32)
        nl = 32;
    memcpy(c->elem_label, word, wl);
    if (nl) {
        c->elem_label[wl] = ' ';
        memcpy(c->elem_label + wl + 1, name, nl);
        wl += nl + 1;
    }
    c->elem_label[wl] = '\0';
}

static void report_unknown_kind(struct load_ctx *c, const char *word)
{
    const char *sug = suggest_kind(c, word);
    struct k3a_loc l = { c->file, c->line, "", "" };

    if (sug)
        k3a_diag_add(c->dl, K3A_ERROR, K3A_E_UNKNOWN_KEY, l,
                     "unknown section kind '%s' (did you mean '%s'?)", word, sug);
    else
        k3a_diag_add(c->dl, K3A_ERROR, K3A_E_UNKNOWN_KEY, l,
                     "unknown section kind '%s'", word);
}

/* A kind with one section and no name ([site]): opened once. */
static void open_single(struct load_ctx *c, const struct k3a__kind *kd,
                        const char *name)
{
    struct k3a_elem *e = k3a__store_elem(c->sc->base, kd, 0);
    struct k3a_loc l = { c->file, c->line, kd->word, "" };

    if (*name) {
        k3a_diag_add(c->dl, K3A_ERROR, K3A_E_SYNTAX, l,
                     "[%s] takes no name (found '%s')", kd->word, name);
        return;
    }
    if (e->line) {
        k3a_diag_add(c->dl, K3A_ERROR, K3A_E_DUPLICATE, l,
                     "a second [%s] section (the first is on line %d)",
                     kd->word, e->line);
        return;
    }
    e->line = c->line;
    c->kd = kd;
    c->idx = 0;
}

/* 1 when name (nl bytes) can name an element of kind kd, else reported: 0. */
static int check_elem_name(struct load_ctx *c, const struct k3a__kind *kd,
                           const char *name, size_t nl)
{
    struct k3a_loc l = { c->file, c->line, c->elem_label, "" };

    if (!*name) {
        k3a_diag_add(c->dl, K3A_ERROR, K3A_E_SYNTAX, l,
                     "a [%s] section needs a name: [%s NAME]", kd->word, kd->word);
        return 0;
    }
    if (nl > 32) {
        k3a_diag_add(c->dl, K3A_ERROR, K3A_E_SYNTAX, l,
                     "name is %zu characters long (at most 32; put the "
                     "full name in 'label')",
                     nl);
        return 0;
    }
    if (!k3a__valid_name(name)) {
        k3a_diag_add(c->dl, K3A_ERROR, K3A_E_SYNTAX, l,
                     "name '%s' may hold only letters, digits, '-', '_' "
                     "and '.' (put the name as written on site in 'label')",
                     name);
        return 0;
    }
    return 1;
}

/* Reports that the new element's name is already the element dup_idx of
 * kind dup_kind, and drops the new element (the last of kind kd) with its
 * name; its keys are then ignored until the next header. */
static void drop_duplicate(struct load_ctx *c, const struct k3a__kind *kd,
                           char *name, enum k3a_kind dup_kind, int32_t dup_idx)
{
    struct k3a_loc l = { c->file, c->line, c->elem_label, "" };
    const struct k3a__kind *dk = NULL;
    const struct k3a_elem *de;
    size_t i;

    for (i = 0; i < c->sc->n_kinds; i++)
        if (c->sc->kinds[i].kind == (int)dup_kind)
            dk = &c->sc->kinds[i];
    de = dk ? k3a__store_elem(c->sc->base, dk, (size_t)dup_idx) : NULL;
    k3a_diag_add(c->dl, K3A_ERROR, K3A_E_DUPLICATE, l,
                 "name '%s' is already used by [%s %s] on line %d%s", name,
                 dk ? dk->word : "?", de ? de->name : "?", de ? de->line : 0,
                 de && strcmp(de->name, name) != 0
                     ? " (names differing only in case are the same)"
                     : "");
    (*(size_t *)((char *)c->sc->base + kd->count_offset))--;
}

/* A kind with named sections: a new element of it, its name (nl bytes)
 * in the name index. */
static void open_named(struct load_ctx *c, const struct k3a__kind *kd,
                       const char *name, size_t nl)
{
    struct k3a_elem *e;
    int32_t dup_idx;
    enum k3a_kind dup_kind;
    long idx;
    char *copy;
    int r;

    if (!check_elem_name(c, kd, name, nl))
        return;
    idx = k3a__store_append(c->sc->base, kd);
    if (idx < 0) {
        c->oom = 1;
        return;
    }
    e = k3a__store_elem(c->sc->base, kd, (size_t)idx);
    e->line = c->line;
    copy = k3a__pool_strdup(&c->sc->names->text, name);
    if (!copy) {
        c->oom = 1;
        return;
    }
    e->name = copy;
    r = k3a__names_add(c->sc->names, copy, (enum k3a_kind)kd->kind, (int32_t)idx, &dup_idx,
                       &dup_kind);
    if (r < 0) {
        c->oom = 1;
        return;
    }
    if (r > 0) {
        drop_duplicate(c, kd, copy, dup_kind, dup_idx);
        return;
    }
    c->kd = kd;
    c->idx = idx;
}

/* A section header "[word name]": the keys that follow go to the element
 * it opens, or are ignored (c->kd NULL) when the header was reported. */
static void open_section(struct load_ctx *c, char *inner)
{
    const struct k3a__kind *kd;
    char *name, *word = split_header(inner, &name);
    size_t nl = strlen(name);

    c->kd = NULL;
    c->in_section = 1;
    kd = find_kind(c->sc, word);
    set_elem_label(c, word, name, nl);
    if (!kd)
        report_unknown_kind(c, word);
    else if (kd->flags & K3A__KIND_SINGLE)
        open_single(c, kd, name);
    else
        open_named(c, kd, name, nl);
}

/* ---- the reader -------------------------------------------------------- */

static const char *skip_blank(const char *s, const char *end)
{
    while (s < end && (*s == ' ' || *s == '\t'))
        s++;
    return s;
}

static void mark_bad_line(struct load_ctx *c)
{
    if (c->kd) {
        struct k3a_elem *e = k3a__store_elem(c->sc->base, c->kd, (size_t)c->idx);
        if (e)
            e->bad_lines++;
    }
}

/* A NUL byte or invalid UTF-8 in the line: reported, 1; else 0. */
static int bad_bytes(struct load_ctx *c, const char *s, size_t n)
{
    long bad;
    size_t i;

    for (i = 0; i < n; i++)
        if (s[i] == '\0') {
            struct k3a_loc l = { c->file, c->line, "", "" };
            k3a_diag_add(c->dl, K3A_ERROR, K3A_E_SYNTAX, l,
                         "NUL byte at column %zu (is this a binary file?)",
                         i + 1);
            mark_bad_line(c);
            return 1;
        }
    bad = k3a__utf8_invalid_at((const unsigned char *)s, n);
    if (bad >= 0) {
        struct k3a_loc l = { c->file, c->line, "", "" };
        k3a_diag_add(c->dl, K3A_ERROR, K3A_E_SYNTAX, l,
                     "invalid UTF-8 (byte 0x%02X at column %ld); save the "
                     "file as UTF-8",
                     (unsigned)(unsigned char)s[bad], bad + 1);
        mark_bad_line(c);
        return 1;
    }
    return 0;
}

/* A line longer than inih's buffer (content bytes, t its first
 * non-blank): reported, 1; else 0. */
static int too_long(struct load_ctx *c, const char *s, size_t content,
                    const char *t)
{
    if (content > MAX_LINE_BYTES && t == s && *t == '[') {
        /* an over-long section header: reported at its line, and the keys
         * under it belong to no section (not to the one above) */
        struct k3a_loc l = { c->file, c->line, "", "" };
        flush_pending(c);
        k3a_diag_add(c->dl, K3A_ERROR, K3A_E_SYNTAX, l,
                     "section header is %zu bytes long (at most %d; a name "
                     "has at most 32 characters)",
                     content, MAX_LINE_BYTES);
        c->kd = NULL;
        c->in_section = 1;
        return 1;
    }
    if (content > MAX_LINE_BYTES) {
        struct k3a_loc l = { c->file, c->line, "", "" };
        k3a_diag_add(c->dl, K3A_ERROR, K3A_E_SYNTAX, l,
                     "line is %zu bytes long (at most %d; continue a long "
                     "value on indented lines)",
                     content, MAX_LINE_BYTES);
        if (c->pend.active)
            c->pend.bad = 1;
        mark_bad_line(c);
        return 1;
    }
    return 0;
}

/* The key a control character at column at + 1 is reported under (key,
 * n bytes): the pending key's on a continuation line, the line's own key
 * when the character is in its value, else none. */
static void control_key(const struct load_ctx *c, const char *s,
                        size_t content, const char *t, long at, char *key,
                        size_t n)
{
    const char *eq;

    key[0] = '\0';
    if (t > s && c->pend.active)
        snprintf(key, n, "%.47s", c->pend.name);
    else if (t == s && *t != '[' && *t != ';' && *t != '#' &&
             (eq = memchr(s, '=', content)) != NULL &&
             eq - s < (long)n && eq > s + at) {
        key[0] = '\0'; /* the key itself holds it: no name to show */
    } else if (t == s && *t != '[' && *t != ';' && *t != '#' &&
               (eq = memchr(s, '=', content)) != NULL &&
               eq - s < (long)n) {
        size_t kl = (size_t)(eq - s);
        while (kl && (s[kl - 1] == ' ' || s[kl - 1] == '\t'))
            kl--;
        memcpy(key, s, kl);
        key[kl] = '\0';
    }
}

/* Control characters (ESC, BEL, a lone CR, DEL, C1 ...) in any text: they
 * would run on a terminal and break the workbook's XML, so a file may not
 * hold them (site-format 8; docs/bad-input.md).  Returns -1 when the line
 * has none, else what inspect_line returns for it (reported). */
static int control_chars(struct load_ctx *c, const char *s, size_t content,
                         const char *t)
{
    unsigned cp;
    long at = k3a_text_control_at(s, content, &cp);
    char key[48];
    struct k3a_loc l = { c->file, c->line, c->kd ? c->elem_label : "", key };

    if (at < 0)
        return -1;
    control_key(c, s, content, t, at, key, sizeof(key));
    if (t == s + content || *t == '[' || *t == ';' || *t == '#')
        l.element = ""; /* a header or comment: no element's */
    k3a_diag_add(c->dl, K3A_ERROR, K3A_E_SYNTAX, l,
                 "control character U+%04X at column %ld (text may "
                 "not hold control characters; remove it)",
                 cp, at + 1);
    if (t < s + content && (*t == ';' || *t == '#'))
        return 2; /* a comment: reported, and skipped as comments are */
    if (c->pend.active && t > s)
        c->pend.bad = 1;
    else
        flush_pending(c);
    if (t == s && *t == '[') {
        c->kd = NULL; /* the keys under it belong to no section */
        c->in_section = 1;
    } else {
        mark_bad_line(c);
    }
    return 0;
}

/* A section header line (t at its '['): the section opened, 2; or a
 * header without ']' reported, 0. */
static int section_header(struct load_ctx *c, const char *s, size_t content,
                          const char *t)
{
    const char *close = memchr(t, ']', (size_t)(s + content - t));
    const char *after;
    char inner[256];
    size_t len;

    flush_pending(c);
    if (!close) {
        struct k3a_loc l = { c->file, c->line, "", "" };
        k3a_diag_add(c->dl, K3A_ERROR, K3A_E_SYNTAX, l,
                     "section header without ']'");
        c->kd = NULL;
        c->in_section = 1;
        return 0;
    }
    t++;
    len = (size_t)(close - t);
    if (len >= sizeof(inner))
        len = sizeof(inner) - 1;
    memcpy(inner, t, len);
    inner[len] = '\0';
    after = skip_blank(close + 1, s + content);
    if (after < s + content && *after != ';' && *after != '#') {
        struct k3a_loc l = { c->file, c->line, "", "" };
        k3a_diag_add(c->dl, K3A_ERROR, K3A_E_SYNTAX, l,
                     "text after the section header ']'");
    }
    open_section(c, inner);
    return 2;
}

/* A line of printable ASCII and tabs holds no NUL byte, no invalid UTF-8
 * and no control character: most lines are, and skip those scans. */
static int plain_ascii(const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if ((ch < 0x20 && ch != '\t') || ch > 0x7E)
            return 0;
    }
    return 1;
}

/* Handles one physical line before inih sees it.  Returns 1 when inih may
 * parse it, 2 when it is done with here (blank, comment, section header:
 * inih is not given it), 0 when inih must get a blank line instead. */
static int inspect_line(struct load_ctx *c, const char *s, size_t n)
{
    const char *t;
    size_t content = n;
    int rc, plain;

    if (content && s[content - 1] == '\r')
        content--;
    plain = plain_ascii(s, content); /* a final CR is no bad byte */
    if (!plain && bad_bytes(c, s, n))
        return 0;
    t = skip_blank(s, s + content);
    if (too_long(c, s, content, t))
        return 0;
    if (!plain && (rc = control_chars(c, s, content, t)) >= 0)
        return rc;
    c->line_indented = t > s;
    if (t == s + content || *t == ';' || *t == '#')
        return 2; /* blank or comment: inih would skip it too */
    if (!c->line_indented && *t == '[')
        return section_header(c, s, content, t);
    if (c->line_indented) {
        if (!c->pend.active) {
            struct k3a_loc l = { c->file, c->line, c->kd ? c->elem_label : "",
                                 "" };
            k3a_diag_add(c->dl, K3A_ERROR, K3A_E_SYNTAX, l,
                         "keys must start in column 1 (an indented line "
                         "continues the value above it, and there is none)");
            return 0;
        }
        return 1;
    }
    /* a key line: it needs '=' (or ':', which inih also accepts) */
    if (!memchr(t, '=', (size_t)(s + content - t)) &&
        !memchr(t, ':', (size_t)(s + content - t))) {
        struct k3a_loc l = { c->file, c->line, c->kd ? c->elem_label : "", "" };
        flush_pending(c);
        k3a_diag_add(c->dl, K3A_ERROR, K3A_E_SYNTAX, l,
                     "expected 'key = value' or '[kind name]'");
        mark_bad_line(c);
        return 0;
    }
    return 1;
}

static char *reader(char *buf, int size, void *stream)
{
    struct load_ctx *c = stream;
    const char *s, *nl;
    size_t n, copy;
    int rc;

    do {
        if (c->pos >= c->len) {
            flush_pending(c);
            return NULL;
        }
        s = c->text + c->pos;
        nl = memchr(s, '\n', c->len - c->pos);
        n = nl ? (size_t)(nl - s) : c->len - c->pos;
        c->pos += n + (nl ? 1 : 0);
        c->line++;
        if (c->line == 1 && n >= 3 && (unsigned char)s[0] == 0xEF &&
            (unsigned char)s[1] == 0xBB && (unsigned char)s[2] == 0xBF) {
            s += 3; /* UTF-8 byte order mark */
            n -= 3;
        }
        /* blank lines, comments and section headers are done with here:
         * inih would only skip them or note a section it is never asked
         * for, at a cost per line */
    } while ((rc = inspect_line(c, s, n)) == 2);
    if (!rc || size < 3) {
        buf[0] = '\n';
        buf[1] = '\0';
        return buf;
    }
    /* inih's buffer holds size - 1 bytes: a 199-byte line fits whole
     * without its newline (inspect_line rejected anything longer) */
    copy = n < (size_t)size - 1 ? n : (size_t)size - 1;
    memcpy(buf, s, copy);
    if (copy + 1 < (size_t)size) {
        buf[copy] = '\n';
        buf[copy + 1] = '\0';
    } else {
        buf[copy] = '\0';
    }
    return buf;
}

static void check_required(struct load_ctx *c)
{
    size_t k, i, j;

    for (k = 0; k < c->sc->n_kinds; k++) {
        const struct k3a__kind *kd = &c->sc->kinds[k];
        size_t n = k3a__store_count(c->sc->base, kd);
        uint64_t req = 0;
        for (j = 0; j < kd->n_keys && j < 64; j++)
            if (kd->keys[j].flags & KF_REQUIRED)
                req |= (uint64_t)1 << j;
        for (i = 0; i < n; i++) {
            const struct k3a_elem *e = k3a__store_elem(c->sc->base, kd, i);
            char label[48];
            if (e->line <= 0 || e->bad_lines)
                continue; /* an unreadable line may have held the key */
            if (!(req & ~(uint64_t)e->given & ~(uint64_t)e->hinted))
                continue; /* every required key given (the usual case) */
            label[0] = '\0';
            for (j = 0; j < kd->n_keys; j++) {
                const struct k3a__key *key = &kd->keys[j];
                struct k3a_loc l = { c->file, e->line, label, key->key };
                if (!(key->flags & KF_REQUIRED) || ((e->given >> j) & 1u) ||
                    ((e->hinted >> j) & 1u))
                    continue;
                if (k3a_elem_key_line(e, (unsigned)j))
                    continue; /* given but bad: reported already */
                if (!label[0])
                    snprintf(label, sizeof(label), "%s%s%s", kd->word,
                             e->name ? " " : "", e->name ? e->name : "");
                k3a_diag_add(c->dl, K3A_ERROR, K3A_E_MISSING_KEY, l,
                             "missing required key");
            }
        }
    }
}

/* ---- the pass ---------------------------------------------------------- */

static void ctx_init(struct load_ctx *c, const struct k3a__schema *sc,
                     const char *file, const char *text, size_t len,
                     struct k3a_diag_list *dl)
{
    memset(c, 0, sizeof(*c));
    c->sc = sc;
    c->file = file;
    c->text = text;
    c->len = len;
    c->dl = dl;
    c->idx = -1;
}

/* Makes room at once for the sections of each kind that the text has
 * (headers counted by a scan for '[' at the start of a line), and for
 * their names: growing by doubling copied the arrays of a large site
 * several times over and faulted their pages again, and rehashed the name
 * index as often.  A header the count gets wrong costs only a later
 * growth; a failed reservation, only the growth it would have saved. */
static void reserve_sections(const struct k3a__schema *sc, const char *text,
                             size_t len)
{
    size_t count[64] = { 0 }, k, named = 0;
    const char *s = text, *end = text + len;

    if (sc->n_kinds > 64 || len < 4096)
        return; /* a small text grows in a few steps */
    while ((s = memchr(s, '[', (size_t)(end - s))) != NULL) {
        const char *w, *we;
        if (s != text && s[-1] != '\n') {
            s++;
            continue;
        }
        w = skip_blank(s + 1, end);
        if (w == end)
            break;
        for (we = w; we < end && *we != ']' && *we != ' ' && *we != '\t' &&
                     *we != '\r' && *we != '\n';
             we++)
            ;
        for (k = 0; k < sc->n_kinds; k++) {
            const char *word = sc->kinds[k].word;
            if (word[0] == *w && strlen(word) == (size_t)(we - w) &&
                memcmp(word, w, (size_t)(we - w)) == 0) {
                count[k]++;
                break;
            }
        }
        s = we;
    }
    for (k = 0; k < sc->n_kinds; k++)
        if (count[k]) {
            (void)k3a__store_reserve(sc->base, &sc->kinds[k], count[k]);
            if (!(sc->kinds[k].flags & K3A__KIND_SINGLE))
                named += count[k];
        }
    /* and for their names: the index is not rehashed as it fills */
    if (named && sc->names)
        (void)k3a__names_reserve(sc->names, named);
}

static void run(struct load_ctx *c)
{
    reserve_sections(c->sc, c->text, c->len);
    (void)ini_parse_stream(reader, c, handler, c);
    flush_pending(c);
    free(c->pend.val);
    c->pend.val = NULL;
}

/* UTF-16 with a byte order mark, or without one: text whose first
 * characters are ASCII with a NUL beside each (little or big endian). */
int k3a__is_utf16(const char *text, size_t len)
{
    const unsigned char *u = (const unsigned char *)text;
    size_t i, n = len < 64 ? len & ~(size_t)1 : 64, odd = 0, even = 0;

    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
                     (u[0] == 0xFE && u[1] == 0xFF)))
        return 1;
    if (n < 4)
        return 0;
    for (i = 0; i < n; i += 2) {
        even += u[i] == 0 && u[i + 1] != 0;
        odd += u[i + 1] == 0 && u[i] != 0;
    }
    return even == n / 2 || odd == n / 2;
}

enum k3a_status k3a__ini_load(const struct k3a__schema *sc, const char *file,
                              const char *text, size_t len,
                              struct k3a_diag_list *dl)
{
    struct load_ctx c;
    size_t errors_before = dl->n_errors;

    if (k3a__is_utf16(text, len)) {
        /* one error, not one per line of NUL bytes */
        struct k3a_loc l = { file, 1, "", "" };
        k3a_diag_add(dl, K3A_ERROR, K3A_E_SYNTAX, l,
                     "file is UTF-16; save it as UTF-8");
        return K3A_E_INPUT;
    }
    ctx_init(&c, sc, file, text, len, dl);
    run(&c);
    if (c.oom)
        return K3A_E_NOMEM;
    check_required(&c);
    return dl->n_errors > errors_before ? K3A_E_INPUT : K3A_OK;
}
