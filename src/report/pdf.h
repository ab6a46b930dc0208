/*
 * pdf.h - private to the PDF writer (src/report/pdf_*.c), the one module
 * that includes cairo, pango and libqrencode:
 *   pdf_layout.c   numbers, text, pages, cairo/pango set-up
 *   pdf_table.c    tables
 *   pdf_report.c   the report: summary page, BAB III-V, Pengesahan
 *   pdf_install.c  BAB I and the tables of BAB II
 *   pdf_diagram.c  the one-line diagram
 *   pdf_charts.c   the charts
 *   pdf_labels.c   the arc-flash labels
 * Its words are in text.h (K3A_TEXT_MAP_PDF).
 */
#ifndef K3A_PDF_H
#define K3A_PDF_H

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <stddef.h>

#include "base.h"
#include "k3audit/report_pdf.h"
#include "k3audit/text.h"
#include "k3audit/version.h"

#define MM (72.0 / 25.4)
#define PI_ 3.14159265358979323846
#define FONT "DejaVu Sans"

/* ---- the document ----------------------------------------------------- */

enum font { F_BODY, F_BOLD, F_SMALL, F_SMALLB, F_H1, F_H2, F_TITLE, F_TINY, F_TINYB, F_COUNT };
enum align { A_LEFT, A_CENTER, A_RIGHT };

/* The table cells laid out by the first pass, in order, kept for the
 * second (shaping text is most of the time a report takes).  The second
 * pass takes the k-th cell's layout when its text and width are the
 * same, else lays it out again; beyond CACHE_MAX cells it lays out. */
#define CACHE_MAX 40000
struct cell_cache {
    PangoLayout **v;
    size_t n, cap, next;
    int storing;
    double *w;         /* every table's column widths, in order */
    unsigned char *wf; /* and its header fonts */
    size_t wn, wcap, wnext;
};

struct doc {
    const struct k3a_results *r;
    const struct k3a_site *s;
    const struct k3a_report_opts *o;
    enum k3a_lang lang;
    char ebuf[200]; /* an element name in the language (k3a_element_text) */
    cairo_surface_t *surf;
    cairo_t *cr;
    PangoFontMap *fm;
    PangoContext *pc;
    PangoLayout *lay;
    double pw, ph;          /* page size, pt */
    double left, right, top, bottom; /* body area */
    double y;               /* next free line of the body */
    int page, pages_total;  /* total 0 while counting */
    int training;
    int nomem;
    int counting;           /* the first pass: measure, draw nothing */
    int nofont;             /* the font family is not installed */
    struct cell_cache *cache; /* table cells of the first pass, for the second */
    char pend[256];         /* a heading waiting for what follows it */
    int upright_next;       /* the page after a sideways one is upright */
    double pw_upright, margin[4];
    enum font pend_font;
};

/* What a render function is given (k3a__pdf_write_atomic). */
struct job {
    const struct k3a_results *r;
    const struct k3a_report_opts *o;
    enum k3a_label_size size;
};

static inline const char *T(const struct doc *d, enum k3a_text_id t)
{
    return k3a_text(d->lang, t);
}

static inline const char *L2(const struct doc *d, const char *id, const char *en)
{
    return d->lang == K3A_LANG_EN ? en : id;
}

static inline const char *nz(const char *s)
{
    return s && *s ? s : "-";
}

/* ---- colours ---------------------------------------------------------- */

#define C_BLACK 0x000000u
#define C_WHITE 0xFFFFFFu
#define C_HEAD 0xDDE4EEu
#define C_RULE 0x7F8C99u
#define C_FAIL 0xF4B6B6u
#define C_WARN 0xFFE699u
#define C_PASS 0xC6E8C6u
#define C_TRAIN 0xC00000u
#define C_DANGER 0xC8102Eu  /* ANSI Z535.1 safety red */
#define C_WARNING 0xFF7900u /* ANSI Z535.1 safety orange */
#define NO_BG 0x1000000u

static inline void rgb(cairo_t *cr, unsigned c)
{
    cairo_set_source_rgb(cr, ((c >> 16) & 255) / 255.0, ((c >> 8) & 255) / 255.0,
                         (c & 255) / 255.0);
}

/* A straight stroke from (x1, y1) to (x2, y2), w pt wide in colour c,
 * dashed (3 on, 2 off) or solid: the diagram's and the charts' lines. */
static inline void k3a__pdf_line(struct doc *d, double x1, double y1, double x2, double y2,
                                 double w, unsigned c, int dashed)
{
    double dash[] = { 3, 2 };

    cairo_save(d->cr);
    rgb(d->cr, c);
    cairo_set_line_width(d->cr, w);
    if (dashed)
        cairo_set_dash(d->cr, dash, 2, 0);
    cairo_move_to(d->cr, x1, y1);
    cairo_line_to(d->cr, x2, y2);
    cairo_stroke(d->cr);
    cairo_restore(d->cr);
}

/* A fill dark enough that text on it must be white (relative luminance
 * by ITU-R BT.709 weights below one half). */
static inline int dark(unsigned c)
{
    double r = ((c >> 16) & 255) / 255.0, g = ((c >> 8) & 255) / 255.0, b = (c & 255) / 255.0;

    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

static inline unsigned verdict_color(enum k3a_verdict v)
{
    return v == K3A_FAIL ? C_FAIL : v == K3A_WARN ? C_WARN : C_PASS;
}

unsigned k3a__pdf_band_color(const struct k3a_band *b);

/* ---- numbers and dates ------------------------------------------------- */

const char *k3a__pdf_fmt(char *buf, size_t n, const char *f, ...)
    __attribute__((format(printf, 3, 4)));
/* The same for the translated formats of text.h (each one's conversions
 * are the same in both languages). */
const char *k3a__pdf_tfmt(char *buf, size_t n, const char *f, ...);
const char *k3a__pdf_num(const struct doc *d, char *buf, size_t n, double v, int dec);
const char *k3a__pdf_numt(const struct doc *d, char *buf, size_t n, double v, int dec);
void k3a__pdf_num_pair(const struct doc *d, double m, int has_m, double l, int has_l,
                       char *mb, char *lb, size_t n);
const char *k3a__pdf_date_long(const struct doc *d, char *buf, size_t n, struct k3a_date t);
const char *k3a__pdf_date_iso(char *buf, size_t n, struct k3a_date t);

/* ---- text and pages ----------------------------------------------------- */

/* The pango font description of each font ("DejaVu Sans Bold 8.5"). */
extern const char *const k3a__pdf_font_spec[F_COUNT];
/* Lays text out in lay, in width w (pt) with a font; max_h > 0 cuts it
 * with an ellipsis where it would be taller.  Returns the height in pt. */
double k3a__pdf_layout_in(PangoLayout *lay, const char *text, double w, const char *spec,
                          enum align al, double max_h);
/* The same in the document's layout. */
double k3a__pdf_layout(struct doc *d, const char *text, double w, const char *spec,
                       enum align al, double max_h);
double k3a__pdf_text_height(struct doc *d, const char *text, double w, enum font f);
double k3a__pdf_text_at(struct doc *d, double x, double y, double w, const char *text,
                        enum font f, enum align al, unsigned color, double max_h);
void k3a__pdf_fill_rect(struct doc *d, double x, double y, double w, double h, unsigned c);
void k3a__pdf_stroke_rect(struct doc *d, double x, double y, double w, double h, double lw,
                          unsigned c);
void k3a__pdf_new_page(struct doc *d);
int k3a__pdf_need(struct doc *d, double h);
void k3a__pdf_para(struct doc *d, const char *text, enum font f);
void k3a__pdf_heading(struct doc *d, const char *text, enum font f);
void k3a__pdf_chapter(struct doc *d, const char *text);
void k3a__pdf_landscape(struct doc *d, int on);

/* ---- tables --------------------------------------------------------------- */

#define PAD 2.5
#define MAX_COLS 20

struct tcol {
    const char *head;
    double w;       /* share of the width */
    enum align al;
};

/* A table is kept whole until k3a__pdf_table_end, which sizes its
 * columns from their content and draws it. */
struct table {
    const struct tcol *c;
    size_t n;
    char **rows;                    /* n_rows x n cells, copied */
    unsigned *bg;                   /* n_rows x n fills */
    size_t n_rows, cap;
    PangoLayout *lay[3][MAX_COLS];  /* the cells of three rows (a row and the next two) */
    PangoLayout *cell[3][MAX_COLS]; /* the layout of each cell (lay or cached) */
    double x[MAX_COLS + 1], w[MAX_COLS];
    enum font f, head_f[MAX_COLS];
};

void k3a__pdf_table_begin(struct doc *d, struct table *t, const struct tcol *c, size_t n,
                          enum font f);
/* One row; bg[i] NO_BG for none (bg may be NULL). */
void k3a__pdf_table_row(struct doc *d, struct table *t, const char *const *cells,
                        const unsigned *bg);
void k3a__pdf_table_end(struct doc *d, struct table *t);

/* Rows of the per-bus tables (boards, arc flash) the report lists; a
 * larger site's are on the workbook's sheets (a report of thousands of
 * pages is read by no one). */
#define BUS_ROWS_MAX 1000

void k3a__pdf_more_rows(struct doc *d, size_t more, enum k3a_text_id sheet);
void k3a__pdf_kv_row(struct doc *d, const char *k, const char *v, double kw);

/* ---- shared facts --------------------------------------------------------- */

int k3a__pdf_conclusion(const struct k3a_results *r);
const char *k3a__pdf_conclusion_word(const struct doc *d, const struct k3a_results *r);
void k3a__pdf_risk_counts(const struct k3a_results *r, size_t before[4], size_t after[4]);
const struct k3a_band *k3a__pdf_band_of_level(const struct k3a_results *r, int lv);
const char *k3a__pdf_band_label(const struct doc *d, const struct k3a_band *b);
const char *k3a__pdf_verdict_word(const struct doc *d, enum k3a_verdict v);
const char *k3a__pdf_case_words(const struct doc *d, enum k3a_sc_case c);

/* ---- the file ------------------------------------------------------------- */

void k3a__pdf_cache_free(struct cell_cache *c);
void k3a__pdf_metadata(struct doc *d, const char *title);
/* Opens the surface (path NULL: a stream that is thrown away) and the
 * pango context. */
int k3a__pdf_doc_open(struct doc *d, const char *path, double pw, double ph);
/* Closes everything; returns 0 when the file was complete. */
int k3a__pdf_doc_close(struct doc *d);
void k3a__pdf_doc_init(struct doc *d, const struct k3a_results *r,
                       const struct k3a_report_opts *o);
/* Writes through a temporary file beside path, renamed into place;
 * render returns 0, -1 (failed) or -2 (the font is missing). */
enum k3a_status k3a__pdf_write_atomic(const char *path, char *msg, size_t msg_size,
                                      int (*render)(const char *tmp, void *arg), void *arg);

/* ---- the chapters' parts in other files ------------------------------------ */

void k3a__pdf_legal_basis(struct doc *d);
void k3a__pdf_scope(struct doc *d);
void k3a__pdf_instruments(struct doc *d);
void k3a__pdf_installation_tables(struct doc *d);
void k3a__pdf_one_line_diagram(struct doc *d);
/* n: the section number (3.n) */
void k3a__pdf_charts(struct doc *d, int n);

#endif /* K3A_PDF_H */
