/*
 * explain.c - step-by-step explanations (explain.h).  Pure: formats the
 * results already computed, recomputing only the per-element impedances
 * of the path to show them.
 */
#include <complex.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "findings.h"
#include "k3audit/results.h"
#include "k3audit/explain.h"
#include "k3audit/text.h"
#include "network.h"

struct ex {
    k3a_line_fn out;
    void *ctx;
    enum k3a_lang lang;
};

static void line(struct ex *x, const char *fmt, ...) K3A_PRINTF(2, 3);
static void line(struct ex *x, const char *fmt, ...)
{
    char buf[512], one[512];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    /* a text of an audit made for both languages keeps its "{id|en}"
     * alternatives (k3a__text_keep): the one of the explanation's */
    x->out(x->ctx, k3a_text_lang(buf, x->lang, one, sizeof(one)));
}

#define L(id, en) (x->lang == K3A_LANG_EN ? (en) : (id))

static const char *case_title(struct ex *x, enum k3a_sc_case c)
{
    switch (c) {
    case K3A_CASE_MAX:
        return L("normal (c maks, sumber maksimum, kontribusi motor)",
                 "normal (c max, maximum source, motor contribution)");
    case K3A_CASE_MIN:
        return L("minimum (c min, sumber minimum, kabel pada suhu akhir "
                 "gangguan, tanpa motor)",
                 "minimum (c min, minimum source, cables at end-of-fault "
                 "temperature, no motors)");
    case K3A_CASE_GEN:
        return L("genset (PLN terbuka, trafo sisi utilitas terbuka, genset "
                 "memasok)",
                 "generator (supply open, utility transformers open, "
                 "generators feeding)");
    case K3A_CASE_COUNT:
        break;
    }
    return "";
}

/* The path from a supply (or generator bus) to node k over closed
 * branches, as branch indices of the net, nearest the source first. */
static size_t path_to(const struct k3a__net *net, uint32_t k, uint32_t *out,
                      size_t cap)
{
    size_t n = net->n_nodes, head = 0, tail = 0, i, cnt = 0;
    int32_t *via = malloc((n + 1) * sizeof(*via));
    uint32_t *queue = malloc((n + 1) * sizeof(*queue));
    uint8_t *seen = calloc(n + 1, 1);
    uint32_t v;

    if (!via || !queue || !seen)
        goto done;
    for (i = 0; i < net->n_sh; i++)
        if (net->sh[i].kind != K3A_KIND_LOAD && !seen[net->sh[i].node]) {
            seen[net->sh[i].node] = 1;
            via[net->sh[i].node] = -1;
            queue[tail++] = net->sh[i].node;
        }
    while (head < tail) {
        uint32_t u = queue[head++];
        for (i = net->adj_start[u]; i < net->adj_start[u + 1]; i++) {
            const struct k3a__branch *b = &net->br[net->adj[i]];
            uint32_t w = b->a == u ? b->b : b->a;
            if (!seen[w]) {
                seen[w] = 1;
                via[w] = (int32_t)net->adj[i];
                queue[tail++] = w;
            }
        }
    }
    if (!seen[k])
        goto done;
    for (v = k; via[v] >= 0 && cnt < cap;) {
        const struct k3a__branch *b = &net->br[via[v]];
        out[cnt++] = (uint32_t)via[v];
        v = b->a == v ? b->b : b->a;
    }
    for (i = 0; i < cnt / 2; i++) {
        uint32_t t = out[i];
        out[i] = out[cnt - 1 - i];
        out[cnt - 1 - i] = t;
    }
done:
    free(via);
    free(queue);
    free(seen);
    return cnt;
}

/* The sources' impedances (supplies and generators), referred to the
 * bus (ref: mOhm per pu at its base voltage vb). */
static void explain_sources(struct ex *x, const struct k3a_results *r,
                            const struct k3a__net *net, double ref)
{
    const struct k3a_site *s = r->site;
    size_t i;

    for (i = 0; i < net->n_sh; i++) {
        const struct k3a__shunt *sh = &net->sh[i];
        if (sh->kind == K3A_KIND_LOAD)
            continue;
        if (sh->kind == K3A_KIND_SUPPLY) {
            const struct k3a_supply *q = &s->supplies[sh->idx];
            line(x, "    supply %-14s Z_Q = c UnQ^2 / S''kQ, c = %.2f, X/R = %.3g "
                    "(IEC 60909-0 eq. 6): R = %.4f  X = %.4f",
                 q->hdr.name, k3a__net_c(net, sh->node), q->x_over_r,
                 creal(sh->z) * ref, cimag(sh->z) * ref);
        } else {
            const struct k3a_generator *g = &s->generators[sh->idx];
            line(x, "    generator %-11s X\"d %.3g %%, K_G (IEC 60909-0 eq. 18): R = %.4f  "
                    "X = %.4f",
                 g->hdr.name, g->xd2_pct, creal(sh->z) * ref,
                 cimag(sh->z) * ref);
        }
    }
}

/* The branches of the path from the source to the bus (path, n of them),
 * referred to the bus as explain_sources. */
static void explain_path(struct ex *x, const struct k3a_results *r,
                         const struct k3a__net *net, const uint32_t *path, size_t n,
                         double ref, enum k3a_sc_case c)
{
    const struct k3a_site *s = r->site;
    size_t i;

    for (i = 0; i < n; i++) {
        const struct k3a__branch *b = &net->br[path[i]];
        if (b->kind == K3A_KIND_TRANSFORMER) {
            const struct k3a_transformer *t = &s->transformers[b->idx];
            line(x, "    transformer %-9s uk %.3g %%, %g kVA, K_T = 0.95 c_max / "
                    "(1 + 0.6 x_T) = %.4f, Z_TK = K_T Z_T (IEC 60909-0 eq. 7-12a): "
                    "R = %.4f  X = %.4f",
                 t->hdr.name, t->impedance_pct, t->rating_kVA, b->kt,
                 creal(b->z) * ref, cimag(b->z) * ref);
        } else {
            const struct k3a_cable *cb = &s->cables[b->idx];
            line(x, "    cable %-15s %g mm2 %s, %g m x %d%s: R = %.4f  X = %.4f",
                 cb->hdr.name, cb->size_mm2,
                 cb->material == K3A_MAT_AL ? "Al" : "Cu", cb->length_m,
                 cb->parallel,
                 /* the generator case's I''k1 (disconnection) is at the
                  * end-of-fault temperature as the minimum case's
                  * (shortcircuit.c); its I''k3 at 20 C */
                 c == K3A_CASE_MIN
                     ? L(" (R pada suhu akhir gangguan, IEC 60909-0 pers. 22)",
                         " (R at end-of-fault temperature, IEC 60909-0 eq. 22)")
                 : c == K3A_CASE_GEN
                     ? L(" (R pada 20 °C untuk I''k3; I''k1 untuk pemutusan dengan R "
                         "pada suhu akhir gangguan, IEC 60909-0 pers. 22)",
                         " (R at 20 °C for I''k3; I''k1 for disconnection with R at "
                         "end-of-fault temperature, IEC 60909-0 eq. 22)")
                     : L(" (R pada 20 °C)", " (R at 20 °C)"),
                 creal(b->z) * ref, cimag(b->z) * ref);
        }
    }
}

/* The motors' contributions, each referred to its own bus. */
static void explain_motors(struct ex *x, const struct k3a_results *r,
                           const struct k3a__net *net)
{
    const struct k3a_site *s = r->site;
    size_t i;

    for (i = 0; i < net->n_sh; i++)
        if (net->sh[i].kind == K3A_KIND_LOAD)
            line(x, "    motor %-15s Z_M = U_rM^2 / (I_LR/I_rM S_rM) (IEC 60909-0 eq. 26) at "
                    "bus %s: R = %.4f  X = %.4f",
                 s->loads[net->sh[i].idx].hdr.name,
                 s->loads[net->sh[i].idx].bus.name,
                 creal(net->sh[i].z) * net->nodes[net->sh[i].node].vbase_kV *
                     net->nodes[net->sh[i].node].vbase_kV / K3A_SBASE_MVA * 1000.0,
                 cimag(net->sh[i].z) * net->nodes[net->sh[i].node].vbase_kV *
                     net->nodes[net->sh[i].node].vbase_kV / K3A_SBASE_MVA * 1000.0);
}

/* The impedances that make Z_k: sources, the path, motors (the short
 * circuit's network of case c). */
static void explain_impedances(struct ex *x, const struct k3a_results *r, size_t bus,
                               enum k3a_sc_case c, const struct k3a__net *net)
{
    uint32_t k = net->bus_node[bus], path[64];
    double vb = net->nodes[k].vbase_kV;
    double ref = vb * vb / K3A_SBASE_MVA * 1000.0; /* pu -> mOhm at bus */
    size_t n = path_to(net, k, path, 64);

    line(x, "  %s %.4g kV (mohm):",
         L("Impedansi sumber dan jalur, dirujuk ke", "Source and path, referred to"),
         net->nodes[k].un_kV);
    explain_sources(x, r, net, ref);
    explain_path(x, r, net, path, n, ref, c);
    explain_motors(x, r, net);
    if (r->sc.meshed[c])
        line(x, "    %s", L("jaringan bermata (loop): Z_k dari metode nodal "
                            "(GSL LU)",
                            "meshed network: Z_k from the nodal method (GSL LU)"));
}

/* Z_k, I''k, kappa, ip and I''k1 at the bus (IEC 60909-0). */
static void explain_currents(struct ex *x, const struct k3a_sc_point *p, enum k3a_sc_case c)
{
    double zmag = hypot(p->rk_ohm, p->xk_ohm);

    line(x, "  Z_k = %.4f + j%.4f mohm, |Z_k| = %.4f mohm   (IEC 60909-0)",
         p->rk_ohm * 1000,
         p->xk_ohm * 1000, zmag * 1000);
    line(x, "  I''k = c Un / (sqrt3 |Z_k|) = %.2f x %.4g kV / (1.732 x %.4f mohm) "
            "= %.3f kA   (IEC 60909-0 eq. 29)",
         p->c, p->un_kV, zmag * 1000, p->ik3_kA);
    line(x, "  R/X = %.4f (%s) -> kappa = 1.02 + 0.98 e^(-3 R/X) = %.4f   (IEC 60909-0 eq. 55)",
         p->r_over_x, L("metode C, IEC 60909-0 4.3.1.2", "method C, IEC 60909-0 4.3.1.2"), p->kappa);
    line(x, "  ip = kappa sqrt2 I''k = %.3f kA   (IEC 60909-0 eq. 54)", p->ip_kA);
    if (p->has_ik1)
        line(x, "  I''k1 = sqrt3 c Un / |2 Z1 + Z0| = %.3f kA, |Z0| = %.4f mohm   "
                "(IEC 60909-0 eq. 52; %s)",
             p->ik1_kA, p->z0_ohm * 1000,
             c == K3A_CASE_GEN
                 ? L("c min; genset X(0) = 0,5 X\"d titik bintang dibumikan "
                     "(IEC 60909-0 6.6.1, models/), kabel Z0 = 4 Z1",
                     "c min; generator X(0) = 0.5 X\"d, solidly earthed star point "
                     "(IEC 60909-0 6.6.1, models/), cable Z0 = 4 Z1")
                 : L("Z0 trafo Dyn = Z_T, kabel Z0 = 4 Z1 (asumsi di models/)",
                     "Z0 of a Dyn transformer = Z_T, cable Z0 = 4 Z1 (assumed, models/)"));
}

/* The device that clears I''k3 at the bus, and in what time. */
static void explain_clearing(struct ex *x, const struct k3a_results *r, size_t bus,
                             enum k3a_sc_case c)
{
    const struct k3a_site *s = r->site;
    const struct k3a_clearing *cl = &r->prot[bus].at_ik3[c];

    if (cl->device >= 0) {
        struct k3a_trip_time tt;
        const struct k3a_device *d = &s->devices[cl->device];
        k3a_device_trip(d, r->models, cl->current_A, &tt);
        line(x, "  %s: %s (%s, %g A) %s %.3f kA -> %s %s%.3f s%s%s   (IEC 60364-4-43 "
                "434; IEEE 1584-2018 6.9.1)",
             L("Pemutus", "Clearing"), d->hdr.name,
             d->type == K3A_DEV_MCB    ? "mcb"
             : d->type == K3A_DEV_MCCB ? "mccb"
             : d->type == K3A_DEV_ACB  ? "acb"
             : d->type == K3A_DEV_FUSE ? "fuse"
                                       : "relay",
             d->rating_A, L("mengalirkan", "carries"), cl->current_A / 1000.0,
             tt.element, L("", ""), cl->time_s,
             cl->backup ? L(" (oleh gawai cadangan/hulu)", " (by a backup/upstream device)") : "",
             cl->capped ? L(" (dibatasi arc_time_max_s)", " (capped at arc_time_max_s)") : "");
    } else {
        line(x, "  %s: %s %.3g s (IEEE 1584-2018 6.9.1, 2 s)", L("Pemutus", "Clearing"),
             L("tidak ada gawai yang memutus; dipakai arc_time_max_s",
               "no device clears; arc_time_max_s used"),
             cl->time_s);
    }
}

/* Earth-fault disconnection at I''k1 (the minimum and generator cases):
 * site-format 9, nominal U0, distribution circuit, uncapped time. */
static void explain_disconnection(struct ex *x, const struct k3a_results *r, size_t bus,
                                  enum k3a_sc_case c)
{
    const struct k3a_site *s = r->site;
    const struct k3a_bus_prot *bp = &r->prot[bus];
    const struct k3a_clearing *cl = c == K3A_CASE_MIN ? &bp->at_ik1 : &bp->at_ik1_gen;
    const char *clause = "";
    int listed, tt = s->site.earthing_system == K3A_ES_TT;
    double u0 = k3a__nominal_u0_V(r, s->buses[bus].voltage_kV, &listed);
    double lim = k3a__disc_limit_s(r, tt, u0, 0, 0, &clause, NULL);

    line(x, "  %s: U0 = %.0f V (%s); %s %.3g s (%s)",
         L("Pemutusan gangguan tanah", "Earth-fault disconnection"), u0,
         listed ? "IEC 60038" : "Un/sqrt3", L("batas sirkit distribusi",
                                              "distribution circuit limit"),
         lim, clause);
    if (cl->device >= 0 && isfinite(cl->uncapped_s))
        line(x, "    %s %s %.3g s %s I''k1 %.3f kA (%s) -> %s",
             s->devices[cl->device].hdr.name, L("memutus dalam", "clears in"),
             cl->uncapped_s, L("pada", "at"),
             c == K3A_CASE_MIN ? bp->ik1_min_kA : bp->ik1_gen_kA,
             L("tanpa batas arc_time_max_s", "not capped at arc_time_max_s"),
             cl->uncapped_s > lim ? L("TIDAK MEMENUHI", "FAIL") : L("MEMENUHI", "PASS"));
    else
        line(x, "    %s -> %s",
             L("tidak ada gawai yang bekerja pada I''k1",
               "no device operates at I''k1"),
             L("TIDAK MEMENUHI", "FAIL"));
}

/* One short-circuit case at the bus, step by step. */
static void explain_case(struct ex *x, const struct k3a_results *r, size_t bus,
                         enum k3a_sc_case c)
{
    const struct k3a_sc_point *p = &r->sc.bus[c][bus];
    const struct k3a_bus_prot *bp = &r->prot[bus];
    const struct k3a__net *net = k3a__sc_net(&r->sc, c); /* the short circuit's */

    line(x, "%s: %s", L("Kasus", "Case"), case_title(x, c));
    if (!p->energized) {
        line(x, "  %s", L("bus tidak bertegangan pada kasus ini",
                          "the bus is not energised in this case"));
        return;
    }
    if (net)
        explain_impedances(x, r, bus, c, net);
    explain_currents(x, p, c);
    explain_clearing(x, r, bus, c);
    if ((c == K3A_CASE_MIN && bp->has_ik1) || (c == K3A_CASE_GEN && bp->has_ik1_gen))
        explain_disconnection(x, r, bus, c);
}

/* Above 15 kV: Lee's method (NFPA 70E Annex D.2). */
static void explain_arc_lee(struct ex *x, const struct k3a_arc_in *in,
                            const struct k3a_arc_out *o)
{
    line(x, "  %s: Voc = %.4g kV > 15 kV", L("Metode Lee", "Lee method"),
         in->voc_kV);
    line(x, "  E = 2.142e6 V Ibf t / D^2 = 2.142e6 x %.4g x %.3f x %.3f / "
            "%.1f^2 = %.3f J/cm2 = %.2f cal/cm2   (Lee; NFPA 70E Annex D.2)",
         in->voc_kV, in->ibf_kA, in->t_ms / 1000.0, in->distance_mm,
         o->energy_J_cm2, o->energy_cal_cm2);
    line(x, "  AFB = sqrt(2.142e6 V Ibf t / 5.0208) = %.0f mm   (Lee; NFPA 70E "
            "Annex D.2)",
         o->afb_gov_mm);
}

/* IEEE 1584-2018: the inputs, the arcing currents and their variation. */
static void explain_arc_currents(struct ex *x, const struct k3a_arc_in *in,
                                 const struct k3a_arc_out *o)
{
    static const char *const ecw[] = { "VCB", "VCBB", "HCB", "VOA", "HOA" };

    line(x, "  %s: %s, Voc %.4g kV, Ibf %.3f kA, G %.1f mm, D %.1f mm",
         L("Masukan", "Inputs"), ecw[in->electrode], in->voc_kV, in->ibf_kA,
         in->gap_mm, in->distance_mm);
    if (o->lv) {
        line(x, "  Iarc_600 = 10^(k1 + k2 lg Ibf + k3 lg G) (k4 Ibf^6 + ... "
                "+ k10) = %.3f kA   (IEEE 1584-2018 Eq 1, Table 1)",
             o->iarc_v[0]);
        line(x, "  Iarc = 1 / sqrt((0.6/Voc)^2 [1/Iarc_600^2 - (0.6^2 - "
                "Voc^2)/(0.6^2 Ibf^2)]) = %.3f kA   (IEEE 1584-2018 Eq 25)",
             o->iarc_kA);
    } else {
        line(x, "  Iarc_600 / Iarc_2700 / Iarc_14300 = %.3f / %.3f / %.3f kA   "
                "(IEEE 1584-2018 Eq 1, Table 1)",
             o->iarc_v[0], o->iarc_v[1], o->iarc_v[2]);
        line(x, "  Iarc = %.3f kA   (IEEE 1584-2018 Eqs 16-18)", o->iarc_kA);
    }
    line(x, "  VarCf = %.4f (IEEE 1584-2018 Eq 2, Table 2); Iarc_min = Iarc (1 - 0.5 VarCf) "
            "= %.3f kA",
         o->varcf, o->iarc_min_kA);
}

/* IEEE 1584-2018: the enclosure's correction factor (1 in open air). */
static void explain_arc_enclosure(struct ex *x, const struct k3a_arc_in *in,
                                  const struct k3a_arc_out *o)
{
    char depth[32];

    if (o->open_air) {
        line(x, "  %s: CF = 1", L("Udara terbuka", "Open air"));
        return;
    }
    if (in->depth_mm > 0)
        snprintf(depth, sizeof(depth), "%.0f", in->depth_mm);
    else
        snprintf(depth, sizeof(depth), "%s",
                 L("(dalam, tak diketahui)", "(deep, unknown)"));
    line(x, "  %s %.0f x %.0f x %s mm (%s): Width1 %.3f in, Height1 %.3f in, "
            "EES %.3f in, CF %.4f   (IEEE 1584-2018 Table 6, Eqs 11-15, Table 7)",
         L("Selungkup", "Enclosure"), in->height_mm, in->width_mm, depth,
         o->enclosure == K3A_ENCL_SHALLOW ? "shallow" : "typical",
         o->width1_in, o->height1_in, o->ees_in, o->cf);
}

/* IEEE 1584-2018: the incident energy and the arc-flash boundary, at
 * Iarc and at Iarc_min (jc: J per cal). */
static void explain_arc_energy(struct ex *x, const struct k3a_arc_out *o, double jc)
{
    if (!o->lv) {
        line(x, "  E_600 / E_2700 / E_14300 = %.3f / %.3f / %.3f J/cm2 (IEEE 1584-2018 Eqs "
                "3-5); E = %.3f J/cm2 (IEEE 1584-2018 Eqs 19-21)",
             o->e_v[0], o->e_v[1], o->e_v[2], o->e_J_cm2);
        line(x, "  E_min: %.3f / %.3f / %.3f -> %.3f J/cm2 (IEEE 1584-2018 Eqs 3-5, "
                "19-21 at Iarc_min)",
             o->e_min_v[0],
             o->e_min_v[1], o->e_min_v[2], o->e_min_J_cm2);
        line(x, "  AFB: %.0f / %.0f / %.0f -> %.0f mm; AFB_min -> %.0f mm "
                "(IEEE 1584-2018 Eqs 7-9, 22-24)",
             o->afb_v[0], o->afb_v[1], o->afb_v[2], o->afb_mm, o->afb_min_mm);
    } else {
        line(x, "  E = 12.552/50 T 10^(k1 + k2 lg G + k3 Iarc_600/(k4 Ibf^7 + ... "
                "+ k10 Ibf) + k11 lg Ibf + k12 lg D + k13 lg Iarc + lg(1/CF))");
        line(x, "    = %.3f J/cm2 (%.2f cal/cm2); E_min = %.3f J/cm2 (%.2f "
                "cal/cm2)   (IEEE 1584-2018 Eq 6, Table 3)",
             o->e_J_cm2, o->e_J_cm2 / jc, o->e_min_J_cm2, o->e_min_J_cm2 / jc);
        line(x, "  AFB = %.0f mm, AFB_min = %.0f mm   (IEEE 1584-2018 Eq 10)", o->afb_mm,
             o->afb_min_mm);
    }
}

/* IEEE 1584-2018 step by step: currents, enclosure, the arc's duration
 * (the clearing device's time), energy and boundary. */
static void explain_arc_ieee(struct ex *x, const struct k3a_results *r,
                             const struct k3a_bus_arc *a)
{
    const struct k3a_site *s = r->site;
    const struct k3a_arc_in *in = &a->in;
    const struct k3a_arc_out *o = &a->out;
    int32_t dev = a->device;

    explain_arc_currents(x, in, o);
    explain_arc_enclosure(x, in, o);
    line(x, "  %s: %s %.0f ms %s Iarc x (I_device / Ibf); T_min %.0f ms %s "
            "Iarc_min   (IEEE 1584-2018 Eq 2 for Iarc_min; 6.9.1: %s %.0f s)",
         L("Lama busur", "Arc duration"),
         dev >= 0 ? s->devices[dev].hdr.name : "-", in->t_ms,
         L("pada", "at"), in->t_min_ms, L("pada", "at"),
         L("batas arc_time_max_s", "capped at arc_time_max_s"),
         s->site.arc_time_max_s > 0 ? s->site.arc_time_max_s : 2.0);
    explain_arc_energy(x, o, r->arc_model.joule_per_cal);
}

static void explain_arc(struct ex *x, const struct k3a_results *r, size_t bus)
{
    const struct k3a_bus_arc *a = &r->arc[bus];
    const struct k3a_arc_out *o = &a->out;
    unsigned b;

    line(x, "%s", "");
    line(x, "%s", L("== Busur api (IEEE 1584-2018; NFPA 70E) ==",
                    "== Arc flash (IEEE 1584-2018; NFPA 70E) =="));
    if (a->single_phase) {
        line(x, "  n/a (single-phase): %s",
             L("IEEE 1584-2018 tidak punya model satu fasa",
               "IEEE 1584-2018 has no single-phase model"));
        return;
    }
    if (!a->available) {
        line(x, "  %s", L("tidak dihitung (bus tidak bertegangan)",
                          "not calculated (bus not energised)"));
        return;
    }
    line(x, "  %s: %s (%s)", L("Kasus yang menentukan", "Governing case"),
         k3a_sc_case_name(a->sc_case),
         L("energi tertinggi dari semua kasus", "highest energy of all cases"));
    if (o->method == K3A_ARC_LEE)
        explain_arc_lee(x, &a->in, o);
    else
        explain_arc_ieee(x, r, a);
    line(x, "  %s: %s -> %.2f cal/cm2, AFB %.0f mm; %s %s (%s)",
         L("Menentukan", "Governing"), o->governing ? "Iarc_min" : "Iarc",
         o->energy_cal_cm2, o->afb_gov_mm, L("kategori APD", "PPE category"),
         a->ppe, "NFPA 70E Table 130.7(C)(15)(c)");
    for (b = 0; b < K3A_ARC_WARN_COUNT; b++)
        if (o->warnings & (1u << b))
            line(x, "  %s: %s", L("peringatan", "warning"), k3a_arc_warn_text(b));
}

static void explain_bus(struct ex *x, const struct k3a_results *r, size_t bus)
{
    const struct k3a_site *s = r->site;
    const struct k3a_bus *b = &s->buses[bus];
    int c;

    line(x, "[bus %s]%s%s  Un = %.4g kV, %s", b->hdr.name,
         b->hdr.label ? "  " : "", b->hdr.label ? b->hdr.label : "",
         b->voltage_kV, L("hubung singkat IEC 60909-0", "IEC 60909-0 short circuit"));
    if (k3a_site_count(s, K3A_KIND_SCENARIO))
        line(x, "%s", L("LATIHAN - bukan hasil riksa uji",
                        "TRAINING - not an inspection result"));
    line(x, "%s", L("Metode: sumber tegangan ekivalen c Un / sqrt3 di titik "
                    "gangguan; semua sumber diganti impedansi dalamnya (IEC 60909-0).",
                    "Method: equivalent voltage source c Un / sqrt3 at the "
                    "fault; every source replaced by its internal impedance "
                    "(IEC 60909-0)."));
    for (c = 0; c < K3A_CASE_COUNT; c++) {
        if (!r->sc.has_case[c])
            continue;
        line(x, "%s", "");
        explain_case(x, r, bus, (enum k3a_sc_case)c);
    }
    if (r->arc && r->has_arc_model)
        explain_arc(x, r, bus);
}

static const char *verdict_word(struct ex *x, enum k3a_verdict v)
{
    return v == K3A_PASS ? L("MEMENUHI", "PASS")
           : v == K3A_FAIL ? L("TIDAK MEMENUHI", "FAIL")
                           : L("PERHATIAN", "WARNING");
}

static void explain_earthing(struct ex *x, const struct k3a_results *r, size_t i)
{
    static const char *const pw[] = { "system", "equipment", "lightning", "combined" };
    const struct k3a_earthing *e = &r->site->earthings[i];
    const struct k3a_earth_res *er = &r->earth[i];
    size_t k;

    line(x, "[earthing %s]%s%s  %s: %s", e->hdr.name, e->hdr.label ? "  " : "",
         e->hdr.label ? e->hdr.label : "", L("fungsi", "purpose"), pw[e->purpose]);
    if (e->readings.n) {
        line(x, "  %s (C = %g m):", L("Bacaan fall-of-potential", "Fall-of-potential readings"),
             e->current_probe_m);
        for (k = 0; k < e->readings.n; k++)
            line(x, "    P = %6.2f m (%4.1f %% C)  R = %.3f ohm", e->readings.x[k],
                 100.0 * e->readings.x[k] / e->current_probe_m, e->readings.y[k]);
        if (er->has_r618)
            line(x, "  %s: R(0.618 C = %.2f m) = %.3f ohm   (IEEE 81-2012 8.2.1.5, 61.8 %% rule: P = C (sqrt5 - 1)/2)",
                 L("Aturan 61,8 %", "61.8 % rule"), 0.618 * e->current_probe_m,
                 er->r618_ohm);
        if (er->plateau >= 0)
            line(x, "  %s: |R(0.72 C) - R(0.52 C)| / R(0.618 C) = %.1f %% -> %s",
                 L("Uji plateau", "Plateau test"), er->plateau_spread * 100.0,
                 er->plateau ? L("datar, pembacaan sah", "flat, the reading is valid")
                             : L("tidak datar: ulangi dengan probe arus lebih jauh",
                                 "not flat: repeat with the current probe further out"));
        if (er->has_tagg)
            line(x, "  %s: mu = (R3 - R2)/(R2 - R1) = %.3f -> Pt/C = %.3f, R = %.3f ohm   "
                 "(IEEE 81-2012 8.2.1.5, Tagg)",
                 L("Metode slope (Tagg)", "Slope method (Tagg)"), er->tagg_mu,
                 er->tagg_ptc, er->tagg_ohm);
    }
    if (!(er->judged_ohm > 0)) {
        line(x, "  %s", L("tidak ada nilai untuk dinilai", "no value to judge"));
        return;
    }
    line(x, "  %s: %.3f ohm%s (%s)", L("Nilai dinilai", "Value judged"), er->judged_ohm,
         e->seasonal_factor > 0 && fabs(e->seasonal_factor - 1.0) > 1e-12
             ? L(" (x faktor musim)", " (x seasonal factor)")
             : "",
         er->judged_from == 2   ? L("metode slope, IEEE 81-2012", "slope method, IEEE 81-2012")
         : er->judged_from == 1 ? L("nilai 61,8 %, IEEE 81-2012", "61.8 % value, IEEE 81-2012")
                                : "measured_ohm");
    if (isfinite(er->limit_ohm))
        line(x, "  %s: %.3f ohm (%s) -> %s", L("Batas", "Limit"), er->limit_ohm,
             er->limit_clause ? er->limit_clause : "", verdict_word(x, er->verdict));
    if (isfinite(er->rho_soil_ohm_m) || isfinite(er->rho_implied_ohm_m))
        line(x, "  rho: %s %.0f ohm m, %s %.0f ohm m (IEEE 142-2007 4.1.4)",
             L("model tanah", "soil model"), er->rho_soil_ohm_m,
             L("dari elektroda terukur", "implied by the measured electrode"),
             er->rho_implied_ohm_m);
    if (er->has_rods)
        line(x, "  %s: R1 = rho/(2 pi L) [ln(8L/d) - 1] with rho %.0f ohm m, L %g m, "
                "d %g mm; R_n = F R1 / n (IEEE 142) <= limit for n = %d",
             L("Bantuan desain", "Design aid"), er->rho_ohm_m, e->rod_length_m,
             e->rod_diameter_mm, er->rods_needed);
    else if (er->rods_beyond)
        line(x, "  %s: %s %d %s (rho %.0f ohm m): %s",
             L("Bantuan desain", "Design aid"), L("lebih dari", "more than"),
             er->rods_needed, L("batang", "rods"), er->rho_ohm_m,
             L("rancang grid pembumian (IEEE 80), tidak diekstrapolasi",
               "design a grid (IEEE 80), not extrapolated"));
    if (er->has_trend)
        line(x, "  %s: %+.3f ohm/%s (least squares)", L("Tren", "Trend"), er->trend_ohm_per_year,
             L("tahun", "year"));
    if (er->cal_expired)
        line(x, "  %s", L("Alat ukur lewat masa kalibrasi pada tanggal uji",
                          "The instrument was past its calibration date"));
}

static void explain_insulation(struct ex *x, const struct k3a_results *r, size_t i)
{
    const struct k3a_insulation *t = &r->site->insulations[i];
    const struct k3a_ir_res *ir = &r->ir[i];
    size_t k;

    line(x, "[insulation %s]  %s %s, Un %.0f V, %s %.0f V",
         t->hdr.name, L("sirkit", "circuit"),
         t->circuit.name ? t->circuit.name : t->location ? t->location : "-",
         t->nominal_V, L("uji", "test"), t->test_V);
    for (k = 0; k < t->readings_Mohm.n; k++)
        line(x, "    %-8s %s%.3f Mohm", t->readings_Mohm.label[k],
             t->readings_Mohm.value[k].cmp > 0   ? ">"
             : t->readings_Mohm.value[k].cmp < 0 ? "<"
                                                 : "",
             t->readings_Mohm.value[k].value);
    if (isfinite(ir->min_Mohm) && isfinite(ir->limit_Mohm))
        line(x, "  %s %.3f Mohm; PUIL 2011 Tabel 6A: Un %.0f V -> %.0f V, >= %.2f Mohm -> %s",
             L("Terendah", "Lowest"), ir->min_Mohm, t->nominal_V, ir->test_V_required,
             ir->limit_Mohm, verdict_word(x, ir->verdict));
    if (ir->has_r40)
        line(x, "  IEEE 43: R40 = R_T x 0.5^((40 - T)/10) = %.3f x 0.5^((40 - %.1f)/10) "
                "= %.2f Mohm",
             t->r1min_Mohm.value, t->temperature_C, ir->r40_Mohm);
    if (ir->has_pi)
        line(x, "  PI = R10min / R1min = %.3f / %.3f = %.2f   (IEEE 43-2013 12.2)", t->r10min_Mohm.value,
             t->r1min_Mohm.value, ir->pi);
    if (ir->has_dar)
        line(x, "  DAR = R60s / R30s = %.3f / %.3f = %.2f   (instrument guidance, not IEEE 43)", t->r1min_Mohm.value,
             t->r30s_Mohm.value, ir->dar);
    if (ir->has_trend)
        line(x, "  %s: ln(IR) %s %.1f %%/%s%s (PUIL 2011 134.2.1)", L("Tren", "Trend"),
             L("berubah", "changes"), ir->trend_pct_per_year, L("tahun", "year"),
             ir->has_reach ? "" : "");
    if (ir->has_reach)
        line(x, "  %s %04d-%02d", L("Mencapai batas sekitar", "Reaches the limit about"),
             ir->reach.y, ir->reach.m);
}

static void explain_risks(struct ex *x, const struct k3a_results *r,
                          enum k3a_kind kind, int32_t idx)
{
    static const char *const cl[] = { "eliminasi", "substitusi", "rekayasa",
                                      "administratif", "apd" };
    size_t i;
    int any = 0;

    for (i = 0; i < r->n_risks; i++) {
        const struct k3a_risk *k = &r->risks[i];
        if (k->kind != kind || k->idx != idx)
            continue;
        if (!any)
            line(x, "  %s (%s):", L("Risiko", "Risks"),
                 r->site->site.risk_profile ? r->site->site.risk_profile : "");
        any = 1;
        line(x, "  %s %s", k->id, L(k->hazard_id, k->hazard_en));
        line(x, "    %s -> P%d S%d = %s", L(k->reason_id, k->reason_en), k->likelihood,
             k->severity, k->band ? L(k->band->label_id, k->band->label_en) : "?");
        if (k->has_control)
            line(x, "    %s [%s]: %s -> P%d S%d = %s", L("Pengendalian", "Control"),
                 cl[k->control], L(k->control_id, k->control_en) ? L(k->control_id, k->control_en) : "",
                 k->likelihood_after, k->severity_after,
                 k->band_after ? L(k->band_after->label_id, k->band_after->label_en) : "?");
        if (k->basis && *k->basis)
            line(x, "    %s: %s; %s: %s", L("Dasar", "Basis"), k->basis,
                 L("sumber", "source"), k->source);
    }
}

static void explain_cable(struct ex *x, const struct k3a_results *r, size_t i)
{
    static const char *const meth[] = { "A1", "A2", "B1", "B2", "C", "D1", "D2",
                                        "E", "F" };
    const struct k3a_site *s = r->site;
    const struct k3a_cable *cb = &s->cables[i];
    const struct k3a_cable_res *cr = &r->cables[i];
    int n = cb->parallel > 1 ? cb->parallel : 1;

    line(x, "[cable %s]  %s -> %s, %s/%s %g mm2 x %d, %.0f m, %s %s%s",
         cb->hdr.name, cb->from.name ? cb->from.name : "-",
         cb->to.name ? cb->to.name : "-", cb->material == K3A_MAT_AL ? "Al" : "Cu",
         cb->insulation == K3A_INS_XLPE ? "XLPE" : "PVC", cb->size_mm2, n,
         cb->length_m, L("cara pasang", "method"), meth[cr->method],
         cr->method_assumed ? L(" (tidak diberikan: KHA terendah di udara)",
                                " (not given: lowest capacity in air)")
                            : "");
    line(x, "  Ib %s: %.1f A (%s)", L("hitung", "calculated"), cr->ib_calc_A,
         cr->to_load ? L("beban di ujung kabel", "the load at its end")
                     : L("jumlah beban hilir, solusi jaringan",
                         "loads downstream, network solve"));
    if (!isnan(cr->ib_meas_A))
        line(x, "  Ib %s: %.1f A", L("terukur", "measured"), cr->ib_meas_A);
    line(x, "  Ib = %.1f A (%s)", cr->ib_A,
         L("yang lebih besar; IEC 60364-4-43 433.1", "the larger; IEC 60364-4-43 433.1"));
    if (cr->has_iz) {
        line(x, "  Iz = I_tab x k_theta x k_g x n = %.1f x %.2f x %.2f x %d = %.1f A   "
                "(IEC 60364-5-52 Annex B)",
             cr->amp.itab_A, cr->amp.k_temp, cr->amp.k_group, n, cr->iz_A);
        line(x, "      I_tab: %s", cr->amp.clause_table);
        line(x, "      k_theta (%.0f C): %s", cr->amp.ambient_C, cr->amp.clause_temp);
        line(x, "      k_g (%d %s): %s", cb->grouped > 0 ? cb->grouped : 1,
             L("sirkit", "circuits"),
             *cr->amp.clause_group ? cr->amp.clause_group : "-");
        line(x, "  Ib <= Iz: %.1f <= %.1f A (%.0f %%) -> %s   (IEC 60364-4-43 433.1)",
             cr->ib_A, cr->iz_A,
             cr->loading_pct, cr->ib_A <= cr->iz_A ? "ok" : L("TIDAK", "NO"));
    } else {
        line(x, "  Iz: %s", (cr->amp.flags & K3A_AMP_VOLTAGE)
                                ? L("di atas 1 kV: IEC 60364-5-52 tidak berlaku",
                                    "above 1 kV: IEC 60364-5-52 does not apply")
                                : L("tidak ada di tabel (tidak diekstrapolasi)",
                                    "not in the tables (not extrapolated)"));
    }
    if (cr->device >= 0) {
        line(x, "  %s %s: In %.0f A, I2 = %.2f x In = %.0f A (%s)",
             L("Pengaman", "Device"), s->devices[cr->device].hdr.name, cr->in_A,
             cr->i2_factor, cr->i2_A, cr->i2_clause ? cr->i2_clause : "");
        if (cr->has_iz)
            line(x, "  IEC 60364-4-43 433.1: Ib %.1f <= In %.0f <= Iz %.1f; I2 %.0f <= "
                    "1.45 Iz = %.0f -> %s",
                 cr->ib_A, cr->in_A, cr->iz_A, cr->i2_A, 1.45 * cr->iz_A,
                 cr->ib_A <= cr->in_A && cr->in_A <= cr->iz_A &&
                         !(cr->i2_A > 1.45 * cr->iz_A)
                     ? "ok"
                     : L("TIDAK", "NO"));
    } else {
        line(x, "  %s", L("Tidak ada pengaman beban lebih", "No overload device"));
    }
    if (cr->has_thermal)
        line(x, "  IEC 60364-4-43 434.5.2: k2 S2 = %.0f^2 x %g^2 = %.3g A2s; I2t = (%.2f kA / %d)^2 x "
                "%.3f s = %.3g A2s (%s) -> %s",
             cr->k, cb->size_mm2, cr->k2s2_A2s, cr->fault_kA, n, cr->fault_s,
             cr->i2t_A2s, cr->fault_where,
             cr->i2t_A2s <= cr->k2s2_A2s ? "ok" : L("TIDAK", "NO"));
    if (cr->has_vdrop)
        line(x, "  %s: dU = %s x Ib x (R cos + X sin) x L / n = %s x %.1f x (%.4f x %.2f + "
                "%.3f x %.2f) x %.3f / %d = %.2f V = %.2f %%; %s %.2f %% (IEC 60364-5-52 "
                "Annex G)",
             L("Susut tegangan", "Voltage drop"), cb->phases == 1 ? "2" : "sqrt3",
             cb->phases == 1 ? "2" : "1.732", cr->ib_A, cr->r_ohm_km, cr->pf,
             cr->x_ohm_km, sqrt(1 - cr->pf * cr->pf), cb->length_m / 1000.0, n,
             cr->vdrop_V, cr->vdrop_pct, L("dari asal instalasi TR", "from the LV origin"),
             cr->vdrop_end_pct);
    explain_risks(x, r, K3A_KIND_CABLE, (int32_t)i);
}

static void explain_hazard(struct ex *x, const struct k3a_results *r, size_t i)
{
    const struct k3a_hazard *h = &r->site->hazards[i];

    line(x, "[hazard %s]  %s", h->hdr.name, h->description ? h->description : "");
    explain_risks(x, r, K3A_KIND_HAZARD, (int32_t)i);
}

/* A long text, wrapped at spaces into lines of about 90 characters,
 * the first after its label. */
static void text_block(struct ex *x, const char *label, const char *t)
{
    int first = 1;

    while (t && *t) {
        size_t n = strlen(t), cut = n;
        if (n > 90) {
            cut = 90;
            while (cut > 40 && t[cut] != ' ')
                cut--;
        }
        line(x, "%-8s %.*s", first ? label : "", (int)cut, t);
        first = 0;
        t += cut;
        while (*t == ' ')
            t++;
    }
}

/* The values a measurement gives and every finding on it, with its limit,
 * verdict and clause (loops, RCDs, thermography, PQ, lightning). */
static void explain_measurement(struct ex *x, const struct k3a_results *r,
                                enum k3a_kind kind, size_t i)
{
    const struct k3a_site *s = r->site;
    const struct k3a_elem *e = k3a_site_elem(s, kind, i);
    size_t f, nk = k3a_kind_key_count(kind), k, n = 0;
    char value[200];

    line(x, "[%s %s]%s%s", k3a_kind_name(kind), e->name, e->label ? "  " : "",
         e->label ? e->label : "");
    for (k = 0; k < nk; k++) {
        int is_def;
        const char *key = k3a_kind_key_name(kind, (unsigned)k);
        if (strcmp(key, "label") == 0 || strcmp(key, "note") == 0 ||
            !k3a_site_value_text(s, kind, i, (unsigned)k, value, sizeof(value), &is_def))
            continue;
        line(x, "  %-22s %s%s", key, value, is_def ? L(" (bawaan)", " (default)") : "");
    }
    for (f = 0; f < r->n_findings; f++) {
        const struct k3a_finding *fd = &r->findings[f];
        if (fd->kind != kind || fd->idx != (int32_t)i)
            continue;
        line(x, "  %s %s", fd->id, k3a_finding_title(fd, x->lang));
        if (fd->has_measured && fd->has_limit)
            line(x, "      %s %.4g %s, %s %.4g %s -> %s", L("terukur", "measured"),
                 fd->measured, k3a_finding_unit(fd, x->lang), L("batas", "limit"), fd->limit,
                 k3a_finding_unit(fd, x->lang),
                 fd->verdict == K3A_FAIL   ? L("TIDAK MEMENUHI", "FAIL")
                 : fd->verdict == K3A_WARN ? L("PERHATIAN", "WARNING")
                                           : L("MEMENUHI", "PASS"));
        else
            line(x, "      -> %s", fd->verdict == K3A_FAIL   ? L("TIDAK MEMENUHI", "FAIL")
                                   : fd->verdict == K3A_WARN ? L("PERHATIAN", "WARNING")
                                                             : L("MEMENUHI", "PASS"));
        line(x, "      %s: %s", L("dasar", "basis"), k3a_finding_clause(fd, x->lang));
        n++;
    }
    if (!n)
        line(x, "  %s", L("tidak ada temuan", "no finding"));
    explain_risks(x, r, kind, (int32_t)i);
}

static enum k3a_status explain_c(const struct k3a_results *r, const char *name,
                            enum k3a_lang lang, k3a_line_fn out, void *ctx)
{
    struct ex x;
    enum k3a_kind kind;
    int32_t idx;

    x.out = out;
    x.ctx = ctx;
    x.lang = lang;
    if (!k3a_site_find(r->site, name, &kind, &idx))
        return K3A_E_REF;
    if (k3a_site_count(r->site, K3A_KIND_SCENARIO)) {
        /* a training file: its title, story and task first (site-format 7) */
        const struct k3a_scenario *sc = &r->site->scenario;
        int en = lang == K3A_LANG_EN;
        line(&x, "%s", en ? "TRAINING - not an inspection result"
                          : "LATIHAN - bukan hasil riksa uji");
        text_block(&x, en ? "Scenario" : "Skenario", sc->title);
        text_block(&x, en ? "Story" : "Cerita", sc->story);
        text_block(&x, en ? "Task" : "Tugas", sc->task);
        line(&x, "%s", "");
    }
    if (kind == K3A_KIND_LOOP || kind == K3A_KIND_RCD || kind == K3A_KIND_THERMOGRAPHY ||
        kind == K3A_KIND_PQ || kind == K3A_KIND_LIGHTNING) {
        explain_measurement(&x, r, kind, (size_t)idx);
        return K3A_OK;
    }
    if (kind == K3A_KIND_BUS && r->prot && r->sc.has_case[K3A_CASE_MAX]) {
        explain_bus(&x, r, (size_t)idx);
        explain_risks(&x, r, kind, idx);
        return K3A_OK;
    }
    if (kind == K3A_KIND_EARTHING && r->earth) {
        explain_earthing(&x, r, (size_t)idx);
        explain_risks(&x, r, kind, idx);
        return K3A_OK;
    }
    if (kind == K3A_KIND_INSULATION && r->ir) {
        explain_insulation(&x, r, (size_t)idx);
        explain_risks(&x, r, kind, idx);
        return K3A_OK;
    }
    if (kind == K3A_KIND_CABLE && r->cables) {
        explain_cable(&x, r, (size_t)idx);
        return K3A_OK;
    }
    if (kind == K3A_KIND_HAZARD) {
        explain_hazard(&x, r, (size_t)idx);
        return K3A_OK;
    }
    return K3A_E_INPUT;
}

/* under the "C" locale (clocale.c) */
enum k3a_status k3a_explain(const struct k3a_results *r, const char *name,
                            enum k3a_lang lang, k3a_line_fn out, void *ctx)
{
    void *old = k3a__c_locale_enter();
    enum k3a_status ret_ = explain_c(r, name, lang, out, ctx);

    k3a__c_locale_leave(old);
    return ret_;
}
