/*
 * network.c - builds the per-unit network of a site for one operating
 * case of the IEC 60909-0 calculation.  Pure: reads the site and models,
 * writes struct k3a__net, reports problems as diagnostics.
 *
 * REF: IEC 60909-0:2016 - eq. (6) network feeder, (7)-(12a) transformer
 * with K_T, (17)-(18) generator with K_G, (26)-(27) asynchronous motors,
 * (22) conductor resistance at the end-of-fault temperature; Table 1
 * voltage factor c.  Values of the factors: models/iec60909.ini.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "schema.h"
#include "network.h"

static double param(const struct k3a_models *m, const char *file,
                    const char *name, double fallback)
{
    const struct k3a_param *p = m ? k3a_models_param(m, file, name) : NULL;
    return p ? p->value : fallback;
}

#define P60909(name, fb) param(models, "iec60909", name, fb)

void k3a__net_release(struct k3a__net *net)
{
    free(net->nodes);
    free(net->br);
    free(net->sh);
    free(net->sh0);
    free(net->bus_node);
    free(net->adj_start);
    free(net->adj);
    memset(net, 0, sizeof(*net));
}

/* adj[adj_start[v] .. adj_start[v+1]) = the branches at node v, in
 * branch order.  -1 when out of memory. */
static int build_adjacency(struct k3a__net *net)
{
    size_t i, n = net->n_nodes, m = net->n_br;
    uint32_t *fill = calloc(n + 1, sizeof(*fill));

    net->adj_start = calloc(n + 2, sizeof(*net->adj_start));
    net->adj = malloc((2 * m + 1) * sizeof(*net->adj));
    if (!fill || !net->adj_start || !net->adj) {
        free(fill);
        return -1;
    }
    for (i = 0; i < m; i++) {
        net->adj_start[net->br[i].a + 1]++;
        net->adj_start[net->br[i].b + 1]++;
    }
    for (i = 0; i < n; i++)
        net->adj_start[i + 1] += net->adj_start[i];
    for (i = 0; i < m; i++) {
        uint32_t a = net->br[i].a, b = net->br[i].b;
        net->adj[net->adj_start[a] + fill[a]++] = (uint32_t)i;
        net->adj[net->adj_start[b] + fill[b]++] = (uint32_t)i;
    }
    free(fill);
    return 0;
}

double k3a__net_c(const struct k3a__net *net, uint32_t node)
{
    int lv = net->nodes[node].un_kV <= 1.0;
    int min = net->sc_case == K3A_CASE_MIN;

    if (lv)
        return min ? net->c_min_lv : net->c_max_lv;
    return min ? net->c_min_hv : net->c_max_hv;
}

static double cmax_at(const struct k3a__net *net, double un_kV)
{
    return un_kV <= 1.0 ? net->c_max_lv : net->c_max_hv;
}

static int add_shunt(struct k3a__shunt **v, size_t *n, size_t *cap,
                     struct k3a__shunt s)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        void *p = realloc(*v, nc * sizeof(**v));
        if (!p)
            return -1;
        *v = p;
        *cap = nc;
    }
    (*v)[(*n)++] = s;
    return 0;
}

uint32_t k3a__net_node(const struct k3a__net *net, const struct k3a_ref *r)
{
    if (r->idx < 0)
        return UINT32_MAX;
    if (r->kind == K3A_KIND_SUPPLY)
        return (uint32_t)r->idx;
    if (r->kind == K3A_KIND_BUS)
        return net->bus_node[r->idx];
    return UINT32_MAX;
}

static double complex to_pu(double complex z_ohm, double vbase_kV)
{
    return z_ohm * K3A_SBASE_MVA / (vbase_kV * vbase_kV);
}

/* Base voltages: the supply's Un carried through rated ratios, by a
 * breadth-first walk over every branch (open or closed: a ratio is a
 * ratio).  Branch b < n_tx is transformer b, else cable b - n_tx. */
static void base_voltages(struct k3a__net *net, const struct k3a_site *s,
                          struct k3a_diag_list *dl)
{
    size_t n = net->n_nodes, ntx = s->n_transformers, m = ntx + s->n_cables;
    size_t i, head = 0, tail = 0, pass;
    uint32_t *queue = malloc((n + 1) * sizeof(*queue));
    uint32_t *start = calloc(n + 2, sizeof(*start));
    uint32_t *adj = malloc((2 * m + 1) * sizeof(*adj));
    uint32_t *ea = malloc((m + 1) * sizeof(*ea)), *eb = malloc((m + 1) * sizeof(*eb));
    uint32_t *fill = calloc(n + 1, sizeof(*fill));
    uint8_t *set = calloc(n + 1, 1);
    int warned = 0;

    if (!queue || !start || !adj || !ea || !eb || !fill || !set) {
        for (i = 0; i < n; i++)
            net->nodes[i].vbase_kV = net->nodes[i].un_kV;
        goto out;
    }
    for (i = 0; i < m; i++) {
        const struct k3a_ref *f = i < ntx ? &s->transformers[i].from
                                          : &s->cables[i - ntx].from;
        const struct k3a_ref *t = i < ntx ? &s->transformers[i].to
                                          : &s->cables[i - ntx].to;
        ea[i] = k3a__net_node(net, f);
        eb[i] = k3a__net_node(net, t);
        if (ea[i] == UINT32_MAX || eb[i] == UINT32_MAX)
            continue;
        start[ea[i] + 1]++;
        start[eb[i] + 1]++;
    }
    for (i = 0; i < n; i++)
        start[i + 1] += start[i];
    for (i = 0; i < m; i++)
        if (ea[i] != UINT32_MAX && eb[i] != UINT32_MAX) {
            adj[start[ea[i]] + fill[ea[i]]++] = (uint32_t)i;
            adj[start[eb[i]] + fill[eb[i]]++] = (uint32_t)i;
        }
    for (pass = 0; pass < 2; pass++) {
        /* pass 0 seeds the supplies; pass 1 any node left (islands) */
        for (i = 0; i < n; i++) {
            if (set[i] || (pass == 0 && net->nodes[i].kind != K3A_KIND_SUPPLY))
                continue;
            net->nodes[i].vbase_kV = net->nodes[i].un_kV;
            set[i] = 1;
            queue[tail++] = (uint32_t)i;
            while (head < tail) {
                uint32_t v = queue[head++], j;
                for (j = start[v]; j < start[v + 1]; j++) {
                    uint32_t e = adj[j], w = ea[e] == v ? eb[e] : ea[e];
                    double vb = net->nodes[v].vbase_kV;
                    if (e < ntx) {
                        const struct k3a_transformer *tx = &s->transformers[e];
                        if (!(tx->primary_kV > 0) || !(tx->secondary_kV > 0))
                            continue;
                        vb = ea[e] == v ? vb * tx->secondary_kV / tx->primary_kV
                                        : vb * tx->primary_kV / tx->secondary_kV;
                    }
                    if (!set[w]) {
                        net->nodes[w].vbase_kV = vb;
                        set[w] = 1;
                        queue[tail++] = w;
                    } else if (fabs(net->nodes[w].vbase_kV - vb) > 1e-3 * vb &&
                               !warned && e < ntx) {
                        const struct k3a_transformer *tx = &s->transformers[e];
                        char lbl[48];
                        struct k3a_loc l = { s->path, tx->hdr.line, lbl, "" };
                        snprintf(lbl, sizeof(lbl), "transformer %s", tx->hdr.name);
                        k3a_diag_add(dl, K3A_WARNING, K3A_E_TOPOLOGY, l,
                                     "rated ratios around a loop disagree; "
                                     "the first path's ratio is used");
                        warned = 1;
                    }
                }
            }
        }
    }
out:
    free(queue);
    free(start);
    free(adj);
    free(ea);
    free(eb);
    free(fill);
    free(set);
}

static int lv_neutral_earthed(const char *vg)
{
    /* Dyn11, YNyn0, Yzn5: an 'n' after the HV letters means the LV
     * neutral is brought out (and, in TN systems, earthed) */
    const char *p;
    int seen_lv = 0;

    if (!vg)
        return 1; /* Dyn11 by default */
    for (p = vg; *p; p++) {
        if (p != vg && islower((unsigned char)*p) && *p != 'n')
            seen_lv = 1;
        if (seen_lv && *p == 'n')
            return 1;
    }
    return 0;
}

static enum k3a_status net_build(const struct k3a_site *s,
                                 const struct k3a_models *models,
                                 enum k3a_sc_case sc_case, int hot,
                                 struct k3a__net *net, struct k3a_diag_list *dl);

enum k3a_status k3a__net_build(const struct k3a_site *s,
                               const struct k3a_models *models,
                               enum k3a_sc_case sc_case, struct k3a__net *net,
                               struct k3a_diag_list *dl)
{
    return net_build(s, models, sc_case, sc_case == K3A_CASE_MIN, net, dl);
}

enum k3a_status k3a__net_build_hot(const struct k3a_site *s,
                                   const struct k3a_models *models,
                                   enum k3a_sc_case sc_case, struct k3a__net *net,
                                   struct k3a_diag_list *dl)
{
    return net_build(s, models, sc_case, 1, net, dl);
}

/* What the build steps share: the site, the case, the net being built
 * and the model values used per element, looked up once. */
struct build {
    const struct k3a_site *s;
    const struct k3a_models *models;
    enum k3a_sc_case sc_case;
    int hot;
    struct k3a__net *net;
    size_t cap_sh, cap_sh0;
    double x_def, z0f, kt_a, kt_b;
    double rf_xlpe, rf_pvc, tx_fx;
    double gen_rx_lv, gen_rx_hv, gen_x0;
    double m_eff, m_pf, m_ilr_lv, m_ilr_mv, m_rx_lv, m_rx_mv;
    int key_r, key_x, key_ll, key_xr, key_st;
};

static void build_init(struct build *bd, const struct k3a_site *s,
                       const struct k3a_models *models, enum k3a_sc_case sc_case, int hot,
                       struct k3a__net *net)
{
    const struct k3a__kind *kcab = k3a__site_kind(K3A_KIND_CABLE);
    const struct k3a__kind *ktx = k3a__site_kind(K3A_KIND_TRANSFORMER);
    const struct k3a__kind *kld = k3a__site_kind(K3A_KIND_LOAD);

    bd->s = s;
    bd->models = models;
    bd->sc_case = sc_case;
    bd->hot = hot;
    bd->net = net;
    bd->cap_sh = bd->cap_sh0 = 0;
    bd->x_def = param(models, "conductors", "x_default_ohm_km", 0.08);
    bd->z0f = P60909("cable_zero_seq_factor", 4);
    bd->kt_a = P60909("kt_factor", 0.95);
    bd->kt_b = P60909("kt_xt_coefficient", 0.6);
    bd->rf_xlpe = bd->rf_pvc = 1.0;
    bd->tx_fx = P60909("tx_zero_seq_x_factor", 0.95);
    bd->gen_rx_lv = P60909("gen_r_over_x_lv", 0.15);
    bd->gen_rx_hv = P60909("gen_r_over_x_hv", 0.07);
    bd->gen_x0 = P60909("gen_x0_over_xd2", 0.5);
    bd->m_eff = P60909("motor_default_eff", 0.9);
    bd->m_pf = P60909("motor_default_pf", 0.85);
    bd->m_ilr_lv = P60909("motor_ilr_ir_lv", 5);
    bd->m_ilr_mv = P60909("motor_ilr_ir_mv", 5);
    bd->m_rx_lv = P60909("motor_r_over_x_lv", 0.42);
    bd->m_rx_mv = P60909("motor_r_over_x_mv", 0.15);
    bd->key_r = k3a__key_index(kcab, "r_ohm_km");
    bd->key_x = k3a__key_index(kcab, "x_ohm_km");
    bd->key_ll = k3a__key_index(ktx, "load_loss_W");
    bd->key_xr = k3a__key_index(ktx, "x_over_r");
    bd->key_st = k3a__key_index(kld, "starting");
    if (hot) {
        /* REF: IEC 60909-0 eq. (22): R at the end-of-fault temperature */
        double alpha = P60909("line_alpha_per_K", 0.004);
        bd->rf_xlpe = 1.0 + alpha * (P60909("theta_end_xlpe_C", 250) - 20.0);
        bd->rf_pvc = 1.0 + alpha * (P60909("theta_end_pvc_C", 160) - 20.0);
    }
}

/* The nodes (supplies, then buses), the voltage factors and the base
 * voltages; -1 when out of memory. */
static int add_nodes(struct build *bd, struct k3a_diag_list *dl)
{
    const struct k3a_site *s = bd->s;
    const struct k3a_models *models = bd->models;
    struct k3a__net *net = bd->net;
    int tol6 = fabs(s->site.lv_tolerance_pct - 6.0) < 1e-9;
    size_t i;

    net->sc_case = bd->sc_case;
    net->c_max_lv = tol6 ? P60909("c_max_lv_tol6", 1.05)
                         : P60909("c_max_lv_tol10", 1.10);
    net->c_min_lv = P60909("c_min_lv", 0.95);
    net->c_max_hv = P60909("c_max_hv", 1.10);
    net->c_min_hv = P60909("c_min_hv", 1.00);
    net->n_nodes = s->n_supplies + s->n_buses;
    net->nodes = calloc(net->n_nodes + 1, sizeof(*net->nodes));
    net->bus_node = calloc(s->n_buses + 1, sizeof(*net->bus_node));
    net->br = calloc(s->n_cables + s->n_transformers + 1, sizeof(*net->br));
    if (!net->nodes || !net->bus_node || !net->br)
        return -1;
    for (i = 0; i < s->n_supplies; i++) {
        net->nodes[i].kind = K3A_KIND_SUPPLY;
        net->nodes[i].idx = (int32_t)i;
        net->nodes[i].un_kV = s->supplies[i].voltage_kV;
    }
    for (i = 0; i < s->n_buses; i++) {
        uint32_t k = (uint32_t)(s->n_supplies + i);
        net->nodes[k].kind = K3A_KIND_BUS;
        net->nodes[k].idx = (int32_t)i;
        net->nodes[k].un_kV = s->buses[i].voltage_kV;
        net->bus_node[i] = k;
    }
    base_voltages(net, s, dl);
    return 0;
}

/* Network feeders (IEC 60909-0 eq. (6)); none in the generator case. */
static int add_feeders(struct build *bd)
{
    const struct k3a_site *s = bd->s;
    struct k3a__net *net = bd->net;
    size_t i;

    for (i = 0; i < s->n_supplies && bd->sc_case != K3A_CASE_GEN; i++) {
        const struct k3a_supply *q = &s->supplies[i];
        double c = k3a__net_c(net, (uint32_t)i);
        double S = q->fault_level_MVA > 0 ? q->fault_level_MVA
                                          : sqrt(3.0) * q->voltage_kV *
                                                q->fault_current_kA;
        double zq, xq, rq;
        struct k3a__shunt sh;
        if (bd->sc_case == K3A_CASE_MIN && q->fault_level_min_MVA > 0)
            S = q->fault_level_min_MVA;
        if (!(S > 0))
            continue;
        zq = c * q->voltage_kV * q->voltage_kV / S;
        xq = zq / sqrt(1.0 + 1.0 / (q->x_over_r * q->x_over_r));
        rq = xq / q->x_over_r;
        sh.node = (uint32_t)i;
        sh.kind = K3A_KIND_SUPPLY;
        sh.idx = (int32_t)i;
        sh.z = to_pu(rq + xq * I, net->nodes[i].vbase_kV);
        if (add_shunt(&net->sh, &net->n_sh, &bd->cap_sh, sh))
            return -1;
    }
    return 0;
}

/* Closed cables between two nodes (R at the end-of-fault temperature in
 * the hot build, eq. (22)); the zero sequence of LV cables by the
 * models' factor. */
static void add_cables(struct build *bd)
{
    const struct k3a_site *s = bd->s;
    struct k3a__net *net = bd->net;
    size_t i;

    for (i = 0; i < s->n_cables; i++) {
        const struct k3a_cable *cb = &s->cables[i];
        uint32_t a = k3a__net_node(net, &cb->from), b = k3a__net_node(net, &cb->to);
        double r_km, x_km, rf = 1.0, len_km = cb->length_m / 1000.0;
        double par = cb->parallel > 0 ? cb->parallel : 1;
        double complex z;
        struct k3a__branch *br;
        if (!cb->closed || a == UINT32_MAX || b == UINT32_MAX)
            continue; /* open, or ending at a load (a final circuit) */
        if (k3a__given(&cb->hdr, bd->key_r)) {
            r_km = cb->r_ohm_km;
        } else {
            const struct k3a_conductor *cd =
                k3a_models_conductor(bd->models, cb->material, cb->size_mm2);
            if (!cd)
                continue; /* reported by the loader */
            r_km = cd->r20_ohm_km;
        }
        x_km = k3a__given(&cb->hdr, bd->key_x) ? cb->x_ohm_km : bd->x_def;
        if (bd->hot)
            rf = cb->insulation == K3A_INS_XLPE ? bd->rf_xlpe : bd->rf_pvc;
        z = (r_km * rf + x_km * I) * len_km / par;
        br = &net->br[net->n_br++];
        br->a = a;
        br->b = b;
        br->kind = K3A_KIND_CABLE;
        br->idx = (int32_t)i;
        br->z = to_pu(z, net->nodes[a].vbase_kV);
        br->z0 = net->nodes[a].un_kV <= 1.0 ? br->z * bd->z0f : 0;
        br->kt = 1.0;
    }
}

/* Closed transformers (eq. (7)-(12a), K_T), and the zero-sequence shunt
 * of an earthed LV star point; in the generator case the ATS separates
 * the utility side. */
static int add_transformers(struct build *bd)
{
    const struct k3a_site *s = bd->s;
    struct k3a__net *net = bd->net;
    size_t i;

    for (i = 0; i < s->n_transformers; i++) {
        const struct k3a_transformer *t = &s->transformers[i];
        uint32_t a = k3a__net_node(net, &t->from), b = k3a__net_node(net, &t->to);
        double S = t->rating_kVA / 1000.0, U = t->secondary_kV, zb, z, r, x;
        double kt, xt;
        struct k3a__branch *br;
        if (!t->closed || a == UINT32_MAX || b == UINT32_MAX || !(S > 0))
            continue;
        if (bd->sc_case == K3A_CASE_GEN &&
            fabs(net->nodes[a].un_kV - s->supplies[0].voltage_kV) < 1e-9)
            continue; /* the ATS separates the utility side */
        zb = U * U / S;
        z = t->impedance_pct / 100.0 * zb;
        if (t->load_loss_W > 0 && k3a__given(&t->hdr, bd->key_ll) &&
            !k3a__given(&t->hdr, bd->key_xr))
            r = t->load_loss_W / 1e6 * U * U / (S * S); /* eq. (8) */
        else
            r = z / sqrt(1.0 + t->x_over_r * t->x_over_r);
        if (r >= z)
            r = 0.999 * z;
        x = sqrt(z * z - r * r);
        xt = x / zb;
        kt = bd->kt_a * cmax_at(net, net->nodes[b].un_kV) / (1.0 + bd->kt_b * xt);
        br = &net->br[net->n_br++];
        br->a = a;
        br->b = b;
        br->kind = K3A_KIND_TRANSFORMER;
        br->idx = (int32_t)i;
        br->z = to_pu(kt * (r + x * I), net->nodes[b].vbase_kV);
        br->z0 = 0; /* the delta winding blocks zero sequence */
        br->kt = kt;
        if (lv_neutral_earthed(t->vector_group) && bd->sc_case != K3A_CASE_GEN) {
            struct k3a__shunt sh0;
            double fx = bd->tx_fx;
            sh0.node = b;
            sh0.kind = K3A_KIND_TRANSFORMER;
            sh0.idx = (int32_t)i;
            sh0.z = to_pu(kt * (r + fx * x * I), net->nodes[b].vbase_kV);
            if (add_shunt(&net->sh0, &net->n_sh0, &bd->cap_sh0, sh0))
                return -1;
        }
    }
    return 0;
}

/* Generators feeding in the case (eq. (17)-(18), K_G). */
static int add_generators(struct build *bd)
{
    const struct k3a_site *s = bd->s;
    struct k3a__net *net = bd->net;
    enum k3a_sc_case sc_case = bd->sc_case;
    size_t i;

    for (i = 0; i < s->n_generators; i++) {
        const struct k3a_generator *g = &s->generators[i];
        uint32_t k;
        double ur = g->voltage_kV, srg = g->rating_kVA / 1000.0, xd, rg, kg;
        double sinphi, un;
        struct k3a__shunt sh;
        if (g->bus.idx < 0 || !(g->xd2_pct > 0))
            continue;
        if (g->mode == K3A_GEN_STANDBY && sc_case != K3A_CASE_GEN)
            continue;
        /* REF: IEC 60909-0:2016 2.5 (and 7.1.2): the minimum currents come
         * from the configuration giving the smallest currents, so a
         * parallel generator that may be off is left out of them */
        if (g->mode == K3A_GEN_PARALLEL && sc_case == K3A_CASE_MIN)
            continue;
        k = net->bus_node[g->bus.idx];
        un = net->nodes[k].un_kV;
        xd = g->xd2_pct / 100.0 * ur * ur / srg;
        rg = g->x_over_r > 0 ? xd / g->x_over_r
                             : xd * (ur <= 1.0 ? bd->gen_rx_lv : bd->gen_rx_hv);
        sinphi = sqrt(1.0 - g->power_factor * g->power_factor);
        kg = un / ur * cmax_at(net, un) / (1.0 + g->xd2_pct / 100.0 * sinphi);
        sh.node = k;
        sh.kind = K3A_KIND_GENERATOR;
        sh.idx = (int32_t)i;
        sh.z = to_pu(kg * (rg + xd * I), net->nodes[k].vbase_kV);
        if (add_shunt(&net->sh, &net->n_sh, &bd->cap_sh, sh))
            return -1;
        if (sc_case == K3A_CASE_GEN && un <= 1.0) {
            /* REF: IEC 60909-0:2016 6.6.1: K_G applies to the zero-sequence
             * impedance too; a solidly earthed star point (models/
             * default) with X(0)G = gen_x0_over_xd2 x X"d, so the earth-
             * fault current on generator supply is known */
            struct k3a__shunt sh0 = sh;
            sh0.z = to_pu(kg * (rg + bd->gen_x0 * xd * I), net->nodes[k].vbase_kV);
            if (add_shunt(&net->sh0, &net->n_sh0, &bd->cap_sh0, sh0))
                return -1;
        }
    }
    return 0;
}

/* Asynchronous motors (eq. (26)-(27)); none in the minimum case, none
 * behind a VSD, none when the site leaves motor contribution out. */
static int add_motors(struct build *bd)
{
    const struct k3a_site *s = bd->s;
    struct k3a__net *net = bd->net;
    size_t i;

    for (i = 0; i < s->n_loads && bd->sc_case != K3A_CASE_MIN &&
                s->site.motor_contribution;
         i++) {
        const struct k3a_load *ld = &s->loads[i];
        uint32_t k;
        double un, P, eta, pf, srm, ilr, rx, zm, xm;
        struct k3a__shunt sh;
        if (ld->kind != K3A_LOAD_MOTOR || ld->starting == K3A_START_VSD ||
            ld->bus.idx < 0 ||
            (k3a__given(&ld->hdr, bd->key_st) && ld->starting == K3A_START_VSD))
            continue;
        k = net->bus_node[ld->bus.idx];
        un = net->nodes[k].un_kV;
        P = ld->rated_kW * ld->quantity / 1000.0;
        eta = ld->efficiency_pct > 0 ? ld->efficiency_pct / 100.0 : bd->m_eff;
        pf = ld->power_factor > 0 ? ld->power_factor : bd->m_pf;
        srm = P / (eta * pf);
        ilr = ld->locked_rotor_ratio > 0 ? ld->locked_rotor_ratio
              : un <= 1.0                ? bd->m_ilr_lv
                                         : bd->m_ilr_mv;
        rx = un <= 1.0 ? bd->m_rx_lv : bd->m_rx_mv;
        {
            /* REF: IEC 60909-0 eq. (26): Z_M = U_rM^2 / (I_LR/I_rM S_rM) */
            double ur = ld->voltage_kV > 0 ? ld->voltage_kV : un;
            zm = 1.0 / ilr * ur * ur / srm;
        }
        xm = zm / sqrt(1.0 + rx * rx);
        sh.node = k;
        sh.kind = K3A_KIND_LOAD;
        sh.idx = (int32_t)i;
        sh.z = to_pu(rx * xm + xm * I, net->nodes[k].vbase_kV);
        if (add_shunt(&net->sh, &net->n_sh, &bd->cap_sh, sh))
            return -1;
    }
    return 0;
}

static enum k3a_status net_build(const struct k3a_site *s,
                                 const struct k3a_models *models,
                                 enum k3a_sc_case sc_case, int hot,
                                 struct k3a__net *net, struct k3a_diag_list *dl)
{
    struct build bd;

    memset(net, 0, sizeof(*net));
    build_init(&bd, s, models, sc_case, hot, net);
    if (add_nodes(&bd, dl) || add_feeders(&bd))
        goto nomem;
    add_cables(&bd);
    if (add_transformers(&bd) || add_generators(&bd) || add_motors(&bd) ||
        build_adjacency(net))
        goto nomem;
    return K3A_OK;
nomem:
    k3a__net_release(net);
    return K3A_E_NOMEM;
}
