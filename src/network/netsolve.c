/*
 * netsolve.c - Thevenin impedances and fault flows of a linear network
 * with shunt sources: what IEC 60909's equivalent voltage source method
 * needs (every source replaced by its internal impedance, one voltage
 * source at the fault).
 *
 * Each connected component is solved on its own.  A component without a
 * loop (a tree, after parallel branches are merged) is walked in O(n):
 * one pass up gathers the admittance each subtree presents, one pass down
 * the admittance seen looking up, and Y_total = Y_below + Y_above.  A
 * component with a loop is solved by the nodal method: Y-bus, GSL complex
 * LU, Z_kk from the inverse.  Both give the same Z_kk on a tree (a test
 * checks it), so the result never depends on which ran.  The load flow
 * (k3a__sol_inject) reuses both: loads pass up the trees as current
 * injections, and a meshed component takes one more LU solve.
 * REF: methods.md 4.4 (Z-bus method); IEC 60909-0 4.2.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix_complex_double.h>
#include <gsl/gsl_permutation.h>

#include "network.h"

struct comp {
    int meshed;
    uint32_t *nodes;  /* global node ids */
    size_t n;
    uint32_t *core;   /* meshed: nodes left after peeling the trees */
    size_t n_core;
    uint32_t *peel;   /* meshed: the peeled nodes, leaves first */
    size_t n_peel;
    gsl_matrix_complex *lu; /* meshed: LU of Y */
    gsl_permutation *perm;
    gsl_vector_complex *rhs, *col;
};

struct k3a__sol {
    size_t n, m, ne;
    /* merged edges */
    uint32_t *ea, *eb;
    double complex *ey;     /* edge admittance (sum of parallel branches) */
    uint32_t *br_edge;      /* original branch -> edge */
    uint32_t *edge_start;   /* edge -> its branches in edge_brs */
    uint32_t *edge_brs;
    double complex *by;     /* each branch's admittance (branch_adm) */
    const uint32_t *ba;
    /* adjacency over edges */
    uint32_t *adj_start, *adj;
    /* per node */
    uint32_t *comp_of, *local;   /* component, index inside it */
    double complex *ysh;
    double complex *zth;
    /* tree data */
    int32_t *parent_edge;        /* -1 at a root */
    uint32_t *parent;
    double complex *ybelow, *yabove;
    uint32_t *srcbelow;          /* network sources in the subtree */
    uint32_t *comp_src;          /* network sources in each component */
    /* components */
    struct comp *comps;
    size_t n_comps;
    int any_meshed;
    /* meshed components: trees peeled off the loops */
    uint8_t *peeled;
    uint32_t *corelocal;         /* node -> index in its component's core */
    /* flow scratch */
    double complex *dv;
};

/* A branch's admittance, as an edge's current is shared among its
 * parallel branches: a zero impedance takes (nearly) all of it. */
static double complex branch_adm(double complex z)
{
    return cabs(z) < 1e-12 ? 1e12 / I : 1.0 / z;
}

static int is_zero(double complex y)
{
    return fabs(creal(y)) < 1e-300 && fabs(cimag(y)) < 1e-300;
}

static double complex series_adm(double complex z, double complex y)
{
    /* admittance of z in series with a shunt y: 1/(z + 1/y) */
    if (is_zero(y))
        return 0;
    return y / (1.0 + z * y);
}

static int cmp_pair(const void *x, const void *y)
{
    const uint64_t *a = x, *b = y;
    return *a < *b ? -1 : *a > *b;
}

void k3a__sol_free(struct k3a__sol *s)
{
    size_t i;

    if (!s)
        return;
    for (i = 0; i < s->n_comps; i++) {
        free(s->comps[i].nodes);
        free(s->comps[i].core);
        free(s->comps[i].peel);
        if (s->comps[i].lu)
            gsl_matrix_complex_free(s->comps[i].lu);
        if (s->comps[i].perm)
            gsl_permutation_free(s->comps[i].perm);
        if (s->comps[i].rhs)
            gsl_vector_complex_free(s->comps[i].rhs);
        if (s->comps[i].col)
            gsl_vector_complex_free(s->comps[i].col);
    }
    free(s->comps);
    free(s->ea);
    free(s->eb);
    free(s->ey);
    free(s->by);
    free(s->br_edge);
    free(s->edge_start);
    free(s->edge_brs);
    free(s->adj_start);
    free(s->adj);
    free(s->comp_of);
    free(s->local);
    free(s->ysh);
    free(s->zth);
    free(s->parent_edge);
    free(s->parent);
    free(s->ybelow);
    free(s->yabove);
    free(s->srcbelow);
    free(s->comp_src);
    free(s->dv);
    free(s->peeled);
    free(s->corelocal);
    free(s);
}

/* Sorts m (key, branch) pairs by key, equal keys in branch order (as the
 * stable merge sort of qsort did): a counting sort on the lower node,
 * each node's few branches by insertion on the upper one.  -1 when out of
 * memory. */
static int sort_keys(uint64_t *keys, size_t m)
{
    uint64_t *out;
    uint32_t *start;
    size_t i, nodes = 0;

    for (i = 0; i < m; i++)
        if ((size_t)(keys[2 * i] >> 32) + 1 > nodes)
            nodes = (size_t)(keys[2 * i] >> 32) + 1;
    start = calloc(nodes + 1, sizeof(*start));
    out = malloc((m + 1) * 2 * sizeof(*out));
    if (!start || !out) {
        free(start);
        free(out);
        return -1;
    }
    for (i = 0; i < m; i++)
        start[(keys[2 * i] >> 32) + 1]++;
    for (i = 0; i < nodes; i++)
        start[i + 1] += start[i];
    for (i = 0; i < m; i++) { /* branches in order: stable */
        size_t at = start[keys[2 * i] >> 32]++;
        out[2 * at] = keys[2 * i];
        out[2 * at + 1] = keys[2 * i + 1];
    }
    for (i = 1; i < m; i++) { /* by the whole key; moves only within a node */
        uint64_t k = out[2 * i], b = out[2 * i + 1];
        size_t j = i;
        while (j > 0 && out[2 * (j - 1)] > k) {
            out[2 * j] = out[2 * (j - 1)];
            out[2 * j + 1] = out[2 * (j - 1) + 1];
            j--;
        }
        out[2 * j] = k;
        out[2 * j + 1] = b;
    }
    memcpy(keys, out, m * 2 * sizeof(*keys));
    free(out);
    free(start);
    return 0;
}

/* Merges parallel branches into edges. */
static int merge_edges(struct k3a__sol *s, const struct k3a__sys *sys)
{
    uint64_t *keys = malloc((sys->m + 1) * 2 * sizeof(*keys));
    size_t i;

    s->ea = malloc((sys->m + 1) * sizeof(*s->ea));
    s->eb = malloc((sys->m + 1) * sizeof(*s->eb));
    s->ey = calloc(sys->m + 1, sizeof(*s->ey));
    s->br_edge = malloc((sys->m + 1) * sizeof(*s->br_edge));
    s->edge_start = malloc((sys->m + 2) * sizeof(*s->edge_start));
    s->edge_brs = malloc((sys->m + 1) * sizeof(*s->edge_brs));
    if (!keys || !s->ea || !s->eb || !s->ey || !s->br_edge || !s->edge_start ||
        !s->edge_brs) {
        free(keys);
        return -1;
    }
    /* sort (min, max, branch) keys: pack ends in 64 bits, branch beside */
    for (i = 0; i < sys->m; i++) {
        uint32_t lo = sys->a[i] < sys->b[i] ? sys->a[i] : sys->b[i];
        uint32_t hi = sys->a[i] < sys->b[i] ? sys->b[i] : sys->a[i];
        keys[2 * i] = ((uint64_t)lo << 32) | hi;
        keys[2 * i + 1] = i;
    }
    if (sort_keys(keys, sys->m) != 0)
        qsort(keys, sys->m, 2 * sizeof(*keys), cmp_pair); /* short of memory */
    s->ne = 0;
    for (i = 0; i < sys->m; i++) {
        uint64_t key = keys[2 * i];
        size_t br = (size_t)keys[2 * i + 1];
        double complex z = sys->z[br];
        s->edge_brs[i] = (uint32_t)br;
        if (i == 0 || key != keys[2 * (i - 1)]) {
            s->edge_start[s->ne] = (uint32_t)i;
            s->ea[s->ne] = (uint32_t)(key >> 32);
            s->eb[s->ne] = (uint32_t)(key & 0xffffffffu);
            s->ey[s->ne] = 0;
            s->ne++;
        }
        if (cabs(z) < 1e-12)
            z = 1e-12 * I; /* a bus coupler of zero impedance */
        s->ey[s->ne - 1] += 1.0 / z;
        s->br_edge[br] = (uint32_t)(s->ne - 1);
    }
    s->edge_start[s->ne] = (uint32_t)sys->m;
    free(keys);
    return 0;
}

static int build_adjacency(struct k3a__sol *s)
{
    uint32_t *fill;
    size_t i;

    s->adj_start = calloc(s->n + 2, sizeof(*s->adj_start));
    s->adj = malloc((2 * s->ne + 1) * sizeof(*s->adj));
    fill = calloc(s->n + 1, sizeof(*fill));
    if (!s->adj_start || !s->adj || !fill) {
        free(fill);
        return -1;
    }
    for (i = 0; i < s->ne; i++) {
        s->adj_start[s->ea[i] + 1]++;
        s->adj_start[s->eb[i] + 1]++;
    }
    for (i = 0; i < s->n; i++)
        s->adj_start[i + 1] += s->adj_start[i];
    for (i = 0; i < s->ne; i++) {
        s->adj[s->adj_start[s->ea[i]] + fill[s->ea[i]]++] = (uint32_t)i;
        s->adj[s->adj_start[s->eb[i]] + fill[s->eb[i]]++] = (uint32_t)i;
    }
    free(fill);
    return 0;
}

static uint32_t other(const struct k3a__sol *s, uint32_t e, uint32_t v)
{
    return s->ea[e] == v ? s->eb[e] : s->ea[e];
}

/* Two-pass walk of a tree component listed in BFS order from its root. */
static void solve_tree(struct k3a__sol *s, const uint32_t *order, size_t n)
{
    size_t i;

    for (i = n; i-- > 0;) {
        uint32_t v = order[i];
        s->ybelow[v] += s->ysh[v];
        if (s->parent_edge[v] >= 0) {
            uint32_t e = (uint32_t)s->parent_edge[v];
            s->ybelow[s->parent[v]] += series_adm(1.0 / s->ey[e], s->ybelow[v]);
        }
    }
    for (i = 0; i < n; i++) {
        uint32_t v = order[i];
        double complex ytot;
        if (s->parent_edge[v] < 0) {
            s->yabove[v] = 0;
        } else {
            uint32_t p = s->parent[v], e = (uint32_t)s->parent_edge[v];
            double complex zv = 1.0 / s->ey[e];
            /* what p presents without v's subtree */
            double complex yrest = s->ybelow[p] + s->yabove[p] -
                                   series_adm(zv, s->ybelow[v]);
            s->yabove[v] = series_adm(zv, yrest);
        }
        ytot = s->ybelow[v] + s->yabove[v];
        s->zth[v] = is_zero(ytot) ? INFINITY : 1.0 / ytot;
    }
}

/* Peels the trees off a component's loops (repeatedly removing nodes of
 * degree one, at least one node left in the core): order[] receives the
 * peeled nodes, leaves first, each marked in s->peeled with its parent
 * towards the core; none when peel is 0.  Their count, or -1 when out of
 * memory. */
static long peel_trees(struct k3a__sol *s, const struct comp *c, int peel,
                       uint32_t *order)
{
    uint32_t *deg = malloc(c->n * sizeof(*deg));
    size_t i, j, n_order = 0, head = 0;

    if (!deg)
        return -1;
    for (i = 0; i < c->n; i++) {
        uint32_t v = c->nodes[i];
        deg[i] = s->adj_start[v + 1] - s->adj_start[v];
        s->parent_edge[v] = -1;
        s->parent[v] = v;
        if (peel && deg[i] <= 1 && n_order + 1 < c->n)
            order[n_order++] = v;
    }
    while (head < n_order) {
        uint32_t v = order[head++];
        s->peeled[v] = 1;
        for (j = s->adj_start[v]; j < s->adj_start[v + 1]; j++) {
            uint32_t e = s->adj[j], w = other(s, e, v);
            if (s->peeled[w])
                continue;
            s->parent[v] = w;
            s->parent_edge[v] = (int32_t)e;
            if (--deg[s->local[w]] == 1 && n_order + 1 < c->n)
                order[n_order++] = w;
            break;
        }
    }
    free(deg);
    return (long)n_order;
}

/* Up the peeled trees, leaves first: each tree becomes an admittance (and
 * a count of sources) at the loop node it hangs from (Kron reduction of a
 * radial branch). */
static void trees_up(struct k3a__sol *s, const uint32_t *order, size_t n_order)
{
    size_t i;

    for (i = 0; i < n_order; i++) {
        uint32_t v = order[i];
        s->ybelow[v] += s->ysh[v];
        s->srcbelow[s->parent[v]] += s->srcbelow[v];
        if (s->parent_edge[v] >= 0)
            s->ybelow[s->parent[v]] +=
                series_adm(1.0 / s->ey[s->parent_edge[v]], s->ybelow[v]);
    }
}

/* Adds x to element (i, j) of m. */
static void matrix_add(gsl_matrix_complex *m, size_t i, size_t j, double complex x)
{
    gsl_complex y = gsl_matrix_complex_get(m, i, j);

    GSL_SET_COMPLEX(&y, GSL_REAL(y) + creal(x), GSL_IMAG(y) + cimag(x));
    gsl_matrix_complex_set(m, i, j, y);
}

/* The core (the nodes left after peeling), numbered in s->corelocal, and
 * its nodal admittance matrix Y in c->lu, with the GSL work space; -1 when
 * out of memory. */
static int core_matrix(struct k3a__sol *s, struct comp *c)
{
    size_t i, j;

    c->core = malloc(c->n * sizeof(*c->core));
    if (!c->core)
        return -1;
    c->n_core = 0;
    for (i = 0; i < c->n; i++)
        if (!s->peeled[c->nodes[i]]) {
            s->corelocal[c->nodes[i]] = (uint32_t)c->n_core;
            c->core[c->n_core++] = c->nodes[i];
        }
    c->lu = gsl_matrix_complex_calloc(c->n_core, c->n_core);
    c->perm = gsl_permutation_alloc(c->n_core);
    c->rhs = gsl_vector_complex_alloc(c->n_core);
    c->col = gsl_vector_complex_alloc(c->n_core);
    if (!c->lu || !c->perm || !c->rhs || !c->col)
        return -1;
    for (i = 0; i < c->n_core; i++) {
        uint32_t v = c->core[i];
        /* own shunt sources plus the trees hanging here */
        double complex d = s->ysh[v] + s->ybelow[v];
        for (j = s->adj_start[v]; j < s->adj_start[v + 1]; j++) {
            uint32_t e = s->adj[j], w = other(s, e, v);
            if (s->peeled[w])
                continue;
            d += s->ey[e];
            matrix_add(c->lu, i, s->corelocal[w], -s->ey[e]);
        }
        matrix_add(c->lu, i, i, d);
    }
    return 0;
}

/* Y's LU decomposition in place, and each core node's Z_kk from the
 * inverse's diagonal (one solve a node); -1 when Y is singular. */
static int core_zkk(struct k3a__sol *s, struct comp *c)
{
    size_t i;
    int signum;

    if (gsl_linalg_complex_LU_decomp(c->lu, c->perm, &signum) != GSL_SUCCESS)
        return -1;
    for (i = 0; i < c->n_core; i++) {
        gsl_complex z;
        gsl_vector_complex_set_basis(c->rhs, i);
        if (gsl_linalg_complex_LU_solve(c->lu, c->perm, c->rhs, c->col) !=
            GSL_SUCCESS)
            return -1;
        z = gsl_vector_complex_get(c->col, i);
        if (!isfinite(GSL_REAL(z)) || !isfinite(GSL_IMAG(z)))
            return -1;
        s->zth[c->core[i]] = GSL_REAL(z) + GSL_IMAG(z) * I;
    }
    return 0;
}

/* Down the peeled trees, from the loop nodes outwards, as in solve_tree. */
static void trees_down(struct k3a__sol *s, const uint32_t *order, size_t n_order)
{
    size_t i;

    for (i = n_order; i-- > 0;) {
        uint32_t v = order[i], p = s->parent[v];
        uint32_t e = (uint32_t)s->parent_edge[v];
        double complex zv = 1.0 / s->ey[e], ytot;
        double complex ytp = isfinite(creal(s->zth[p])) ? 1.0 / s->zth[p] : 0;
        double complex yrest = ytp - series_adm(zv, s->ybelow[v]);
        s->yabove[v] = series_adm(zv, yrest);
        ytot = s->ybelow[v] + s->yabove[v];
        s->zth[v] = is_zero(ytot) ? INFINITY : 1.0 / ytot;
    }
}

/* A component with loops.  The trees hanging off the loops are peeled,
 * each becoming an exact shunt admittance at the loop node it hangs from,
 * so only the loop core goes to the dense GSL LU.  Then the trees are
 * walked down from the core's Z_kk as in solve_tree.  A component without
 * a source has no Z_kk (infinite).  0, -1 out of memory, -2 singular. */
static int solve_meshed(struct k3a__sol *s, struct comp *c, int peel,
                        uint32_t *order)
{
    long n_order;
    size_t i;
    int has_src = 0;

    for (i = 0; i < c->n; i++)
        has_src |= !is_zero(s->ysh[c->nodes[i]]);
    if (!has_src) {
        for (i = 0; i < c->n; i++)
            s->zth[c->nodes[i]] = INFINITY;
        return 0;
    }
    n_order = peel_trees(s, c, peel, order);
    if (n_order < 0)
        return -1;
    c->peel = malloc(((size_t)n_order + 1) * sizeof(*c->peel));
    if (!c->peel)
        return -1;
    memcpy(c->peel, order, (size_t)n_order * sizeof(*order));
    c->n_peel = (size_t)n_order;
    trees_up(s, order, c->n_peel);
    if (core_matrix(s, c))
        return -1;
    if (core_zkk(s, c))
        return -2;
    trees_down(s, order, c->n_peel);
    return 0;
}

/* The per-node arrays of s; -1 when out of memory. */
static int sol_alloc(struct k3a__sol *s, const struct k3a__sys *sys)
{
    size_t i;

    s->comp_of = malloc((s->n + 1) * sizeof(*s->comp_of));
    s->local = malloc((s->n + 1) * sizeof(*s->local));
    s->ysh = malloc((s->n + 1) * sizeof(*s->ysh));
    s->zth = malloc((s->n + 1) * sizeof(*s->zth));
    s->parent_edge = malloc((s->n + 1) * sizeof(*s->parent_edge));
    s->parent = malloc((s->n + 1) * sizeof(*s->parent));
    s->ybelow = calloc(s->n + 1, sizeof(*s->ybelow));
    s->yabove = calloc(s->n + 1, sizeof(*s->yabove));
    s->dv = calloc(s->n + 1, sizeof(*s->dv));
    s->srcbelow = calloc(s->n + 1, sizeof(*s->srcbelow));
    s->peeled = calloc(s->n + 1, 1);
    s->corelocal = calloc(s->n + 1, sizeof(*s->corelocal));
    if (!s->comp_of || !s->local || !s->ysh || !s->zth || !s->parent_edge ||
        !s->parent || !s->ybelow || !s->yabove || !s->dv || !s->srcbelow ||
        !s->peeled || !s->corelocal)
        return -1;
    for (i = 0; i < s->n; i++) {
        s->comp_of[i] = UINT32_MAX;
        s->ysh[i] = sys->ysh[i];
    }
    return 0;
}

/* The component of node i, numbered s->n_comps, into queue (its size
 * returned): *root a node holding a network source when there is one (so
 * that "up" in the tree is towards the source), *edges2 twice its edges. */
static size_t collect_component(struct k3a__sol *s, const struct k3a__sys *sys, uint32_t i,
                                uint32_t *queue, uint32_t *root, size_t *edges2)
{
    size_t head = 0, tail = 0, j;

    *root = i;
    *edges2 = 0;
    queue[tail++] = i;
    s->comp_of[i] = (uint32_t)s->n_comps;
    while (head < tail) {
        uint32_t v = queue[head++];
        if (sys->netsrc && sys->netsrc[v] && *root == i && !(sys->netsrc[i]))
            *root = v;
        for (j = s->adj_start[v]; j < s->adj_start[v + 1]; j++) {
            uint32_t w = other(s, s->adj[j], v);
            (*edges2)++;
            if (s->comp_of[w] == UINT32_MAX) {
                s->comp_of[w] = (uint32_t)s->n_comps;
                queue[tail++] = w;
            }
        }
    }
    return tail;
}

/* The BFS tree of component c from root: parents, local numbers and
 * c->nodes in BFS order (queue holds the component's nodes). */
static void component_tree(struct k3a__sol *s, struct comp *c, uint32_t root,
                           uint32_t *queue)
{
    size_t head = 0, tail = 0, j;

    for (j = 0; j < c->n; j++)
        s->local[queue[j]] = UINT32_MAX;
    queue[tail++] = root;
    s->local[root] = 0;
    s->parent_edge[root] = -1;
    s->parent[root] = root;
    while (head < tail) {
        uint32_t v = queue[head++];
        for (j = s->adj_start[v]; j < s->adj_start[v + 1]; j++) {
            uint32_t e = s->adj[j], w = other(s, e, v);
            if (s->local[w] == UINT32_MAX) {
                s->local[w] = (uint32_t)tail;
                s->parent[w] = v;
                s->parent_edge[w] = (int32_t)e;
                queue[tail++] = w;
            }
        }
    }
    memcpy(c->nodes, queue, c->n * sizeof(*queue));
}

/* Network sources in the component and below each node of its tree
 * ("which side feeds"); -1 when out of memory. */
static int component_sources(struct k3a__sol *s, const struct k3a__sys *sys,
                             const struct comp *c)
{
    uint32_t *cs = realloc(s->comp_src, s->n_comps * sizeof(*cs));
    size_t q;

    if (!cs)
        return -1;
    s->comp_src = cs;
    cs[s->n_comps - 1] = 0;
    for (q = 0; q < c->n; q++)
        cs[s->n_comps - 1] += sys->netsrc && sys->netsrc[c->nodes[q]] ? 1u : 0u;
    for (q = c->n; q-- > 0 && !c->meshed;) {
        uint32_t v = c->nodes[q];
        s->srcbelow[v] += sys->netsrc && sys->netsrc[v] ? 1u : 0u;
        if (s->parent_edge[v] >= 0)
            s->srcbelow[s->parent[v]] += s->srcbelow[v];
    }
    for (q = 0; q < c->n && c->meshed; q++) {
        uint32_t v = c->nodes[q];
        s->srcbelow[v] = sys->netsrc && sys->netsrc[v] ? 1u : 0u;
    }
    return 0;
}

/* The component of node i: found, its tree, its sources, solved (a tree
 * directly, a meshed one by its core).  0, -1 out of memory, -2 singular. */
static int add_component(struct k3a__sol *s, const struct k3a__sys *sys, uint32_t i,
                         uint32_t *queue)
{
    uint32_t root;
    size_t edges2, n = collect_component(s, sys, i, queue, &root, &edges2);
    struct comp *c, *nc = realloc(s->comps, (s->n_comps + 1) * sizeof(*s->comps));

    if (!nc)
        return -1;
    s->comps = nc;
    c = &s->comps[s->n_comps++];
    memset(c, 0, sizeof(*c));
    c->n = n;
    c->meshed = edges2 / 2 != n - 1 || sys->force_nodal;
    c->nodes = malloc(n * sizeof(*c->nodes));
    if (!c->nodes)
        return -1;
    component_tree(s, c, root, queue);
    if (component_sources(s, sys, c))
        return -1;
    if (c->meshed) {
        s->any_meshed = 1;
        return solve_meshed(s, c, sys->force_nodal != 2, queue);
    }
    solve_tree(s, c->nodes, c->n);
    return 0;
}

struct k3a__sol *k3a__sol_new(const struct k3a__sys *sys, int *status)
{
    struct k3a__sol *s = calloc(1, sizeof(*s));
    uint32_t *queue = NULL;
    size_t i;
    int rc = -1;

    *status = -1;
    if (!s)
        return NULL;
    s->n = sys->n;
    s->m = sys->m;
    s->ba = sys->a;
    s->by = malloc((s->m + 1) * sizeof(*s->by));
    if (!s->by)
        goto fail;
    for (i = 0; i < s->m; i++)
        s->by[i] = branch_adm(sys->z[i]);
    queue = malloc((s->n + 1) * sizeof(*queue));
    if (!queue || merge_edges(s, sys) || build_adjacency(s) || sol_alloc(s, sys))
        goto fail;
    rc = 0;
    for (i = 0; i < s->n && rc == 0; i++)
        if (s->comp_of[i] == UINT32_MAX)
            rc = add_component(s, sys, (uint32_t)i, queue);
    if (rc)
        goto fail;
    free(queue);
    *status = 0;
    return s;
fail:
    *status = rc == -2 ? -2 : -1;
    free(queue);
    k3a__sol_free(s);
    return NULL;
}

double complex k3a__sol_zth(const struct k3a__sol *s, uint32_t k)
{
    return k < s->n ? s->zth[k] : INFINITY;
}

int k3a__sol_meshed(const struct k3a__sol *s)
{
    return s->any_meshed;
}

int k3a__sol_feeds(const struct k3a__sol *s, uint32_t k, uint32_t branch)
{
    uint32_t e, c;

    if (k >= s->n || branch >= s->m)
        return 0;
    e = s->br_edge[branch];
    c = s->comp_of[k];
    if (s->comps[c].meshed) {
        uint32_t w = other(s, e, k);
        if (s->peeled[w] && s->parent[w] == k && s->parent_edge[w] == (int32_t)e)
            return s->srcbelow[w] > 0; /* a tree hanging below k */
        if (!s->peeled[k])
            return 1; /* a branch of the loops */
    }
    if (s->parent_edge[k] == (int32_t)e)
        return s->comp_src[c] > s->srcbelow[k];
    return s->srcbelow[other(s, e, k)] > 0;
}

/* Splits an edge current over the original branches of that edge and
 * appends them; sign follows each branch's a->b. */
static size_t emit(const struct k3a__sol *s, uint32_t e, uint32_t from,
                   double complex i_from_to, struct k3a__flow *out, size_t n,
                   size_t cap)
{
    size_t j;

    for (j = s->edge_start[e]; j < s->edge_start[e + 1] && n < cap; j++) {
        uint32_t br = s->edge_brs[j];
        double complex share;
        share = i_from_to / s->ey[e] * s->by[br];
        out[n].br = br;
        out[n].i = s->ba[br] == from ? share : -share;
        n++;
    }
    return n;
}

size_t k3a__sol_flows(struct k3a__sol *s, uint32_t k, struct k3a__flow *out,
                      size_t cap, size_t max_up)
{
    const struct comp *c;
    size_t n = 0, j, up = 0;

    if (k >= s->n || !isfinite(creal(s->zth[k])))
        return 0;
    c = &s->comps[s->comp_of[k]];
    if (!c->meshed) {
        /* incident edges: children deliver series_adm(z, ybelow), the
         * parent edge delivers yabove (1 pu at the fault) */
        double complex dv = 1.0;
        uint32_t v = k;
        for (j = s->adj_start[k]; j < s->adj_start[k + 1]; j++) {
            uint32_t e = s->adj[j], w = other(s, e, k);
            if (s->parent_edge[k] == (int32_t)e)
                continue;
            n = emit(s, e, w, series_adm(1.0 / s->ey[e], s->ybelow[w]), out, n,
                     cap);
        }
        /* up the tree towards the root: I = dV * Y_above at each node */
        while (s->parent_edge[v] >= 0 && n < cap && up++ < max_up) {
            uint32_t e = (uint32_t)s->parent_edge[v], p = s->parent[v];
            double complex i = dv * s->yabove[v];
            n = emit(s, e, p, i, out, n, cap);
            dv = dv - i / s->ey[e];
            v = p;
            if (cabs(dv) < 1e-9)
                break;
        }
        return n;
    }
    /* walk up the peeled tree (if the fault is in one) to its loop node,
     * then the loop core: dV_i = dV_k Z_ik / Z_kk */
    {
        struct comp *cc = &s->comps[s->comp_of[k]];
        double complex dv = 1.0, zk;
        gsl_complex zkk;
        uint32_t v = k;
        size_t i;
        for (j = s->adj_start[k]; j < s->adj_start[k + 1]; j++) {
            uint32_t e = s->adj[j], w = other(s, e, k);
            if (s->peeled[w] && s->parent[w] == k && s->parent_edge[w] == (int32_t)e)
                n = emit(s, e, w, series_adm(1.0 / s->ey[e], s->ybelow[w]), out, n,
                         cap);
        }
        while (s->peeled[v] && s->parent_edge[v] >= 0 && n < cap && up++ < max_up) {
            uint32_t e = (uint32_t)s->parent_edge[v], p = s->parent[v];
            double complex cur = dv * s->yabove[v];
            n = emit(s, e, p, cur, out, n, cap);
            dv = dv - cur / s->ey[e];
            v = p;
        }
        if (s->peeled[v] || !cc->n_core)
            return n;
        gsl_vector_complex_set_basis(cc->rhs, s->corelocal[v]);
        if (gsl_linalg_complex_LU_solve(cc->lu, cc->perm, cc->rhs, cc->col) !=
            GSL_SUCCESS)
            return n;
        zkk = gsl_vector_complex_get(cc->col, s->corelocal[v]);
        zk = GSL_REAL(zkk) + GSL_IMAG(zkk) * I;
        for (i = 0; i < cc->n_core; i++) {
            gsl_complex z = gsl_vector_complex_get(cc->col, i);
            s->dv[cc->core[i]] = dv * (GSL_REAL(z) + GSL_IMAG(z) * I) / zk;
        }
        for (i = 0; i < cc->n_core && n < cap; i++) {
            uint32_t u = cc->core[i];
            for (j = s->adj_start[u]; j < s->adj_start[u + 1] && n < cap; j++) {
                uint32_t e = s->adj[j], w = other(s, e, u);
                if (s->peeled[w]) {
                    /* a tree holding a generator feeds its loop node */
                    if (u != v && s->parent[w] == u && s->srcbelow[w] > 0)
                        n = emit(s, e, w,
                                 s->dv[u] * series_adm(1.0 / s->ey[e], s->ybelow[w]),
                                 out, n, cap);
                    continue;
                }
                if (s->ea[e] != u)
                    continue; /* each loop edge once */
                n = emit(s, e, u, (s->dv[u] - s->dv[w]) * s->ey[e], out, n, cap);
            }
        }
        return n;
    }
}

/* Adds an edge current (from -> other end) to its original branches, split
 * as emit() splits it. */
static void add_edge(const struct k3a__sol *s, uint32_t e, uint32_t from,
                     double complex i_from_to, double complex *ibr)
{
    size_t j;

    for (j = s->edge_start[e]; j < s->edge_start[e + 1]; j++) {
        uint32_t br = s->edge_brs[j];
        double complex share = i_from_to / s->ey[e] * s->by[br];
        ibr[br] += s->ba[br] == from ? share : -share;
    }
}

/* The i-th node of a component's walk up its trees, leaves first: a
 * radial component's BFS order backwards (root excluded), a meshed one's
 * peeled nodes. */
static uint32_t up_node(const struct comp *c, size_t i)
{
    return c->meshed ? c->peel[i] : c->nodes[c->n - 1 - i];
}

/* One component's load flow.  Each tree, leaves first, passes the current
 * its loads draw to its parent as a Norton equivalent passes through a
 * series impedance z (J' = J / (1 + z Y_below), Y_below being the sources
 * below); the root takes dV = J / Y_below (a radial component) or the
 * loop nodes one LU solve dV = Z J (a meshed one), and the trees are
 * walked back down: dV_v = (dV_p y + J_v) / (y + Y_below,v) and
 * I_p->v = J_v - Y_below,v dV_v (without a source below, exactly the sum
 * of the loads below).  Every branch gets its current, those towards
 * sources hanging anywhere included.  jb is scratch of n nodes. */
static int inject_comp(struct k3a__sol *s, struct comp *c,
                       const double complex *inode, double complex *jb,
                       double complex *ibr)
{
    double complex *dv = s->dv;
    size_t i, j, n_up = c->meshed ? c->n_peel : c->n - 1;

    for (i = 0; i < c->n; i++)
        jb[c->nodes[i]] = inode[c->nodes[i]];
    for (i = 0; i < n_up; i++) {
        uint32_t v = up_node(c, i), e = (uint32_t)s->parent_edge[v];
        jb[s->parent[v]] += jb[v] / (1.0 + s->ybelow[v] / s->ey[e]);
    }
    if (!c->meshed) {
        uint32_t root = c->nodes[0];
        if (is_zero(s->ybelow[root]))
            return 0; /* no source: no current */
        dv[root] = jb[root] / s->ybelow[root];
    } else {
        if (!c->lu || !c->n_core)
            return 0;
        for (i = 0; i < c->n_core; i++) {
            gsl_complex x;
            GSL_SET_COMPLEX(&x, creal(jb[c->core[i]]), cimag(jb[c->core[i]]));
            gsl_vector_complex_set(c->rhs, i, x);
        }
        if (gsl_linalg_complex_LU_solve(c->lu, c->perm, c->rhs, c->col) !=
            GSL_SUCCESS)
            return -1;
        for (i = 0; i < c->n_core; i++) {
            gsl_complex x = gsl_vector_complex_get(c->col, i);
            dv[c->core[i]] = GSL_REAL(x) + GSL_IMAG(x) * I;
        }
        for (i = 0; i < c->n_core; i++) { /* the loops, each edge once */
            uint32_t u = c->core[i];
            for (j = s->adj_start[u]; j < s->adj_start[u + 1]; j++) {
                uint32_t e = s->adj[j], w = other(s, e, u);
                if (!s->peeled[w] && s->ea[e] == u)
                    add_edge(s, e, u, (dv[w] - dv[u]) * s->ey[e], ibr);
            }
        }
    }
    for (i = n_up; i-- > 0;) { /* down the trees */
        uint32_t v = up_node(c, i), p = s->parent[v];
        uint32_t e = (uint32_t)s->parent_edge[v];
        dv[v] = (dv[p] * s->ey[e] + jb[v]) / (s->ey[e] + s->ybelow[v]);
        add_edge(s, e, p, jb[v] - s->ybelow[v] * dv[v], ibr);
    }
    return 0;
}

int k3a__sol_inject(struct k3a__sol *s, const double complex *inode,
                    double complex *ibr)
{
    double complex *jb = calloc(s->n + 1, sizeof(*jb));
    size_t ci;
    int rc = 0;

    if (!jb)
        return -1;
    for (ci = 0; ci < s->n_comps && rc == 0; ci++)
        rc = inject_comp(s, &s->comps[ci], inode, jb, ibr);
    free(jb);
    return rc;
}
