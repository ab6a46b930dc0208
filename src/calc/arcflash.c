/*
 * arcflash.c - IEEE 1584-2018 arcing current, incident energy and
 * arc-flash boundary; the Lee method above 15 kV; NFPA 70E categories.
 *
 * Pure calculation: no I/O, no globals, no allocation.  Inputs outside the
 * model's range are flagged in out->warnings, never silently extrapolated
 * without a flag.  Coefficients: models/ieee1584-2018.ini (tables by
 * number); all equation numbers below are those of IEEE 1584-2018.
 */
#include <math.h>
#include <string.h>

#include "k3audit/arcflash.h"

static const char *const warn_text[K3A_ARC_WARN_COUNT] = {
#define K3A_X(id, msg, msg_id) msg,
    K3A_ARC_WARN_MAP(K3A_X)
#undef K3A_X
};

static const char *const warn_text_id[K3A_ARC_WARN_COUNT] = {
#define K3A_X(id, msg, msg_id) msg_id,
    K3A_ARC_WARN_MAP(K3A_X)
#undef K3A_X
};

const char *k3a_arc_warn_text(unsigned bit)
{
    return bit < K3A_ARC_WARN_COUNT ? warn_text[bit] : "";
}

const char *k3a_arc_warn_text_id(unsigned bit)
{
    return bit < K3A_ARC_WARN_COUNT ? warn_text_id[bit] : "";
}

/* the three reference voltages of the MV model (kV) */
static const double VREF[3] = { 0.6, 2.7, 14.3 };

static int vidx(double voc)
{
    return fabs(voc - 0.6) < 1e-9 ? 0 : fabs(voc - 2.7) < 1e-9 ? 1 : 2;
}

/* Which rows of the coefficient tables the model file gave, by electrode
 * configuration (and reference voltage, vidx). */
struct arc_seen {
    unsigned char iarc[5][3], energy[5][3], varcf[5], cf[2][3], ees[3];
};

/* Table 1 (Eq 1, arcing current) and Tables 3-5 (Eqs 3-10, incident
 * energy and arc-flash boundary), one row an electrode configuration and
 * reference voltage. */
static void copy_iarc_energy(const struct k3a_model_file *f, struct k3a_arc_model *am,
                             struct arc_seen *seen)
{
    size_t i;

    for (i = 0; i < f->n_af_iarc; i++) {
        const struct k3a_af_iarc *r = &f->af_iarc[i];
        double *k = am->iarc[r->electrode][vidx(r->voc_kV)];
        k[0] = r->k1, k[1] = r->k2, k[2] = r->k3, k[3] = r->k4, k[4] = r->k5;
        k[5] = r->k6, k[6] = r->k7, k[7] = r->k8, k[8] = r->k9, k[9] = r->k10;
        seen->iarc[r->electrode][vidx(r->voc_kV)] = 1;
    }
    for (i = 0; i < f->n_af_energy; i++) {
        const struct k3a_af_energy *r = &f->af_energy[i];
        double *k = am->energy[r->electrode][vidx(r->voc_kV)];
        k[0] = r->k1, k[1] = r->k2, k[2] = r->k3, k[3] = r->k4, k[4] = r->k5;
        k[5] = r->k6, k[6] = r->k7, k[7] = r->k8, k[8] = r->k9, k[9] = r->k10;
        k[10] = r->k11, k[11] = r->k12, k[12] = r->k13;
        seen->energy[r->electrode][vidx(r->voc_kV)] = 1;
    }
}

/* Table 2 (Eq 2, the arcing current's variation factor), Table 7
 * (Eqs 14-15, enclosure correction) and the A and B of Eqs 11-12
 * (equivalent enclosure size). */
static void copy_corrections(const struct k3a_model_file *f, struct k3a_arc_model *am,
                             struct arc_seen *seen)
{
    size_t i;

    for (i = 0; i < f->n_af_varcf; i++) {
        const struct k3a_af_varcf *r = &f->af_varcf[i];
        double *k = am->varcf[r->electrode];
        k[0] = r->k1, k[1] = r->k2, k[2] = r->k3, k[3] = r->k4;
        k[4] = r->k5, k[5] = r->k6, k[6] = r->k7;
        seen->varcf[r->electrode] = 1;
    }
    for (i = 0; i < f->n_af_cf; i++) {
        const struct k3a_af_cf *r = &f->af_cf[i];
        am->cf[r->enclosure][r->electrode][0] = r->b1;
        am->cf[r->enclosure][r->electrode][1] = r->b2;
        am->cf[r->enclosure][r->electrode][2] = r->b3;
        seen->cf[r->enclosure][r->electrode] = 1;
    }
    for (i = 0; i < f->n_af_ees; i++) {
        am->ees_a[f->af_ees[i].electrode] = f->af_ees[i].a;
        am->ees_b[f->af_ees[i].electrode] = f->af_ees[i].b;
        seen->ees[f->af_ees[i].electrode] = 1;
    }
}

/* How many rows the tables lack: every electrode configuration at each
 * reference voltage, and the enclosure correction (typical and shallow)
 * and EES rows for VCB, VCBB and HCB. */
static int missing_rows(const struct arc_seen *seen)
{
    int e, v, missing = 0;

    for (e = 0; e < 5; e++) {
        for (v = 0; v < 3; v++)
            missing += !seen->iarc[e][v] + !seen->energy[e][v];
        missing += !seen->varcf[e];
    }
    for (e = 0; e < 3; e++)
        missing += !seen->cf[0][e] + !seen->cf[1][e] + !seen->ees[e];
    return missing;
}

/* The model's ranges and constants ([param ...]), each reported when
 * missing: how many are. */
static int copy_params(const struct k3a_model_file *f, struct k3a_arc_model *am,
                       struct k3a_diag_list *dl, struct k3a_loc l)
{
    static const struct {
        const char *name;
        size_t off;
    } params[] = {
#define P(n) { #n, offsetof(struct k3a_arc_model, n) }
        P(voc_min_kV), P(voc_max_kV), P(ibf_lv_min_kA), P(ibf_lv_max_kA),
        P(ibf_mv_min_kA), P(ibf_mv_max_kA), P(gap_lv_min_mm), P(gap_lv_max_mm),
        P(gap_mv_min_mm), P(gap_mv_max_mm), P(distance_min_mm),
        P(enclosure_max_mm), P(opening_max_m2), P(width_min_gaps),
        P(shallow_max_mm), P(shallow_depth_max_mm), P(energy_factor),
        P(lee_factor), P(joule_per_cal), P(afb_threshold_J_cm2),
#undef P
    };
    size_t i;
    int missing = 0;

    for (i = 0; i < sizeof(params) / sizeof(params[0]); i++) {
        const struct k3a_param *p = k3a_model_param(f, params[i].name);
        if (!p) {
            k3a_diag_add(dl, K3A_ERROR, K3A_E_MISSING_KEY, l,
                         "[param %s] is missing", params[i].name);
            missing++;
            continue;
        }
        *(double *)(void *)((char *)am + params[i].off) = p->value;
    }
    return missing;
}

/* NFPA 70E: the energy below which no arc-rated PPE is needed (1.2
 * cal/cm2 when the table does not say), the PPE categories and the
 * approach boundaries. */
static void copy_nfpa(const struct k3a_model_file *nf, struct k3a_arc_model *am)
{
    const struct k3a_param *p = k3a_model_param(nf, "no_ppe_max_cal_cm2");
    size_t i;

    am->no_ppe_max_cal_cm2 = p ? p->value : 1.2;
    /* the model loader holds both tables to K3A_NFPA_ROWS_MAX rows */
    for (i = 0; i < nf->n_ppe && am->n_ppe < K3A_NFPA_ROWS_MAX; i++) {
        am->ppe_category[am->n_ppe] = nf->ppe[i].category;
        am->ppe_max_cal_cm2[am->n_ppe++] = nf->ppe[i].max_cal_cm2;
    }
    for (i = 0; i < nf->n_approach && am->n_approach < K3A_NFPA_ROWS_MAX; i++) {
        int n = am->n_approach++;
        am->ap_v_above_V[n] = nf->approach[i].v_above_V;
        am->ap_v_max_V[n] = nf->approach[i].v_max_V;
        am->ap_movable_mm[n] = nf->approach[i].limited_movable_mm;
        am->ap_fixed_mm[n] = nf->approach[i].limited_fixed_mm;
        am->ap_restricted_mm[n] = nf->approach[i].restricted_mm;
    }
}

enum k3a_status k3a_arc_model_build(const struct k3a_models *m,
                                    struct k3a_arc_model *am,
                                    struct k3a_diag_list *dl)
{
    const struct k3a_model_file *f = k3a_models_find(m, "ieee1584-2018");
    const struct k3a_model_file *nf = k3a_models_find(m, "nfpa70e");
    struct arc_seen seen = { { { 0 } }, { { 0 } }, { 0 }, { { 0 } }, { 0 } };
    struct k3a_loc l = { "models/ieee1584-2018.ini", 0, "model", "" };
    int missing;

    memset(am, 0, sizeof(*am));
    if (!f || !nf) {
        k3a_diag_add(dl, K3A_ERROR, K3A_E_MISSING_KEY, l,
                     "the IEEE 1584-2018 (ieee1584-2018) and NFPA 70E (nfpa70e) "
                     "tables are needed");
        return K3A_E_INPUT;
    }
    l.file = f->file;
    copy_iarc_energy(f, am, &seen);
    copy_corrections(f, am, &seen);
    missing = missing_rows(&seen);
    if (missing) {
        k3a_diag_add(dl, K3A_ERROR, K3A_E_MISSING_KEY, l,
                     "%d rows of Tables 1-7 are missing (every electrode "
                     "configuration at 600, 2700 and 14300 V is needed)",
                     missing);
        return K3A_E_INPUT;
    }
    missing = copy_params(f, am, dl, l);
    copy_nfpa(nf, am);
    return missing ? K3A_E_INPUT : K3A_OK;
}

/* Eq 1 polynomial: k4 I^6 + ... + k9 I + k10 */
static double poly6(const double *k, double i)
{
    return (((((k[3] * i + k[4]) * i + k[5]) * i + k[6]) * i + k[7]) * i + k[8]) *
               i +
           k[9];
}

/* Eqs 3-10 denominator: k4 I^7 + ... + k10 I (no constant term) */
static double poly7(const double *k, double i)
{
    return poly6(k, i) * i;
}

/* Eq 1: intermediate average arcing current at a reference voltage */
static double iarc_eq1(const double *k, double ibf, double gap)
{
    return pow(10.0, k[0] + k[1] * log10(ibf) + k[2] * log10(gap)) *
           poly6(k, ibf);
}

/* Eqs 16-18 (and 19-21, 22-24): interpolation between 600, 2700, 14300 V */
static double interp(const double *x, double voc)
{
    double x1 = (x[1] - x[0]) / 2.1 * (voc - 2.7) + x[1];
    double x2 = (x[2] - x[1]) / 11.6 * (voc - 14.3) + x[2];
    double x3 = x1 * (2.7 - voc) / 2.1 + x2 * (voc - 0.6) / 2.1;
    return voc <= 2.7 ? x3 : x2;
}

/* Table 6 equivalent dimension (inches) */
static double equiv_dim(const struct k3a_arc_model *m, double x, int height,
                        enum k3a_electrode ec, double voc, int shallow)
{
    double a = m->ees_a[ec], b = m->ees_b[ec], lim = m->enclosure_max_mm;

    if (x < 508.0)
        return shallow ? 0.03937 * x : 20.0;
    if (x <= 660.4)
        return 0.03937 * x;
    if (height && ec == K3A_ELECTRODE_VCB)
        return x <= lim ? 0.03937 * x : 49.0;
    if (x > lim)
        x = lim;
    /* Eqs 11, 12 */
    return (660.4 + (x - 660.4) * ((voc + a) / b)) / 25.4;
}

void k3a_arc_currents(const struct k3a_arc_model *m, const struct k3a_arc_in *in,
                      struct k3a_arc_out *out)
{
    enum k3a_electrode ec = in->electrode;
    double voc = in->voc_kV, ibf = in->ibf_kA, g = in->gap_mm;
    const double *vk = m->varcf[ec];
    int v;

    memset(out, 0, sizeof(*out));
    out->lv = voc <= 0.6;
    out->open_air = ec == K3A_ELECTRODE_VOA || ec == K3A_ELECTRODE_HOA;
    if (voc > m->voc_max_kV) {
        /* Lee: the bolted current, no enclosure, no gap (section 6) */
        out->method = K3A_ARC_LEE;
        out->warnings |= K3A_ARC_WARN(VOC_LEE);
        out->iarc_kA = out->iarc_min_kA = ibf;
        out->cf = 1;
        if (in->distance_mm < m->distance_min_mm)
            out->warnings |= K3A_ARC_WARN(DISTANCE);
        return;
    }
    out->method = K3A_ARC_IEEE1584_2018;
    /* range flags (4.2) */
    if (voc < m->voc_min_kV)
        out->warnings |= K3A_ARC_WARN(VOC_LOW);
    if (out->lv ? (ibf < m->ibf_lv_min_kA || ibf > m->ibf_lv_max_kA)
                : (ibf < m->ibf_mv_min_kA || ibf > m->ibf_mv_max_kA))
        out->warnings |= K3A_ARC_WARN(IBF);
    if (out->lv ? (g < m->gap_lv_min_mm || g > m->gap_lv_max_mm)
                : (g < m->gap_mv_min_mm || g > m->gap_mv_max_mm))
        out->warnings |= K3A_ARC_WARN(GAP);
    if (in->distance_mm < m->distance_min_mm)
        out->warnings |= K3A_ARC_WARN(DISTANCE);

    /* Eq 1 at the three reference voltages; Eq 2 VarCf at the system Voc */
    out->varcf = ((((((vk[0] * voc + vk[1]) * voc + vk[2]) * voc + vk[3]) * voc +
                    vk[4]) * voc + vk[5]) * voc) + vk[6];
    if (out->lv) {
        double i600 = iarc_eq1(m->iarc[ec][0], ibf, g);
        /* Eq 25 */
        double q = (0.6 / voc) * (0.6 / voc) *
                   (1.0 / (i600 * i600) -
                    (0.36 - voc * voc) / (0.36 * ibf * ibf));
        out->iarc_v[0] = i600;
        out->iarc_kA = 1.0 / sqrt(q);
        out->iarc_min_kA = out->iarc_kA * (1.0 - 0.5 * out->varcf);
    } else {
        for (v = 0; v < 3; v++) {
            out->iarc_v[v] = iarc_eq1(m->iarc[ec][v], ibf, g);
            out->iarc_min_v[v] = out->iarc_v[v] * (1.0 - 0.5 * out->varcf);
        }
        out->iarc_kA = interp(out->iarc_v, voc);
        out->iarc_min_kA = interp(out->iarc_min_v, voc);
    }

    /* enclosure size correction factor (6.2, Tables 6-7, Eqs 11-15) */
    if (out->open_air) {
        out->cf = 1.0;
        if (in->height_mm > 0 || in->width_mm > 0 || in->depth_mm > 0)
            out->warnings |= K3A_ARC_WARN(DEPTH_OPEN);
    } else {
        double h = in->height_mm, w = in->width_mm;
        int shallow = voc < 0.6 && h < m->shallow_max_mm && w < m->shallow_max_mm &&
                      in->depth_mm > 0 && in->depth_mm <= m->shallow_depth_max_mm;
        const double *b;
        double x;
        if (h > m->enclosure_max_mm || w > m->enclosure_max_mm)
            out->warnings |= K3A_ARC_WARN(ENCL_BIG);
        if (h / 1000.0 * w / 1000.0 > m->opening_max_m2)
            out->warnings |= K3A_ARC_WARN(OPENING);
        if (w < m->width_min_gaps * g)
            out->warnings |= K3A_ARC_WARN(WIDTH_4G);
        out->enclosure = shallow ? K3A_ENCL_SHALLOW : K3A_ENCL_TYPICAL;
        out->width1_in = equiv_dim(m, w, 0, ec, voc, shallow);
        out->height1_in = equiv_dim(m, h, 1, ec, voc, shallow);
        out->ees_in = (out->width1_in + out->height1_in) / 2.0; /* Eq 13 */
        b = m->cf[out->enclosure][ec];
        x = b[0] * out->ees_in * out->ees_in + b[1] * out->ees_in + b[2];
        out->cf = shallow ? 1.0 / x : x; /* Eqs 14, 15 */
    }
}

/* Eqs 3-6: incident energy (J/cm2); ia in the k3 term, ib in the k13 term */
/* The terms of eqs 3-10 that depend on the bus and the coefficient set
 * alone, not on the arcing current or the time: worked out once for the
 * four equations of a set (each the same value as written in place). */
struct arc_terms {
    double lg, lib, ld, lcf; /* log10 of G, Ibf, D and 1/CF */
    double p7;               /* the polynomial in Ibf (k4..k10) */
};

static void arc_terms(const double *k, double ibf, double g, double d, double cf,
                      struct arc_terms *t)
{
    t->lg = log10(g);
    t->lib = log10(ibf);
    t->ld = log10(d);
    t->lcf = log10(1.0 / cf);
    t->p7 = poly7(k, ibf);
}

static double energy_eq(const struct k3a_arc_model *m, const double *k,
                        const struct arc_terms *t, double t_ms, double ia, double ib)
{
    double x;

    if (!(t_ms > 0))
        return 0.0;
    x = k[0] + k[1] * t->lg + k[2] * ia / t->p7 + k[10] * t->lib + k[11] * t->ld +
        k[12] * log10(ib) + t->lcf;
    return m->energy_factor * t_ms * pow(10.0, x);
}

/* Eqs 7-10: the distance at which the energy falls to the threshold */
static double afb_eq(const struct k3a_arc_model *m, const double *k,
                     const struct arc_terms *t, double t_ms, double ia, double ib)
{
    double x;

    if (!(t_ms > 0))
        return 0.0;
    x = k[0] + k[1] * t->lg + k[2] * ia / t->p7 + k[10] * t->lib + k[12] * log10(ib) +
        t->lcf - log10(m->afb_threshold_J_cm2 / (m->energy_factor * t_ms));
    return pow(10.0, x / -k[11]);
}

void k3a_arc_energy(const struct k3a_arc_model *m, const struct k3a_arc_in *in,
                    struct k3a_arc_out *out)
{
    enum k3a_electrode ec = in->electrode;
    double ibf = in->ibf_kA, g = in->gap_mm, d = in->distance_mm, cf = out->cf;
    int v;

    if (out->method == K3A_ARC_LEE) {
        double t_s = in->t_ms / 1000.0;
        /* Lee: E = 2.142e6 V Ibf t / D^2 (J/cm2); boundary where E = 5.0208 */
        out->e_J_cm2 = out->e_min_J_cm2 =
            m->lee_factor * in->voc_kV * ibf * t_s / (d * d);
        out->afb_mm = out->afb_min_mm =
            sqrt(m->lee_factor * in->voc_kV * ibf * t_s / m->afb_threshold_J_cm2);
    } else if (out->lv) {
        const double *k = m->energy[ec][0];
        double i600 = out->iarc_v[0];
        struct arc_terms t;
        arc_terms(k, ibf, g, d, cf, &t);
        /* Eq 6 and Eq 10; the reduced case keeps the full Iarc_600 in the
         * k3 term (Annex D.2) */
        out->e_J_cm2 = energy_eq(m, k, &t, in->t_ms, i600, out->iarc_kA);
        out->e_min_J_cm2 = energy_eq(m, k, &t, in->t_min_ms, i600, out->iarc_min_kA);
        out->afb_mm = afb_eq(m, k, &t, in->t_ms, i600, out->iarc_kA);
        out->afb_min_mm = afb_eq(m, k, &t, in->t_min_ms, i600, out->iarc_min_kA);
    } else {
        for (v = 0; v < 3; v++) {
            const double *k = m->energy[ec][v];
            struct arc_terms t;
            arc_terms(k, ibf, g, d, cf, &t);
            /* Eqs 3-5 and 7-9 */
            out->e_v[v] = energy_eq(m, k, &t, in->t_ms, out->iarc_v[v], out->iarc_v[v]);
            out->e_min_v[v] = energy_eq(m, k, &t, in->t_min_ms, out->iarc_min_v[v],
                                        out->iarc_min_v[v]);
            out->afb_v[v] = afb_eq(m, k, &t, in->t_ms, out->iarc_v[v], out->iarc_v[v]);
            out->afb_min_v[v] = afb_eq(m, k, &t, in->t_min_ms, out->iarc_min_v[v],
                                       out->iarc_min_v[v]);
        }
        /* Eqs 19-24 */
        out->e_J_cm2 = interp(out->e_v, in->voc_kV);
        out->e_min_J_cm2 = interp(out->e_min_v, in->voc_kV);
        out->afb_mm = interp(out->afb_v, in->voc_kV);
        out->afb_min_mm = interp(out->afb_min_v, in->voc_kV);
    }
    /* the larger energy governs, with its own boundary (section 2 step 9) */
    out->governing = out->e_min_J_cm2 > out->e_J_cm2;
    out->energy_J_cm2 = out->governing ? out->e_min_J_cm2 : out->e_J_cm2;
    out->afb_gov_mm = out->governing ? out->afb_min_mm : out->afb_mm;
    out->energy_cal_cm2 = out->energy_J_cm2 / m->joule_per_cal;
    (void)VREF;
}

void k3a_arc_compute(const struct k3a_arc_model *m, const struct k3a_arc_in *in,
                     struct k3a_arc_out *out)
{
    k3a_arc_currents(m, in, out);
    k3a_arc_energy(m, in, out);
}

const char *k3a_ppe_category(const struct k3a_arc_model *m, double cal)
{
    static const char *const names[] = { "0", "1", "2", "3", "4", "5", "6",
                                         "7", "8", "9" };
    int i, best = -1;

    if (!(cal > m->no_ppe_max_cal_cm2))
        return "0";
    for (i = 0; i < m->n_ppe; i++)
        if (!(cal > m->ppe_max_cal_cm2[i]) &&
            (best < 0 || m->ppe_max_cal_cm2[i] < m->ppe_max_cal_cm2[best]))
            best = i;
    if (best < 0)
        return "dangerous";
    return names[m->ppe_category[best] >= 0 && m->ppe_category[best] <= 9
                     ? m->ppe_category[best]
                     : 0];
}

int k3a_approach(const struct k3a_arc_model *m, double voltage_V,
                 double *movable, double *fixed, double *restricted)
{
    int i;

    for (i = 0; i < m->n_approach; i++)
        if (voltage_V > m->ap_v_above_V[i] && !(voltage_V > m->ap_v_max_V[i])) {
            *movable = m->ap_movable_mm[i];
            *fixed = m->ap_fixed_mm[i];
            *restricted = m->ap_restricted_mm[i];
            return 1;
        }
    return 0;
}
