/*
 * pdf_labels.c - the printable arc-flash labels (ANSI Z535.4 layout,
 * NFPA 70E 130.5(H) content), one a page or two on A4; the QR code.
 */
#include <qrencode.h>

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fmt.h"
#include "pdf.h"

/* ---- labels ---------------------------------------------------------------- */

/* The ANSI Z535 safety-alert symbol: a triangle with an exclamation mark. */
static void alert_symbol(cairo_t *cr, double cx, double cy, double size, unsigned tri,
                         unsigned mark)
{
    double h = size * 0.866;

    rgb(cr, tri);
    cairo_move_to(cr, cx, cy - h / 2);
    cairo_line_to(cr, cx + size / 2, cy + h / 2);
    cairo_line_to(cr, cx - size / 2, cy + h / 2);
    cairo_close_path(cr);
    cairo_fill(cr);
    rgb(cr, mark);
    cairo_rectangle(cr, cx - size * 0.06, cy - h * 0.18, size * 0.12, h * 0.42);
    cairo_fill(cr);
    cairo_rectangle(cr, cx - size * 0.06, cy + h * 0.30, size * 0.12, size * 0.10);
    cairo_fill(cr);
}

/* A QR code as a small image (one pixel a module, a one-module quiet
 * zone) scaled up without smoothing: a few hundred bytes in the PDF,
 * where a rectangle a module would be thousands of path numbers. */
static void qr_code(struct doc *d, double x, double y, double size, const char *text)
{
    QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    cairo_surface_t *img;
    cairo_pattern_t *pat;
    unsigned char *px;
    int i, j, n, stride;

    if (!q) {
        if (errno == ENOMEM)
            d->nomem = 1;
        return;
    }
    n = q->width + 2;
    img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, n, n);
    if (cairo_surface_status(img) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(img);
        QRcode_free(q);
        d->nomem = 1;
        return;
    }
    cairo_surface_flush(img);
    px = cairo_image_surface_get_data(img);
    stride = cairo_image_surface_get_stride(img);
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++) {
            int dark = i > 0 && j > 0 && i <= q->width && j <= q->width &&
                       (q->data[(i - 1) * q->width + (j - 1)] & 1);
            uint32_t v = dark ? 0xFF000000u : 0xFFFFFFFFu;
            memcpy(px + (size_t)i * (size_t)stride + (size_t)j * 4, &v, 4);
        }
    cairo_surface_mark_dirty(img);
    cairo_save(d->cr);
    cairo_translate(d->cr, x, y);
    cairo_scale(d->cr, size / n, size / n);
    cairo_set_source_surface(d->cr, img, 0, 0);
    pat = cairo_get_source(d->cr);
    cairo_pattern_set_filter(pat, CAIRO_FILTER_NEAREST);
    cairo_rectangle(d->cr, 0, 0, n, n);
    cairo_fill(d->cr);
    cairo_restore(d->cr);
    cairo_surface_destroy(img);
    QRcode_free(q);
}

/* A label being drawn: its box (x, y, w, h), margin m, inner width iw,
 * the key column's width col, and yy the next free line. */
struct lbl {
    struct doc *d;
    double x, y, w, h, m, iw, col, yy;
};

/* A key and its value, the value big or bold. */
static void lrow(struct lbl *l, const char *k, const char *v, int big)
{
    struct doc *d = l->d;
    double h1 = k3a__pdf_text_at(d, l->x + l->m, l->yy, l->col, k, F_SMALL, A_LEFT, C_BLACK, 0);
    double h2 = k3a__pdf_text_at(d, l->x + l->m + l->col, l->yy, l->iw - l->col, v,
                                 big ? F_H2 : F_BOLD, A_LEFT, C_BLACK, 0);

    l->yy += (h1 > h2 ? h1 : h2) + 1.2 * MM;
}

/* A rule across the label and a part's title under it. */
static void rule(struct lbl *l, const char *title)
{
    struct doc *d = l->d;

    rgb(d->cr, C_BLACK);
    cairo_set_line_width(d->cr, 0.8);
    cairo_move_to(d->cr, l->x + l->m, l->yy);
    cairo_line_to(d->cr, l->x + l->w - l->m, l->yy);
    cairo_stroke(d->cr);
    l->yy += 1 * MM;
    l->yy += k3a__pdf_text_at(d, l->x + l->m, l->yy, l->iw, title, F_SMALLB, A_LEFT, C_BLACK, 0) +
             0.8 * MM;
}

/* The border and the signal-word panel (ANSI Z535.4), then the training
 * band, the hazard and what to wear (or that work is not permitted). */
static void label_head(struct lbl *l, int danger)
{
    struct doc *d = l->d;
    double x = l->x, y = l->y, w = l->w, m = l->m, iw = l->iw, ph = 17 * MM;
    unsigned panel = danger ? C_DANGER : C_WARNING, ink = danger ? C_WHITE : C_BLACK;
    int lw, lh;

    k3a__pdf_stroke_rect(d, x + 1.5 * MM, y + 1.5 * MM, w - 3 * MM, l->h - 3 * MM, 1.6, C_BLACK);
    k3a__pdf_fill_rect(d, x + 2.5 * MM, y + 2.5 * MM, w - 5 * MM, ph, panel);
    alert_symbol(d->cr, x + 2.5 * MM + 11 * MM, y + 2.5 * MM + ph / 2, 12 * MM,
                 danger ? C_WHITE : C_BLACK, danger ? C_DANGER : C_WARNING);
    k3a__pdf_layout(d, T(d, danger ? K3A_T_PDF_L_DANGER : K3A_T_PDF_L_WARNING), w - 28 * MM, FONT " Bold 26", A_LEFT,
           0);
    pango_layout_get_size(d->lay, &lw, &lh);
    cairo_save(d->cr);
    rgb(d->cr, ink);
    cairo_move_to(d->cr, x + 22 * MM,
                  y + 2.5 * MM + (ph - (double)lh / PANGO_SCALE) / 2);
    pango_cairo_show_layout(d->cr, d->lay);
    cairo_restore(d->cr);
    l->yy = y + 2.5 * MM + ph + 2 * MM;
    if (d->training) {
        double th = k3a__pdf_text_height(d, T(d, K3A_T_TRAINING), iw - 4, F_SMALLB) + 4;
        k3a__pdf_fill_rect(d, x + m, l->yy, iw, th, C_TRAIN);
        k3a__pdf_text_at(d, x + m + 2, l->yy + 2, iw - 4, T(d, K3A_T_TRAINING), F_SMALLB, A_CENTER,
                C_WHITE, 0);
        l->yy += th + 1.5 * MM;
    }
    l->yy += k3a__pdf_text_at(d, x + m, l->yy, iw, T(d, K3A_T_PDF_L_HAZARD), F_H2, A_CENTER,
                  C_BLACK, 0);
    l->yy += k3a__pdf_text_at(d, x + m, l->yy, iw, T(d, danger ? K3A_T_PDF_L_NOWORK : K3A_T_PDF_L_PPE), F_BOLD, A_CENTER,
                  danger ? C_DANGER : C_BLACK, 0) + 2 * MM;
}

/* The arc-flash part: boundary, incident energy and the clothing's
 * rating. */
static void label_arc(struct lbl *l, const struct k3a_bus_arc *a, int danger)
{
    struct doc *d = l->d;
    const struct k3a_results *r = d->r;
    char buf[512], v1[64], v2[64];

    rule(l, T(d, K3A_T_PDF_L_ARC));
    k3a__pdf_fmt(buf, sizeof(buf), "%s mm", k3a__pdf_num(d, v1, sizeof(v1), a->out.afb_gov_mm, 0));
    lrow(l, T(d, K3A_T_AFB), buf, 1);
    k3a__pdf_fmt(buf, sizeof(buf), "%s cal/cm\xc2\xb2 %s %s mm",
        k3a__pdf_num(d, v1, sizeof(v1), a->out.energy_cal_cm2, 1), T(d, K3A_T_PDF_L_AT),
        k3a__pdf_num(d, v2, sizeof(v2), a->in.distance_mm, 0));
    lrow(l, T(d, K3A_T_ENERGY), buf, 1);
    if (strcmp(a->ppe, "0") == 0)
        k3a__pdf_fmt(buf, sizeof(buf), "%s", T(d, K3A_T_PDF_L_NONE_PPE));
    else if (danger)
        k3a__pdf_fmt(buf, sizeof(buf), "> %s cal/cm\xc2\xb2",
            k3a__pdf_num(d, v1, sizeof(v1),
                r->arc_model.n_ppe > 0 ? r->arc_model.ppe_max_cal_cm2[r->arc_model.n_ppe - 1]
                                       : 40.0,
                0));
    else {
        int c = atoi(a->ppe), j;
        double rating = 0;
        for (j = 0; j < r->arc_model.n_ppe; j++)
            if (r->arc_model.ppe_category[j] == c)
                rating = r->arc_model.ppe_max_cal_cm2[j];
        /* the rating of the clothing that covers the calculated energy
         * (the workbook's label value); no PPE category beside the
         * incident energy: NFPA 70E 130.5(H) asks for one or the other,
         * and the category method is the table one, not this */
        k3a__pdf_fmt(buf, sizeof(buf), "%s cal/cm\xc2\xb2", k3a__pdf_num(d, v1, sizeof(v1), rating, 0));
    }
    lrow(l, T(d, K3A_T_PDF_L_RATING), buf, 0);
}

/* The shock part: the voltage and the approach boundaries. */
static void label_shock(struct lbl *l, const struct k3a_bus_arc *a, const struct k3a_bus *b)
{
    struct doc *d = l->d;
    char buf[512], v1[64], v2[64];

    rule(l, T(d, K3A_T_PDF_L_SHOCK));
    k3a__pdf_fmt(buf, sizeof(buf), "%s V", k3a__pdf_num(d, v1, sizeof(v1), b->voltage_kV * 1000.0, 0));
    lrow(l, T(d, K3A_T_LBL_VOLTAGE), buf, 1);
    k3a__pdf_fmt(buf, sizeof(buf), "%s m (%s)\n%s m (%s)",
        k3a__pdf_num(d, v1, sizeof(v1), a->limited_fixed_mm / 1000.0, 1), T(d, K3A_T_PDF_L_FIXED),
        k3a__pdf_num(d, v2, sizeof(v2), a->limited_movable_mm / 1000.0, 1), T(d, K3A_T_LBL_MOVABLE));
    lrow(l, T(d, K3A_T_LBL_LIMITED), buf, 0);
    k3a__pdf_fmt(buf, sizeof(buf), "%s m", k3a__pdf_num(d, v1, sizeof(v1), a->restricted_mm / 1000.0, 1));
    lrow(l, T(d, K3A_T_LBL_RESTRICTED), buf, 0);
}

/* What clears the arc and in what time, into buf: the device by its label
 * (what the plant calls it), else its name; the line side of the bus's
 * main when that is the worse case (IEEE 1584-2018). */
static void label_clearing(struct doc *d, const struct k3a_bus_arc *a, char *buf, size_t n)
{
    const struct k3a_site *s = d->s;
    int32_t dev = a->out.governing ? a->device_min : a->device;
    char cw[200], v3[64], dev_t[128];

    k3a__pdf_fmt(cw, sizeof(cw), "%s%s%s", k3a__pdf_case_words(d, a->sc_case), a->out.governing ? "; " : "",
        a->out.governing ? T(d, K3A_T_PDF_L_REDUCED) : "");
    k3a__pdf_num(d, v3, sizeof(v3), (a->out.governing ? a->in.t_min_ms : a->in.t_ms) / 1000.0, 2);
    k3a__pdf_fmt(dev_t, sizeof(dev_t), "%s",
        dev < 0 ? T(d, K3A_T_PDF_L_NODEV)
        : s->devices[dev].hdr.label && *s->devices[dev].hdr.label ? s->devices[dev].hdr.label
                                                                   : s->devices[dev].hdr.name);
    if (a->capped || dev < 0)
        k3a__pdf_tfmt(buf, n, T(d, K3A_T_PDF_L_CAPPED), v3, v3, cw);
    else
        k3a__pdf_tfmt(buf, n, T(d, K3A_T_PDF_L_CLEARED), dev_t, v3, cw);
    if (a->line_side && (d->lang == K3A_LANG_EN ? a->side_en : a->side_id)[0]) {
        char side[512];
        k3a__pdf_fmt(side, sizeof(side), "%s: %s", d->lang == K3A_LANG_EN ? a->side_en : a->side_id,
            buf);
        if (side[0] >= 'a' && side[0] <= 'z')
            side[0] = (char)(side[0] - 'a' + 'A'); /* a sentence of its own */
        k3a__pdf_fmt(buf, n, "%s", side);
    }
}

/* The equipment part: the board's name, what clears the arc, and the
 * study it comes from (date, tester, method). */
static void label_equipment(struct lbl *l, const struct k3a_bus_arc *a, const struct k3a_bus *b)
{
    struct doc *d = l->d;
    const struct k3a_site *s = d->s;
    double x = l->x, m = l->m, iw = l->iw, room;
    char buf[512], dt[64];

    rule(l, T(d, K3A_T_LBL_EQUIPMENT));
    k3a__pdf_fmt(buf, sizeof(buf), "%s%s%s", b->hdr.name, b->hdr.label ? " - " : "",
        b->hdr.label ? b->hdr.label : "");
    l->yy += k3a__pdf_text_at(d, x + m, l->yy, iw, buf, F_H2, A_LEFT, C_BLACK, 26) + 1 * MM;
    label_clearing(d, a, buf, sizeof(buf));
    l->yy += k3a__pdf_text_at(d, x + m, l->yy, iw - 24 * MM, buf, F_SMALL, A_LEFT, C_BLACK, 26) + 1 * MM;
    k3a__pdf_fmt(buf, sizeof(buf), "%s: %s, %s%s%s%s%s%s. %s; NFPA 70E 130.5(H)", T(d, K3A_T_PDF_L_STUDY),
        k3a__pdf_date_long(d, dt, sizeof(dt), s->site.audit_date), nz(s->site.auditor),
        s->site.auditor_licence ? " (" : "",
        s->site.auditor_licence ? s->site.auditor_licence : "",
        s->site.auditor_licence ? ")" : "",
        s->site.inspection_body ? ", " : "", s->site.inspection_body ? s->site.inspection_body : "",
        a->out.method == K3A_ARC_LEE ? "Lee (> 15 kV)" : "IEEE 1584-2018");
    room = l->y + l->h - l->yy - 3 * MM;
    k3a__pdf_text_at(d, x + m, l->yy, iw - 24 * MM, buf, F_TINY, A_LEFT, C_BLACK, room > 8 ? room : 8);
}

/* One label in the box (x, y, w, h); the layout is for 100 x 150 mm. */
static void label(struct doc *d, size_t bi, double x, double y, double w, double h)
{
    const struct k3a_site *s = d->s;
    const struct k3a_bus_arc *a = &d->r->arc[bi];
    const struct k3a_bus *b = &s->buses[bi];
    /* DANGER where no PPE category covers the energy (above the table's
     * last row, 40 cal/cm2 in NFPA 70E Table 130.7(C)(15)(c)): work on it
     * energised is not permitted; WARNING otherwise (ANSI Z535.4 4.13) */
    int danger = strcmp(a->ppe, "dangerous") == 0 || a->out.energy_cal_cm2 > 40.0;
    struct lbl l;
    char buf[512], sha[65];

    l.d = d;
    l.x = x;
    l.y = y;
    l.w = w;
    l.h = h;
    l.m = 4 * MM;
    l.iw = w - 2 * l.m;
    l.col = l.iw * 0.46;
    label_head(&l, danger);
    label_arc(&l, a, danger);
    label_shock(&l, a, b);
    label_equipment(&l, a, b);
    k3a__hex(s->sha256, 32, sha);
    k3a__pdf_fmt(buf, sizeof(buf), "k3audit label\nsite=%s\nbus=%s\nsha256=%s", nz(s->site.name),
        b->hdr.name, sha);
    qr_code(d, x + w - l.m - 22 * MM, y + h - l.m - 22 * MM, 22 * MM, buf);
}

static int render_labels(const char *tmp, void *arg)
{
    const struct job *j = arg;
    const struct k3a_results *r = j->r;
    struct doc d;
    double pw = j->size == K3A_LABEL_A4 ? 210 * MM : 100 * MM;
    double ph = j->size == K3A_LABEL_A4 ? 297 * MM : 150 * MM;
    size_t i, n = 0;

    k3a__pdf_doc_init(&d, r, j->o);
    if (k3a__pdf_doc_open(&d, tmp, pw, ph) != 0) {
        int nofont = d.nofont;
        k3a__pdf_doc_close(&d);
        return nofont ? -2 : -1;
    }
    k3a__pdf_metadata(&d, T(&d, K3A_T_SH_LABEL));
    for (i = 0; r->arc && i < r->site->n_buses; i++) {
        if (!r->arc[i].available)
            continue;
        if (j->size == K3A_LABEL_A4) {
            if (n && n % 2 == 0)
                cairo_show_page(d.cr);
            if (n % 2 == 0) {
                /* cut line between the two */
                double dash[] = { 2, 2 };
                cairo_save(d.cr);
                rgb(d.cr, C_RULE);
                cairo_set_line_width(d.cr, 0.3);
                cairo_set_dash(d.cr, dash, 2, 0);
                cairo_move_to(d.cr, pw / 2, 10 * MM);
                cairo_line_to(d.cr, pw / 2, 10 * MM + 150 * MM + 10 * MM);
                cairo_stroke(d.cr);
                cairo_restore(d.cr);
            }
            label(&d, i, n % 2 ? pw / 2 + 2.5 * MM : pw / 2 - 102.5 * MM, 15 * MM, 100 * MM,
                  150 * MM);
        } else {
            if (n)
                cairo_show_page(d.cr);
            label(&d, i, 0, 0, pw, ph);
        }
        n++;
    }
    if (!n) {
        d.left = 10 * MM;
        d.right = pw - 10 * MM;
        k3a__pdf_text_at(&d, d.left, 20 * MM, d.right - d.left, T(&d, K3A_T_PDF_L_NO_LABELS), F_BOLD, A_LEFT,
                C_BLACK, 0);
    }
    cairo_show_page(d.cr);
    return k3a__pdf_doc_close(&d);
}

enum k3a_status k3a_report_write_labels_pdf(const struct k3a_results *r,
                                            const struct k3a_report_opts *o,
                                            enum k3a_label_size size, const char *path,
                                            char *msg, size_t msg_size)
{
    struct job j;

    j.r = r;
    j.o = o;
    j.size = size;
    return k3a__pdf_write_atomic(path, msg, msg_size, render_labels, &j);
}
