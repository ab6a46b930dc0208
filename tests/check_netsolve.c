/*
 * check_netsolve.c - the linear network solver's load flow
 * (k3a__sol_inject): hand calculations by Kirchhoff's laws and the
 * current divider, a dense nodal solve of the whole network as the
 * reference on random networks, and the per-node superposition of fault
 * flows it replaced.
 */
#include <complex.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix_complex_double.h>
#include <gsl/gsl_permutation.h>

#include "base.h"
#include "network.h"
#include "tests.h"

/* A network of up to NMAX nodes and MMAX branches. */
enum { NMAX = 400, MMAX = 800 };
struct net {
    size_t n, m;
    uint32_t a[MMAX], b[MMAX];
    double complex z[MMAX], ysh[NMAX], inode[NMAX];
    uint8_t src[NMAX];
};

static void add_br(struct net *t, uint32_t a, uint32_t b, double complex z)
{
    ck_assert_uint_lt(t->m, MMAX);
    t->a[t->m] = a;
    t->b[t->m] = b;
    t->z[t->m++] = z;
}

static void add_src(struct net *t, uint32_t k, double complex z)
{
    t->ysh[k] += 1.0 / z;
    t->src[k] = 1;
}

static struct k3a__sol *solve(const struct net *t, int force_nodal)
{
    struct k3a__sys sys;
    struct k3a__sol *sol;
    int rc;

    sys.n = t->n;
    sys.m = t->m;
    sys.a = t->a;
    sys.b = t->b;
    sys.z = t->z;
    sys.ysh = t->ysh;
    sys.netsrc = t->src;
    sys.force_nodal = force_nodal;
    sol = k3a__sol_new(&sys, &rc);
    ck_assert_ptr_nonnull(sol);
    ck_assert_int_eq(rc, 0);
    return sol;
}

/* k3a__sol_inject's branch currents (a->b) into ibr[0..m-1]. */
static void inject(const struct net *t, int force_nodal, double complex *ibr)
{
    struct k3a__sol *sol = solve(t, force_nodal);

    memset(ibr, 0, t->m * sizeof(*ibr));
    ck_assert_int_eq(k3a__sol_inject(sol, t->inode, ibr), 0);
    k3a__sol_free(sol);
}

static void assert_near(double complex got, double complex want, double tol)
{
    ck_assert_msg(cabs(got - want) <= tol, "got %.15g%+.15gj, want %.15g%+.15gj",
                  creal(got), cimag(got), creal(want), cimag(want));
}

/* A radial feeder, one source at its root 0: 0-1-2-3 and 2-4.  Each
 * branch carries exactly the current drawn below it (Kirchhoff's current
 * law): I01 = I12 = J2 + J3 + J4, I23 = J3, I24 = J4. */
START_TEST(radial_branch_current_is_the_sum_of_the_loads_below)
{
    static struct net t;
    double complex ibr[4];
    double complex j2 = 0.10 - 0.05 * I, j3 = 0.20, j4 = 0.05 - 0.02 * I;
    int fn;

    for (fn = 0; fn <= 2; fn++) { /* the tree walk, peeling + LU, full LU */
        memset(&t, 0, sizeof(t));
        t.n = 5;
        add_src(&t, 0, 0.0002 + 0.002 * I);
        add_br(&t, 0, 1, 0.001 + 0.004 * I);
        add_br(&t, 1, 2, 0.02 + 0.01 * I);
        add_br(&t, 2, 3, 0.03 + 0.01 * I);
        add_br(&t, 4, 2, 0.05 + 0.01 * I); /* drawn 4 -> 2: a->b is upwards */
        t.inode[2] = j2;
        t.inode[3] = j3;
        t.inode[4] = j4;
        inject(&t, fn, ibr);
        assert_near(ibr[0], j2 + j3 + j4, 1e-12);
        assert_near(ibr[1], j2 + j3 + j4, 1e-12);
        assert_near(ibr[2], j3, 1e-12);
        assert_near(ibr[3], -j4, 1e-12);
    }
}
END_TEST

/* A subtree holding a source: supply at 0 (internal impedance zs0), a
 * generator at 3 (zs3) two branches below bus 1, the load J at 4.  By the
 * current divider at bus 1, the load takes
 *   from the generator's side  J Za / (Za + Zb),  Zb = z12 + z23 + zs3,
 *   from the supply's side     J Zb / (Za + Zb),  Za = z01 + zs0,
 * so both of the generator's branches carry J Za / (Za + Zb) towards 1
 * and the feeder from 0 the rest. */
START_TEST(a_subtree_holding_a_source_shares_the_load)
{
    static struct net t;
    double complex ibr[4];
    double complex zs0 = 0.0004 + 0.004 * I, zs3 = 0.01 + 0.08 * I;
    double complex z01 = 0.002 + 0.003 * I, z12 = 0.01 + 0.004 * I,
                   z23 = 0.02 + 0.005 * I, z14 = 0.03 + 0.01 * I;
    double complex j = 0.3 - 0.15 * I, za = z01 + zs0, zb = z12 + z23 + zs3;
    int fn;

    for (fn = 0; fn <= 2; fn++) {
        memset(&t, 0, sizeof(t));
        t.n = 5;
        add_src(&t, 0, zs0);
        add_src(&t, 3, zs3);
        add_br(&t, 0, 1, z01);
        add_br(&t, 1, 2, z12);
        add_br(&t, 2, 3, z23);
        add_br(&t, 1, 4, z14);
        t.inode[4] = j;
        inject(&t, fn, ibr);
        assert_near(ibr[0], j * zb / (za + zb), 1e-12);
        assert_near(ibr[1], -j * za / (za + zb), 1e-12); /* 2 -> 1 */
        assert_near(ibr[2], -j * za / (za + zb), 1e-12); /* 3 -> 2 */
        assert_near(ibr[3], j, 1e-12);
    }
}
END_TEST

/* The same with the supply reaching bus 1 over a loop (0-1 directly and
 * 0-5-1): the supply's side is zs0 + z01 || (z05 + z51), and its current
 * divides between the two paths inversely to their impedances.  The
 * generator's tree hangs off the loop at 1. */
START_TEST(a_loop_and_a_hanging_source_share_the_load)
{
    static struct net t;
    double complex ibr[6];
    double complex zs0 = 0.0004 + 0.004 * I, zs3 = 0.01 + 0.08 * I;
    double complex z01 = 0.002 + 0.003 * I, z05 = 0.004 + 0.002 * I,
                   z51 = 0.001 + 0.006 * I, z12 = 0.01 + 0.004 * I,
                   z23 = 0.02 + 0.005 * I, z14 = 0.03 + 0.01 * I;
    double complex j = 0.3 - 0.15 * I;
    double complex zp = z01 * (z05 + z51) / (z01 + z05 + z51);
    double complex za = zs0 + zp, zb = z12 + z23 + zs3;
    double complex isup = j * zb / (za + zb), igen = j * za / (za + zb);
    int fn;

    for (fn = 0; fn <= 2; fn++) {
        memset(&t, 0, sizeof(t));
        t.n = 6;
        add_src(&t, 0, zs0);
        add_src(&t, 3, zs3);
        add_br(&t, 0, 1, z01);
        add_br(&t, 1, 2, z12);
        add_br(&t, 2, 3, z23);
        add_br(&t, 1, 4, z14);
        add_br(&t, 0, 5, z05);
        add_br(&t, 5, 1, z51);
        t.inode[4] = j;
        inject(&t, fn, ibr);
        assert_near(ibr[0], isup * (z05 + z51) / (z01 + z05 + z51), 1e-12);
        assert_near(ibr[4], isup * z01 / (z01 + z05 + z51), 1e-12);
        assert_near(ibr[5], isup * z01 / (z01 + z05 + z51), 1e-12);
        assert_near(ibr[1], -igen, 1e-12);
        assert_near(ibr[2], -igen, 1e-12);
        assert_near(ibr[3], j, 1e-12);
    }
}
END_TEST

/* ---- random networks --------------------------------------------------- */

static uint64_t rnd_state;

static double rnd(void) /* [0, 1), a 64-bit LCG (Knuth's MMIX constants) */
{
    rnd_state = rnd_state * 6364136223846793005ull + 1442695040888963407ull;
    return (double)(rnd_state >> 11) * (1.0 / 9007199254740992.0);
}

static double complex rnd_z(void)
{
    return (0.001 + 0.05 * rnd()) + (0.001 + 0.05 * rnd()) * I;
}

/* A ring of `ring` nodes (none: a tree from node 0) with trees hanging
 * off it, now and then a second cable beside one and a chord across the
 * ring; loads on about half the nodes.  Sources on the ring (or the root)
 * only when core_sources, else also anywhere in the trees. */
static void random_net(struct net *t, size_t n, size_t ring, int core_sources)
{
    size_t k;

    memset(t, 0, sizeof(*t));
    t->n = n;
    for (k = 0; ring && k < ring; k++)
        add_br(t, (uint32_t)k, (uint32_t)((k + 1) % ring), rnd_z());
    if (ring >= 5 && rnd() < 0.5)
        add_br(t, 0, (uint32_t)(ring / 2), rnd_z());
    for (k = ring ? ring : 1; k < n; k++) {
        uint32_t p = (uint32_t)(rnd() * (double)k);
        add_br(t, p, (uint32_t)k, rnd_z());
        if (rnd() < 0.05)
            add_br(t, (uint32_t)k, p, rnd_z()); /* parallel, reversed */
    }
    add_src(t, 0, 0.0002 + 0.002 * I);
    for (k = 1; k < n; k++) {
        int may = core_sources ? k < ring : 1;
        if (may && rnd() < (core_sources ? 0.3 : 0.03))
            add_src(t, (uint32_t)k, 0.005 + (0.02 + 0.1 * rnd()) * I);
        if (rnd() < 0.5)
            t->inode[k] = (0.001 + 0.01 * rnd()) - (0.005 * rnd()) * I;
    }
}

/* The reference: the whole network's nodal equations Y dV = J (dV the
 * voltage drops, J the currents drawn) by a dense LU, then each branch
 * a->b carries (dV_b - dV_a) / z. */
static void dense_flow(const struct net *t, double complex *ibr)
{
    gsl_matrix_complex *y = gsl_matrix_complex_calloc(t->n, t->n);
    gsl_vector_complex *j = gsl_vector_complex_alloc(t->n);
    gsl_vector_complex *x = gsl_vector_complex_alloc(t->n);
    gsl_permutation *p = gsl_permutation_alloc(t->n);
    size_t k;
    int sg;

    ck_assert(y && j && x && p);
#define ADD(r, c, v)                                                                   \
    do {                                                                               \
        gsl_complex g_ = gsl_matrix_complex_get(y, r, c);                              \
        GSL_SET_COMPLEX(&g_, GSL_REAL(g_) + creal(v), GSL_IMAG(g_) + cimag(v));        \
        gsl_matrix_complex_set(y, r, c, g_);                                           \
    } while (0)
    for (k = 0; k < t->m; k++) {
        double complex yb = 1.0 / t->z[k];
        ADD(t->a[k], t->a[k], yb);
        ADD(t->b[k], t->b[k], yb);
        ADD(t->a[k], t->b[k], -yb);
        ADD(t->b[k], t->a[k], -yb);
    }
    for (k = 0; k < t->n; k++) {
        gsl_complex g;
        ADD(k, k, t->ysh[k]);
        GSL_SET_COMPLEX(&g, creal(t->inode[k]), cimag(t->inode[k]));
        gsl_vector_complex_set(j, k, g);
    }
#undef ADD
    ck_assert_int_eq(gsl_linalg_complex_LU_decomp(y, p, &sg), 0);
    ck_assert_int_eq(gsl_linalg_complex_LU_solve(y, p, j, x), 0);
    for (k = 0; k < t->m; k++) {
        gsl_complex va = gsl_vector_complex_get(x, t->a[k]);
        gsl_complex vb = gsl_vector_complex_get(x, t->b[k]);
        ibr[k] = ((GSL_REAL(vb) - GSL_REAL(va)) + (GSL_IMAG(vb) - GSL_IMAG(va)) * I) /
                 t->z[k];
    }
    gsl_matrix_complex_free(y);
    gsl_vector_complex_free(j);
    gsl_vector_complex_free(x);
    gsl_permutation_free(p);
}

/* The method k3a__sol_inject replaced: one fault-flow walk per loaded
 * node (k3a__sol_flows, 1 pu at the node), scaled by the drop inode Zth
 * there and summed.  Its loop branches come out with the opposite sign,
 * so only magnitudes and |real part| (what the load stage reads) are
 * compared. */
static void per_node_flow(const struct net *t, double complex *ibr)
{
    struct k3a__sol *sol = solve(t, 0);
    struct k3a__flow *fl = malloc((t->m + 1) * sizeof(*fl));
    size_t k, q, nf;

    ck_assert_ptr_nonnull(fl);
    memset(ibr, 0, t->m * sizeof(*ibr));
    for (k = 0; k < t->n; k++) {
        double complex zk = k3a__sol_zth(sol, (uint32_t)k);
        if (!(cabs(t->inode[k]) > 0) || !isfinite(creal(zk)))
            continue;
        nf = k3a__sol_flows(sol, (uint32_t)k, fl, t->m + 1, SIZE_MAX);
        for (q = 0; q < nf; q++)
            ibr[fl[q].br] += t->inode[k] * zk * fl[q].i;
    }
    free(fl);
    k3a__sol_free(sol);
}

static double total_load(const struct net *t)
{
    double s = 0;
    size_t k;

    for (k = 0; k < t->n; k++)
        s += cabs(t->inode[k]);
    return s;
}

/* Random trees and rings with sources anywhere (in hanging trees too):
 * every branch current as the dense nodal solve gives it, whichever
 * path the solver takes. */
START_TEST(random_networks_match_the_dense_nodal_solve)
{
    static struct net t;
    static double complex got[MMAX], want[MMAX];
    int round, fn;
    size_t k;

    rnd_state = 21;
    for (round = 0; round < 60; round++) {
        size_t n = 20 + (size_t)(rnd() * 300);
        size_t ring = round % 3 == 0 ? 0 : 3 + (size_t)(rnd() * 10);
        double tol;
        random_net(&t, n, ring, 0);
        tol = 1e-9 * total_load(&t);
        dense_flow(&t, want);
        for (fn = 0; fn <= 2; fn++) {
            inject(&t, fn, got);
            for (k = 0; k < t.m; k++)
                assert_near(got[k], want[k], tol);
        }
    }
}
END_TEST

/* Against the per-node method it replaced, on networks where that method
 * was complete (sources on the loops or at the root only; it left out the
 * inner branches of a tree holding a source). */
START_TEST(random_networks_match_the_per_node_method)
{
    static struct net t;
    static double complex got[MMAX], old[MMAX];
    int round;
    size_t k;

    rnd_state = 2026;
    for (round = 0; round < 60; round++) {
        size_t n = 20 + (size_t)(rnd() * 300);
        size_t ring = round % 3 == 0 ? 0 : 3 + (size_t)(rnd() * 10);
        double tol;
        random_net(&t, n, ring, 1);
        if (!ring) { /* a tree: the root's source only */
            memset(t.ysh, 0, sizeof(t.ysh));
            memset(t.src, 0, sizeof(t.src));
            add_src(&t, 0, 0.0002 + 0.002 * I);
        }
        tol = 1e-9 * total_load(&t);
        per_node_flow(&t, old);
        inject(&t, 0, got);
        for (k = 0; k < t.m; k++) {
            ck_assert_double_eq_tol(cabs(got[k]), cabs(old[k]), tol);
            ck_assert_double_eq_tol(fabs(creal(got[k])), fabs(creal(old[k])), tol);
        }
    }
}
END_TEST

/* A long chain with a ring at its head (the shape that made the per-node
 * method quadratic): Kirchhoff's law on every chain branch, in O(n). */
START_TEST(a_ring_and_a_long_chain_in_one_solve)
{
    enum { N = 20000 };
    static uint32_t a[N + 2], b[N + 2];
    static double complex z[N + 2], ysh[N], inode[N], ibr[N + 2];
    static uint8_t src[N];
    struct k3a__sys sys;
    struct k3a__sol *sol;
    double complex below = 0;
    size_t i, m = 0;
    int rc;

    memset(ysh, 0, sizeof(ysh));
    memset(src, 0, sizeof(src));
    a[m] = 0, b[m] = 1, z[m++] = 0.001 + 0.002 * I; /* the ring 0-1-2 */
    a[m] = 1, b[m] = 2, z[m++] = 0.001 + 0.002 * I;
    a[m] = 2, b[m] = 0, z[m++] = 0.001 + 0.002 * I;
    for (i = 3; i < N; i++)
        a[m] = (uint32_t)(i - 1), b[m] = (uint32_t)i, z[m++] = 0.0001 + 0.00005 * I;
    ysh[0] = 1.0 / (0.0002 + 0.002 * I);
    src[0] = 1;
    for (i = 0; i < N; i++)
        inode[i] = i >= 3 ? 1e-5 - 4e-6 * I : 0;
    sys.n = N;
    sys.m = m;
    sys.a = a;
    sys.b = b;
    sys.z = z;
    sys.ysh = ysh;
    sys.netsrc = src;
    sys.force_nodal = 0;
    sol = k3a__sol_new(&sys, &rc);
    ck_assert_ptr_nonnull(sol);
    ck_assert(k3a__sol_meshed(sol));
    memset(ibr, 0, sizeof(ibr));
    ck_assert_int_eq(k3a__sol_inject(sol, inode, ibr), 0);
    for (i = N; i-- > 3;) { /* branch i feeds node i */
        below += inode[i];
        assert_near(ibr[i], below, 1e-12);
    }
    /* the ring: 1 and 0 each feed 2 over one branch, 0-1-2 the longer way */
    assert_near(ibr[1] - ibr[2], below, 1e-12);
    assert_near(ibr[1], below / 3.0, 1e-12);
    k3a__sol_free(sol);
}
END_TEST

Suite *netsolve_suite(void)
{
    Suite *s = suite_create("netsolve");
    TCase *tc = tcase_create("load flow");

    tcase_add_test(tc, radial_branch_current_is_the_sum_of_the_loads_below);
    tcase_add_test(tc, a_subtree_holding_a_source_shares_the_load);
    tcase_add_test(tc, a_loop_and_a_hanging_source_share_the_load);
    tcase_add_test(tc, random_networks_match_the_dense_nodal_solve);
    tcase_add_test(tc, random_networks_match_the_per_node_method);
    tcase_add_test(tc, a_ring_and_a_long_chain_in_one_solve);
    suite_add_tcase(s, tc);
    return s;
}
