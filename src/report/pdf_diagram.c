/*
 * pdf_diagram.c - the one-line diagram of the PDF report (BAB II): the
 * network laid out as a tree and drawn with the IEC 60617 symbols.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "pdf.h"

/* ---- the one-line diagram ------------------------------------------------

 * Drawn from the network as a tree, breadth first from the supplies (each
 * parent centred over its children), with the IEC 60617 symbols: the
 * supply as a network infeed (a hatched square), a board as a busbar, a
 * circuit-breaker (07-13-05: a switch with a cross at its fixed contact)
 * or a fuse (07-21-01) where a device protects a branch, a transformer as
 * two circles (06-09-01), a generator as a circle with G and ~ (06-04-01),
 * a capacitor bank as two plates (04-02-01).  A branch that closes a mesh,
 * or an open one, is drawn dashed under the boards it joins. */
#define SLD_MAX_NODES 80

enum sld_kind { N_SUP, N_BUS, N_GEN, N_CAP };
enum sld_ekind { E_TX, E_CABLE, E_GEN, E_CAP };

struct sld_edge {
    int32_t a, b;         /* nodes */
    enum sld_ekind kind;
    size_t idx;           /* the transformer, cable, generator or capacitor */
    int tree, open;
    int32_t dev_a, dev_b; /* the device at each end, -1 none */
};

struct sld {
    const struct k3a_site *s;
    size_t ns, nb, ng, nc, nn, ne;
    struct sld_edge *e;
    int32_t *parent, *depth, *queue, *order;
    double *xs, *lo, *hi; /* slot of each node; its bar's first and last slot */
    double page_l, page_r; /* the page's body, pt (the diagram may be narrower) */
    int *leaf;
    int max_depth, slots;
};

static int32_t sld_node(const struct sld *g, const struct k3a_ref *r)
{
    if (r->idx < 0)
        return -1;
    if (r->kind == K3A_KIND_SUPPLY && (size_t)r->idx < g->ns)
        return r->idx;
    if (r->kind == K3A_KIND_BUS && (size_t)r->idx < g->nb)
        return (int32_t)g->ns + r->idx;
    return -1;
}

static enum sld_kind sld_kind(const struct sld *g, int32_t u)
{
    size_t k = (size_t)u;

    return k < g->ns ? N_SUP : k < g->ns + g->nb ? N_BUS : k < g->ns + g->nb + g->ng ? N_GEN
                                                                                       : N_CAP;
}

/* The edges (branches and what hangs on the boards) and the devices at
 * their ends: a device at one end of the element it protects, and a
 * board's main (a device protecting its own board) at the board's end of
 * the branch feeding it (found once the tree is known). */
static int sld_edges(struct sld *g)
{
    const struct k3a_site *s = g->s;
    size_t i;

    g->e = calloc(s->n_transformers + s->n_cables + g->ng + g->nc + 1, sizeof(*g->e));
    if (!g->e)
        return -1;
    for (i = 0; i < s->n_transformers; i++) {
        int32_t a = sld_node(g, &s->transformers[i].from), b = sld_node(g, &s->transformers[i].to);
        if (a < 0 || b < 0)
            continue;
        g->e[g->ne++] = (struct sld_edge){ a, b, E_TX, i, 0, !s->transformers[i].closed, -1, -1 };
    }
    for (i = 0; i < s->n_cables; i++) {
        int32_t a = sld_node(g, &s->cables[i].from), b = sld_node(g, &s->cables[i].to);
        if (a < 0 || b < 0)
            continue;
        g->e[g->ne++] = (struct sld_edge){ a, b, E_CABLE, i, 0, !s->cables[i].closed, -1, -1 };
    }
    for (i = 0; i < g->ng; i++) {
        int32_t a = sld_node(g, &s->generators[i].bus);
        if (a < 0)
            continue;
        g->e[g->ne++] =
            (struct sld_edge){ a, (int32_t)(g->ns + g->nb + i), E_GEN, i, 0, 0, -1, -1 };
    }
    for (i = 0; i < g->nc; i++) {
        int32_t a = sld_node(g, &s->capacitors[i].bus);
        if (a < 0)
            continue;
        g->e[g->ne++] =
            (struct sld_edge){ a, (int32_t)(g->ns + g->nb + g->ng + i), E_CAP, i, 0, 0, -1, -1 };
    }
    return 0;
}

static void sld_devices(struct sld *g)
{
    const struct k3a_site *s = g->s;
    size_t i, j;

    for (i = 0; i < s->n_devices; i++) {
        const struct k3a_device *dv = &s->devices[i];
        int32_t at = sld_node(g, &dv->at);
        if (at < 0 || dv->protects.idx < 0)
            continue;
        for (j = 0; j < g->ne; j++) {
            struct sld_edge *e = &g->e[j];
            int hit = 0;
            switch (dv->protects.kind) {
            case K3A_KIND_TRANSFORMER:
                hit = e->kind == E_TX && e->idx == (size_t)dv->protects.idx;
                break;
            case K3A_KIND_CABLE:
                hit = e->kind == E_CABLE && e->idx == (size_t)dv->protects.idx;
                break;
            case K3A_KIND_GENERATOR:
                hit = e->kind == E_GEN && e->idx == (size_t)dv->protects.idx;
                break;
            case K3A_KIND_BUS:
                /* a board's main: on the tree branch that feeds it */
                hit = e->tree && e->kind != E_GEN && e->kind != E_CAP &&
                      (int32_t)g->ns + dv->protects.idx == at &&
                      (e->a == at || e->b == at) && g->parent[at] == (e->a == at ? e->b : e->a);
                break;
            default:
                break;
            }
            if (!hit)
                continue;
            if (e->a == at && e->dev_a < 0)
                e->dev_a = (int32_t)i;
            else if (e->b == at && e->dev_b < 0)
                e->dev_b = (int32_t)i;
            else if (e->kind == E_GEN && e->dev_b < 0)
                e->dev_b = (int32_t)i; /* a generator's breaker, at the bus */
            break;
        }
    }
}

/* Breadth first from the supplies, then from any node not reached; x
 * slots depth first: a leaf takes the next slot, a parent sits midway
 * over its first and last child. */
static int sld_tree(struct sld *g)
{
    size_t i, j, head = 0, tail = 0, no = 0, root, k, sp = 0;
    double *lo, *hi;
    int *visited;
    int32_t *stack = g->queue;

    for (i = 0; i < g->nn; i++) {
        g->parent[i] = -2; /* not reached */
        g->depth[i] = 0;
    }
    for (root = 0; root < g->nn; root++) {
        if (g->parent[root] != -2)
            continue;
        g->parent[root] = -1;
        g->queue[tail++] = (int32_t)root;
        while (head < tail) {
            int32_t u = g->queue[head++];
            g->order[no++] = u;
            for (j = 0; j < g->ne; j++) {
                int32_t v;
                if (g->e[j].open)
                    continue;
                if (g->e[j].a == u)
                    v = g->e[j].b;
                else if (g->e[j].b == u)
                    v = g->e[j].a;
                else
                    continue;
                if (g->parent[v] != -2)
                    continue;
                g->parent[v] = u;
                g->depth[v] = g->depth[u] + 1;
                if (g->depth[v] > g->max_depth)
                    g->max_depth = g->depth[v];
                g->e[j].tree = 1;
                g->queue[tail++] = v;
            }
        }
    }
    lo = malloc(g->nn * sizeof(*lo));
    hi = malloc(g->nn * sizeof(*hi));
    visited = calloc(g->nn, sizeof(*visited));
    if (!lo || !hi || !visited) {
        free(lo);
        free(hi);
        free(visited);
        return -1;
    }
    for (i = 0; i < g->nn; i++) {
        lo[i] = 1e9;
        hi[i] = -1e9;
    }
    for (k = 0; k < g->nn; k++) {
        int32_t u = g->order[k];
        if (g->parent[u] != -1)
            continue;
        stack[sp++] = u;
        while (sp) {
            int32_t v = stack[--sp];
            int kids = 0;
            visited[v] = 1;
            for (j = g->ne; j-- > 0;) {
                int32_t c = -1;
                if (!g->e[j].tree)
                    continue;
                if (g->e[j].a == v && g->parent[g->e[j].b] == v)
                    c = g->e[j].b;
                else if (g->e[j].b == v && g->parent[g->e[j].a] == v)
                    c = g->e[j].a;
                if (c < 0 || visited[c])
                    continue;
                stack[sp++] = c;
                kids++;
            }
            g->leaf[v] = !kids;
            if (!kids)
                g->xs[v] = g->slots++;
        }
    }
    for (k = g->nn; k-- > 0;) {
        int32_t u = g->order[k];
        if (!g->leaf[u])
            g->xs[u] = (lo[u] + hi[u]) / 2;
        if (g->parent[u] >= 0) {
            if (g->xs[u] < lo[g->parent[u]])
                lo[g->parent[u]] = g->xs[u];
            if (g->xs[u] > hi[g->parent[u]])
                hi[g->parent[u]] = g->xs[u];
        }
    }
    /* a bar's extent: from its first to its last child */
    for (i = 0; i < g->nn; i++) {
        g->lo[i] = g->leaf[i] ? g->xs[i] : lo[i];
        g->hi[i] = g->leaf[i] ? g->xs[i] : hi[i];
    }
    free(lo);
    free(hi);
    free(visited);
    return 0;
}

/* IEC 60617 07-13-05 circuit-breaker on a vertical line at (x, yc), or a
 * fuse (07-21-01); the device's name on its left. */
static void sym_breaker(struct doc *d, double x, double yc, const struct k3a_device *dv,
                        double room)
{
    cairo_t *cr = d->cr;
    double yt = yc - 5, yb = yc + 5;

    if (!d->counting) {
        cairo_save(cr);
        if (dv->type == K3A_DEV_FUSE) {
            rgb(cr, C_WHITE);
            cairo_rectangle(cr, x - 2.5, yc - 6, 5, 12);
            cairo_fill(cr);
            rgb(cr, C_BLACK);
            cairo_set_line_width(cr, 0.8);
            cairo_rectangle(cr, x - 2.5, yc - 6, 5, 12);
            cairo_move_to(cr, x, yc - 6);
            cairo_line_to(cr, x, yc + 6);
            cairo_stroke(cr);
        } else {
            rgb(cr, C_WHITE);
            cairo_rectangle(cr, x - 1.5, yt, 3, yb - yt);
            cairo_fill(cr);
            rgb(cr, C_BLACK);
            cairo_set_line_width(cr, 0.9);
            /* the blade, from the moving contact up to the fixed one */
            cairo_move_to(cr, x, yb);
            cairo_line_to(cr, x - 5.5, yt + 1.2);
            /* the cross: a circuit-breaker's function at the fixed contact */
            cairo_move_to(cr, x - 2, yt - 2);
            cairo_line_to(cr, x + 2, yt + 2);
            cairo_move_to(cr, x + 2, yt - 2);
            cairo_line_to(cr, x - 2, yt + 2);
            cairo_stroke(cr);
        }
        cairo_restore(cr);
    }
    k3a__pdf_text_at(d, x - 7 - room, yc - 7, room, dv->hdr.name, F_TINY, A_RIGHT, C_BLACK,
                     15);
}

/* IEC 60617 06-09-01: a two-winding transformer, two circles on the line. */
static void sym_transformer(struct doc *d, double x, double ym)
{
    cairo_t *cr = d->cr;
    int k;

    if (d->counting)
        return;
    cairo_save(cr);
    for (k = 0; k < 2; k++) {
        cairo_new_sub_path(cr);
        cairo_arc(cr, x, ym + (k ? 5 : -5), 7.5, 0, 2 * PI_);
    }
    rgb(cr, C_WHITE);
    cairo_fill(cr);
    rgb(cr, C_BLACK);
    cairo_set_line_width(cr, 0.9);
    for (k = 0; k < 2; k++) {
        cairo_new_sub_path(cr);
        cairo_arc(cr, x, ym + (k ? 5 : -5), 7.5, 0, 2 * PI_);
    }
    cairo_stroke(cr);
    cairo_restore(cr);
}

/* IEC 60617 06-04-01: a generator, G and ~ in a circle (top at y). */
static void sym_generator(struct doc *d, double x, double y)
{
    cairo_t *cr = d->cr;
    double cy = y + 10;

    if (!d->counting) {
        cairo_save(cr);
        rgb(cr, C_BLACK);
        cairo_set_line_width(cr, 0.9);
        cairo_new_sub_path(cr);
        cairo_arc(cr, x, cy, 10, 0, 2 * PI_);
        cairo_stroke(cr);
        /* the a.c. sign under the letter */
        cairo_set_line_width(cr, 0.6);
        cairo_move_to(cr, x - 4, cy + 5);
        cairo_curve_to(cr, x - 2, cy + 2.5, x, cy + 2.5, x, cy + 5);
        cairo_curve_to(cr, x, cy + 7.5, x + 2, cy + 7.5, x + 4, cy + 5);
        cairo_stroke(cr);
        cairo_restore(cr);
    }
    k3a__pdf_text_at(d, x - 8, cy - 7.5, 16, "G", F_SMALLB, A_CENTER, C_BLACK, 0);
}

/* IEC 60617 04-02-01: a capacitor, two plates across the line (top at y). */
static void sym_capacitor(struct doc *d, double x, double y)
{
    cairo_t *cr = d->cr;

    if (d->counting)
        return;
    cairo_save(cr);
    rgb(cr, C_BLACK);
    cairo_set_line_width(cr, 1.4);
    cairo_move_to(cr, x - 7, y);
    cairo_line_to(cr, x + 7, y);
    cairo_move_to(cr, x - 7, y + 4);
    cairo_line_to(cr, x + 7, y + 4);
    cairo_stroke(cr);
    /* and to earth (IEC 60617 02-15-01) */
    cairo_set_line_width(cr, 0.8);
    cairo_move_to(cr, x, y + 4);
    cairo_line_to(cr, x, y + 12);
    cairo_move_to(cr, x - 5, y + 12);
    cairo_line_to(cr, x + 5, y + 12);
    cairo_move_to(cr, x - 3.3, y + 14);
    cairo_line_to(cr, x + 3.3, y + 14);
    cairo_move_to(cr, x - 1.6, y + 16);
    cairo_line_to(cr, x + 1.6, y + 16);
    cairo_stroke(cr);
    cairo_restore(cr);
}

/* The network infeed: a square hatched across, centred at (x, y). */
static void sym_supply(struct doc *d, double x, double y)
{
    cairo_t *cr = d->cr;
    double h = 10;
    int k;

    if (d->counting)
        return;
    cairo_save(cr);
    rgb(cr, C_WHITE);
    cairo_rectangle(cr, x - h, y - h, 2 * h, 2 * h);
    cairo_fill(cr);
    rgb(cr, C_BLACK);
    cairo_set_line_width(cr, 0.9);
    cairo_rectangle(cr, x - h, y - h, 2 * h, 2 * h);
    cairo_stroke(cr);
    cairo_rectangle(cr, x - h, y - h, 2 * h, 2 * h);
    cairo_clip(cr);
    cairo_set_line_width(cr, 0.5);
    for (k = -4; k <= 4; k++) {
        cairo_move_to(cr, x - h + k * 5, y + h);
        cairo_line_to(cr, x + h + k * 5, y - h);
    }
    cairo_stroke(cr);
    cairo_restore(cr);
}

/* The text beside an element: its name and ratings. */
static const char *sld_text(struct doc *d, const struct sld *g, const struct sld_edge *e,
                            char *buf, size_t n, int narrow)
{
    const struct k3a_site *s = g->s;
    char a[32], b[32], c[32];

    switch (e->kind) {
    case E_TX: {
        const struct k3a_transformer *x = &s->transformers[e->idx];
        return k3a__pdf_fmt(buf, n, "%s %s kVA\n%s/%s kV%s%s", x->hdr.name,
                            k3a__pdf_num(d, a, sizeof(a), x->rating_kVA, 0),
                            k3a__pdf_numt(d, b, sizeof(b), x->primary_kV, 3),
                            k3a__pdf_numt(d, c, sizeof(c), x->secondary_kV, 3),
                            x->vector_group ? " " : "", x->vector_group ? x->vector_group : "");
    }
    case E_CABLE: {
        const struct k3a_cable *x = &s->cables[e->idx];
        k3a__pdf_fmt(b, sizeof(b), "%d\u00d7", x->parallel);
        k3a__pdf_fmt(buf, n, "%s\n%s%s mm\u00b2", x->hdr.name, x->parallel > 1 ? b : "",
                     k3a__pdf_numt(d, a, sizeof(a), x->size_mm2, 1));
        if (!narrow) /* the length where there is room for it */
            k3a__pdf_fmt(buf + strlen(buf), n - strlen(buf), ", %s m",
                         k3a__pdf_numt(d, c, sizeof(c), x->length_m, 0));
        return buf;
    }
    case E_GEN: {
        const struct k3a_generator *x = &s->generators[e->idx];
        return k3a__pdf_fmt(buf, n, "%s\n%s kVA", x->hdr.name,
                            k3a__pdf_num(d, a, sizeof(a), x->rating_kVA, 0));
    }
    case E_CAP:
    default: {
        const struct k3a_capacitor *x = &s->capacitors[e->idx];
        return k3a__pdf_fmt(buf, n, "%s\n%s kvar", x->hdr.name,
                            k3a__pdf_num(d, a, sizeof(a), x->rated_kvar, 0));
    }
    }
}

/* The room beside node u, in slots, to the next node of its level on
 * the right (right != 0) or the left, or to the diagram's edge. */
static double sld_room(const struct sld *g, int32_t u, int right)
{
    double best = 1e9;
    size_t k;

    for (k = 0; k < g->nn; k++) {
        double dx = right ? g->xs[k] - g->xs[u] : g->xs[u] - g->xs[k];
        if ((int32_t)k != u && g->depth[k] == g->depth[u] && g->parent[k] != -2 && dx > 0 &&
            dx < best)
            best = dx;
    }
    return best;
}

/* The same in pt, at most to the page's edge. */
static double sld_room_pt(struct doc *d, const struct sld *g, int32_t u, int right,
                          double slot_w)
{
    double x = d->left + slot_w * (g->xs[u] + 0.5), r = sld_room(g, u, right) * slot_w;
    double edge = right ? g->page_r - x : x - g->page_l;

    return r < edge ? r : edge;
}

/* The diagram's geometry: where node u sits (pt), given y0 (the first
 * level's y), level_h and slot_w, named so in every caller. */
#define NX(u) (d->left + slot_w * (g->xs[u] + 0.5))
#define NY(u) (y0 + g->depth[u] * level_h)

/* A branch of the tree: down from the parent's bar (or the supply's
 * junction) to the child, with its breakers, a transformer's symbol and
 * the element's name and ratings. */
static void sld_draw_branch(struct doc *d, struct sld *g, const struct sld_edge *e, double y0,
                            double level_h, double slot_w)
{
    const struct k3a_site *s = g->s;
    char buf[256];
    int32_t pa, ch;
    double x, ys, ye, ym, lroom, rroom;
    const struct k3a_device *top, *bot;

    pa = g->parent[e->b] == e->a ? e->a : e->b;
    ch = pa == e->a ? e->b : e->a;
    top = (pa == e->a ? e->dev_a : e->dev_b) >= 0
              ? &s->devices[pa == e->a ? e->dev_a : e->dev_b]
              : NULL;
    bot = (ch == e->a ? e->dev_a : e->dev_b) >= 0
              ? &s->devices[ch == e->a ? e->dev_a : e->dev_b]
              : NULL;
    x = NX(ch);
    ys = NY(pa) + (sld_kind(g, pa) == N_SUP ? 18 : 0);
    ye = NY(ch);
    k3a__pdf_line(d, x, ys, x, ye, 0.9, C_BLACK, 0);
    lroom = sld_room_pt(d, g, ch, 0, slot_w) - 14;
    rroom = sld_room_pt(d, g, ch, 1, slot_w) - 14;
    if (lroom > 70)
        lroom = 70;
    if (top)
        sym_breaker(d, x, ys + 11, top, lroom);
    if (bot)
        sym_breaker(d, x, ye - 12, bot, lroom);
    /* a transformer midway between the breakers */
    ym = (ys + (top ? 17 : 0) + ye - (bot ? 18 : 0)) / 2;
    if (e->kind == E_TX)
        sym_transformer(d, x, ym);
    /* the element's name and ratings on the right of its line: a
     * transformer's beside it, a cable's midway between what is above
     * it (a breaker) and below (a breaker, or the board's name over
     * its bar) */
    if (e->kind == E_TX || e->kind == E_CABLE) {
        double lw = rroom < 110 ? rroom : 110, lh, ly;
        sld_text(d, g, e, buf, sizeof(buf), rroom < 60);
        lh = k3a__pdf_text_height(d, buf, lw, F_TINY);
        if (e->kind == E_TX)
            ly = ym - 8;
        else {
            double a = ys + (top ? 17 : 2);
            double b = ye - (sld_kind(g, ch) == N_BUS && !g->leaf[ch] ? 20 : bot ? 18 : 2);
            ly = a + (b - a - lh) / 2;
            if (ly < a)
                ly = a;
        }
        k3a__pdf_text_at(d, x + (e->kind == E_TX ? 10 : 3), ly, lw, buf, F_TINY, A_LEFT,
                         C_BLACK, 24);
    }
}

/* A supply's junction, with its name, voltage and fault level. */
static void sld_draw_supply(struct doc *d, struct sld *g, size_t i, double y0, double level_h,
                            double slot_w)
{
    const struct k3a_supply *p = &g->s->supplies[i];
    double x = NX(i), y = NY(i);
    char buf[256], v[32], v2[32];

    sym_supply(d, x, y);
    if (!g->leaf[i]) {
        k3a__pdf_line(d, x, y + 10, x, y + 18, 0.9, C_BLACK, 0);
        if (g->hi[i] > g->lo[i])
            k3a__pdf_line(d, d->left + slot_w * (g->lo[i] + 0.5), y + 18,
                 d->left + slot_w * (g->hi[i] + 0.5), y + 18, 0.9, C_BLACK, 0);
    }
    k3a__pdf_fmt(buf, sizeof(buf), "%s\n%s kV%s%s%s", p->hdr.name,
                 k3a__pdf_numt(d, v, sizeof(v), p->voltage_kV, 3),
                 p->fault_level_MVA > 0 ? ", " : "",
                 p->fault_level_MVA > 0
                     ? k3a__pdf_num(d, v2, sizeof(v2), p->fault_level_MVA, 0)
                     : "",
                 p->fault_level_MVA > 0 ? " MVA" : "");
    k3a__pdf_text_at(d, x + 14, y - 10, sld_room_pt(d, g, (int32_t)i, 1, slot_w) - 18, buf,
                     F_TINY, A_LEFT, C_BLACK, 20);
}

/* A board's bar, its name under it (a leaf) or above it. */
static void sld_draw_bus(struct doc *d, struct sld *g, size_t i, double y0, double level_h,
                         double slot_w)
{
    const struct k3a_bus *b = &g->s->buses[i - g->ns];
    double x = NX(i), y = NY(i), half = slot_w / 2 - 3;
    double x1 = d->left + slot_w * (g->lo[i] + 0.5) - slot_w * 0.32;
    double x2 = d->left + slot_w * (g->hi[i] + 0.5) + slot_w * 0.32;
    char buf[256], v[32];

    k3a__pdf_line(d, x1, y, x2, y, 2.6, C_BLACK, 0);
    k3a__pdf_fmt(buf, sizeof(buf), "%s\n%s kV", b->hdr.name,
                 k3a__pdf_numt(d, v, sizeof(v), b->voltage_kV, 3));
    if (g->leaf[i])
        k3a__pdf_text_at(d, x - slot_w / 2 + 1, y + 3, slot_w - 2, buf, F_TINY, A_CENTER,
                         C_BLACK, 18);
    else
        /* above the bar, right of the branch coming in */
        k3a__pdf_text_at(d, x + 4, y - 19, x2 - x - 4 > half ? x2 - x - 4 : half, buf,
                         F_TINY, A_LEFT, C_BLACK, 18);
}

/* A generator or capacitor, its name and rating beside it, or under it
 * when there is no room. */
static void sld_draw_source(struct doc *d, struct sld *g, size_t i, double y0, double level_h,
                            double slot_w)
{
    double x = NX(i), y = NY(i);
    int gen = sld_kind(g, (int32_t)i) == N_GEN;
    char buf[256];
    size_t j;

    for (j = 0; j < g->ne; j++)
        if (g->e[j].b == (int32_t)i)
            break;
    if (gen)
        sym_generator(d, x, y);
    else
        sym_capacitor(d, x, y);
    if (j < g->ne) {
        double room = sld_room_pt(d, g, (int32_t)i, 1, slot_w) - 16;
        sld_text(d, g, &g->e[j], buf, sizeof(buf), 1);
        if (room >= 34)
            k3a__pdf_text_at(d, x + 13, y + 2, room, buf, F_TINY, A_LEFT, C_BLACK, 18);
        else /* no room beside it: under it */
            k3a__pdf_text_at(d, x - slot_w / 2 + 1, y + (gen ? 22 : 19), slot_w - 2, buf,
                             F_TINY, A_CENTER, C_BLACK, 18);
    }
}

/* A branch that closes a mesh, or is open, between two boards of one
 * level with no other between them: a dashed link from bar end to bar
 * end, its name above it.  0 when the boards are not such a pair. */
static int sld_draw_side_link(struct doc *d, struct sld *g, const struct sld_edge *e, double y0,
                              double level_h, double slot_w)
{
    int32_t l, r;
    int between = 0;
    double x1, x2, y;
    char buf[256];
    size_t i;

    if (g->depth[e->a] != g->depth[e->b] || sld_kind(g, e->a) != N_BUS ||
        sld_kind(g, e->b) != N_BUS)
        return 0;
    l = g->xs[e->a] < g->xs[e->b] ? e->a : e->b;
    r = l == e->a ? e->b : e->a;
    for (i = 0; i < g->nn; i++)
        between |= (int32_t)i != l && (int32_t)i != r && g->depth[i] == g->depth[l] &&
                    g->parent[i] != -2 && g->xs[i] > g->hi[l] && g->xs[i] < g->lo[r];
    if (between)
        return 0;
    x1 = d->left + slot_w * (g->hi[l] + 0.5) + slot_w * 0.32;
    x2 = d->left + slot_w * (g->lo[r] + 0.5) - slot_w * 0.32;
    y = NY(l);
    k3a__pdf_line(d, x1, y, x2, y, 1.2, C_BLACK, 1);
    sld_text(d, g, e, buf, sizeof(buf), 0);
    for (i = 0; buf[i]; i++)
        if (buf[i] == '\n')
            buf[i] = ' ';
    k3a__pdf_text_at(d, (x1 + x2) / 2 - 60, y - 17, 120, buf, F_TINY, A_CENTER,
                     C_BLACK, 16);
    return 1;
}

/* A branch that closes a mesh, or is open: dashed, below the boards it
 * joins (from the ends of the bars, clear of the boards' names), with its
 * name. */
static void sld_draw_link(struct doc *d, struct sld *g, const struct sld_edge *e, double y0,
                          double level_h, double slot_w)
{
    double xa, xb, ya, yb, yl;
    char buf[256];
    size_t i;

    if (sld_draw_side_link(d, g, e, y0, level_h, slot_w))
        return;
    xa = NX(e->a);
    xb = NX(e->b);
    ya = NY(e->a);
    yb = NY(e->b);
    yl = (ya > yb ? ya : yb) + 30;
    {
        double off = slot_w * 0.26, sa = xb > xa ? off : -off;
        if (sld_kind(g, e->a) == N_BUS && g->leaf[e->a])
            xa += sa;
        if (sld_kind(g, e->b) == N_BUS && g->leaf[e->b])
            xb -= sa;
    }
    if (!d->counting) {
        double dash[] = { 3, 2 };
        cairo_save(d->cr);
        rgb(d->cr, C_BLACK);
        cairo_set_line_width(d->cr, 0.9);
        cairo_set_dash(d->cr, dash, 2, 0);
        cairo_move_to(d->cr, xa, ya);
        cairo_line_to(d->cr, xa, yl);
        cairo_line_to(d->cr, xb, yl);
        cairo_line_to(d->cr, xb, yb);
        cairo_stroke(d->cr);
        cairo_restore(d->cr);
    }
    sld_text(d, g, e, buf, sizeof(buf), 0);
    for (i = 0; buf[i]; i++)
        if (buf[i] == '\n')
            buf[i] = ' ';
    k3a__pdf_text_at(d, (xa < xb ? xa : xb) + 3, yl + 2,
                     fabs(xb - xa) - 6 > 60 ? fabs(xb - xa) - 6 : 60, buf, F_TINY, A_CENTER,
                     C_BLACK, 10);
}

#undef NX
#undef NY

/* The diagram: the tree's branches, then the nodes (supplies' junctions,
 * bars, generators and capacitors), then the links that close a mesh or
 * are open. */
static void sld_draw(struct doc *d, struct sld *g, double y0, double level_h,
                     double slot_w)
{
    size_t i, j;

    for (j = 0; j < g->ne; j++)
        if (g->e[j].tree)
            sld_draw_branch(d, g, &g->e[j], y0, level_h, slot_w);
    for (i = 0; i < g->nn; i++) {
        switch (sld_kind(g, (int32_t)i)) {
        case N_SUP:
            sld_draw_supply(d, g, i, y0, level_h, slot_w);
            break;
        case N_BUS:
            sld_draw_bus(d, g, i, y0, level_h, slot_w);
            break;
        case N_GEN:
        case N_CAP:
            sld_draw_source(d, g, i, y0, level_h, slot_w);
            break;
        }
    }
    for (j = 0; j < g->ne; j++)
        if (!g->e[j].tree)
            sld_draw_link(d, g, &g->e[j], y0, level_h, slot_w);
}

void k3a__pdf_one_line_diagram(struct doc *d)
{
    const struct k3a_site *s = d->s;
    struct sld g;
    char buf[256];
    int meshed = 0;
    size_t j;

    memset(&g, 0, sizeof(g));
    g.s = s;
    g.ns = s->n_supplies;
    g.nb = s->n_buses;
    g.ng = s->n_generators;
    g.nc = s->n_capacitors;
    g.nn = g.ns + g.nb + g.ng + g.nc;
    k3a__pdf_heading(d, T(d, K3A_T_PDF_SLD), F_H2);
    if (!g.nn)
        return;
    if (g.nn > SLD_MAX_NODES) {
        k3a__pdf_para(d, k3a__pdf_tfmt(buf, sizeof(buf), T(d, K3A_T_PDF_SLD_BIG), g.nn), F_BODY);
        return;
    }
    g.parent = malloc(g.nn * sizeof(*g.parent));
    g.depth = malloc(g.nn * sizeof(*g.depth));
    g.queue = malloc(g.nn * sizeof(*g.queue));
    g.order = malloc(g.nn * sizeof(*g.order));
    g.xs = malloc(g.nn * sizeof(*g.xs));
    g.lo = malloc(g.nn * sizeof(*g.lo));
    g.hi = malloc(g.nn * sizeof(*g.hi));
    g.leaf = calloc(g.nn, sizeof(*g.leaf));
    if (!g.parent || !g.depth || !g.queue || !g.order || !g.xs || !g.lo || !g.hi || !g.leaf ||
        sld_edges(&g) != 0 || sld_tree(&g) != 0) {
        d->nomem = 1;
        goto out;
    }
    sld_devices(&g);
    for (j = 0; j < g.ne; j++)
        meshed |= !g.e[j].tree;
    {
        /* room at both edges for the labels beside the outer lines */
        double w = d->right - d->left, slot_w = (w - 60) / (g.slots ? g.slots : 1);
        double level_h = 92, note_h, total_h, y0, room;
        const char *note = T(d, meshed ? K3A_T_PDF_SLD_NOTE : K3A_T_PDF_SLD_NOTE1);
        int landscape = 0;
        if (slot_w < 44) {
            /* too wide for A4 upright: a page of its own turned sideways */
            double lw = d->ph - 38 * MM;
            if ((lw - 60) / g.slots < 38) {
                k3a__pdf_para(d, k3a__pdf_tfmt(buf, sizeof(buf), T(d, K3A_T_PDF_SLD_BIG), g.nn),
                              F_BODY);
                goto out;
            }
            landscape = 1;
            k3a__pdf_landscape(d, 1);
            w = d->right - d->left;
            slot_w = (w - 60) / g.slots;
        }
        if (slot_w > 150)
            slot_w = 150;
        note_h = k3a__pdf_text_height(d, note, w, F_SMALL) + 3;
        /* the whole diagram on one page: on this one, closer when need be,
         * else on the next */
        room = d->bottom - d->y - note_h - 24 - (meshed ? 50 : 36) - 2 -
               (d->pend[0] ? k3a__pdf_text_height(d, d->pend, w, d->pend_font) + 8 : 0);
        if (room / (g.max_depth ? g.max_depth : 1) >= 70 && room < g.max_depth * level_h)
            level_h = room / (g.max_depth ? g.max_depth : 1);
        if (g.max_depth * level_h > d->bottom - d->top - note_h - 120)
            level_h = (d->bottom - d->top - note_h - 120) / (g.max_depth ? g.max_depth : 1);
        total_h = 24 + g.max_depth * level_h + (meshed ? 50 : 36);
        k3a__pdf_need(d, note_h + total_h);
        k3a__pdf_para(d, note, F_SMALL);
        y0 = d->y + 16;
        /* centred when narrower than the page */
        {
            double used = slot_w * g.slots, left = d->left;
            g.page_l = d->left;
            g.page_r = d->right;
            d->left += (w - used) / 2;
            sld_draw(d, &g, y0, level_h, slot_w);
            d->left = left;
        }
        d->y += total_h;
        if (landscape)
            k3a__pdf_landscape(d, 0);
    }
out:
    free(g.e);
    free(g.parent);
    free(g.depth);
    free(g.queue);
    free(g.order);
    free(g.xs);
    free(g.lo);
    free(g.hi);
    free(g.leaf);
}
