/*
 * network.h - the electrical network of a site for one operating case
 * (internal to the calculation modules).
 *
 * Per unit on S_base = 100 MVA.  Each node's base voltage is the supply's
 * nominal voltage carried through the rated ratios of the transformers
 * (IEC 60909-0 refers impedances through the rated transformation ratio
 * t_r), so an impedance in ohms on its own side of a transformer converts
 * to per unit with the base of the node it is attached to.
 */
#ifndef K3A_NETWORK_H
#define K3A_NETWORK_H

#include <complex.h>
#include <stddef.h>
#include <stdint.h>

#include "k3audit/diag.h"
#include "k3audit/models.h"
#include "k3audit/shortcircuit.h"
#include "k3audit/site.h"

#define K3A_SBASE_MVA 100.0

struct k3a__node {
    enum k3a_kind kind; /* K3A_KIND_SUPPLY or K3A_KIND_BUS */
    int32_t idx;
    double un_kV;       /* nominal voltage Un */
    double vbase_kV;    /* base voltage (see above) */
};

struct k3a__branch {
    uint32_t a, b;      /* from, to (transformer: a = HV side) */
    enum k3a_kind kind; /* K3A_KIND_CABLE or K3A_KIND_TRANSFORMER */
    int32_t idx;
    double complex z;   /* positive sequence, pu */
    double complex z0;  /* zero sequence, pu; 0 = no zero-sequence path */
    double kt;          /* transformer correction factor K_T (1 for cables) */
};

struct k3a__shunt {
    uint32_t node;
    enum k3a_kind kind; /* SUPPLY (network feeder), GENERATOR, LOAD (motor) */
    int32_t idx;
    double complex z;   /* pu */
};

struct k3a__net {
    enum k3a_sc_case sc_case;
    struct k3a__node *nodes;
    size_t n_nodes;
    struct k3a__branch *br;  /* closed branches of this case */
    size_t n_br;
    struct k3a__shunt *sh;   /* sources as shunt impedances */
    size_t n_sh;
    struct k3a__shunt *sh0;  /* zero-sequence shunts (earthed neutrals) */
    size_t n_sh0;
    uint32_t *bus_node;      /* site bus index -> node */
    uint32_t *adj_start;     /* the branches at node v: adj[adj_start[v] .. */
    uint32_t *adj;           /*   adj_start[v + 1]), in branch order */
    double c_max_lv, c_min_lv, c_max_hv, c_min_hv;
};

/* The networks the short circuit built, one per case that ran (opaque in
 * k3a_sc_results), and the one of case c or NULL. */
struct k3a_sc_nets {
    struct k3a__net net[K3A_CASE_COUNT];
    unsigned char built[K3A_CASE_COUNT];
};
const struct k3a__net *k3a__sc_net(const struct k3a_sc_results *r,
                                   enum k3a_sc_case c);

/* Builds the network of one case.  Problems (missing conductor data, ratio
 * mismatches around a loop) become diagnostics.  Returns K3A_OK, or
 * K3A_E_NOMEM. */
enum k3a_status k3a__net_build(const struct k3a_site *site,
                               const struct k3a_models *models,
                               enum k3a_sc_case sc_case, struct k3a__net *net,
                               struct k3a_diag_list *dl);
/* The same with conductor resistances at the end-of-fault temperature
 * (IEC 60909-0 eq. (22)) whatever the case: the generator case's
 * earth-fault current for the disconnection check. */
enum k3a_status k3a__net_build_hot(const struct k3a_site *site,
                                   const struct k3a_models *models,
                                   enum k3a_sc_case sc_case, struct k3a__net *net,
                                   struct k3a_diag_list *dl);
void k3a__net_release(struct k3a__net *net);

/* The voltage factor c of the case at a node (IEC 60909-0 Table 1). */
double k3a__net_c(const struct k3a__net *net, uint32_t node);

/* The node of a reference to a bus or supply; UINT32_MAX for anything
 * else or an unresolved reference. */
uint32_t k3a__net_node(const struct k3a__net *net, const struct k3a_ref *r);

/* ---- the linear solver (netsolve.c) ---------------------------------- */

/* A network reduced to what the solver needs: node count, branches and
 * shunt admittances.  Parallel branches between the same two nodes are
 * merged by the solver. */
struct k3a__sys {
    size_t n, m;
    const uint32_t *a, *b;     /* branch ends */
    const double complex *z;   /* branch impedances */
    const double complex *ysh; /* shunt admittance at each node (sum) */
    const uint8_t *netsrc;     /* node holds a network source (not a motor) */
    int force_nodal;           /* tests: 1 = treat trees as meshed (peeling
                                  then LU), 2 = full LU without peeling */
};

struct k3a__sol;

/* Factorises the system: a forest is walked in O(n) (two passes), any
 * component with a loop is solved by the nodal method (GSL complex LU).
 * Returns NULL on no memory or a numerical failure. */
struct k3a__sol *k3a__sol_new(const struct k3a__sys *sys, int *status);
void k3a__sol_free(struct k3a__sol *s);

/* Thevenin impedance at node k (pu); INFINITY real part when no source
 * reaches the node. */
double complex k3a__sol_zth(const struct k3a__sol *s, uint32_t k);

/* For a fault at node k: does the network on the far side of this branch
 * (incident to k) hold a supply or generator (not only motors)? */
int k3a__sol_feeds(const struct k3a__sol *s, uint32_t k, uint32_t branch);

/* Did any component need the nodal method? */
int k3a__sol_meshed(const struct k3a__sol *s);

/* Branch currents for a bolted fault at node k with 1 pu at the fault:
 * fills up to cap (branch, current a->b in pu) pairs for the branches
 * that matter for protection (the paths from the network sources into k)
 * and returns how many.  In a radial part the walk towards the sources
 * stops after max_up branches (SIZE_MAX: all of them).  Scratch is
 * internal. */
struct k3a__flow {
    uint32_t br;   /* original branch index */
    double complex i;
};
size_t k3a__sol_flows(struct k3a__sol *s, uint32_t k, struct k3a__flow *out,
                      size_t cap, size_t max_up);

/* Branch currents (pu, a->b, added to ibr[0..m-1]) when every node k
 * draws inode[k] (pu) and the shunt sources feed them (superposition on
 * the no-load state): each tree passes its loads up as current
 * injections, a radial component's root or a meshed one's loop nodes
 * (one LU solve per component) take the voltage drops, and the trees are
 * walked back down.  O(n) plus the loop core's solve.  Returns 0, or -1
 * on no memory or a failed solve. */
int k3a__sol_inject(struct k3a__sol *s, const double complex *inode,
                    double complex *ibr);

#endif /* K3A_NETWORK_H */
