/*
 * energy.c - energy-audit formulas (energy.h).  Sources in each function;
 * the worked examples they are tested with are in methods.md 6.
 */
#include <math.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_multifit.h>
#include <gsl/gsl_roots.h>

#include "k3audit/energy.h"

double k3a_pfc_kvar(double p_kW, double pf_from, double pf_to)
{
    /* REF: methods.md 6.2: Q_c = P (tan(acos PF1) - tan(acos PF2)) */
    double q;

    if (!(pf_from > 0) || !(pf_to > 0) || pf_from >= pf_to)
        return 0.0;
    q = p_kW * (tan(acos(pf_from)) - tan(acos(pf_to > 1 ? 1 : pf_to)));
    return q > 0 ? q : 0.0;
}

double k3a_motor_saving_kW(double shaft_kW, double load_factor, double eta_old,
                           double eta_new)
{
    /* REF: methods.md 6.6: dP = P LF (1/eta_old - 1/eta_new) */
    if (!(eta_old > 0) || !(eta_new > 0))
        return NAN;
    return shaft_kW * load_factor * (1.0 / eta_old - 1.0 / eta_new);
}

double k3a_npv(double cost, double saving, double rate, int years)
{
    /* REF: methods.md 6.8: NPV = -I0 + CF (1 - (1+i)^-n) / i */
    double pvf = fabs(rate) < 1e-12 ? (double)years
                                    : (1.0 - pow(1.0 + rate, -(double)years)) / rate;
    return -cost + saving * pvf;
}

struct irr_ctx {
    double cost, saving;
    int years;
};

static double irr_f(double r, void *p)
{
    const struct irr_ctx *c = p;
    return k3a_npv(c->cost, c->saving, r, c->years);
}

double k3a_irr(double cost, double saving, int years)
{
    /* REF: methods.md 6.8: NPV(IRR) = 0, Brent on [-0.99, 10] */
    struct irr_ctx c = { cost, saving, years };
    gsl_function F;
    gsl_root_fsolver *s;
    gsl_error_handler_t *old;
    double lo = -0.99, hi = 10.0, r = NAN;
    int it, status;

    if (!(cost > 0) || !(saving > 0) || years < 1)
        return NAN;
    F.function = irr_f;
    F.params = &c;
    if (irr_f(lo, &c) * irr_f(hi, &c) > 0)
        return NAN;
    old = gsl_set_error_handler_off();
    s = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
    if (!s) {
        gsl_set_error_handler(old);
        return NAN;
    }
    if (gsl_root_fsolver_set(s, &F, lo, hi) == GSL_SUCCESS) {
        for (it = 0; it < 200; it++) {
            if (gsl_root_fsolver_iterate(s) != GSL_SUCCESS)
                break;
            r = gsl_root_fsolver_root(s);
            status = gsl_root_test_interval(gsl_root_fsolver_x_lower(s),
                                            gsl_root_fsolver_x_upper(s), 1e-10, 0);
            if (status == GSL_SUCCESS)
                break;
        }
    }
    gsl_root_fsolver_free(s);
    gsl_set_error_handler(old);
    return r;
}

void k3a_bill_cost(const struct k3a_tariff *t, double kWh_lwbp, double kWh_wbp,
                   double kWh_single, double kvarh, double connected_kVA,
                   struct k3a_bill_cost *out)
{
    double kwh, free_kvarh;

    memset(out, 0, sizeof(*out));
    kwh = kWh_lwbp + kWh_wbp > 0 ? kWh_lwbp + kWh_wbp : kWh_single;
    out->kWh = kwh;
    out->pf = kvarh > 0 && kwh > 0 ? kwh / sqrt(kwh * kwh + kvarh * kvarh)
                                   : kvarh > 0 ? 0 : NAN;
    if (!t)
        return;
    /* REF: Permen ESDM 7/2024 Lampiran I: WBP = K x P x LWBP price,
     * LWBP = P x LWBP price; a single-rate bill at the LWBP price */
    if (kWh_lwbp + kWh_wbp > 0) {
        out->lwbp_Rp = kWh_lwbp * t->lwbp_Rp;
        out->wbp_Rp = kWh_wbp * t->lwbp_Rp * (t->tou ? t->k_wbp : 1.0);
    } else {
        out->lwbp_Rp = kWh_single * t->lwbp_Rp;
    }
    /* REF: Permen ESDM 7/2024: kVArh charged when the month's average PF is
     * below 0.85: kVArh above tan(acos 0.85) = 0.62 x kWh (regulations_id
     * 4.4; the engine rounds the threshold to 0.62 as PLN does) */
    free_kvarh = floor(tan(acos(t->pf_min)) * 100.0 + 0.5) / 100.0 * kwh;
    out->kvarh_excess = kvarh > free_kvarh ? kvarh - free_kvarh : 0;
    out->kvarh_Rp = out->kvarh_excess * t->kvarh_Rp;
    /* REF: minimum bill RM = 40 jam nyala x connected kVA x LWBP price */
    out->min_Rp = t->min_hours * connected_kVA * t->lwbp_Rp;
    out->total_Rp = out->lwbp_Rp + out->wbp_Rp + out->kvarh_Rp;
    if (out->min_Rp > out->lwbp_Rp + out->wbp_Rp) {
        out->total_Rp = out->min_Rp + out->kvarh_Rp;
        out->minimum_applied = 1;
    }
}

int k3a_baseline_fit(const double *y, const double *x1, const double *x2,
                     size_t n, struct k3a_fit *out)
{
    /* REF: methods.md 6.9: OLS with gsl_multifit_linear; R2 = 1 - SSE/SST,
     * CV(RMSE) = sqrt(SSE/(n-p)) / ybar, NMBE = sum(yhat - y)/((n-p) ybar) */
    size_t p = x2 ? 3 : 2, i, j;
    gsl_matrix *X, *cov;
    gsl_vector *Y, *c;
    gsl_multifit_linear_workspace *ws;
    double chisq, ybar = 0, sst = 0, sse = 0, bias = 0;
    int rc = -1;

    memset(out, 0, sizeof(*out));
    if (n < p + 2)
        return -1;
    X = gsl_matrix_alloc(n, p);
    cov = gsl_matrix_alloc(p, p);
    Y = gsl_vector_alloc(n);
    c = gsl_vector_alloc(p);
    ws = gsl_multifit_linear_alloc(n, p);
    if (!X || !cov || !Y || !c || !ws)
        goto out;
    for (i = 0; i < n; i++) {
        gsl_matrix_set(X, i, 0, 1.0);
        gsl_matrix_set(X, i, 1, x1[i]);
        if (x2)
            gsl_matrix_set(X, i, 2, x2[i]);
        gsl_vector_set(Y, i, y[i]);
        ybar += y[i];
    }
    ybar /= (double)n;
    if (gsl_multifit_linear(X, Y, c, cov, &chisq, ws) != GSL_SUCCESS)
        goto out;
    out->p = (int)p;
    out->n = n;
    for (j = 0; j < p; j++)
        out->b[j] = gsl_vector_get(c, j);
    for (i = 0; i < n; i++) {
        double yh = out->b[0] + out->b[1] * x1[i] + (x2 ? out->b[2] * x2[i] : 0);
        sse += (y[i] - yh) * (y[i] - yh);
        sst += (y[i] - ybar) * (y[i] - ybar);
        bias += yh - y[i];
    }
    out->r2 = sst > 0 ? 1.0 - sse / sst : NAN;
    out->cv_rmse_pct = fabs(ybar) > 0 ? 100.0 * sqrt(sse / (double)(n - p)) / ybar : NAN;
    out->nmbe_pct = fabs(ybar) > 0 ? 100.0 * bias / ((double)(n - p) * ybar) : NAN;
    rc = isfinite(out->r2) ? 0 : -1;
out:
    gsl_matrix_free(X);
    gsl_matrix_free(cov);
    gsl_vector_free(Y);
    gsl_vector_free(c);
    gsl_multifit_linear_free(ws);
    return rc;
}
