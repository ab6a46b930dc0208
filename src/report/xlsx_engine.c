/*
 * xlsx_engine.c - the workbooks' engine: cell writers, styles, number
 * formats, print setup and the one table writer every tabular sheet uses.

 * Every tabular sheet is a list of column specs and a row function; one
 * k3a__xl_write_table() writes them all (headers with units, number
 * formats, verdict colours, freeze panes, autofilter, A4 print setup).
 * Formats are made once per workbook.  A workbook is written in
 * constant-memory mode, row by row, to a temporary file beside the target
 * and renamed over it when workbook_close() succeeds (book_open/close).
 * One thread writes it all.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xlsx.h"

/* Every cell text passes k3a_text_clean (xlsx.h).  Text that needs
 * nothing (nearly all) goes straight through.  The parentheses call
 * libxlsxwriter's function, not the macro xlsx.h puts over it. */
lxw_error k3a__xl_write_text(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                            const char *s, lxw_format *f)
{
    char small[512], *buf = small;
    size_t need;
    lxw_error e;

    if (!s || !k3a_text_needs_clean(s, K3A_CLEAN_OOXML))
        return (worksheet_write_string)(ws, row, col, s, f);
    need = k3a_text_clean(NULL, 0, s, K3A_CLEAN_OOXML) + 1;
    if (need > sizeof(small) && !(buf = malloc(need)))
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    k3a_text_clean(buf, need, s, K3A_CLEAN_OOXML);
    e = (worksheet_write_string)(ws, row, col, buf, f);
    if (buf != small)
        free(buf);
    return e;
}

lxw_error k3a__xl_merge_text(lxw_worksheet *ws, lxw_row_t r1, lxw_col_t c1, lxw_row_t r2,
                            lxw_col_t c2, const char *s, lxw_format *f)
{
    char small[512], *buf = small;
    size_t need;
    lxw_error e;

    if (!s || !k3a_text_needs_clean(s, K3A_CLEAN_OOXML))
        return (worksheet_merge_range)(ws, r1, c1, r2, c2, s, f);
    need = k3a_text_clean(NULL, 0, s, K3A_CLEAN_OOXML) + 1;
    if (need > sizeof(small) && !(buf = malloc(need)))
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    k3a_text_clean(buf, need, s, K3A_CLEAN_OOXML);
    e = (worksheet_merge_range)(ws, r1, c1, r2, c2, buf, f);
    if (buf != small)
        free(buf);
    return e;
}

/* Document properties: plain text, control characters cleaned (PROP_TEXT
 * bytes). */
char *k3a__xl_prop_text(char *buf, const char *s)
{
    if (!s)
        return NULL;
    k3a_text_clean(buf, PROP_TEXT, s, K3A_CLEAN_TERMINAL);
    return buf;
}




/* The fill of a risk band (its colour from the profile); the text style
 * when the band has none. */
lxw_format *k3a__xl_band_format(struct wctx *w, const struct k3a_band *b, int num)
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
        format_set_text_wrap(f); /* a long risk line on Ringkasan whole (B20) */
        format_set_align(f, i ? LXW_ALIGN_CENTER : LXW_ALIGN_LEFT);
        format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    }
    w->n_bands++;
    return num ? w->bands[w->n_bands - 1].num : w->bands[w->n_bands - 1].f;
}

/* A table cell's box: a thin border, the text at the top. */
static void cell_box(lxw_format *f)
{
    format_set_border(f, LXW_BORDER_THIN);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
}

/* A verdict's cell: bold, in its colours, in a thin border. */
static void verdict_colours(lxw_format *f, lxw_color_t bg, lxw_color_t font)
{
    format_set_bold(f);
    format_set_bg_color(f, bg);
    format_set_font_color(f, font);
    format_set_border(f, LXW_BORDER_THIN);
}

/* The sheet's title, subtitle, banner and the tables' heading rows. */
static void heading_styles(struct styles *s)
{
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
}

/* Texts: plain, wrapped, indented under a unit, labels, defaults. */
static void text_styles(struct styles *s)
{
    cell_box(s->text);
    cell_box(s->wrap);
    format_set_text_wrap(s->wrap);
    cell_box(s->unit_text);
    format_set_text_wrap(s->unit_text);
    format_set_indent(s->unit_text, 1);
    format_set_bold(s->label);
    format_set_text_wrap(s->label);
    format_set_align(s->label, LXW_ALIGN_VERTICAL_TOP);
    cell_box(s->dflt);
    format_set_text_wrap(s->dflt);
    format_set_italic(s->dflt);
    format_set_font_color(s->dflt, 0x7F6000);
}

/* Numbers with 0 to 6 decimals, grouped: a spreadsheet shows
 * 4.921.784.442 in an Indonesian locale, 4,921,784,442 in an English
 * one. */
static void number_styles(struct styles *s)
{
    static const char *const pattern[7] = {
        "#,##0", "#,##0.0", "#,##0.00", "#,##0.000",
        "#,##0.0000", "#,##0.00000", "#,##0.000000",
    };
    lxw_format *f[7] = { s->num0, s->num1, s->num2, s->num3,
                         s->numx[0], s->numx[1], s->numx[2] };

    for (int k = 0; k < 7; k++) {
        format_set_num_format(f[k], pattern[k]);
        cell_box(f[k]);
    }
}

/* Pass, fail and warn in the spreadsheet's own good/bad/neutral colours;
 * warn2 a warning's number with two decimals. */
static void verdict_styles(struct styles *s)
{
    verdict_colours(s->pass, 0xC6EFCE, 0x006100);
    verdict_colours(s->fail, 0xFFC7CE, 0x9C0006);
    verdict_colours(s->warn, 0xFFEB9C, 0x9C5700);
    verdict_colours(s->warn2, 0xFFEB9C, 0x9C5700);
    format_set_num_format(s->warn2, "#,##0.00");
    format_set_align(s->pass, LXW_ALIGN_VERTICAL_TOP);
    format_set_align(s->fail, LXW_ALIGN_VERTICAL_TOP);
    format_set_align(s->warn, LXW_ALIGN_VERTICAL_TOP);
    format_set_text_wrap(s->pass);
    format_set_text_wrap(s->fail);
    format_set_text_wrap(s->warn);
}

int k3a__xl_make_styles(struct wctx *w)
{
    struct styles *s = &w->st;

    /* created in this order: a format's place in the workbook's styles */
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
    s->unit_text = fmt(w);
    if (w->err != LXW_NO_ERROR)
        return -1;
    heading_styles(s);
    text_styles(s);
    number_styles(s);
    verdict_styles(s);
    return 0;
}

const char *k3a__xl_verdict_text(struct wctx *w, enum k3a_verdict v)
{
    switch (v) {
    case K3A_PASS:
        return TX(w, V_PASS);
    case K3A_FAIL:
        return TX(w, V_FAIL);
    case K3A_WARN:
        return TX(w, V_WARN);
    }
    return v == K3A__XL_NO_VERDICT ? "-" : "";
}

lxw_format *k3a__xl_verdict_format(struct wctx *w, enum k3a_verdict v)
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
const char *k3a__xl_kind_label(struct wctx *w, enum k3a_kind k)
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
const char *k3a__xl_case_label(struct wctx *w, enum k3a_sc_case c)
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
const char *k3a__xl_ppe_label(struct wctx *w, const char *ppe)
{
    if (ppe && strcmp(ppe, "dangerous") == 0)
        return w->lang == K3A_LANG_EN ? "dangerous" : "berbahaya";
    return ppe ? ppe : "";
}

/* A unit in the workbook's language: "kWh/year" is "kWh/tahun". */
const char *k3a__xl_unit_label(struct wctx *w, const char *u, char *buf, size_t n)
{
    const char *y;
    char tmp[64];

    if (!u)
        return u;
    if (w->lang != K3A_LANG_EN && (y = strstr(u, "year")) != NULL) {
        k3a__fmt(tmp, sizeof(tmp), "%.*stahun%s", (int)(y - u), u, y + 4);
        u = tmp;
    }
    u = k3a__xl_unit_text(u, buf, n);
    if (u == tmp) { /* tmp ends with this call: the caller's buffer */
        k3a__fmt(buf, n, "%s", tmp);
        u = buf;
    }
    return u;
}

/* A unit as printed (documents review B19): a square as a superscript,
 * mm² cal/cm² A²s kA²s m², never mm2 or A2s; CO2 keeps its digit.  u when
 * nothing changes, else buf. */
const char *k3a__xl_unit_text(const char *u, char *buf, size_t n)
{
    size_t i, o = 0;
    int any = 0;

    if (!u || n < 4)
        return u;
    for (i = 0; u[i] && o + 3 < n; i++) {
        int sq = u[i] == '2' && i > 0 &&
                 ((u[i - 1] >= 'a' && u[i - 1] <= 'z') || u[i - 1] == 'A') &&
                 !(i >= 2 && u[i - 2] == 'C' && u[i - 1] == 'O') &&
                 !(u[i + 1] >= '0' && u[i + 1] <= '9');
        if (sq) {
            buf[o++] = (char)0xC2; /* U+00B2 SUPERSCRIPT TWO */
            buf[o++] = (char)0xB2;
            any = 1;
        } else
            buf[o++] = u[i];
    }
    buf[o] = '\0';
    return any && !u[i] ? buf : u;
}

/* The number format of a value shown with decimals places: fewer for a
 * large value (19,096,424 A2s, not 19096424.39), grouped in thousands. */
/* The grouped number format with exactly that many decimals (0-6). */
lxw_format *k3a__xl_dec_format(struct wctx *w, int decimals)
{
    return decimals <= 0 ? w->st.num0 : decimals == 1 ? w->st.num1
                           : decimals == 2              ? w->st.num2
                           : decimals == 3              ? w->st.num3
                           : decimals >= 6              ? w->st.numx[2]
                                                        : w->st.numx[decimals - 4];
}

/* v rounded to d decimals, 0 <= d <= 22 (10^d exactly: k3a__pow10) */
static double round_dec(double v, int d)
{
    double p = k3a__pow10[d];
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
void k3a__xl_pair_dec(double m, double l, int base, int *dm, int *dl)
{
    int l_exact = 0;

    *dm = fabs(m) >= 10000 ? 0 : fabs(m) >= 1000 ? (base < 1 ? base : 1) : base;
    /* a value that is a whole or short number shown as written too (the
     * 1000 V of a test, In 125 A), not 1,000.0 or 125.00 */
    if (isfinite(m)) {
        int d;
        for (d = 0; d < *dm; d++)
            if (fabs(round_dec(m, d) - m) <= 1e-9 * (fabs(m) > 1 ? fabs(m) : 1)) {
                *dm = d;
                break;
            }
    }
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

/* decimals < 0: a rating or setting shown as written, with the fewest
 * decimals (up to -decimals) that show it exactly: 16 kA, 0.5 s, 457.2 mm,
 * not 16.00 kA */
lxw_format *k3a__xl_num_format(struct wctx *w, int decimals, double v)
{
    double a = fabs(v);

    if (decimals < 0) {
        int d, max = -decimals;
        for (d = 0; d < max; d++)
            if (fabs(round_dec(v, d) - v) <= 1e-9 * (a > 1 ? a : 1))
                break;
        decimals = d;
    }

    if (a >= 10000)
        decimals = 0;
    else if (a >= 1000 && decimals > 1)
        decimals = 1;
    return k3a__xl_dec_format(w, decimals);
}

/* A whole number grouped in thousands as the language writes it
 * (4.765.700.000 / 4,765,700,000), for a number inside a sentence. */
void k3a__xl_grouped_int(char *buf, size_t n, double v, enum k3a_lang lang)
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

/* ---- a cell's text piece by piece ---- */

void k3a__xl_text_start(struct xtext *x, char *buf, size_t n)
{
    x->buf = buf;
    x->n = n;
    x->len = 0;
    if (n)
        buf[0] = '\0';
}

void k3a__xl_put(struct xtext *x, const char *s)
{
    size_t l, room;

    if (!s)
        s = "(null)"; /* as glibc's "%s" writes it */
    l = strlen(s);
    room = x->n && x->len < x->n - 1 ? x->n - 1 - x->len : 0;
    if (room) {
        size_t k = l < room ? l : room;
        memcpy(x->buf + x->len, s, k);
        x->buf[x->len + k] = '\0';
    }
    x->len += l;
}

void k3a__xl_put_fixed(struct xtext *x, int prec, double v)
{
    char num[400]; /* "%.9f" of the largest double: 320 bytes */

    k3a__fixed(num, sizeof(num), prec, v);
    k3a__xl_put(x, num);
}

void k3a__xl_put_int(struct xtext *x, int v, int width)
{
    char num[24];
    int k = (int)sizeof(num) - 1;
    unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;

    num[k] = '\0';
    do {
        num[--k] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    while (k > 1 && (int)sizeof(num) - 1 - k < width - (v < 0))
        num[--k] = '0';
    if (v < 0)
        num[--k] = '-';
    k3a__xl_put(x, num + k);
}

/* "%g": a whole number from 0 to 999,999 as its digits (a size, a
 * rating, a setting: what "%g" writes for it), else the C library */
void k3a__xl_put_g(struct xtext *x, double v)
{
    char num[40];

    if (v < 1e6 && !signbit(v) && !(floor(v) < v)) {
        k3a__xl_put_int(x, (int)v, 0);
        return;
    }
    k3a__fmt(num, sizeof(num), "%g", v);
    k3a__xl_put(x, num);
}

/* D25: a file's name without the folder it was run from */
const char *k3a__xl_base_name(const char *path)
{
    const char *b = path ? strrchr(path, '/') : NULL;

    return b ? b + 1 : path;
}

/* ---- print: A4, at 7 pt or more, a header and footer on every page ---- */

/* The printed width of a column of w characters (Excel's rule for the
 * default 11 pt font: 7 pixels a character and 5 of padding, at 96 dpi). */
double k3a__xl_col_px(double width)
{
    return floor(width * 7.0 + 5.0);
}

/* A4 less 0.5 in margins each side, in pixels at 96 dpi. */
#define PRINT_PX_PORTRAIT 698.0
#define PRINT_PX_LANDSCAPE 1026.0
/* Never shrink an 11 pt sheet below 7 pt: 7.3 / 11. */
#define PRINT_MIN_SCALE 0.66

/* The printed page's height in the sheet's points for a sheet px wide,
 * as k3a__xl_page_setup prints it: A4 less 0.75 in margins top and
 * bottom, landscape or portrait, divided by the fit-to-width scale. */
double k3a__xl_page_height(double px)
{
    int landscape = px > PRINT_PX_PORTRAIT / 0.85;
    double paper = landscape ? PRINT_PX_LANDSCAPE : PRINT_PX_PORTRAIT;
    double h_pt = (landscape ? 8.27 - 1.5 : 11.69 - 1.5) * 72.0;
    double scale = px > paper ? paper / px : 1.0;

    if (scale < PRINT_MIN_SCALE)
        scale = PRINT_MIN_SCALE; /* wider: pages across, at this scale */
    return h_pt / scale;
}

/* A row of h points printed after w->page_y: on the same page when it
 * fits, else at the top of the next, below the repeated rows. */
void k3a__xl_page_advance(struct wctx *w, double h)
{
    if (w->page_y + h > w->page_h && w->page_y > w->page_rep) {
        w->page_y = w->page_rep;
        w->page_n++;
    }
    w->page_y += h;
}

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
void k3a__xl_page_setup(struct wctx *w, lxw_worksheet *ws, double px,
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

/* Title rows common to every sheet: sheet title and site, and the
 * training stamp for a [scenario] file.  Returns the next free row. */
lxw_row_t k3a__xl_sheet_head(struct wctx *w, lxw_worksheet *ws,
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
double k3a__xl_text_lines(const char *t, double width, int bold)
{
    double cpl = width * (bold ? 0.95 : 1.1) - 1.0;
    double lines = 1, used = 0;

    if (cpl < 2)
        cpl = 2;
    if (!t)
        return 1;
    /* no longer than a line (its bytes are at least its characters) and no
     * newline: one line, as the loop below finds (most cells) */
    {
        size_t n = strnlen(t, (size_t)cpl + 1);
        if ((double)n <= cpl && !memchr(t, '\n', n))
            return 1;
    }
    while (*t) {
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

/* The width a column needs so that no word of t is broken inside: Excel
 * and LibreOffice wrap text at spaces and cut a longer word mid-word
 * ("Ketidakseimba ngan"); the inverse of k3a__xl_text_lines' rule. */
double k3a__xl_word_width(const char *t, int bold)
{
    size_t best = 0;

    while (t && *t) {
        size_t chars = 0;
        while (*t && *t != ' ' && *t != '\n') {
            chars += ((unsigned char)*t & 0xC0) != 0x80;
            t++;
        }
        if (chars > best)
            best = chars;
        while (*t == ' ' || *t == '\n')
            t++;
    }
    return ((double)best + 1.0) / (bold ? 0.95 : 1.1);
}

/* A column's heading in the workbook's language. */
const char *k3a__xl_col_head(const struct wctx *w, const struct col_spec *cs)
{
    if (cs->head_text)
        return cs->head_text[w->lang == K3A_LANG_EN];
    return k3a_text(w->lang, cs->header);
}

/* Excel's tallest row is 409 pt: 27 lines of 15 pt. */
#define ROW_LINES_MAX 27

/* A table wider than a landscape page at the smallest print scale has its
 * prose columns (text columns 16 characters or wider) narrowed by one
 * factor, each to no less than PROSE_MIN characters or its header's
 * longest word, so that it prints on one page width at 7 pt or more
 * (PRINT_MIN_SCALE) instead of in halves on separate pages; its rows then
 * grow to hold the wrapped text. */
#define PROSE_WIDTH 16.0
#define PROSE_MIN 12.0

static double prose_width(const struct col_spec *cs, double wd, double need, double f)
{
    double m = need > PROSE_MIN ? need : PROSE_MIN, v = floor(wd * f);

    if (cs->kind != COL_TEXT || cs->width < PROSE_WIDTH)
        return wd;
    return v > m ? v : m < wd ? m : wd;
}

static double table_px(const struct table_spec *t, const double *wd, const double *need,
                       double f)
{
    double px = 0;
    size_t c;

    for (c = 0; c < t->n_cols; c++)
        px += k3a__xl_col_px(prose_width(&t->cols[c], wd[c], need[c], f));
    return px;
}

static void fit_to_page(const struct table_spec *t, double *wd, const double *need)
{
    /* at 0.67, not PRINT_MIN_SCALE: LibreOffice's columns run about 3 %
     * wider than Excel's rule and its scale is a whole percent (7.05 pt
     * measured at 0.66) */
    double lo = 0, hi = 1, limit = PRINT_PX_LANDSCAPE / 0.67;
    size_t c;
    int k;

    if (table_px(t, wd, need, 1) <= limit)
        return;
    for (k = 0; k < 24; k++) {
        double mid = (lo + hi) / 2;
        if (table_px(t, wd, need, mid) <= limit)
            lo = mid;
        else
            hi = mid;
    }
    for (c = 0; c < t->n_cols; c++)
        wd[c] = prose_width(&t->cols[c], wd[c], need[c], lo);
}

/* The columns' widths: each its spec's, or its heading's longest word
 * (need), then fitted to the page; set on the sheet.  Returns the printed
 * width in pixels. */
static double table_widths(struct wctx *w, lxw_worksheet *ws, const struct table_spec *t,
                           double *wd, double *need)
{
    double px = 0;
    size_t c;

    for (c = 0; c < t->n_cols; c++) {
        need[c] = ceil(k3a__xl_word_width(k3a__xl_col_head(w, &t->cols[c]), 1));
        wd[c] = t->cols[c].width > need[c] ? t->cols[c].width : need[c];
    }
    fit_to_page(t, wd, need);
    for (c = 0; c < t->n_cols; c++) {
        check(w, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, wd[c], NULL));
        px += k3a__xl_col_px(wd[c]);
    }
    return px;
}

/* The heading row at r0 (its lines wrapped in each column) and, when a
 * column has one, the units row below.  Returns the rows written; sets
 * where the first data row prints on its page. */
static lxw_row_t table_head(struct wctx *w, lxw_worksheet *ws, const struct table_spec *t,
                            const double *wd, double px, lxw_row_t r0)
{
    double hl = 2;
    size_t c;
    int has_units = 0;

    for (c = 0; c < t->n_cols; c++) {
        double n = k3a__xl_text_lines(k3a__xl_col_head(w, &t->cols[c]), wd[c], 1);
        if (n > hl)
            hl = n;
        has_units |= t->cols[c].unit && t->cols[c].unit[0];
    }
    /* constant-memory mode: each row complete before the next */
    check(w, worksheet_set_row(ws, r0, 15.0 * hl, NULL));
    for (c = 0; c < t->n_cols; c++)
        cell(w, worksheet_write_string(ws, r0, (lxw_col_t)c,
                                        k3a__xl_col_head(w, &t->cols[c]), w->st.head));
    for (c = 0; has_units && c < t->n_cols; c++) {
        char ub[32];
        const char *u = k3a__xl_unit_label(w, t->cols[c].unit, ub, sizeof(ub));
        cell(w, worksheet_write_string(ws, r0 + 1, (lxw_col_t)c, u ? u : "", w->st.unit));
    }
    /* the title rows and the header print on every page (about 16 pt a
     * title row: a larger font) */
    w->page_h = k3a__xl_page_height(px);
    w->page_rep = w->page_y = 16.0 * r0 + 15.0 * hl + (has_units ? 15.0 : 0.0);
    w->page_n = 0;
    return has_units ? 2 : 1;
}

/* The text a cell of a text, verdict or band column shows; NULL else. */
static const char *cell_text(struct wctx *w, const struct col_spec *cs, const void *p)
{
    const struct k3a_band *b;

    switch (cs->kind) {
    case COL_TEXT:
    case COL_UNIT:
        return *(const char *const *)p;
    case COL_VERDICT:
        return k3a__xl_verdict_text(w, *(const enum k3a_verdict *)p);
    case COL_BAND:
        b = *(const struct k3a_band *const *)p;
        return !b ? NULL : w->lang == K3A_LANG_EN ? b->label_en : b->label_id;
    default:
        return NULL;
    }
}

/* What a column keeps of the text it had in the row above: a column
 * repeats its text down many rows (a method, a clause, a warning), whose
 * lines and cleaning are then known without reading it again. */
struct col_memo {
    const char *v;  /* this row's text (cell_text), NULL: none */
    double lines;
    int clean;      /* k3a_text_needs_clean found nothing to change */
    char text[256]; /* "": nothing kept (none yet, or too long) */
};

/* The lines text v takes in its column (k3a__xl_text_lines) and whether it
 * is clean, in m: kept from the row above when v is the same text. */
static void col_text(struct col_memo *m, const char *v, double width, int bold)
{
    size_t len;

    if (m->text[0] && strcmp(m->text, v) == 0)
        return;
    m->lines = k3a__xl_text_lines(v, width, bold);
    m->clean = !k3a_text_needs_clean(v, K3A_CLEAN_OOXML);
    len = strlen(v);
    if (len < sizeof(m->text))
        memcpy(m->text, v, len + 1);
    else
        m->text[0] = '\0';
}

/* A text cell: cleaned (xlsx.h) unless col_text found it clean; the
 * parentheses call libxlsxwriter's function, not the macro. */
static lxw_error text_cell(lxw_worksheet *ws, lxw_row_t xr, lxw_col_t col, const char *v,
                           lxw_format *f, int clean)
{
    return clean ? (worksheet_write_string)(ws, xr, col, v, f)
                 : k3a__xl_write_text(ws, xr, col, v, f);
}

/* One cell of a data row, from the row struct's field at p; a text,
 * verdict or band cell shows v (cell_text), clean as col_text found. */
static void table_cell(struct wctx *w, lxw_worksheet *ws, lxw_row_t xr, lxw_col_t col,
                       const struct col_spec *cs, const unsigned char *p, const char *v,
                       int clean)
{
    switch (cs->kind) {
    case COL_TEXT:
    case COL_UNIT:
        if (v && *v)
            cell(w, text_cell(ws, xr, col, v,
                              cs->kind == COL_UNIT ? w->st.unit_text : w->st.wrap, clean));
        else
            cell(w, worksheet_write_blank(ws, xr, col, w->st.text));
        break;
    case COL_NUM:
    case COL_NUM_DEC: {
        double x = *(const double *)(const void *)p;
        lxw_format *f;
        /* NaN is "no value": Excel cannot hold it */
        if (!isfinite(x)) {
            cell(w, worksheet_write_blank(ws, xr, col, w->st.text));
            break;
        }
        /* a finding's measured value carries the decimals that keep it
         * from contradicting its verdict (site-format 9) */
        f = cs->kind == COL_NUM_DEC
                ? k3a__xl_dec_format(w, *(const int *)(const void *)(p + sizeof(double)))
                : k3a__xl_num_format(w, cs->decimals, x);
        cell(w, k3a__xl_write_number(ws, xr, col, x, f));
        break;
    }
    case COL_VERDICT:
        cell(w, text_cell(ws, xr, col, v,
                          k3a__xl_verdict_format(w, *(const enum k3a_verdict *)(const void *)p),
                          clean));
        break;
    case COL_BAND: {
        const struct k3a_band *b = *(const struct k3a_band *const *)(const void *)p;
        if (b)
            cell(w, text_cell(ws, xr, col, v, k3a__xl_band_format(w, b, 0), clean));
        else
            cell(w, worksheet_write_blank(ws, xr, col, w->st.text));
        break;
    }
    }
}

static void fill_table(struct wctx *w, lxw_worksheet *ws, const struct table_spec *t,
                       int landscape)
{
    unsigned char *row = calloc(1, t->row_size);
    double *wd = malloc(2 * t->n_cols * sizeof(*wd)), px;
    struct col_memo *memo = calloc(t->n_cols, sizeof(*memo));
    lxw_row_t r0, xr, head_rows;
    size_t i, c;
    int used = 0; /* row holds a row written */

    if (!row || !wd || !memo) {
        free(row);
        free(wd);
        free(memo);
        check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    (void)landscape;
    px = table_widths(w, ws, t, wd, wd + t->n_cols);
    r0 = k3a__xl_sheet_head(w, ws, t->sheet, (lxw_col_t)t->n_cols);
    w->table_data = t->data;
    if (t->before)
        r0 = t->before(w, ws, r0, (lxw_col_t)t->n_cols);
    head_rows = table_head(w, ws, t, wd, px, r0);
    xr = r0 + head_rows;
    for (i = 0; i < t->n_rows && w->err == LXW_NO_ERROR; i++) {
        double lines = 1;
        if (used) /* a skipped row is left zeroed (row_fn) */
            memset(row, 0, t->row_size);
        used = !t->row(w, i, row);
        if (!used)
            continue;
        /* the height of a row is that of its longest wrapped text: Excel
         * and LibreOffice do not grow rows written without one */
        for (c = 0; c < t->n_cols; c++) {
            const struct col_spec *cs = &t->cols[c];
            memo[c].v = cell_text(w, cs, row + cs->offset);
            if (!memo[c].v)
                continue;
            col_text(&memo[c], memo[c].v, wd[c] - (cs->kind == COL_UNIT),
                     cs->kind != COL_TEXT && cs->kind != COL_UNIT);
            if (memo[c].lines > lines)
                lines = memo[c].lines;
        }
        if (lines > ROW_LINES_MAX)
            lines = ROW_LINES_MAX;
        if (lines > 1)
            check(w, worksheet_set_row(ws, xr, 15.0 * lines, NULL));
        k3a__xl_page_advance(w, 15.0 * lines);
        for (c = 0; c < t->n_cols; c++)
            table_cell(w, ws, xr, (lxw_col_t)c, &t->cols[c], row + t->cols[c].offset,
                       memo[c].v, memo[c].v && memo[c].clean);
        xr++;
    }
    free(memo);
    free(row);
    free(wd);
    w->table_data = NULL;
    worksheet_freeze_panes(ws, r0 + head_rows, 0);
    if (xr > r0 + head_rows && !t->after)
        check(w, worksheet_autofilter(ws, r0, 0, xr - 1, (lxw_col_t)(t->n_cols - 1)));
    if (t->after && w->err == LXW_NO_ERROR)
        t->after(w, ws, xr + 1, r0 + head_rows, xr - 1);
    k3a__xl_page_setup(w, ws, px, r0 + head_rows - 1, 0);
}

/* Adds the table's sheet and writes its rows. */
void k3a__xl_write_table(struct wctx *w, const struct table_spec *t, int landscape)
{
    lxw_worksheet *ws = workbook_add_worksheet(w->wb, k3a_text(w->lang, t->sheet));

    if (!ws) {
        check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    fill_table(w, ws, t, landscape);
}

/* ---- Ringkasan / Summary -------------------------------------------------- */

void k3a__xl_kv(struct wctx *w, lxw_worksheet *ws, lxw_row_t *row,
               const char *label, const char *value)
{
    cell(w, worksheet_write_string(ws, *row, 0, label, w->st.label));
    if (value && *value)
        cell(w, worksheet_write_string(ws, *row, 1, value, NULL));
    (*row)++;
}

/* "%04d-%02d-%02d", "" for no date */
void k3a__xl_date_text(struct k3a_date d, char *buf, size_t n)
{
    struct xtext x;

    k3a__xl_text_start(&x, buf, n);
    if (!d.y)
        return;
    k3a__xl_put_int(&x, d.y, 4);
    k3a__xl_put(&x, "-");
    k3a__xl_put_int(&x, d.m, 2);
    k3a__xl_put(&x, "-");
    k3a__xl_put_int(&x, d.d, 2);
}

/* libxlsxwriter writes every worksheet and XML part (about 70 for the
 * audit workbook) to a scratch file it creates and deletes, in /tmp
 * unless told otherwise; on ext4 that creating and deleting was a third
 * of a small audit's system time.  TMPDIR when the user set one (the
 * library does not read it); else, for a site of up to 2,000 buses (a few
 * MB of scratch), /dev/shm (a tmpfs on Linux) where writable; else the
 * library's default.  Only the finished file appears in the output
 * folder.  The program keeps what the writer's own choice of /dev/shm
 * would put there in its memory (src/cli/xlsx_scratch.c): that choice is
 * spelled K3A__XL_SCRATCH_MEM, which no TMPDIR passed on matches, so a
 * user's TMPDIR=/dev/shm keeps the library's files whatever the site's
 * size. */
static char *scratch_dir(const struct k3a_results *r)
{
    static char shm[] = K3A__XL_SCRATCH_MEM, user_shm[] = "/dev/shm";
    char *env = getenv("TMPDIR");

    if (env && *env)
        return strcmp(env, shm) == 0 ? user_shm : env;
    if (r && r->site && r->site->n_buses <= 2000 && access(shm, W_OK | X_OK) == 0)
        return shm;
    return NULL;
}

/* Starts a workbook in a temporary file beside path (constant-memory
 * mode; its scratch files where scratch_dir says). */
enum k3a_status k3a__xl_book_open(struct wctx *w, const char *path, char *tmp,
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
    opts.tmpdir = scratch_dir(w->r);
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
enum k3a_status k3a__xl_book_close(struct wctx *w, const char *tmp, const char *path,
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

