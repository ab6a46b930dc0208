/*
 * report_xlsx.c - the audit workbook: the only file that includes
 * <xlsxwriter.h>.
 *
 * Every tabular sheet is a list of column specs and a row function; one
 * write_table() writes them all (headers with units, number formats,
 * verdict colours, freeze panes, autofilter, A4 print setup).  Formats are
 * made once per workbook.  The workbook is written in constant-memory
 * mode, row by row, to a temporary file beside the target and renamed
 * over it when workbook_close() succeeds.  One thread writes it all.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "fmt.h"
#include "internal.h"
#include "k3audit/history.h"
#include "k3audit/measure.h"
#include "k3audit/report.h"
#include "k3audit/text.h"
#include "k3audit/textclean.h"

/* Every cell text passes k3a_text_clean (textclean.h): a literal "_xHHHH_"
 * is written "_x005F_xHHHH_" so that Office shows it as typed, and no
 * control character or invalid UTF-8 (a path, a --title) reaches the XML.
 * Text that needs nothing (nearly all) goes straight through. */
static lxw_error write_text(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                            const char *s, lxw_format *f)
{
    char small[512], *buf = small;
    size_t need;
    lxw_error e;

    if (!s || !k3a_text_needs_clean(s, K3A_CLEAN_OOXML))
        return worksheet_write_string(ws, row, col, s, f);
    need = k3a_text_clean(NULL, 0, s, K3A_CLEAN_OOXML) + 1;
    if (need > sizeof(small) && !(buf = malloc(need)))
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    k3a_text_clean(buf, need, s, K3A_CLEAN_OOXML);
    e = worksheet_write_string(ws, row, col, buf, f);
    if (buf != small)
        free(buf);
    return e;
}
#define worksheet_write_string write_text

static lxw_error merge_text(lxw_worksheet *ws, lxw_row_t r1, lxw_col_t c1, lxw_row_t r2,
                            lxw_col_t c2, const char *s, lxw_format *f)
{
    char small[512], *buf = small;
    size_t need;
    lxw_error e;

    if (!s || !k3a_text_needs_clean(s, K3A_CLEAN_OOXML))
        return worksheet_merge_range(ws, r1, c1, r2, c2, s, f);
    need = k3a_text_clean(NULL, 0, s, K3A_CLEAN_OOXML) + 1;
    if (need > sizeof(small) && !(buf = malloc(need)))
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    k3a_text_clean(buf, need, s, K3A_CLEAN_OOXML);
    e = worksheet_merge_range(ws, r1, c1, r2, c2, buf, f);
    if (buf != small)
        free(buf);
    return e;
}
#define worksheet_merge_range merge_text

/* Document properties hold plain text (no "_xHHHH_" decoding), and
 * libxlsxwriter writes them unescaped: control characters are cleaned. */
#define PROP_TEXT 512
static char *prop_text(char *buf, const char *s)
{
    if (!s)
        return NULL;
    k3a_text_clean(buf, PROP_TEXT, s, K3A_CLEAN_TERMINAL);
    return buf;
}

struct styles {
    lxw_format *title, *subtitle, *banner, *head, *unit, *text, *wrap,
        *label, *num0, *num1, *num2, *num3, *numx[3], *pass, *fail, *warn, *dflt,
        *warn2; /* a number (0.00) marked as changed */
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
};

#define TX(w, id) k3a_text((w)->lang, K3A_T_##id)
#define NCOLS(a) (sizeof(a) / sizeof((a)[0]))

/* COL_NUM_DEC: a double followed in the row by an int, its decimals */
enum col_kind { COL_TEXT, COL_NUM, COL_VERDICT, COL_BAND, COL_NUM_DEC };

struct col_spec {
    enum k3a_text_id header;
    const char *unit;
    double width;
    enum col_kind kind;
    size_t offset;   /* in the row struct: const char * or double or int */
    int decimals;    /* COL_NUM: 0..3 */
};

/* Returns 0 for a row to write, 1 to skip it. */
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

static void check(struct wctx *w, lxw_error e)
{
    if (e != LXW_NO_ERROR && w->err == LXW_NO_ERROR)
        w->err = e;
}

/* check() for a cell written (counted for make bench) */
static void cell(struct wctx *w, lxw_error e)
{
    w->cells++;
    check(w, e);
}

static lxw_format *fmt(struct wctx *w)
{
    lxw_format *f = workbook_add_format(w->wb);

    if (!f && w->err == LXW_NO_ERROR)
        w->err = LXW_ERROR_MEMORY_MALLOC_FAILED;
    return f;
}

/* The fill of a risk band (its colour from the profile); the text style
 * when the band has none. */
static lxw_format *band_format(struct wctx *w, const struct k3a_band *b, int num)
{
    size_t i;
    unsigned long rgb;
    char *end;

    if (!b)
        return num ? w->st.num0 : w->st.text;
    for (i = 0; i < w->n_bands; i++)
        if (w->bands[i].band == b)
            return num ? w->bands[i].num : w->bands[i].f;
    if (w->n_bands == sizeof(w->bands) / sizeof(w->bands[0]))
        return num ? w->st.num0 : w->st.text;
    rgb = b->color ? strtoul(b->color, &end, 16) : 0xFFFFFF;
    if (!b->color || *end || rgb > 0xFFFFFF)
        rgb = 0xFFFFFF;
    w->bands[w->n_bands].band = b;
    w->bands[w->n_bands].f = fmt(w);
    w->bands[w->n_bands].num = fmt(w);
    if (w->err != LXW_NO_ERROR)
        return w->st.text;
    for (i = 0; i < 2; i++) {
        lxw_format *f = i ? w->bands[w->n_bands].num : w->bands[w->n_bands].f;
        format_set_bg_color(f, (lxw_color_t)rgb);
        /* B16: white bold on a dark fill (Ekstrem red) */
        if (0.2126 * (double)(unsigned)((rgb >> 16) & 255) +
                0.7152 * (double)(unsigned)((rgb >> 8) & 255) +
                0.0722 * (double)(unsigned)(rgb & 255) <
            127.5)
            format_set_font_color(f, LXW_COLOR_WHITE);
        format_set_border(f, LXW_BORDER_THIN);
        format_set_bold(f);
        format_set_align(f, i ? LXW_ALIGN_CENTER : LXW_ALIGN_LEFT);
        format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    }
    w->n_bands++;
    return num ? w->bands[w->n_bands - 1].num : w->bands[w->n_bands - 1].f;
}

static int make_styles(struct wctx *w)
{
    struct styles *s = &w->st;

    s->title = fmt(w);
    s->subtitle = fmt(w);
    s->banner = fmt(w);
    s->head = fmt(w);
    s->unit = fmt(w);
    s->text = fmt(w);
    s->wrap = fmt(w);
    s->label = fmt(w);
    s->num0 = fmt(w);
    s->num1 = fmt(w);
    s->num2 = fmt(w);
    s->num3 = fmt(w);
    s->numx[0] = fmt(w);
    s->numx[1] = fmt(w);
    s->numx[2] = fmt(w);
    s->pass = fmt(w);
    s->fail = fmt(w);
    s->warn = fmt(w);
    s->dflt = fmt(w);
    s->warn2 = fmt(w);
    if (w->err != LXW_NO_ERROR)
        return -1;
    format_set_bold(s->title);
    format_set_font_size(s->title, 14);
    format_set_italic(s->subtitle);
    format_set_font_color(s->subtitle, 0x595959);
    format_set_bold(s->banner);
    format_set_font_color(s->banner, LXW_COLOR_WHITE);
    format_set_bg_color(s->banner, 0xC00000);
    format_set_bold(s->head);
    format_set_bg_color(s->head, 0x1F4E78);
    format_set_font_color(s->head, LXW_COLOR_WHITE);
    format_set_text_wrap(s->head);
    format_set_align(s->head, LXW_ALIGN_VERTICAL_CENTER);
    format_set_border(s->head, LXW_BORDER_THIN);
    format_set_italic(s->unit);
    format_set_bg_color(s->unit, 0xDDEBF7);
    format_set_border(s->unit, LXW_BORDER_THIN);
    format_set_border(s->text, LXW_BORDER_THIN);
    format_set_align(s->text, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(s->wrap, LXW_BORDER_THIN);
    format_set_text_wrap(s->wrap);
    format_set_align(s->wrap, LXW_ALIGN_VERTICAL_TOP);
    format_set_bold(s->label);
    /* grouped: a spreadsheet shows 4.921.784.442 in an Indonesian
     * locale, 4,921,784,442 in an English one */
    format_set_num_format(s->num0, "#,##0");
    format_set_num_format(s->num1, "#,##0.0");
    format_set_num_format(s->num2, "#,##0.00");
    format_set_num_format(s->num3, "#,##0.000");
    format_set_num_format(s->numx[0], "#,##0.0000");
    format_set_num_format(s->numx[1], "#,##0.00000");
    format_set_num_format(s->numx[2], "#,##0.000000");
    for (int k = 0; k < 3; k++) {
        format_set_border(s->numx[k], LXW_BORDER_THIN);
        format_set_align(s->numx[k], LXW_ALIGN_VERTICAL_TOP);
    }
    format_set_border(s->num0, LXW_BORDER_THIN);
    format_set_border(s->num1, LXW_BORDER_THIN);
    format_set_border(s->num2, LXW_BORDER_THIN);
    format_set_border(s->num3, LXW_BORDER_THIN);
    format_set_align(s->num0, LXW_ALIGN_VERTICAL_TOP);
    format_set_align(s->num1, LXW_ALIGN_VERTICAL_TOP);
    format_set_align(s->num2, LXW_ALIGN_VERTICAL_TOP);
    format_set_align(s->num3, LXW_ALIGN_VERTICAL_TOP);
    format_set_align(s->pass, LXW_ALIGN_VERTICAL_TOP);
    format_set_align(s->fail, LXW_ALIGN_VERTICAL_TOP);
    format_set_align(s->warn, LXW_ALIGN_VERTICAL_TOP);
    format_set_bold(s->pass);
    format_set_bg_color(s->pass, 0xC6EFCE);
    format_set_font_color(s->pass, 0x006100);
    format_set_border(s->pass, LXW_BORDER_THIN);
    format_set_bold(s->fail);
    format_set_bg_color(s->fail, 0xFFC7CE);
    format_set_font_color(s->fail, 0x9C0006);
    format_set_border(s->fail, LXW_BORDER_THIN);
    format_set_bold(s->warn);
    format_set_bg_color(s->warn, 0xFFEB9C);
    format_set_font_color(s->warn, 0x9C5700);
    format_set_border(s->warn, LXW_BORDER_THIN);
    format_set_bold(s->warn2);
    format_set_bg_color(s->warn2, 0xFFEB9C);
    format_set_font_color(s->warn2, 0x9C5700);
    format_set_border(s->warn2, LXW_BORDER_THIN);
    format_set_num_format(s->warn2, "#,##0.00");
    format_set_text_wrap(s->pass);
    format_set_text_wrap(s->fail);
    format_set_text_wrap(s->warn);
    format_set_text_wrap(s->label);
    format_set_align(s->label, LXW_ALIGN_VERTICAL_TOP);
    format_set_text_wrap(s->dflt);
    format_set_align(s->dflt, LXW_ALIGN_VERTICAL_TOP);
    format_set_italic(s->dflt);
    format_set_font_color(s->dflt, 0x7F6000);
    format_set_border(s->dflt, LXW_BORDER_THIN);
    return 0;
}

static const char *verdict_text(struct wctx *w, enum k3a_verdict v)
{
    switch (v) {
    case K3A_PASS:
        return TX(w, V_PASS);
    case K3A_FAIL:
        return TX(w, V_FAIL);
    case K3A_WARN:
        return TX(w, V_WARN);
    }
    return "";
}

static lxw_format *verdict_format(struct wctx *w, enum k3a_verdict v)
{
    switch (v) {
    case K3A_PASS:
        return w->st.pass;
    case K3A_FAIL:
        return w->st.fail;
    case K3A_WARN:
        return w->st.warn;
    }
    return w->st.text;
}

/* A section kind as a reader names it, in the workbook's language. */
static const char *kind_label(struct wctx *w, enum k3a_kind k)
{
    static const char *const id[K3A_KIND_COUNT] = {
        "Tempat kerja", "Skenario", "Catu daya PLN", "Generator", "Transformator",
        "Rel / panel", "Kabel", "Gawai proteksi", "Kapasitor", "Beban", "Alat ukur",
        "Pembumian", "Tahanan jenis tanah", "Tahanan isolasi", "Impedansi loop",
        "RCD", "Termografi", "Kualitas daya", "Proteksi petir", "Rekening listrik",
        "Pengamatan", "Bahaya (manual)", "Varian" };
    static const char *const en[K3A_KIND_COUNT] = {
        "Site", "Scenario", "PLN supply", "Generator", "Transformer",
        "Bus / switchboard", "Cable", "Protective device", "Capacitor", "Load",
        "Instrument", "Earthing", "Soil resistivity", "Insulation resistance",
        "Loop impedance", "RCD", "Thermography", "Power quality",
        "Lightning protection", "Electricity bill", "Observation",
        "Hazard (manual)", "Variant" };
    _Static_assert(K3A_KIND_COUNT == 23, "a label for every kind");
    if ((unsigned)k >= K3A_KIND_COUNT)
        return "?";
    return w->lang == K3A_LANG_EN ? en[k] : id[k];
}

/* A short-circuit case as a reader names it. */
static const char *case_label(struct wctx *w, enum k3a_sc_case c)
{
    int en = w->lang == K3A_LANG_EN;

    switch (c) {
    case K3A_CASE_MAX:
        return en ? "normal (maximum)" : "normal (maksimum)";
    case K3A_CASE_MIN:
        return en ? "minimum source" : "sumber minimum";
    case K3A_CASE_GEN:
        return en ? "standby generator" : "genset siaga";
    case K3A_CASE_COUNT:
        break;
    }
    return "?";
}

/* A PPE category as printed: "dangerous" in the workbook's language. */
static const char *ppe_label(struct wctx *w, const char *ppe)
{
    if (ppe && strcmp(ppe, "dangerous") == 0)
        return w->lang == K3A_LANG_EN ? "dangerous" : "berbahaya";
    return ppe ? ppe : "";
}

/* A unit in the workbook's language: "kWh/year" is "kWh/tahun". */
static const char *unit_label(struct wctx *w, const char *u, char *buf, size_t n)
{
    const char *y;

    if (!u || w->lang == K3A_LANG_EN || !(y = strstr(u, "year")))
        return u;
    k3a__fmt(buf, n, "%.*stahun%s", (int)(y - u), u, y + 4);
    return buf;
}

/* The number format of a value shown with decimals places: fewer for a
 * large value (19,096,424 A2s, not 19096424.39), grouped in thousands. */
/* The grouped number format with exactly that many decimals (0-6). */
static lxw_format *dec_format(struct wctx *w, int decimals)
{
    return decimals <= 0 ? w->st.num0 : decimals == 1 ? w->st.num1
                           : decimals == 2              ? w->st.num2
                           : decimals == 3              ? w->st.num3
                           : decimals >= 6              ? w->st.numx[2]
                                                        : w->st.numx[decimals - 4];
}

static double round_dec(double v, int d)
{
    double p = pow(10, d);
    return round(v * p) / p;
}

static int cmp3(double a, double b)
{
    return (a > b) - (a < b);
}

/* The decimals of a measured value and of its limit shown side by side
 * (site-format 9: a number shown never contradicts its verdict).  The
 * limit is shown as written (16 kA, 5 s, 1.4375 ohm: the fewest decimals
 * that show it exactly, up to 6); the measured value gets its usual
 * decimals for its size, then more until the two printed numbers compare
 * as the two values do (Zs 1.44 against 1.4375, IR 0.9996 against 1). */
static void pair_dec(double m, double l, int base, int *dm, int *dl)
{
    int l_exact = 0;

    *dm = fabs(m) >= 10000 ? 0 : fabs(m) >= 1000 ? (base < 1 ? base : 1) : base;
    *dl = base;
    if (isfinite(l)) {
        for (*dl = 0; *dl <= 6; (*dl)++)
            if (fabs(round_dec(l, *dl) - l) <= 1e-9 * (fabs(l) > 1 ? fabs(l) : 1)) {
                l_exact = 1;
                break;
            }
        if (!l_exact)
            *dl = fabs(l) >= 10000 ? 0 : fabs(l) >= 1000 ? 1 : base;
    }
    if (!isfinite(m) || !isfinite(l))
        return;
    while (*dm < 6 &&
           cmp3(round_dec(m, *dm), round_dec(l, *dl)) != cmp3(m, l)) {
        (*dm)++;
        if (!l_exact && *dl < *dm)
            *dl = *dm;
    }
}

static lxw_format *num_format(struct wctx *w, int decimals, double v)
{
    double a = fabs(v);

    if (a >= 10000)
        decimals = 0;
    else if (a >= 1000 && decimals > 1)
        decimals = 1;
    return dec_format(w, decimals);
}

/* A whole number grouped in thousands as the language writes it
 * (4.765.700.000 / 4,765,700,000), for a number inside a sentence. */
static void grouped_int(char *buf, size_t n, double v, enum k3a_lang lang)
{
    char raw[40];
    size_t len, i, u = 0;
    char sep = lang == K3A_LANG_EN ? ',' : '.';

    k3a__fmt(raw, sizeof(raw), "%.0f", fabs(v));
    len = strlen(raw);
    if (v < 0 && u + 1 < n)
        buf[u++] = '-';
    for (i = 0; i < len && u + 2 < n; i++) {
        if (i && (len - i) % 3 == 0)
            buf[u++] = sep;
        buf[u++] = raw[i];
    }
    buf[u] = '\0';
}

/* D25: a file's name without the folder it was run from */
static const char *base_name(const char *path)
{
    const char *b = path ? strrchr(path, '/') : NULL;

    return b ? b + 1 : path;
}

/* ---- print: A4, at 7 pt or more, a header and footer on every page ---- */

/* The printed width of a column of w characters (Excel's rule for the
 * default 11 pt font: 7 pixels a character and 5 of padding, at 96 dpi). */
static double col_px(double width)
{
    return floor(width * 7.0 + 5.0);
}

/* A4 less 0.5 in margins each side, in pixels at 96 dpi. */
#define PRINT_PX_PORTRAIT 698.0
#define PRINT_PX_LANDSCAPE 1026.0
/* Never shrink an 11 pt sheet below 7 pt: 7.3 / 11. */
#define PRINT_MIN_SCALE 0.66

/* s with every '&' doubled (a header's control character), at most n-1
 * bytes, cut at a character boundary. */
static void hf_text(char *out, size_t n, const char *src)
{
    char clean[256];
    const char *s = clean;
    size_t u = 0;

    /* controls shown as text, a literal "_xHHHH_" kept literal, as in cells */
    k3a_text_clean(clean, sizeof(clean), src ? src : "", K3A_CLEAN_OOXML);
    for (; *s && u + 3 < n; s++) {
        if (*s == '&')
            out[u++] = '&';
        out[u++] = *s;
    }
    while (u && ((unsigned char)out[u - 1] & 0xC0) == 0x80 && *s)
        u--; /* cut inside a UTF-8 sequence: drop its continuation bytes */
    if (u && ((unsigned char)out[u - 1] & 0xC0) == 0xC0 && *s)
        u--;
    out[u] = '\0';
}

/* A4; portrait when the columns fit at 85 % or more, else landscape;
 * fitted to the page width at no less than PRINT_MIN_SCALE (a wider
 * table spans pages across, its first column repeated); the header rows
 * on every page; the site, report number, audit date in the header and
 * "x / y" in the footer.  one_page: the whole sheet on one page. */
static void page_setup(struct wctx *w, lxw_worksheet *ws, double px,
                       lxw_row_t repeat_to, int one_page)
{
    const struct k3a_site_info *si = w->r ? &w->r->site->site : NULL;
    int landscape = px > PRINT_PX_PORTRAIT / 0.85;
    double cap = (landscape ? PRINT_PX_LANDSCAPE : PRINT_PX_PORTRAIT) / PRINT_MIN_SCALE;
    uint16_t wide = px <= cap ? 1 : (uint16_t)ceil(px / cap);
    char site[96], rep[96], who[160], hdr[256], ftr[256];
    lxw_header_footer_options hfo;

    worksheet_set_paper(ws, 9); /* A4 */
    if (landscape)
        worksheet_set_landscape(ws);
    else
        worksheet_set_portrait(ws);
    worksheet_set_margins(ws, 0.5, 0.5, 0.75, 0.75);
    worksheet_fit_to_pages(ws, one_page ? 1 : wide, one_page ? 1 : 0);
    if (repeat_to > 0)
        worksheet_repeat_rows(ws, 0, repeat_to);
    if (wide > 1 && !one_page)
        worksheet_repeat_columns(ws, 0, 0);
    memset(&hfo, 0, sizeof(hfo));
    hfo.margin = 0.3;
    site[0] = rep[0] = who[0] = '\0';
    if (si) {
        char date[16], b1[80], b2[80];
        hf_text(site, sizeof(site), si->name);
        k3a__fmt(date, sizeof(date), "%04d-%02d-%02d", si->audit_date.y,
                 si->audit_date.m, si->audit_date.d);
        hf_text(b1, sizeof(b1), si->report_no);
        if (si->report_no)
            k3a__fmt(rep, sizeof(rep), "%s %s, %s", TX(w, REPORT_NO), b1, date);
        else if (k3a_site_count(w->r->site, K3A_KIND_SCENARIO))
            /* D29: a training file is no inspection: its header says so */
            k3a__fmt(rep, sizeof(rep), "%s, %s", TX(w, TRAINING), date);
        else
            k3a__fmt(rep, sizeof(rep), "%s %s", TX(w, AUDIT_DATE), date);
        hf_text(b1, sizeof(b1), si->auditor);
        hf_text(b2, sizeof(b2), si->inspection_body);
        k3a__fmt(who, sizeof(who), "%s%s%s", b1, si->auditor && si->inspection_body ? ", " : "",
                 b2);
    } else
        hf_text(site, sizeof(site), TX(w, TITLE));
    k3a__fmt(hdr, sizeof(hdr), "&L&8%s&C&8&A&R&8%s", site, rep);
    k3a__fmt(ftr, sizeof(ftr), "&L&8%s&R&8%s &P / &N", who, TX(w, PAGE));
    check(w, worksheet_set_header_opt(ws, hdr, &hfo));
    check(w, worksheet_set_footer_opt(ws, ftr, &hfo));
}

/* A number with the 10 significant digits the JSON carries: as many as
 * any result here can mean, and the XML holds "4.657805235" instead of
 * "4.657805235147412" in millions of cells. */
static lxw_error write_number(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                              double v, lxw_format *f)
{
    return worksheet_write_number(ws, row, col, k3a__round_sig10(v), f);
}

/* Title rows common to every sheet: sheet title and site, and the
 * training stamp for a [scenario] file.  Returns the next free row. */
static lxw_row_t sheet_head(struct wctx *w, lxw_worksheet *ws,
                            enum k3a_text_id sheet, lxw_col_t width)
{
    const struct k3a_site *s = w->r->site;
    char line[256];
    lxw_row_t row = 0;

    snprintf(line, sizeof(line), "%s - %s", k3a_text(w->lang, sheet),
             s->site.name ? s->site.name : "");
    cell(w, worksheet_write_string(ws, row++, 0, line, w->st.title));
    if (k3a_site_count(s, K3A_KIND_SCENARIO)) {
        check(w, worksheet_merge_range(ws, row, 0, row, width > 0 ? width - 1 : 0,
                                       TX(w, TRAINING), w->st.banner));
        row++;
    }
    return row;
}

/* The lines text takes in a column of width characters, wrapped at
 * spaces as a spreadsheet does (a word longer than the line is broken);
 * bold: a bold font's wider letters. */
static double text_lines(const char *t, double width, int bold)
{
    double cpl = width * (bold ? 0.95 : 1.1) - 1.0;
    double lines = 1, used = 0;

    if (cpl < 2)
        cpl = 2;
    while (t && *t) {
        size_t n = 0, chars = 0;
        if (*t == '\n') {
            lines++;
            used = 0;
            t++;
            continue;
        }
        while (t[n] && t[n] != ' ' && t[n] != '\n') {
            chars += ((unsigned char)t[n] & 0xC0) != 0x80;
            n++;
        }
        if (used > 0 && used + 1 + (double)chars > cpl) {
            lines++;
            used = 0;
        }
        if (used > 0)
            used += 1;
        used += (double)chars;
        while (used > cpl) { /* a word longer than a line */
            lines++;
            used -= cpl;
        }
        t += n;
        while (*t == ' ')
            t++;
    }
    return lines;
}

/* Excel's tallest row is 409 pt: 27 lines of 15 pt. */
#define ROW_LINES_MAX 27

static void fill_table(struct wctx *w, lxw_worksheet *ws, const struct table_spec *t,
                       int landscape)
{
    unsigned char *row;
    lxw_row_t r0, xr, head_rows;
    size_t i, c;
    int has_units = 0;

    row = calloc(1, t->row_size);
    if (!row) {
        check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    for (c = 0; c < t->n_cols; c++)
        check(w, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
                                      t->cols[c].width, NULL));
    r0 = sheet_head(w, ws, t->sheet, (lxw_col_t)t->n_cols);
    w->table_data = t->data;
    if (t->before)
        r0 = t->before(w, ws, r0, (lxw_col_t)t->n_cols);
    for (c = 0; c < t->n_cols; c++)
        has_units |= t->cols[c].unit && t->cols[c].unit[0];
    /* constant-memory mode: each row complete before the next; a header
     * of two lines, then the units */
    {
        double hl = 2;
        for (c = 0; c < t->n_cols; c++) {
            double n = text_lines(k3a_text(w->lang, t->cols[c].header), t->cols[c].width, 1);
            if (n > hl)
                hl = n;
        }
        check(w, worksheet_set_row(ws, r0, 15.0 * hl, NULL));
    }
    for (c = 0; c < t->n_cols; c++)
        cell(w, worksheet_write_string(ws, r0, (lxw_col_t)c,
                                        k3a_text(w->lang, t->cols[c].header),
                                        w->st.head));
    if (has_units)
        for (c = 0; c < t->n_cols; c++)
        {
            char ub[32];
            const char *u = unit_label(w, t->cols[c].unit, ub, sizeof(ub));
            cell(w, worksheet_write_string(ws, r0 + 1, (lxw_col_t)c, u ? u : "",
                                            w->st.unit));
        }
    head_rows = has_units ? 2 : 1;
    xr = r0 + head_rows;
    for (i = 0; i < t->n_rows && w->err == LXW_NO_ERROR; i++) {
        double lines = 1;
        memset(row, 0, t->row_size);
        if (t->row(w, i, row))
            continue;
        /* the height of a row is that of its longest wrapped text: Excel
         * and LibreOffice do not grow rows written without one */
        for (c = 0; c < t->n_cols; c++)
            if (t->cols[c].kind == COL_TEXT || t->cols[c].kind == COL_VERDICT ||
                t->cols[c].kind == COL_BAND) {
                const void *p = row + t->cols[c].offset;
                const char *v;
                double n;
                if (t->cols[c].kind == COL_TEXT)
                    v = *(const char *const *)p;
                else if (t->cols[c].kind == COL_VERDICT)
                    v = verdict_text(w, *(const enum k3a_verdict *)p);
                else {
                    const struct k3a_band *b = *(const struct k3a_band *const *)p;
                    v = !b ? NULL : w->lang == K3A_LANG_EN ? b->label_en : b->label_id;
                }
                n = text_lines(v, t->cols[c].width, t->cols[c].kind != COL_TEXT);
                if (n > lines)
                    lines = n;
            }
        if (lines > 1)
            check(w, worksheet_set_row(
                         ws, xr, 15.0 * (lines > ROW_LINES_MAX ? ROW_LINES_MAX : lines),
                         NULL));
        for (c = 0; c < t->n_cols; c++) {
            const struct col_spec *cs = &t->cols[c];
            const unsigned char *p = row + cs->offset;
            lxw_col_t col = (lxw_col_t)c;
            switch (cs->kind) {
            case COL_TEXT: {
                const char *v = *(const char *const *)(const void *)p;
                if (v && *v)
                    cell(w, worksheet_write_string(ws, xr, col, v, w->st.wrap));
                else
                    cell(w, worksheet_write_blank(ws, xr, col, w->st.text));
                break;
            }
            case COL_NUM:
            case COL_NUM_DEC: {
                double v = *(const double *)(const void *)p;
                /* a finding's measured value carries the decimals that keep
                 * it from contradicting its verdict (site-format 9) */
                lxw_format *f =
                    cs->kind == COL_NUM_DEC
                        ? dec_format(w, *(const int *)(const void *)(p + sizeof(double)))
                        : num_format(w, cs->decimals, v);
                /* NaN is "no value": Excel cannot hold it */
                if (isfinite(v))
                    cell(w, write_number(ws, xr, col, v, f));
                else
                    cell(w, worksheet_write_blank(ws, xr, col, w->st.text));
                break;
            }
            case COL_VERDICT: {
                enum k3a_verdict v = *(const enum k3a_verdict *)(const void *)p;
                cell(w, worksheet_write_string(ws, xr, col, verdict_text(w, v),
                                                verdict_format(w, v)));
                break;
            }
            case COL_BAND: {
                const struct k3a_band *b = *(const struct k3a_band *const *)(const void *)p;
                if (b)
                    cell(w, worksheet_write_string(
                                 ws, xr, col,
                                 w->lang == K3A_LANG_EN ? b->label_en : b->label_id,
                                 band_format(w, b, 0)));
                else
                    cell(w, worksheet_write_blank(ws, xr, col, w->st.text));
                break;
            }
            }
        }
        xr++;
    }
    free(row);
    w->table_data = NULL;
    worksheet_freeze_panes(ws, r0 + head_rows, 0);
    if (xr > r0 + head_rows && !t->after)
        check(w, worksheet_autofilter(ws, r0, 0, xr - 1,
                                      (lxw_col_t)(t->n_cols - 1)));
    if (t->after && w->err == LXW_NO_ERROR)
        t->after(w, ws, xr + 1, r0 + head_rows, xr - 1);
    {
        double px = 0;
        for (c = 0; c < t->n_cols; c++)
            px += col_px(t->cols[c].width);
        (void)landscape;
        page_setup(w, ws, px, r0 + head_rows - 1, 0);
    }
}

/* Adds the table's sheet and writes its rows. */
static void write_table(struct wctx *w, const struct table_spec *t, int landscape)
{
    lxw_worksheet *ws = workbook_add_worksheet(w->wb, k3a_text(w->lang, t->sheet));

    if (!ws) {
        check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    fill_table(w, ws, t, landscape);
}

/* ---- Ringkasan / Summary -------------------------------------------------- */

static void kv(struct wctx *w, lxw_worksheet *ws, lxw_row_t *row,
               const char *label, const char *value)
{
    cell(w, worksheet_write_string(ws, *row, 0, label, w->st.label));
    if (value && *value)
        cell(w, worksheet_write_string(ws, *row, 1, value, NULL));
    (*row)++;
}

static void date_text(struct k3a_date d, char *buf, size_t n)
{
    if (d.y)
        snprintf(buf, n, "%04d-%02d-%02d", d.y, d.m, d.d);
    else
        buf[0] = '\0';
}

/* ---- Perubahan / Changes (audit history, history.h) ------------------------ */

/* One line on Ringkasan: what improved and what got worse since the last
 * inspection.  Returns the next row. */
static lxw_row_t summary_changes_line(struct wctx *w, lxw_worksheet *ws, lxw_row_t row)
{
    const struct k3a_changes *c = w->o->changes;

    if (!c || !c->has_previous)
        return row;
    {
        /* the line in words comes from the history (changes.c) */
        char label[160];
        snprintf(label, sizeof(label), "%s (%s)", TX(w, CHG_LINE), c->prev_date);
        cell(w, worksheet_write_string(ws, row, 0, label, w->st.label));
        cell(w, worksheet_write_string(ws, row, 1, c->summary ? c->summary : "", w->st.wrap));
    }
    return row + 2;
}

struct change_row {
    const char *what, *kind, *element, *check, *before, *after, *reason;
    char before_buf[128], after_buf[128], reason_buf[600];
};

/* The reason's "(pass)", "(fail)", "(warn)" in the report's language. */
static const char *reason_text(struct wctx *w, const char *in, char *buf, size_t n)
{
    static const char *const verdicts[] = { "(pass)", "(fail)", "(warn)" };
    static const enum k3a_verdict vv[] = { K3A_PASS, K3A_FAIL, K3A_WARN };
    size_t len = 0, i;

    while (*in && len + 1 < n) {
        int hit = 0;
        for (i = 0; i < 3 && !hit; i++)
            if (strncmp(in, verdicts[i], strlen(verdicts[i])) == 0) {
                int wr = snprintf(buf + len, n - len, "(%s)", verdict_text(w, vv[i]));
                if (wr > 0 && (size_t)wr < n - len)
                    len += (size_t)wr;
                in += strlen(verdicts[i]);
                hit = 1;
            }
        if (!hit)
            buf[len++] = *in++;
    }
    buf[len] = '\0';
    return buf;
}

/* A change's "VALUE UNIT (verdict)" or "level (P S)" in the report's
 * language. */
static const char *change_text(struct wctx *w, const char *in, char *buf, size_t n)
{
    static const char *const verdicts[] = { "pass", "fail", "warn" };
    static const enum k3a_verdict vv[] = { K3A_PASS, K3A_FAIL, K3A_WARN };
    const struct k3a_risk_profile *p = &w->r->profile;
    size_t i, len = strlen(in);

    for (i = 0; i < 3; i++) {
        size_t k = strlen(verdicts[i]);
        if (strcmp(in, verdicts[i]) == 0) {
            snprintf(buf, n, "%s", verdict_text(w, vv[i]));
            return buf;
        }
        if (len > k + 2 && in[len - 1] == ')' && in[len - k - 2] == '(' &&
            strncmp(in + len - k - 1, verdicts[i], k) == 0) {
            snprintf(buf, n, "%.*s(%s)", (int)(len - k - 2), in, verdict_text(w, vv[i]));
            return buf;
        }
    }
    for (i = 0; w->r->has_profile && p->file && i < p->file->n_bands; i++) {
        const struct k3a_band *b = &p->file->bands[i];
        const char *name = k3a_risk_level_name(b->level);
        size_t k = strlen(name);
        if (strncmp(in, name, k) == 0 && (in[k] == ' ' || in[k] == '\0')) {
            snprintf(buf, n, "%s%s", w->lang == K3A_LANG_EN ? b->label_en : b->label_id,
                     in + k);
            return buf;
        }
    }
    return in;
}

static int change_row(struct wctx *w, size_t i, void *out)
{
    static const enum k3a_text_id kinds[] = { K3A_T_CHG_NEW, K3A_T_CHG_CLOSED,
                                              K3A_T_CHG_WORSE, K3A_T_CHG_BETTER,
                                              K3A_T_CHG_SAME };
    static const enum k3a_text_id whats[] = { K3A_T_CHG_FINDING, K3A_T_CHG_RISK,
                                              K3A_T_CHG_MEAS };
    const struct k3a_changes *c = w->table_data;
    const struct k3a_change *x = &c->v[i];
    struct change_row *row = out;

    row->what = k3a_text(w->lang, whats[x->what]);
    row->kind = k3a_text(w->lang, kinds[x->kind]);
    row->element = x->element;
    row->check = w->lang == K3A_LANG_EN ? x->check : x->check_id;
    if (x->what == K3A_CHG_FINDING && x->finding >= 0 &&
        (size_t)x->finding < w->r->n_findings) {
        /* what was checked, as the Temuan sheet says it */
        const char *t = k3a_finding_title(&w->r->findings[x->finding], w->lang);
        if (t && *t)
            row->check = t;
    }
    if (x->what == K3A_CHG_MEASUREMENT)
        row->check = strcmp(x->check, "min_Mohm") == 0 ? TX(w, CHG_Q_IR) : TX(w, CHG_Q_EARTH);
    row->before = change_text(w, x->before, row->before_buf, sizeof(row->before_buf));
    row->after = change_text(w, x->after, row->after_buf, sizeof(row->after_buf));
    row->reason = reason_text(w, x->reason, row->reason_buf, sizeof(row->reason_buf));
    return 0;
}

static lxw_row_t changes_before(struct wctx *w, lxw_worksheet *ws, lxw_row_t row,
                                lxw_col_t width)
{
    const struct k3a_changes *c = w->table_data;
    char buf[160];

    (void)width;
    snprintf(buf, sizeof(buf), "%s %s (SHA-256 %.16s...)", TX(w, CHG_SINCE), c->prev_date,
             c->prev_sha256);
    cell(w, worksheet_write_string(ws, row, 0, buf, w->st.label));
    return row + 2;
}

/* clang-format off */
#define CG(h, wd, field) { K3A_T_##h, "", wd, COL_TEXT, offsetof(struct change_row, field), 0 }
static const struct col_spec change_cols[] = {
    CG(CHG_ITEM,   12, what),
    CG(CHG_WHAT,   11, kind),
    CG(ELEMENT,    26, element),
    CG(CHECK,      48, check),
    CG(CHG_BEFORE, 22, before),
    CG(CHG_AFTER,  22, after),
    CG(CHG_REASON, 60, reason),
};
#undef CG
/* clang-format on */

/* The Perubahan / Changes sheet, right after Ringkasan, when the history
 * holds an earlier audit of the site. */
static void write_changes(struct wctx *w)
{
    const struct k3a_changes *c = w->o->changes;
    struct table_spec t;

    if (!c || !c->has_previous)
        return;
    memset(&t, 0, sizeof(t));
    t.sheet = K3A_T_SH_CHANGES;
    t.cols = change_cols;
    t.n_cols = NCOLS(change_cols);
    t.row_size = sizeof(struct change_row);
    t.n_rows = c->n;
    t.row = change_row;
    t.data = c;
    t.before = changes_before;
    write_table(w, &t, 1);
}

static void write_summary(struct wctx *w)
{
    static const char *const insp_id[] = { "awal / pertama", "berkala",
                                           "setelah perubahan",
                                           "setelah kecelakaan" };
    static const char *const insp_en[] = { "initial", "periodic",
                                           "after change", "after incident" };
    static const char *const es[] = { "TN-S", "TN-C", "TN-C-S", "TT", "IT" };
    const struct k3a_site *s = w->r->site;
    const struct k3a_site_info *si = &s->site;
    lxw_worksheet *ws = workbook_add_worksheet(w->wb, TX(w, SH_SUMMARY));
    char buf[256], hex[65];
    lxw_row_t row;
    size_t k;

    if (!ws) {
        check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    check(w, worksheet_set_column(ws, 0, 0, 30, NULL));
    check(w, worksheet_set_column(ws, 1, 1, 50, NULL));
    check(w, worksheet_set_column(ws, 2, 3, 13, NULL));
    row = sheet_head(w, ws, K3A_T_SH_SUMMARY, 4);
    cell(w, worksheet_write_string(ws, row++, 0, TX(w, TITLE), w->st.subtitle));
    row++;
    if (k3a_site_count(s, K3A_KIND_SCENARIO)) {
        kv(w, ws, &row, TX(w, SCENARIO), s->scenario.title);
        kv(w, ws, &row, TX(w, STORY), s->scenario.story);
        kv(w, ws, &row, TX(w, TASK), s->scenario.task);
        row++;
    }
    kv(w, ws, &row, TX(w, SITE), si->name);
    kv(w, ws, &row, TX(w, COMPANY), si->company);
    kv(w, ws, &row, TX(w, ADDRESS), si->address);
    kv(w, ws, &row, TX(w, AUDITOR), si->auditor);
    kv(w, ws, &row, TX(w, LICENCE), si->auditor_licence);
    kv(w, ws, &row, TX(w, BODY), si->inspection_body);
    kv(w, ws, &row, TX(w, INSP_TYPE),
       (w->lang == K3A_LANG_EN ? insp_en : insp_id)[si->inspection_type]);
    date_text(si->audit_date, buf, sizeof(buf));
    kv(w, ws, &row, TX(w, AUDIT_DATE), buf);
    date_text(si->previous_inspection, buf, sizeof(buf));
    kv(w, ws, &row, TX(w, PREV_INSP), buf);
    kv(w, ws, &row, TX(w, PERMIT), si->permit_no);
    kv(w, ws, &row, TX(w, EARTH_SYS), es[si->earthing_system]);
    kv(w, ws, &row, TX(w, LIMITS),
       w->r->limits && w->r->limits->meta.title ? w->r->limits->meta.title
                                                : si->limits);
    row++;
    cell(w, worksheet_write_string(ws, row, 0, TX(w, VERDICT), w->st.label));
    /* site-format 9 Conclusion: any FAIL or any extreme risk as found */
    if (k3a_results_conclusion(w->r) == K3A_FAIL)
        cell(w, worksheet_write_string(ws, row, 1, TX(w, C_FAIL), w->st.fail));
    else if (k3a_results_conclusion(w->r) == K3A_WARN)
        cell(w, worksheet_write_string(ws, row, 1, TX(w, C_WARN), w->st.warn));
    else if (k3a_results_conclusion(w->r) == K3A_PASS)
        cell(w, worksheet_write_string(ws, row, 1, TX(w, C_PASS), w->st.pass));
    else
        cell(w, worksheet_write_string(ws, row, 1, TX(w, V_NONE), NULL));
    row += 2;
    row = summary_changes_line(w, ws, row);
    cell(w, worksheet_write_string(ws, row, 0, TX(w, FIND_COUNTS), w->st.head));
    cell(w, worksheet_write_string(ws, row++, 1, TX(w, NUMBER), w->st.head));
    cell(w, worksheet_write_string(ws, row, 0, TX(w, V_FAIL), w->st.text));
    cell(w, write_number(ws, row++, 1, (double)w->r->n_fail, w->st.num0));
    cell(w, worksheet_write_string(ws, row, 0, TX(w, V_WARN), w->st.text));
    cell(w, write_number(ws, row++, 1, (double)w->r->n_warn, w->st.num0));
    cell(w, worksheet_write_string(ws, row, 0, TX(w, V_PASS), w->st.text));
    cell(w, write_number(ws, row++, 1, (double)w->r->n_pass, w->st.num0));
    cell(w, worksheet_write_string(ws, row, 0, TX(w, WARN_COUNT), w->st.text));
    cell(w, write_number(ws, row++, 1,
                                    w->o->diags ? (double)w->o->diags->n_warnings : 0,
                                    w->st.num0));
    row++;
    if (w->r->has_profile) {
        /* the register as found and after the proposed controls */
        const struct k3a_risk_profile *p = &w->r->profile;
        size_t before[4] = { 0 }, after[4] = { 0 }, i, shown = 0;
        int lv;
        for (i = 0; i < w->r->n_risks; i++) {
            if (w->r->risks[i].band)
                before[w->r->risks[i].band->level]++;
            if (w->r->risks[i].band_after)
                after[w->r->risks[i].band_after->level]++;
        }
        cell(w, worksheet_write_string(ws, row, 0, TX(w, RISK), w->st.head));
        cell(w, worksheet_write_string(ws, row, 1, TX(w, AS_FOUND), w->st.head));
        cell(w, worksheet_write_string(ws, row++, 2, TX(w, LEVEL2), w->st.head));
        for (lv = 3; lv >= 0; lv--) {
            const struct k3a_band *b = NULL;
            for (i = 0; p->file && i < p->file->n_bands; i++)
                if ((int)p->file->bands[i].level == lv)
                    b = &p->file->bands[i];
            if (!b)
                continue;
            cell(w, worksheet_write_string(ws, row, 0,
                                            w->lang == K3A_LANG_EN ? b->label_en
                                                                   : b->label_id,
                                            band_format(w, b, 0)));
            cell(w, write_number(ws, row, 1, (double)before[lv], w->st.num0));
            cell(w, write_number(ws, row++, 2, (double)after[lv], w->st.num0));
        }
        row++;
        cell(w, worksheet_write_string(ws, row, 0, TX(w, TOP_RISKS), w->st.head));
        cell(w, worksheet_write_string(ws, row++, 1, TX(w, HAZARD), w->st.head));
        for (lv = 3; lv >= 0 && shown < 8; lv--)
            for (i = 0; i < w->r->n_risks && shown < 8; i++) {
                const struct k3a_risk *q = &w->r->risks[i];
                if (!q->band || (int)q->band->level != lv)
                    continue;
                const char *hz = w->lang == K3A_LANG_EN ? q->hazard_en : q->hazard_id;
                double nl;
                char eb[200];
                snprintf(buf, sizeof(buf), "%s  P%d S%d  %s", q->id, q->likelihood,
                         q->severity, k3a_element_text(q->element, w->lang, eb, sizeof(eb)));
                nl = text_lines(buf, 30, 1);
                if (text_lines(hz, 50, 0) > nl)
                    nl = text_lines(hz, 50, 0);
                check(w, worksheet_set_row(ws, row, 15.0 * nl, NULL));
                cell(w, worksheet_write_string(ws, row, 0, buf,
                                                band_format(w, q->band, 0)));
                cell(w, worksheet_write_string(ws, row++, 1,
                                                w->lang == K3A_LANG_EN ? q->hazard_en
                                                                       : q->hazard_id,
                                                w->st.wrap));
                shown++;
            }
        row++;
    }
    {
        /* key numbers */
        const struct k3a_results *r = w->r;
        double ik = NAN, arc = NAN;
        const char *arc_bus = "";
        size_t i;
        for (i = 0; r->sc.has_case[K3A_CASE_MAX] && i < s->n_buses; i++)
            if (r->sc.bus[K3A_CASE_MAX][i].energized &&
                (isnan(ik) || r->sc.bus[K3A_CASE_MAX][i].ik3_kA > ik))
                ik = r->sc.bus[K3A_CASE_MAX][i].ik3_kA;
        for (i = 0; r->arc && i < s->n_buses; i++)
            if (r->arc[i].available && (isnan(arc) || r->arc[i].out.energy_cal_cm2 > arc)) {
                arc = r->arc[i].out.energy_cal_cm2;
                arc_bus = s->buses[i].hdr.name;
            }
        /* numbers stored as numbers, their unit in the format */
        lxw_format *fk[5];
        static const char *const kf[5] = { "#,##0.00\" kA\"", "#,##0.00\" cal/cm²\"",
                                           "#,##0\" kWh\"", "\"Rp \"#,##0",
                                           "#,##0.0\" t CO₂\"" };
        for (i = 0; i < 5; i++) {
            fk[i] = fmt(w);
            if (!fk[i])
                return;
            format_set_num_format(fk[i], kf[i]);
            format_set_align(fk[i], LXW_ALIGN_LEFT);
        }
        cell(w, worksheet_write_string(ws, row, 0, TX(w, KEY_NUMBERS), w->st.head));
        cell(w, worksheet_write_string(ws, row++, 1, "", w->st.head));
        if (isfinite(ik)) {
            cell(w, worksheet_write_string(ws, row, 0, TX(w, MAX_IK), w->st.label));
            cell(w, write_number(ws, row++, 1, ik, fk[0]));
        }
        if (isfinite(arc)) {
            cell(w, worksheet_write_string(ws, row, 0, TX(w, WORST_ARC), w->st.label));
            cell(w, write_number(ws, row, 1, arc, fk[1]));
            cell(w, worksheet_write_string(ws, row++, 2, arc_bus, NULL));
        }
        if (r->has_energy && r->energy.annual_kWh > 0) {
            cell(w, worksheet_write_string(ws, row, 0, TX(w, E_ANNUAL), w->st.label));
            cell(w, write_number(ws, row++, 1, r->energy.annual_kWh, fk[2]));
            if (r->energy.annual_cost_Rp > 0) {
                cell(w, worksheet_write_string(ws, row, 0, TX(w, E_COST), w->st.label));
                cell(w, write_number(ws, row++, 1, r->energy.annual_cost_Rp, fk[3]));
                /* A10: the cost's basis, and its gap to the bills as paid */
                if (r->energy.tariff && r->energy.bills_cost_given_Rp > 0) {
                    char note[400], paid[40];
                    const struct k3a_energy_res *e = &r->energy;
                    double yearly = e->n_months ? e->bills_cost_given_Rp * 12.0 /
                                                      (double)e->n_months
                                                : e->bills_cost_given_Rp;
                    char pct[24], *dp;
                    grouped_int(paid, sizeof(paid), yearly, w->lang);
                    k3a__fmt(pct, sizeof(pct), "%+.1f",
                             100.0 * (e->annual_cost_Rp - yearly) / yearly);
                    if (w->lang != K3A_LANG_EN && (dp = strchr(pct, '.')) != NULL)
                        *dp = ',';
                    k3a__fmt(note, sizeof(note),
                             w->lang == K3A_LANG_EN
                                 ? "Tariff %s applied to the billed kWh; the bills as paid come "
                                   "to Rp %s a year (model %s %%): the model's rates can "
                                   "differ from those PLN billed (tariff adjustment, charges)."
                                 : "Tarif %s diterapkan pada kWh rekening; rekening yang "
                                   "dibayar Rp %s setahun (model %s %%): tarif model dapat "
                                   "berbeda dari yang ditagihkan PLN (penyesuaian tarif, "
                                   "biaya lain).",
                             e->tariff->hdr.name, paid, pct);
                    check(w, worksheet_set_row(ws, row, 30, NULL));
                    check(w, worksheet_merge_range(ws, row, 0, row, 3, note, w->st.wrap));
                    row++;
                }
            }
            if (r->energy.co2_t > 0) {
                cell(w, worksheet_write_string(ws, row, 0, TX(w, CO2_ANNUAL), w->st.label));
                cell(w, write_number(ws, row++, 1, r->energy.co2_t, fk[4]));
            }
        }
        row++;
    }
    /* element counts, two kinds a row */
    cell(w, worksheet_write_string(ws, row, 0, TX(w, COUNTS), w->st.head));
    cell(w, worksheet_write_string(ws, row, 1, TX(w, NUMBER), w->st.head));
    cell(w, worksheet_write_string(ws, row, 2, TX(w, COUNTS), w->st.head));
    cell(w, worksheet_write_string(ws, row++, 3, TX(w, NUMBER), w->st.head));
    {
        int half = 0;
        for (k = K3A_KIND_SUPPLY; k < K3A_KIND_COUNT; k++) {
            size_t n = k3a_site_count(s, (enum k3a_kind)k);
            if (!n || k == K3A_KIND_VARIANT)
                continue;
            cell(w, worksheet_write_string(ws, row, (lxw_col_t)(2 * half),
                                            kind_label(w, (enum k3a_kind)k), w->st.text));
            cell(w, write_number(ws, row, (lxw_col_t)(2 * half + 1), (double)n,
                                 w->st.num0));
            if (half)
                row++;
            half = !half;
        }
        if (half)
            row++;
    }
    row++;
    /* D25: the file's name, never the folder it was run from */
    kv(w, ws, &row, TX(w, INPUT_FILE), base_name(s->path));
    k3a__hex(s->sha256, 32, hex);
    kv(w, ws, &row, TX(w, INPUT_SHA), hex);
    kv(w, ws, &row, TX(w, VERSION), w->o->version);
    row++;
    cell(w, worksheet_write_string(ws, row, 0, TX(w, NOTICE), w->st.subtitle));
    page_setup(w, ws, col_px(30) + col_px(50) + 2 * col_px(13), 0, 1);
}

/* ---- Pengesahan / Attestation: scope, conclusion, three signatures ---- */

static void write_attestation(struct wctx *w)
{
    const struct k3a_site_info *si = &w->r->site->site;
    lxw_worksheet *ws = workbook_add_worksheet(w->wb, TX(w, SH_SIGN));
    lxw_format *box, *sigline, *role;
    lxw_row_t row;
    char buf[512], date[16];
    int k;

    if (!ws) {
        check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    box = fmt(w);
    sigline = fmt(w);
    role = fmt(w);
    if (w->err != LXW_NO_ERROR)
        return;
    format_set_text_wrap(box);
    format_set_align(box, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(box, LXW_BORDER_THIN);
    format_set_top(sigline, LXW_BORDER_THIN);
    format_set_align(sigline, LXW_ALIGN_CENTER);
    format_set_text_wrap(sigline);
    format_set_bold(role);
    format_set_align(role, LXW_ALIGN_CENTER);
    format_set_text_wrap(role);
    format_set_align(role, LXW_ALIGN_VERTICAL_TOP);
    check(w, worksheet_set_column(ws, 0, 0, 22, NULL));
    check(w, worksheet_set_column(ws, 1, 1, 28, NULL));
    check(w, worksheet_set_column(ws, 2, 2, 3, NULL));
    check(w, worksheet_set_column(ws, 3, 3, 28, NULL));
    check(w, worksheet_set_column(ws, 4, 4, 3, NULL));
    check(w, worksheet_set_column(ws, 5, 5, 28, NULL));
    row = sheet_head(w, ws, K3A_T_SH_SIGN, 6);
    cell(w, worksheet_write_string(ws, row++, 0, TX(w, TITLE), w->st.subtitle));
    row++;
#define KV(lab_, val_)                                                       \
    do {                                                                     \
        const char *v_ = (val_);                                             \
        cell(w, worksheet_write_string(ws, row, 0, lab_, w->st.label));      \
        check(w, worksheet_merge_range(ws, row, 1, row, 5, v_ ? v_ : "", NULL)); \
        row++;                                                               \
    } while (0)
    KV(TX(w, REPORT_NO), si->report_no);
    KV(TX(w, SITE), si->name);
    KV(TX(w, COMPANY), si->company);
    KV(TX(w, ADDRESS), si->address);
    date_text(si->audit_date, date, sizeof(date));
    KV(TX(w, AUDIT_DATE), date);
    KV(TX(w, PERMIT), si->permit_no);
#undef KV
    row++;
    {
        const char *scope = si->scope ? si->scope : TX(w, SCOPE_DEFAULT);
        cell(w, worksheet_write_string(ws, row, 0, TX(w, SCOPE), w->st.label));
        check(w, worksheet_set_row(ws, row, 15.0 * text_lines(scope, 28 * 3 + 6, 0), NULL));
        check(w, worksheet_merge_range(ws, row, 1, row, 5, scope, box));
        row += 2;
    }
    cell(w, worksheet_write_string(ws, row, 0, TX(w, VERDICT), w->st.label));
    /* site-format 9 Conclusion: any FAIL or any extreme risk as found */
    switch (k3a_results_conclusion(w->r)) {
    case K3A_FAIL:
        cell(w, worksheet_write_string(ws, row, 1, TX(w, C_FAIL), w->st.fail));
        break;
    case K3A_WARN:
        cell(w, worksheet_write_string(ws, row, 1, TX(w, C_WARN), w->st.warn));
        break;
    case K3A_PASS:
        cell(w, worksheet_write_string(ws, row, 1, TX(w, C_PASS), w->st.pass));
        break;
    default:
        cell(w, worksheet_write_string(ws, row, 1, TX(w, V_NONE), w->st.text));
        break;
    }
    snprintf(buf, sizeof(buf), "%s: %zu; %s: %zu; %s: %zu", TX(w, V_FAIL), w->r->n_fail,
             TX(w, V_WARN), w->r->n_warn, TX(w, V_PASS), w->r->n_pass);
    check(w, worksheet_merge_range(ws, row, 3, row, 5, buf, NULL));
    row += 2;
    check(w, worksheet_set_row(ws, row, 15.0 * text_lines(TX(w, ATTEST), 28 * 4 + 8, 0), NULL));
    check(w, worksheet_merge_range(ws, row, 0, row, 5, TX(w, ATTEST), w->st.wrap));
    row += 2;
    k3a__fmt(buf, sizeof(buf), "%s%s%s", si->sign_place ? si->sign_place : "",
             si->sign_place ? ", " : "", date);
    cell(w, worksheet_write_string(ws, row, 0, TX(w, PLACE_DATE), w->st.label));
    check(w, worksheet_merge_range(ws, row, 1, row, 5, buf, NULL));
    row += 2;
    /* three signatures side by side: role, space to sign, name, detail */
    {
        static const enum k3a_text_id roles[3] = { K3A_T_SIGN_TESTER, K3A_T_SIGN_BODY,
                                                   K3A_T_SIGN_COMPANY };
        const char *names[3], *detail[3];
        char lic[160];
        lxw_col_t col[3] = { 0, 3, 5 };
        k3a__fmt(lic, sizeof(lic), "%s %s", TX(w, LICENCE),
                 si->auditor_licence ? si->auditor_licence : "");
        names[0] = si->auditor;
        detail[0] = lic;
        /* D25: the body's head signs over its stamp; the body is named
         * with the role, the name and NIP line left to fill in */
        names[1] = NULL;
        detail[1] = TX(w, SIGN_HEAD_NIP);
        names[2] = si->company_rep;
        detail[2] = si->company_rep_title ? si->company_rep_title : si->company;
        check(w, worksheet_set_row(ws, row, 45, NULL));
        for (k = 0; k < 3; k++) {
            if (k == 0)
                check(w, worksheet_merge_range(ws, row, 0, row, 1, TX(w, SIGN_TESTER), role));
            else if (k == 1 && si->inspection_body && *si->inspection_body) {
                k3a__fmt(buf, sizeof(buf), "%s\n%s", k3a_text(w->lang, roles[k]),
                         si->inspection_body);
                cell(w, worksheet_write_string(ws, row, col[k], buf, role));
            } else
                cell(w, worksheet_write_string(ws, row, col[k], k3a_text(w->lang, roles[k]),
                                                role));
        }
        row++;
        check(w, worksheet_set_row(ws, row, 90, NULL)); /* signature and stamp */
        row++;
        for (k = 0; k < 3; k++) {
            k3a__fmt(buf, sizeof(buf), "( %s )", names[k] && *names[k] ? names[k]
                                                  : "                              ");
            if (k == 0)
                check(w, worksheet_merge_range(ws, row, 0, row, 1, buf, sigline));
            else
                cell(w, worksheet_write_string(ws, row, col[k], buf, sigline));
        }
        row++;
        check(w, worksheet_set_row(ws, row, 30, NULL));
        for (k = 0; k < 3; k++) {
            if (k == 0)
                check(w, worksheet_merge_range(ws, row, 0, row, 1, detail[k] ? detail[k] : "",
                                               role));
            else
                cell(w, worksheet_write_string(ws, row, col[k], detail[k] ? detail[k] : "",
                                                role));
        }
        row += 2;
    }
    /* A14: the note about the program is on Ringkasan, not under the
     * signatures it would seem to qualify */
    page_setup(w, ws, col_px(22) + 3 * col_px(28) + 2 * col_px(3), 0, 1);
}

/* ---- Temuan / Findings ----------------------------------------------------- */

struct finding_row {
    const char *id, *element, *title, *unit, *clause, *action, *target, *owner;
    const struct k3a_band *priority;
    double measured;
    int measured_dec; /* follows measured (COL_NUM_DEC) */
    double limit;
    int limit_dec; /* follows limit (COL_NUM_DEC) */
    enum k3a_verdict verdict;
    char target_buf[16];
    char measured_text[8];
    char element_buf[160], title_buf[400], clause_buf[400];
};

/* Groups the passing findings by check (pass_groups_free releases). */
static void pass_groups_init(struct wctx *w)
{
    enum { SLOTS = 1024 };
    const struct k3a_results *r = w->r;
    int32_t slot[SLOTS];
    size_t i, cap = 0;

    w->pg = NULL;
    w->n_pg = 0;
    w->pg_of = malloc((r->n_findings + 1) * sizeof(*w->pg_of));
    if (!w->pg_of)
        return; /* every finding gets its own row */
    memset(slot, 0xff, sizeof(slot));
    for (i = 0; i < r->n_findings; i++) {
        const struct k3a_finding *f = &r->findings[i];
        const unsigned char *c = (const unsigned char *)f->check;
        uint32_t h = 2166136261u; /* FNV-1a */
        size_t j;
        struct pass_group *g;

        w->pg_of[i] = -1;
        /* a pass the risk register cites as a source (an arc-flash energy,
         * say) keeps its own row, so the IBPR sheet's reference is found */
        if (f->verdict != K3A_PASS || f->cited)
            continue;
        while (*c)
            h = (h ^ *c++) * 16777619u;
        for (j = h % SLOTS; slot[j] >= 0 && strcmp(w->pg[slot[j]].check, f->check);
             j = (j + 1) % SLOTS)
            ;
        if (slot[j] < 0) {
            if (w->n_pg >= SLOTS / 2)
                continue; /* absurdly many kinds of check: list them */
            if (w->n_pg == cap) {
                void *p = realloc(w->pg, (cap = cap * 2 + 32) * sizeof(*w->pg));
                if (!p)
                    continue;
                w->pg = p;
            }
            slot[j] = (int32_t)w->n_pg;
            g = &w->pg[w->n_pg++];
            memset(g, 0, sizeof(*g));
            g->check = f->check;
            g->first = i;
        }
        g = &w->pg[slot[j]];
        if (!g->mixed && strcmp(f->clause, r->findings[g->first].clause) != 0)
            g->mixed = 1;
        if (g->n < sizeof(g->ex) / sizeof(g->ex[0]))
            g->ex[g->n] = i;
        g->n++;
        w->pg_of[i] = slot[j];
    }
}

static void pass_groups_free(struct wctx *w)
{
    free(w->pg);
    free(w->pg_of);
    w->pg = NULL;
    w->pg_of = NULL;
}

/* For each finding, the first risk of the register that cites it (-1
 * none): its control is the finding's recommendation, its band the
 * priority and its due date the target. */
static void risk_of_init(struct wctx *w)
{
    const struct k3a_results *r = w->r;
    size_t k;

    w->risk_of = malloc((r->n_findings + 1) * sizeof(*w->risk_of));
    if (!w->risk_of)
        return;
    memset(w->risk_of, 0xff, (r->n_findings + 1) * sizeof(*w->risk_of));
    for (k = 0; k < r->n_risks; k++) {
        const char *p = r->risks[k].source;
        while (p && *p) {
            if (*p == 'F') {
                char *end;
                unsigned long n = strtoul(p + 1, &end, 10);
                if (end > p + 1 && n >= 1 && n <= r->n_findings &&
                    strncmp(r->findings[n - 1].id, p, (size_t)(end - p)) == 0 &&
                    w->risk_of[n - 1] < 0)
                    w->risk_of[n - 1] = (int32_t)k;
                p = end;
            } else
                p++;
        }
    }
}

/* d plus n days. */
static struct k3a_date date_add(struct k3a_date d, int n)
{
    static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

    while (n-- > 0 && d.y) {
        int ml = mdays[d.m - 1] +
                 (d.m == 2 && ((d.y % 4 == 0 && d.y % 100 != 0) || d.y % 400 == 0));
        if (++d.d > ml) {
            d.d = 1;
            if (++d.m > 12) {
                d.m = 1;
                d.y++;
            }
        }
    }
    return d;
}

/* The recommendation, priority and target date of a FAIL or WARN: from
 * the risk that cites it, else by verdict (a FAIL at the profile's high
 * band, a WARN at its medium one, each with that band's days). */
static void finding_action(struct wctx *w, size_t i, struct finding_row *row)
{
    const struct k3a_results *r = w->r;
    const struct k3a_finding *f = &r->findings[i];
    int32_t k = w->risk_of ? w->risk_of[i] : -1;
    struct k3a_date due = { 0, 0, 0 };

    if (k >= 0) {
        const struct k3a_risk *q = &r->risks[k];
        row->action = w->lang == K3A_LANG_EN ? q->control_en : q->control_id;
        row->owner = q->owner;
        row->priority = q->band;
        due = q->due;
    }
    /* A4: every FAIL and WARN says what to do and who does it, also one
     * no risk of the register cites */
    if (!row->action || !*row->action)
        row->action = k3a_check_action(f->check, f->verdict == K3A_FAIL, w->lang,
                                       row->owner ? NULL : &row->owner);
    else if (!row->owner)
        k3a_check_action(f->check, f->verdict == K3A_FAIL, w->lang, &row->owner);
    if (!row->priority && r->has_profile && r->profile.file) {
        size_t b;
        unsigned want = f->verdict == K3A_FAIL ? 2 : 1;
        for (b = 0; b < r->profile.file->n_bands; b++)
            if ((unsigned)r->profile.file->bands[b].level == want)
                row->priority = &r->profile.file->bands[b];
    }
    if (!due.y && row->priority)
        due = date_add(r->site->site.audit_date, row->priority->due_days);
    if (due.y) {
        date_text(due, row->target_buf, sizeof(row->target_buf));
        row->target = row->target_buf;
    }
}

static int finding_row(struct wctx *w, size_t i, void *rowp)
{
    struct finding_row *row = rowp;
    const struct k3a_finding *f = &w->r->findings[i];
    int32_t g = w->pg_of ? w->pg_of[i] : -1;

    if (g >= 0 && w->pg[g].n > PASS_ROWS_MAX) {
        const struct pass_group *pg = &w->pg[g];
        size_t k, len;
        if (pg->first != i)
            return 1;
        snprintf(row->element_buf, sizeof(row->element_buf), "%zu %s", pg->n,
                 TX(w, ELEMENTS));
        len = (size_t)snprintf(row->title_buf, sizeof(row->title_buf), "%s: %s %zu %s, %s",
                               f->check, TX(w, PASS_AT), pg->n, TX(w, ELEMENTS),
                               TX(w, FOR_EXAMPLE));
        for (k = 0; k < sizeof(pg->ex) / sizeof(pg->ex[0]) && len < sizeof(row->title_buf);
             k++)
            len += (size_t)snprintf(row->title_buf + len, sizeof(row->title_buf) - len,
                                    "%s%s", k ? ", " : " ",
                                    w->r->findings[pg->ex[k]].element);
        if (len < sizeof(row->title_buf))
            snprintf(row->title_buf + len, sizeof(row->title_buf) - len, " ... (%s)",
                     TX(w, PASS_DETAIL));
        row->id = f->id;
        row->element = row->element_buf;
        row->title = row->title_buf;
        row->measured = row->limit = NAN;
        row->unit = "";
        row->verdict = K3A_PASS;
        row->clause = f->clause;
        if (pg->mixed) {
            snprintf(row->clause_buf, sizeof(row->clause_buf), "%s (%s)", f->clause,
                     TX(w, AND_OTHERS));
            row->clause = row->clause_buf;
        }
        return 0;
    }
    row->id = f->id;
    row->element = k3a_element_text(f->element, w->lang, row->element_buf,
                                    sizeof(row->element_buf));
    row->title = k3a_finding_title(f, w->lang);
    row->measured = f->has_measured ? f->measured : NAN;
    row->limit = f->has_limit ? f->limit : NAN;
    /* site-format 9: the number shown never contradicts the verdict:
     * 5.004 s against 5 s is shown as 5.004, not 5.00 */
    pair_dec(row->measured, row->limit, 2, &row->measured_dec, &row->limit_dec);
    row->unit = f->unit;
    row->verdict = f->verdict;
    row->clause = f->clause;
    if (f->verdict != K3A_PASS)
        finding_action(w, i, row);
    return 0;
}

/* clang-format off */
#define FC(h, u, wd, k, field, d) { K3A_T_##h, u, wd, k, offsetof(struct finding_row, field), d }
static const struct col_spec finding_cols[] = {
    FC(NO,          "",  8, COL_TEXT,    id,       0),
    FC(ELEMENT,     "", 20, COL_TEXT,    element,  0),
    FC(DESCRIPTION, "", 42, COL_TEXT,    title,    0),
    FC(MEASURED,    "", 11, COL_NUM_DEC, measured, 2),
    FC(LIMIT,       "", 11, COL_NUM_DEC, limit,    2),
    FC(UNIT,        "",  9, COL_TEXT,    unit,     0),
    FC(RESULT,      "", 16, COL_VERDICT, verdict,  0),
    FC(CLAUSE,      "", 36, COL_TEXT,    clause,   0),
    FC(ACTION_COL,  "", 30, COL_TEXT,    action,   0),
    FC(ACT_PRIORITY, "", 10, COL_BAND,   priority, 0),
    FC(TARGET_DATE, "", 11, COL_TEXT,    target,   0),
    FC(OWNER,       "", 16, COL_TEXT,    owner,    0),
};
#undef FC
/* clang-format on */

/* ---- Peringatan / Warnings ------------------------------------------------- */

struct diag_row {
    const char *element, *key, *message;
    double line;
};

static int diag_row(struct wctx *w, size_t i, void *rowp)
{
    struct diag_row *row = rowp;
    const struct k3a_diag *d = &w->o->diags->v[i];

    if (d->severity != K3A_WARNING)
        return 1;
    row->element = d->element;
    row->key = d->key;
    row->message = d->msg;
    row->line = d->line > 0 ? (double)d->line : (double)NAN;
    return 0;
}

/* clang-format off */
#define DC(h, u, wd, k, field, d) { K3A_T_##h, u, wd, k, offsetof(struct diag_row, field), d }
static const struct col_spec diag_cols[] = {
    DC(LINE,    "",  8, COL_NUM,  line,    0),
    DC(ELEMENT, "", 22, COL_TEXT, element, 0),
    DC(KEY,     "", 20, COL_TEXT, key,     0),
    DC(MESSAGE, "", 90, COL_TEXT, message, 0),
};
#undef DC
/* clang-format on */

/* ---- Hubung Singkat / Short circuit --------------------------------------- */

struct sc_row {
    const char *bus, *label, *device, *notes;
    double un, ikmax, ip, rx, kappa, ikmin, ik1, ikgen, tmax, tmin;
    char notes_buf[160];
};

static double pt(const struct k3a_results *r, int c, size_t i, int what)
{
    const struct k3a_sc_point *p;

    if (!r->sc.has_case[c] || !r->sc.bus[c])
        return NAN;
    p = &r->sc.bus[c][i];
    if (!p->energized)
        return NAN;
    switch (what) {
    case 0:
        return p->ik3_kA;
    case 1:
        return p->ip_kA;
    case 2:
        return p->r_over_x;
    case 3:
        return p->kappa;
    default:
        return p->has_ik1 ? p->ik1_kA : NAN;
    }
}

static int sc_row(struct wctx *w, size_t i, void *rowp)
{
    struct sc_row *row = rowp;
    const struct k3a_results *r = w->r;
    const struct k3a_site *s = r->site;
    const struct k3a_clearing *cmax = &r->prot[i].at_ik3[K3A_CASE_MAX];
    const struct k3a_clearing *cmin = &r->prot[i].at_ik3[K3A_CASE_MIN];
    size_t u = 0;

    row->bus = s->buses[i].hdr.name;
    row->label = s->buses[i].hdr.label;
    row->un = s->buses[i].voltage_kV;
    row->ikmax = pt(r, K3A_CASE_MAX, i, 0);
    row->ip = pt(r, K3A_CASE_MAX, i, 1);
    row->rx = pt(r, K3A_CASE_MAX, i, 2);
    row->kappa = pt(r, K3A_CASE_MAX, i, 3);
    row->ikmin = pt(r, K3A_CASE_MIN, i, 0);
    row->ik1 = pt(r, K3A_CASE_MIN, i, 4);
    row->ikgen = pt(r, K3A_CASE_GEN, i, 0);
    row->device = cmax->device >= 0 ? s->devices[cmax->device].hdr.name : "-";
    row->tmax = isfinite(row->ikmax) ? cmax->time_s : NAN;
    row->tmin = isfinite(row->ikmin) ? cmin->time_s : NAN;
    row->notes_buf[0] = '\0';
#define NOTE(txt)                                                            \
    u += (size_t)snprintf(row->notes_buf + u,                                \
                          u < sizeof(row->notes_buf) ? sizeof(row->notes_buf) - u : 0, \
                          "%s%s", u ? "; " : "", txt)
    if (cmax->capped)
        NOTE(w->lang == K3A_LANG_EN ? "no device clears within the longest arc duration"
                                    : "tidak diputus dalam lama busur maksimum");
    if (cmax->backup)
        NOTE(w->lang == K3A_LANG_EN ? "cleared by an upstream device"
                                    : "diputus gawai hulu");
    if (cmax->unknown)
        NOTE(w->lang == K3A_LANG_EN ? "a device lacks curve data"
                                    : "ada gawai tanpa data kurva");
    if (r->sc.meshed[K3A_CASE_MAX])
        NOTE(w->lang == K3A_LANG_EN ? "meshed network (nodal method)"
                                    : "jaringan bermata (metode nodal)");
#undef NOTE
    if (u >= sizeof(row->notes_buf))
        u = sizeof(row->notes_buf) - 1;
    row->notes = row->notes_buf;
    return 0;
}

/* clang-format off */
#define SC(h, u, wd, k, field, d) { K3A_T_##h, u, wd, k, offsetof(struct sc_row, field), d }
static const struct col_spec sc_cols[] = {
    SC(BUS,       "",    14, COL_TEXT, bus,    0),
    SC(LABEL,     "",    24, COL_TEXT, label,  0),
    SC(UN,        "kV",   7, COL_NUM,  un,     3),
    SC(IK_MAX,    "kA",  10, COL_NUM,  ikmax,  2),
    SC(IP,        "kA",   9, COL_NUM,  ip,     2),
    SC(RX,        "-",    7, COL_NUM,  rx,     3),
    SC(KAPPA,     "-",    7, COL_NUM,  kappa,  3),
    SC(IK_MIN,    "kA",  10, COL_NUM,  ikmin,  2),
    SC(IK1_MIN,   "kA",  10, COL_NUM,  ik1,    2),
    SC(IK_GEN,    "kA",  10, COL_NUM,  ikgen,  2),
    SC(CLEAR_DEV, "",    16, COL_TEXT, device, 0),
    SC(T_MAX,     "s",   11, COL_NUM,  tmax,   3),
    SC(T_MIN,     "s",   11, COL_NUM,  tmin,   3),
    SC(NOTES,     "",    36, COL_TEXT, notes,  0),
};
#undef SC
/* clang-format on */

/* ---- Proteksi / Protection: every device, breaking capacity ------------- */

struct dev_row {
    const char *device, *at, *protects, *type, *settings;
    double rating, breaking, prospective;
    enum k3a_verdict verdict;
    const char *verdict_text;
    char settings_buf[160];
};

static int dev_row(struct wctx *w, size_t i, void *rowp)
{
    static const char *const types[] = { "mcb", "mccb", "acb", "fuse", "relay" };
    static const char *const curves[] = { "B", "C", "D", "IEC_SI", "IEC_VI",
                                          "IEC_EI", "IEC_LTI", "IEEE_MI",
                                          "IEEE_VI", "IEEE_EI", "DT" };
    struct dev_row *row = rowp;
    const struct k3a_site *s = w->r->site;
    const struct k3a_device *d = &s->devices[i];
    size_t u = 0, n = sizeof(row->settings_buf);
    int given_b = k3a_elem_given(K3A_KIND_DEVICE, &d->hdr, "breaking_kA");

    row->device = d->hdr.name;
    row->at = d->at.name;
    row->protects = d->protects.name;
    row->type = types[d->type];
    row->rating = d->rating_A;
    row->breaking = given_b ? d->breaking_kA : NAN;
    row->prospective = d->at.idx >= 0 ? k3a_sc_max_ik3_kA(&w->r->sc, d->at.kind,
                                                          (size_t)d->at.idx)
                                      : NAN;
    if (!(row->prospective > 0))
        row->prospective = NAN;
#define SET(...)                                                             \
    do {                                                                     \
        if (u < n)                                                           \
            u += (size_t)snprintf(row->settings_buf + u, n - u, __VA_ARGS__); \
    } while (0)
    if (k3a_elem_given(K3A_KIND_DEVICE, &d->hdr, "curve")) {
        SET("%s", curves[d->curve]);
        if (d->curve > K3A_CURVE_D)
            SET(" Is=%g A TMS=%g", d->pickup_A, d->tms);
    }
    if (k3a_elem_given(K3A_KIND_DEVICE, &d->hdr, "short_time_A"))
        SET("%sST %g A/%g s", u ? "; " : "", d->short_time_A, d->short_time_s);
    if (k3a_elem_given(K3A_KIND_DEVICE, &d->hdr, "instantaneous_A"))
        SET("%sI>> %g A", u ? "; " : "", d->instantaneous_A);
    if (d->tcc.n)
        SET("%stcc %zu %s", u ? "; " : "", d->tcc.n,
            w->lang == K3A_LANG_EN ? "points" : "titik");
    if (k3a_elem_given(K3A_KIND_DEVICE, &d->hdr, "rcd_mA"))
        SET("%sIdn %g mA", u ? "; " : "", d->rcd_mA);
#undef SET
    row->settings = row->settings_buf;
    if (given_b && isfinite(row->prospective)) {
        row->verdict = d->breaking_kA < row->prospective ? K3A_FAIL : K3A_PASS;
    } else {
        row->verdict = K3A_WARN;
    }
    return 0;
}

/* clang-format off */
#define DV(h, u, wd, k, field, d) { K3A_T_##h, u, wd, k, offsetof(struct dev_row, field), d }
static const struct col_spec dev_cols[] = {
    DV(DEVICE,      "",   16, COL_TEXT,    device,      0),
    DV(AT,          "",   14, COL_TEXT,    at,          0),
    DV(PROTECTS,    "",   16, COL_TEXT,    protects,    0),
    DV(TYPE,        "",    8, COL_TEXT,    type,        0),
    DV(RATING,      "A",   9, COL_NUM,     rating,      0),
    DV(SETTINGS,    "",   34, COL_TEXT,    settings,    0),
    DV(BREAKING,    "kA", 12, COL_NUM,     breaking,    1),
    DV(PROSPECTIVE, "kA", 12, COL_NUM,     prospective, 2),
    DV(RESULT,      "",   16, COL_VERDICT, verdict,     0),
};
#undef DV
/* clang-format on */

/* ---- Busur Api / Arc flash ------------------------------------------------- */

static const char *const electrode_words[] = { "VCB", "VCBB", "HCB", "VOA",
                                               "HOA" };

struct arc_row {
    const char *bus, *case_name, *method, *electrode, *enclosure, *device,
        *governing, *ppe, *warnings;
    double gap, dist, ibf, iarc, iarc_min, t, t_min, energy, afb;
    char encl_buf[64], warn_buf[300];
};

static int arc_row(struct wctx *w, size_t i, void *rowp)
{
    struct arc_row *row = rowp;
    const struct k3a_results *r = w->r;
    const struct k3a_site *s = r->site;
    const struct k3a_bus_arc *a = &r->arc[i];
    int32_t dev;
    size_t u = 0;
    unsigned b;

    row->bus = s->buses[i].hdr.name;
    row->gap = row->dist = row->ibf = row->iarc = row->iarc_min = NAN;
    row->t = row->t_min = row->energy = row->afb = NAN;
    if (a->single_phase) {
        row->method = w->lang == K3A_LANG_EN ? "n/a (single-phase)"
                                             : "tidak berlaku (satu fasa)";
        return 0;
    }
    if (!a->available) {
        row->method = w->lang == K3A_LANG_EN ? "not energised" : "tidak bertegangan";
        return 0;
    }
    row->case_name = case_label(w, a->sc_case);
    row->method = a->out.method == K3A_ARC_LEE ? "Lee" : "IEEE 1584-2018";
    row->electrode = a->out.method == K3A_ARC_LEE ? "-" : electrode_words[a->in.electrode];
    if (a->out.method == K3A_ARC_LEE || a->out.open_air)
        snprintf(row->encl_buf, sizeof(row->encl_buf), "%s",
                 a->out.method == K3A_ARC_LEE ? "-"
                 : w->lang == K3A_LANG_EN      ? "open air"
                                               : "udara terbuka");
    else
        snprintf(row->encl_buf, sizeof(row->encl_buf), "%.0fx%.0fx%s %s",
                 a->in.height_mm, a->in.width_mm,
                 a->in.depth_mm > 0 ? "" : "?",
                 a->out.enclosure == K3A_ENCL_SHALLOW
                     ? (w->lang == K3A_LANG_EN ? "shallow" : "dangkal")
                     : (w->lang == K3A_LANG_EN ? "typical" : "tipikal"));
    if (a->in.depth_mm > 0 && a->out.method != K3A_ARC_LEE && !a->out.open_air)
        snprintf(row->encl_buf, sizeof(row->encl_buf), "%.0fx%.0fx%.0f %s",
                 a->in.height_mm, a->in.width_mm, a->in.depth_mm,
                 a->out.enclosure == K3A_ENCL_SHALLOW
                     ? (w->lang == K3A_LANG_EN ? "shallow" : "dangkal")
                     : (w->lang == K3A_LANG_EN ? "typical" : "tipikal"));
    row->enclosure = row->encl_buf;
    row->gap = a->out.method == K3A_ARC_LEE ? NAN : a->in.gap_mm;
    row->dist = a->in.distance_mm;
    row->ibf = a->in.ibf_kA;
    row->iarc = a->out.iarc_kA;
    row->iarc_min = a->out.iarc_min_kA;
    row->t = a->in.t_ms;
    row->t_min = a->in.t_min_ms;
    row->energy = a->out.energy_cal_cm2;
    row->afb = a->out.afb_gov_mm;
    dev = a->out.governing ? a->device_min : a->device;
    row->device = dev >= 0 ? s->devices[dev].hdr.name : "-";
    row->governing = a->out.governing ? "Iarc min" : "Iarc";
    row->ppe = ppe_label(w, a->ppe);
    row->warn_buf[0] = '\0';
    for (b = 0; b < K3A_ARC_WARN_COUNT; b++)
        if ((a->out.warnings & (1u << b)) && u < sizeof(row->warn_buf))
            u += (size_t)snprintf(row->warn_buf + u, sizeof(row->warn_buf) - u,
                                  "%s%s", u ? "; " : "",
                                  w->lang == K3A_LANG_EN ? k3a_arc_warn_text(b)
                                                         : k3a_arc_warn_text_id(b));
    if (a->depth_assumed && u < sizeof(row->warn_buf))
        u += (size_t)snprintf(row->warn_buf + u, sizeof(row->warn_buf) - u,
                              "%s%s", u ? "; " : "",
                              w->lang == K3A_LANG_EN
                                  ? (a->depth_assumed == 1
                                         ? "enclosure depth not given: a shallow box gave the higher energy"
                                         : "enclosure depth not given: a deep box gave the higher energy")
                                  : (a->depth_assumed == 1
                                         ? "kedalaman selungkup tidak diberikan: selungkup dangkal memberi energi lebih tinggi"
                                         : "kedalaman selungkup tidak diberikan: selungkup dalam memberi energi lebih tinggi"));
    row->warnings = row->warn_buf;
    return 0;
}

/* clang-format off */
#define AC(h, u, wd, k, field, d) { K3A_T_##h, u, wd, k, offsetof(struct arc_row, field), d }
static const struct col_spec arc_cols[] = {
    AC(BUS,          "",        12, COL_TEXT, bus,       0),
    AC(CASE,         "",        12, COL_TEXT, case_name, 0),
    AC(METHOD,       "",        12, COL_TEXT, method,    0),
    AC(ELECTRODE,    "",         9, COL_TEXT, electrode, 0),
    AC(GAP,          "mm",       7, COL_NUM,  gap,       1),
    AC(WORK_DIST,    "mm",       9, COL_NUM,  dist,      1),
    AC(ENCLOSURE,    "mm",      16, COL_TEXT, enclosure, 0),
    AC(IBF,          "kA",       8, COL_NUM,  ibf,       2),
    AC(IARC,         "kA",       8, COL_NUM,  iarc,      2),
    AC(IARC_MIN,     "kA",       8, COL_NUM,  iarc_min,  2),
    AC(CLEAR_DEV,    "",        12, COL_TEXT, device,    0),
    AC(T_ARC,        "ms",       9, COL_NUM,  t,         1),
    AC(T_ARC_MIN,    "ms",       9, COL_NUM,  t_min,     1),
    AC(ENERGY,       "cal/cm2", 10, COL_NUM,  energy,    2),
    AC(AFB,          "mm",      10, COL_NUM,  afb,       0),
    AC(GOVERNING,    "",         9, COL_TEXT, governing, 0),
    AC(PPE,          "",         9, COL_TEXT, ppe,       0),
    AC(WARNINGS_COL, "",        24, COL_TEXT, warnings,  0),
};
#undef AC
/* clang-format on */

/* ---- Label: one printable label per bus (NFPA 70E 130.5(H)) -------------- */

/* Labels per sheet: 13 rows each, well under Excel's 1,048,576 rows. */
#define LABELS_PER_SHEET 20000
/* Up to this many labels the sheet holds printable labels; a larger site
 * gets the same lines as a table, one row per label, for a label printer
 * or a mail merge (22 cells a label would dominate the workbook). */
#define LABELS_PRINTED_MAX 1000

/* The lines of one label, as printed. */
struct label_text {
    int danger;
    char equip[256], volt[32], afb[32], energy[64], rating[192], limited[128],
        restricted[32], device[128], basis[128], study[256];
};

static void label_text(struct wctx *w, size_t i, struct label_text *t)
{
    const struct k3a_results *r = w->r;
    const struct k3a_site *s = r->site;
    const struct k3a_bus_arc *a = &r->arc[i];
    const struct k3a_bus *b = &s->buses[i];
    int32_t dev;

    t->danger = strcmp(a->ppe, "dangerous") == 0;
    k3a__fmt(t->equip, sizeof(t->equip), "%s%s%s", b->hdr.name,
             b->hdr.label ? " - " : "", b->hdr.label ? b->hdr.label : "");
    k3a__fmt(t->volt, sizeof(t->volt), "%.0f V", b->voltage_kV * 1000.0);
    k3a__fmt(t->afb, sizeof(t->afb), "%.0f mm", a->out.afb_gov_mm);
    k3a__fmt(t->energy, sizeof(t->energy), "%.1f cal/cm2  @ %.0f mm",
             a->out.energy_cal_cm2, a->in.distance_mm);
    if (strcmp(a->ppe, "0") == 0)
        k3a__fmt(t->rating, sizeof(t->rating), "%s", TX(w, LBL_NONE));
    else if (t->danger)
        k3a__fmt(t->rating, sizeof(t->rating), "> %.0f cal/cm2",
                 r->arc_model.ppe_max_cal_cm2[r->arc_model.n_ppe - 1]);
    else {
        int c = atoi(a->ppe), j;
        double rating = 0;
        for (j = 0; j < r->arc_model.n_ppe; j++)
            if (r->arc_model.ppe_category[j] == c)
                rating = r->arc_model.ppe_max_cal_cm2[j];
        k3a__fmt(t->rating, sizeof(t->rating), "%.0f cal/cm2 (%s %s) - %s", rating,
                 w->lang == K3A_LANG_EN ? "category" : "kategori", a->ppe,
                 TX(w, LBL_RATING_NOTE));
    }
    k3a__fmt(t->limited, sizeof(t->limited), "%.1f m (%s), %.1f m (%s)",
             a->limited_fixed_mm / 1000.0, TX(w, LBL_FIXED),
             a->limited_movable_mm / 1000.0, TX(w, LBL_MOVABLE));
    k3a__fmt(t->restricted, sizeof(t->restricted), "%.1f m", a->restricted_mm / 1000.0);
    dev = a->out.governing ? a->device_min : a->device;
    k3a__fmt(t->device, sizeof(t->device), "%s, %.0f ms%s",
             dev >= 0 ? s->devices[dev].hdr.name : "-",
             a->out.governing ? a->in.t_min_ms : a->in.t_ms,
             !a->capped                ? ""
             : w->lang == K3A_LANG_EN ? " (the longest arc duration used)"
                                       : " (lama busur maksimum yang dipakai)");
    k3a__fmt(t->basis, sizeof(t->basis), "%s; NFPA 70E 130.5(H); %s %s",
             a->out.method == K3A_ARC_LEE ? "Lee (> 15 kV)" : "IEEE 1584-2018",
             w->lang == K3A_LANG_EN ? "case" : "kasus", case_label(w, a->sc_case));
    k3a__fmt(t->study, sizeof(t->study), "%04d-%02d-%02d / %s - %s",
             s->site.audit_date.y, s->site.audit_date.m, s->site.audit_date.d,
             s->site.auditor ? s->site.auditor : "-", s->site.name ? s->site.name : "");
}

static void write_labels_from(struct wctx *w, lxw_format *const *lf, size_t first_bus,
                              size_t *next, int sheet_no)
{
    const struct k3a_results *r = w->r;
    const struct k3a_site *s = r->site;
    char sheet_name[32];
    lxw_worksheet *ws;
    lxw_format *hdr_warn, *hdr_danger, *lab, *val, *big;
    lxw_row_t row = 0;
    lxw_row_t *breaks;
    size_t i, n_labels = 0, n_breaks = 0;
    struct label_text t;

    if (sheet_no > 1)
        snprintf(sheet_name, sizeof(sheet_name), "%s (%d)", TX(w, SH_LABEL),
                 sheet_no);
    else
        snprintf(sheet_name, sizeof(sheet_name), "%s", TX(w, SH_LABEL));
    ws = workbook_add_worksheet(w->wb, sheet_name);
    *next = s->n_buses;
    if (!ws) {
        check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    breaks = calloc(LABELS_PER_SHEET / 2 + 2, sizeof(*breaks));
    hdr_warn = lf[0];
    hdr_danger = lf[1];
    lab = lf[2];
    val = lf[3];
    big = lf[4];
    if (!breaks || w->err != LXW_NO_ERROR) {
        free(breaks);
        return;
    }
    check(w, worksheet_set_column(ws, 0, 0, 32, NULL));
    check(w, worksheet_set_column(ws, 1, 1, 58, NULL));
    for (i = first_bus; i < s->n_buses; i++) {
        if (!r->arc[i].available)
            continue;
        if (n_labels == LABELS_PER_SHEET) {
            *next = i;
            break;
        }
        if (n_labels && n_labels % 2 == 0)
            breaks[n_breaks++] = row;
        label_text(w, i, &t);
        if (k3a_site_count(s, K3A_KIND_SCENARIO)) {
            check(w, worksheet_merge_range(ws, row, 0, row, 1, TX(w, TRAINING),
                                           w->st.banner));
            row++;
        }
        check(w, worksheet_set_row(ws, row, 42, NULL));
        check(w, worksheet_merge_range(ws, row, 0, row, 1,
                                       t.danger ? TX(w, LBL_DANGER) : TX(w, LBL_WARNING),
                                       t.danger ? hdr_danger : hdr_warn));
        row++;
#define LROW(label, value, f)                                                \
    do {                                                                     \
        check(w, worksheet_set_row(ws, row, 24, NULL));                      \
        cell(w, worksheet_write_string(ws, row, 0, label, lab));            \
        cell(w, worksheet_write_string(ws, row, 1, value, f));              \
        row++;                                                               \
    } while (0)
        LROW(TX(w, LBL_EQUIPMENT), t.equip, big);
        LROW(TX(w, LBL_VOLTAGE), t.volt, big);
        LROW(TX(w, AFB), t.afb, big);
        LROW(TX(w, LBL_ENERGY), t.energy, big);
        LROW(TX(w, LBL_RATING), t.rating, t.danger ? hdr_danger : val);
        LROW(TX(w, LBL_LIMITED), t.limited, val);
        LROW(TX(w, LBL_RESTRICTED), t.restricted, val);
        LROW(TX(w, LBL_DEVICE), t.device, val);
        LROW(TX(w, LBL_BASIS), t.basis, val);
        LROW(TX(w, LBL_STUDY), t.study, val);
#undef LROW
        row += 2;
        n_labels++;
    }
    breaks[n_breaks] = 0;
    if (n_breaks)
        check(w, worksheet_set_h_pagebreaks(ws, breaks));
    free(breaks);
    worksheet_set_paper(ws, 9);
    worksheet_set_portrait(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_set_margins(ws, 0.6, 0.6, 0.7, 0.7);
}

/* A site with more than LABELS_PRINTED_MAX labels: the same lines, one
 * row per label. */
struct label_row {
    const char *equip, *title, *volt, *afb, *energy, *rating, *limited,
        *restricted, *device, *basis, *study;
    struct label_text t;
};

static int label_row(struct wctx *w, size_t i, void *rowp)
{
    struct label_row *row = rowp;
    struct label_text *t = &row->t;

    if (!w->r->arc[i].available)
        return 1;
    label_text(w, i, t);
    row->equip = t->equip;
    row->title = t->danger ? TX(w, LBL_DANGER) : TX(w, LBL_WARNING);
    row->volt = t->volt;
    row->afb = t->afb;
    row->energy = t->energy;
    row->rating = t->rating;
    row->limited = t->limited;
    row->restricted = t->restricted;
    row->device = t->device;
    row->basis = t->basis;
    row->study = t->study;
    return 0;
}

/* clang-format off */
#define LC(h, wd, field) { K3A_T_##h, "", wd, COL_TEXT, offsetof(struct label_row, field), 0 }
static const struct col_spec label_cols[] = {
    LC(LBL_EQUIPMENT,  20, equip),
    LC(LBL_HEADER,     30, title),
    LC(LBL_VOLTAGE,    10, volt),
    LC(AFB,            10, afb),
    LC(LBL_ENERGY,     18, energy),
    LC(LBL_RATING,     30, rating),
    LC(LBL_LIMITED,    26, limited),
    LC(LBL_RESTRICTED, 10, restricted),
    LC(LBL_DEVICE,     18, device),
    LC(LBL_BASIS,      26, basis),
    LC(LBL_STUDY,      26, study),
};
#undef LC
/* clang-format on */

/* Below the label table: why it is a table; the filter over its rows
 * (the columns have no units row, so the header is the row above the
 * first label). */
static void labels_after(struct wctx *w, lxw_worksheet *ws, lxw_row_t row,
                         lxw_row_t first, lxw_row_t last)
{
    char line[256];

    if (last >= first)
        check(w, worksheet_autofilter(ws, first - 1, 0, last,
                                      (lxw_col_t)(NCOLS(label_cols) - 1)));
    snprintf(line, sizeof(line), "%s %d.", TX(w, LBL_TABLE_NOTE), LABELS_PRINTED_MAX);
    cell(w, worksheet_write_string(ws, row, 0, line, w->st.subtitle));
}

/* More labels than this: one row per kind of label instead of one per
 * label (a table of 100,000 labels is a seventh of the workbook, and no
 * one prints them from it); each label's values stay on the arc-flash
 * sheet and in the JSON. */
#define LABELS_TABLE_MAX 10000

struct label_class {
    struct label_text t; /* of its first label */
    size_t n, worst;     /* labels; the one with the highest energy */
    double worst_cal_cm2, afb_mm;
};

static int same_label_class(const struct label_text *a, const struct label_text *b)
{
    return a->danger == b->danger && strcmp(a->volt, b->volt) == 0 &&
           strcmp(a->rating, b->rating) == 0 && strcmp(a->limited, b->limited) == 0 &&
           strcmp(a->restricted, b->restricted) == 0;
}

struct label_classes {
    struct label_class *v;
    size_t n, n_labels;
};

/* One row per kind of label, from the labels in bus order; NULL v and
 * -1 on no memory. */
static int label_classes(struct wctx *w, struct label_classes *lc)
{
    const struct k3a_results *r = w->r;
    struct label_text *t = malloc(sizeof(*t));
    size_t cap = 0, i, j;

    memset(lc, 0, sizeof(*lc));
    if (!t)
        return -1;
    for (i = 0; i < r->site->n_buses; i++) {
        const struct k3a_bus_arc *a = &r->arc[i];
        if (!a->available)
            continue;
        lc->n_labels++;
        label_text(w, i, t);
        for (j = 0; j < lc->n && !same_label_class(&lc->v[j].t, t); j++)
            ;
        if (j == lc->n) {
            if (lc->n == cap) {
                size_t nc = cap ? cap * 2 : 16;
                void *p = realloc(lc->v, nc * sizeof(*lc->v));
                if (!p) {
                    free(lc->v);
                    free(t);
                    lc->v = NULL;
                    return -1;
                }
                lc->v = p;
                cap = nc;
            }
            lc->v[j].t = *t;
            lc->v[j].n = 0;
            lc->v[j].worst = i;
            lc->v[j].worst_cal_cm2 = a->out.energy_cal_cm2;
            lc->v[j].afb_mm = a->out.afb_gov_mm;
            lc->n++;
        }
        lc->v[j].n++;
        if (a->out.energy_cal_cm2 > lc->v[j].worst_cal_cm2) {
            lc->v[j].worst = i;
            lc->v[j].worst_cal_cm2 = a->out.energy_cal_cm2;
        }
        if (a->out.afb_gov_mm > lc->v[j].afb_mm)
            lc->v[j].afb_mm = a->out.afb_gov_mm;
    }
    free(t);
    return 0;
}

struct label_class_row {
    const char *title, *volt, *rating, *limited, *restricted, *energy, *at, *afb;
    double n;
    struct label_text worst; /* the label with the highest energy */
    char afb_buf[32];
};

static int label_class_row(struct wctx *w, size_t i, void *rowp)
{
    const struct label_classes *lc = w->table_data;
    const struct label_class *k = &lc->v[i];
    struct label_class_row *row = rowp;

    label_text(w, k->worst, &row->worst);
    k3a__fmt(row->afb_buf, sizeof(row->afb_buf), "%.0f mm", k->afb_mm);
    row->title = k->t.danger ? TX(w, LBL_DANGER) : TX(w, LBL_WARNING);
    row->volt = k->t.volt;
    row->rating = k->t.rating;
    row->limited = k->t.limited;
    row->restricted = k->t.restricted;
    row->n = (double)k->n;
    row->energy = row->worst.energy;
    row->at = row->worst.equip;
    row->afb = row->afb_buf;
    return 0;
}

/* clang-format off */
#define KC(h, wd, k, field) { K3A_T_##h, "", wd, k, offsetof(struct label_class_row, field), 0 }
static const struct col_spec label_class_cols[] = {
    KC(LBL_HEADER,     30, COL_TEXT, title),
    KC(LBL_VOLTAGE,    10, COL_TEXT, volt),
    KC(LBL_RATING,     30, COL_TEXT, rating),
    KC(LBL_LIMITED,    26, COL_TEXT, limited),
    KC(LBL_RESTRICTED, 12, COL_TEXT, restricted),
    KC(LBL_COUNT,      10, COL_NUM,  n),
    KC(LBL_MAX_ENERGY, 22, COL_TEXT, energy),
    KC(LBL_MAX_AT,     20, COL_TEXT, at),
    KC(LBL_MAX_AFB,    12, COL_TEXT, afb),
};
#undef KC
/* clang-format on */

/* Above the table: how many labels, and why they are summed up. */
static lxw_row_t label_classes_before(struct wctx *w, lxw_worksheet *ws, lxw_row_t row,
                                      lxw_col_t width)
{
    const struct label_classes *lc = w->table_data;
    char line[512];

    k3a__fmt(line, sizeof(line), "%s: %zu. %s %d.", TX(w, LBL_COUNT), lc->n_labels,
             TX(w, LBL_CLASS_NOTE), LABELS_TABLE_MAX);
    check(w, worksheet_set_row(ws, row, 45, NULL));
    check(w, worksheet_merge_range(ws, row, 0, row, width - 1, line, w->st.wrap));
    return row + 2;
}

static void write_label_classes(struct wctx *w)
{
    struct label_classes lc;
    struct table_spec t;

    if (label_classes(w, &lc) != 0) {
        check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    memset(&t, 0, sizeof(t));
    t.sheet = K3A_T_SH_LABEL;
    t.cols = label_class_cols;
    t.n_cols = NCOLS(label_class_cols);
    t.row_size = sizeof(struct label_class_row);
    t.n_rows = lc.n;
    t.row = label_class_row;
    t.data = &lc;
    t.before = label_classes_before;
    write_table(w, &t, 1);
    free(lc.v);
}

/* The label styles are made once: a second, equal format object would
 * make libxlsxwriter look its style up by hash for every cell. */
static void write_labels(struct wctx *w)
{
    size_t from = 0, next = 0;
    int sheet = 1;
    lxw_format *hdr_warn, *hdr_danger, *lab, *val, *big;
    lxw_format *lf[5];

    hdr_warn = fmt(w);
    hdr_danger = fmt(w);
    lab = fmt(w);
    val = fmt(w);
    big = fmt(w);
    if (w->err != LXW_NO_ERROR)
        return;
    format_set_bold(hdr_warn);
    format_set_font_size(hdr_warn, 14);
    format_set_bg_color(hdr_warn, 0xFF8C00);
    format_set_font_color(hdr_warn, LXW_COLOR_BLACK);
    format_set_align(hdr_warn, LXW_ALIGN_CENTER);
    format_set_align(hdr_warn, LXW_ALIGN_VERTICAL_CENTER);
    format_set_text_wrap(hdr_warn);
    format_set_border(hdr_warn, LXW_BORDER_THICK);
    format_set_bold(hdr_danger);
    format_set_font_size(hdr_danger, 14);
    format_set_bg_color(hdr_danger, 0xC00000);
    format_set_font_color(hdr_danger, LXW_COLOR_WHITE);
    format_set_align(hdr_danger, LXW_ALIGN_CENTER);
    format_set_align(hdr_danger, LXW_ALIGN_VERTICAL_CENTER);
    format_set_text_wrap(hdr_danger);
    format_set_border(hdr_danger, LXW_BORDER_THICK);
    format_set_bold(lab);
    format_set_border(lab, LXW_BORDER_THIN);
    format_set_text_wrap(lab);
    format_set_align(lab, LXW_ALIGN_VERTICAL_CENTER);
    format_set_border(val, LXW_BORDER_THIN);
    format_set_text_wrap(val);
    format_set_align(val, LXW_ALIGN_VERTICAL_CENTER);
    format_set_bold(big);
    format_set_font_size(big, 13);
    format_set_border(big, LXW_BORDER_THIN);
    format_set_text_wrap(big);
    format_set_align(big, LXW_ALIGN_VERTICAL_CENTER);
    lf[0] = hdr_warn;
    lf[1] = hdr_danger;
    lf[2] = lab;
    lf[3] = val;
    lf[4] = big;
    do {
        write_labels_from(w, lf, from, &next, sheet++);
        from = next;
    } while (from < w->r->site->n_buses && w->err == LXW_NO_ERROR);
}

/* ---- measurement sheets ------------------------------------------------------ */

static void worst_init(struct wctx *w)
{
    const struct k3a_results *r = w->r;
    size_t k, i;

    for (k = 0; k < K3A_KIND_COUNT; k++)
        w->worst[k] = calloc(k3a_site_count(r->site, (enum k3a_kind)k) + 1, 1);
    for (i = 0; i < r->n_findings; i++) {
        const struct k3a_finding *f = &r->findings[i];
        uint8_t v = f->verdict == K3A_FAIL ? 3 : f->verdict == K3A_WARN ? 2 : 1;
        if (f->idx >= 0 && w->worst[f->kind] && w->worst[f->kind][f->idx] < v)
            w->worst[f->kind][f->idx] = v;
    }
}

static void worst_free(struct wctx *w)
{
    size_t k;

    for (k = 0; k < K3A_KIND_COUNT; k++)
        free(w->worst[k]);
}

/* the element's worst verdict; returns 0 when it has no finding */
static int worst_of_elem(struct wctx *w, enum k3a_kind kind, size_t idx,
                         enum k3a_verdict *v)
{
    uint8_t x = w->worst[kind] ? w->worst[kind][idx] : 0;

    *v = x == 3 ? K3A_FAIL : x == 2 ? K3A_WARN : K3A_PASS;
    return x != 0;
}

/* The instruments of a measurement as a certificate names them: make,
 * model, serial and calibration due date; and its test date. */
static void meas_fill(struct wctx *w, const struct k3a_meas *m, char *ibuf, size_t n,
                      char *dbuf, size_t dn)
{
    const struct k3a_site *s = w->r->site;
    size_t k, u = 0;

    ibuf[0] = '\0';
    for (k = 0; k < m->instrument.n && u < n; k++) {
        const struct k3a_ref *rf = &m->instrument.v[k];
        const struct k3a_instrument *in =
            rf->idx >= 0 && (size_t)rf->idx < s->n_instruments ? &s->instruments[rf->idx]
                                                               : NULL;
        if (!in) {
            u += (size_t)k3a__fmt(ibuf + u, n - u, "%s%s", k ? "; " : "",
                                  rf->name ? rf->name : "");
            continue;
        }
        u += (size_t)k3a__fmt(ibuf + u, n - u, "%s%s%s%s%s%s (%s %s", k ? "; " : "",
                              in->hdr.make ? in->hdr.make : "", in->hdr.make ? " " : "",
                              in->hdr.model ? in->hdr.model : "",
                              in->hdr.model || in->hdr.make ? " " : "", in->hdr.name,
                              w->lang == K3A_LANG_EN ? "s/n" : "no. seri",
                              in->hdr.serial ? in->hdr.serial : "-");
        if (u < n && in->calibration_due.y) {
            /* A5, B21: a test after the calibration lapsed says so on its row */
            struct k3a_date td = m->test_date.y ? m->test_date : s->site.audit_date;
            int lapsed = k3a_date_days(td) > k3a_date_days(in->calibration_due);
            u += (size_t)k3a__fmt(ibuf + u, n - u, "; %s %04d-%02d-%02d)%s",
                                  w->lang == K3A_LANG_EN ? "cal. due" : "kal. s.d.",
                                  in->calibration_due.y, in->calibration_due.m,
                                  in->calibration_due.d,
                                  !lapsed ? ""
                                  : w->lang == K3A_LANG_EN
                                      ? " - CALIBRATION LAPSED: result not valid, re-measure"
                                      : " - KALIBRASI KEDALUWARSA: hasil tidak sah, ukur ulang");
        }
        else if (u < n)
            u += (size_t)k3a__fmt(ibuf + u, n - u, ")");
    }
    date_text(m->test_date.y ? m->test_date : s->site.audit_date, dbuf, dn);
}

#define MEAS_FIELDS                                                          \
    const char *instr, *tdate, *tmethod;                                     \
    char ibuf[300], dbuf[16]

static const char *const purpose_words[] = { "system", "equipment", "lightning",
                                             "combined" };
static const char *const purpose_words_id[] = { "sistem", "peralatan", "petir",
                                                "gabungan" };

struct earth_row {
    const char *name, *purpose, *bus, *clause;
    double judged;
    int judged_dec; /* follows judged (COL_NUM_DEC) */
    double limit;
    int limit_dec;
    double r618, spread, mu, rtagg, rods, rho, trend;
    enum k3a_verdict verdict;
    MEAS_FIELDS;
};

static int earth_row(struct wctx *w, size_t i, void *rowp)
{
    struct earth_row *row = rowp;
    const struct k3a_earthing *e = &w->r->site->earthings[i];
    const struct k3a_earth_res *er = &w->r->earth[i];

    row->name = e->hdr.name;
    row->purpose = (w->lang == K3A_LANG_EN ? purpose_words : purpose_words_id)[e->purpose];
    row->bus = e->bus.name;
    row->judged = er->judged_ohm > 0 ? er->judged_ohm : NAN;
    row->limit = er->limit_ohm;
    pair_dec(row->judged, row->limit, 2, &row->judged_dec, &row->limit_dec);
    row->r618 = er->has_r618 ? er->r618_ohm : NAN;
    row->spread = er->plateau >= 0 ? er->plateau_spread * 100.0 : NAN;
    row->mu = er->has_tagg ? er->tagg_mu : NAN;
    row->rtagg = er->has_tagg ? er->tagg_ohm : NAN;
    row->rods = er->has_rods ? (double)er->rods_needed : (double)NAN;
    row->rho = er->has_rods ? er->rho_ohm_m : NAN;
    row->trend = er->has_trend ? er->trend_ohm_per_year : NAN;
    row->clause = er->limit_clause;
    meas_fill(w, &e->meas, row->ibuf, sizeof(row->ibuf), row->dbuf, sizeof(row->dbuf));
    row->instr = row->ibuf;
    row->tdate = row->dbuf;
    {
        static const char *const m_id[] = { "jatuh potensial (IEEE 81)",
                                            "kemiringan Tagg (IEEE 81)",
                                            "penjepit (clamp-on)", "dua titik" };
        static const char *const m_en[] = { "fall of potential (IEEE 81)",
                                            "Tagg slope (IEEE 81)", "clamp-on",
                                            "two-point" };
        int given = k3a_elem_given(K3A_KIND_EARTHING, &e->hdr, "method") ||
                    e->readings.n > 0;
        row->tmethod = !given ? NULL
                       : (w->lang == K3A_LANG_EN ? m_en : m_id)[e->method];
    }
    if (!worst_of_elem(w, K3A_KIND_EARTHING, i, &row->verdict))
        row->verdict = K3A_WARN;
    return 0;
}

/* clang-format off */
#define EC(h, u, wd, k, field, d) { K3A_T_##h, u, wd, k, offsetof(struct earth_row, field), d }
static const struct col_spec earth_cols[] = {
    EC(NAME,      "",        12, COL_TEXT,    name,    0),
    EC(PURPOSE,   "",        10, COL_TEXT,    purpose, 0),
    EC(BUS,       "",        12, COL_TEXT,    bus,     0),
    EC(R_JUDGED,  "ohm",     10, COL_NUM_DEC, judged,  2),
    EC(LIMIT,     "ohm",      8, COL_NUM_DEC, limit,   2),
    EC(RESULT,    "",        16, COL_VERDICT, verdict, 0),
    EC(R618,      "ohm",     10, COL_NUM,     r618,    2),
    EC(PLATEAU,   "%",       10, COL_NUM,     spread,  1),
    EC(TAGG_MU,   "-",        8, COL_NUM,     mu,      3),
    EC(TAGG_R,    "ohm",      9, COL_NUM,     rtagg,   2),
    EC(RODS,      "-",        9, COL_NUM,     rods,    0),
    EC(RHO,       "ohm m",    9, COL_NUM,     rho,     0),
    EC(TREND,     "ohm/year", 10, COL_NUM,    trend,   2),
    EC(CLAUSE,    "",        26, COL_TEXT,    clause,  0),
    EC(INSTRUMENT_COL, "",   24, COL_TEXT,    instr,   0),
    EC(TEST_DATE, "",        11, COL_TEXT,    tdate,   0),
    EC(TEST_METHOD, "",      14, COL_TEXT,    tmethod, 0),
};
#undef EC
/* clang-format on */

struct soil_row {
    const char *name, *readings;
    double rho1, rho2, h, rms;
    char buf[600];
};

static int soil_row(struct wctx *w, size_t i, void *rowp)
{
    struct soil_row *row = rowp;
    const struct k3a_soil_res *sr = &w->r->soil[i];
    size_t k, u = 0;

    row->name = w->r->site->soils[i].hdr.name;
    for (k = 0; k < sr->n && u < sizeof(row->buf); k++)
        u += (size_t)snprintf(row->buf + u, sizeof(row->buf) - u, "%s%g m: %.1f",
                              k ? "; " : "", sr->a_m[k], sr->rho_ohm_m[k]);
    row->readings = row->buf;
    row->rho1 = sr->fitted ? sr->rho1 : NAN;
    row->rho2 = sr->fitted ? sr->rho2 : NAN;
    row->h = sr->fitted ? sr->h_m : NAN;
    row->rms = sr->fitted ? sr->rms * 100.0 : NAN;
    return 0;
}

/* clang-format off */
#define SO(h, u, wd, k, field, d) { K3A_T_##h, u, wd, k, offsetof(struct soil_row, field), d }
static const struct col_spec soil_cols[] = {
    SO(NAME,     "",      14, COL_TEXT, name,     0),
    SO(SPACINGS, "m : ohm m", 60, COL_TEXT, readings, 0),
    SO(RHO1,     "ohm m", 10, COL_NUM,  rho1,     1),
    SO(RHO2,     "ohm m", 10, COL_NUM,  rho2,     1),
    SO(H_LAYER,  "m",     10, COL_NUM,  h,        2),
    SO(FIT_RMS,  "%",     10, COL_NUM,  rms,      1),
};
#undef SO
/* clang-format on */

struct ir_row {
    const char *name, *circuit;
    double un, tv, tvreq, minv;
    int minv_dec; /* follows minv (COL_NUM_DEC) */
    double limit;
    int limit_dec;
    double dar, pi, r40, trend;
    enum k3a_verdict verdict;
    const char *reach;
    char reach_buf[16];
    MEAS_FIELDS;
};

static int ir_row(struct wctx *w, size_t i, void *rowp)
{
    struct ir_row *row = rowp;
    const struct k3a_insulation *t = &w->r->site->insulations[i];
    const struct k3a_ir_res *ir = &w->r->ir[i];

    row->name = t->hdr.name;
    row->circuit = t->circuit.name ? t->circuit.name : t->location;
    row->un = t->nominal_V;
    row->tv = t->test_V;
    row->tvreq = ir->test_V_required;
    row->minv = isfinite(ir->min_Mohm) ? ir->min_Mohm : NAN;
    row->limit = ir->limit_Mohm;
    pair_dec(row->minv, row->limit, 2, &row->minv_dec, &row->limit_dec);
    row->dar = ir->has_dar ? ir->dar : NAN;
    row->pi = ir->has_pi ? ir->pi : NAN;
    row->r40 = ir->has_r40 ? ir->r40_Mohm : NAN;
    row->trend = ir->has_trend ? ir->trend_pct_per_year : NAN;
    if (ir->has_reach) {
        snprintf(row->reach_buf, sizeof(row->reach_buf), "%04d-%02d", ir->reach.y,
                 ir->reach.m);
        row->reach = row->reach_buf;
    }
    meas_fill(w, &t->meas, row->ibuf, sizeof(row->ibuf), row->dbuf, sizeof(row->dbuf));
    row->instr = row->ibuf;
    row->tdate = row->dbuf;
    row->tmethod = w->lang == K3A_LANG_EN ? "DC insulation test (PUIL 2011 Table 6A; IEEE 43)"
                                          : "uji isolasi DC (PUIL 2011 Tabel 6A; IEEE 43)";
    if (!worst_of_elem(w, K3A_KIND_INSULATION, i, &row->verdict))
        row->verdict = K3A_WARN;
    return 0;
}

/* clang-format off */
#define IR(h, u, wd, k, field, d) { K3A_T_##h, u, wd, k, offsetof(struct ir_row, field), d }
static const struct col_spec ir_cols[] = {
    IR(NAME,        "",       16, COL_TEXT,    name,    0),
    IR(CIRCUIT,     "",       16, COL_TEXT,    circuit, 0),
    IR(NOMINAL_V,   "V",       8, COL_NUM,     un,      0),
    IR(TEST_V,      "V",       9, COL_NUM,     tv,      0),
    IR(TEST_V_REQ,  "V",       9, COL_NUM,     tvreq,   0),
    IR(MIN_READING, "Mohm",   10, COL_NUM_DEC, minv,    2),
    IR(LIMIT,       "Mohm",    9, COL_NUM_DEC, limit,   2),
    IR(RESULT,      "",       16, COL_VERDICT, verdict, 0),
    IR(DAR,         "-",       7, COL_NUM,     dar,     2),
    IR(PI,          "-",       7, COL_NUM,     pi,      2),
    IR(R40,         "Mohm",   11, COL_NUM,     r40,     1),
    IR(TREND,       "%/year", 10, COL_NUM,     trend,   1),
    IR(REACH,       "",       11, COL_TEXT,    reach,   0),
    IR(INSTRUMENT_COL, "",    30, COL_TEXT,    instr,   0),
    IR(TEST_DATE,   "",       11, COL_TEXT,    tdate,   0),
    IR(TEST_METHOD, "",       20, COL_TEXT,    tmethod, 0),
};
#undef IR
/* clang-format on */

struct rcd_row {
    const char *name, *where, *type;
    double idn, t1, t5, tripma;
    enum k3a_verdict verdict;
    MEAS_FIELDS;
};

static int rcd_row(struct wctx *w, size_t i, void *rowp)
{
    static const char *const types[] = { "AC", "A", "F", "B" };
    struct rcd_row *row = rowp;
    const struct k3a_rcd *t = &w->r->site->rcds[i];

    row->name = t->hdr.name;
    row->where = t->device.name ? t->device.name : t->bus.name;
    row->type = types[t->type];
    row->idn = t->rated_mA;
    row->t1 = k3a_elem_given(K3A_KIND_RCD, &t->hdr, "trip_ms_1x") ? t->trip_ms_1x.value
                                                                 : NAN;
    row->t5 = k3a_elem_given(K3A_KIND_RCD, &t->hdr, "trip_ms_5x") ? t->trip_ms_5x.value
                                                                 : NAN;
    row->tripma = k3a_elem_given(K3A_KIND_RCD, &t->hdr, "trip_mA") ? t->trip_mA.value
                                                                   : NAN;
    meas_fill(w, &t->meas, row->ibuf, sizeof(row->ibuf), row->dbuf, sizeof(row->dbuf));
    row->instr = row->ibuf;
    row->tdate = row->dbuf;
    row->tmethod = w->lang == K3A_LANG_EN ? "trip test at 1x and 5x IΔn (IEC 61008-1 / 61009-1)"
                                          : "uji trip pada 1x dan 5x IΔn (IEC 61008-1 / 61009-1)";
    if (!worst_of_elem(w, K3A_KIND_RCD, i, &row->verdict))
        row->verdict = K3A_WARN;
    return 0;
}

/* clang-format off */
#define RC(h, u, wd, k, field, d) { K3A_T_##h, u, wd, k, offsetof(struct rcd_row, field), d }
static const struct col_spec rcd_cols[] = {
    RC(NAME,    "",   16, COL_TEXT,    name,    0),
    RC(DEVICE,  "",   16, COL_TEXT,    where,   0),
    RC(TYPE,    "",    7, COL_TEXT,    type,    0),
    RC(IDN,     "mA",  8, COL_NUM,     idn,     0),
    RC(T1X,     "ms",  8, COL_NUM,     t1,      0),
    RC(T5X,     "ms",  8, COL_NUM,     t5,      0),
    RC(TRIP_MA, "mA", 10, COL_NUM,     tripma,  1),
    RC(RESULT,  "",   16, COL_VERDICT, verdict, 0),
    RC(INSTRUMENT_COL, "", 30, COL_TEXT,   instr,   0),
    RC(TEST_DATE, "", 11, COL_TEXT,        tdate,   0),
    RC(TEST_METHOD, "", 26, COL_TEXT,      tmethod, 0),
};
#undef RC
/* clang-format on */

struct thermo_row {
    const char *name, *where, *component;
    double temp, dts, dta, load, prio;
    enum k3a_verdict verdict;
    MEAS_FIELDS;
};

static int thermo_row(struct wctx *w, size_t i, void *rowp)
{
    struct thermo_row *row = rowp;
    const struct k3a_thermography *t = &w->r->site->thermographies[i];
    const struct k3a_thermo_res *tr = &w->r->thermo[i];

    row->name = t->hdr.name;
    row->where = t->bus.name ? t->bus.name : t->location;
    row->component = t->component;
    row->temp = t->temp_C;
    row->dts = tr->dt_similar_C;
    row->dta = tr->dt_ambient_C;
    row->load = k3a_elem_given(K3A_KIND_THERMOGRAPHY, &t->hdr, "load_pct") ? t->load_pct
                                                                           : NAN;
    row->prio = tr->priority ? (double)tr->priority : (double)NAN;
    meas_fill(w, &t->meas, row->ibuf, sizeof(row->ibuf), row->dbuf, sizeof(row->dbuf));
    row->instr = row->ibuf;
    row->tdate = row->dbuf;
    row->tmethod = w->lang == K3A_LANG_EN ? "infrared thermography, delta-T (NETA MTS)"
                                          : "termografi inframerah, delta-T (NETA MTS)";
    if (!worst_of_elem(w, K3A_KIND_THERMOGRAPHY, i, &row->verdict))
        row->verdict = K3A_WARN;
    return 0;
}

/* clang-format off */
#define TH(h, u, wd, k, field, d) { K3A_T_##h, u, wd, k, offsetof(struct thermo_row, field), d }
static const struct col_spec thermo_cols[] = {
    TH(NAME,      "",   14, COL_TEXT,    name,      0),
    TH(BUS,       "",   12, COL_TEXT,    where,     0),
    TH(COMPONENT, "",   30, COL_TEXT,    component, 0),
    TH(TEMP,      "C",   8, COL_NUM,     temp,      1),
    TH(DT_SIM,    "C",  10, COL_NUM,     dts,       1),
    TH(DT_AMB,    "C",  10, COL_NUM,     dta,       1),
    TH(LOAD_PCT,  "%",   7, COL_NUM,     load,      0),
    TH(PRIORITY,  "-",   9, COL_NUM,     prio,      0),
    TH(RESULT,    "",   16, COL_VERDICT, verdict,   0),
    TH(INSTRUMENT_COL, "", 30, COL_TEXT,   instr,     0),
    TH(TEST_DATE, "",   11, COL_TEXT,    tdate,     0),
    TH(TEST_METHOD, "", 22, COL_TEXT,    tmethod,   0),
};
#undef TH
/* clang-format on */

struct pq_row {
    const char *name, *bus, *volts;
    double devmax, devmin, nema, iec, iunb, pf, thdv, thdi, tdd, dur;
    enum k3a_verdict verdict;
    char vbuf[64];
    MEAS_FIELDS;
};

static int pq_row(struct wctx *w, size_t i, void *rowp)
{
    struct pq_row *row = rowp;
    const struct k3a_pq *q = &w->r->site->pqs[i];
    const struct k3a_pq_res *pr = &w->r->pq[i];
    size_t k, u = 0;

    row->name = q->hdr.name;
    row->bus = q->bus.name;
    for (k = 0; k < q->voltage_V.n && u < sizeof(row->vbuf); k++)
        u += (size_t)snprintf(row->vbuf + u, sizeof(row->vbuf) - u, "%s%.0f",
                              k ? " / " : "", q->voltage_V.v[k].value);
    row->volts = row->vbuf;
    row->devmax = pr->has_v ? pr->dev_max_pct : NAN;
    row->devmin = pr->has_v ? pr->dev_min_pct : NAN;
    row->nema = q->voltage_V.n == 3 ? pr->unb_nema_pct : NAN;
    row->iec = q->voltage_V.n == 3 ? pr->unb_iec_pct : NAN;
    row->iunb = pr->has_i ? pr->i_unb_pct : NAN;
    row->pf = k3a_elem_given(K3A_KIND_PQ, &q->hdr, "power_factor") ? q->power_factor
                                                                   : NAN;
    row->thdv = k3a_elem_given(K3A_KIND_PQ, &q->hdr, "thd_v_pct") ? q->thd_v_pct : NAN;
    row->thdi = k3a_elem_given(K3A_KIND_PQ, &q->hdr, "thd_i_pct") ? q->thd_i_pct : NAN;
    row->tdd = pr->tdd_limit_pct > 0 ? pr->tdd_limit_pct : NAN;
    row->dur = k3a_elem_given(K3A_KIND_PQ, &q->hdr, "duration_h") ? q->duration_h : NAN;
    meas_fill(w, &q->meas, row->ibuf, sizeof(row->ibuf), row->dbuf, sizeof(row->dbuf));
    row->instr = row->ibuf;
    row->tdate = row->dbuf;
    row->tmethod = w->lang == K3A_LANG_EN ? "power quality analyser recording"
                                          : "perekaman analisator kualitas daya";
    if (!worst_of_elem(w, K3A_KIND_PQ, i, &row->verdict))
        row->verdict = K3A_WARN;
    return 0;
}

/* clang-format off */
#define PQ(h, u, wd, k, field, d) { K3A_T_##h, u, wd, k, offsetof(struct pq_row, field), d }
static const struct col_spec pq_cols[] = {
    PQ(NAME,     "",   12, COL_TEXT,    name,    0),
    PQ(BUS,      "",   12, COL_TEXT,    bus,     0),
    PQ(VOLTAGES, "V",  16, COL_TEXT,    volts,   0),
    PQ(DEV_MAX,  "%",  10, COL_NUM,     devmax,  2),
    PQ(DEV_MIN,  "%",  10, COL_NUM,     devmin,  2),
    PQ(UNB_NEMA, "%",  12, COL_NUM,     nema,    2),
    PQ(UNB_IEC,  "%",  12, COL_NUM,     iec,     2),
    PQ(I_UNB,    "%",  12, COL_NUM,     iunb,    2),
    PQ(PF,       "-",   9, COL_NUM,     pf,      2),
    PQ(THD_V,    "%",   8, COL_NUM,     thdv,    1),
    PQ(THD_I,    "%",   8, COL_NUM,     thdi,    1),
    PQ(TDD_LIM,  "%",   9, COL_NUM,     tdd,     1),
    PQ(DURATION, "h",   9, COL_NUM,     dur,     0),
    PQ(RESULT,   "",   16, COL_VERDICT, verdict, 0),
    PQ(INSTRUMENT_COL, "", 24, COL_TEXT, instr,  0),
    PQ(TEST_DATE, "",  11, COL_TEXT,    tdate,   0),
    PQ(TEST_METHOD, "", 16, COL_TEXT,   tmethod, 0),
};
#undef PQ
/* clang-format on */

struct loop_row {
    const char *name, *circuit, *device;
    double zs, psc, pe, touch;
    enum k3a_verdict verdict;
    MEAS_FIELDS;
};

static int loop_row(struct wctx *w, size_t i, void *rowp)
{
    struct loop_row *row = rowp;
    const struct k3a_loop *t = &w->r->site->loops[i];

    row->name = t->hdr.name;
    row->circuit = t->circuit.name ? t->circuit.name : t->location;
    row->device = t->device.name;
    row->zs = k3a_elem_given(K3A_KIND_LOOP, &t->hdr, "zs_ohm") ? t->zs_ohm : NAN;
    row->psc = k3a_elem_given(K3A_KIND_LOOP, &t->hdr, "psc_kA") ? t->psc_kA : NAN;
    row->pe = k3a_elem_given(K3A_KIND_LOOP, &t->hdr, "pe_ohm") ? t->pe_ohm : NAN;
    row->touch = k3a_elem_given(K3A_KIND_LOOP, &t->hdr, "touch_V") ? t->touch_V.value : NAN;
    meas_fill(w, &t->meas, row->ibuf, sizeof(row->ibuf), row->dbuf, sizeof(row->dbuf));
    row->instr = row->ibuf;
    row->tdate = row->dbuf;
    row->tmethod = w->lang == K3A_LANG_EN ? "earth-fault loop impedance (PUIL 2011 411.4.4)"
                                          : "impedansi loop gangguan bumi (PUIL 2011 411.4.4)";
    if (!worst_of_elem(w, K3A_KIND_LOOP, i, &row->verdict))
        row->verdict = K3A_WARN;
    return 0;
}

/* clang-format off */
#define LP(h, u, wd, k, field, d) { K3A_T_##h, u, wd, k, offsetof(struct loop_row, field), d }
static const struct col_spec loop_cols[] = {
    LP(NAME,     "",    14, COL_TEXT,    name,    0),
    LP(CIRCUIT,  "",    16, COL_TEXT,    circuit, 0),
    LP(DEVICE,   "",    14, COL_TEXT,    device,  0),
    LP(ZS,       "ohm", 10, COL_NUM,     zs,      3),
    LP(PSC,      "kA",  12, COL_NUM,     psc,     2),
    LP(PE_R,     "ohm", 11, COL_NUM,     pe,      3),
    LP(TOUCH_V,  "V",   10, COL_NUM,     touch,   1),
    LP(RESULT,   "",    16, COL_VERDICT, verdict, 0),
    LP(INSTRUMENT_COL, "", 30, COL_TEXT, instr,   0),
    LP(TEST_DATE, "",   11, COL_TEXT,    tdate,   0),
    LP(TEST_METHOD, "", 22, COL_TEXT,    tmethod, 0),
};
#undef LP
/* clang-format on */

/* Curves a tester reads: fall of potential (R against probe distance, with
 * the 61.8 % point) and soil resistivity (measured and the two-layer
 * model).  Data blocks on this sheet feed the charts beside them. */
static void write_charts(struct wctx *w)
{
    const struct k3a_site *s = w->r->site;
    lxw_worksheet *ws;
    lxw_row_t row = 0;
    size_t i, k;
    char title[96], sheet[40];
    int any = 0;

    for (i = 0; i < s->n_earthings; i++)
        any |= s->earthings[i].readings.n >= 2;
    for (i = 0; i < s->n_soils; i++)
        any |= w->r->soil[i].n >= 2;
    if (!any)
        return;
    ws = workbook_add_worksheet(w->wb, TX(w, SH_CHARTS));
    if (!ws) {
        check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    snprintf(sheet, sizeof(sheet), "%s", TX(w, SH_CHARTS));
    row = sheet_head(w, ws, K3A_T_SH_CHARTS, 4) + 1;
    check(w, worksheet_set_column(ws, 0, 2, 14, NULL));
    for (i = 0; i < s->n_earthings + s->n_soils && w->err == LXW_NO_ERROR; i++) {
        int is_soil = i >= s->n_earthings;
        const struct k3a_earthing *e = is_soil ? NULL : &s->earthings[i];
        const struct k3a_soil_res *sr = is_soil ? &w->r->soil[i - s->n_earthings] : NULL;
        size_t n = is_soil ? sr->n : e->readings.n;
        lxw_row_t first, last, block_end;
        lxw_chart *ch;
        lxw_chart_series *se;
        if (n < 2)
            continue;
        snprintf(title, sizeof(title), "%s %s",
                 is_soil ? TX(w, SH_SOIL) : TX(w, SH_EARTH),
                 is_soil ? s->soils[i - s->n_earthings].hdr.name : e->hdr.name);
        cell(w, worksheet_write_string(ws, row, 0, title, w->st.label));
        row++;
        cell(w, worksheet_write_string(ws, row, 0,
                                        is_soil ? "a (m)" : TX(w, DISTANCE), w->st.head));
        cell(w, worksheet_write_string(ws, row, 1,
                                        is_soil ? TX(w, MEASURED_RHO) : "R (ohm)",
                                        w->st.head));
        if (is_soil)
            cell(w, worksheet_write_string(ws, row, 2, TX(w, FITTED_RHO), w->st.head));
        row++;
        first = row;
        for (k = 0; k < n; k++, row++) {
            cell(w, write_number(ws, row, 0,
                                            is_soil ? sr->a_m[k] : e->readings.x[k],
                                            w->st.num2));
            cell(w, write_number(ws, row, 1,
                                            is_soil ? sr->rho_ohm_m[k] : e->readings.y[k],
                                            w->st.num2));
            if (is_soil && sr->fitted)
                cell(w, write_number(
                             ws, row, 2,
                             k3a_two_layer_rho_a(sr->rho1, sr->rho2, sr->h_m, sr->a_m[k]),
                             w->st.num2));
        }
        last = row - 1;
        ch = workbook_add_chart(w->wb, LXW_CHART_SCATTER_STRAIGHT_WITH_MARKERS);
        if (!ch) {
            check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
            return;
        }
        se = chart_add_series(ch, NULL, NULL);
        chart_series_set_categories(se, sheet, first, 0, last, 0);
        chart_series_set_values(se, sheet, first, 1, last, 1);
        chart_series_set_name(se, is_soil ? TX(w, MEASURED_RHO) : "R");
        if (is_soil && sr->fitted) {
            se = chart_add_series(ch, NULL, NULL);
            chart_series_set_categories(se, sheet, first, 0, last, 0);
            chart_series_set_values(se, sheet, first, 2, last, 2);
            chart_series_set_name(se, TX(w, FITTED_RHO));
        }
        chart_title_set_name(ch, title);
        chart_axis_set_name(ch->x_axis, is_soil ? "a (m)" : TX(w, DISTANCE));
        chart_axis_set_name(ch->y_axis, is_soil ? "rho (ohm m)" : "R (ohm)");
        if (is_soil)
            chart_axis_set_log_base(ch->x_axis, 10);
        chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
        check(w, worksheet_insert_chart(ws, first - 1, 4, ch));
        /* leave room for the chart (about 15 rows) below the block */
        block_end = first + 16;
        if (row < block_end)
            row = block_end;
        row += 2;
    }
    page_setup(w, ws, 3 * col_px(14) + col_px(8.43) + 480, 0, 0);
}

/* ---- Beban / Loads: cables, transformers, loading chart ------------------ */

static const char *const method_words[] = { "A1", "A2", "B1", "B2", "C", "D1",
                                            "D2", "E", "F" };

/* A clause without its parenthetical remarks, appended to buf. */
static void clause_short(char *buf, size_t n, const char *sep, const char *c)
{
    size_t u = strlen(buf);
    int depth = 0;

    if (!c || !*c)
        return;
    if (u && u + strlen(sep) < n) {
        memcpy(buf + u, sep, strlen(sep) + 1);
        u += strlen(sep);
    }
    for (; *c && u + 1 < n; c++) {
        if (*c == '(')
            depth++;
        else if (*c == ')' && depth)
            depth--;
        else if (!depth)
            buf[u++] = *c;
    }
    while (u && buf[u - 1] == ' ')
        u--;
    buf[u] = '\0';
}

struct cable_row {
    const char *name, *from, *to, *cons, *method, *device, *clause;
    double ibc, ibm, ib, in, i2, itab, kt, kg, iz, load, vdo, vde;
    enum k3a_verdict verdict;
    char cbuf[64], mbuf[24], clbuf[200];
};

static int cable_row(struct wctx *w, size_t i, void *rowp)
{
    struct cable_row *row = rowp;
    const struct k3a_site *s = w->r->site;
    const struct k3a_cable *cb = &s->cables[i];
    const struct k3a_cable_res *cr = &w->r->cables[i];

    row->name = cb->hdr.name;
    row->from = cb->from.name;
    row->to = cb->to.name;
    snprintf(row->cbuf, sizeof(row->cbuf), "%s/%s %dx%g mm2%s", 
             cb->material == K3A_MAT_AL ? "Al" : "Cu",
             cb->insulation == K3A_INS_XLPE ? "XLPE" : "PVC",
             cb->cores > 0 ? cb->cores : (cb->phases == 1 ? 3 : 4), cb->size_mm2,
             cb->parallel > 1 ? "" : "");
    if (cb->parallel > 1) {
        size_t u = strlen(row->cbuf);
        snprintf(row->cbuf + u, sizeof(row->cbuf) - u, " x %d", cb->parallel);
    }
    row->cons = row->cbuf;
    snprintf(row->mbuf, sizeof(row->mbuf), "%s%s",
             (size_t)cr->method < sizeof(method_words) / sizeof(method_words[0])
                 ? method_words[cr->method]
                 : "?",
             cr->method_assumed ? (w->lang == K3A_LANG_EN ? " (assumed)"
                                                          : " (asumsi)")
                                : "");
    row->method = row->mbuf;
    row->device = cr->device >= 0 ? s->devices[cr->device].hdr.name : NULL;
    row->ibc = cr->ib_calc_A;
    row->ibm = cr->ib_meas_A;
    row->ib = cr->ib_A;
    row->in = cr->in_A;
    row->i2 = cr->i2_A;
    row->itab = cr->has_iz ? cr->amp.itab_A : NAN;
    row->kt = cr->has_iz ? cr->amp.k_temp : NAN;
    row->kg = cr->has_iz ? cr->amp.k_group : NAN;
    row->iz = cr->iz_A;
    row->load = cr->loading_pct;
    row->vdo = cr->vdrop_pct;
    row->vde = cr->has_vdrop ? cr->vdrop_end_pct : NAN;
    row->clbuf[0] = '\0';
    if (cr->has_iz) {
        clause_short(row->clbuf, sizeof(row->clbuf), "; ", cr->amp.clause_table);
        clause_short(row->clbuf, sizeof(row->clbuf), "; ", cr->amp.clause_temp);
        clause_short(row->clbuf, sizeof(row->clbuf), "; ", cr->amp.clause_group);
    } else
        snprintf(row->clbuf, sizeof(row->clbuf), "%s",
                 cr->amp.flags & K3A_AMP_VOLTAGE
                     ? (w->lang == K3A_LANG_EN ? "above 1 kV: IEC 60364-5-52 does not apply"
                                               : "di atas 1 kV: IEC 60364-5-52 tidak berlaku")
                     : (w->lang == K3A_LANG_EN ? "no capacity: see the findings"
                                               : "KHA tidak ada: lihat temuan"));
    row->clause = row->clbuf;
    if (!worst_of_elem(w, K3A_KIND_CABLE, i, &row->verdict))
        row->verdict = K3A_WARN;
    return 0;
}

/* clang-format off */
#define CB(h, u, wd, k, field, d) { K3A_T_##h, u, wd, k, offsetof(struct cable_row, field), d }
static const struct col_spec cable_cols[] = {
    CB(CABLE,        "",    11, COL_TEXT,    name,    0),
    CB(FROM,         "",    11, COL_TEXT,    from,    0),
    CB(TO,           "",    11, COL_TEXT,    to,      0),
    CB(CONSTRUCTION, "",    18, COL_TEXT,    cons,    0),
    CB(INSTALL,      "",     9, COL_TEXT,    method,  0),
    CB(IB_CALC,      "A",    9, COL_NUM,     ibc,     1),
    CB(IB_MEAS,      "A",    9, COL_NUM,     ibm,     1),
    CB(IB,           "A",    8, COL_NUM,     ib,      1),
    CB(DEVICE,       "",    12, COL_TEXT,    device,  0),
    CB(RATING,       "A",    7, COL_NUM,     in,      0),
    CB(I2,           "A",    7, COL_NUM,     i2,      0),
    CB(ITAB,         "A",    8, COL_NUM,     itab,    1),
    CB(K_TEMP,       "-",    7, COL_NUM,     kt,      2),
    CB(K_GROUP,      "-",    8, COL_NUM,     kg,      2),
    CB(IZ,           "A",    8, COL_NUM,     iz,      1),
    CB(LOADING,      "%",    9, COL_NUM,     load,    0),
    CB(VD_OWN,       "%",    8, COL_NUM,     vdo,     2),
    CB(VD_END,       "%",    9, COL_NUM,     vde,     2),
    CB(RESULT,       "",    14, COL_VERDICT, verdict, 0),
    CB(CLAUSE,       "",    24, COL_TEXT,    clause,  0),
};
#undef CB
/* clang-format on */

#define LOAD_CHART_MAX 60 /* cables in the chart; more are in the table */

static void loads_after(struct wctx *w, lxw_worksheet *ws, lxw_row_t row,
                        lxw_row_t first, lxw_row_t last)
{
    const struct k3a_site *s = w->r->site;
    static const enum k3a_text_id th[] = { K3A_T_TRANSFORMER, K3A_T_RATED_KVA,
                                           K3A_T_S_CALC, K3A_T_S_MEAS,
                                           K3A_T_S_USED, K3A_T_LOADING,
                                           K3A_T_LOSSES, K3A_T_RESULT };
    static const char *const tu[] = { "", "kVA", "kVA", "kVA", "kVA", "%", "kW", "" };
    size_t i, c;

    if (s->n_transformers) {
        check(w, worksheet_set_row(ws, row, 45, NULL));
        for (c = 0; c < 8; c++)
            cell(w, worksheet_write_string(ws, row, (lxw_col_t)c,
                                            k3a_text(w->lang, th[c]), w->st.head));
        row++;
        for (c = 0; c < 8; c++)
            cell(w, worksheet_write_string(ws, row, (lxw_col_t)c, tu[c], w->st.unit));
        row++;
        for (i = 0; i < s->n_transformers && w->err == LXW_NO_ERROR; i++, row++) {
            const struct k3a_tx_res *tr = &w->r->tx[i];
            const double v[] = { s->transformers[i].rating_kVA, tr->s_calc_kVA,
                                 tr->s_meas_kVA > 0 ? tr->s_meas_kVA : NAN,
                                 tr->s_kVA, tr->loading_pct, tr->losses_kW };
            enum k3a_verdict vd;
            check(w, worksheet_set_row(ws, row, 30, NULL)); /* the verdict wraps */
            cell(w, worksheet_write_string(ws, row, 0,
                                            s->transformers[i].hdr.name, w->st.text));
            for (c = 0; c < 6; c++) {
                if (isfinite(v[c]))
                    cell(w, write_number(ws, row, (lxw_col_t)(c + 1), v[c],
                                                    c == 5 ? w->st.num2 : w->st.num0));
                else
                    cell(w, worksheet_write_blank(ws, row, (lxw_col_t)(c + 1),
                                                   w->st.text));
            }
            if (!worst_of_elem(w, K3A_KIND_TRANSFORMER, i, &vd))
                vd = K3A_WARN;
            cell(w, worksheet_write_string(ws, row, 7, verdict_text(w, vd),
                                            verdict_format(w, vd)));
        }
        row++;
    }
    /* the bar chart of cable loading, for a site of a readable size */
    if (last >= first && last - first + 1 <= LOAD_CHART_MAX) {
        char sheet[40];
        lxw_chart *ch = workbook_add_chart(w->wb, LXW_CHART_BAR);
        lxw_chart_series *se;
        if (!ch) {
            check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
            return;
        }
        snprintf(sheet, sizeof(sheet), "%s", TX(w, SH_LOADS));
        se = chart_add_series(ch, NULL, NULL);
        chart_series_set_categories(se, sheet, first, 0, last, 0);
        chart_series_set_values(se, sheet, first, 15, last, 15);
        chart_series_set_name(se, TX(w, CABLE_LOADING));
        chart_title_set_name(ch, TX(w, CABLE_LOADING));
        chart_axis_set_name(ch->x_axis, "%");
        chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
        check(w, worksheet_insert_chart(ws, row, 0, ch));
    }
}

/* ---- IBPR: the risk register, and the heat map ------------------------- */

struct risk_row {
    const char *id, *activity, *hazard, *risk, *existing, *control, *clevel,
        *owner, *due, *source, *reason, *basis;
    double l, s, l2, s2;
    const struct k3a_band *band, *band2;
    char abuf[160], dbuf[16];
};

static int risk_row(struct wctx *w, size_t i, void *rowp)
{
    struct risk_row *row = rowp;
    const struct k3a_risk *k = &w->r->risks[i];
    const struct k3a_risk_profile *p = &w->r->profile;
    int en = w->lang == K3A_LANG_EN;
    const char *act = en ? k->activity_en : k->activity_id;
    char eb[200];

    row->id = k->id;
    snprintf(row->abuf, sizeof(row->abuf), "%s%s%s%s%s", act ? act : "",
             act && (k->location[0] || k->idx >= 0) ? " - " : "", k->location,
             k->location[0] ? " " : "",
             k->location[0] ? "" : k3a_element_text(k->element, w->lang, eb, sizeof(eb)));
    if (k->location[0] && strcmp(k->element, "site") != 0) {
        size_t u = strlen(row->abuf);
        snprintf(row->abuf + u, sizeof(row->abuf) - u, "(%s)",
                 k3a_element_text(k->element, w->lang, eb, sizeof(eb)));
    }
    row->activity = row->abuf;
    row->hazard = en ? k->hazard_en : k->hazard_id;
    row->risk = en ? k->risk_en : k->risk_id;
    row->existing = en ? k->existing_en : k->existing_id;
    row->l = k->likelihood;
    row->s = k->severity;
    row->band = k->band;
    row->control = en ? k->control_en : k->control_id;
    row->clevel = k->has_control && p->control[k->control]
                      ? (en ? p->control[k->control]->label_en
                            : p->control[k->control]->label_id)
                      : NULL;
    row->l2 = k->likelihood_after;
    row->s2 = k->severity_after;
    row->band2 = k->band_after;
    row->owner = k->owner;
    if (k->due.y) {
        snprintf(row->dbuf, sizeof(row->dbuf), "%04d-%02d-%02d", k->due.y, k->due.m,
                 k->due.d);
        row->due = row->dbuf;
    }
    row->source = k->source;
    row->reason = en ? k->reason_en : k->reason_id;
    row->basis = k->basis;
    return 0;
}

/* clang-format off */
#define RK(h, u, wd, k, field, d) { K3A_T_##h, u, wd, k, offsetof(struct risk_row, field), d }
static const struct col_spec risk_cols[] = {
    RK(NO,           "",  7, COL_TEXT, id,       0),
    RK(ACTIVITY,     "", 24, COL_TEXT, activity, 0),
    RK(HAZARD,       "", 34, COL_TEXT, hazard,   0),
    RK(RISK,         "", 20, COL_TEXT, risk,     0),
    RK(EXISTING,     "", 20, COL_TEXT, existing, 0),
    RK(LIKELIHOOD,   "",  5, COL_NUM,  l,        0),
    RK(SEVERITY,     "",  5, COL_NUM,  s,        0),
    RK(LEVEL,        "", 10, COL_BAND, band,     0),
    RK(CONTROL,      "", 34, COL_TEXT, control,  0),
    RK(CONTROL_LVL,  "", 13, COL_TEXT, clevel,   0),
    RK(LIKELIHOOD2,  "",  5, COL_NUM,  l2,       0),
    RK(SEVERITY2,    "",  5, COL_NUM,  s2,       0),
    RK(LEVEL2,       "", 10, COL_BAND, band2,    0),
    RK(OWNER,        "", 16, COL_TEXT, owner,    0),
    RK(DUE,          "", 11, COL_TEXT, due,      0),
    RK(SOURCE,       "", 12, COL_TEXT, source,   0),
    RK(REASON,       "", 30, COL_TEXT, reason,   0),
    RK(CLAUSE,       "", 24, COL_TEXT, basis,    0),
};
#undef RK
/* clang-format on */

/* Counts per cell before and after controls, coloured by band, and the
 * band legend with the action each requires. */
static void write_heatmap(struct wctx *w)
{
    const struct k3a_results *r = w->r;
    const struct k3a_risk_profile *p = &r->profile;
    lxw_worksheet *ws = workbook_add_worksheet(w->wb, TX(w, SH_HEATMAP));
    size_t cnt[2][5][5], i;
    int en = w->lang == K3A_LANG_EN, g, l, sv;
    lxw_row_t row;
    char buf[160];

    if (!ws) {
        check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    memset(cnt, 0, sizeof(cnt));
    for (i = 0; i < r->n_risks; i++) {
        const struct k3a_risk *k = &r->risks[i];
        if (k->likelihood >= 1 && k->likelihood <= 5 && k->severity >= 1 && k->severity <= 5)
            cnt[0][k->likelihood - 1][k->severity - 1]++;
        if (k->likelihood_after >= 1 && k->likelihood_after <= 5 &&
            k->severity_after >= 1 && k->severity_after <= 5)
            cnt[1][k->likelihood_after - 1][k->severity_after - 1]++;
    }
    row = sheet_head(w, ws, K3A_T_SH_HEATMAP, 7);
    snprintf(buf, sizeof(buf), "%s: %s", TX(w, PROFILE),
             p->file && p->file->meta.title ? p->file->meta.title : "");
    cell(w, worksheet_write_string(ws, row++, 0, buf, w->st.subtitle));
    check(w, worksheet_set_column(ws, 0, 0, 26, NULL));
    check(w, worksheet_set_column(ws, 1, 5, 16, NULL));
    check(w, worksheet_set_column(ws, 6, 6, 60, NULL));
    for (g = 0; g < 2; g++) {
        row++;
        cell(w, worksheet_write_string(ws, row++, 0,
                                        g ? TX(w, AFTER_CONTROLS) : TX(w, AS_FOUND),
                                        w->st.label));
        check(w, worksheet_set_row(ws, row, 30, NULL));
        cell(w, worksheet_write_string(ws, row, 0, TX(w, LIKELIHOOD_SEVERITY),
                                        w->st.head));
        for (sv = 0; sv < 5; sv++) {
            snprintf(buf, sizeof(buf), "S%d %s", sv + 1,
                     en ? p->severity[sv]->label_en : p->severity[sv]->label_id);
            cell(w, worksheet_write_string(ws, row, (lxw_col_t)(sv + 1), buf,
                                            w->st.head));
        }
        row++;
        for (l = 4; l >= 0; l--, row++) {
            snprintf(buf, sizeof(buf), "P%d %s", l + 1,
                     en ? p->likelihood[l]->label_en : p->likelihood[l]->label_id);
            cell(w, worksheet_write_string(ws, row, 0, buf, w->st.head));
            for (sv = 0; sv < 5; sv++)
                cell(w, write_number(ws, row, (lxw_col_t)(sv + 1),
                                                (double)cnt[g][l][sv],
                                                band_format(w, p->cell[l][sv], 1)));
            check(w, worksheet_set_row(ws, row, 24, NULL));
        }
    }
    row++;
    cell(w, worksheet_write_string(ws, row, 0, TX(w, LEVEL), w->st.head));
    cell(w, worksheet_write_string(ws, row, 1, TX(w, DUE_DAYS), w->st.head));
    check(w, worksheet_merge_range(ws, row, 2, row, 6, TX(w, ACTION), w->st.head));
    row++;
    for (i = 0; p->file && i < p->file->n_bands; i++, row++) {
        const struct k3a_band *b = &p->file->bands[i];
        cell(w, worksheet_write_string(ws, row, 0, en ? b->label_en : b->label_id,
                                        band_format(w, b, 0)));
        cell(w, write_number(ws, row, 1, b->due_days, w->st.num0));
        check(w, worksheet_merge_range(ws, row, 2, row, 6,
                                       en ? b->action_en : b->action_id, w->st.wrap));
        check(w, worksheet_set_row(ws, row, 30, NULL));
    }
    page_setup(w, ws, col_px(26) + 5 * col_px(16) + col_px(60), 0, 1);
}

/* ---- Energi / Energy and Rekomendasi / Recommendations ---------------- */

static void num_cell(struct wctx *w, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
                     double v, lxw_format *f)
{
    if (isfinite(v))
        cell(w, write_number(ws, r, c, v, f));
    else
        cell(w, worksheet_write_blank(ws, r, c, w->st.text));
}

static void kv_num(struct wctx *w, lxw_worksheet *ws, lxw_row_t *row,
                   const char *label, double v, const char *unit, lxw_format *f,
                   const char *basis)
{
    char ub[32];

    cell(w, worksheet_write_string(ws, *row, 0, label, w->st.label));
    num_cell(w, ws, *row, 1, v, f);
    cell(w, worksheet_write_string(ws, *row, 2, unit_label(w, unit, ub, sizeof(ub)),
                                    w->st.text));
    if (basis && *basis) { /* across D:I, wrapped */
        double nl = text_lines(basis, 6 * 13, 0);
        check(w, worksheet_merge_range(ws, *row, 3, *row, 8, basis, w->st.wrap));
        if (nl > 1)
            check(w, worksheet_set_row(ws, *row, 15.0 * nl, NULL));
    }
    (*row)++;
}

static void write_energy(struct wctx *w)
{
    static const enum k3a_text_id enduse[7] = {
        K3A_T_EU_MOTOR, K3A_T_EU_LIGHTING, K3A_T_EU_HVAC, K3A_T_EU_SOCKET,
        K3A_T_EU_HEATER, K3A_T_EU_PROCESS, K3A_T_EU_OTHER
    };
    const struct k3a_results *r = w->r;
    const struct k3a_energy_res *e = &r->energy;
    const struct k3a_site *s = r->site;
    lxw_worksheet *ws = workbook_add_worksheet(w->wb, TX(w, SH_ENERGY));
    lxw_row_t row, first, last, eu_head;
    char sheet[40], buf[400];
    size_t i;
    int en = w->lang == K3A_LANG_EN;
    lxw_chart *ch;
    lxw_chart_series *se;

    if (!ws) {
        check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    snprintf(sheet, sizeof(sheet), "%s", TX(w, SH_ENERGY));
    check(w, worksheet_set_column(ws, 0, 0, 34, NULL));
    check(w, worksheet_set_column(ws, 1, 1, 16, NULL));
    check(w, worksheet_set_column(ws, 2, 8, 13, NULL));
    row = sheet_head(w, ws, K3A_T_SH_ENERGY, 8);
    cell(w, worksheet_write_string(ws, row++, 0, TX(w, ENERGY_SCOPE), w->st.subtitle));
    row++;
    kv_num(w, ws, &row, TX(w, E_ANNUAL), e->annual_kWh, "kWh",
           w->st.num0, e->annual_from_bills ? TX(w, FROM_BILLS) : TX(w, FROM_MODEL));
    kv_num(w, ws, &row, TX(w, E_MODEL), e->model_kWh, "kWh", w->st.num0,
           en ? "sum of quantity x P_in x hours a year" : "jumlah dari banyaknya x P_masuk x jam setahun");
    kv_num(w, ws, &row, TX(w, E_GAP), e->gap_pct, "%", w->st.num1, NULL);
    if (e->tariff || isfinite(e->annual_cost_Rp))
        kv_num(w, ws, &row, TX(w, E_COST), e->annual_cost_Rp, "Rp", w->st.num0,
               e->tariff ? e->tariff->clause : TX(w, FROM_BILLS));
    else { /* never 0 Rp for a group the model lacks */
        snprintf(buf, sizeof(buf), "%s (%s)", TX(w, NOT_COSTED),
                 s->n_supplies && s->supplies[0].tariff ? s->supplies[0].tariff : "-");
        cell(w, worksheet_write_string(ws, row, 0, TX(w, E_COST), w->st.label));
        cell(w, worksheet_write_string(ws, row++, 1, buf, w->st.warn));
    }
    if (e->tariff) { /* the rates the costing used, and their source */
        snprintf(buf, sizeof(buf), "%s: LWBP Rp %.2f/kWh, WBP = %.2f x LWBP, kVArh Rp %.2f/kvarh",
                 e->tariff->hdr.name, e->tariff->lwbp_Rp, e->tariff->k_wbp,
                 e->tariff->kvarh_Rp);
        cell(w, worksheet_write_string(ws, row, 0, TX(w, TARIFF_BASIS), w->st.label));
        check(w, worksheet_merge_range(ws, row, 1, row, 8, buf, w->st.wrap));
        row++;
    }
    kv_num(w, ws, &row, TX(w, E_PRICE), e->price_Rp_kWh, "Rp/kWh", w->st.num2, NULL);
    kv_num(w, ws, &row, TX(w, E_PF), e->pf_avg, "-", w->st.num3,
           "Permen ESDM 7/2024 (PF < 0,85: kVArh)");
    kv_num(w, ws, &row, TX(w, E_KVARH), e->n_months ? e->kvarh_charge_Rp : NAN, "Rp",
           w->st.num0, NULL);
    kv_num(w, ws, &row, TX(w, E_KVAR), e->kvar_proposed > 0 ? e->kvar_proposed : NAN,
           "kvar", w->st.num0, "Q = P (tan phi1 - tan phi2)");
    kv_num(w, ws, &row, TX(w, E_LOSSES), e->loss_kWh, "kWh", w->st.num0,
           en ? "cables I2R; transformers P0 + Pk (S/Sn)2" : "kabel I2R; trafo P0 + Pk (S/Sn)2");
    kv_num(w, ws, &row, TX(w, E_IKE), e->ike_kWh_m2, "kWh/m2/year", w->st.num0,
           e->ike_row ? e->ike_row->clause : "");
    kv_num(w, ws, &row, TX(w, E_SEC), e->sec_kWh_unit, en ? "kWh/unit" : "kWh/satuan",
           w->st.num3, NULL);
    kv_num(w, ws, &row, "TOE", e->toe, "TOE/year", w->st.num0, "PP 33/2023");
    snprintf(buf, sizeof(buf), "%s (%s %d)", e->grid ? e->grid->clause : "",
             e->grid ? e->grid->hdr.name : "", e->grid ? e->grid->data_year : 0);
    kv_num(w, ws, &row, "CO2", e->co2_t, "t/year", w->st.num1, e->grid ? buf : "");
    if (e->has_fit) {
        /* the regression as an equation: kWh = b0 + b1 x X (+ b2 x CDD) */
        const char *x1 = e->fit_uses_production ? TX(w, PRODUCTION) : "CDD";
        size_t u = (size_t)k3a__fmt(buf, sizeof(buf), "kWh = %.1f %s %.2f \xC3\x97 %s",
                                    e->fit.b[0], e->fit.b[1] < 0 ? "\xE2\x88\x92" : "+",
                                    fabs(e->fit.b[1]), x1);
        if (e->fit.p == 3 && u < sizeof(buf))
            k3a__fmt(buf + u, sizeof(buf) - u, " %s %.2f \xC3\x97 CDD",
                     e->fit.b[2] < 0 ? "\xE2\x88\x92" : "+", fabs(e->fit.b[2]));
        cell(w, worksheet_write_string(ws, row, 0, TX(w, BASELINE), w->st.label));
        check(w, worksheet_merge_range(ws, row, 1, row, 8, buf, w->st.wrap));
        row++;
        kv_num(w, ws, &row, "R2", e->fit.r2, "-", w->st.num3, NULL);
        kv_num(w, ws, &row, "CV(RMSE)", e->fit.cv_rmse_pct, "%", w->st.num2,
               "ASHRAE Guideline 14 (n - p)");
        kv_num(w, ws, &row, "NMBE", e->fit.nmbe_pct, "%", w->st.num2,
               "ASHRAE Guideline 14 (n - p)");
    }
    /* end use, with a pie chart */
    row++;
    eu_head = row;
    cell(w, worksheet_write_string(ws, row, 0, TX(w, END_USE), w->st.head));
    cell(w, worksheet_write_string(ws, row, 1, en ? "kWh/year" : "kWh/tahun", w->st.head));
    cell(w, worksheet_write_string(ws, row, 2, "%", w->st.head));
    row++;
    first = row;
    for (i = 0; i < 7; i++) {
        if (!(e->enduse_kWh[i] > 0))
            continue;
        cell(w, worksheet_write_string(ws, row, 0, k3a_text(w->lang, enduse[i]), w->st.text));
        num_cell(w, ws, row, 1, e->enduse_kWh[i], w->st.num0);
        num_cell(w, ws, row, 2, e->model_kWh > 0 ? 100 * e->enduse_kWh[i] / e->model_kWh : NAN,
                 w->st.num1);
        row++;
    }
    last = row - 1;
    if (last >= first) {
        ch = workbook_add_chart(w->wb, LXW_CHART_PIE);
        if (ch) {
            se = chart_add_series(ch, NULL, NULL);
            chart_series_set_categories(se, sheet, first, 0, last, 0);
            chart_series_set_values(se, sheet, first, 1, last, 1);
            chart_title_set_name(ch, TX(w, END_USE));
            check(w, worksheet_insert_chart(ws, eu_head, 4, ch));
            if (row < eu_head + 16) /* the chart's 15 rows, beside the table */
                row = eu_head + 16;
        }
    }
    /* monthly bills against the model, with a line chart */
    if (e->n_months) {
        static const enum k3a_text_id mh[] = { K3A_T_MONTH, K3A_T_KWH, K3A_T_KVARH_COL,
                                               K3A_T_PF_COL, K3A_T_PEAK, K3A_T_COST_MODEL,
                                               K3A_T_COST_BILL, K3A_T_MODEL_MONTH };
        row++;
        for (i = 0; i < 8; i++)
            cell(w, worksheet_write_string(ws, row, (lxw_col_t)i,
                                            k3a_text(w->lang, mh[i]), w->st.head));
        check(w, worksheet_set_row(ws, row, 30, NULL));
        row++;
        first = row;
        for (i = 0; i < e->n_months; i++, row++) {
            const struct k3a_month_res *mo = &e->months[i];
            snprintf(buf, sizeof(buf), "%04d-%02d", mo->y, mo->m);
            cell(w, worksheet_write_string(ws, row, 0, buf, w->st.text));
            num_cell(w, ws, row, 1, mo->kWh, w->st.num0);
            num_cell(w, ws, row, 2, mo->kvarh, w->st.num0);
            num_cell(w, ws, row, 3, mo->cost.pf, w->st.num3);
            num_cell(w, ws, row, 4, mo->peak_kW, w->st.num0);
            num_cell(w, ws, row, 5, e->tariff ? mo->cost.total_Rp : NAN, w->st.num0);
            num_cell(w, ws, row, 6, mo->cost_bill_Rp, w->st.num0);
            num_cell(w, ws, row, 7, e->model_kWh / 12.0, w->st.num0);
        }
        last = row - 1;
        ch = workbook_add_chart(w->wb, LXW_CHART_LINE);
        if (ch) {
            se = chart_add_series(ch, NULL, NULL);
            chart_series_set_categories(se, sheet, first, 0, last, 0);
            chart_series_set_values(se, sheet, first, 1, last, 1);
            chart_series_set_name(se, TX(w, KWH));
            se = chart_add_series(ch, NULL, NULL);
            chart_series_set_categories(se, sheet, first, 0, last, 0);
            chart_series_set_values(se, sheet, first, 7, last, 7);
            chart_series_set_name(se, TX(w, MODEL_MONTH));
            chart_title_set_name(ch, TX(w, BILLS_VS_MODEL));
            chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
            check(w, worksheet_insert_chart(ws, row + 1, 0, ch));
        }
    }
    (void)s;
    page_setup(w, ws, col_px(34) + col_px(16) + 7 * col_px(13), 0, 0);
}

struct reco_row {
    const char *title, *basis, *viable;
    double kwh, rp, cost, pb, npv, irr;
};

static int reco_row(struct wctx *w, size_t i, void *rowp)
{
    struct reco_row *row = rowp;
    const struct k3a_reco *k = &w->r->energy.recos[i];

    row->title = w->lang == K3A_LANG_EN ? k->title_en : k->title_id;
    row->kwh = k->saving_kWh;
    row->rp = k->saving_Rp;
    row->cost = k->cost_Rp;
    row->pb = k->payback_years;
    row->npv = k->npv_Rp;
    row->irr = isfinite(k->irr) ? 100.0 * k->irr : NAN;
    row->basis = k->basis;
    row->viable = !isfinite(k->npv_Rp) ? TX(w, NOT_COSTED)
                  : k->npv_Rp < 0     ? TX(w, NOT_VIABLE)
                                      : TX(w, VIABLE);
    return 0;
}

/* clang-format off */
#define RC(h, u, wd, k, field, d) { K3A_T_##h, u, wd, k, offsetof(struct reco_row, field), d }
static const struct col_spec reco_cols[] = {
    RC(RECOMMENDATION, "",         50, COL_TEXT, title, 0),
    RC(SAVING_KWH,     "kWh/year", 12, COL_NUM,  kwh,   0),
    RC(SAVING_RP,      "Rp/year",  15, COL_NUM,  rp,    0),
    RC(INVESTMENT,     "Rp",       15, COL_NUM,  cost,  0),
    RC(PAYBACK,        "year",     12, COL_NUM,  pb,    1),
    RC(NPV,            "Rp",       15, COL_NUM,  npv,   0),
    RC(IRR,            "%",         8, COL_NUM,  irr,   1),
    RC(VIABILITY,      "",         16, COL_TEXT, viable, 0),
    RC(CLAUSE,         "",         40, COL_TEXT, basis, 0),
};
#undef RC
/* clang-format on */

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
#define IC(h, u, wd, k, field, d) { K3A_T_##h, u, wd, k, offsetof(struct input_row, field), d }
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
 * the first time.  -1 on no memory. */
static int dflt_count(struct dflt_groups *gs, enum k3a_kind kind, unsigned key,
                      const char *value, const char *source, size_t idx)
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

/* The defaults of every kind, by kind, key (table order) and the element
 * that first took each value.  -1 on no memory. */
static int dflt_groups(const struct k3a_site *s, struct dflt_groups *gs, const char *dsrc)
{
    size_t kind, i, k;
    const struct k3a_default *d = s->defaults, *dend = s->defaults + s->n_defaults;
    char value[600];

    memset(gs, 0, sizeof(*gs));
    for (kind = 0; kind < K3A_KIND_COUNT; kind++) {
        size_t nk = k3a_kind_key_count((enum k3a_kind)kind);
        size_t n = k3a_site_count(s, (enum k3a_kind)kind);
        for (i = 0; i < n; i++)
            for (k = 0; k < nk; k++) {
                const struct k3a_elem *e = k3a_site_elem(s, (enum k3a_kind)kind, i);
                const char *src = NULL;
                int is_def;
                if ((e->given >> k) & 1u) /* given: not a default */
                    continue;
                /* the defaults list is sorted by kind, element, key: walk
                 * it beside the elements instead of searching it */
                while (d < dend && ((size_t)d->kind < kind ||
                                    ((size_t)d->kind == kind &&
                                     ((size_t)d->idx < i ||
                                      ((size_t)d->idx == i && d->key < k)))))
                    d++;
                if (d < dend && (size_t)d->kind == kind && (size_t)d->idx == i &&
                    d->key == k)
                    src = d->source;
                if (!k3a__site_value_text(s, (enum k3a_kind)kind, i, (unsigned)k, src,
                                          value, sizeof(value), &is_def) ||
                    !is_def)
                    continue;
                if (dflt_count(gs, (enum k3a_kind)kind, (unsigned)k, value,
                               src ? src : dsrc, i))
                    return -1;
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
#define DC(h, wd, k, field) { K3A_T_##h, "", wd, k, offsetof(struct dflt_row, field), 0 }
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
    cell(w, worksheet_write_string(ws, row++, vc, base_name(w->r->site->path), NULL));
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
    write_table(w, &t, 1);
    dflt_groups_free(&gs);
}

static void write_input(struct wctx *w)
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
    r0 = sheet_head(w, ws, K3A_T_SH_INPUT, (lxw_col_t)nc);
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
                    cell(w, write_number(ws, xr, col,
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
            px += col_px(input_cols[c].width);
        page_setup(w, ws, px, r0, 0);
    }
}

/* ---- Tabel Model / Model tables --------------------------------------------- */

struct model_row {
    const char *file, *id, *title, *source, *version, *confidence, *sha;
    double year;
    char sha_buf[65];
    char file_buf[300];
};

static int model_row(struct wctx *w, size_t i, void *rowp)
{
    struct model_row *row = rowp;
    const struct k3a_model_file *f = &w->r->models->files[i];

    snprintf(row->file_buf, sizeof(row->file_buf), "%s%s", f->file,
             f->builtin ? " *" : "");
    row->file = row->file_buf;
    row->id = f->meta.id;
    row->title = f->meta.title;
    row->source = f->meta.source;
    row->version = f->meta.version;
    row->confidence = f->meta.confidence;
    row->year = f->meta.year;
    k3a__hex(f->sha256, 32, row->sha_buf);
    row->sha = row->sha_buf;
    return 0;
}

/* clang-format off */
#define MC(h, u, wd, k, field, d) { K3A_T_##h, u, wd, k, offsetof(struct model_row, field), d }
static const struct col_spec model_cols[] = {
    MC(FILE,       "", 30, COL_TEXT, file,       0),
    MC(ID,         "", 20, COL_TEXT, id,         0),
    MC(TITLE_COL,  "", 36, COL_TEXT, title,      0),
    MC(SOURCE,     "", 60, COL_TEXT, source,     0),
    MC(YEAR,       "",  7, COL_NUM,  year,       0),
    MC(VERSION,    "",  8, COL_TEXT, version,    0),
    MC(CONFIDENCE, "", 11, COL_TEXT, confidence, 0),
    MC(INPUT_SHA,  "", 30, COL_TEXT, sha,        0),
};
#undef MC
/* clang-format on */


/* One table sheet: the rows of n elements written by fn with the cols. */
#define TABLE(sheet_id, spec, rowtype, fn, count, after_fn)                  \
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
        write_table(w, &t_, 1);                                              \
    } while (0)

static void write_all(struct wctx *w)
{
    const struct k3a_results *r = w->r;
    const struct k3a_site *s = r->site;

    worst_init(w);
    write_summary(w);
    write_changes(w);
    if (!k3a_site_count(s, K3A_KIND_SCENARIO)) /* a training file is not signed */
        write_attestation(w);
    pass_groups_init(w); /* read by the findings' rows */
    risk_of_init(w);
    TABLE(SH_FINDINGS, finding_cols, finding_row, finding_row, r->n_findings, NULL);
    if (r->has_profile) {
        TABLE(SH_RISK, risk_cols, risk_row, risk_row, r->n_risks, NULL);
        write_heatmap(w);
    }
    if (r->prot && r->sc.has_case[K3A_CASE_MAX])
        TABLE(SH_SC, sc_cols, sc_row, sc_row, s->n_buses, NULL);
    TABLE(SH_DEVICES, dev_cols, dev_row, dev_row, s->n_devices, NULL);
    if (r->arc && r->has_arc_model)
        TABLE(SH_ARC, arc_cols, arc_row, arc_row, s->n_buses, NULL);
    if (r->earth) {
        if (s->n_earthings)
            TABLE(SH_EARTH, earth_cols, earth_row, earth_row, s->n_earthings, NULL);
        if (s->n_soils)
            TABLE(SH_SOIL, soil_cols, soil_row, soil_row, s->n_soils, NULL);
        if (s->n_insulations)
            TABLE(SH_IR, ir_cols, ir_row, ir_row, s->n_insulations, NULL);
        if (s->n_loops)
            TABLE(SH_LOOP, loop_cols, loop_row, loop_row, s->n_loops, NULL);
        if (s->n_rcds)
            TABLE(SH_RCD, rcd_cols, rcd_row, rcd_row, s->n_rcds, NULL);
        if (s->n_thermographies)
            TABLE(SH_THERMO, thermo_cols, thermo_row, thermo_row, s->n_thermographies,
                  NULL);
        if (s->n_pqs)
            TABLE(SH_PQ, pq_cols, pq_row, pq_row, s->n_pqs, NULL);
        write_charts(w);
    }
    if (r->cables && (s->n_cables || s->n_transformers))
        TABLE(SH_LOADS, cable_cols, cable_row, cable_row, s->n_cables, loads_after);
    if (r->arc && r->has_arc_model) {
        size_t n_labels = 0, i;
        for (i = 0; i < s->n_buses; i++)
            n_labels += r->arc[i].available != 0;
        if (n_labels > LABELS_TABLE_MAX)
            write_label_classes(w);
        else if (n_labels > LABELS_PRINTED_MAX)
            TABLE(SH_LABEL, label_cols, label_row, label_row, s->n_buses, labels_after);
        else
            write_labels(w);
    }
    if (r->has_energy && (r->energy.model_kWh > 0 || r->energy.n_months)) {
        write_energy(w);
        TABLE(SH_RECO, reco_cols, reco_row, reco_row, r->energy.n_recos, NULL);
    }
    TABLE(SH_WARNINGS, diag_cols, diag_row, diag_row, w->o->diags ? w->o->diags->n : 0,
          NULL);
    write_input(w);
    TABLE(SH_MODELS, model_cols, model_row, model_row, r->models ? r->models->n : 0, NULL);
    pass_groups_free(w);
    free(w->risk_of);
    w->risk_of = NULL;
    worst_free(w);
}
#undef TABLE

/* Starts a workbook in a temporary file beside path (constant-memory
 * mode; libxlsxwriter's scratch files beside it too). */
static enum k3a_status book_open(struct wctx *w, const char *path, char *tmp,
                                 size_t tmp_n, char *msg, size_t msg_size)
{
    lxw_workbook_options opts;

    if (k3a__tmp_beside(path, tmp, tmp_n) != 0) {
        snprintf(msg, msg_size, "cannot create a file in the folder of %s: %s",
                 path, strerror(errno));
        return K3A_E_IO;
    }
    memset(&opts, 0, sizeof(opts));
    opts.constant_memory = LXW_TRUE;
    /* the scratch files of constant-memory mode go to the system's
     * temporary folder (tmpdir NULL: libxlsxwriter uses tmpfile()), off
     * the output folder, where only the finished file appears */
    opts.tmpdir = NULL;
    w->wb = workbook_new_opt(tmp, &opts);
    if (!w->wb) {
        unlink(tmp);
        snprintf(msg, msg_size, "cannot start the workbook %s", path);
        return K3A_E_XLSX;
    }
    return K3A_OK;
}

/* Closes the workbook and renames it into place; nothing is left behind
 * on failure. */
static enum k3a_status book_close(struct wctx *w, const char *tmp, const char *path,
                                  char *msg, size_t msg_size)
{
    lxw_error e = workbook_close(w->wb);

    if (w->err == LXW_NO_ERROR)
        w->err = e;
    if (w->err != LXW_NO_ERROR) {
        unlink(tmp);
        snprintf(msg, msg_size, "workbook %s not written: %s", path,
                 lxw_strerror(w->err));
        return K3A_E_XLSX;
    }
    if (rename(tmp, path) != 0) {
        int er = errno;
        unlink(tmp);
        snprintf(msg, msg_size, "cannot move the workbook into place at %s: %s", path,
                 strerror(er));
        return K3A_E_IO;
    }
    return K3A_OK;
}

static enum k3a_status write_xlsx_c(const struct k3a_results *r,
                                      const struct k3a_report_opts *o,
                                      const char *path, char *msg,
                                      size_t msg_size)
{
    char tmp[4096];
    char p_subject[PROP_TEXT], p_author[PROP_TEXT], p_company[PROP_TEXT];
    lxw_doc_properties props;
    struct wctx w;
    enum k3a_status st;

    memset(&w, 0, sizeof(w));
    w.r = r;
    w.o = o;
    w.lang = o->lang;
    if ((st = book_open(&w, path, tmp, sizeof(tmp), msg, msg_size)) != K3A_OK)
        return st;
    memset(&props, 0, sizeof(props));
    props.title = (char *)(uintptr_t)k3a_text(o->lang, K3A_T_TITLE);
    props.subject = prop_text(p_subject, r->site->site.name);
    props.author = prop_text(p_author, r->site->site.auditor ? r->site->site.auditor : "");
    props.company = prop_text(p_company, r->site->site.company ? r->site->site.company : "");
    props.comments = (char *)(uintptr_t)"k3audit";
    /* the document time is the audit date, so equal inputs give equal
     * bytes (cli.md "Output files") */
    props.created = (time_t)(k3a_date_days(r->site->site.audit_date) * 86400L);
    check(&w, workbook_set_properties(w.wb, &props));
    if (make_styles(&w) == 0)
        write_all(&w);
    if (o->cells_written)
        *o->cells_written = w.cells;
    return book_close(&w, tmp, path, msg, msg_size);
}

/* under the "C" locale (clocale.c) */
enum k3a_status k3a_report_write_xlsx(const struct k3a_results *r,
                                      const struct k3a_report_opts *o,
                                      const char *path, char *msg,
                                      size_t msg_size)
{
    void *old = k3a__c_locale_enter();
    enum k3a_status ret_ = write_xlsx_c(r, o, path, msg, msg_size);

    k3a__c_locale_leave(old);
    return ret_;
}

/* ---- the cross-site summary of a batch ---------------------------------- */

static enum k3a_status write_summary_xlsx_c(const struct k3a_site_summary *rows,
                                              size_t n, enum k3a_lang lang,
                                              const char *path, char *msg,
                                              size_t msg_size)
{
    static const enum k3a_text_id head[] = {
        K3A_T_FILE, K3A_T_NAME, K3A_T_RESULT, K3A_T_FAIL_COUNT, K3A_T_WARNF_COUNT,
        K3A_T_RISK_EXTREME, K3A_T_RISK_HIGH, K3A_T_RISK_MEDIUM, K3A_T_RISK_LOW,
        K3A_T_WORST_ARC, K3A_T_BUS, K3A_T_EARTH_FAILS, K3A_T_IR_FAILS,
        K3A_T_E_ANNUAL, K3A_T_E_COST, K3A_T_WORKBOOK
    };
    static const double width[] = { 28, 28, 16, 8, 8, 9, 9, 9, 9, 12, 12, 10, 10,
                                    14, 16, 34 };
    char tmp[4096];
    lxw_worksheet *ws;
    struct wctx w;
    enum k3a_status st;
    size_t i, c;

    memset(&w, 0, sizeof(w));
    w.lang = lang;
    if ((st = book_open(&w, path, tmp, sizeof(tmp), msg, msg_size)) != K3A_OK)
        return st;
    {
        /* the latest audit date as the document time: equal inputs, equal
         * bytes */
        lxw_doc_properties props;
        long days = 0;
        memset(&props, 0, sizeof(props));
        for (i = 0; i < n; i++)
            if (rows[i].audit_days > days)
                days = rows[i].audit_days;
        props.title = (char *)(uintptr_t)k3a_text(lang, K3A_T_SH_BATCH);
        props.comments = (char *)(uintptr_t)"k3audit";
        props.created = (time_t)(days * 86400L);
        check(&w, workbook_set_properties(w.wb, &props));
    }
    if (make_styles(&w) == 0) {
        ws = workbook_add_worksheet(w.wb, TX(&w, SH_BATCH));
        if (!ws) {
            check(&w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        } else {
            cell(&w, worksheet_write_string(ws, 0, 0, TX(&w, SH_BATCH), w.st.title));
            check(&w, worksheet_set_row(ws, 2, 45, NULL));
            for (c = 0; c < sizeof(head) / sizeof(head[0]); c++) {
                check(&w, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, width[c],
                                               NULL));
                cell(&w, worksheet_write_string(ws, 2, (lxw_col_t)c,
                                                 k3a_text(lang, head[c]), w.st.head));
            }
            for (i = 0; i < n && w.err == LXW_NO_ERROR; i++) {
                const struct k3a_site_summary *sm = &rows[i];
                lxw_row_t r = (lxw_row_t)(3 + i);
                const double nums[] = { (double)sm->n_fail, (double)sm->n_warn,
                                        (double)sm->risks[3], (double)sm->risks[2],
                                        (double)sm->risks[1], (double)sm->risks[0] };
                enum k3a_verdict v = sm->status == 0 ? K3A_PASS
                                     : sm->status == 3 ? K3A_FAIL
                                                       : K3A_WARN;
                /* site-format 9 Conclusion: any FAIL or extreme risk as found */
                int concl_fail = sm->n_fail || sm->risks[K3A_RISK_EXTREME];
                const char *res = !sm->audited ? TX(&w, NOT_AUDITED)
                                  : sm->status == 3 ? TX(&w, FAILON_REACHED)
                                  : concl_fail      ? TX(&w, C_FAIL)
                                  : sm->n_warn      ? TX(&w, V_WARN)
                                                    : TX(&w, C_PASS);
                cell(&w, worksheet_write_string(ws, r, 0, sm->path, w.st.text));
                cell(&w, worksheet_write_string(ws, r, 1, sm->name, w.st.text));
                cell(&w, worksheet_write_string(ws, r, 2, res,
                                                 !sm->audited ? w.st.fail
                                                 : concl_fail ? verdict_format(&w, K3A_FAIL)
                                                              : verdict_format(&w, v)));
                for (c = 0; c < 6; c++)
                    if (sm->audited)
                        cell(&w, write_number(ws, r, (lxw_col_t)(3 + c), nums[c],
                                                         w.st.num0));
                    else
                        cell(&w, worksheet_write_blank(ws, r, (lxw_col_t)(3 + c), w.st.text));
                if (sm->audited && isfinite(sm->worst_arc_cal_cm2))
                    cell(&w, write_number(ws, r, 9, sm->worst_arc_cal_cm2,
                                                     w.st.num2));
                else
                    cell(&w, worksheet_write_blank(ws, r, 9, w.st.text));
                cell(&w, worksheet_write_string(ws, r, 10, sm->worst_arc_bus, w.st.text));
                if (sm->audited) {
                    cell(&w, write_number(ws, r, 11, (double)sm->earthing_fail,
                                                     w.st.num0));
                    cell(&w, write_number(ws, r, 12,
                                                     (double)sm->insulation_fail, w.st.num0));
                } else {
                    cell(&w, worksheet_write_blank(ws, r, 11, w.st.text));
                    cell(&w, worksheet_write_blank(ws, r, 12, w.st.text));
                }
                if (sm->audited && isfinite(sm->annual_kWh) && sm->annual_kWh > 0)
                    cell(&w, write_number(ws, r, 13, sm->annual_kWh, w.st.num0));
                else
                    cell(&w, worksheet_write_blank(ws, r, 13, w.st.text));
                if (sm->audited && isfinite(sm->annual_cost_Rp) && sm->annual_cost_Rp > 0)
                    cell(&w, write_number(ws, r, 14, sm->annual_cost_Rp,
                                                     w.st.num0));
                else
                    cell(&w, worksheet_write_blank(ws, r, 14, w.st.text));
                cell(&w, worksheet_write_string(ws, r, 15, sm->workbook, w.st.text));
            }
            worksheet_freeze_panes(ws, 3, 1);
            {
                double px = 0;
                for (c = 0; c < sizeof(width) / sizeof(width[0]); c++)
                    px += col_px(width[c]);
                page_setup(&w, ws, px, 2, 0);
            }
        }
    }
    return book_close(&w, tmp, path, msg, msg_size);
}

/* under the "C" locale (clocale.c) */
enum k3a_status k3a_report_write_summary_xlsx(const struct k3a_site_summary *rows,
                                              size_t n, enum k3a_lang lang,
                                              const char *path, char *msg,
                                              size_t msg_size)
{
    void *old = k3a__c_locale_enter();
    enum k3a_status ret_ = write_summary_xlsx_c(rows, n, lang, path, msg, msg_size);

    k3a__c_locale_leave(old);
    return ret_;
}

/* ---- scenario and sweep comparison ------------------------------------- */

static int32_t bus_by_name(const struct k3a_site *s, const char *name)
{
    size_t i;

    for (i = 0; i < s->n_buses; i++)
        if (strcmp(s->buses[i].hdr.name, name) == 0)
            return (int32_t)i;
    return -1;
}

/* The same risk in two runs of a scenario: the same element and kind of
 * hazard, both from rules or both the same manual [hazard].  (Each run
 * loads its own site, so text pointers differ between runs.) */
static int same_risk(const struct k3a_risk *a, const struct k3a_risk *b)
{
    if (strcmp(a->element, b->element) != 0 || a->hazard != b->hazard)
        return 0;
    if ((a->rule == NULL) != (b->rule == NULL))
        return 0;
    return a->rule ? 1 : strcmp(a->source, b->source) == 0;
}

static enum k3a_status write_scenario_xlsx_c(const struct k3a_results *const *runs,
                                               const char *const *titles, size_t n,
                                               const char *sweep_key,
                                               enum k3a_lang lang, const char *path,
                                               char *msg, size_t msg_size)
{
    const struct k3a_site *base = runs[0]->site;
    char tmp[4096], buf[256], sheet[40];
    lxw_worksheet *ws;
    struct wctx w;
    enum k3a_status st;
    size_t i, b, k;
    lxw_row_t row;

    memset(&w, 0, sizeof(w));
    w.lang = lang;
    w.r = runs[0];
    if ((st = book_open(&w, path, tmp, sizeof(tmp), msg, msg_size)) != K3A_OK)
        return st;
    {
        lxw_doc_properties props;
        memset(&props, 0, sizeof(props));
        props.title = (char *)(uintptr_t)k3a_text(lang, K3A_T_SH_SCEN);
        props.comments = (char *)(uintptr_t)"k3audit scenario";
        props.created = (time_t)(k3a_date_days(base->site.audit_date) * 86400L);
        check(&w, workbook_set_properties(w.wb, &props));
    }
    if (make_styles(&w) != 0)
        return book_close(&w, tmp, path, msg, msg_size);
    /* the runs */
    ws = workbook_add_worksheet(w.wb, TX(&w, SH_SCEN));
    if (!ws) {
        check(&w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return book_close(&w, tmp, path, msg, msg_size);
    }
    row = sheet_head(&w, ws, K3A_T_SH_SCEN, 10);
    /* the title, story and task across the table's width */
    {
        const char *txt[3] = { base->scenario.title, base->scenario.story,
                               base->scenario.task };
        const enum k3a_text_id lab[3] = { K3A_T_SCENARIO, K3A_T_STORY, K3A_T_TASK };
        for (k = 0; k < 3; k++) {
            if (!txt[k])
                continue;
            snprintf(buf, sizeof(buf), "%s: ", k3a_text(lang, lab[k]));
            {
                size_t u = strlen(buf);
                k3a__fmt(buf + u, sizeof(buf) - u, "%s", txt[k]);
            }
            check(&w, worksheet_set_row(ws, row, 15.0 * text_lines(buf, 6 + 48 + 8 * 12, 0),
                                        NULL));
            check(&w, worksheet_merge_range(ws, row, 0, row, 9, buf,
                                            k ? w.st.wrap : w.st.label));
            row++;
        }
    }
    row++;
    {
        static const enum k3a_text_id h[] = { K3A_T_NO, K3A_T_SCENARIO, K3A_T_FAIL_COUNT,
                                              K3A_T_WARNF_COUNT, K3A_T_RISK_EXTREME,
                                              K3A_T_RISK_HIGH, K3A_T_RISK_MEDIUM,
                                              K3A_T_RISK_LOW, K3A_T_WORST_ARC, K3A_T_BUS };
        check(&w, worksheet_set_column(ws, 0, 0, 6, NULL));
        check(&w, worksheet_set_column(ws, 1, 1, 48, NULL));
        check(&w, worksheet_set_column(ws, 2, 9, 12, NULL));
        check(&w, worksheet_set_row(ws, row, 45, NULL));
        for (k = 0; k < sizeof(h) / sizeof(h[0]); k++)
            cell(&w, worksheet_write_string(ws, row, (lxw_col_t)k, k3a_text(lang, h[k]),
                                             w.st.head));
        row++;
        for (i = 0; i < n; i++, row++) {
            struct k3a_site_summary sm;
            memset(&sm, 0, sizeof(sm));
            k3a_site_summary_fill(runs[i], &sm);
            cell(&w, write_number(ws, row, 0, (double)i, w.st.num0));
            cell(&w, worksheet_write_string(ws, row, 1, titles[i], w.st.wrap));
            cell(&w, write_number(ws, row, 2, (double)sm.n_fail, w.st.num0));
            cell(&w, write_number(ws, row, 3, (double)sm.n_warn, w.st.num0));
            for (k = 0; k < 4; k++)
                cell(&w, write_number(ws, row, (lxw_col_t)(4 + k),
                                                 (double)sm.risks[3 - k], w.st.num0));
            if (isfinite(sm.worst_arc_cal_cm2))
                cell(&w, write_number(ws, row, 8, sm.worst_arc_cal_cm2, w.st.num2));
            cell(&w, worksheet_write_string(ws, row, 9, sm.worst_arc_bus, w.st.text));
        }
    }
    page_setup(&w, ws, col_px(6) + col_px(48) + 8 * col_px(12), 0, 0);
    /* per bus: I''k, clearing time, energy, PPE in each run */
    ws = workbook_add_worksheet(w.wb, TX(&w, SH_SCEN_BUS));
    if (ws) {
        row = sheet_head(&w, ws, K3A_T_SH_SCEN_BUS, 9);
        check(&w, worksheet_set_column(ws, 0, 0, 14, NULL));
        check(&w, worksheet_set_column(ws, 1, (lxw_col_t)(4 * n), 10, NULL));
        cell(&w, worksheet_write_string(ws, row, 0, TX(&w, BUS), w.st.head));
        for (i = 0; i < n; i++)
            check(&w, worksheet_merge_range(ws, row, (lxw_col_t)(1 + 4 * i), row,
                                            (lxw_col_t)(4 + 4 * i), titles[i], w.st.head));
        check(&w, worksheet_set_row(ws, row, 30, NULL));
        row++;
        cell(&w, worksheet_write_string(ws, row, 0, "", w.st.unit));
        for (i = 0; i < n; i++) {
            cell(&w, worksheet_write_string(ws, row, (lxw_col_t)(1 + 4 * i), "I''k kA", w.st.unit));
            cell(&w, worksheet_write_string(ws, row, (lxw_col_t)(2 + 4 * i),
                                             lang == K3A_LANG_EN ? "t arc s" : "t busur s",
                                             w.st.unit));
            cell(&w, worksheet_write_string(ws, row, (lxw_col_t)(3 + 4 * i), "E cal/cm2", w.st.unit));
            cell(&w, worksheet_write_string(ws, row, (lxw_col_t)(4 + 4 * i), TX(&w, PPE_SHORT), w.st.unit));
        }
        row++;
        for (b = 0; b < base->n_buses && w.err == LXW_NO_ERROR; b++, row++) {
            const char *ppe0 = NULL;
            cell(&w, worksheet_write_string(ws, row, 0, base->buses[b].hdr.name, w.st.text));
            for (i = 0; i < n; i++) {
                const struct k3a_results *r = runs[i];
                int32_t j = bus_by_name(r->site, base->buses[b].hdr.name);
                lxw_col_t c = (lxw_col_t)(1 + 4 * i);
                const struct k3a_bus_arc *a = j >= 0 && r->arc ? &r->arc[j] : NULL;
                if (j >= 0 && r->sc.has_case[K3A_CASE_MAX] &&
                    r->sc.bus[K3A_CASE_MAX][j].energized) {
                    cell(&w, write_number(ws, row, c,
                                                     r->sc.bus[K3A_CASE_MAX][j].ik3_kA,
                                                     w.st.num2));
                }
                /* the arc duration that gave the energy (at Iarc or at
                 * Iarc min, whichever governs), not the clearing time at
                 * the bolted current */
                if (a && a->available)
                    cell(&w, write_number(ws, row, c + 1,
                                          (a->out.governing ? a->in.t_min_ms : a->in.t_ms) /
                                              1000.0,
                                          w.st.num3));
                if (a && a->available) {
                    int changed;
                    cell(&w, write_number(ws, row, c + 2, a->out.energy_cal_cm2,
                                                     w.st.num2));
                    if (i == 0)
                        ppe0 = a->ppe;
                    changed = i > 0 && ppe0 && a->ppe && strcmp(ppe0, a->ppe) != 0;
                    cell(&w, worksheet_write_string(ws, row, c + 3, ppe_label(&w, a->ppe),
                                                     changed ? w.st.warn : w.st.text));
                }
            }
        }
        worksheet_freeze_panes(ws, 4, 1);
        page_setup(&w, ws, col_px(14) + (double)(4 * n) * col_px(10), 3, 0);
    }
    /* per risk: its level in each run (matched by element and rule) */
    ws = workbook_add_worksheet(w.wb, TX(&w, SH_SCEN_RISK));
    if (ws) {
        const struct k3a_results *r0 = runs[0];
        row = sheet_head(&w, ws, K3A_T_SH_SCEN_RISK, 9);
        check(&w, worksheet_set_column(ws, 0, 0, 28, NULL));
        check(&w, worksheet_set_column(ws, 1, 1, 50, NULL));
        check(&w, worksheet_set_column(ws, 2, (lxw_col_t)(2 + n), 14, NULL));
        cell(&w, worksheet_write_string(ws, row, 0, TX(&w, ELEMENT), w.st.head));
        cell(&w, worksheet_write_string(ws, row, 1, TX(&w, HAZARD), w.st.head));
        {
            double hl = 3;
            for (i = 0; i < n; i++) {
                cell(&w, worksheet_write_string(ws, row, (lxw_col_t)(2 + i), titles[i],
                                                 w.st.head));
                if (text_lines(titles[i], 14, 1) > hl)
                    hl = text_lines(titles[i], 14, 1);
            }
            check(&w, worksheet_set_row(ws, row, 15.0 * hl, NULL));
        }
        row++;
        /* every distinct risk of every run, in run order, matched across
         * runs by element and kind of hazard (and a manual [hazard] by
         * its name): a band change is one row, before and after */
        for (i = 0; i < n && w.err == LXW_NO_ERROR; i++)
            for (k = 0; k < runs[i]->n_risks; k++) {
                const struct k3a_risk *q = &runs[i]->risks[k];
                size_t i2, k2, j, u;
                int seen = 0;
                char hz[600];
                for (i2 = 0; i2 <= i && !seen; i2++)
                    for (k2 = 0; k2 < (i2 == i ? k : runs[i2]->n_risks) && !seen; k2++)
                        seen = same_risk(&runs[i2]->risks[k2], q);
                if (seen)
                    continue;
                u = (size_t)k3a__fmt(hz, sizeof(hz), "%s",
                                     lang == K3A_LANG_EN ? q->hazard_en : q->hazard_id);
                for (j = i + 1; j < n; j++) { /* a later run's other wording */
                    const struct k3a_risk *m = NULL;
                    size_t t;
                    for (t = 0; t < runs[j]->n_risks && !m; t++)
                        if (same_risk(&runs[j]->risks[t], q))
                            m = &runs[j]->risks[t];
                    if (m && u < sizeof(hz)) {
                        const char *h2 = lang == K3A_LANG_EN ? m->hazard_en : m->hazard_id;
                        if (h2 && !strstr(hz, h2))
                            u += (size_t)k3a__fmt(hz + u, sizeof(hz) - u, " \xE2\x86\x92 %s",
                                                  h2);
                    }
                }
                check(&w, worksheet_set_row(ws, row, 15.0 * text_lines(hz, 50, 0), NULL));
                cell(&w, worksheet_write_string(ws, row, 0, q->element, w.st.text));
                cell(&w, worksheet_write_string(ws, row, 1, hz, w.st.wrap));
                for (j = 0; j < n; j++) {
                    const struct k3a_risk *m = NULL;
                    size_t t;
                    for (t = 0; t < runs[j]->n_risks; t++)
                        if (same_risk(&runs[j]->risks[t], q) &&
                            (!m || (runs[j]->risks[t].band && m->band &&
                                    runs[j]->risks[t].band->level > m->band->level)))
                            m = &runs[j]->risks[t];
                    if (m && m->band)
                        cell(&w, worksheet_write_string(
                                      ws, row, (lxw_col_t)(2 + j),
                                      lang == K3A_LANG_EN ? m->band->label_en : m->band->label_id,
                                      band_format(&w, m->band, 0)));
                    else
                        cell(&w, worksheet_write_string(ws, row, (lxw_col_t)(2 + j), "-",
                                                         w.st.text));
                }
                row++;
            }
        (void)r0;
        page_setup(&w, ws, col_px(28) + col_px(50) + (double)n * col_px(14), 2, 0);
    }
    /* a sweep: energies against the swept value, with a chart */
    if (sweep_key && n > 1) {
        size_t nb = 0, cols[8];
        ws = workbook_add_worksheet(w.wb, TX(&w, SH_SWEEP));
        if (ws) {
            lxw_row_t first, last;
            snprintf(sheet, sizeof(sheet), "%s", TX(&w, SH_SWEEP));
            row = sheet_head(&w, ws, K3A_T_SH_SWEEP, 9);
            check(&w, worksheet_set_column(ws, 0, 0, 30, NULL));
            check(&w, worksheet_set_column(ws, 1, 9, 12, NULL));
            for (b = 0; b < base->n_buses && nb < 8; b++)
                if (runs[0]->arc && runs[0]->arc[b].available)
                    cols[nb++] = b;
            snprintf(buf, sizeof(buf), "%s", sweep_key);
            cell(&w, worksheet_write_string(ws, row, 0, buf, w.st.head));
            for (k = 0; k < nb; k++) {
                snprintf(buf, sizeof(buf), "E %s", base->buses[cols[k]].hdr.name);
                cell(&w, worksheet_write_string(ws, row, (lxw_col_t)(1 + k), buf, w.st.head));
            }
            row++;
            first = row;
            for (i = 1; i < n; i++, row++) {
                const char *v = strrchr(titles[i], '=');
                cell(&w, worksheet_write_string(ws, row, 0, v ? v + 1 : titles[i], w.st.text));
                for (k = 0; k < nb; k++) {
                    int32_t j = bus_by_name(runs[i]->site, base->buses[cols[k]].hdr.name);
                    const struct k3a_bus_arc *a = j >= 0 && runs[i]->arc ? &runs[i]->arc[j] : NULL;
                    const char *prev = NULL;
                    if (i > 1) {
                        int32_t jp = bus_by_name(runs[i - 1]->site, base->buses[cols[k]].hdr.name);
                        if (jp >= 0 && runs[i - 1]->arc && runs[i - 1]->arc[jp].available)
                            prev = runs[i - 1]->arc[jp].ppe;
                    }
                    if (a && a->available)
                        cell(&w, write_number(
                                      ws, row, (lxw_col_t)(1 + k), a->out.energy_cal_cm2,
                                      prev && a->ppe && strcmp(prev, a->ppe) != 0 ? w.st.warn2
                                                                                  : w.st.num2));
                }
            }
            last = row - 1;
            row++;
            cell(&w, worksheet_write_string(ws, row, 0, TX(&w, SWEEP_NOTE), w.st.subtitle));
            if (nb && last >= first) {
                lxw_chart *ch = workbook_add_chart(w.wb, LXW_CHART_LINE);
                if (ch) {
                    for (k = 0; k < nb; k++) {
                        lxw_chart_series *se = chart_add_series(ch, NULL, NULL);
                        chart_series_set_categories(se, sheet, first, 0, last, 0);
                        chart_series_set_values(se, sheet, first, (lxw_col_t)(1 + k), last,
                                                (lxw_col_t)(1 + k));
                        chart_series_set_name(se, base->buses[cols[k]].hdr.name);
                    }
                    chart_title_set_name(ch, sweep_key);
                    chart_axis_set_name(ch->y_axis, "cal/cm2");
                    chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
                    check(&w, worksheet_insert_chart(ws, row + 2, 0, ch));
                }
            }
            page_setup(&w, ws, col_px(30) + 9 * col_px(12), 0, 0);
        }
    }
    return book_close(&w, tmp, path, msg, msg_size);
}

/* under the "C" locale (clocale.c) */
enum k3a_status k3a_report_write_scenario_xlsx(const struct k3a_results *const *runs,
                                               const char *const *titles, size_t n,
                                               const char *sweep_key,
                                               enum k3a_lang lang, const char *path,
                                               char *msg, size_t msg_size)
{
    void *old = k3a__c_locale_enter();
    enum k3a_status ret_ = write_scenario_xlsx_c(runs, titles, n, sweep_key, lang, path, msg, msg_size);

    k3a__c_locale_leave(old);
    return ret_;
}
