/*
 * replay.c - the bench's raw libxlsxwriter writer for the same cells as
 * our workbook (issue 21: "workbook <= 1.1 x raw libxlsxwriter for the
 * same cells").
 *
 * The bench is linked with -Wl,--wrap for each libxlsxwriter call that
 * puts a workbook, sheet, format, cell, row height, column or merge into
 * a workbook (the Makefile's REPLAY_WRAP names them).  Every such call of
 * our report code lands in a __wrap_ function here, which keeps it in one
 * byte stream while recording is on and always passes it on to
 * libxlsxwriter (__real_).  Outside a recording the wrapper costs one test
 * of a flag.  k3a_replay_write makes the kept calls again, in their
 * order, straight into libxlsxwriter on a new workbook: the same strings,
 * numbers, formats, row heights and merges, in the same scratch folder,
 * deflated at our level (xlsx_deflate.c is linked in beside).
 *
 * Not replayed, so left on our side of the ratio: charts, page setup,
 * headers and footers, freeze panes, autofilters, document properties (a
 * few calls per sheet).  The replay's own walk over the record is timed
 * alone and taken off, so the figure is libxlsxwriter's.
 *
 * Bench code, not the library: its state is one static record.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <xlsxwriter.h>

#include "replay.h"

enum op {
    OP_BOOK, OP_SHEET, OP_FORMAT,
    OP_ALIGN, OP_WRAP, OP_BORDER, OP_BOLD, OP_FONT_COLOR, OP_BG_COLOR, OP_FONT_SIZE,
    OP_NUM_FORMAT, OP_ITALIC, OP_TOP, OP_INDENT,
    OP_STRING, OP_NUMBER, OP_BLANK, OP_ROW, OP_COLUMN, OP_MERGE
};

#define MAX_SHEETS 256
#define MAX_FORMATS 4096
#define NO_FORMAT 0xFFFFu

static struct {
    unsigned char *p;
    size_t len, cap, calls;
    int on, failed;
    /* our workbook's sheets and formats while recording, by their index */
    const void *sheet[MAX_SHEETS];
    const void *format[MAX_FORMATS];
    unsigned n_sheets, n_formats, last_sheet, last_format;
} rec;

/* ---- recording ---------------------------------------------------- */

static void put(const void *v, size_t n)
{
    if (rec.failed)
        return;
    if (rec.len + n > rec.cap) {
        size_t cap = rec.cap ? rec.cap * 2 : (size_t)1 << 20;
        unsigned char *p;
        while (cap < rec.len + n)
            cap *= 2;
        p = realloc(rec.p, cap);
        if (!p) {
            rec.failed = 1;
            return;
        }
        rec.p = p;
        rec.cap = cap;
    }
    memcpy(rec.p + rec.len, v, n);
    rec.len += n;
}

static void put_op(enum op op)
{
    unsigned char b = (unsigned char)op;
    put(&b, 1);
    rec.calls++;
}

static void put_str(const char *s)
{
    unsigned char has = s != NULL;
    put(&has, 1);
    if (s)
        put(s, strlen(s) + 1);
}

/* The index of p in list (n long), last the one found before; a p not
 * in it (made before the recording started) fails the record. */
static uint16_t index_in(const void *const *list, unsigned n, unsigned *last, const void *p)
{
    unsigned i;

    if (*last < n && list[*last] == p)
        return (uint16_t)*last;
    for (i = 0; i < n; i++)
        if (list[i] == p)
            return (uint16_t)(*last = i);
    rec.failed = 1;
    return 0;
}

static uint16_t sheet_index(const lxw_worksheet *ws)
{
    return index_in(rec.sheet, rec.n_sheets, &rec.last_sheet, ws);
}

static uint16_t format_index(const lxw_format *f)
{
    return f ? index_in(rec.format, rec.n_formats, &rec.last_format, f) : NO_FORMAT;
}

/* a cell's place: op, sheet, format, row, column */
static void put_cell(enum op op, const lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                     const lxw_format *f)
{
    uint16_t s = sheet_index(ws), fi = format_index(f);
    put_op(op);
    put(&s, sizeof(s));
    put(&fi, sizeof(fi));
    put(&row, sizeof(row));
    put(&col, sizeof(col));
}

static void put_format_op(enum op op, const lxw_format *f)
{
    uint16_t fi = format_index(f);
    put_op(op);
    put(&fi, sizeof(fi));
}

int k3a_replay_record(void)
{
    k3a_replay_release();
    rec.on = 1;
    return 0;
}

size_t k3a_replay_stop(void)
{
    rec.on = 0;
    return rec.failed ? 0 : rec.calls;
}

void k3a_replay_release(void)
{
    free(rec.p);
    memset(&rec, 0, sizeof(rec));
}

/* ---- the wrapped calls -------------------------------------------- */

lxw_workbook *__real_workbook_new_opt(const char *filename, lxw_workbook_options *options);
lxw_workbook *__wrap_workbook_new_opt(const char *filename, lxw_workbook_options *options);
lxw_worksheet *__real_workbook_add_worksheet(lxw_workbook *wb, const char *name);
lxw_worksheet *__wrap_workbook_add_worksheet(lxw_workbook *wb, const char *name);
lxw_format *__real_workbook_add_format(lxw_workbook *wb);
lxw_format *__wrap_workbook_add_format(lxw_workbook *wb);
lxw_error __real_worksheet_write_string(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                                        const char *s, lxw_format *f);
lxw_error __wrap_worksheet_write_string(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                                        const char *s, lxw_format *f);
lxw_error __real_worksheet_write_number(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                                        double v, lxw_format *f);
lxw_error __wrap_worksheet_write_number(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                                        double v, lxw_format *f);
lxw_error __real_worksheet_write_blank(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                                       lxw_format *f);
lxw_error __wrap_worksheet_write_blank(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                                       lxw_format *f);
lxw_error __real_worksheet_set_row(lxw_worksheet *ws, lxw_row_t row, double h, lxw_format *f);
lxw_error __wrap_worksheet_set_row(lxw_worksheet *ws, lxw_row_t row, double h, lxw_format *f);
lxw_error __real_worksheet_set_column(lxw_worksheet *ws, lxw_col_t c1, lxw_col_t c2, double w,
                                      lxw_format *f);
lxw_error __wrap_worksheet_set_column(lxw_worksheet *ws, lxw_col_t c1, lxw_col_t c2, double w,
                                      lxw_format *f);
lxw_error __real_worksheet_merge_range(lxw_worksheet *ws, lxw_row_t r1, lxw_col_t c1,
                                       lxw_row_t r2, lxw_col_t c2, const char *s,
                                       lxw_format *f);
lxw_error __wrap_worksheet_merge_range(lxw_worksheet *ws, lxw_row_t r1, lxw_col_t c1,
                                       lxw_row_t r2, lxw_col_t c2, const char *s,
                                       lxw_format *f);

lxw_workbook *__wrap_workbook_new_opt(const char *filename, lxw_workbook_options *options)
{
    if (rec.on) {
        unsigned char cm = options ? options->constant_memory : 0;
        put_op(OP_BOOK);
        put(&cm, 1);
        put_str(options ? options->tmpdir : NULL);
    }
    return __real_workbook_new_opt(filename, options);
}

lxw_worksheet *__wrap_workbook_add_worksheet(lxw_workbook *wb, const char *name)
{
    lxw_worksheet *ws = __real_workbook_add_worksheet(wb, name);
    if (rec.on) {
        if (rec.n_sheets == MAX_SHEETS)
            rec.failed = 1;
        else
            rec.sheet[rec.n_sheets++] = ws;
        put_op(OP_SHEET);
        put_str(name);
    }
    return ws;
}

lxw_format *__wrap_workbook_add_format(lxw_workbook *wb)
{
    lxw_format *f = __real_workbook_add_format(wb);
    if (rec.on) {
        if (rec.n_formats == MAX_FORMATS)
            rec.failed = 1;
        else
            rec.format[rec.n_formats++] = f;
        put_op(OP_FORMAT);
    }
    return f;
}

lxw_error __wrap_worksheet_write_string(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                                        const char *s, lxw_format *f)
{
    if (rec.on) {
        put_cell(OP_STRING, ws, row, col, f);
        put_str(s);
    }
    return __real_worksheet_write_string(ws, row, col, s, f);
}

lxw_error __wrap_worksheet_write_number(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                                        double v, lxw_format *f)
{
    if (rec.on) {
        put_cell(OP_NUMBER, ws, row, col, f);
        put(&v, sizeof(v));
    }
    return __real_worksheet_write_number(ws, row, col, v, f);
}

lxw_error __wrap_worksheet_write_blank(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                                       lxw_format *f)
{
    if (rec.on)
        put_cell(OP_BLANK, ws, row, col, f);
    return __real_worksheet_write_blank(ws, row, col, f);
}

lxw_error __wrap_worksheet_set_row(lxw_worksheet *ws, lxw_row_t row, double h, lxw_format *f)
{
    if (rec.on) {
        put_cell(OP_ROW, ws, row, 0, f);
        put(&h, sizeof(h));
    }
    return __real_worksheet_set_row(ws, row, h, f);
}

lxw_error __wrap_worksheet_set_column(lxw_worksheet *ws, lxw_col_t c1, lxw_col_t c2, double w,
                                      lxw_format *f)
{
    if (rec.on) {
        put_cell(OP_COLUMN, ws, 0, c1, f);
        put(&c2, sizeof(c2));
        put(&w, sizeof(w));
    }
    return __real_worksheet_set_column(ws, c1, c2, w, f);
}

lxw_error __wrap_worksheet_merge_range(lxw_worksheet *ws, lxw_row_t r1, lxw_col_t c1,
                                       lxw_row_t r2, lxw_col_t c2, const char *s,
                                       lxw_format *f)
{
    if (rec.on) {
        put_cell(OP_MERGE, ws, r1, c1, f);
        put(&r2, sizeof(r2));
        put(&c2, sizeof(c2));
        put_str(s);
    }
    return __real_worksheet_merge_range(ws, r1, c1, r2, c2, s, f);
}

/* format_set_NAME(format) and format_set_NAME(format, TYPE value) */
#define WRAP_FLAG(name, op)                                                                  \
    void __real_format_set_##name(lxw_format *f);                                            \
    void __wrap_format_set_##name(lxw_format *f);                                            \
    void __wrap_format_set_##name(lxw_format *f)                                             \
    {                                                                                        \
        if (rec.on)                                                                          \
            put_format_op(op, f);                                                            \
        __real_format_set_##name(f);                                                         \
    }
#define WRAP_VALUE(name, op, type)                                                           \
    void __real_format_set_##name(lxw_format *f, type v);                                    \
    void __wrap_format_set_##name(lxw_format *f, type v);                                    \
    void __wrap_format_set_##name(lxw_format *f, type v)                                     \
    {                                                                                        \
        if (rec.on) {                                                                        \
            put_format_op(op, f);                                                            \
            put(&v, sizeof(v));                                                              \
        }                                                                                    \
        __real_format_set_##name(f, v);                                                      \
    }

WRAP_FLAG(text_wrap, OP_WRAP)
WRAP_FLAG(bold, OP_BOLD)
WRAP_FLAG(italic, OP_ITALIC)
WRAP_VALUE(align, OP_ALIGN, uint8_t)
WRAP_VALUE(border, OP_BORDER, uint8_t)
WRAP_VALUE(top, OP_TOP, uint8_t)
WRAP_VALUE(indent, OP_INDENT, uint8_t)
WRAP_VALUE(font_color, OP_FONT_COLOR, lxw_color_t)
WRAP_VALUE(bg_color, OP_BG_COLOR, lxw_color_t)
WRAP_VALUE(font_size, OP_FONT_SIZE, double)

void __real_format_set_num_format(lxw_format *f, const char *s);
void __wrap_format_set_num_format(lxw_format *f, const char *s);
void __wrap_format_set_num_format(lxw_format *f, const char *s)
{
    if (rec.on) {
        put_format_op(OP_NUM_FORMAT, f);
        put_str(s);
    }
    __real_format_set_num_format(f, s);
}

/* ---- replaying ---------------------------------------------------- */

struct cursor {
    const unsigned char *p, *end;
};

#define GET(c, v) (memcpy(&(v), (c)->p, sizeof(v)), (c)->p += sizeof(v))

static const char *get_str(struct cursor *c)
{
    const char *s = NULL;
    if (*c->p++) {
        s = (const char *)c->p;
        c->p += strlen(s) + 1;
    }
    return s;
}

/* Walks the record; with wb_out NULL only reads it (the walk's own cost),
 * else makes every call into a new workbook at path.  *sum gets a
 * checksum of the places read (so the walk is not optimised away).
 * Returns 0, or -1 when the workbook could not be started. */
static int play(const char *path, lxw_workbook **wb_out, unsigned long *sum)
{
    static lxw_worksheet *sheet[MAX_SHEETS];
    static lxw_format *format[MAX_FORMATS];
    struct cursor c = { rec.p, rec.p + rec.len };
    lxw_workbook *wb = NULL;
    unsigned n_sheets = 0, n_formats = 0;
    int live = wb_out != NULL;

    while (c.p < c.end) {
        enum op op = (enum op)*c.p++;
        uint16_t si = 0, fi = NO_FORMAT;
        lxw_row_t row = 0, r2;
        lxw_col_t col = 0, c2;
        lxw_format *f;
        double v;
        const char *s;
        uint8_t u8;
        lxw_color_t color;

        if (op >= OP_STRING) {
            GET(&c, si);
            GET(&c, fi);
            GET(&c, row);
            GET(&c, col);
        } else if (op >= OP_ALIGN) {
            GET(&c, fi);
        }
        f = fi == NO_FORMAT ? NULL : format[fi];
        *sum += (unsigned long)row + col + si;
        switch (op) {
        case OP_BOOK: {
            lxw_workbook_options o;
            memset(&o, 0, sizeof(o)); /* the fields differ between versions */
            GET(&c, u8);
            o.constant_memory = u8;
            s = get_str(&c);
            o.tmpdir = (char *)(uintptr_t)s;
            if (live && !(wb = *wb_out = __real_workbook_new_opt(path, &o)))
                return -1;
            break;
        }
        case OP_SHEET:
            s = get_str(&c);
            sheet[n_sheets++] = live ? __real_workbook_add_worksheet(wb, s) : NULL;
            break;
        case OP_FORMAT:
            format[n_formats++] = live ? __real_workbook_add_format(wb) : NULL;
            break;
        case OP_WRAP:
            if (live)
                __real_format_set_text_wrap(f);
            break;
        case OP_BOLD:
            if (live)
                __real_format_set_bold(f);
            break;
        case OP_ITALIC:
            if (live)
                __real_format_set_italic(f);
            break;
        case OP_ALIGN:
        case OP_BORDER:
        case OP_TOP:
        case OP_INDENT:
            GET(&c, u8);
            if (live)
                (op == OP_ALIGN    ? __real_format_set_align
                 : op == OP_BORDER ? __real_format_set_border
                 : op == OP_TOP    ? __real_format_set_top
                                   : __real_format_set_indent)(f, u8);
            break;
        case OP_FONT_COLOR:
        case OP_BG_COLOR:
            GET(&c, color);
            if (live)
                (op == OP_FONT_COLOR ? __real_format_set_font_color
                                     : __real_format_set_bg_color)(f, color);
            break;
        case OP_FONT_SIZE:
            GET(&c, v);
            if (live)
                __real_format_set_font_size(f, v);
            break;
        case OP_NUM_FORMAT:
            s = get_str(&c);
            if (live)
                __real_format_set_num_format(f, s);
            break;
        case OP_STRING:
            s = get_str(&c);
            if (live)
                __real_worksheet_write_string(sheet[si], row, col, s, f);
            break;
        case OP_NUMBER:
            GET(&c, v);
            if (live)
                __real_worksheet_write_number(sheet[si], row, col, v, f);
            break;
        case OP_BLANK:
            if (live)
                __real_worksheet_write_blank(sheet[si], row, col, f);
            break;
        case OP_ROW:
            GET(&c, v);
            if (live)
                __real_worksheet_set_row(sheet[si], row, v, f);
            break;
        case OP_COLUMN:
            GET(&c, c2);
            GET(&c, v);
            if (live)
                __real_worksheet_set_column(sheet[si], col, c2, v, f);
            break;
        case OP_MERGE:
            GET(&c, r2);
            GET(&c, c2);
            s = get_str(&c);
            if (live)
                __real_worksheet_merge_range(sheet[si], row, col, r2, c2, s, f);
            break;
        }
    }
    return 0;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

double k3a_replay_write(const char *path)
{
    lxw_workbook *wb = NULL;
    double t, walk;
    unsigned long sum = 0;
    volatile unsigned long sink;

    if (rec.failed || !rec.len)
        return -1;
    t = now();
    (void)play(NULL, NULL, &sum);
    walk = now() - t;
    sink = sum;
    (void)sink;
    t = now();
    if (play(path, &wb, &sum) != 0 || !wb) {
        if (wb)
            workbook_close(wb);
        return -1;
    }
    if (workbook_close(wb) != LXW_NO_ERROR)
        return -1;
    return now() - t - walk;
}
