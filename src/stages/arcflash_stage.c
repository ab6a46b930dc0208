/*
 * arcflash_stage.c - arc flash at every bus: for each operating case the
 * arcing currents, the clearing times at the current each device then
 * carries (its path's share of the bolted current scaled by Iarc/Ibf,
 * cli.md "JSON of audit"), the energies, and the case with the higher
 * energy.  Then the findings.  Pure.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "findings.h"
#include "fmt.h"
#include "stages.h"
#include "k3audit/results.h"

/* Each bus's main (the first device whose `protects` is the bus, at the
 * bus: site-format 3), -1 where none: one pass over the devices. */
static int32_t *bus_mains(const struct k3a_site *s)
{
    int32_t *m = malloc((s->n_buses + 1) * sizeof(*m));
    size_t i;

    if (!m)
        return NULL;
    for (i = 0; i < s->n_buses; i++)
        m[i] = -1;
    for (i = s->n_devices; i-- > 0;) /* backwards: the first device wins */
        if (s->devices[i].protects.kind == K3A_KIND_BUS && s->devices[i].protects.idx >= 0 &&
            (size_t)s->devices[i].protects.idx < s->n_buses)
            m[s->devices[i].protects.idx] = (int32_t)i;
    return m;
}

static const char *dev_name(const struct k3a_site *s, int32_t d)
{
    if (d < 0)
        return "";
    return s->devices[d].hdr.label && *s->devices[d].hdr.label ? s->devices[d].hdr.label
                                                               : s->devices[d].hdr.name;
}

/* One operating case's arc at a bus: the part of struct k3a_bus_arc the
 * cases fill (the worst is kept; its words come after), without the
 * label texts, so that trying six cases a bus moves a few hundred bytes. */
struct arc_case {
    enum k3a_sc_case sc_case;
    struct k3a_arc_in in; /* inputs used (times included) */
    struct k3a_arc_out out;
    int32_t device, device_min, main_device;
    int capped, line_side, depth_assumed;
};

/* The clearing times of one side and the energy they give. */
static void side(struct k3a_results *r, size_t bus, enum k3a_sc_case c,
                 double ik3_kA, int line, struct arc_case *res)
{
    const struct k3a_site *s = r->site;
    struct k3a_clearing cl, clm;
    void (*eval)(const struct k3a_site *, const struct k3a_models *,
                 const struct k3a_trip_prep *, const struct k3a_sc_results *, size_t,
                 enum k3a_sc_case, double, struct k3a_clearing *) =
        line ? k3a_clearing_eval_line : k3a_clearing_eval;

    eval(s, r->models, r->trip_prep, &r->sc, bus, c, res->out.iarc_kA / ik3_kA, &cl);
    eval(s, r->models, r->trip_prep, &r->sc, bus, c, res->out.iarc_min_kA / ik3_kA,
         &clm);
    res->in.t_ms = cl.time_s * 1000.0;
    res->in.t_min_ms = clm.time_s * 1000.0;
    res->device = cl.device;
    res->device_min = clm.device;
    res->capped = cl.capped || clm.capped;
    if (res->capped)
        res->out.warnings |= K3A_ARC_WARN(TIME_CAP);
    k3a_arc_energy(&r->arc_model, &res->in, &res->out);
}

/* One case at one bus; returns 0 when computed.  Where the bus has a main,
 * the arc on the main's line side (same arcing current, IEEE 1584-2018
 * eq. 1, at the bus) is cleared only by the devices upstream; the worse
 * of line side and load side is kept (IEEE 1584-2018 6.9 / NFPA 70E
 * 130.5: the line side of a main is part of the equipment). */
static int one_case(struct k3a_results *r, size_t bus, enum k3a_sc_case c,
                    double depth_mm, int32_t main, struct arc_case *res)
{
    const struct k3a_site *s = r->site;
    const struct k3a_bus *b = &s->buses[bus];
    const struct k3a_sc_point *p;

    if (!r->sc.has_case[c])
        return -1;
    p = &r->sc.bus[c][bus];
    if (!p->energized || !(p->ik3_kA > 0))
        return -1;
    memset(res, 0, sizeof(*res));
    res->sc_case = c;
    res->in.electrode = b->electrode;
    res->in.voc_kV = b->voltage_kV;
    res->in.ibf_kA = p->ik3_kA;
    res->in.gap_mm = b->gap_mm;
    res->in.distance_mm = b->working_distance_mm;
    res->in.height_mm = b->height_mm;
    res->in.width_mm = b->width_mm;
    res->in.depth_mm = depth_mm;
    k3a_arc_currents(&r->arc_model, &res->in, &res->out);
    res->main_device = -1;
    side(r, bus, c, p->ik3_kA, 0, res);
    if (main >= 0) {
        struct arc_case line = *res;
        line.out.warnings &= ~K3A_ARC_WARN(TIME_CAP);
        side(r, bus, c, p->ik3_kA, 1, &line);
        if (line.out.energy_J_cm2 > res->out.energy_J_cm2) {
            line.line_side = 1;
            line.main_device = main;
            *res = line;
        }
    }
    return 0;
}

/* cand into *best when it is the first or gives more energy. */
static void worst_of(struct arc_case *best, int *have, const struct arc_case *cand)
{
    if (!*have || cand->out.energy_J_cm2 > best->out.energy_J_cm2) {
        *best = *cand;
        *have = 1;
    }
}

/* The worst case into the bus's result (zeroed until now). */
static void keep_case(struct k3a_bus_arc *a, const struct arc_case *w)
{
    a->available = 1;
    a->sc_case = w->sc_case;
    a->in = w->in;
    a->out = w->out;
    a->device = w->device;
    a->device_min = w->device_min;
    a->capped = w->capped;
    a->depth_assumed = w->depth_assumed;
    a->line_side = w->line_side;
    a->main_device = w->main_device;
}

static enum k3a_status bus_findings(struct k3a_results *r, size_t bus,
                                    struct k3a_diag_list *dl)
{
    const struct k3a_site *s = r->site;
    const struct k3a_bus_arc *a = &r->arc[bus];
    const struct k3a_bus *b = &s->buses[bus];
    struct k3a_finding *f;
    double e = a->out.energy_cal_cm2;
    unsigned w;
    enum k3a_verdict v = e > r->arc_model.ppe_max_cal_cm2[r->arc_model.n_ppe - 1]
                             ? K3A_FAIL
                         : e > r->arc_model.no_ppe_max_cal_cm2 ? K3A_WARN
                                                               : K3A_PASS;

    f = k3a__finding_new(r, K3A_KIND_BUS, (int32_t)bus, "arc_flash", v, e,
                         r->arc_model.ppe_max_cal_cm2[r->arc_model.n_ppe - 1], "cal/cm²",
                         a->out.method == K3A_ARC_LEE
                             ? "Lee ({IEEE 1584-2018 tidak berlaku di atas 15 kV|IEEE "
                               "1584-2018 does not apply above 15 kV}); NFPA 70E "
                               "130.5(G), {Tabel|Table} 130.7(C)(15)(c)"
                             : "IEEE 1584-2018 {Pers.|Eq.} 1-25; NFPA 70E 130.5(G), "
                               "{Tabel|Table} 130.7(C)(15)(c)",
                         NULL, NULL);
    if (!f)
        return K3A_E_NOMEM;
    {
        /* who clears, in words (site-format 3; line side: IEEE 1584-2018 /
         * NFPA 70E, the main's own line side is cleared upstream) */
        double rating = ceil(e * 10.0 - 1e-9) / 10.0;
        int dangerous = strcmp(a->ppe, "dangerous") == 0;
        const char *who_id = a->clear_id, *who_en = a->clear_en;
        const char *side_id = a->side_id[0] ? a->side_id : "busur di PHB";
        const char *side_en = a->side_en[0] ? a->side_en : "arc at the bus";
        char rt_id[32], rt_en[32];
        /* at or below the model's edge (1.2 cal/cm2, category "0", cli.md):
         * no arc rating asked for, the clothing non-melting (NFPA 70E-2012
         * Table H.3(b)); the rating above it */
        int no_rating = strcmp(a->ppe, "0") == 0;
        if (no_rating)
            rating = r->arc_model.no_ppe_max_cal_cm2;
        k3a__num(rt_id, sizeof(rt_id), K3A_LANG_ID, 1, rating);
        k3a__num(rt_en, sizeof(rt_en), K3A_LANG_EN, 1, rating);
        k3a__finding_title_lang(r, f, K3A_LANG_ID,
                 "Energi insiden busur api di %s: %.2f cal/cm² pada %.0f mm, %s%s%s "
                 "(%s, %s; %s)",
                 b->hdr.name, e, a->in.distance_mm,
                 dangerous ? "tidak ada APD yang cukup: kerja hanya bebas tegangan"
                 : no_rating ? "tidak melebihi "
                             : "pakaian tahan busur minimal ",
                 dangerous ? "" : rt_id,
                 dangerous   ? ""
                 : no_rating ? " cal/cm²: pakaian tidak meleleh atau serat alami, tanpa "
                               "syarat nilai ketahanan busur"
                             : " cal/cm²",
                 side_id, who_id,
                 a->out.method == K3A_ARC_LEE ? "metode Lee" : "IEEE 1584-2018");
        k3a__finding_title_lang(r, f, K3A_LANG_EN,
                 "Arc-flash incident energy at %s: %.2f cal/cm² at %.0f mm, %s%s%s "
                 "(%s, %s; %s)",
                 b->hdr.name, e, a->in.distance_mm,
                 dangerous ? "no PPE is adequate: de-energised work only"
                 : no_rating ? "not above "
                             : "arc-rated clothing of at least ",
                 dangerous ? "" : rt_en,
                 dangerous   ? ""
                 : no_rating ? " cal/cm²: non-melting or untreated natural-fibre clothing, "
                               "no arc rating required"
                             : " cal/cm²",
                 side_en, who_en,
                 a->out.method == K3A_ARC_LEE ? "Lee method" : "IEEE 1584-2018");
    }
    for (w = 0; w < K3A_ARC_WARN_COUNT; w++) {
        char label[48];
        struct k3a_loc l;
        if (!(a->out.warnings & (1u << w)) || w == K3A_ARC_WARN_BIT_TIME_CAP)
            continue;
        snprintf(label, sizeof(label), "bus %s", b->hdr.name);
        l.file = s->path;
        l.line = b->hdr.line;
        l.element = label;
        l.key = "";
        k3a_diag_add_lang(dl, K3A_WARNING, K3A_E_RANGE, l, "arc flash: %s%.0s",
                          "busur api: %.0s%s", k3a_arc_warn_text(w),
                          k3a_arc_warn_text_id(w));
        f = k3a__finding_new(r, K3A_KIND_BUS, (int32_t)bus, "arc_flash_range", K3A_WARN,
                             NAN, NAN, "", "IEEE 1584-2018 4.2 ({rentang model|model range})", NULL, NULL);
        if (!f)
            return K3A_E_NOMEM;
        k3a__finding_title_lang(r, f, K3A_LANG_ID, "Busur api %s: %s", b->hdr.name,
                                k3a_arc_warn_text_id(w));
        k3a__finding_title_lang(r, f, K3A_LANG_EN, "Arc flash at %s: %s", b->hdr.name,
                                k3a_arc_warn_text(w));
    }
    return K3A_OK;
}

/* Who clears the arc and on which side, in both languages (labels and
 * the finding's title). */
static void words(const struct k3a_site *s, int32_t main, struct k3a_bus_arc *a)
{
    double t_s = a->in.t_ms / 1000.0;
    char ti[32], te[32];

    k3a__num(ti, sizeof(ti), K3A_LANG_ID, 2, t_s);
    k3a__num(te, sizeof(te), K3A_LANG_EN, 2, t_s);
    if (a->capped || a->device < 0) {
        snprintf(a->clear_id, sizeof(a->clear_id),
                 "tidak ada gawai pengaman yang memutus dalam %s s: lama busur "
                 "dibatasi %s s", ti, ti);
        snprintf(a->clear_en, sizeof(a->clear_en),
                 "no protective device clears within %s s: arc duration "
                 "limited to %s s", te, te);
    } else {
        k3a__join(a->clear_id, sizeof(a->clear_id), "diputus oleh ", dev_name(s, a->device),
                  " dalam ", ti, " s");
        k3a__join(a->clear_en, sizeof(a->clear_en), "cleared by ", dev_name(s, a->device),
                  " in ", te, " s");
    }
    a->side_id[0] = a->side_en[0] = '\0';
    if (a->line_side) {
        k3a__join(a->side_id, sizeof(a->side_id), "sisi masuk gawai utama ",
                  dev_name(s, a->main_device));
        k3a__join(a->side_en, sizeof(a->side_en), "line side of the main device ",
                  dev_name(s, a->main_device));
    } else if (main >= 0) {
        k3a__join(a->side_id, sizeof(a->side_id), "sisi beban gawai utama");
        k3a__join(a->side_en, sizeof(a->side_en), "load side of the main device");
    }
}

/* The findings of every bus, in bus order. */
static enum k3a_status all_findings(struct k3a_results *r, struct k3a_diag_list *dl)
{
    enum k3a_status st;
    size_t i;

    for (i = 0; i < r->site->n_buses; i++)
        if (r->arc[i].available && (st = bus_findings(r, i, dl)) != K3A_OK)
            return st;
    return K3A_OK;
}

/* The arc flash at every bus (r->arc zeroed); mains[bus] is the device
 * whose `protects` is that bus, -1 where none. */
static void arc_all(struct k3a_results *r, const int32_t *mains)
{
    const struct k3a_site *s = r->site;
    size_t i;
    int c;

    for (i = 0; i < s->n_buses; i++) {
        const struct k3a_bus *b = &s->buses[i];
        struct k3a_bus_arc *a = &r->arc[i];
        struct arc_case cand, worst = { 0 };
        int have = 0;
        int depth_open = !k3a_elem_given(K3A_KIND_BUS, &b->hdr, "depth_mm") &&
                         !(b->depth_mm > 0) && b->voltage_kV < 0.6 &&
                         b->electrode <= K3A_ELECTRODE_HCB &&
                         b->height_mm < r->arc_model.shallow_max_mm &&
                         b->width_mm < r->arc_model.shallow_max_mm;
        if (b->phases == 1) {
            a->single_phase = 1; /* IEEE 1584-2018 has no single-phase model */
            continue;
        }
        for (c = 0; c < K3A_CASE_COUNT; c++) {
            /* site-format 5: without depth, the worse of shallow and deep */
            if (one_case(r, i, (enum k3a_sc_case)c,
                         depth_open ? 0 : b->depth_mm, mains[i], &cand) == 0) {
                cand.depth_assumed = depth_open ? 2 : 0;
                worst_of(&worst, &have, &cand);
            }
            if (depth_open &&
                one_case(r, i, (enum k3a_sc_case)c,
                         r->arc_model.shallow_depth_max_mm, mains[i], &cand) == 0) {
                cand.depth_assumed = 1;
                worst_of(&worst, &have, &cand);
            }
        }
        if (!have)
            continue;
        keep_case(a, &worst);
        words(s, mains[i], a);
        a->ppe = k3a_ppe_category(&r->arc_model, a->out.energy_cal_cm2);
        k3a_approach(&r->arc_model, b->voltage_kV * 1000.0,
                     &a->limited_movable_mm, &a->limited_fixed_mm,
                     &a->restricted_mm);
    }
}

enum k3a_status k3a__arcflash_stage(struct k3a_results *r,
                                    struct k3a_diag_list *dl)
{
    const struct k3a_site *s = r->site;
    enum k3a_status st;

    r->arc = calloc(s->n_buses + 1, sizeof(*r->arc));
    if (!r->arc)
        return K3A_E_NOMEM;
    st = k3a_arc_model_build(r->models, &r->arc_model, dl);
    if (st != K3A_OK)
        return st == K3A_E_INPUT ? K3A_OK : st; /* no tables: no arc flash */
    r->has_arc_model = 1;
    {
        int32_t *mains = bus_mains(s);
        if (!mains)
            return K3A_E_NOMEM;
        arc_all(r, mains);
        free(mains);
    }
    return all_findings(r, dl);
}
