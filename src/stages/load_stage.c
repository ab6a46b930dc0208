/*
 * load_stage.c - load analysis: the design current of every load, cable
 * and transformer in normal operation (site-format 4), cable capacity Iz
 * (IEC 60364-5-52), coordination Ib <= In <= Iz and I2 <= 1.45 Iz and the
 * thermal withstand k^2 S^2 >= I^2 t (IEC 60364-4-43), voltage drop from
 * the origin of the LV installation (PUIL 2011 525 / IEC 60364-5-52 G.52),
 * transformer loading and losses.  Pure.  The findings that follow from
 * these figures are in load_findings.c.
 *
 * Currents in the network: every bus draws its loads' demand as a current
 * at nominal voltage, and the branch currents follow from the same linear
 * system the short-circuit stage solves (netsolve.c), without motor
 * shunts: on a radial network this is the sum of the loads downstream; on
 * parallel transformers and closed rings it shares the current by
 * impedance.  Voltage drop is summed along the path the breadth-first walk
 * from the supply finds, branch by branch with the formula of Annex G.
 */
#include <complex.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "findings.h"
#include "fmt.h"
#include "stages.h"
#include "k3audit/results.h"
#include "k3audit/text.h"
#include "k3audit/loads.h"
#include "k3audit/protection.h"
#include "network.h"
#include "schema.h"

#define SQ3 1.7320508075688772

static double max_reading(const struct k3a_reading_list *l)
{
    double m = NAN;
    size_t i;

    for (i = 0; i < l->n; i++)
        if (isnan(m) || l->v[i].value > m)
            m = l->v[i].value;
    return m;
}


/* ---- loads ---------------------------------------------------------------- */

static double bus_un_kV(const struct k3a_site *s, const struct k3a_ref *b)
{
    if (b->idx < 0)
        return NAN;
    if (b->kind == K3A_KIND_BUS)
        return s->buses[b->idx].voltage_kV;
    if (b->kind == K3A_KIND_SUPPLY)
        return s->supplies[b->idx].voltage_kV;
    return NAN;
}

/* The keys the demand asks of every load, looked up once for the stage. */
struct load_keys {
    int pf, eff, ie;
};

static void load_keys_init(struct load_keys *k)
{
    const struct k3a__kind *kd = k3a__site_kind(K3A_KIND_LOAD);

    k->pf = k3a__key_index(kd, "power_factor");
    k->eff = k3a__key_index(kd, "efficiency_pct");
    k->ie = k3a__key_index(kd, "ie_class");
}

static void load_demand(const struct k3a_results *r, const struct load_keys *k, size_t i,
                        struct k3a_load_res *lr)
{
    const struct k3a_site *s = r->site;
    const struct k3a_load *ld = &s->loads[i];
    double pin, eta = 1.0, pf, tanphi, u;
    const char *cl;

    memset(lr, 0, sizeof(*lr));
    lr->vdrop_pct = lr->vdrop_limit_pct = NAN;
    pf = ld->power_factor;
    if (!k3a__given(&ld->hdr, k->pf) || !(pf > 0)) {
        /* site-format 2: default by kind from models/ (loads.ini) */
        pf = k3a_load_kind_pf(r->models, ld->kind, &cl);
        lr->pf_source = cl;
        if (isnan(pf))
            pf = 0.85;
    }
    lr->pf = pf;
    if (ld->kind == K3A_LOAD_MOTOR) {
        if (k3a__given(&ld->hdr, k->eff) && ld->efficiency_pct > 0) {
            lr->eff_pct = ld->efficiency_pct;
        } else {
            /* REF: IEC 60034-30-1 minimum for ie_class (IE1 if absent) */
            enum k3a_ie_class c =
                k3a__given(&ld->hdr, k->ie) ? ld->ie_class : K3A_IE1;
            lr->eff_pct = k3a_motor_eff_pct(r->models, c,
                                            ld->poles > 0 ? ld->poles : 4,
                                            ld->rated_kW, &cl, &lr->eff_note);
            lr->eff_source = cl;
            if (isnan(lr->eff_pct))
                lr->eff_pct = 100.0;
        }
        eta = lr->eff_pct / 100.0;
    } else {
        lr->eff_pct = 100.0;
    }
    /* site-format 4: P_in = rated x load_factor / efficiency (motors) */
    pin = ld->rated_kW * ld->load_factor / eta;
    lr->p_kW = ld->quantity * pin * ld->demand_factor;
    tanphi = sqrt(1.0 - pf * pf) / pf;
    lr->q_kvar = lr->p_kW * tanphi;
    lr->un_kV = bus_un_kV(s, &ld->bus);
    lr->lv = lr->un_kV <= 1.0;
    lr->single_phase = ld->bus.idx >= 0 && ld->bus.kind == K3A_KIND_BUS &&
                       s->buses[ld->bus.idx].phases == 1;
    /* I = P / (sqrt3 Un pf), or / (U0 pf) on a single-phase bus */
    u = lr->single_phase ? lr->un_kV / SQ3 : SQ3 * lr->un_kV;
    lr->ib_A = u > 0 ? lr->p_kW / (u * pf) : NAN;
}

/* ---- the cable's capacity and device ------------------------------------ */

/* The overload device of every cable: the device protecting it (the one
 * at its supply end first, IEC 60364-4-43 433.2), or else a main device
 * at the bus it feeds (433.2.2 a).  One pass over the devices. */
static int32_t *overload_devices(const struct k3a_site *s)
{
    int32_t *cab = malloc((s->n_cables + 1) * sizeof(*cab));
    int32_t *main_of = malloc((s->n_buses + 1) * sizeof(*main_of));
    size_t i;

    if (!cab || !main_of) {
        free(cab);
        free(main_of);
        return NULL;
    }
    for (i = 0; i < s->n_cables; i++)
        cab[i] = -1;
    for (i = 0; i < s->n_buses; i++)
        main_of[i] = -1;
    for (i = 0; i < s->n_devices; i++) {
        const struct k3a_device *d = &s->devices[i];
        if (d->protects.kind == K3A_KIND_CABLE && d->protects.idx >= 0) {
            const struct k3a_cable *cb = &s->cables[d->protects.idx];
            int32_t *slot = &cab[d->protects.idx];
            int at_from = d->at.kind == cb->from.kind && d->at.idx == cb->from.idx;
            if (*slot < 0 ||
                (at_from && !(s->devices[*slot].at.kind == cb->from.kind &&
                              s->devices[*slot].at.idx == cb->from.idx)))
                *slot = (int32_t)i;
        } else if (d->protects.kind == K3A_KIND_BUS && d->protects.idx >= 0 &&
                   d->at.kind == K3A_KIND_BUS && d->at.idx == d->protects.idx &&
                   main_of[d->protects.idx] < 0) {
            main_of[d->protects.idx] = (int32_t)i;
        }
    }
    for (i = 0; i < s->n_cables; i++)
        if (cab[i] < 0 && s->cables[i].to.kind == K3A_KIND_BUS &&
            s->cables[i].to.idx >= 0)
            cab[i] = main_of[s->cables[i].to.idx];
    free(main_of);
    return cab;
}

/* The keys the checks ask of every cable, and the default reactance,
 * looked up once for the stage. */
struct cable_keys {
    int ambient, method, r, x;
    double x_default_ohm_km;
};

static void cable_keys_init(const struct k3a_results *r, struct cable_keys *k)
{
    const struct k3a__kind *kd = k3a__site_kind(K3A_KIND_CABLE);
    const struct k3a_param *xp =
        k3a_models_param(r->models, "conductors", "x_default_ohm_km");

    k->ambient = k3a__key_index(kd, "ambient_C");
    k->method = k3a__key_index(kd, "method");
    k->r = k3a__key_index(kd, "r_ohm_km");
    k->x = k3a__key_index(kd, "x_ohm_km");
    k->x_default_ohm_km = xp ? xp->value : 0.08;
}

static void cable_capacity(const struct k3a_results *r, const struct cable_keys *k,
                           size_t ci, int32_t device, struct k3a_cable_res *cr)
{
    const struct k3a_site *s = r->site;
    const struct k3a_cable *cb = &s->cables[ci];
    struct k3a_ampacity_in in;

    memset(&in, 0, sizeof(in));
    in.material = cb->material;
    in.insulation = cb->insulation;
    in.loaded = cb->phases == 1 ? 2 : 3;
    in.method = cb->method;
    in.size_mm2 = cb->size_mm2;
    in.ambient_C = k3a__given(&cb->hdr, k->ambient) ? cb->ambient_C : NAN;
    in.grouped = cb->grouped > 0 ? cb->grouped : 1;
    in.arrangement = (enum k3a_group_row)cb->arrangement;
    in.parallel = cb->parallel;
    cr->method = cb->method;
    if (cr->un_kV > 1.0) {
        /* IEC 60364-5-52 covers LV installations only */
        memset(&cr->amp, 0, sizeof(cr->amp));
        cr->amp.flags = K3A_AMP_VOLTAGE;
        cr->amp.clause_table = cr->amp.clause_temp = cr->amp.clause_group = "";
        cr->amp.confidence = "";
    } else if (k3a__given(&cb->hdr, k->method)) {
        cr->has_iz = k3a_ampacity(r->models, &in, &cr->amp) == 0;
    } else {
        /* no method given: the lowest capacity of the methods in air, and
         * the verdict is at most a warning */
        static const enum k3a_method air[] = { K3A_METHOD_A1, K3A_METHOD_A2,
                                               K3A_METHOD_B1, K3A_METHOD_B2,
                                               K3A_METHOD_C, K3A_METHOD_E };
        struct k3a_ampacity_out o;
        size_t j;
        cr->method_assumed = 1;
        for (j = 0; j < sizeof(air) / sizeof(air[0]); j++) {
            in.method = air[j];
            if (k3a_ampacity(r->models, &in, &o) == 0 &&
                (!cr->has_iz || o.iz_A < cr->amp.iz_A)) {
                cr->amp = o;
                cr->method = air[j];
                cr->has_iz = 1;
            }
        }
        if (!cr->has_iz)
            (void)k3a_ampacity(r->models, &in, &cr->amp);
    }
    cr->iz_A = cr->has_iz ? cr->amp.iz_A : NAN;
    cr->device = device;
    cr->in_A = cr->i2_A = cr->i2_factor = NAN;
    cr->i2_clause = "";
    if (cr->device >= 0) {
        const struct k3a_device *d = &s->devices[cr->device];
        cr->in_A = d->type == K3A_DEV_RELAY && d->pickup_A > 0 ? d->pickup_A
                                                               : d->rating_A;
        cr->i2_factor = k3a_i2_factor(r->models, d->type, cr->in_A, &cr->i2_clause);
        cr->i2_A = cr->i2_factor * cr->in_A;
    }
}

/* Thermal withstand: the largest I^2 t among the faults the cable's
 * device must clear (near end at maximum current, far end at maximum and
 * minimum, line-to-earth at the far end). */
static void cable_thermal(const struct k3a_results *r, size_t ci,
                          struct k3a_cable_res *cr)
{
    const struct k3a_site *s = r->site;
    const struct k3a_cable *cb = &s->cables[ci];
    const struct k3a_sc_results *sc = &r->sc;
    const struct k3a_device *d;
    struct {
        const struct k3a_sc_point *p;
        int ik1;
        const char *where;
    } pts[4];
    size_t n = 0, j;
    double np = cb->parallel > 1 ? cb->parallel : 1;

    cr->k = k3a_adiabatic_k(r->models, cb->material, cb->insulation, &cr->k_clause);
    if (cr->device < 0 || isnan(cr->k))
        return;
    d = &s->devices[cr->device];
    if (cb->from.kind == K3A_KIND_BUS && cb->from.idx >= 0 && sc->has_case[K3A_CASE_MAX]) {
        pts[n].p = &sc->bus[K3A_CASE_MAX][cb->from.idx];
        pts[n].ik1 = 0;
        pts[n++].where = "{ujung sumber|near end}";
    }
    if (cb->to.kind == K3A_KIND_BUS && cb->to.idx >= 0) {
        if (sc->has_case[K3A_CASE_MAX]) {
            pts[n].p = &sc->bus[K3A_CASE_MAX][cb->to.idx];
            pts[n].ik1 = 0;
            pts[n++].where = "{ujung beban|far end}";
            pts[n].p = &sc->bus[K3A_CASE_MAX][cb->to.idx];
            pts[n].ik1 = 1;
            pts[n++].where = "{ujung beban, fasa-tanah|far end, line-to-earth}";
        }
        if (sc->has_case[K3A_CASE_MIN]) {
            pts[n].p = &sc->bus[K3A_CASE_MIN][cb->to.idx];
            pts[n].ik1 = 0;
            pts[n++].where = "{ujung beban, sumber minimum|far end, minimum source}";
        }
    }
    cr->k2s2_A2s = cr->k * cr->k * cb->size_mm2 * cb->size_mm2;
    for (j = 0; j < n; j++) {
        const struct k3a_sc_point *p = pts[j].p;
        struct k3a_trip_time tt;
        double ik_kA, i_A, i2t;
        if (!p->energized || (pts[j].ik1 && !p->has_ik1))
            continue;
        ik_kA = pts[j].ik1 ? p->ik1_kA : p->ik3_kA;
        i_A = ik_kA * 1000.0;
        /* the device sees the current at its own voltage (same side) */
        if (r->trip_prep)
            k3a_device_trip_prep(d, &r->trip_prep[cr->device], i_A, &tt);
        else
            k3a_device_trip(d, r->models, i_A, &tt);
        if (tt.trip != K3A_TRIP_YES)
            tt.time_s = INFINITY;
        /* REF: IEC 60364-4-43 434.5.2: t = (k S / I)^2, per conductor of
         * parallel cables */
        i2t = (i_A / np) * (i_A / np) * tt.time_s;
        if (!cr->has_thermal || i2t / cr->k2s2_A2s > cr->i2t_A2s / cr->k2s2_A2s ||
            isinf(i2t)) {
            cr->has_thermal = 1;
            cr->i2t_A2s = i2t;
            cr->fault_kA = ik_kA;
            cr->fault_s = tt.time_s;
            cr->fault_where = pts[j].where;
            if (isinf(i2t))
                break;
        }
    }
}

/* ---- the network currents -------------------------------------------------- */

struct lnet {
    const struct k3a__net *net; /* the short circuit's, or own */
    struct k3a__net own;
    struct k3a__sol *sol;
    double complex *ibr;   /* branch current a->b, pu */
    double complex *inode; /* current drawn at each node, pu */
    int32_t *parent_br;    /* BFS tree from the supplies */
    uint32_t *order;       /* BFS order */
    size_t n_order;
    /* the system the solution reads, from lnet_build to lnet_inject */
    uint32_t *a, *b;
    double complex *z, *ysh;
    uint8_t *netsrc;
};

static void lnet_free_system(struct lnet *L)
{
    free(L->a);
    free(L->b);
    free(L->z);
    free(L->ysh);
    free(L->netsrc);
    L->a = L->b = NULL;
    L->z = L->ysh = NULL;
    L->netsrc = NULL;
}

static void lnet_release(struct lnet *L)
{
    lnet_free_system(L);
    k3a__sol_free(L->sol);
    k3a__net_release(&L->own);
    free(L->ibr);
    free(L->inode);
    free(L->parent_br);
    free(L->order);
}

/* The network of one case, its BFS tree from the supplies and its
 * solution; it reads the site only, not the loads' results.  On failure
 * the caller still releases L. */
static enum k3a_status lnet_build(const struct k3a_results *r, struct lnet *L,
                                  enum k3a_sc_case sc_case)
{
    const struct k3a_site *s = r->site;
    struct k3a_diag_list scratch;
    struct k3a__sys sys;
    const uint32_t *adj_start, *adj;
    uint32_t *a, *b;
    double complex *z, *ysh;
    uint8_t *netsrc, *seen = NULL;
    enum k3a_status st = K3A_E_NOMEM;
    size_t n, m, i, j, head;
    int rc = 0;

    /* the short circuit's network of the case; its problems were
     * reported there (built here only when that case did not run) */
    L->net = k3a__sc_net(&r->sc, sc_case);
    if (!L->net) {
        k3a_diag_list_init(&scratch);
        st = k3a__net_build(s, r->models, sc_case, &L->own, &scratch);
        k3a_diag_list_release(&scratch);
        if (st != K3A_OK)
            return st;
        L->net = &L->own;
    }
    st = K3A_E_NOMEM;
    n = L->net->n_nodes;
    m = L->net->n_br;
    a = L->a = malloc((m + 1) * sizeof(*a));
    b = L->b = malloc((m + 1) * sizeof(*b));
    z = L->z = malloc((m + 1) * sizeof(*z));
    ysh = L->ysh = calloc(n + 1, sizeof(*ysh));
    netsrc = L->netsrc = calloc(n + 1, 1);
    seen = calloc(n + 1, 1);
    adj_start = L->net->adj_start;
    adj = L->net->adj;
    L->ibr = calloc(m + 1, sizeof(*L->ibr));
    L->inode = calloc(n + 1, sizeof(*L->inode));
    L->parent_br = malloc((n + 1) * sizeof(*L->parent_br));
    L->order = malloc((n + 1) * sizeof(*L->order));
    if (!a || !b || !z || !ysh || !netsrc || !seen || !L->ibr || !L->inode || !L->parent_br || !L->order)
        goto out;
    for (i = 0; i < m; i++) {
        a[i] = L->net->br[i].a;
        b[i] = L->net->br[i].b;
        z[i] = L->net->br[i].z;
    }
    for (i = 0; i < L->net->n_sh; i++) {
        const struct k3a__shunt *sh = &L->net->sh[i];
        if (sh->kind == K3A_KIND_LOAD || !(cabs(sh->z) > 0))
            continue; /* motors feed no load current */
        ysh[sh->node] += 1.0 / sh->z;
        netsrc[sh->node] = 1;
    }
    /* BFS tree from the supplies (the voltage-drop paths) */
    L->n_order = 0;
    for (i = 0; i < n; i++) {
        L->parent_br[i] = -1;
        if (netsrc[i]) {
            seen[i] = 1;
            L->order[L->n_order++] = (uint32_t)i;
        }
    }
    for (head = 0; head < L->n_order; head++) {
        uint32_t v = L->order[head];
        for (j = adj_start[v]; j < adj_start[v + 1]; j++) {
            uint32_t e = adj[j], w = a[e] == v ? b[e] : a[e];
            if (seen[w])
                continue;
            seen[w] = 1;
            L->parent_br[w] = (int32_t)e;
            L->order[L->n_order++] = w;
        }
    }
    sys.n = n;
    sys.m = m;
    sys.a = a;
    sys.b = b;
    sys.z = z;
    sys.ysh = ysh;
    sys.netsrc = netsrc;
    sys.force_nodal = 0;
    L->sol = k3a__sol_new(&sys, &rc);
    if (L->sol)
        st = K3A_OK;
out:
    free(seen);
    return st;
}

/* The loads' demand (r->loads) injected into the built network, and the
 * branch currents it drives (one pass up a radial network). */
static enum k3a_status lnet_inject(const struct k3a_results *r, struct lnet *L)
{
    const struct k3a_site *s = r->site;
    size_t n = L->net->n_nodes, i;
    int rc;

    /* demand at each bus as a current at nominal voltage (pu of the node's
     * base: I = conj(S) / conj(V), V = Un / Vbase) */
    for (i = 0; i < s->n_loads; i++) {
        const struct k3a_load *ld = &s->loads[i];
        const struct k3a_load_res *lr = &r->loads[i];
        uint32_t k;
        double v;
        if (ld->bus.idx < 0)
            continue;
        k = ld->bus.kind == K3A_KIND_BUS ? L->net->bus_node[ld->bus.idx]
                                         : (uint32_t)ld->bus.idx;
        if (k >= n)
            continue;
        v = L->net->nodes[k].un_kV / L->net->nodes[k].vbase_kV;
        L->inode[k] += (lr->p_kW - I * lr->q_kvar) / 1000.0 / K3A_SBASE_MVA / v;
    }
    rc = k3a__sol_inject(L->sol, L->inode, L->ibr);
    lnet_free_system(L);
    return rc ? K3A_E_NOMEM : K3A_OK;
}

static enum k3a_status lnet_solve(struct k3a_results *r, struct lnet *L,
                                  enum k3a_sc_case sc_case)
{
    enum k3a_status st = lnet_build(r, L, sc_case);

    return st == K3A_OK ? lnet_inject(r, L) : st;
}

/* Branch currents of one case into the cable and transformer results;
 * the larger of the cases is kept. */
static void branch_current(struct k3a_results *r, const struct lnet *L,
                           double scale, size_t i)
{
    const struct k3a_site *s = r->site;
    const struct k3a__branch *br = &L->net->br[i];
    const struct k3a__node *na = &L->net->nodes[br->a];
    double complex ip = L->ibr[i];
    double ibase_A = K3A_SBASE_MVA / (SQ3 * na->vbase_kV) * 1000.0;
    double mag = cabs(ip) * scale;
    double pf = mag > 0 ? fabs(creal(ip)) / cabs(ip) : 1.0;
    int live = isfinite(creal(k3a__sol_zth(L->sol, br->a)));

    if (br->kind == K3A_KIND_CABLE) {
        struct k3a_cable_res *cr = &r->cables[br->idx];
        const struct k3a_cable *cb = &s->cables[br->idx];
        double ia = mag * ibase_A * (cb->phases == 1 ? 3.0 : 1.0);
        cr->energized |= live;
        if (isnan(cr->ib_calc_A) || ia > cr->ib_calc_A) {
            cr->ib_calc_A = ia;
            cr->pf = pf;
        }
    } else {
        struct k3a_tx_res *tr = &r->tx[br->idx];
        double sk = mag * K3A_SBASE_MVA * 1000.0;
        tr->energized |= live;
        if (sk > tr->s_calc_kVA)
            tr->s_calc_kVA = sk;
    }
}

static void branch_currents(struct k3a_results *r, const struct lnet *L,
                            double scale)
{
    size_t i;

    for (i = 0; i < L->net->n_br; i++)
        branch_current(r, L, scale, i);
}

/* Before the branch currents: no current, drop or voltage yet. */
static void cables_init(struct k3a_results *r)
{
    size_t i;

    for (i = 0; i < r->site->n_cables; i++) {
        r->cables[i].ib_calc_A = r->cables[i].ib_meas_A = NAN;
        r->cables[i].vdrop_end_pct = r->cables[i].vdrop_pct = NAN;
        r->cables[i].un_kV = bus_un_kV(r->site, &r->site->cables[i].from);
        r->cables[i].pf = 1.0;
    }
}

/* After them: a cable ending at a load carries that load; the measured
 * current is the largest reading. */
static void cables_to_loads(struct k3a_results *r)
{
    const struct k3a_site *s = r->site;
    size_t i;

    for (i = 0; i < s->n_cables; i++) {
        const struct k3a_cable *cb = &s->cables[i];
        struct k3a_cable_res *cr = &r->cables[i];
        if (cb->to.kind == K3A_KIND_LOAD && cb->to.idx >= 0) {
            const struct k3a_load_res *lr = &r->loads[cb->to.idx];
            double u = cb->phases == 1 ? lr->un_kV / SQ3 : SQ3 * lr->un_kV;
            cr->to_load = 1;
            cr->energized = cb->closed;
            cr->ib_calc_A = cb->closed && u > 0 ? lr->p_kW / (u * lr->pf) : 0;
            cr->pf = lr->pf;
        }
        if (isnan(cr->ib_calc_A))
            cr->ib_calc_A = 0;
        cr->ib_meas_A = max_reading(&cb->measured_A);
    }
}

/* The voltage-drop limit for a load (PUIL 2011 525 via limits). */
static const struct k3a_vdrop_limit *vdrop_limit(const struct k3a_results *r,
                                                 int lighting)
{
    const struct k3a_site *s = r->site;
    enum k3a_supply_kind sk = K3A_SUPPLY_PRIVATE;
    size_t i;

    /* an LV supply is the PLN low-voltage network (public); an MV supply
     * means the site's own transformer (private) */
    for (i = 0; i < s->n_supplies; i++)
        if (s->supplies[i].voltage_kV <= 1.0)
            sk = K3A_SUPPLY_PUBLIC;
    if (!r->limits)
        return NULL;
    for (i = 0; i < r->limits->n_vdrop; i++) {
        const struct k3a_vdrop_limit *l = &r->limits->vdrop[i];
        if (l->supply == sk &&
            l->use == (lighting ? K3A_USE_LIGHTING : K3A_USE_OTHER))
            return l;
    }
    return NULL;
}

/* Cable resistance and reactance at its operating temperature. */
static void cable_rx(const struct k3a_results *r, const struct cable_keys *k,
                     const struct k3a_cable *cb, struct k3a_cable_res *cr)
{
    double r20 = k3a__given(&cb->hdr, k->r) ? cb->r_ohm_km : 0;
    /* REF: methods.md 3.3: voltage drop with R at the conductor's
     * operating temperature (70 C PVC, 90 C XLPE) */
    cr->r_ohm_km = k3a_conductor_r_ohm_km(r->models, cb->material, cb->size_mm2,
                                          r20, k3a_conductor_max_C(r->models,
                                                                   cb->insulation));
    cr->x_ohm_km = k3a__given(&cb->hdr, k->x) ? cb->x_ohm_km : k->x_default_ohm_km;
}

static double cable_vdrop_pct(const struct k3a_cable *cb,
                              struct k3a_cable_res *cr)
{
    double u;

    if (isnan(cr->r_ohm_km) || !(cr->un_kV > 0))
        return NAN;
    cr->vdrop_V = k3a_vdrop_V(cb->phases == 1 ? 1 : 3, cr->ib_A, cb->length_m,
                              cr->r_ohm_km, cr->x_ohm_km, cr->pf,
                              cb->parallel);
    /* % of Un (three-phase, line-to-line) or of U0 (single-phase) */
    u = cb->phases == 1 ? cr->un_kV * 1000.0 / SQ3 : cr->un_kV * 1000.0;
    return 100.0 * cr->vdrop_V / u;
}

/* Design current, capacity and device of every cable. */
static void cables_capacity(struct k3a_results *r, const int32_t *cab_dev)
{
    struct cable_keys k;
    size_t i;

    cable_keys_init(r, &k);
    for (i = 0; i < r->site->n_cables; i++) {
        const struct k3a_cable *cb = &r->site->cables[i];
        struct k3a_cable_res *cr = &r->cables[i];
        cr->ib_A = cr->ib_calc_A;
        if (!isnan(cr->ib_meas_A) && cr->ib_meas_A > cr->ib_A)
            cr->ib_A = cr->ib_meas_A;
        cable_capacity(r, &k, i, cab_dev[i], cr);
        cr->loading_pct = cr->has_iz ? 100.0 * cr->ib_A / cr->iz_A : NAN;
        cable_rx(r, &k, cb, cr);
    }
}

/* The result arrays (zeroed), each load's demand and the cable that
 * feeds it (*load_cable, -1: none). */
static enum k3a_status demand(struct k3a_results *r, int32_t **load_cable)
{
    const struct k3a_site *s = r->site;
    struct load_keys k;
    int32_t *lc;
    size_t i;

    load_keys_init(&k);
    r->loads = calloc(s->n_loads + 1, sizeof(*r->loads));
    r->cables = calloc(s->n_cables + 1, sizeof(*r->cables));
    r->tx = calloc(s->n_transformers + 1, sizeof(*r->tx));
    r->bus_vdrop_pct = malloc((s->n_buses + 1) * sizeof(*r->bus_vdrop_pct));
    lc = *load_cable = malloc((s->n_loads + 1) * sizeof(*lc));
    if (!r->loads || !r->cables || !r->tx || !r->bus_vdrop_pct || !lc)
        return K3A_E_NOMEM;
    for (i = 0; i < s->n_loads; i++) {
        load_demand(r, &k, i, &r->loads[i]);
        lc[i] = -1;
    }
    for (i = 0; i < s->n_cables; i++)
        if (s->cables[i].to.kind == K3A_KIND_LOAD && s->cables[i].to.idx >= 0)
            lc[s->cables[i].to.idx] = (int32_t)i;
    return K3A_OK;
}

/* The standby generator's case, when the site has one: the same loads
 * fed by it; a generator smaller than the demand needs load shedding, so
 * the currents are scaled to its rating. */
static enum k3a_status standby_case(struct k3a_results *r)
{
    const struct k3a_site *s = r->site;
    struct lnet G;
    enum k3a_status st;
    double dem = 0, rating = 0, scale = 1.0;
    size_t i, k;

    for (i = 0; i < s->n_generators; i++)
        if (s->generators[i].mode == K3A_GEN_STANDBY)
            break;
    if (i == s->n_generators)
        return K3A_OK;
    memset(&G, 0, sizeof(G));
    st = lnet_solve(r, &G, K3A_CASE_GEN);
    if (st == K3A_OK) {
        for (k = 0; k < G.net->n_nodes; k++)
            if (isfinite(creal(k3a__sol_zth(G.sol, (uint32_t)k))))
                dem += cabs(G.inode[k]) * K3A_SBASE_MVA * 1000.0;
        for (k = 0; k < s->n_generators; k++)
            if (s->generators[k].mode == K3A_GEN_STANDBY)
                rating += s->generators[k].rating_kVA;
        r->gen_demand_kVA = dem;
        r->gen_rating_kVA = rating;
        if (dem > rating && rating > 0)
            scale = rating / dem;
        branch_currents(r, &G, scale);
    }
    lnet_release(&G);
    return st;
}

/* [pq] current into a bus: a reading on its feeder (the BFS tree's
 * branch), cable or transformer. */
static void pq_currents(struct k3a_results *r, const struct lnet *L)
{
    const struct k3a_site *s = r->site;
    size_t i;

    for (i = 0; i < s->n_pqs; i++) {
        const struct k3a_pq *q = &s->pqs[i];
        double ia = max_reading(&q->current_A);
        uint32_t k;
        int32_t e;
        if (isnan(ia) || q->bus.idx < 0 || q->bus.kind != K3A_KIND_BUS)
            continue;
        k = L->net->bus_node[q->bus.idx];
        if (k >= L->net->n_nodes || (e = L->parent_br[k]) < 0)
            continue;
        if (L->net->br[e].kind == K3A_KIND_CABLE) {
            struct k3a_cable_res *cr = &r->cables[L->net->br[e].idx];
            if (isnan(cr->ib_meas_A) || ia > cr->ib_meas_A)
                cr->ib_meas_A = ia;
        } else {
            struct k3a_tx_res *tr = &r->tx[L->net->br[e].idx];
            double sk = SQ3 * s->buses[q->bus.idx].voltage_kV * ia;
            if (sk > tr->s_meas_kVA)
                tr->s_meas_kVA = sk;
        }
    }
}

/* Every transformer's loading and losses. */
static void transformers_loading(struct k3a_results *r)
{
    const struct k3a_site *s = r->site;
    size_t i;

    for (i = 0; i < s->n_transformers; i++) {
        const struct k3a_transformer *t = &s->transformers[i];
        struct k3a_tx_res *tr = &r->tx[i];
        double x;
        tr->s_kVA = tr->s_calc_kVA > tr->s_meas_kVA ? tr->s_calc_kVA : tr->s_meas_kVA;
        tr->loading_pct = t->rating_kVA > 0 ? 100.0 * tr->s_kVA / t->rating_kVA : NAN;
        tr->i_lv_A = t->secondary_kV > 0 ? tr->s_kVA / (SQ3 * t->secondary_kV) : NAN;
        x = tr->loading_pct / 100.0;
        tr->has_losses = k3a_elem_given(K3A_KIND_TRANSFORMER, &t->hdr, "no_load_loss_W") &&
                         k3a_elem_given(K3A_KIND_TRANSFORMER, &t->hdr, "load_loss_W") &&
                         t->closed;
        /* REF: methods.md 3.5: P_loss = P0 + Pk x^2 */
        tr->losses_kW = tr->has_losses
                            ? (t->no_load_loss_W + t->load_loss_W * x * x) / 1000.0
                            : NAN;
    }
}

/* Voltage drop along the BFS tree, from the origin of the LV installation
 * (the transformer's LV terminals, or an LV supply), into the cables and
 * r->bus_vdrop_pct. */
static enum k3a_status tree_vdrop(struct k3a_results *r, const struct lnet *L)
{
    const struct k3a_site *s = r->site;
    double *node_vd = malloc((L->net->n_nodes + 1) * sizeof(*node_vd));
    size_t i;

    if (!node_vd)
        return K3A_E_NOMEM;
    for (i = 0; i < L->net->n_nodes; i++)
        node_vd[i] = NAN;
    for (i = 0; i < L->n_order; i++) {
        uint32_t v = L->order[i];
        int32_t e = L->parent_br[v];
        if (L->net->nodes[v].un_kV > 1.0)
            continue;
        if (e < 0) {
            node_vd[v] = 0.0; /* an LV supply point */
        } else if (L->net->br[e].kind == K3A_KIND_TRANSFORMER) {
            node_vd[v] = 0.0;
        } else {
            const struct k3a__branch *br = &L->net->br[e];
            uint32_t u = br->a == v ? br->b : br->a;
            const struct k3a_cable *cb = &s->cables[br->idx];
            struct k3a_cable_res *cr = &r->cables[br->idx];
            cr->vdrop_pct = cable_vdrop_pct(cb, cr);
            if (!isnan(node_vd[u]) && !isnan(cr->vdrop_pct)) {
                node_vd[v] = node_vd[u] + cr->vdrop_pct;
                cr->vdrop_end_pct = node_vd[v];
                cr->has_vdrop = 1;
            }
        }
    }
    for (i = 0; i < s->n_buses; i++) {
        uint32_t k = L->net->bus_node[i];
        r->bus_vdrop_pct[i] = k < L->net->n_nodes ? node_vd[k] : NAN;
    }
    free(node_vd);
    return K3A_OK;
}

/* Cables that are not branches of the tree (to loads, open, or the
 * second of two paths): their drop added to their supply end's. */
static void other_cables_vdrop(struct k3a_results *r)
{
    const struct k3a_site *s = r->site;
    size_t i;

    for (i = 0; i < s->n_cables; i++) {
        const struct k3a_cable *cb = &s->cables[i];
        struct k3a_cable_res *cr = &r->cables[i];
        double start = NAN;
        if (cr->has_vdrop)
            continue;
        if (cb->from.kind == K3A_KIND_BUS && cb->from.idx >= 0)
            start = r->bus_vdrop_pct[cb->from.idx];
        else if (cb->from.kind == K3A_KIND_SUPPLY && cb->from.idx >= 0 &&
                 s->supplies[cb->from.idx].voltage_kV <= 1.0)
            start = 0.0;
        if (isnan(start) || cr->un_kV > 1.0)
            continue;
        cr->vdrop_pct = cable_vdrop_pct(cb, cr);
        if (!isnan(cr->vdrop_pct)) {
            cr->vdrop_end_pct = start + cr->vdrop_pct;
            cr->has_vdrop = 1;
        }
    }
}

/* The voltage drop at every LV load (its cable's end, or its bus) and
 * its limit (PUIL 2011 525). */
static void loads_vdrop(struct k3a_results *r, const int32_t *load_cable)
{
    const struct k3a_site *s = r->site;
    size_t i;

    for (i = 0; i < s->n_loads; i++) {
        const struct k3a_load *ld = &s->loads[i];
        struct k3a_load_res *lr = &r->loads[i];
        const struct k3a_vdrop_limit *lim;
        double vd = NAN;
        if (!lr->lv)
            continue;
        if (load_cable[i] >= 0 && r->cables[load_cable[i]].has_vdrop)
            vd = r->cables[load_cable[i]].vdrop_end_pct;
        if (isnan(vd) && ld->bus.kind == K3A_KIND_BUS && ld->bus.idx >= 0)
            vd = r->bus_vdrop_pct[ld->bus.idx];
        if (isnan(vd))
            continue;
        lim = vdrop_limit(r, ld->kind == K3A_LOAD_LIGHTING);
        lr->has_vdrop = 1;
        lr->vdrop_pct = vd;
        if (lim) {
            lr->vdrop_limit_pct = lim->max_pct;
            lr->vdrop_clause = lim->clause;
            lr->vdrop_confidence = lim->confidence;
            lr->vdrop_verdict = vd > lim->max_pct ? K3A_FAIL : K3A_PASS;
        }
    }
}

/* The load flow: each load's demand, the branch currents of the normal
 * and standby-generator cases, the cables' design current, capacity and
 * device, the transformers' loading and the voltage drop to every load. */
enum k3a_status k3a__load_flow(struct k3a_results *r)
{
    struct lnet L;
    enum k3a_status st;
    int32_t *load_cable = NULL, *cab_dev = NULL;

    memset(&L, 0, sizeof(L));
    st = demand(r, &load_cable);
    if (st == K3A_OK)
        st = lnet_solve(r, &L, K3A_CASE_MAX);
    if (st == K3A_OK) {
        cables_init(r);
        branch_currents(r, &L, 1.0);
        st = standby_case(r);
    }
    if (st == K3A_OK) {
        /* cables ending at a load carry that load */
        cables_to_loads(r);
        pq_currents(r, &L);
        /* design current, capacity, device, thermal withstand */
        cab_dev = overload_devices(r->site);
        st = cab_dev ? K3A_OK : K3A_E_NOMEM;
    }
    if (st == K3A_OK) {
        cables_capacity(r, cab_dev);
        transformers_loading(r);
        st = tree_vdrop(r, &L);
    }
    if (st == K3A_OK) {
        other_cables_vdrop(r);
        loads_vdrop(r, load_cable);
    }
    free(load_cable);
    free(cab_dev);
    lnet_release(&L);
    return st;
}

enum k3a_status k3a__load_stage(struct k3a_results *r, struct k3a_diag_list *dl)
{
    size_t i;

    (void)dl;
    /* the thermal withstand: the stage's one use of the short-circuit and
     * protection results */
    for (i = 0; i < r->site->n_cables; i++)
        cable_thermal(r, i, &r->cables[i]);
    return k3a__load_findings(r);
}
