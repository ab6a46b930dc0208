/*
 * pdf_table.c - the tables of the PDF report: column widths from their
 * content, a header repeated on every page a table runs onto, rows that
 * never break across a page, the cells of the first pass kept for the
 * second (pdf_layout.c lays the pages out), and the key/value rows.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf.h"

/* ---- tables ------------------------------------------------------------- */

/* Upper bounds of a glyph's advance in DejaVu Sans, in em (the widest
 * Latin glyphs, W and m, are about 1.03 em; bold about 1.1): a word of
 * k bytes is at most k of these wide, so most cells need no measuring. */
#define EM_MAX 1.05
#define EM_MAX_BOLD 1.15

static double font_pt(enum font f)
{
    static const double pt[F_COUNT] = { 8.5, 8.5, 7, 7, 13, 10, 15, 6, 6 };
    return pt[f];
}

static int font_bold(enum font f)
{
    return f != F_BODY && f != F_SMALL && f != F_TINY;
}

/* The widest word of text and its width on one line, in font f
 * (measured; each word on a line of its own). */
static void measure(struct doc *d, const char *text, enum font f, double *word, double *whole)
{
    PangoFontDescription *fd = pango_font_description_from_string(k3a__pdf_font_spec[f]);
    PangoLayoutIter *it;
    double wmax = 0, sum = 0;
    int lines = 0;

    pango_layout_set_font_description(d->lay, fd);
    pango_font_description_free(fd);
    pango_layout_set_width(d->lay, 1);
    pango_layout_set_wrap(d->lay, PANGO_WRAP_WORD);
    pango_layout_set_height(d->lay, -1);
    pango_layout_set_ellipsize(d->lay, PANGO_ELLIPSIZE_NONE);
    pango_layout_set_text(d->lay, text, -1);
    it = pango_layout_get_iter(d->lay);
    do {
        PangoRectangle lr;
        pango_layout_iter_get_line_extents(it, NULL, &lr);
        sum += (double)lr.width / PANGO_SCALE;
        lines++;
        if ((double)lr.width / PANGO_SCALE > wmax)
            wmax = (double)lr.width / PANGO_SCALE;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    *word = wmax;
    /* the spaces between the words (a line's extents leave out its
     * trailing space): DejaVu Sans's is 0.32 em, bold 0.35 */
    *whole = sum + (lines - 1) * font_pt(f) * 0.36;
}

/* Bytes of the longest word (between spaces or line breaks). */
static size_t longest_word(const char *s)
{
    size_t best = 0, k = 0;

    for (; *s; s++) {
        if (*s == ' ' || *s == '\n') {
            k = 0;
            continue;
        }
        if (++k > best)
            best = k;
    }
    return best;
}

/* Each column's width at its share (sw), or on one line when narrower
 * (nat), and its widest word (minw; minw_small with the header in the
 * smaller font).  A long cell that wraps anyway is not measured whole. */
static void column_widths_natural(struct doc *d, struct table *t, double total, double share,
                                  double *minw, double *minw_small, double *nat)
{
    size_t i, r;

    for (i = 0; i < t->n; i++) {
        double sw = total * t->c[i].w / share, pt = font_pt(t->f), word, whole;
        double em = font_bold(t->f) ? EM_MAX_BOLD : EM_MAX;
        const char *h = t->c[i].head ? t->c[i].head : "";
        int long_cell = 0;
        t->head_f[i] = F_SMALLB;
        measure(d, h, F_SMALLB, &word, &whole);
        minw[i] = word;
        nat[i] = whole;
        measure(d, h, F_TINYB, &word, &whole);
        minw_small[i] = word;
        for (r = 0; r < t->n_rows; r++) {
            const char *c = t->rows[r * t->n + i];
            size_t len = strlen(c);
            if (len <= 24 || (double)longest_word(c) * pt * em + 2 * PAD > sw * 0.9) {
                measure(d, c, t->f, &word, &whole);
                if (word > minw[i])
                    minw[i] = word;
                if (word > minw_small[i])
                    minw_small[i] = word;
                if (len > 24)
                    long_cell = 1;
                else if (whole > nat[i])
                    nat[i] = whole;
            } else
                long_cell = 1;
        }
        minw[i] += 2 * PAD + 0.5;
        minw_small[i] += 2 * PAD + 0.5;
        nat[i] = long_cell ? 1e9 : nat[i] + 2 * PAD + 0.5;
        t->w[i] = sw < nat[i] ? sw : nat[i];
    }
}

/* The room left (total - sum) given first to the columns that wrap, up
 * to their width on one line, by their shares; what is still left to all
 * by their widths. */
static void column_widths_spread(struct table *t, const double *nat, double share,
                                 double total, double sum)
{
    double sh = 0, want = 0, left = total - sum;
    size_t i;

    for (i = 0; i < t->n; i++)
        if (t->w[i] < nat[i]) {
            sh += t->c[i].w;
            want += nat[i] - t->w[i];
        }
    if (want > 0 && want <= left) {
        for (i = 0; i < t->n; i++)
            if (t->w[i] < nat[i])
                t->w[i] = nat[i];
        left -= want;
    } else if (want > 0) {
        /* not enough: each wrapping column its share, none beyond its
         * one-line width (what one cannot take goes round again) */
        int round;
        for (round = 0; round < 4 && left > 0.01; round++) {
            double given = 0;
            for (sh = 0, i = 0; i < t->n; i++)
                sh += t->w[i] < nat[i] ? t->c[i].w : 0;
            if (sh <= 0)
                break;
            for (i = 0; i < t->n; i++)
                if (t->w[i] < nat[i]) {
                    double g = left * t->c[i].w / sh;
                    if (t->w[i] + g > nat[i])
                        g = nat[i] - t->w[i];
                    t->w[i] += g;
                    given += g;
                }
            left -= given;
        }
    }
    if (left > 0.01)
        for (i = 0; i < t->n; i++)
            t->w[i] += left * t->c[i].w / share;
}

/* Column widths from their content: each column at least as wide as its
 * widest word (a header's too), so text wraps only between words; a
 * column whose every cell fits in less than its share gives the rest to
 * the columns that wrap.  A header word that cannot have its width is
 * set smaller rather than broken. */
static void column_widths(struct doc *d, struct table *t)
{
    double total = d->right - d->left, share = 0, minw[MAX_COLS], nat[MAX_COLS], sum;
    double minw_small[MAX_COLS];
    size_t i;

    for (i = 0; i < t->n; i++)
        share += t->c[i].w;
    column_widths_natural(d, t, total, share, minw, minw_small, nat);
    /* a header's word wider than the table allows: the smaller font */
    for (sum = 0, i = 0; i < t->n; i++)
        sum += minw[i];
    for (i = 0; i < t->n && sum > total; i++)
        if (minw_small[i] < minw[i]) {
            sum -= minw[i] - minw_small[i];
            minw[i] = minw_small[i];
            t->head_f[i] = F_TINYB;
        }
    for (i = 0; i < t->n; i++)
        if (t->w[i] < minw[i])
            t->w[i] = minw[i];
    for (sum = 0, i = 0; i < t->n; i++)
        sum += t->w[i];
    if (sum < total) {
        column_widths_spread(t, nat, share, total, sum);
    } else if (sum > total) {
        /* taken from the columns above their minimum, by what they have
         * above it; when no column has any, all shrink alike */
        double over = sum - total, slack = 0;
        for (i = 0; i < t->n; i++)
            slack += t->w[i] - minw[i];
        for (i = 0; i < t->n; i++)
            t->w[i] = slack >= over ? t->w[i] - over * (t->w[i] - minw[i]) / slack
                                    : minw[i] * total / (sum - slack);
    }
}

static double head_height(struct doc *d, struct table *t)
{
    double h = 0, hh;
    size_t i;

    for (i = 0; i < t->n; i++) {
        hh = k3a__pdf_text_height(d, t->c[i].head, t->w[i] - 2 * PAD, t->head_f[i]);
        if (hh > h)
            h = hh;
    }
    return h + 2 * PAD;
}

static void table_head(struct doc *d, struct table *t, double h)
{
    size_t i;

    for (i = 0; i < t->n; i++) {
        k3a__pdf_fill_rect(d, t->x[i], d->y, t->w[i], h, C_HEAD);
        k3a__pdf_stroke_rect(d, t->x[i], d->y, t->w[i], h, 0.4, C_RULE);
        k3a__pdf_text_at(d, t->x[i] + PAD, d->y + PAD, t->w[i] - 2 * PAD, t->c[i].head,
                         t->head_f[i], t->c[i].al, C_BLACK, 0);
    }
    d->y += h;
}

void k3a__pdf_table_begin(struct doc *d, struct table *t, const struct tcol *c, size_t n,
                          enum font f)
{
    size_t i, k;

    memset(t, 0, sizeof(*t));
    t->c = c;
    t->n = n > MAX_COLS ? MAX_COLS : n;
    t->f = f;
    for (k = 0; k < 3; k++)
        for (i = 0; i < t->n; i++) {
            t->lay[k][i] = pango_layout_new(d->pc);
            if (!t->lay[k][i])
                d->nomem = 1;
        }
}

/* Lays out cell i of a row into t->cell[k][i] (a cached layout or
 * t->lay[k][i]); returns its height. */
static double cell_layout(struct doc *d, struct table *t, int k, size_t i, const char *text,
                          double max_h)
{
    struct cell_cache *c = d->cache;
    double w = t->w[i] - 2 * PAD;

    text = text ? text : "";
    if (c && c->storing && c->n < CACHE_MAX) {
        PangoLayout *lay;
        if (c->n == c->cap) {
            size_t nc = c->cap ? c->cap * 2 : 1024;
            void *p = realloc(c->v, nc * sizeof(*c->v));
            if (!p)
                goto plain;
            c->v = p;
            c->cap = nc;
        }
        lay = pango_layout_new(d->pc);
        if (!lay)
            goto plain;
        c->v[c->n++] = lay;
        t->cell[k][i] = lay;
        return k3a__pdf_layout_in(lay, text, w, k3a__pdf_font_spec[t->f], t->c[i].al, max_h);
    }
    if (c && !c->storing && c->next < c->n) {
        PangoLayout *lay = c->v[c->next++];
        if (strcmp(pango_layout_get_text(lay), text) == 0 &&
            pango_layout_get_width(lay) == (int)(w * PANGO_SCALE)) {
            int pw, ph;
            pango_layout_get_size(lay, &pw, &ph);
            t->cell[k][i] = lay;
            return (double)ph / PANGO_SCALE;
        }
    } else if (c && !c->storing)
        c->next++;
plain:
    t->cell[k][i] = t->lay[k][i];
    if (!t->lay[k][i])
        return 0;
    return k3a__pdf_layout_in(t->lay[k][i], text, w, k3a__pdf_font_spec[t->f], t->c[i].al, max_h);
}

/* One row, kept until k3a__pdf_table_end sizes the columns; bg[i] NO_BG
 * for none (bg may be NULL). */
void k3a__pdf_table_row(struct doc *d, struct table *t, const char *const *cells,
                        const unsigned *bg)
{
    size_t i;

    if (t->n_rows == t->cap) {
        size_t nc = t->cap ? t->cap * 2 : 16;
        char **rows = realloc(t->rows, nc * t->n * sizeof(*rows));
        unsigned *bgs;
        if (!rows) {
            d->nomem = 1;
            return;
        }
        t->rows = rows;
        bgs = realloc(t->bg, nc * t->n * sizeof(*bgs));
        if (!bgs) {
            d->nomem = 1;
            return;
        }
        t->bg = bgs;
        t->cap = nc;
    }
    for (i = 0; i < t->n; i++) {
        char *c = strdup(cells[i] ? cells[i] : "");
        if (!c) {
            d->nomem = 1;
            c = NULL;
        }
        t->rows[t->n_rows * t->n + i] = c;
        t->bg[t->n_rows * t->n + i] = bg ? bg[i] : NO_BG;
    }
    for (i = 0; i < t->n; i++)
        if (!t->rows[t->n_rows * t->n + i]) {
            while (i-- > 0)
                free(t->rows[t->n_rows * t->n + i]);
            return;
        }
    t->n_rows++;
}

/* Row r's cells laid out in slot r % 3; its height. */
static double row_layout(struct doc *d, struct table *t, size_t r)
{
    double h = 0, max_h = d->bottom - d->top - 40, hh;
    size_t i;

    for (i = 0; i < t->n; i++) {
        hh = cell_layout(d, t, (int)(r % 3), i, t->rows[r * t->n + i], max_h);
        if (hh > h)
            h = hh;
    }
    return h + 2 * PAD;
}

static void row_draw(struct doc *d, struct table *t, size_t r, double h)
{
    const unsigned *bg = &t->bg[r * t->n];
    size_t i;

    for (i = 0; i < t->n; i++) {
        if (bg[i] != NO_BG)
            k3a__pdf_fill_rect(d, t->x[i], d->y, t->w[i], h, bg[i]);
        k3a__pdf_stroke_rect(d, t->x[i], d->y, t->w[i], h, 0.3, C_RULE);
        if (d->counting || !t->cell[r % 3][i])
            continue;
        /* B16: white on a dark fill (Ekstrem red): black on it is unreadable */
        rgb(d->cr, bg[i] != NO_BG && dark(bg[i]) ? 0xFFFFFFu : C_BLACK);
        cairo_move_to(d->cr, t->x[i] + PAD, d->y + PAD);
        pango_cairo_show_layout(d->cr, t->cell[r % 3][i]);
    }
    d->y += h;
}

/* Sizes the columns and draws the table: its header with at least its
 * first two rows (and the heading before it), the header again on each
 * new page, and never the last row alone on a page. */
void k3a__pdf_table_end(struct doc *d, struct table *t)
{
    struct cell_cache *c = d->cache;
    double x = d->left, hh, rh[3] = { 0, 0, 0 };
    size_t i, r, on_page = 0;

    if (c && !c->storing && c->wnext + t->n <= c->wn) {
        /* the second pass: the widths the first one found */
        for (i = 0; i < t->n; i++) {
            t->w[i] = c->w[c->wnext++];
            t->head_f[i] = (enum font)c->wf[c->wnext - 1];
        }
    } else {
        column_widths(d, t);
        if (c && c->storing) {
            if (c->wn + t->n > c->wcap) {
                size_t nc = (c->wcap + t->n) * 2;
                double *w = realloc(c->w, nc * sizeof(*w));
                unsigned char *wf = w ? realloc(c->wf, nc) : NULL;
                if (w)
                    c->w = w;
                if (wf) {
                    c->wf = wf;
                    c->wcap = nc;
                }
            }
            for (i = 0; i < t->n && c->wn < c->wcap; i++) {
                c->w[c->wn] = t->w[i];
                c->wf[c->wn++] = (unsigned char)t->head_f[i];
            }
        }
    }
    for (i = 0; i < t->n; i++) {
        t->x[i] = x;
        x += t->w[i];
    }
    t->x[t->n] = x;
    hh = head_height(d, t);
    for (r = 0; r < t->n_rows && r < 2; r++)
        rh[r] = row_layout(d, t, r);
    /* the header with its first two rows (at most a third of a page) */
    {
        double keep = rh[0] + rh[1], third = (d->bottom - d->top) / 3;
        k3a__pdf_need(d, hh + (keep < third ? keep : rh[0] < third ? rh[0] : 20));
    }
    table_head(d, t, hh);
    for (r = 0; r < t->n_rows; r++) {
        double h = rh[r % 3];
        if (r + 2 < t->n_rows)
            rh[(r + 2) % 3] = row_layout(d, t, r + 2);
        /* a break before the row that does not fit, or before the last
         * but one when the last would be alone on the next page */
        if (on_page && (d->y + h > d->bottom ||
                        (r + 2 == t->n_rows && on_page >= 2 && d->y + h <= d->bottom &&
                         d->y + h + rh[(r + 1) % 3] > d->bottom))) {
            k3a__pdf_new_page(d);
            table_head(d, t, hh);
            on_page = 0;
        }
        row_draw(d, t, r, h);
        on_page++;
    }
    for (r = 0; r < t->n_rows * t->n; r++)
        free(t->rows[r]);
    free(t->rows);
    free(t->bg);
    for (r = 0; r < 3; r++)
        for (i = 0; i < t->n; i++)
            if (t->lay[r][i])
                g_object_unref(t->lay[r][i]);
    d->y += 6;
}

/* The note under a table cut at BUS_ROWS_MAX rows. */
void k3a__pdf_more_rows(struct doc *d, size_t more, enum k3a_text_id sheet)
{
    char buf[256];

    if (more)
        k3a__pdf_para(d, k3a__pdf_tfmt(buf, sizeof(buf), T(d, K3A_T_PDF_MORE_ROWS), more, T(d, sheet)), F_SMALL);
}

/* Two-column key/value table without a header. */
void k3a__pdf_kv_row(struct doc *d, const char *k, const char *v, double kw)
{
    double w = d->right - d->left, h1, h2, h;

    double max_h = (d->bottom - d->top) / 3;

    h1 = k3a__pdf_layout(d, k, kw - 2 * PAD, k3a__pdf_font_spec[F_BOLD], A_LEFT, max_h);
    h2 = k3a__pdf_layout(d, nz(v), w - kw - 2 * PAD, k3a__pdf_font_spec[F_BODY], A_LEFT, max_h);
    h = (h1 > h2 ? h1 : h2) + 2 * PAD;
    k3a__pdf_need(d, h);
    k3a__pdf_text_at(d, d->left + PAD, d->y + PAD, kw - 2 * PAD, k, F_BOLD, A_LEFT, C_BLACK, max_h);
    k3a__pdf_text_at(d, d->left + kw + PAD, d->y + PAD, w - kw - 2 * PAD, nz(v), F_BODY, A_LEFT,
            C_BLACK, max_h);
    rgb(d->cr, C_RULE);
    cairo_set_line_width(d->cr, 0.3);
    cairo_move_to(d->cr, d->left, d->y + h);
    cairo_line_to(d->cr, d->right, d->y + h);
    cairo_stroke(d->cr);
    d->y += h;
}
