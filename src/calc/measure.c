/*
 * measure.c - field-reading calculations (measure.h).  Pure; GSL is used
 * for the Tagg root (Brent) and the two-layer soil fit (multifit_nlinear).
 *
 * REF: methods.md 1.1 (61.8 % rule), 1.2 (Tagg, Megger Table VII), 1.3
 * (Wenner, Schlumberger-Palmer / IEEE 81), 1.4 (Dwight / IEEE 142), 1.5
 * (IEEE 142 multiplying factors), 1.7 (two-layer model, IEEE 81 Annex B),
 * 2.2 (IEEE 43), 3.6 (NEMA MG-1, IEC 61000-4-30), 7 (NETA MTS Table
 * 100.18).
 */
#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_multifit_nlinear.h>
#include <gsl/gsl_roots.h>

#include "k3audit/measure.h"

static const double PI = 3.14159265358979323846;

double k3a_wenner_rho(double a, double r, double b)
{
    if (!(b > 0))
        return 2.0 * PI * a * r;
    return 4.0 * PI * a * r /
           (1.0 + 2.0 * a / sqrt(a * a + 4.0 * b * b) - a / sqrt(a * a + b * b));
}

double k3a_schlumberger_rho(double L, double d, double r)
{
    double l = d / 2.0;
    return PI * (L * L - l * l) * r / (2.0 * l);
}

double k3a_rod_ohm(double rho, double L, double d_mm)
{
    return rho / (2.0 * PI * L) * (log(8.0 * L / (d_mm / 1000.0)) - 1.0);
}

double k3a_rods_ohm(double r1, int n, const double *tn, const double *tf,
                    size_t len)
{
    double f = 1.0;
    size_t i;

    if (n <= 1 || !len)
        return r1;
    if (n <= tn[0])
        f = 1.0 + (tf[0] - 1.0) * (n - 1) / (tn[0] - 1.0);
    else if (n >= tn[len - 1])
        f = tf[len - 1];
    else
        for (i = 1; i < len; i++)
            if (n <= tn[i]) {
                f = tf[i - 1] + (tf[i] - tf[i - 1]) * (n - tn[i - 1]) /
                                    (tn[i] - tn[i - 1]);
                break;
            }
    return f * r1 / n;
}

/* linear interpolation of r at p; 0 when p is outside the readings */
static int interp_at(const double *p, const double *r, size_t n, double x,
                     double *y)
{
    size_t i;

    for (i = 1; i < n; i++)
        if (x >= p[i - 1] && x <= p[i]) {
            *y = r[i - 1] + (r[i] - r[i - 1]) * (x - p[i - 1]) / (p[i] - p[i - 1]);
            return 1;
        }
    return 0;
}

enum k3a_status k3a_fop_618(const double *p, const double *r, size_t n,
                            double c, double tol, double *r618, double *spread,
                            int *flat)
{
    double lo, hi;

    if (!interp_at(p, r, n, 0.618 * c, r618))
        return K3A_E_INPUT;
    if (!interp_at(p, r, n, 0.52 * c, &lo) || !interp_at(p, r, n, 0.72 * c, &hi)) {
        *spread = NAN;
        *flat = -1; /* not enough readings to judge */
        return K3A_OK;
    }
    *spread = fabs(hi - lo) / *r618;
    *flat = *spread <= tol;
    return K3A_OK;
}

/* hemisphere model with the electrical centre offset by x (methods.md 1.2) */
static double g_fn(double p, double x)
{
    return -1.0 / (1.0 + x) - 1.0 / (p + x) + 1.0 / (1.0 - p);
}

static double mu_of_x(double x)
{
    return (g_fn(0.6, x) - g_fn(0.4, x)) / (g_fn(0.4, x) - g_fn(0.2, x));
}

struct mu_target {
    double mu;
};

static double mu_eq(double x, void *p)
{
    return mu_of_x(x) - ((struct mu_target *)p)->mu;
}

static double pt_eq(double p, void *xp)
{
    return g_fn(p, *(double *)xp);
}

static int brent(double (*f)(double, void *), void *param, double lo, double hi,
                 double *root)
{
    gsl_root_fsolver *s = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
    gsl_function F;
    int it, status = GSL_CONTINUE;

    if (!s)
        return -1;
    F.function = f;
    F.params = param;
    if (gsl_root_fsolver_set(s, &F, lo, hi) != GSL_SUCCESS) {
        gsl_root_fsolver_free(s);
        return -1;
    }
    for (it = 0; it < 200 && status == GSL_CONTINUE; it++) {
        double a, b;
        if (gsl_root_fsolver_iterate(s) != GSL_SUCCESS)
            break;
        a = gsl_root_fsolver_x_lower(s);
        b = gsl_root_fsolver_x_upper(s);
        status = gsl_root_test_interval(a, b, 1e-12, 1e-12);
    }
    *root = gsl_root_fsolver_root(s);
    gsl_root_fsolver_free(s);
    return status == GSL_SUCCESS ? 0 : -1;
}

enum k3a_status k3a_tagg_ptc(double mu, double *ptc)
{
    struct mu_target t;
    double x;

    if (mu < 0.40 - 1e-9 || mu > 1.59 + 1e-9)
        return K3A_E_RANGE;
    t.mu = mu;
    /* mu(x) is monotonic on (-0.19, 1): the offset of the electrical
     * centre behind the measuring point */
    if (brent(mu_eq, &t, -0.19, 0.999, &x) != 0)
        return K3A_E_NUMERIC;
    /* g(p, x) has a pole at p = -x: bracket the root above it */
    if (brent(pt_eq, &x, fmax(0.01, -x + 1e-9), 0.99, ptc) != 0)
        return K3A_E_NUMERIC;
    return K3A_OK;
}

enum k3a_status k3a_tagg(const double *p, const double *r, size_t n, double c,
                         double *mu, double *ptc, double *rpt)
{
    double r1, r2, r3;
    enum k3a_status st;

    if (n < 6 || !interp_at(p, r, n, 0.2 * c, &r1) ||
        !interp_at(p, r, n, 0.4 * c, &r2) || !interp_at(p, r, n, 0.6 * c, &r3))
        return K3A_E_INPUT;
    if (!(fabs(r2 - r1) > 0))
        return K3A_E_RANGE;
    *mu = (r3 - r2) / (r2 - r1);
    st = k3a_tagg_ptc(*mu, ptc);
    if (st != K3A_OK)
        return st;
    if (!interp_at(p, r, n, *ptc * c, rpt))
        return K3A_E_INPUT;
    return K3A_OK;
}

double k3a_two_layer_rho_a(double r1, double r2, double h, double a)
{
    double K = (r2 - r1) / (r2 + r1), s = 0, Kn = 1;
    int n;

    for (n = 1; n <= 5000; n++) {
        double t = 2.0 * n * h / a, term;
        Kn *= K;
        term = Kn * (1.0 / sqrt(1.0 + t * t) - 1.0 / sqrt(4.0 + t * t));
        s += term;
        if (fabs(term) < 1e-12)
            break;
    }
    return r1 * (1.0 + 4.0 * s);
}

struct soil_data {
    size_t n;
    const double *a, *rho;
};

static int soil_resid(const gsl_vector *x, void *p, gsl_vector *f)
{
    const struct soil_data *d = p;
    double r1 = exp(gsl_vector_get(x, 0)), r2 = exp(gsl_vector_get(x, 1));
    double h = exp(gsl_vector_get(x, 2));
    size_t i;

    for (i = 0; i < d->n; i++)
        gsl_vector_set(f, i,
                       (d->rho[i] - k3a_two_layer_rho_a(r1, r2, h, d->a[i])) /
                           d->rho[i]);
    return GSL_SUCCESS;
}

enum k3a_status k3a_two_layer_fit(const double *a, const double *rho, size_t n,
                                  double *rho1, double *rho2, double *h,
                                  double *rms)
{
    gsl_multifit_nlinear_parameters par = gsl_multifit_nlinear_default_parameters();
    gsl_multifit_nlinear_workspace *w;
    gsl_multifit_nlinear_fdf fdf;
    struct soil_data d;
    gsl_vector *x0;
    size_t i, mid;
    double ss = 0;
    int info, st;

    if (n < 3)
        return K3A_E_INPUT;
    for (i = 0; i < n; i++)
        if (!(a[i] > 0) || !(rho[i] > 0))
            return K3A_E_INPUT;
    d.n = n;
    d.a = a;
    d.rho = rho;
    fdf.f = soil_resid;
    fdf.df = NULL; /* finite-difference Jacobian */
    fdf.fvv = NULL;
    fdf.n = n;
    fdf.p = 3;
    fdf.params = &d;
    w = gsl_multifit_nlinear_alloc(gsl_multifit_nlinear_trust, &par, n, 3);
    x0 = gsl_vector_alloc(3);
    if (!w || !x0) {
        if (w)
            gsl_multifit_nlinear_free(w);
        if (x0)
            gsl_vector_free(x0);
        return K3A_E_NOMEM;
    }
    /* start: top layer from the shortest spacing, bottom from the longest,
     * the boundary at the median spacing (methods.md 1.7) */
    mid = n / 2;
    gsl_vector_set(x0, 0, log(rho[0]));
    gsl_vector_set(x0, 1, log(rho[n - 1]));
    gsl_vector_set(x0, 2, log(a[mid]));
    gsl_multifit_nlinear_init(x0, &fdf, w);
    st = gsl_multifit_nlinear_driver(500, 1e-10, 1e-10, 1e-10, NULL, NULL, &info,
                                     w);
    if (st == GSL_SUCCESS || st == GSL_EMAXITER) {
        gsl_vector *f = gsl_multifit_nlinear_residual(w);
        gsl_vector *x = gsl_multifit_nlinear_position(w);
        *rho1 = exp(gsl_vector_get(x, 0));
        *rho2 = exp(gsl_vector_get(x, 1));
        *h = exp(gsl_vector_get(x, 2));
        for (i = 0; i < n; i++)
            ss += gsl_vector_get(f, i) * gsl_vector_get(f, i);
        *rms = sqrt(ss / (double)n);
    }
    gsl_multifit_nlinear_free(w);
    gsl_vector_free(x0);
    if (st != GSL_SUCCESS && st != GSL_EMAXITER)
        return K3A_E_NUMERIC;
    if (!isfinite(*rho1) || !isfinite(*rho2) || !isfinite(*h))
        return K3A_E_NUMERIC;
    return K3A_OK;
}

double k3a_ir_40C(double r, double t)
{
    /* REF: IEEE 43-2000: IR halves for every 10 C rise; R40 = K_T R_T */
    return r * pow(0.5, (40.0 - t) / 10.0);
}

double k3a_unbalance_nema_pct(const double v[3])
{
    double avg = (v[0] + v[1] + v[2]) / 3.0, dev = 0;
    int i;

    for (i = 0; i < 3; i++)
        if (fabs(v[i] - avg) > dev)
            dev = fabs(v[i] - avg);
    return 100.0 * dev / avg;
}

double k3a_unbalance_iec_pct(const double v[3])
{
    double s2 = v[0] * v[0] + v[1] * v[1] + v[2] * v[2];
    double s4 = pow(v[0], 4) + pow(v[1], 4) + pow(v[2], 4);
    double beta = s4 / (s2 * s2), q = 3.0 - 6.0 * beta;

    if (q < 0)
        q = 0;
    return 100.0 * sqrt((1.0 - sqrt(q)) / (1.0 + sqrt(q)));
}

int k3a_thermo_priority(double dts, double dta, const double slo[4],
                        const double alo[4])
{
    /* slo[k], alo[k]: priority k+1 (1 = most severe) applies when the rise
     * is MORE THAN this value; NAN = the column has no such priority */
    int p, best = 0;

    for (p = 0; p < 4; p++) {
        int hit = (isfinite(dts) && isfinite(slo[p]) && dts > slo[p]) ||
                  (isfinite(dta) && isfinite(alo[p]) && dta > alo[p]);
        if (hit && (best == 0 || p + 1 < best))
            best = p + 1;
    }
    return best;
}
