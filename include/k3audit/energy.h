/*
 * energy.h - energy-audit calculations (methods.md 6, regulations_id.md 4):
 * power-factor correction, PLN bill cost, motor and lighting savings,
 * payback / NPV / IRR, baseline regression (ASHRAE Guideline 14).  Pure.
 */
#ifndef K3A_ENERGY_H
#define K3A_ENERGY_H

#include <stddef.h>

#include "k3audit/models.h"

/* kvar to raise P kW from pf1 to pf2: P (tan acos pf1 - tan acos pf2);
 * 0 when pf1 >= pf2. */
double k3a_pfc_kvar(double p_kW, double pf_from, double pf_to);

/* Input power saved by replacing a motor: P_shaft LF (1/eta_old - 1/eta_new)
 * (efficiencies as fractions). */
double k3a_motor_saving_kW(double shaft_kW, double load_factor, double eta_old,
                           double eta_new);

/* NPV of -cost now and `saving` a year for `years` at `rate`. */
double k3a_npv(double cost, double saving, double rate, int years);

/* IRR of the same cash flows (GSL Brent on [-0.99, 10]); NAN when NPV has
 * no sign change there. */
double k3a_irr(double cost, double saving, int years);

/* One month of a PLN bill under a tariff. */
struct k3a_bill_cost {
    double kWh, lwbp_Rp, wbp_Rp, kvarh_excess, kvarh_Rp, min_Rp, total_Rp;
    double pf;        /* kWh / sqrt(kWh^2 + kvarh^2); NAN without kvarh */
    int minimum_applied;
};

/* Cost of a month: LWBP x price + WBP x K x price + kVArh above
 * tan(acos pf_min) x kWh at the kVArh price; the minimum bill (min_hours x
 * connected kVA x LWBP price) when larger.  kWh_single is used when the
 * LWBP/WBP split is not given (a single-rate bill). */
void k3a_bill_cost(const struct k3a_tariff *t, double kWh_lwbp, double kWh_wbp,
                   double kWh_single, double kvarh, double connected_kVA,
                   struct k3a_bill_cost *out);

/* Ordinary least squares y = b0 + b1 x1 (+ b2 x2) with GSL.  n points,
 * p = 2 or 3 parameters (x2 NULL for two).  Fills coefficients and the
 * ASHRAE Guideline 14 statistics (denominators n - p).  Returns 0, or -1
 * when the fit is impossible (too few points, singular). */
struct k3a_fit {
    int p;
    double b[3];
    double r2, cv_rmse_pct, nmbe_pct;
    size_t n;
};
int k3a_baseline_fit(const double *y, const double *x1, const double *x2,
                     size_t n, struct k3a_fit *out);

#endif /* K3A_ENERGY_H */
