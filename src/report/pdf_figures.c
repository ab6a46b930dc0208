/*
 * pdf_figures.c - the drawings of the PDF report: the one-line diagram
 * (BAB II) and the charts of BAB III.
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

/* One-line diagram: supplies and buses as boxes, transformers and cables
 * as lines, laid out as a tree (breadth first from the supplies; each
 * parent centred over its children).  A branch that closes a mesh, or an
 * open one, is drawn dashed. */
#define SLD_MAX_NODES 60

struct sld_edge {
    int32_t a, b;
    int tree, open;
    const char *label;
    char text[96];
};

static int32_t sld_node(const struct k3a_site *s, const struct k3a_ref *r)
{
    if (r->idx < 0)
        return -1;
    if (r->kind == K3A_KIND_SUPPLY)
        return r->idx;
    if (r->kind == K3A_KIND_BUS)
            return (int32_t)s->n_supplies + r->idx;
    return -1;
}

static void sld_box(struct doc *d, double cx, double cy, double bw, double bh,
                    const char *name, const char *sub, int supply)
{
    k3a__pdf_fill_rect(d, cx - bw / 2, cy - bh / 2, bw, bh, supply ? C_HEAD : C_WHITE);
    k3a__pdf_stroke_rect(d, cx - bw / 2, cy - bh / 2, bw, bh, 0.8, C_BLACK);
    k3a__pdf_text_at(d, cx - bw / 2 + 2, cy - bh / 2 + 2, bw - 4, name, F_SMALLB, A_CENTER, C_BLACK,
            bh / 2);
    k3a__pdf_text_at(d, cx - bw / 2 + 2, cy + 1, bw - 4, sub, F_TINY, A_CENTER, C_BLACK, bh / 2 - 2);
}

void k3a__pdf_one_line_diagram(struct doc *d)
{
    const struct k3a_site *s = d->s;
    size_t nn = s->n_supplies + s->n_buses, ne = 0, i, j;
    struct sld_edge *e = NULL;
    int32_t *parent = NULL, *depth = NULL, *queue = NULL, *order = NULL;
    double *xs = NULL;
    int *leaf_slot = NULL;
    int max_depth = 0, slots = 0;
    char buf[256];

    k3a__pdf_heading(d, T(d, K3A_T_PDF_SLD), F_H2);
    if (!nn)
        return;
    if (nn > SLD_MAX_NODES) {
        k3a__pdf_para(d, k3a__pdf_tfmt(buf, sizeof(buf), T(d, K3A_T_PDF_SLD_BIG), nn), F_BODY);
        return;
    }
    e = calloc(s->n_transformers + s->n_cables + 1, sizeof(*e));
    parent = malloc(nn * sizeof(*parent));
    depth = malloc(nn * sizeof(*depth));
    queue = malloc(nn * sizeof(*queue));
    order = malloc(nn * sizeof(*order));
    xs = malloc(nn * sizeof(*xs));
    leaf_slot = malloc(nn * sizeof(*leaf_slot));
    if (!e || !parent || !depth || !queue || !order || !xs || !leaf_slot) {
        d->nomem = 1;
        goto out;
    }
    for (i = 0; i < s->n_transformers; i++) {
        const struct k3a_transformer *x = &s->transformers[i];
        int32_t a = sld_node(s, &x->from), b = sld_node(s, &x->to);
        char kva[32];
        if (a < 0 || b < 0)
            continue;
        e[ne].a = a;
        e[ne].b = b;
        e[ne].open = !x->closed;
        k3a__pdf_fmt(e[ne].text, sizeof(e[ne].text), "%s %s kVA", x->hdr.name,
            k3a__pdf_num(d, kva, sizeof(kva), x->rating_kVA, 0));
        ne++;
    }
    for (i = 0; i < s->n_cables; i++) {
        const struct k3a_cable *c = &s->cables[i];
        int32_t a = sld_node(s, &c->from), b = sld_node(s, &c->to);
        char sz[32];
        if (a < 0 || b < 0)
            continue;
        e[ne].a = a;
        e[ne].b = b;
        e[ne].open = !c->closed;
        k3a__pdf_fmt(e[ne].text, sizeof(e[ne].text), "%s %s%s mm2", c->hdr.name,
            c->parallel > 1 ? k3a__pdf_fmt(buf, sizeof(buf), "%dx", c->parallel) : "",
            k3a__pdf_numt(d, sz, sizeof(sz), c->size_mm2, 1));
        ne++;
    }
    /* breadth first from the supplies, then from any node not reached */
    for (i = 0; i < nn; i++) {
        parent[i] = -2; /* not reached */
        depth[i] = 0;
    }
    {
        size_t head = 0, tail = 0, no = 0, root;
        for (root = 0; root < nn; root++) {
            if (parent[root] != -2)
                continue;
            if (root >= s->n_supplies) {
                /* a bus not reached from a supply: only when no supply
                 * reaches it (the supplies come first) */
            }
            parent[root] = -1;
            depth[root] = 0;
            queue[tail++] = (int32_t)root;
            while (head < tail) {
                int32_t u = queue[head++];
                order[no++] = u;
                for (j = 0; j < ne; j++) {
                    int32_t v;
                    if (e[j].open)
                        continue;
                    if (e[j].a == u)
                        v = e[j].b;
                    else if (e[j].b == u)
                        v = e[j].a;
                    else
                        continue;
                    if (parent[v] != -2)
                        continue;
                    parent[v] = u;
                    depth[v] = depth[u] + 1;
                    if (depth[v] > max_depth)
                        max_depth = depth[v];
                    e[j].tree = 1;
                    queue[tail++] = v;
                }
            }
        }
    }
    /* x slots: depth first, children in edge order; leaves take the next
     * slot, a parent sits midway over its first and last child */
    {
        int32_t *stack = queue; /* reused */
        size_t sp = 0, k;
        double *lo = malloc(nn * sizeof(*lo)), *hi = malloc(nn * sizeof(*hi));
        int *visited = calloc(nn, sizeof(*visited));
        if (!lo || !hi || !visited) {
            free(lo);
            free(hi);
            free(visited);
            d->nomem = 1;
            goto out;
        }
        for (i = 0; i < nn; i++) {
            lo[i] = 1e9;
            hi[i] = -1e9;
        }
        /* post-order by an explicit stack over the BFS order reversed:
         * children have larger BFS positions than their parents, so
         * handling nodes in reverse BFS order finishes children first;
         * leaf slots are then given in a pre-order walk. */
        for (k = 0; k < nn; k++) {
            int32_t u = order[k];
            if (parent[u] != -1)
                continue;
            stack[sp++] = u;
            while (sp) {
                int32_t v = stack[--sp];
                int kids = 0;
                visited[v] = 1;
                /* push children in reverse edge order so the first is
                 * taken first */
                for (j = ne; j-- > 0;) {
                    int32_t c = -1;
                    if (!e[j].tree)
                        continue;
                    if (e[j].a == v && parent[e[j].b] == v)
                        c = e[j].b;
                    else if (e[j].b == v && parent[e[j].a] == v)
                        c = e[j].a;
                    if (c < 0 || visited[c])
                        continue;
                    stack[sp++] = c;
                    kids++;
                }
                if (!kids) {
                    xs[v] = slots++;
                    leaf_slot[v] = 1;
                } else
                    leaf_slot[v] = 0;
            }
        }
        for (k = nn; k-- > 0;) {
            int32_t u = order[k];
            if (!leaf_slot[u])
                xs[u] = (lo[u] + hi[u]) / 2;
            if (parent[u] >= 0) {
                if (xs[u] < lo[parent[u]])
                    lo[parent[u]] = xs[u];
                if (xs[u] > hi[parent[u]])
                    hi[parent[u]] = xs[u];
            }
        }
        free(lo);
        free(hi);
        free(visited);
    }
    {
        double w = d->right - d->left, slot_w = w / (slots ? slots : 1);
        double bw = slot_w - 8 > 96 ? 96 : slot_w - 8, bh = 30;
        double level_h = 78, total_h = (max_depth + 1) * level_h + 20;
        double y0;
        char sub[128], v[32], v2[32];
        if (bw < 40) {
            k3a__pdf_para(d, k3a__pdf_tfmt(buf, sizeof(buf), T(d, K3A_T_PDF_SLD_BIG), nn), F_BODY);
            goto out;
        }
        if (total_h > d->bottom - d->top - 40) {
            level_h = (d->bottom - d->top - 60) / (max_depth + 1);
            total_h = (max_depth + 1) * level_h + 20;
        }
        k3a__pdf_para(d, T(d, K3A_T_PDF_SLD_NOTE), F_SMALL);
        k3a__pdf_need(d, total_h);
        y0 = d->y + bh / 2 + 4;
#define NX(u) (d->left + slot_w * (xs[u] + 0.5))
#define NY(u) (y0 + depth[u] * level_h)
        for (j = 0; j < ne; j++) {
            /* a tree branch is drawn from the parent (1) to the child (2) */
            int32_t pa = e[j].tree && parent[e[j].a] == e[j].b ? e[j].b : e[j].a;
            int32_t ch = pa == e[j].a ? e[j].b : e[j].a;
            double x1 = NX(pa), y1 = NY(pa), x2 = NX(ch), y2 = NY(ch);
            cairo_save(d->cr);
            rgb(d->cr, C_BLACK);
            cairo_set_line_width(d->cr, 0.9);
            if (!e[j].tree) {
                double dash[] = { 3, 2 };
                cairo_set_dash(d->cr, dash, 2, 0);
                /* centre to centre; the boxes drawn over it hide its ends */
                cairo_move_to(d->cr, x1, y1);
                cairo_line_to(d->cr, x2, y2);
            } else {
                cairo_move_to(d->cr, x1, y1 + bh / 2);
                cairo_line_to(d->cr, x1, (y1 + y2) / 2);
                cairo_line_to(d->cr, x2, (y1 + y2) / 2);
                cairo_line_to(d->cr, x2, y2 - bh / 2);
            }
            cairo_stroke(d->cr);
            cairo_restore(d->cr);
            if (e[j].tree)
                k3a__pdf_text_at(d, x2 + 2, (y1 + y2) / 2 + 2, slot_w / 2 - 4, e[j].text, F_TINY,
                        A_LEFT, C_BLACK, (y2 - y1) / 2 - bh / 2 - 3);
            else
                k3a__pdf_text_at(d, (x1 + x2) / 2 - 45, (y1 + y2) / 2 - 11, 90, e[j].text, F_TINY,
                        A_CENTER, C_BLACK, 10);
        }
        for (i = 0; i < nn; i++) {
            if (i < s->n_supplies) {
                const struct k3a_supply *p = &s->supplies[i];
                k3a__pdf_fmt(sub, sizeof(sub), "%s kV%s%s%s", k3a__pdf_numt(d, v, sizeof(v), p->voltage_kV, 3),
                    p->fault_level_MVA > 0 ? ", " : "",
                    p->fault_level_MVA > 0 ? k3a__pdf_num(d, v2, sizeof(v2), p->fault_level_MVA, 0) : "",
                    p->fault_level_MVA > 0 ? " MVA" : "");
                sld_box(d, NX(i), NY(i), bw, bh, p->hdr.name, sub, 1);
            } else {
                const struct k3a_bus *b = &s->buses[i - s->n_supplies];
                k3a__pdf_fmt(sub, sizeof(sub), "%s kV", k3a__pdf_numt(d, v, sizeof(v), b->voltage_kV, 3));
                sld_box(d, NX(i), NY(i), bw, bh, b->hdr.name, sub, 0);
            }
        }
        /* generators: a circle below their bus, right of its feeders */
        for (i = 0; i < s->n_generators; i++) {
            int32_t u = sld_node(s, &s->generators[i].bus);
            double gx, gy;
            if (u < 0)
                continue;
            gx = NX(u) + bw / 4;
            gy = NY(u) + bh / 2 + 16;
            rgb(d->cr, C_BLACK);
            cairo_set_line_width(d->cr, 0.8);
            cairo_new_sub_path(d->cr);
            cairo_arc(d->cr, gx, gy, 8, 0, 2 * PI_);
            cairo_move_to(d->cr, gx, gy - 8);
            cairo_line_to(d->cr, gx, NY(u) + bh / 2);
            cairo_stroke(d->cr);
            k3a__pdf_text_at(d, gx - 8, gy - 5, 16, "G", F_SMALLB, A_CENTER, C_BLACK, 0);
            k3a__pdf_text_at(d, gx - 30, gy + 9, 60, s->generators[i].hdr.name, F_TINY, A_CENTER,
                    C_BLACK, 16);
        }
#undef NX
#undef NY
        d->y += total_h;
    }
out:
    free(e);
    free(parent);
    free(depth);
    free(queue);
    free(order);
    free(xs);
    free(leaf_slot);
}


/* A step for axis ticks: 1, 2 or 5 x 10^k, about n ticks over span. */
static double nice_step(double span, int n)
{
    double raw = span / n, p = pow(10.0, floor(log10(raw))), f = raw / p;

    return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * p;
}

static void line(struct doc *d, double x1, double y1, double x2, double y2, double w,
                 unsigned c, int dashed)
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

/* Fall of potential of every [earthing] with readings: R against the
 * potential probe's distance as % of the current probe's, the 61.8 %
 * line and the limit (the workbook's chart, as in IEEE 81 8.2.1.5). */
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
        line(d, x0, yy, x0 + pw, yy, 0.2, C_RULE, 0);
        k3a__pdf_text_at(d, x0 - 38, yy - 4, 36,
                         k3a__pdf_numt(d, a, sizeof(a), v, step < 1 ? 2 : 0), F_TINY, A_RIGHT,
                         C_BLACK, 0);
    }
    text_up(d, d->left, y0 - ph, y0, title);
}

/* Fall of potential of every [earthing] with readings: R against the
 * potential probe's distance in metres, the 61.8 % point of the current
 * probe's distance and the limit (IEEE 81 8.2.1.5). */
static void chart_fop(struct doc *d, size_t ei)
{
    const struct k3a_earthing *e = &d->s->earthings[ei];
    const struct k3a_earth_res *er = d->r->earth ? &d->r->earth[ei] : NULL;
    double w = d->right - d->left, h = 160, x0 = d->left + 52, y0, pw = w - 64, ph = h - 46;
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
        line(d, xx, y0, xx, y0 + 3, 0.5, C_BLACK, 0);
        k3a__pdf_text_at(d, xx - 15, y0 + 3, 30,
                         k3a__pdf_numt(d, a, sizeof(a), v, step < 1 ? 1 : 0), F_TINY, A_CENTER,
                         C_BLACK, 0);
    }
    k3a__pdf_text_at(d, x0, y0 + 12, pw, T(d, K3A_T_PDF_AX_DIST), F_TINY, A_CENTER, C_BLACK,
                     0);
    /* 61.8 % of the current probe's distance, and the limit */
    x618 = x0 + 0.618 * pw;
    line(d, x618, d->y, x618, y0, 0.8, C_TRAIN, 1);
    k3a__pdf_fmt(buf, sizeof(buf), "%s %% (%s m)", k3a__pdf_numt(d, a, sizeof(a), 61.8, 1),
                 k3a__pdf_numt(d, b, sizeof(b), 0.618 * xmax, 1));
    k3a__pdf_text_at(d, x618 + 2, d->y + 2, 80, buf, F_TINY, A_LEFT, C_TRAIN, 0);
    if (er && isfinite(er->limit_ohm)) {
        double yy = y0 - er->limit_ohm / ymax * ph;
        line(d, x0, yy, x0 + pw, yy, 0.8, C_DANGER, 1);
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
        line(d, x0, yy, x0 + pw, yy, 0.6, C_BLACK, 0);
        for (v = 0; v <= xmax + 1e-9; v += step) {
            xx = x0 + v / xmax * pw;
            line(d, xx, yy, xx, yy + 3, 0.5, C_BLACK, 0);
            k3a__pdf_text_at(d, xx - 15, yy + 3, 30, k3a__pdf_numt(d, a, sizeof(a), v, 0),
                             F_TINY, A_CENTER, C_BLACK, 0);
        }
        k3a__pdf_text_at(d, x0, yy + 12, pw, T(d, K3A_T_PDF_AX_LOADING), F_TINY, A_CENTER,
                         C_BLACK, 0);
        xx = x0 + 100 / xmax * pw;
        line(d, xx, top - 2, xx, yy, 0.8, C_DANGER, 1);
        d->y = yy + 26;
    }
}

/* Insulation resistance over time: the previous readings and this one
 * (the lowest), with the limit (the trend the workbook projects). */
static void chart_ir(struct doc *d, size_t ii)
{
    const struct k3a_insulation *in = &d->s->insulations[ii];
    const struct k3a_ir_res *ir = d->r->ir ? &d->r->ir[ii] : NULL;
    double w = d->right - d->left, h = 140, x0 = d->left + 52, pw = w - 64, ph = h - 46;
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
        line(d, x0, y0 - ir->limit_Mohm / ymax * ph, x0 + pw, y0 - ir->limit_Mohm / ymax * ph,
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
    k3a__pdf_text_at(d, x0, y0 + 12, pw, T(d, K3A_T_PDF_AX_DATE), F_TINY, A_CENTER, C_BLACK,
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

