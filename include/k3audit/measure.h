/*
 * measure.h - turning field readings into the numbers a verdict needs:
 * earth electrodes (fall of potential, Tagg's slope method, Dwight's rod
 * formula, rods in parallel), soil resistivity (Wenner, Schlumberger, a
 * two-layer model fitted by GSL), insulation resistance (IEEE 43
 * temperature correction, DAR, PI, trend), voltage unbalance and
 * thermography.  Pure functions; GSL statuses become return codes.
 */
#ifndef K3A_MEASURE_H
#define K3A_MEASURE_H

#include <stddef.h>

#include "k3audit/status.h"

/* Wenner: rho = 4 pi a R / [1 + 2a/sqrt(a^2+4b^2) - a/sqrt(a^2+b^2)]
 * (ohm m); b = probe depth (0: 2 pi a R). */
double k3a_wenner_rho(double spacing_m, double resistance_ohm, double depth_m);

/* Schlumberger-Palmer (IEEE 81): rho = pi (L^2 - l^2) R / (2 l), L the
 * centre-to-current-probe distance, l half the potential spacing. */
double k3a_schlumberger_rho(double L_m, double potential_spacing_m,
                            double resistance_ohm);

/* Dwight / IEEE 142: R = rho / (2 pi L) [ln(8L/d) - 1]. */
double k3a_rod_ohm(double rho_ohm_m, double length_m, double diameter_mm);

/* Rods in parallel one rod length apart: R_n = F R_1 / n with the IEEE 142
 * multiplying factors (table given by the caller: n[], F[]); F is
 * interpolated linearly between table rows; beyond the last row, the
 * last F.  Returns R_n. */
double k3a_rods_ohm(double r1_ohm, int n, const double *tab_n,
                    const double *tab_f, size_t tab_len);

/* Fall of potential: the reading at 61.8 % of the current-probe distance
 * by linear interpolation, and the plateau test: readings at 52 % and 72 %
 * (interpolated) within tol (fraction) of it.  Returns K3A_OK, or
 * K3A_E_INPUT when the readings do not span 52-72 % of C. */
enum k3a_status k3a_fop_618(const double *p_m, const double *r_ohm, size_t n,
                            double c_m, double tol, double *r618_ohm,
                            double *spread, int *flat);

/* Tagg's slope method: mu = (R(0.6C) - R(0.4C)) / (R(0.4C) - R(0.2C)),
 * Pt/C from the hemisphere model (methods.md 1.2, solved with GSL's Brent
 * root finder), and R at Pt.  Returns K3A_E_RANGE when mu is outside the
 * 0.40-1.59 range the method covers (move the current probe further). */
enum k3a_status k3a_tagg(const double *p_m, const double *r_ohm, size_t n,
                         double c_m, double *mu, double *pt_over_c,
                         double *r_ohm_at_pt);

/* Pt/C for a given mu (the generated Table VII). */
enum k3a_status k3a_tagg_ptc(double mu, double *pt_over_c);

/* Two-layer soil: apparent Wenner resistivity of layers rho1 over rho2 at
 * depth h (Sunde / Tagg image series). */
double k3a_two_layer_rho_a(double rho1, double rho2, double h_m, double a_m);

/* Fits rho1, rho2, h to apparent resistivities (GSL nonlinear least
 * squares, trust region, relative residuals); rms is the RMS relative
 * error.  Needs at least 3 spacings. */
enum k3a_status k3a_two_layer_fit(const double *a_m, const double *rho,
                                  size_t n, double *rho1, double *rho2,
                                  double *h_m, double *rms);

/* IEEE 43: IR corrected to 40 C (halves for every 10 C rise). */
double k3a_ir_40C(double reading_Mohm, double temperature_C);

/* Unbalance of three line voltages: NEMA MG-1 (max deviation from the
 * average, %) and the IEC 61000-4-30 voltage unbalance factor (%). */
double k3a_unbalance_nema_pct(const double v[3]);
double k3a_unbalance_iec_pct(const double v[3]);

/* NETA MTS thermography priority (1 = most severe .. 4; 0 = none) from
 * the rise over a similar component and over ambient (NAN = not given).
 * Thresholds come from the caller (models). */
int k3a_thermo_priority(double dt_similar_C, double dt_ambient_C,
                        const double similar_lo[4], const double ambient_lo[4]);

#endif /* K3A_MEASURE_H */
