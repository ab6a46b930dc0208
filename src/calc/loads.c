/*
 * loads.c - cable capacity (IEC 60364-5-52 Annex B), conductor resistance
 * at temperature (IEC 60228), voltage drop (IEC 60364-5-52 Annex G),
 * motor efficiency (IEC 60034-30-1) and the coordination factors of IEC
 * 60364-4-43.  Every number comes from a models/ table; nothing here
 * extrapolates a table.
 */
#include <math.h>
#include <string.h>

#include "k3audit/loads.h"

/* Every row of a kind across the model files (by index: a file without
 * such rows has a NULL array, and NULL + 0 is undefined). */
#define EACH_ROW(m, field, T, r)                                             \
    for (size_t f_ = 0; f_ < (m)->n; f_++)                                   \
        for (size_t i_ = 0; i_ < (m)->files[f_].n_##field; i_++)             \
            for (const T *r = &(m)->files[f_].field[i_]; r; r = NULL)

static double param(const struct k3a_models *m, const char *file,
                    const char *name, double fb)
{
    const struct k3a_param *p = k3a_models_param(m, file, name);
    return p ? p->value : fb;
}

static int is_ground(enum k3a_method me)
{
    return me == K3A_METHOD_D1 || me == K3A_METHOD_D2;
}

/* The exact table entry at x (sizes, circuits); -1 if not listed. */
static long exact_at(const struct k3a_reading_list *x, double v)
{
    size_t i;

    for (i = 0; i < x->n; i++)
        if (fabs(x->v[i].value - v) <= 1e-9 * (fabs(v) + 1.0))
            return (long)i;
    return -1;
}

/* Linear interpolation in an ascending table; NAN outside it. */
static double interp(const struct k3a_reading_list *x,
                     const struct k3a_reading_list *y, double v)
{
    size_t i, n = x->n < y->n ? x->n : y->n;

    if (!n || v < x->v[0].value - 1e-9 || v > x->v[n - 1].value + 1e-9)
        return NAN;
    for (i = 1; i < n; i++)
        if (v <= x->v[i].value) {
            double x0 = x->v[i - 1].value, x1 = x->v[i].value;
            double t = (v - x0) / (x1 - x0);
            return y->v[i - 1].value + t * (y->v[i].value - y->v[i - 1].value);
        }
    return y->v[n - 1].value;
}

unsigned k3a_ampacity(const struct k3a_models *m,
                      const struct k3a_ampacity_in *in,
                      struct k3a_ampacity_out *out)
{
    const struct k3a_ampacity_row *row = NULL;
    const struct k3a_ambient_row *amb = NULL;
    const struct k3a_grouping_row *grp = NULL;
    enum k3a_medium medium =
        is_ground(in->method) ? K3A_MEDIUM_GROUND : K3A_MEDIUM_AIR;
    enum k3a_group_row gr = in->arrangement;
    long k;

    memset(out, 0, sizeof(*out));
    out->clause_table = out->clause_temp = out->clause_group = "";
    out->confidence = "";
    out->k_temp = out->k_group = 1.0;
    /* REF: IEC 60364-5-52 Tables B.52.2-B.52.5, B.52.10/12 */
    EACH_ROW(m, ampacity, struct k3a_ampacity_row, r)
        if (r->material == in->material && r->insulation == in->insulation &&
            r->loaded == in->loaded && r->method == in->method)
            row = r;
    if (!row) {
        out->flags |= K3A_AMP_NO_TABLE;
    } else {
        out->clause_table = row->clause;
        out->confidence = row->confidence ? row->confidence : "";
        k = exact_at(&row->sizes_mm2, in->size_mm2);
        if (k < 0 || (size_t)k >= row->iz_A.n)
            out->flags |= K3A_AMP_SIZE;
        else
            out->itab_A = row->iz_A.v[k].value;
    }
    /* REF: IEC 60364-5-52 Table B.52.14 (air, 30 C) / B.52.15 (ground,
     * 20 C), linear between tabulated temperatures */
    out->ambient_C = isnan(in->ambient_C)
                         ? (medium == K3A_MEDIUM_GROUND ? 20.0 : 30.0)
                         : in->ambient_C;
    EACH_ROW(m, ambient, struct k3a_ambient_row, r)
        if (r->medium == medium && r->insulation == in->insulation)
            amb = r;
    if (!amb) {
        out->flags |= K3A_AMP_NO_FACTORS;
    } else {
        out->clause_temp = amb->clause;
        out->k_temp = interp(&amb->temperatures_C, &amb->factors,
                             out->ambient_C);
        if (isnan(out->k_temp))
            out->flags |= K3A_AMP_AMBIENT;
    }
    /* REF: IEC 60364-5-52 Tables B.52.17 (air, by arrangement), B.52.18
     * (D2, direct in ground), B.52.19 (D1, in ducts) */
    if (in->method == K3A_METHOD_D2)
        gr = K3A_GROUP_GROUND_DIRECT;
    else if (in->method == K3A_METHOD_D1)
        gr = K3A_GROUP_GROUND_DUCT;
    EACH_ROW(m, grouping, struct k3a_grouping_row, r)
        if (r->arrangement == gr)
            grp = r;
    if (in->grouped <= 1) {
        out->k_group = 1.0;
        if (grp)
            out->clause_group = grp->clause;
    } else if (!grp) {
        out->flags |= K3A_AMP_NO_FACTORS;
    } else {
        size_t n = grp->circuits.n < grp->factors.n ? grp->circuits.n
                                                    : grp->factors.n;
        size_t i;
        out->clause_group = grp->clause;
        out->k_group = NAN;
        /* between listed counts the next larger count applies (the lower
         * factor); beyond the last: the last where the table says it
         * holds, otherwise outside the table */
        for (i = 0; i < n; i++)
            if (grp->circuits.v[i].value >= (double)in->grouped - 1e-9) {
                out->k_group = grp->factors.v[i].value;
                break;
            }
        if (i == n && n && grp->beyond_last)
            out->k_group = grp->factors.v[n - 1].value;
        if (isnan(out->k_group))
            out->flags |= K3A_AMP_GROUPING;
    }
    if (!out->flags)
        out->iz_A = out->itab_A * out->k_temp * out->k_group *
                    (in->parallel > 1 ? in->parallel : 1);
    return out->flags;
}

double k3a_conductor_max_C(const struct k3a_models *m,
                           enum k3a_insulation_type ins)
{
    /* REF: IEC 60364-5-52 Table 52.1 */
    return ins == K3A_INS_XLPE ? param(m, "cables", "conductor_max_xlpe_C", 90)
                               : param(m, "cables", "conductor_max_pvc_C", 70);
}

double k3a_conductor_r_ohm_km(const struct k3a_models *m,
                              enum k3a_material mat, double size_mm2,
                              double r20_ohm_km, double temp_C)
{
    double r20 = r20_ohm_km, alpha;

    if (!(r20 > 0)) {
        const struct k3a_conductor *c = k3a_models_conductor(m, mat, size_mm2);
        if (!c)
            return NAN;
        r20 = c->r20_ohm_km;
    }
    /* REF: IEC 60228 / methods.md 3.3: R_theta = R20 (1 + a20 (theta-20)) */
    alpha = mat == K3A_MAT_AL ? param(m, "conductors", "alpha_al_per_K", 0.00403)
                              : param(m, "conductors", "alpha_cu_per_K", 0.00393);
    return r20 * (1.0 + alpha * (temp_C - 20.0));
}

double k3a_vdrop_V(int phases, double current_A, double length_m,
                   double r_ohm_km, double x_ohm_km, double power_factor,
                   int parallel)
{
    /* REF: IEC 60364-5-52 Annex G (Schneider EIG "Calculation of voltage
     * drop in steady load conditions"): three-phase line-to-line
     * dU = sqrt(3) I (R cos + X sin) L, single-phase dU = 2 I (...) L */
    double b = phases == 1 ? 2.0 : sqrt(3.0);
    double pf = power_factor > 1.0 ? 1.0 : power_factor;
    double sinphi = sqrt(1.0 - pf * pf);
    double np = parallel > 1 ? parallel : 1;

    return b * current_A * (r_ohm_km * pf + x_ohm_km * sinphi) / np *
           length_m / 1000.0;
}

static const struct k3a_motoreff *eff_row(const struct k3a_models *m,
                                          enum k3a_ie_class cls, int poles)
{
    const struct k3a_motoreff *best = NULL;

    EACH_ROW(m, motoreff, struct k3a_motoreff, r)
        if (r->ie_class == cls && r->poles == poles)
            best = r;
    return best;
}

double k3a_motor_eff_pct(const struct k3a_models *m, enum k3a_ie_class cls,
                         int poles, double rated_kW, const char **clause,
                         const char **note)
{
    const struct k3a_motoreff *r = eff_row(m, cls, poles), *r4;
    size_t i, n;

    *note = NULL;
    *clause = "";
    /* the 2- and 6-pole rows stop at 7.5 kW: the 4-pole row beyond */
    r4 = eff_row(m, cls, 4);
    if (!r || (r->kw.n && rated_kW > r->kw.v[r->kw.n - 1].value)) {
        if (r4 && r4 != r) {
            r = r4;
            *note = "tabel 4 kutub dipakai (tidak ada data untuk jumlah "
                    "kutub ini pada daya ini)";
        }
    }
    if (!r)
        return NAN;
    *clause = r->clause;
    n = r->kw.n < r->eff_pct.n ? r->kw.n : r->eff_pct.n;
    if (!n)
        return NAN;
    if (rated_kW < r->kw.v[0].value) {
        *note = "daya di bawah tabel IEC 60034-30-1 (0,75 kW): nilai 0,75 kW "
                "dipakai";
        return r->eff_pct.v[0].value;
    }
    if (rated_kW > r->kw.v[n - 1].value) {
        *note = "daya di atas tabel IEC 60034-30-1: nilai terakhir dipakai";
        return r->eff_pct.v[n - 1].value;
    }
    for (i = n; i-- > 0;)
        if (r->kw.v[i].value <= rated_kW * (1 + 1e-9))
            return r->eff_pct.v[i].value;
    return r->eff_pct.v[0].value;
}

double k3a_load_kind_pf(const struct k3a_models *m, enum k3a_load_kind kind,
                        const char **clause)
{
    static const char *const words[] = { "motor", "lighting", "hvac",
                                         "socket", "heater", "process",
                                         "other" };
    double pf = NAN;

    *clause = "";
    EACH_ROW(m, loadkind, struct k3a_loadkind, r)
        if ((size_t)kind < sizeof(words) / sizeof(words[0]) &&
            strcmp(r->hdr.name, words[kind]) == 0) {
            pf = r->power_factor;
            *clause = r->clause;
        }
    return pf;
}

double k3a_adiabatic_k(const struct k3a_models *m, enum k3a_material mat,
                       enum k3a_insulation_type ins, const char **clause)
{
    double k = NAN;

    *clause = "";
    EACH_ROW(m, adiabatic, struct k3a_adiabatic, r)
        if (r->material == mat && r->insulation == ins) {
            k = r->k;
            *clause = r->clause;
        }
    return k;
}

double k3a_i2_factor(const struct k3a_models *m, enum k3a_device_type type,
                     double rating_A, const char **clause)
{
    const struct k3a_i2_row *best = NULL;

    *clause = "";
    EACH_ROW(m, i2, struct k3a_i2_row, r)
        if (r->type == type && r->rating_max_A >= rating_A &&
            (!best || r->rating_max_A < best->rating_max_A))
            best = r;
    if (!best)
        return NAN;
    *clause = best->clause;
    return best->factor;
}
