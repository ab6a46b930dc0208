/*
 * pdf_charts.c - the charts of the PDF report (BAB III): an earthing
 * electrode's fall of potential, the cables' and transformers' loading,
 * insulation resistance over time.
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

/* A step for axis ticks: 1, 2 or 5 x 10^k, about n ticks over span. */
static double nice_step(double span, int n)
{
    double raw = span / n, p = pow(10.0, floor(log10(raw))), f = raw / p;

    return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * p;
}

/* An axis title read bottom to top, centred on [ytop, ybot], its
 * baseline side at x. */
static void text_up(struct doc *d, double x, double ytop, double ybot, const char *text)
{
    double len = ybot - ytop;

    k3a__pdf_layout(d, text, len, "DejaVu Sans 6.5", A_CENTER, 0);
    if (d->counting)
        return;
    cairo_save(d->cr);
    rgb(d->cr, C_BLACK);
    cairo_translate(d->cr, x, ybot);
    cairo_rotate(d->cr, -PI_ / 2);
    cairo_move_to(d->cr, 0, 0);
    pango_cairo_show_layout(d->cr, d->lay);
    cairo_restore(d->cr);
}

/* The value axis of a chart: grid lines and ticks at a 1-2-5 step in the
 * language's writing, and its title (name and unit) beside them. */
static void y_axis(struct doc *d, double x0, double y0, double pw, double ph, double ymax,
                   const char *title)
{
    double step = nice_step(ymax, 5), v;
    char a[32];

    for (v = 0; v <= ymax + 1e-9; v += step) {
        double yy = y0 - v / ymax * ph;
        k3a__pdf_line(d, x0, yy, x0 + pw, yy, 0.2, C_RULE, 0);
        k3a__pdf_text_at(d, x0 - 38, yy - 4, 36,
                         k3a__pdf_numt(d, a, sizeof(a), v, step < 1 ? 2 : 0), F_TINY, A_RIGHT,
                         C_BLACK, 0);
    }
    text_up(d, d->left, y0 - ph, y0, title);
}

/* A chart's height: h, or less (down to 110 pt) where that keeps it on
 * this page rather than alone on the next. */
static double chart_height(const struct doc *d, double h)
{
    double room = d->bottom - d->y - 10 - (d->pend[0] ? 30 : 0);

    return room < h && room >= 110 ? room : h;
}

/* Fall of potential of every [earthing] with readings: R against the
 * potential probe's distance in metres, the 61.8 % point of the current
 * probe's distance and the limit (IEEE 81 8.2.1.5). */
static void chart_fop(struct doc *d, size_t ei)
{
    const struct k3a_earthing *e = &d->s->earthings[ei];
    const struct k3a_earth_res *er = d->r->earth ? &d->r->earth[ei] : NULL;
    double w = d->right - d->left, h = chart_height(d, 160), x0 = d->left + 52, y0, pw = w - 64;
    double ph = h - 46;
    double xmax, ymax = 0, step, v, x618;
    char buf[200], a[32], b[32];
    size_t k;

    for (k = 0; k < e->readings.n; k++)
        if (e->readings.y[k] > ymax)
            ymax = e->readings.y[k];
    if (er && isfinite(er->limit_ohm) && er->limit_ohm > ymax)
        ymax = er->limit_ohm;
    if (!(ymax > 0) || !(e->current_probe_m > 0))
        return;
    ymax *= 1.15;
    xmax = e->current_probe_m;
    k3a__pdf_need(d, h + 10);
    k3a__pdf_tfmt(buf, sizeof(buf), T(d, K3A_T_PDF_CH_FOP), e->hdr.name,
                  er && isfinite(er->limit_ohm) ? k3a__pdf_numt(d, a, sizeof(a), er->limit_ohm, 2)
                                                : "-");
    d->y += k3a__pdf_text_at(d, d->left, d->y, w, buf, F_SMALLB, A_LEFT, C_BLACK, 0) + 4;
    y0 = d->y + ph; /* the x axis */
    k3a__pdf_stroke_rect(d, x0, d->y, pw, ph, 0.6, C_BLACK);
    y_axis(d, x0, y0, pw, ph, ymax, T(d, K3A_T_PDF_AX_OHM));
    step = nice_step(xmax, 6);
    for (v = 0; v <= xmax + 1e-9; v += step) {
        double xx = x0 + v / xmax * pw;
        k3a__pdf_line(d, xx, y0, xx, y0 + 3, 0.5, C_BLACK, 0);
        k3a__pdf_text_at(d, xx - 15, y0 + 3, 30,
                         k3a__pdf_numt(d, a, sizeof(a), v, step < 1 ? 1 : 0), F_TINY, A_CENTER,
                         C_BLACK, 0);
    }
    k3a__pdf_text_at(d, x0, y0 + 12, pw, T(d, K3A_T_PDF_AX_DIST), F_TINY, A_CENTER, C_BLACK,
                     0);
    /* 61.8 % of the current probe's distance, and the limit */
    x618 = x0 + 0.618 * pw;
    k3a__pdf_line(d, x618, d->y, x618, y0, 0.8, C_TRAIN, 1);
    k3a__pdf_fmt(buf, sizeof(buf), "%s %% (%s m)", k3a__pdf_numt(d, a, sizeof(a), 61.8, 1),
                 k3a__pdf_numt(d, b, sizeof(b), 0.618 * xmax, 1));
    k3a__pdf_text_at(d, x618 + 2, d->y + 2, 80, buf, F_TINY, A_LEFT, C_TRAIN, 0);
    if (er && isfinite(er->limit_ohm)) {
        double yy = y0 - er->limit_ohm / ymax * ph;
        k3a__pdf_line(d, x0, yy, x0 + pw, yy, 0.8, C_DANGER, 1);
    }
    /* the readings */
    cairo_save(d->cr);
    rgb(d->cr, 0x1F4E79u);
    cairo_set_line_width(d->cr, 1.2);
    cairo_new_path(d->cr);
    for (k = 0; k < e->readings.n; k++) {
        double xx = x0 + e->readings.x[k] / xmax * pw;
        double yy = y0 - e->readings.y[k] / ymax * ph;
        if (xx > x0 + pw)
            xx = x0 + pw;
        if (k)
            cairo_line_to(d->cr, xx, yy);
        else
            cairo_move_to(d->cr, xx, yy);
    }
    cairo_stroke(d->cr);
    for (k = 0; k < e->readings.n; k++) {
        double xx = x0 + e->readings.x[k] / xmax * pw;
        double yy = y0 - e->readings.y[k] / ymax * ph;
        if (xx > x0 + pw)
            xx = x0 + pw;
        cairo_new_sub_path(d->cr);
        cairo_arc(d->cr, xx, yy, 2, 0, 2 * PI_);
    }
    cairo_fill(d->cr);
    cairo_restore(d->cr);
    d->y += h - 4 + 6;
}

/* Horizontal bars: each cable's Ib / Iz and each transformer's S / Sn in
 * %, with the 100 % line. */
static void chart_loading(struct doc *d)
{
    const struct k3a_results *r = d->r;
    const struct k3a_site *s = d->s;
    double w = d->right - d->left, bar = 11, x0 = d->left + 80, pw = w - 120, xmax = 100;
    size_t i, n = 0;
    char a[32];

    for (i = 0; r->cables && i < s->n_cables; i++)
        if (r->cables[i].energized && isfinite(r->cables[i].loading_pct)) {
            n++;
            if (r->cables[i].loading_pct > xmax)
                xmax = r->cables[i].loading_pct;
        }
    for (i = 0; r->tx && i < s->n_transformers; i++)
        if (r->tx[i].energized && isfinite(r->tx[i].loading_pct)) {
            n++;
            if (r->tx[i].loading_pct > xmax)
                xmax = r->tx[i].loading_pct;
        }
    if (!n || n > 40)
        return;
    xmax *= 1.1;
    k3a__pdf_need(d, 20 + (double)n * (bar + 3) + 30);
    d->y += k3a__pdf_text_at(d, d->left, d->y, w, T(d, K3A_T_PDF_CH_LOADING), F_SMALLB, A_LEFT,
                             C_BLACK, 0) + 4;
    {
        double top = d->y, yy = d->y, xx, step = nice_step(xmax, 6), v;
        char b[32];
        for (i = 0; i < s->n_transformers + s->n_cables; i++) {
            int is_tx = i < s->n_transformers;
            size_t j = is_tx ? i : i - s->n_transformers;
            double pct;
            const char *name;
            if (is_tx ? !(r->tx && r->tx[j].energized && isfinite(r->tx[j].loading_pct))
                      : !(r->cables && r->cables[j].energized &&
                          isfinite(r->cables[j].loading_pct)))
                continue;
            pct = is_tx ? r->tx[j].loading_pct : r->cables[j].loading_pct;
            name = is_tx ? s->transformers[j].hdr.name : s->cables[j].hdr.name;
            k3a__pdf_text_at(d, d->left, yy + 1, 76, name, F_TINY, A_RIGHT, C_BLACK, bar);
            k3a__pdf_fill_rect(d, x0, yy, pct / xmax * pw, bar,
                               pct > 100 ? C_DANGER : pct > 80 ? C_WARNING : 0x5B9BD5u);
            k3a__pdf_fmt(a, sizeof(a), "%s %%", k3a__pdf_numt(d, b, sizeof(b), pct, 1));
            k3a__pdf_text_at(d, x0 + pct / xmax * pw + 3, yy + 1, 40, a, F_TINY, A_LEFT, C_BLACK,
                             0);
            yy += bar + 3;
        }
        /* the axis: ticks in % and its title (the quantity and unit) */
        k3a__pdf_line(d, x0, yy, x0 + pw, yy, 0.6, C_BLACK, 0);
        for (v = 0; v <= xmax + 1e-9; v += step) {
            xx = x0 + v / xmax * pw;
            k3a__pdf_line(d, xx, yy, xx, yy + 3, 0.5, C_BLACK, 0);
            k3a__pdf_text_at(d, xx - 15, yy + 3, 30, k3a__pdf_numt(d, a, sizeof(a), v, 0),
                             F_TINY, A_CENTER, C_BLACK, 0);
        }
        k3a__pdf_text_at(d, x0, yy + 12, pw, T(d, K3A_T_PDF_AX_LOADING), F_TINY, A_CENTER,
                         C_BLACK, 0);
        xx = x0 + 100 / xmax * pw;
        k3a__pdf_line(d, xx, top - 2, xx, yy, 0.8, C_DANGER, 1);
        d->y = yy + 26;
    }
}

/* Insulation resistance over time: the previous readings and this one
 * (the lowest), with the limit (the trend the workbook projects). */
static void chart_ir(struct doc *d, size_t ii)
{
    const struct k3a_insulation *in = &d->s->insulations[ii];
    const struct k3a_ir_res *ir = d->r->ir ? &d->r->ir[ii] : NULL;
    double w = d->right - d->left, h = chart_height(d, 140), x0 = d->left + 52, pw = w - 64;
    double ph = h - 46;
    double t0, t1, ymax = 0, y0;
    long days[K3A_SOIL_MAX_POINTS + 1];
    double val[K3A_SOIL_MAX_POINTS + 1];
    size_t k, n = 0;
    char buf[200], a[32];

    if (!ir)
        return;
    for (k = 0; k < in->previous_Mohm.n && n < K3A_SOIL_MAX_POINTS; k++) {
        days[n] = k3a_date_days(in->previous_Mohm.date[k]);
        val[n++] = in->previous_Mohm.value[k];
    }
    days[n] = k3a_date_days(in->meas.test_date.y ? in->meas.test_date : d->s->site.audit_date);
    val[n++] = ir->min_Mohm;
    t0 = t1 = (double)days[0];
    for (k = 0; k < n; k++) {
        if (days[k] < t0)
            t0 = (double)days[k];
        if (days[k] > t1)
            t1 = (double)days[k];
        if (val[k] > ymax)
            ymax = val[k];
    }
    if (isfinite(ir->limit_Mohm) && ir->limit_Mohm > ymax)
        ymax = ir->limit_Mohm;
    if (!(ymax > 0) || !(t1 > t0))
        return;
    ymax *= 1.15;
    k3a__pdf_need(d, h + 10);
    k3a__pdf_tfmt(buf, sizeof(buf), T(d, K3A_T_PDF_CH_IR), in->hdr.name,
         isfinite(ir->limit_Mohm) ? k3a__pdf_numt(d, a, sizeof(a), ir->limit_Mohm, 2) : "-");
    d->y += k3a__pdf_text_at(d, d->left, d->y, w, buf, F_SMALLB, A_LEFT, C_BLACK, 0) + 4;
    y0 = d->y + ph;
    k3a__pdf_stroke_rect(d, x0, d->y, pw, ph, 0.6, C_BLACK);
    y_axis(d, x0, y0, pw, ph, ymax, T(d, K3A_T_PDF_AX_MOHM));
    if (isfinite(ir->limit_Mohm))
        k3a__pdf_line(d, x0, y0 - ir->limit_Mohm / ymax * ph, x0 + pw, y0 - ir->limit_Mohm / ymax * ph,
             0.8, C_DANGER, 1);
    for (k = 0; k < n; k++) {
        double xx = x0 + ((double)days[k] - t0) / (t1 - t0) * pw;
        struct k3a_date dt = k < n - 1 ? in->previous_Mohm.date[k]
                                       : (in->meas.test_date.y ? in->meas.test_date
                                                               : d->s->site.audit_date);
        char lab[32];
        k3a__pdf_text_at(d, xx - 25, y0 + 3, 50, k3a__pdf_date_iso(lab, sizeof(lab), dt), F_TINY, A_CENTER,
                C_BLACK, 0);
    }
    k3a__pdf_text_at(d, x0, y0 + 12, pw, T(d, K3A_T_TEST_DATE), F_TINY, A_CENTER, C_BLACK,
                     0);
    cairo_save(d->cr);
    rgb(d->cr, 0x1F4E79u);
    cairo_set_line_width(d->cr, 1.2);
    cairo_new_path(d->cr);
    for (k = 0; k < n; k++) {
        double xx = x0 + ((double)days[k] - t0) / (t1 - t0) * pw, yy = y0 - val[k] / ymax * ph;
        if (k)
            cairo_line_to(d->cr, xx, yy);
        else
            cairo_move_to(d->cr, xx, yy);
    }
    cairo_stroke(d->cr);
    for (k = 0; k < n; k++) {
        cairo_new_sub_path(d->cr);
        cairo_arc(d->cr, x0 + ((double)days[k] - t0) / (t1 - t0) * pw, y0 - val[k] / ymax * ph, 2,
                  0, 2 * PI_);
    }
    cairo_fill(d->cr);
    cairo_restore(d->cr);
    d->y += h - 4;
}

void k3a__pdf_charts(struct doc *d, int sec)
{
    const struct k3a_site *s = d->s;
    char head[64];
    size_t i, n = 0;

    for (i = 0; i < s->n_earthings; i++)
        n += s->earthings[i].readings.n >= 3 && s->earthings[i].current_probe_m > 0;
    k3a__pdf_fmt(head, sizeof(head), "3.%d  %s", sec, T(d, K3A_T_PDF_CHARTS));
    k3a__pdf_heading(d, head, F_H2);
    chart_loading(d);
    for (i = 0; i < s->n_earthings && n <= 20; i++)
        if (s->earthings[i].readings.n >= 3 && s->earthings[i].current_probe_m > 0)
            chart_fop(d, i);
    for (i = 0, n = 0; i < s->n_insulations; i++)
        n += s->insulations[i].previous_Mohm.n > 0;
    for (i = 0; i < s->n_insulations && n <= 20; i++)
        if (s->insulations[i].previous_Mohm.n > 0)
            chart_ir(d, i);
}

