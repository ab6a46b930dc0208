/*
 * protection.c - clearing times of protective devices, and of a fault at
 * a bus through its chain of devices.  Pure.
 *
 * REF: IEC 60255-151:2009 / IEEE C37.112-2018: t = TMS (k / (M^a - 1) + c)
 *      with the constants of models/protection.ini;
 *      IEC 60898-1 Table 7: MCB instantaneous bands;
 *      site-format section 3: element order, opening times, tcc rules,
 *      which device clears, arc_time_max_s.
 */
#include <math.h>
#include <string.h>

#include "k3audit/protection.h"
#include "schema.h"

static const char *const curve_words[] = { "B", "C", "D", "IEC_SI", "IEC_VI",
                                           "IEC_EI", "IEC_LTI", "IEEE_MI",
                                           "IEEE_VI", "IEEE_EI", "DT" };

/* t = TMS (k / (M^a - 1) + c), M capped at cap (IEC 60255-151 5.2:
 * defined up to 20 x setting). */
static double inverse_time_s(const struct k3a_curve_coef *cf, double cap,
                             double pickup_A, double tms, double current_A)
{
    double M = current_A / pickup_A;

    if (!(M > 1.0))
        return INFINITY;
    if (M > cap)
        M = cap;
    return tms * (cf->k / (pow(M, cf->alpha) - 1.0) + cf->c);
}

static double curve_cap(const struct k3a_models *m)
{
    const struct k3a_param *mx = k3a_models_param(m, "protection", "curve_max_multiple");
    return mx ? mx->value : 20.0;
}

double k3a_relay_time_s(const struct k3a_models *m, enum k3a_curve curve,
                        double pickup_A, double tms, double current_A,
                        double definite_time_s)
{
    const struct k3a_curve_coef *cf;

    if (!(pickup_A > 0))
        return -1;
    if (curve == K3A_CURVE_DT)
        return current_A > pickup_A ? definite_time_s : INFINITY;
    if (curve < K3A_CURVE_IEC_SI || curve > K3A_CURVE_IEEE_EI)
        return -1;
    cf = k3a_models_curve(m, curve_words[curve]);
    if (!cf)
        return -1;
    return inverse_time_s(cf, curve_cap(m), pickup_A, tms, current_A);
}

/* log-log interpolation of total clearing time on tcc points */
static enum k3a_trip tcc_time(const struct k3a_pairs *p, double i, double *t)
{
    size_t j;

    if (!p->n || i < p->x[0])
        return K3A_TRIP_NEVER;
    if (i >= p->x[p->n - 1]) {
        *t = p->y[p->n - 1];
        return K3A_TRIP_YES;
    }
    for (j = 1; j < p->n; j++)
        if (i < p->x[j]) {
            double f = (log(i) - log(p->x[j - 1])) /
                       (log(p->x[j]) - log(p->x[j - 1]));
            *t = exp(log(p->y[j - 1]) + f * (log(p->y[j]) - log(p->y[j - 1])));
            return K3A_TRIP_YES;
        }
    *t = p->y[p->n - 1];
    return K3A_TRIP_YES;
}

static void consider(struct k3a_trip_time *best, enum k3a_trip trip, double t,
                     const char *element)
{
    if (trip == K3A_TRIP_YES) {
        if (best->trip != K3A_TRIP_YES || t < best->time_s) {
            best->trip = K3A_TRIP_YES;
            best->time_s = t;
            best->element = element;
        }
    } else if (trip == K3A_TRIP_UNKNOWN && best->trip == K3A_TRIP_NEVER) {
        best->trip = K3A_TRIP_UNKNOWN;
        best->element = element;
    }
}

void k3a_devices_prepare(const struct k3a_device *d, size_t n,
                         const struct k3a_models *m, struct k3a_trip_prep *out)
{
    /* the keys and the curve cap are looked up once for all n devices */
    const struct k3a__kind *kd = k3a__site_kind(K3A_KIND_DEVICE);
    int key_curve = k3a__key_index(kd, "curve");
    int key_inst = k3a__key_index(kd, "instantaneous_A");
    int key_short = k3a__key_index(kd, "short_time_A");
    int key_opening = k3a__key_index(kd, "opening_ms");
    double cap = curve_cap(m);
    size_t i;

    for (i = 0; i < n; i++) {
        struct k3a_trip_prep *p = &out[i];
        const struct k3a_elem *e = &d[i].hdr;
        memset(p, 0, sizeof(*p));
        p->has_curve = (unsigned char)k3a__given(e, key_curve);
        p->has_inst = (unsigned char)k3a__given(e, key_inst);
        p->has_short_time = (unsigned char)k3a__given(e, key_short);
        p->given_opening = (unsigned char)k3a__given(e, key_opening);
        p->curve_cap = cap;
        if (p->has_curve && d[i].curve <= K3A_CURVE_D)
            p->band = k3a_models_mcb(m, curve_words[d[i].curve]);
        else if (p->has_curve && d[i].curve >= K3A_CURVE_IEC_SI &&
                 d[i].curve <= K3A_CURVE_IEEE_EI)
            p->coef = k3a_models_curve(m, curve_words[d[i].curve]);
    }
}

void k3a_device_prepare(const struct k3a_device *d, const struct k3a_models *m,
                        struct k3a_trip_prep *p)
{
    k3a_devices_prepare(d, 1, m, p);
}

void k3a_device_trip(const struct k3a_device *d, const struct k3a_models *m,
                     double I, struct k3a_trip_time *out)
{
    struct k3a_trip_prep p;

    k3a_device_prepare(d, m, &p);
    k3a_device_trip_prep(d, &p, I, out);
}

void k3a_device_trip_prep(const struct k3a_device *d,
                          const struct k3a_trip_prep *p, double I,
                          struct k3a_trip_time *out)
{
    double open_s = d->opening_ms / 1000.0, t;
    int inst = p->has_inst, st = p->has_short_time;

    out->trip = K3A_TRIP_NEVER;
    out->time_s = INFINITY;
    out->element = "";
    if (!(I > 0))
        return;
    /* instantaneous element: no intentional delay */
    if (inst && I >= d->instantaneous_A)
        consider(out, K3A_TRIP_YES, open_s, "instantaneous");
    /* short-time element: definite delay between its pickup and the
     * instantaneous setting */
    if (st && I >= d->short_time_A && !(inst && I >= d->instantaneous_A))
        consider(out, K3A_TRIP_YES, d->short_time_s + open_s, "short_time");
    if (p->has_curve && d->curve <= K3A_CURVE_D) {
        if (p->band && I >= p->band->high_multiple * d->rating_A)
            consider(out, K3A_TRIP_YES, open_s, "mcb_band");
        else if (!d->tcc.n)
            consider(out, K3A_TRIP_UNKNOWN, 0, "mcb_band");
    } else if (p->has_curve) {
        if (!(d->pickup_A > 0))
            t = -1;
        else if (d->curve == K3A_CURVE_DT)
            t = I > d->pickup_A ? d->definite_time_s : INFINITY;
        else if (p->coef)
            t = inverse_time_s(p->coef, p->curve_cap, d->pickup_A, d->tms, I);
        else
            t = -1;
        if (t < 0)
            consider(out, K3A_TRIP_UNKNOWN, 0, "curve");
        else if (isfinite(t))
            consider(out, K3A_TRIP_YES, t + open_s,
                     d->curve == K3A_CURVE_DT ? "definite_time" : "curve");
    }
    if (d->tcc.n) {
        enum k3a_trip tr = tcc_time(&d->tcc, I, &t);
        /* tcc points are total clearing times: opening_ms only when given */
        consider(out, tr, tr == K3A_TRIP_YES ? t + (p->given_opening ? open_s : 0) : 0,
                 "tcc");
    }
    if (out->trip == K3A_TRIP_NEVER && !p->has_curve && !d->tcc.n)
        /* only an instantaneous (or short-time) setting and the current is
         * below it: the long-time behaviour is not known */
        consider(out, K3A_TRIP_UNKNOWN, 0, "no_curve");
}

/* The fastest device of the steps matching (path, any level): every
 * device on a path carries the fault current in series, so whichever
 * opens first ends it (an upstream device faster than the nearest one is
 * a loss of selectivity, reported by the caller through `backup`). */
static double path_time(const struct k3a_site *s, const struct k3a_models *m,
                        const struct k3a_trip_prep *prep,
                        const struct k3a_clear_step *st, size_t lo, size_t hi,
                        unsigned path, double scale, int32_t *dev, double *cur,
                        unsigned *level, int *any, int *unknown)
{
    double best = INFINITY;
    size_t i;

    for (i = lo; i < hi; i++) {
        struct k3a_trip_time tt;
        if (st[i].path != path)
            continue;
        *any = 1;
        if (prep)
            k3a_device_trip_prep(&s->devices[st[i].device], &prep[st[i].device],
                                 st[i].current_A * scale, &tt);
        else
            k3a_device_trip(&s->devices[st[i].device], m, st[i].current_A * scale,
                            &tt);
        if (tt.trip == K3A_TRIP_UNKNOWN)
            *unknown = 1;
        if (tt.trip == K3A_TRIP_YES &&
            (tt.time_s < best ||
             (tt.time_s <= best && st[i].level < *level))) {
            best = tt.time_s;
            *dev = st[i].device;
            *cur = st[i].current_A * scale;
            *level = st[i].level;
        }
    }
    return best;
}

static void clearing_eval(const struct k3a_site *s, const struct k3a_models *m,
                          const struct k3a_trip_prep *prep,
                          const struct k3a_sc_results *r, size_t bus,
                          enum k3a_sc_case c, double scale, int line_side,
                          struct k3a_clearing *out)
{
    const struct k3a_clear_step *st;
    size_t lo, hi, i;
    double tmax = s->site.arc_time_max_s > 0 ? s->site.arc_time_max_s : 2.0;
    double t_main, worst = 0, cur = 0;
    int32_t dev = -1;
    unsigned p, max_path = 0, level = 0;
    int any_main = 0, any_path = 0, all_paths = 1, from_main = 0;

    memset(out, 0, sizeof(*out));
    out->device = -1;
    out->time_s = tmax;
    out->uncapped_s = INFINITY;
    if (!r->has_case[c] || bus >= r->n_bus || !r->start[c]) {
        out->no_device = 1;
        out->capped = 1;
        return;
    }
    lo = r->start[c][bus];
    hi = r->start[c][bus + 1];
    st = r->steps[c];
    /* the bus's own main(s): in series with every path */
    level = 0;
    t_main = line_side ? INFINITY
                       : path_time(s, m, prep, st, lo, hi, 0xffff, scale, &dev, &cur,
                                   &level, &any_main, &out->unknown);
    for (i = lo; i < hi; i++)
        if (st[i].path != 0xffff && st[i].path + 1u > max_path)
            max_path = st[i].path + 1u;
    /* every source path must open; the fault lasts until the last does */
    for (p = 0; p < max_path; p++) {
        int32_t pd = -1;
        double pc = 0;
        unsigned pl = 0xffff;
        double t = path_time(s, m, prep, st, lo, hi, p, scale, &pd, &pc, &pl,
                             &any_path, &out->unknown);
        if (!isfinite(t)) {
            all_paths = 0;
            continue;
        }
        if (t >= worst && (pd >= 0)) {
            worst = t;
            if (!(t_main <= worst)) {
                out->device = pd;
                out->current_A = pc;
                out->backup = pl > 1;
            }
        }
    }
    if (isfinite(t_main) && (!all_paths || !max_path || t_main <= worst)) {
        out->device = dev;
        out->current_A = cur;
        out->time_s = t_main;
        from_main = 1;
    } else if (max_path && all_paths && out->device >= 0) {
        out->time_s = worst;
    } else {
        out->device = -1;
    }
    (void)from_main;
    if (!any_main && !any_path)
        out->no_device = 1;
    out->uncapped_s = out->device >= 0 ? out->time_s : INFINITY;
    if (out->device < 0 || !(out->time_s <= tmax)) {
        out->capped = 1;
        out->time_s = tmax;
    }
}

void k3a_clearing_eval(const struct k3a_site *s, const struct k3a_models *m,
                       const struct k3a_trip_prep *prep,
                       const struct k3a_sc_results *r, size_t bus,
                       enum k3a_sc_case c, double scale,
                       struct k3a_clearing *out)
{
    clearing_eval(s, m, prep, r, bus, c, scale, 0, out);
}

void k3a_clearing_eval_line(const struct k3a_site *s, const struct k3a_models *m,
                            const struct k3a_trip_prep *prep,
                            const struct k3a_sc_results *r, size_t bus,
                            enum k3a_sc_case c, double scale,
                            struct k3a_clearing *out)
{
    clearing_eval(s, m, prep, r, bus, c, scale, 1, out);
}
