/*
 * xlsx_input.c - the audit workbook's Input sheet (every key of every
 * element, defaults marked; grouped beyond INPUT_ROWS_MAX) and Tabel
 * Model (the model tables in use).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parse.h"
#include "schema.h"
#include "xlsx.h"

/* ---- Input: every key of every element, defaults marked ---------------- */

struct input_row {
    const char *kind, *name, *label, *given, *defaults;
    double line;
    char *given_buf, *defaults_buf;
};

#define INPUT_CELL 8000 /* well under Excel's 32767 characters a cell */

/* One row per element: every key given (key = value, in table order) and
 * every default applied (key = value [source]). */
static void input_element(struct wctx *w, enum k3a_kind kind, size_t idx,
                          struct input_row *row)
{
    const struct k3a_site *s = w->r->site;
    const struct k3a_elem *e = k3a_site_elem(s, kind, idx);
    size_t nk = k3a_kind_key_count(kind), k, ug = 0, ud = 0;
    const char *pend = NULL; /* the source of the defaults not yet noted */
    char value[600];

    row->kind = k3a_kind_name(kind);
    row->name = e->name ? e->name : "";
    row->label = e->label;
    row->line = e->line;
    row->given_buf[0] = row->defaults_buf[0] = '\0';
    for (k = 0; k < nk; k++) {
        int is_def;
        const char *key = k3a_kind_key_name(kind, (unsigned)k);
        if (strcmp(key, "label") == 0 ||
            !k3a_site_value_text(s, kind, idx, (unsigned)k, value, sizeof(value),
                                 &is_def))
            continue;
        if (!is_def) {
            if (ug < INPUT_CELL)
                ug += (size_t)snprintf(row->given_buf + ug, INPUT_CELL - ug,
                                       "%s%s = %s", ug ? "; " : "", key, value);
        } else {
            /* defaults of one source share its note:
             * "phases = 3, wet = no [site-format default]; gap_mm = 25 [...]" */
            const char *src = k3a_site_default_source(s, kind, idx, (unsigned)k);
            int same;
            if (!src)
                src = TX(w, DEFAULT_SRC);
            same = pend && strcmp(pend, src) == 0;
            if (pend && !same && ud < INPUT_CELL)
                ud += (size_t)snprintf(row->defaults_buf + ud, INPUT_CELL - ud, " [%s]",
                                       pend);
            if (ud < INPUT_CELL)
                ud += (size_t)snprintf(row->defaults_buf + ud, INPUT_CELL - ud,
                                       "%s%s = %s", !pend ? "" : same ? ", " : "; ",
                                       key, value);
            pend = src;
        }
    }
    if (pend && ud < INPUT_CELL)
        snprintf(row->defaults_buf + ud, INPUT_CELL - ud, " [%s]", pend);
    row->given = row->given_buf;
    row->defaults = row->defaults_buf;
}

/* clang-format off */
#define IC(h, u, wd, k, field, d) { K3A_T_##h, u, wd, k, offsetof(struct input_row, field), d, NULL }
static const struct col_spec input_cols[] = {
    IC(KIND,     "", 12, COL_TEXT, kind,     0),
    IC(NAME,     "", 16, COL_TEXT, name,     0),
    IC(LINE,     "",  7, COL_NUM,  line,     0),
    IC(LABEL,    "", 24, COL_TEXT, label,    0),
    IC(FROM_FILE,"", 70, COL_TEXT, given,    0),
    IC(DEFAULT,  "", 60, COL_TEXT, defaults, 0),
};
#undef IC
/* clang-format on */

/* A site with more elements than this gets its defaults summed up on the
 * Input sheet: one row per kind, key, value and source, with how many
 * elements took it and the first of them.  The values given are the site
 * file itself, named by its SHA-256 on the same sheet.  One row per
 * element of a 100,000-bus site would be a third of the workbook. */
#define INPUT_ROWS_MAX 10000

/* A default taken by one or more elements of a kind: its key, value and
 * source, how many elements, and the first of them. */
struct dflt_group {
    enum k3a_kind kind;
    unsigned key;
    char *value;
    const char *source;
    size_t n, first;
};

struct dflt_groups {
    struct dflt_group *v;
    size_t n, cap;
    uint32_t *slot; /* hash of (kind, key, value, source): 1 + index */
    size_t n_slots;
};

static uint64_t dflt_hash(enum k3a_kind kind, unsigned key, const char *value,
                          const char *source)
{
    uint64_t h = 1469598103934665603ull ^ ((uint64_t)kind << 32 | key);
    const char *p;

    for (p = value; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211ull;
    h = (h ^ 0xff) * 1099511628211ull;
    for (p = source; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211ull;
    return h;
}

/* Counts one default of element idx into its group, making the group
 * the first time; *group: its index.  -1 on no memory. */
static int dflt_count(struct dflt_groups *gs, enum k3a_kind kind, unsigned key,
                      const char *value, const char *source, size_t idx, size_t *group)
{
    uint64_t h = dflt_hash(kind, key, value, source);
    size_t at, j;

    if ((gs->n + 1) * 2 > gs->n_slots) { /* grow: rehash every group */
        size_t ns = gs->n_slots ? gs->n_slots * 2 : 256;
        uint32_t *sl = calloc(ns, sizeof(*sl));
        if (!sl)
            return -1;
        for (j = 0; j < gs->n; j++) {
            const struct dflt_group *g = &gs->v[j];
            at = (size_t)(dflt_hash(g->kind, g->key, g->value, g->source) & (ns - 1));
            while (sl[at])
                at = (at + 1) & (ns - 1);
            sl[at] = (uint32_t)(j + 1);
        }
        free(gs->slot);
        gs->slot = sl;
        gs->n_slots = ns;
    }
    for (at = (size_t)(h & (gs->n_slots - 1)); gs->slot[at];
         at = (at + 1) & (gs->n_slots - 1)) {
        struct dflt_group *g = &gs->v[gs->slot[at] - 1];
        if (g->kind == kind && g->key == key && strcmp(g->value, value) == 0 &&
            strcmp(g->source, source) == 0) {
            g->n++;
            *group = gs->slot[at] - 1;
            return 0;
        }
    }
    if (gs->n == gs->cap) {
        size_t nc = gs->cap ? gs->cap * 2 : 64;
        void *p = realloc(gs->v, nc * sizeof(*gs->v));
        if (!p)
            return -1;
        gs->v = p;
        gs->cap = nc;
    }
    gs->v[gs->n].value = k3a__strdup(value);
    if (!gs->v[gs->n].value)
        return -1;
    gs->v[gs->n].kind = kind;
    gs->v[gs->n].key = key;
    gs->v[gs->n].source = source;
    gs->v[gs->n].n = 1;
    gs->v[gs->n].first = idx;
    *group = gs->n;
    gs->slot[at] = (uint32_t)(++gs->n);
    return 0;
}

static int dflt_group_cmp(const void *x, const void *y)
{
    const struct dflt_group *a = x, *b = y;

    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    return a->first < b->first ? -1 : a->first > b->first; /* first taken first */
}

/* The text of a number, count, keyword or yes/no key's value not given
 * (k3a__site_value_text), made once for a run of elements with the same
 * value, and the group it went to: most elements of a kind take the same
 * defaults, and formatting and hashing each of them again was most of the
 * summed-up Input sheet's time on a 100,000-bus site.  For these types
 * the text and whether it is a default depend only on the value and on
 * whether the default has a source (the key is not given). */
struct dflt_memo {
    unsigned char v[8];
    int set, has_src, ok, is_def;
    int again;          /* the text is the last one's */
    const char *source; /* the last group's source, NULL: none yet */
    size_t group;
    char text[64];
};

/* kd: the kind's key table, e: element i's storage (k3a__elem_cptr). */
static const char *dflt_text(const struct k3a_site *s, enum k3a_kind kind,
                             const struct k3a__kind *kd, size_t i, const char *e,
                             unsigned k, const char *src, struct dflt_memo *m,
                             char *value, size_t n, int *is_def)
{
    unsigned char v[8] = { 0 };
    enum k3a__type ty = kd && k < kd->n_keys ? kd->keys[k].type : KT_TEXT;

    if (!m || !e || (ty != KT_DBL && ty != KT_INT && ty != KT_ENUM && ty != KT_BOOL)) {
        int ok = k3a__site_value_text(s, kind, i, k, src, value, n, is_def);
        return ok ? value : NULL;
    }
    memcpy(v, e + kd->keys[k].offset, ty == KT_DBL ? sizeof(double) : sizeof(int));
    m->again = m->set && m->has_src == (src != NULL) && memcmp(m->v, v, sizeof(v)) == 0;
    if (!m->again) {
        m->ok = k3a__site_value_text(s, kind, i, k, src, m->text, sizeof(m->text),
                                     &m->is_def);
        if (strlen(m->text) + 1 == sizeof(m->text)) { /* perhaps cut: not kept */
            m->set = 0;
            m->ok = k3a__site_value_text(s, kind, i, k, src, value, n, is_def);
            return m->ok ? value : NULL;
        }
        memcpy(m->v, v, sizeof(v));
        m->has_src = src != NULL;
        m->set = 1;
        m->source = NULL;
    }
    *is_def = m->is_def;
    return m->ok ? m->text : NULL;
}

/* Element i's defaults with a source: a bit of the result for each key
 * (below 64), its source in src[key].  The defaults list is sorted by
 * kind, element, key: *d walks it beside the elements. */
static uint64_t dflt_sources(const struct k3a_default **d, const struct k3a_default *dend,
                             size_t kind, size_t i, const char **src)
{
    const struct k3a_default *p = *d;
    uint64_t mask = 0;

    while (p < dend &&
           ((size_t)p->kind < kind || ((size_t)p->kind == kind && (size_t)p->idx < i)))
        p++;
    for (; p < dend && (size_t)p->kind == kind && (size_t)p->idx == i; p++)
        if (p->key < 64 && !((mask >> p->key) & 1u)) {
            mask |= (uint64_t)1 << p->key;
            src[p->key] = p->source;
        }
    *d = p;
    return mask;
}

/* The defaults of every kind, by kind, key (table order) and the element
 * that first took each value.  -1 on no memory. */
static int dflt_groups(const struct k3a_site *s, struct dflt_groups *gs, const char *dsrc)
{
    size_t kind, i, k;
    const struct k3a_default *d = s->defaults, *dend = s->defaults + s->n_defaults;
    char value[600];
    struct dflt_memo memo[64]; /* one a key (k3a_elem.given: 64 bits) */
    const char *srcs[64];      /* element i's default sources (dflt_sources) */

    memset(gs, 0, sizeof(*gs));
    for (kind = 0; kind < K3A_KIND_COUNT; kind++) {
        size_t nk = k3a_kind_key_count((enum k3a_kind)kind);
        size_t n = k3a_site_count(s, (enum k3a_kind)kind);
        const struct k3a__kind *kd = k3a__site_kind((enum k3a_kind)kind);
        memset(memo, 0, sizeof(memo));
        for (i = 0; i < n; i++) {
            const struct k3a_elem *e = k3a_site_elem(s, (enum k3a_kind)kind, i);
            const char *ep = (const char *)(const void *)e; /* its storage */
            uint64_t has_src = dflt_sources(&d, dend, kind, i, srcs);
            for (k = 0; k < nk; k++) {
                struct dflt_memo *m = k < 64 ? &memo[k] : NULL;
                const char *src, *text;
                size_t group;
                int is_def;
                if ((e->given >> k) & 1u) /* given: not a default */
                    continue;
                src = k < 64 && ((has_src >> k) & 1u) ? srcs[k] : NULL;
                text = dflt_text(s, (enum k3a_kind)kind, kd, i, ep, (unsigned)k, src, m,
                                 value, sizeof(value), &is_def);
                if (!text || !is_def)
                    continue;
                if (m && m->again && m->source == (src ? src : dsrc)) {
                    gs->v[m->group].n++; /* the same value from the same source */
                    continue;
                }
                if (dflt_count(gs, (enum k3a_kind)kind, (unsigned)k, text,
                               src ? src : dsrc, i, &group))
                    return -1;
                if (m && text == m->text) {
                    m->source = src ? src : dsrc;
                    m->group = group;
                }
            }
        }
    }
    /* made in element order; shown by kind, key, then first taker (the
     * hash slots are not needed any more) */
    if (gs->n > 1)
        qsort(gs->v, gs->n, sizeof(*gs->v), dflt_group_cmp);
    free(gs->slot);
    gs->slot = NULL;
    gs->n_slots = 0;
    return 0;
}

static void dflt_groups_free(struct dflt_groups *gs)
{
    size_t j;

    for (j = 0; j < gs->n; j++)
        free(gs->v[j].value);
    free(gs->v);
    free(gs->slot);
    memset(gs, 0, sizeof(*gs));
}

struct dflt_row {
    const char *kind, *key, *value, *source, *first;
    double n, line;
};

static int dflt_row(struct wctx *w, size_t i, void *rowp)
{
    const struct dflt_groups *gs = w->table_data;
    const struct dflt_group *g = &gs->v[i];
    const struct k3a_elem *e = k3a_site_elem(w->r->site, g->kind, g->first);
    struct dflt_row *row = rowp;

    row->kind = k3a_kind_name(g->kind);
    row->key = k3a_kind_key_name(g->kind, g->key);
    row->value = g->value;
    row->source = g->source;
    row->n = (double)g->n;
    row->first = e && e->name ? e->name : "";
    row->line = e ? e->line : 0;
    return 0;
}

/* clang-format off */
#define DC(h, wd, k, field) { K3A_T_##h, "", wd, k, offsetof(struct dflt_row, field), 0, NULL }
static const struct col_spec dflt_cols[] = {
    DC(KIND,          12, COL_TEXT, kind),
    DC(KEY,           20, COL_TEXT, key),
    DC(DEFAULT_VALUE, 24, COL_TEXT, value),
    DC(SOURCE,        60, COL_TEXT, source),
    DC(NUMBER,        10, COL_NUM,  n),
    DC(FIRST_ELEMENT, 16, COL_TEXT, first),
    DC(LINE,           7, COL_NUM,  line),
};
#undef DC
/* clang-format on */

/* The site file's name and SHA-256 and the program's version, in column
 * vc; returns the next free row. */
static lxw_row_t input_head(struct wctx *w, lxw_worksheet *ws, lxw_row_t row,
                            lxw_col_t vc)
{
    char hex[65];

    k3a__hex(w->r->site->sha256, 32, hex);
    /* each label across the columns before its value (a wrapped label in
     * one narrow column would overlap the next row) */
    check(w, worksheet_merge_range(ws, row, 0, row, vc - 1, TX(w, INPUT_FILE), w->st.label));
    cell(w, worksheet_write_string(ws, row++, vc, k3a__xl_base_name(w->r->site->path), NULL));
    check(w, worksheet_merge_range(ws, row, 0, row, vc - 1, TX(w, INPUT_SHA), w->st.label));
    cell(w, worksheet_write_string(ws, row++, vc, hex, NULL));
    check(w, worksheet_merge_range(ws, row, 0, row, vc - 1, TX(w, VERSION), w->st.label));
    cell(w, worksheet_write_string(ws, row++, vc, w->o->version, NULL));
    return row + 1;
}

/* Above the summed-up defaults: the file, then why they are summed up. */
static lxw_row_t input_grouped_before(struct wctx *w, lxw_worksheet *ws, lxw_row_t row,
                                      lxw_col_t width)
{
    char line[512];

    row = input_head(w, ws, row, 3); /* the wide source column */
    snprintf(line, sizeof(line), "%s %d.", TX(w, INPUT_GROUPED), INPUT_ROWS_MAX);
    check(w, worksheet_set_row(ws, row, 45, NULL));
    check(w, worksheet_merge_range(ws, row, 0, row, width - 1, line, w->st.wrap));
    return row + 2;
}

static void write_input_grouped(struct wctx *w)
{
    struct dflt_groups gs;
    struct table_spec t;

    if (dflt_groups(w->r->site, &gs, TX(w, DEFAULT_SRC)) != 0) {
        dflt_groups_free(&gs);
        check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    memset(&t, 0, sizeof(t));
    t.sheet = K3A_T_SH_INPUT;
    t.cols = dflt_cols;
    t.n_cols = NCOLS(dflt_cols);
    t.row_size = sizeof(struct dflt_row);
    t.n_rows = gs.n;
    t.row = dflt_row;
    t.data = &gs;
    t.before = input_grouped_before;
    k3a__xl_write_table(w, &t, 1);
    dflt_groups_free(&gs);
}

void k3a__xl_write_input(struct wctx *w)
{
    lxw_worksheet *ws;
    struct input_row row;
    lxw_row_t r0, xr;
    size_t c, k, i, nc = sizeof(input_cols) / sizeof(input_cols[0]), n_elems = 0;

    for (k = 0; k < K3A_KIND_COUNT; k++)
        n_elems += k3a_site_count(w->r->site, (enum k3a_kind)k);
    if (n_elems > INPUT_ROWS_MAX) {
        write_input_grouped(w);
        return;
    }
    ws = workbook_add_worksheet(w->wb, TX(w, SH_INPUT));
    memset(&row, 0, sizeof(row));
    row.given_buf = malloc(INPUT_CELL + 16);
    row.defaults_buf = malloc(INPUT_CELL + 16);
    if (!ws || !row.given_buf || !row.defaults_buf) {
        free(row.given_buf);
        free(row.defaults_buf);
        check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    for (c = 0; c < nc; c++)
        check(w, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
                                      input_cols[c].width, NULL));
    r0 = k3a__xl_sheet_head(w, ws, K3A_T_SH_INPUT, (lxw_col_t)nc);
    r0 = input_head(w, ws, r0, 4); /* the wide column of given values */
    check(w, worksheet_set_row(ws, r0, 30, NULL));
    for (c = 0; c < nc; c++)
        cell(w, worksheet_write_string(ws, r0, (lxw_col_t)c,
                                        k3a_text(w->lang, input_cols[c].header),
                                        w->st.head));
    xr = r0 + 1;
    for (k = 0; k < K3A_KIND_COUNT && w->err == LXW_NO_ERROR; k++)
        for (i = 0; i < k3a_site_count(w->r->site, (enum k3a_kind)k) &&
                    w->err == LXW_NO_ERROR;
             i++) {
            double lines = 1;
            input_element(w, (enum k3a_kind)k, i, &row);
            for (c = 0; c < nc; c++)
                if (input_cols[c].kind == COL_TEXT) {
                    const char *v = *(const char *const *)(const void *)(
                        (const unsigned char *)&row + input_cols[c].offset);
                    double n = v ? ceil((double)strlen(v) / (input_cols[c].width - 1)) : 1;
                    if (n > lines)
                        lines = n;
                }
            if (lines > 1)
                check(w, worksheet_set_row(ws, xr, 15.0 * (lines > 10 ? 10 : lines),
                                           NULL));
            for (c = 0; c < nc; c++) {
                const unsigned char *p = (const unsigned char *)&row + input_cols[c].offset;
                lxw_col_t col = (lxw_col_t)c;
                if (input_cols[c].kind == COL_NUM) {
                    cell(w, k3a__xl_write_number(ws, xr, col,
                                                    *(const double *)(const void *)p,
                                                    w->st.num0));
                } else {
                    const char *v = *(const char *const *)(const void *)p;
                    if (v && *v)
                        cell(w, worksheet_write_string(ws, xr, col, v,
                                                        c == 5 ? w->st.dflt
                                                               : w->st.wrap));
                    else
                        cell(w, worksheet_write_blank(ws, xr, col, w->st.text));
                }
            }
            xr++;
        }
    free(row.given_buf);
    free(row.defaults_buf);
    worksheet_freeze_panes(ws, r0 + 1, 0);
    if (xr > r0 + 1)
        check(w, worksheet_autofilter(ws, r0, 0, xr - 1, (lxw_col_t)(nc - 1)));
    {
        double px = 0;
        for (c = 0; c < nc; c++)
            px += k3a__xl_col_px(input_cols[c].width);
        k3a__xl_page_setup(w, ws, px, r0, 0);
    }
}

/* ---- Tabel Model / Model tables --------------------------------------------- */

struct model_row {
    const char *file, *id, *title, *source, *version, *confidence, *sha, *year;
    char sha_buf[65];
    char file_buf[300], title_buf[256];
    char year_buf[16];
};

static int model_row(struct wctx *w, size_t i, void *rowp)
{
    struct model_row *row = rowp;
    const struct k3a_model_file *f = &w->r->models->files[i];

    snprintf(row->file_buf, sizeof(row->file_buf), "%s%s", f->file,
             f->builtin ? " *" : "");
    row->file = row->file_buf;
    row->id = f->meta.id;
    row->title = f->meta.title ? k3a_text_lang(f->meta.title, w->lang, row->title_buf,
                                               sizeof(row->title_buf))
                               : NULL;
    row->source = f->meta.source;
    row->version = f->meta.version;
    row->confidence = f->meta.confidence;
    if (row->confidence && strcmp(row->confidence, "per row") == 0 &&
        w->lang != K3A_LANG_EN)
        row->confidence = "per baris";
    /* a year, not a quantity: 2009, never 2,009 */
    if (f->meta.year > 0) {
        snprintf(row->year_buf, sizeof(row->year_buf), "%d", f->meta.year);
        row->year = row->year_buf;
    }
    k3a__hex(f->sha256, 32, row->sha_buf);
    row->sha = row->sha_buf;
    return 0;
}

/* The table's own version and the SHA-256 of the table file (the site
 * file's and the program's are on Ringkasan). */
static const char *const model_version_head[2] = { "Versi tabel", "Table version" };
static const char *const model_sha_head[2] = { "SHA-256 berkas tabel", "Table file SHA-256" };

/* clang-format off */
#define MC(h, u, wd, k, field, d) { K3A_T_##h, u, wd, k, offsetof(struct model_row, field), d, NULL }
static const struct col_spec model_cols[] = {
    MC(FILE,       "", 30, COL_TEXT, file,       0),
    MC(ID,         "", 20, COL_TEXT, id,         0),
    MC(TITLE_COL,  "", 36, COL_TEXT, title,      0),
    MC(SOURCE,     "", 60, COL_TEXT, source,     0),
    MC(YEAR,       "",  7, COL_TEXT, year,       0),
    { K3A_T_VERSION, "", 8, COL_TEXT, offsetof(struct model_row, version), 0,
      model_version_head },
    MC(CONFIDENCE, "", 11, COL_TEXT, confidence, 0),
    { K3A_T_INPUT_SHA, "", 30, COL_TEXT, offsetof(struct model_row, sha), 0,
      model_sha_head },
};
#undef MC
/* clang-format on */

/* Below the table: what "*" and the confidence tags mean (the tags of
 * the shared regulation notes: each value's source as the model file
 * states it). */
static void models_after(struct wctx *w, lxw_worksheet *ws, lxw_row_t row,
                         lxw_row_t first, lxw_row_t last)
{
    static const char *const legend_id[] = {
        "Keterangan:",
        "* tabel bawaan program (berkas models/ yang dikompilasi ke dalam program; "
        "--models DIR menggantinya).",
        "Keyakinan C: dikonfirmasi pada teks peraturan atau standar yang diterbitkan.",
        "Keyakinan S: sumber sekunder (halaman PJK3 atau konsultan, tesis, bahan "
        "pelatihan); susunan kata dapat berbeda dari teks resmi.",
        "Keyakinan M: dari pengetahuan umum atas standar; belum diperiksa terhadap "
        "teks resmi.",
        "Keyakinan I: disimpulkan atau diusulkan untuk perhitungan; tidak dinyatakan "
        "oleh suatu sumber.",
        "per baris: keyakinan diberikan pada setiap baris tabel.",
    };
    static const char *const legend_en[] = {
        "Key:",
        "* built-in table (a models/ file compiled into the program; --models DIR "
        "replaces it).",
        "Confidence C: confirmed in the published text of the regulation or standard.",
        "Confidence S: secondary source (a PJK3 or consultancy page, a thesis, training "
        "material); the wording may differ from the official text.",
        "Confidence M: from general knowledge of the standard; not yet checked against "
        "the official text.",
        "Confidence I: inferred or proposed for the calculation; not stated by any "
        "source.",
        "per row: the confidence is given on each row of the table.",
    };
    const char *const *lg = w->lang == K3A_LANG_EN ? legend_en : legend_id;
    size_t i;

    (void)first;
    (void)last;
    for (i = 0; i < sizeof(legend_id) / sizeof(legend_id[0]); i++, row++) {
        check(w, worksheet_merge_range(ws, row, 0, row, 3, lg[i],
                                       i ? w->st.wrap : w->st.label));
    }
}


void k3a__xl_write_models(struct wctx *w)
{
    TABLE(SH_MODELS, model_cols, model_row, model_row,
          w->r->models ? w->r->models->n : 0, models_after);
}
