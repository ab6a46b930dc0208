/*
 * xlsx.h - private to src/report/xlsx_*.c: the workbooks' engine (cell
 * writers, styles, number formats, print setup, the table writer) and the
 * sheets the audit workbook is made of.  The only header that includes
 * <xlsxwriter.h>.
 */
#ifndef K3A_REPORT_XLSX_H
#define K3A_REPORT_XLSX_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <xlsxwriter.h>

#include "base.h"
#include "fmt.h"
#include "k3audit/history.h"
#include "k3audit/measure.h"
#include "k3audit/report.h"
#include "k3audit/text.h"
#include "k3audit/textclean.h"

/* Every cell text passes k3a_text_clean (textclean.h): a literal "_xHHHH_"
 * is written "_x005F_xHHHH_" so that Office shows it as typed, and no
 * control character or invalid UTF-8 (a path, a --title) reaches the XML.
 * Every sheet file writes text through these two (xlsx_engine.c). */
lxw_error k3a__xl_write_text(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                             const char *s, lxw_format *f);
lxw_error k3a__xl_merge_text(lxw_worksheet *ws, lxw_row_t r1, lxw_col_t c1, lxw_row_t r2,
                             lxw_col_t c2, const char *s, lxw_format *f);
#define worksheet_write_string(ws, row, col, s, f) k3a__xl_write_text(ws, row, col, s, f)
#define worksheet_merge_range(ws, r1, c1, r2, c2, s, f)                      \
    k3a__xl_merge_text(ws, r1, c1, r2, c2, s, f)

/* Document properties hold plain text (no "_xHHHH_" decoding), and
 * libxlsxwriter writes them unescaped: control characters are cleaned. */
#define PROP_TEXT 512

struct styles {
    lxw_format *title, *subtitle, *banner, *head, *unit, *text, *wrap,
        *label, *num0, *num1, *num2, *num3, *numx[3], *pass, *fail, *warn, *dflt,
        *warn2, /* a number (0.00) marked as changed */
        *unit_text; /* COL_UNIT */
};

struct band_fmt {
    const struct k3a_band *band;
    lxw_format *f, *num;
};

/* A check that passed at more elements than this gets one summary row in
 * the findings sheet instead of one row per element; the calculation
 * sheets and the JSON keep every value.  Without it a 100,000-bus site
 * lists some 600,000 passes and hides its few hundred failures. */
#define PASS_ROWS_MAX 50

struct pass_group {
    const char *check;
    size_t n, first; /* passes; the first passing finding */
    size_t ex[4];    /* the first few, named as examples */
    int mixed;       /* not every pass cites the first one's clause */
};

struct wctx {
    uint8_t *worst[K3A_KIND_COUNT]; /* per element: 0 none, 1 pass, 2 warn, 3 fail */
    size_t *loop_gov; /* per loop test: 1 + its governing finding (the first
                       * of its worst verdict), 0 none */
    struct pass_group *pg;          /* passes by check */
    size_t n_pg;
    int32_t *pg_of;                 /* [finding]: its group, -1 not a pass */
    int32_t *risk_of;               /* [finding]: the first risk citing it, or -1 */
    struct band_fmt bands[16];      /* a fill per risk band */
    size_t n_bands;
    lxw_workbook *wb;
    struct styles st;
    const struct k3a_results *r;
    const struct k3a_report_opts *o;
    enum k3a_lang lang;
    lxw_error err;
    size_t cells; /* written so far */
    const void *table_data; /* the table being written: its table_spec.data */
    /* the table sheet being written, as printed, in the sheet's points
     * (before the print scale): a page's height, the rows repeated at the
     * top of each page, and where the last row written ends on its page
     * (for what a table's `after` adds: a chart kept on one page) */
    double page_h, page_rep, page_y;
    int page_n; /* pages the table ran onto after its first */
};

#define TX(w, id) k3a_text((w)->lang, K3A_T_##id)
#define NCOLS(a) (sizeof(a) / sizeof((a)[0]))

/* COL_NUM_DEC: a double followed in the row by an int, its decimals */
/* COL_UNIT: a unit beside a number column, set off from it by an indent
 * (B19: "5 s", not "5s") */
enum col_kind { COL_TEXT, COL_NUM, COL_VERDICT, COL_BAND, COL_NUM_DEC, COL_UNIT };

struct col_spec {
    enum k3a_text_id header;
    const char *unit;
    double width;
    enum col_kind kind;
    size_t offset;   /* in the row struct: const char * or double or int */
    int decimals;    /* COL_NUM: 0..3; < 0: as written, up to -decimals */
    /* optional: the header as {Bahasa Indonesia, English}, for a sheet's
     * own heading (NULL: header) */
    const char *const *head_text;
};

/* Returns 0 for a row to write, 1 to skip it (before writing into row,
 * which then stays zeroed for the next). */
typedef int (*row_fn)(struct wctx *w, size_t i, void *row);

struct table_spec {
    enum k3a_text_id sheet;
    const struct col_spec *cols;
    size_t n_cols;
    size_t row_size;
    size_t n_rows;
    row_fn row;
    const void *data; /* optional: what row() reads (w->table_data) */
    /* optional: rows above the table's header (from `row`; returns the
     * header's row; w->table_data is set) */
    lxw_row_t (*before)(struct wctx *w, lxw_worksheet *ws, lxw_row_t row,
                        lxw_col_t width);
    /* optional: more on the same sheet below the table (rows from `next`;
     * the table's data rows are first..last) */
    void (*after)(struct wctx *w, lxw_worksheet *ws, lxw_row_t next,
                  lxw_row_t first, lxw_row_t last);
};

static inline void check(struct wctx *w, lxw_error e)
{
    if (e != LXW_NO_ERROR && w->err == LXW_NO_ERROR)
        w->err = e;
}


/* check() for a cell written (counted for make bench) */
static inline void cell(struct wctx *w, lxw_error e)
{
    w->cells++;
    check(w, e);
}


static inline lxw_format *fmt(struct wctx *w)
{
    lxw_format *f = workbook_add_format(w->wb);

    if (!f && w->err == LXW_NO_ERROR)
        w->err = LXW_ERROR_MEMORY_MALLOC_FAILED;
    return f;
}

/* One table sheet: the rows of `count` elements written by fn with the
 * column specs `spec` (rows of type struct rowtype); after_fn adds to the
 * sheet below the table.  Needs `w` in scope.  TABLE_WITH also gives fn
 * data to read (table_spec). */
#define TABLE_WITH(sheet_id, spec, rowtype, fn, count, after_fn, data_)      \
    do {                                                                     \
        struct table_spec t_;                                                \
        memset(&t_, 0, sizeof(t_));                                          \
        t_.sheet = K3A_T_##sheet_id;                                         \
        t_.cols = spec;                                                      \
        t_.n_cols = NCOLS(spec);                                             \
        t_.row_size = sizeof(struct rowtype);                                \
        t_.n_rows = count;                                                   \
        t_.row = fn;                                                         \
        t_.after = after_fn;                                                 \
        t_.data = data_;                                                     \
        k3a__xl_write_table(w, &t_, 1);                                      \
    } while (0)
#define TABLE(sheet_id, spec, rowtype, fn, count, after_fn)                  \
    TABLE_WITH(sheet_id, spec, rowtype, fn, count, after_fn, NULL)

/* ---- the engine (xlsx_engine.c) ---- */
/* A cell's text built piece by piece in buf (n bytes), cut at n - 1
 * bytes as snprintf cuts it: the texts the big sheets write in every row,
 * without parsing a format for each.  len: the whole text's length. */
struct xtext {
    char *buf;
    size_t n, len;
};
void k3a__xl_text_start(struct xtext *x, char *buf, size_t n);
/* "%s" (NULL written "(null)"), "%.*f" (k3a__fixed), "%0*d" */
void k3a__xl_put(struct xtext *x, const char *s);
void k3a__xl_put_fixed(struct xtext *x, int prec, double v);
void k3a__xl_put_int(struct xtext *x, int v, int width);
void k3a__xl_put_g(struct xtext *x, double v); /* "%g" */

char *k3a__xl_prop_text(char *buf, const char *s);
lxw_format *k3a__xl_band_format(struct wctx *w, const struct k3a_band *b, int num);
int k3a__xl_make_styles(struct wctx *w);
/* A table row with no finding behind it: "-" in the verdict column, plain
 * (never a verdict the findings do not give). */
#define K3A__XL_NO_VERDICT ((enum k3a_verdict)3)
const char *k3a__xl_verdict_text(struct wctx *w, enum k3a_verdict v);
lxw_format *k3a__xl_verdict_format(struct wctx *w, enum k3a_verdict v);
const char *k3a__xl_kind_label(struct wctx *w, enum k3a_kind k);
const char *k3a__xl_case_label(struct wctx *w, enum k3a_sc_case c);
const char *k3a__xl_ppe_label(struct wctx *w, const char *ppe);
const char *k3a__xl_unit_label(struct wctx *w, const char *u, char *buf, size_t n);
const char *k3a__xl_unit_text(const char *u, char *buf, size_t n);
lxw_format *k3a__xl_dec_format(struct wctx *w, int decimals);
void k3a__xl_pair_dec(double m, double l, int base, int *dm, int *dl);
lxw_format *k3a__xl_num_format(struct wctx *w, int decimals, double v);
void k3a__xl_grouped_int(char *buf, size_t n, double v, enum k3a_lang lang);
const char *k3a__xl_base_name(const char *path);
double k3a__xl_col_px(double width);
double k3a__xl_page_height(double px);
void k3a__xl_page_advance(struct wctx *w, double h);
void k3a__xl_page_setup(struct wctx *w, lxw_worksheet *ws, double px, lxw_row_t repeat_to,
                        int one_page);
/* A number with the 10 significant digits the JSON carries: as many as
 * any result here can mean, and the XML holds "4.657805235" instead of
 * "4.657805235147412" in millions of cells. */
static inline lxw_error k3a__xl_write_number(lxw_worksheet *ws, lxw_row_t row,
                                             lxw_col_t col, double v, lxw_format *f)
{
    return worksheet_write_number(ws, row, col, k3a__round_sig10(v), f);
}
lxw_row_t k3a__xl_sheet_head(struct wctx *w, lxw_worksheet *ws, enum k3a_text_id sheet,
                             lxw_col_t width);
double k3a__xl_text_lines(const char *t, double width, int bold);
double k3a__xl_word_width(const char *t, int bold);
const char *k3a__xl_col_head(const struct wctx *w, const struct col_spec *cs);
void k3a__xl_write_table(struct wctx *w, const struct table_spec *t, int landscape);
void k3a__xl_kv(struct wctx *w, lxw_worksheet *ws, lxw_row_t *row, const char *label,
                const char *value);
void k3a__xl_date_text(struct k3a_date d, char *buf, size_t n);
enum k3a_status k3a__xl_book_open(struct wctx *w, const char *path, char *tmp,
                                  size_t tmp_n, char *msg, size_t msg_size);
enum k3a_status k3a__xl_book_close(struct wctx *w, const char *tmp, const char *path,
                                   char *msg, size_t msg_size);

/* ---- sheets (xlsx_summary.c, xlsx_measure.c, xlsx_input.c) ---- */
void k3a__xl_write_changes(struct wctx *w);
void k3a__xl_write_summary(struct wctx *w);
void k3a__xl_write_attestation(struct wctx *w);
void k3a__xl_worst_init(struct wctx *w);
void k3a__xl_worst_free(struct wctx *w);
int k3a__xl_worst_of_elem(struct wctx *w, enum k3a_kind kind, size_t idx,
                          enum k3a_verdict *v);
void k3a__xl_write_input(struct wctx *w);

/* ---- the audit workbook's sheets, in the order xlsx_audit.c writes them ---- */
void k3a__xl_write_findings(struct wctx *w);
void k3a__xl_write_risks(struct wctx *w);
void k3a__xl_write_sc(struct wctx *w);
void k3a__xl_write_devices(struct wctx *w);
void k3a__xl_write_arc(struct wctx *w);
void k3a__xl_write_measurements(struct wctx *w);
void k3a__xl_write_loads(struct wctx *w);
void k3a__xl_write_label_sheet(struct wctx *w);
void k3a__xl_write_energy_sheets(struct wctx *w);
void k3a__xl_write_warnings(struct wctx *w);
void k3a__xl_write_models(struct wctx *w);

#endif
