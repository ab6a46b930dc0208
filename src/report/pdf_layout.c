/*
 * pdf_layout.c - the page engine of the PDF report and labels: numbers
 * and dates in the report's language, text laid out with pango, pages
 * with their header and footer, and the cairo/pango set-up and atomic
 * write (pdf.h); the tables, which break across pages under their header
 * again, are in pdf_table.c.
 *
 * Page x of y: the document is laid out twice, first into a PDF stream
 * that is thrown away (to count the pages), then into the file.  Both
 * passes use the same surface type and font options, so they break pages
 * at the same places.
 *
 * Reproducible bytes: the creation date is the audit date
 * (CAIRO_PDF_METADATA_CREATE_DATE; cairo 1.16 writes no /ID and no
 * modification date unless asked), the font is one family (DejaVu Sans,
 * Debian fonts-dejavu-core) asked for by name, subset and embedded by
 * cairo, hinting off so no metric depends on the device.
 *
 * Fonts: the family is fixed; fontconfig finds it in the system's font
 * folders.  A machine without it falls back to another sans font (the
 * tests check the name in pdffonts where poppler is installed).
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fmt.h"
#include "pdf.h"

void k3a__pdf_cache_free(struct cell_cache *c)
{
    size_t i;

    for (i = 0; i < c->n; i++)
        g_object_unref(c->v[i]);
    free(c->v);
    free(c->w);
    free(c->wf);
    memset(c, 0, sizeof(*c));
}

/* A formatted line; cut (never overrun) at the buffer's end. */
const char *k3a__pdf_fmt(char *buf, size_t n, const char *f, ...)
    __attribute__((format(printf, 3, 4)));
const char *k3a__pdf_fmt(char *buf, size_t n, const char *f, ...)
{
    va_list ap;

    va_start(ap, f);
    k3a__vfmt(buf, n, f, ap);
    va_end(ap);
    return buf;
}

/* The same for the translated formats of PDF_TEXT_MAP (each one's
 * conversions are the same in both languages). */
const char *k3a__pdf_tfmt(char *buf, size_t n, const char *f, ...)
{
    va_list ap;

    va_start(ap, f);
    k3a__vfmt(buf, n, f, ap);
    va_end(ap);
    return buf;
}

/* Exactly equal (no -Wfloat-equal): for values printed alike. */
static int same(double a, double b)
{
    return !(a < b) && !(a > b);
}

/* A number as the language writes it (1.234,5 / 1,234.5) with dec
 * decimals; "-" when not finite. */
const char *k3a__pdf_num(const struct doc *d, char *buf, size_t n, double v, int dec)
{
    char raw[64], *p, *dot;
    size_t len, int_len, k, u = 0;
    char th = d->lang == K3A_LANG_EN ? ',' : '.', dp = d->lang == K3A_LANG_EN ? '.' : ',';

    if (!isfinite(v))
        return k3a__pdf_fmt(buf, n, "-");
    if (dec < 0)
        dec = 0;
    if (dec > 9)
        dec = 9;
    k3a__fmt(raw, sizeof(raw), "%.*f", dec, v);
    if (strcmp(raw, "-0") == 0 || (raw[0] == '-' && strspn(raw + 1, "0.") == strlen(raw + 1)))
        memmove(raw, raw + 1, strlen(raw)); /* no "-0,0" */
    p = raw;
    if (*p == '-' && u + 1 < n)
        buf[u++] = *p++;
    dot = strchr(p, '.');
    len = strlen(p);
    int_len = dot ? (size_t)(dot - p) : len;
    for (k = 0; k < int_len && u + 1 < n; k++) {
        if (k && (int_len - k) % 3 == 0 && int_len > 4 && u + 1 < n)
            buf[u++] = th;
        if (u + 1 < n)
            buf[u++] = p[k];
    }
    if (dot && u + 1 < n) {
        buf[u++] = dp;
        for (k = int_len + 1; k < len && u + 1 < n; k++)
            buf[u++] = p[k];
    }
    buf[u] = '\0';
    return buf;
}

/* k3a__pdf_num() without trailing zeros after the decimal sign ("0,06", "20"). */
const char *k3a__pdf_numt(const struct doc *d, char *buf, size_t n, double v, int dec)
{
    char dp = d->lang == K3A_LANG_EN ? '.' : ',';
    char *p, *e;

    k3a__pdf_num(d, buf, n, v, dec);
    p = strchr(buf, dp);
    if (!p)
        return buf;
    e = p + strlen(p);
    while (e > p + 1 && e[-1] == '0')
        *--e = '\0';
    if (e == p + 1)
        *p = '\0';
    return buf;
}

/* Decimals that show about 4 significant digits. */
static int sig_dec(double v)
{
    double a = fabs(v);
    int dec;

    if (!isfinite(a) || same(a, 0.0) || a >= 1000)
        return 0;
    dec = 3 - (int)floor(log10(a));
    return dec < 0 ? 0 : dec > 6 ? 6 : dec;
}

/* Large values (1e6 and more) as "4,60 x 10^8" with as many digits as
 * tell v from other; others trimmed. */
static void sci_or_num(const struct doc *d, char *buf, size_t n, double v, int dec,
                       double other)
{
    static const char *const sup[] = { "\u2070", "\u00b9", "\u00b2", "\u00b3", "\u2074",
                                       "\u2075", "\u2076", "\u2077", "\u2078", "\u2079" };
    char mant[64], ex[16], exs[64];
    int e, digits, k;
    size_t u = 0;

    if (!isfinite(v) || fabs(v) < 1e6) {
        k3a__pdf_numt(d, buf, n, v, dec);
        return;
    }
    e = (int)floor(log10(fabs(v)));
    for (digits = 2; digits < 9; digits++) {
        double p = pow(10.0, digits - e);
        if (same(v, other) || !same(round(v * p), round(other * p)))
            break;
    }
    k3a__pdf_numt(d, mant, sizeof(mant), v / pow(10.0, e), digits);
    k3a__fmt(ex, sizeof(ex), "%d", e);
    exs[0] = '\0';
    for (k = 0; ex[k]; k++)
        u += (size_t)k3a__fmt(exs + u, sizeof(exs) - u, "%s",
                              ex[k] == '-' ? "\u207b" : sup[ex[k] - '0']);
    k3a__pdf_fmt(buf, n, "%s \u00d7 10%s", mant, exs);
}

/* A measured value and its limit shown so that the printed numbers never
 * contradict the verdict (site-format 9, "Conclusion"): when they would
 * print alike but differ, more decimals are shown. */
static int cmp3(double a, double b)
{
    return (a > b) - (a < b);
}

static double round_dec(double v, int d)
{
    double p = pow(10, d);
    return round(v * p) / p;
}

void k3a__pdf_num_pair(const struct doc *d, double m, int has_m, double l, int has_l,
                     char *mb, char *lb, size_t n)
{
    int dm = sig_dec(m), dl = sig_dec(l);

    if (has_m && has_l && isfinite(m) && isfinite(l)) {
        int k;
        /* the limit as written (1,4375 ohm, 16 kA), when 6 decimals or
         * fewer write it exactly */
        for (k = 0; k <= 6; k++)
            if (fabs(round_dec(l, k) - l) <= 1e-9 * (fabs(l) > 1 ? fabs(l) : 1)) {
                dl = k;
                break;
            }
        /* then the measured value with the decimals that make the two
         * printed numbers compare as the two values do (site-format 9) */
        while (dm < 9 && cmp3(round_dec(m, dm), round_dec(l, dl)) != cmp3(m, l)) {
            dm++;
            if (k > 6 && dl < dm)
                dl = dm;
        }
    }
    if (has_m)
        sci_or_num(d, mb, n, m, dm, has_l ? l : m);
    else
        mb[0] = '\0';
    if (has_l)
        sci_or_num(d, lb, n, l, dl, has_m ? m : l);
    else
        lb[0] = '\0';
}

static const char *const month_id[] = { "Januari", "Februari", "Maret",    "April",
                                        "Mei",     "Juni",     "Juli",     "Agustus",
                                        "September", "Oktober", "November", "Desember" };
static const char *const month_en[] = { "January", "February", "March",    "April",
                                        "May",     "June",     "July",     "August",
                                        "September", "October", "November", "December" };

const char *k3a__pdf_date_long(const struct doc *d, char *buf, size_t n, struct k3a_date t)
{
    const char *const *names = d->lang == K3A_LANG_EN ? month_en : month_id;

    if (!t.y || t.m < 1 || t.m > 12)
        return k3a__pdf_fmt(buf, n, "-");
    return k3a__pdf_fmt(buf, n, "%d %s %04d", t.d, names[t.m - 1], t.y);
}

const char *k3a__pdf_date_iso(char *buf, size_t n, struct k3a_date t)
{
    if (!t.y)
        return k3a__pdf_fmt(buf, n, "-");
    return k3a__pdf_fmt(buf, n, "%04d-%02d-%02d", t.y, t.m, t.d);
}

unsigned k3a__pdf_band_color(const struct k3a_band *b)
{
    unsigned long v;
    char *end;

    if (!b || !b->color)
        return NO_BG;
    v = strtoul(b->color, &end, 16);
    return *end || end == b->color ? NO_BG : (unsigned)(v & 0xFFFFFFu);
}

const char *const k3a__pdf_font_spec[F_COUNT] = {
    FONT " 8.5", FONT " Bold 8.5", FONT " 7",  FONT " Bold 7",
    FONT " Bold 13", FONT " Bold 10", FONT " Bold 15", FONT " 6", FONT " Bold 6",
};


double k3a__pdf_layout_in(PangoLayout *lay, const char *text, double w, const char *spec,
                          enum align al, double max_h)
{
    PangoFontDescription *fd = pango_font_description_from_string(spec);
    int pw, ph;

    pango_layout_set_font_description(lay, fd);
    pango_font_description_free(fd);
    pango_layout_set_width(lay, (int)(w * PANGO_SCALE));
    pango_layout_set_wrap(lay, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(lay, al == A_CENTER  ? PANGO_ALIGN_CENTER
                                    : al == A_RIGHT ? PANGO_ALIGN_RIGHT
                                                    : PANGO_ALIGN_LEFT);
    pango_layout_set_height(lay, -1);
    pango_layout_set_ellipsize(lay, PANGO_ELLIPSIZE_NONE);
    pango_layout_set_text(lay, text ? text : "", -1);
    pango_layout_get_size(lay, &pw, &ph);
    if (max_h > 0 && (double)ph / PANGO_SCALE > max_h) {
        pango_layout_set_height(lay, (int)(max_h * PANGO_SCALE));
        pango_layout_set_ellipsize(lay, PANGO_ELLIPSIZE_END);
        pango_layout_get_size(lay, &pw, &ph);
    }
    return (double)ph / PANGO_SCALE;
}

double k3a__pdf_layout(struct doc *d, const char *text, double w, const char *spec,
                     enum align al, double max_h)
{
    return k3a__pdf_layout_in(d->lay, text, w, spec, al, max_h);
}

double k3a__pdf_text_height(struct doc *d, const char *text, double w, enum font f)
{
    return k3a__pdf_layout(d, text, w, k3a__pdf_font_spec[f], A_LEFT, 0);
}

/* Draws text at (x, y) in width w; returns its height. */
double k3a__pdf_text_at(struct doc *d, double x, double y, double w, const char *text,
                      enum font f, enum align al, unsigned color, double max_h)
{
    double h = k3a__pdf_layout(d, text, w, k3a__pdf_font_spec[f], al, max_h);

    if (d->counting)
        return h;
    cairo_save(d->cr);
    rgb(d->cr, color);
    cairo_move_to(d->cr, x, y);
    pango_cairo_show_layout(d->cr, d->lay);
    cairo_restore(d->cr);
    return h;
}

void k3a__pdf_fill_rect(struct doc *d, double x, double y, double w, double h, unsigned c)
{
    rgb(d->cr, c);
    cairo_rectangle(d->cr, x, y, w, h);
    cairo_fill(d->cr);
}

void k3a__pdf_stroke_rect(struct doc *d, double x, double y, double w, double h,
                        double lw, unsigned c)
{
    rgb(d->cr, c);
    cairo_set_line_width(d->cr, lw);
    cairo_rectangle(d->cr, x, y, w, h);
    cairo_stroke(d->cr);
}

/* ---- pages -------------------------------------------------------------- */

static void page_frame(struct doc *d)
{
    const struct k3a_site_info *si = &d->s->site;
    char buf[512], no[256];
    double w = d->right - d->left;

    k3a__pdf_fmt(no, sizeof(no), "%s: %s", T(d, K3A_T_PDF_REPORT_NO), nz(si->report_no));
    k3a__pdf_text_at(d, d->left, 12 * MM, w * 0.5, no, F_SMALL, A_LEFT, C_BLACK, 0);
    k3a__pdf_text_at(d, d->left + w * 0.5, 12 * MM, w * 0.5, nz(si->name), F_SMALL, A_RIGHT,
            C_BLACK, 0);
    rgb(d->cr, C_RULE);
    cairo_set_line_width(d->cr, 0.5);
    cairo_move_to(d->cr, d->left, 16 * MM);
    cairo_line_to(d->cr, d->right, 16 * MM);
    cairo_move_to(d->cr, d->left, d->ph - 13 * MM);
    cairo_line_to(d->cr, d->right, d->ph - 13 * MM);
    cairo_stroke(d->cr);
    k3a__pdf_text_at(d, d->left, d->ph - 12 * MM, w * 0.7, T(d, K3A_T_TITLE), F_SMALL, A_LEFT,
            C_BLACK, 0);
    k3a__pdf_tfmt(buf, sizeof(buf), T(d, K3A_T_PDF_PAGE), d->page,
        d->pages_total ? d->pages_total : d->page);
    k3a__pdf_text_at(d, d->left + w * 0.7, d->ph - 12 * MM, w * 0.3, buf, F_SMALL, A_RIGHT,
            C_BLACK, 0);
    d->y = d->top;
    if (d->training) {
        double h = k3a__pdf_text_height(d, T(d, K3A_T_TRAINING), w - 8, F_BOLD) + 6;
        k3a__pdf_fill_rect(d, d->left, d->y, w, h, C_TRAIN);
        k3a__pdf_text_at(d, d->left + 4, d->y + 3, w - 8, T(d, K3A_T_TRAINING), F_BOLD, A_CENTER,
                C_WHITE, 0);
        d->y += h + 4;
    }
}

void k3a__pdf_new_page(struct doc *d)
{
    if (d->page > 0)
        cairo_show_page(d->cr);
    if (d->upright_next) {
        /* back to A4 upright after a page turned sideways */
        d->upright_next = 0;
        d->ph = d->pw;
        d->pw = d->pw_upright;
        cairo_pdf_surface_set_size(d->surf, d->pw, d->ph);
        d->left = d->margin[0];
        d->right = d->pw - d->margin[1];
        d->top = d->margin[2];
        d->bottom = d->ph - d->margin[3];
    }
    d->page++;
    page_frame(d);
}

/* on != 0: a new page turned sideways (a drawing too wide for the page
 * upright), with the same margins; 0: the page after it is upright again. */
void k3a__pdf_landscape(struct doc *d, int on)
{
    if (!on) {
        d->upright_next = 1;
        d->y = d->bottom + 1; /* what follows starts a page */
        return;
    }
    d->margin[0] = d->left;
    d->margin[1] = d->pw - d->right;
    d->margin[2] = d->top;
    d->margin[3] = d->ph - d->bottom;
    if (d->page > 0)
        cairo_show_page(d->cr);
    d->pw_upright = d->pw;
    d->pw = d->ph;
    d->ph = d->pw_upright;
    cairo_pdf_surface_set_size(d->surf, d->pw, d->ph);
    d->left = d->margin[0];
    d->right = d->pw - d->margin[1];
    d->top = d->margin[2];
    d->bottom = d->ph - d->margin[3];
    d->page++;
    page_frame(d);
}

/* Room for h pt more on this page, else a new page.  A heading waiting
 * for its first content (k3a__pdf_heading) goes with it: on this page
 * when both fit, else both on the next.  Returns 1 when a page was
 * started. */
int k3a__pdf_need(struct doc *d, double h)
{
    int started = 0;

    if (d->pend[0]) {
        double w = d->right - d->left;
        double hh = k3a__pdf_text_height(d, d->pend, w, d->pend_font);
        double above = d->pend_font == F_H1 ? 0 : 4, below = d->pend_font == F_H1 ? 8 : 4;
        if (d->y + above + hh + below + h > d->bottom && d->y > d->top + 1) {
            k3a__pdf_new_page(d);
            started = 1;
        }
        d->y += above;
        k3a__pdf_text_at(d, d->left, d->y, w, d->pend, d->pend_font, A_LEFT, C_BLACK, 0);
        d->y += hh + below;
        d->pend[0] = '\0';
    }
    /* what does not fit even on a fresh page starts no other one */
    if (d->y + h <= d->bottom || started)
        return started;
    k3a__pdf_new_page(d);
    return 1;
}

void k3a__pdf_para(struct doc *d, const char *text, enum font f)
{
    double w = d->right - d->left, h = k3a__pdf_text_height(d, text, w, f);

    k3a__pdf_need(d, h);
    k3a__pdf_text_at(d, d->left, d->y, w, text, f, A_LEFT, C_BLACK, d->bottom - d->top);
    d->y += h + 3;
}

/* A heading is drawn with the first thing after it (k3a__pdf_need), so
 * that it never stands alone at the foot of a page; one followed by
 * nothing before the next chapter is left out. */
void k3a__pdf_heading(struct doc *d, const char *text, enum font f)
{
    if (d->pend[0])
        k3a__pdf_need(d, 40);
    k3a__pdf_fmt(d->pend, sizeof(d->pend), "%s", text ? text : "");
    d->pend_font = f;
}

void k3a__pdf_chapter(struct doc *d, const char *text)
{
    d->pend[0] = '\0';
    k3a__pdf_new_page(d);
    k3a__pdf_heading(d, text, F_H1);
    k3a__pdf_need(d, 0);
}

/* ---- shared facts -------------------------------------------------------- */

/* site-format 9 "Conclusion" (k3a_results_conclusion, as the workbook,
 * JSON and terminal say it): -1 TIDAK MEMENUHI, 1 MEMENUHI, 0 nothing
 * judged. */
int k3a__pdf_conclusion(const struct k3a_results *r)
{
    int c = k3a_results_conclusion(r);

    return c == (int)K3A_FAIL ? -1 : c < 0 ? 0 : 1;
}

/* D24: the conclusion in the same words as the workbook and the terminal
 * (text.h), the worst of the findings and risks as found (site-format 9) */
const char *k3a__pdf_conclusion_word(const struct doc *d, const struct k3a_results *r)
{
    int c = k3a_results_conclusion(r);

    return c == (int)K3A_FAIL   ? T(d, K3A_T_C_FAIL)
           : c == (int)K3A_WARN ? T(d, K3A_T_C_WARN)
           : c == (int)K3A_PASS ? T(d, K3A_T_C_PASS)
                                : T(d, K3A_T_PDF_C_NONE);
}

void k3a__pdf_risk_counts(const struct k3a_results *r, size_t before[4], size_t after[4])
{
    size_t i;

    memset(before, 0, 4 * sizeof(*before));
    memset(after, 0, 4 * sizeof(*after));
    for (i = 0; i < r->n_risks; i++) {
        if (r->risks[i].band)
            before[r->risks[i].band->level]++;
        if (r->risks[i].band_after)
            after[r->risks[i].band_after->level]++;
    }
}

const struct k3a_band *k3a__pdf_band_of_level(const struct k3a_results *r, int lv)
{
    const struct k3a_model_file *f = r->profile.file;
    size_t i;

    for (i = 0; f && i < f->n_bands; i++)
        if ((int)f->bands[i].level == lv)
            return &f->bands[i];
    return NULL;
}

const char *k3a__pdf_band_label(const struct doc *d, const struct k3a_band *b)
{
    if (!b)
        return "-";
    return d->lang == K3A_LANG_EN ? nz(b->label_en) : nz(b->label_id);
}

const char *k3a__pdf_verdict_word(const struct doc *d, enum k3a_verdict v)
{
    return T(d, v == K3A_FAIL ? K3A_T_V_FAIL : v == K3A_WARN ? K3A_T_V_WARN : K3A_T_V_PASS);
}

const char *k3a__pdf_case_words(const struct doc *d, enum k3a_sc_case c)
{
    return T(d, c == K3A_CASE_MIN ? K3A_T_PDF_CASE_MIN : c == K3A_CASE_GEN ? K3A_T_PDF_CASE_GEN : K3A_T_PDF_CASE_MAX);
}


/* ---- cairo and pango set-up ----------------------------------------------- */

static cairo_status_t discard(void *closure, const unsigned char *data, unsigned int len)
{
    (void)closure;
    (void)data;
    (void)len;
    return CAIRO_STATUS_SUCCESS;
}

void k3a__pdf_metadata(struct doc *d, const char *title)
{
    const struct k3a_site_info *si = &d->s->site;
    char date[40], buf[512];

    /* the document date is the audit date: the same file every run */
    k3a__pdf_fmt(date, sizeof(date), "%04d-%02d-%02dT00:00:00", si->audit_date.y ? si->audit_date.y : 1970,
        si->audit_date.m ? si->audit_date.m : 1, si->audit_date.d ? si->audit_date.d : 1);
    cairo_pdf_surface_set_metadata(d->surf, CAIRO_PDF_METADATA_CREATE_DATE, date);
    cairo_pdf_surface_set_metadata(d->surf, CAIRO_PDF_METADATA_MOD_DATE, date);
    k3a__pdf_fmt(buf, sizeof(buf), "%s - %s", title, nz(si->name));
    cairo_pdf_surface_set_metadata(d->surf, CAIRO_PDF_METADATA_TITLE, buf);
    if (si->auditor)
        cairo_pdf_surface_set_metadata(d->surf, CAIRO_PDF_METADATA_AUTHOR, si->auditor);
    if (si->report_no)
        cairo_pdf_surface_set_metadata(d->surf, CAIRO_PDF_METADATA_SUBJECT, si->report_no);
    k3a__pdf_fmt(buf, sizeof(buf), "k3audit %s", d->o && d->o->version ? d->o->version : K3A_VERSION);
    cairo_pdf_surface_set_metadata(d->surf, CAIRO_PDF_METADATA_CREATOR, buf);
}

/* Opens the surface (path NULL: a stream that is thrown away) and the
 * pango context. */
int k3a__pdf_doc_open(struct doc *d, const char *path, double pw, double ph)
{
    cairo_font_options_t *fo;

    d->pw = pw;
    d->ph = ph;
    d->surf = path ? cairo_pdf_surface_create(path, pw, ph)
                   : cairo_pdf_surface_create_for_stream(discard, NULL, pw, ph);
    if (cairo_surface_status(d->surf) != CAIRO_STATUS_SUCCESS)
        return -1;
    cairo_pdf_surface_restrict_to_version(d->surf, CAIRO_PDF_VERSION_1_5);
    d->cr = cairo_create(d->surf);
    if (cairo_status(d->cr) != CAIRO_STATUS_SUCCESS)
        return -1;
    if (d->pc) /* the first pass's, kept */
        goto context_ready;
    d->fm = pango_cairo_font_map_new();
    if (!d->fm)
        return -1;
    d->pc = pango_font_map_create_context(d->fm);
    if (!d->pc)
        return -1;
    fo = cairo_font_options_create();
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(d->pc, fo);
    cairo_font_options_destroy(fo);
    pango_cairo_context_set_resolution(d->pc, 72.0);
    /* the report's language, not the user's locale, picks line breaking
     * and font fallback */
    pango_context_set_language(d->pc, pango_language_from_string(
                                          d->lang == K3A_LANG_EN ? "en" : "id"));
    pango_context_set_base_dir(d->pc, PANGO_DIRECTION_LTR);
    {
        /* the family must be there: another font would lay the pages out
         * differently (and a PDF must not depend on the machine) */
        PangoFontDescription *want = pango_font_description_from_string(FONT " 10");
        PangoFont *f = pango_font_map_load_font(d->fm, d->pc, want);
        PangoFontDescription *got = f ? pango_font_describe(f) : NULL;
        const char *fam = got ? pango_font_description_get_family(got) : NULL;
        int found = fam && strcmp(fam, FONT) == 0;
        if (got)
            pango_font_description_free(got);
        if (f)
            g_object_unref(f);
        pango_font_description_free(want);
        if (!found) {
            d->nofont = 1;
            return -1;
        }
    }
context_ready:
    pango_cairo_update_context(d->cr, d->pc);
    d->lay = pango_layout_new(d->pc);
    return d->lay ? 0 : -1;
}

/* Closes everything; returns 0 when the file was complete. */
int k3a__pdf_doc_close(struct doc *d)
{
    int bad = 0;

    if (d->lay)
        g_object_unref(d->lay);
    if (d->pc)
        g_object_unref(d->pc);
    if (d->fm)
        g_object_unref(d->fm);
    if (d->cr) {
        bad |= cairo_status(d->cr) != CAIRO_STATUS_SUCCESS;
        cairo_destroy(d->cr);
    }
    if (d->surf) {
        cairo_surface_finish(d->surf);
        bad |= cairo_surface_status(d->surf) != CAIRO_STATUS_SUCCESS;
        cairo_surface_destroy(d->surf);
    }
    d->lay = NULL;
    d->pc = NULL;
    d->fm = NULL;
    d->cr = NULL;
    d->surf = NULL;
    return bad || d->nomem ? -1 : 0;
}

void k3a__pdf_doc_init(struct doc *d, const struct k3a_results *r,
                     const struct k3a_report_opts *o)
{
    memset(d, 0, sizeof(*d));
    d->r = r;
    d->s = r->site;
    d->o = o;
    d->lang = o ? o->lang : r->site->site.lang;
    d->training = k3a_site_count(r->site, K3A_KIND_SCENARIO) != 0;
}

/* Writes through a temporary file beside path, renamed into place. */
enum k3a_status k3a__pdf_write_atomic(const char *path, char *msg, size_t msg_size,
                                    int (*render)(const char *tmp, void *arg), void *arg)
{
    char tmp[4096 + 32];

    if (k3a__tmp_beside(path, tmp, sizeof(tmp)) != 0) {
        snprintf(msg, msg_size, "%s: cannot create a temporary file: %s", path,
                 strerror(errno));
        return K3A_E_IO;
    }
    switch (render(tmp, arg)) {
    case 0:
        break;
    case -2:
        unlink(tmp);
        snprintf(msg, msg_size,
                 "%s: the font %s is not installed (Debian: apt-get install "
                 "fonts-dejavu-core); nothing written",
                 path, FONT);
        return K3A_E_IO;
    default:
        unlink(tmp);
        snprintf(msg, msg_size, "%s: cannot write the PDF", path);
        return K3A_E_IO;
    }
    if (rename(tmp, path) != 0) {
        snprintf(msg, msg_size, "%s: %s", path, strerror(errno));
        unlink(tmp);
        return K3A_E_IO;
    }
    return K3A_OK;
}

