/*
 * shortcircuit.h - IEC 60909-0 short-circuit currents at every bus, for
 * every operating case, and the protective devices that would clear a
 * fault there.
 *
 * Cases: normal (c max, maximum source, motors as the site says, parallel
 * generators), minimum (c min, minimum source when given, cables at their
 * end-of-fault temperature, no motors) and generator (supply open,
 * utility transformers open, generators feeding; only when a generator
 * gives xd2_pct).
 */
#ifndef K3A_SHORTCIRCUIT_H
#define K3A_SHORTCIRCUIT_H

#include <stddef.h>
#include <stdint.h>

#include "k3audit/diag.h"
#include "k3audit/models.h"
#include "k3audit/site.h"

enum k3a_sc_case { K3A_CASE_MAX, K3A_CASE_MIN, K3A_CASE_GEN, K3A_CASE_COUNT };

/* "normal", "minimum_source", "generator" (the JSON words). */
const char *k3a_sc_case_name(enum k3a_sc_case c);

struct k3a_sc_point {
    int energized;       /* a source reaches the point in this case */
    double c;            /* voltage factor used */
    double un_kV;        /* nominal voltage */
    double rk_ohm, xk_ohm; /* short-circuit impedance Z_k at the point */
    double ik3_kA;       /* initial symmetrical three-phase current I''k */
    double r_over_x;     /* for kappa, method C (IEC 60909-0 4.3.1.2 c) */
    double kappa;        /* peak factor, eq. (55) */
    double ip_kA;        /* peak current */
    int has_ik1;
    double ik1_kA;       /* line-to-earth I''k1, eq. (52) */
    double z0_ohm;       /* |Z0| used for ik1 */
    int ik1_cold;        /* generator case: ik1 at 20 C, the end-of-fault
                            solve failed (its disconnection check is a WARN) */
};

/* One step of the chain of devices that clear a fault at a bus. */
struct k3a_clear_step {
    int32_t device;   /* index in site->devices */
    uint16_t path;    /* which source path; 0xffff = the bus's own main */
    uint16_t level;   /* 0 = nearest; higher = backup towards the sources */
    double current_A; /* the bolted-fault current the device carries */
};

struct k3a_sc_nets; /* the library's own (opaque) */

struct k3a_sc_results {
    int has_case[K3A_CASE_COUNT];
    int meshed[K3A_CASE_COUNT];     /* the nodal method ran */
    size_t n_bus, n_supply;
    struct k3a_sc_point *bus[K3A_CASE_COUNT];    /* [case][bus] */
    struct k3a_sc_point *supply[K3A_CASE_COUNT]; /* [case][supply] */
    /* clearing chains: steps of bus b in case c are
     * steps[c][start[c][b] .. start[c][b+1]) */
    struct k3a_clear_step *steps[K3A_CASE_COUNT];
    size_t *start[K3A_CASE_COUNT];
    size_t n_steps[K3A_CASE_COUNT];
    int ratio_mismatch; /* transformer ratios around a loop disagree */
    /* the network of each case, built once and read again by the load
     * flow and explain; the library's own, freed with the results */
    struct k3a_sc_nets *nets;
};

void k3a_sc_results_init(struct k3a_sc_results *r);
void k3a_sc_results_release(struct k3a_sc_results *r);

/* Runs every case into r (made by k3a_sc_results_init; a second run on
 * the same r first releases what the first left there).  Warnings (a bus
 * no source reaches, a loop whose transformer ratios disagree) go to dl.  Returns K3A_OK, K3A_E_NOMEM or
 * K3A_E_NUMERIC (a singular network: diagnostics say where). */
enum k3a_status k3a_sc_run(const struct k3a_site *site,
                           const struct k3a_models *models,
                           struct k3a_sc_results *r,
                           struct k3a_diag_list *dl) K3A_NODISCARD;

/* The largest I''k over the cases at a node (bus or supply); 0 if none. */
double k3a_sc_max_ik3_kA(const struct k3a_sc_results *r, enum k3a_kind kind,
                         size_t idx);

/* Quick IEC 60909 calculation at a transformer's secondary terminals
 * (`k3audit calc fault`): network feeder source_MVA (<= 0: infinite) with
 * R/X 0.1 at c max of the HV side, the transformer with K_T, c max 1.10
 * (LV, 10 % tolerance).  x_over_r <= 0 takes the typical value from the
 * models.  Returns I''k in kA, or a negative value when the inputs are
 * out of range. */
double k3a_sc_transformer_ik3_kA(const struct k3a_models *models,
                                 double rating_kVA, double secondary_kV,
                                 double impedance_pct, double x_over_r,
                                 double source_MVA);

#endif /* K3A_SHORTCIRCUIT_H */
