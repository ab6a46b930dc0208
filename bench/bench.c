/*
 * bench.c - `make bench`: what users feel, each figure beside its target
 * (issue 21): a factory audit and a sweep as the program runs them, 1,000
 * sites with -j 2, a 100,000-bus site with workbook and JSON, a chain
 * against a tree of the same size, the workbook against raw libxlsxwriter
 * writing the same cells (bench/replay.c) and growth from 10k to 100k;
 * then every stage's time on generated sites.  Never a test: numbers
 * depend on the machine.  Each size runs in a child process so its peak
 * memory is its own: its reading and stages the better of two such
 * processes, its workbooks the best of three in one; a whole process the
 * best of five, three or one (the machine may be shared: say so when
 * quoting).
 */
#define _GNU_SOURCE
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <gsl/gsl_errno.h>

#include "gen.h"
#include "replay.h"
#include "stages.h"
#include "k3audit/k3audit.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void arcflash_rate(const struct k3a_models *m)
{
    struct k3a_arc_model am;
    struct k3a_diag_list dl;
    struct k3a_arc_in in[64];
    struct k3a_arc_out out;
    double t0, t, sink = 0;
    long n = 0;
    int i;

    k3a_diag_list_init(&dl);
    if (k3a_arc_model_build(m, &am, &dl) != K3A_OK)
        return;
    k3a_diag_list_release(&dl);
    for (i = 0; i < 64; i++) {
        memset(&in[i], 0, sizeof(in[i]));
        in[i].electrode = (enum k3a_electrode)(i % 5);
        in[i].voc_kV = i % 2 ? 0.4 : 4.16 + (i % 7);
        in[i].ibf_kA = 5 + i % 40;
        in[i].gap_mm = i % 2 ? 25 + i % 10 : 104;
        in[i].distance_mm = i % 2 ? 457.2 : 914.4;
        in[i].height_mm = in[i].width_mm = 508 + 10 * (i % 9);
        in[i].depth_mm = 400;
        in[i].t_ms = 50 + i;
        in[i].t_min_ms = 80 + i;
    }
    t0 = now();
    do {
        for (i = 0; i < 64; i++) {
            k3a_arc_compute(&am, &in[i], &out);
            sink += out.energy_J_cm2;
        }
        n += 64;
        t = now() - t0;
    } while (t < 1.0);
    printf("%-44s %12.0f /s   target >= 1000000 /s  %s\n",
           "arc flash (full + reduced, LV and MV mix)", (double)n / t,
           (double)n / t >= 1e6 ? "ok" : "SLOW");
    if (sink < 0)
        printf("?\n");
}

struct stage_times {
    double gen, load, sc, prot, arc, meas, flow, cab, find, stages, xlsx, raw;
    long peak_kB;
    size_t cells;
    int ok;
};

/* Our workbook and raw libxlsxwriter writing the same cells (replay.c),
 * each the best of three runs taken in turn: ours, then ours again
 * untimed with its calls kept, the raw one, then twice ours and the raw
 * one (on a shared machine a single pair moves by +-0.04).  The row's peak
 * memory is taken before the record is kept.  0, or -1 when our workbook
 * failed (the raw figure stays 0 when it did). */
static int workbook_times(struct k3a_results *r, struct k3a_report_opts *ro, const char *path,
                          struct stage_times *st)
{
    char msg[256];
    struct rusage ru;
    double t, raw;
    int k;

    for (k = 0; k < 3; k++) {
        t = now();
        if (k3a_report_write_xlsx(r, ro, path, msg, sizeof(msg)) != K3A_OK) {
            fprintf(stderr, "%s\n", msg);
            return -1;
        }
        t = now() - t;
        unlink(path);
        if (k == 0 || t < st->xlsx)
            st->xlsx = t;
        if (k == 0) {
            getrusage(RUSAGE_SELF, &ru);
            st->peak_kB = ru.ru_maxrss;
            if (k3a_replay_record() != 0 ||
                k3a_report_write_xlsx(r, ro, path, msg, sizeof(msg)) != K3A_OK ||
                k3a_replay_stop() == 0)
                break;
            unlink(path);
        }
        raw = k3a_replay_write(path);
        unlink(path);
        if (raw > 0 && (st->raw <= 0 || raw < st->raw))
            st->raw = raw;
    }
    k3a_replay_stop();
    k3a_replay_release();
    unlink(path);
    return 0;
}

/* Reads the site and runs the stages exactly as k3a_audit_run does, with
 * their times, into a fresh site and results; the diagnostics into dl
 * (the workbook lists them).  0, or -1 printing why. */
static int site_and_stages(const char *text, size_t len, struct k3a_models *m,
                           struct k3a_site *s, struct k3a_results *r,
                           struct k3a_diag_list *dl, struct stage_times *st)
{
    struct k3a__stage_times tm;
    double t;
    int rc = -1;

    k3a_site_init(s);
    k3a_results_init(r);
    t = now();
    if (k3a_site_load_text(s, "bench.ini", text, len, m, dl) != K3A_OK)
        goto out;
    st->load = now() - t;
    r->title_langs = 1u << K3A_LANG_ID; /* as `audit` does: one report language */
    r->site = s;
    r->models = m;
    r->limits = k3a_models_limits(m, "puil2011");
    t = now();
    if (k3a__audit_stages(r, dl, &tm) != K3A_OK)
        goto out;
    st->stages = now() - t;
    st->sc = tm.sc;
    st->prot = tm.prot;
    st->arc = tm.arc;
    st->meas = tm.meas;
    st->flow = tm.flow;
    st->cab = tm.cab;
    st->find = tm.find; /* energy, inspection findings, risk register */
    rc = 0;
out:
    if (rc)
        k3a_diag_list_print(dl, stderr, 0);
    return rc;
}

/* Runs one size in this (child) process: reading the site and the
 * stages, then (xlsx) the workbook. */
static void run_size(enum k3a_gen_shape shape, long n, int xlsx, struct stage_times *st)
{
    struct k3a_models m;
    struct k3a_site s;
    struct k3a_results r;
    struct k3a_report_opts ro;
    struct k3a_diag_list dl;
    char *text = NULL, path[64];
    size_t len = 0, cells = 0;
    FILE *fp;
    double t;
    struct rusage ru;

    memset(st, 0, sizeof(*st));
    k3a_diag_list_init(&dl);
    k3a_models_init(&m);
    if (k3a_models_load(&m, NULL, &dl) != K3A_OK)
        return;
    t = now();
    fp = open_memstream(&text, &len);
    k3a_bench_gen(fp, shape, n);
    fclose(fp);
    st->gen = now() - t;
    if (site_and_stages(text, len, &m, &s, &r, &dl, st) != 0)
        return;
    free(text);
    if (!xlsx)
        goto done;
    snprintf(path, sizeof(path), "/tmp/k3a-bench-%ld.xlsx", (long)getpid());
    memset(&ro, 0, sizeof(ro));
    ro.version = "bench";
    ro.diags = &dl;
    ro.cells_written = &cells;
    if (workbook_times(&r, &ro, path, st) != 0)
        return;
    st->cells = cells;
done:
    if (!st->peak_kB) {
        getrusage(RUSAGE_SELF, &ru);
        st->peak_kB = ru.ru_maxrss;
    }
    st->ok = 1;
    k3a_results_release(&r);
    k3a_site_release(&s);
    k3a_models_release(&m);
    k3a_diag_list_release(&dl);
}

static int size_in_child(enum k3a_gen_shape shape, long n, int xlsx, struct stage_times *st)
{
    int fd[2], status;
    pid_t pid;

    if (pipe(fd))
        return -1;
    pid = fork();
    if (pid == 0) {
        close(fd[0]);
        gsl_set_error_handler_off();
        run_size(shape, n, xlsx, st);
        if (write(fd[1], st, sizeof(*st)) != (ssize_t)sizeof(*st))
            _exit(1);
        _exit(0);
    }
    close(fd[1]);
    if (read(fd[0], st, sizeof(*st)) != (ssize_t)sizeof(*st))
        memset(st, 0, sizeof(*st));
    close(fd[0]);
    waitpid(pid, &status, 0);
    return st->ok ? 0 : -1;
}

/* The reading's and the stages' figures of a run in place of st's. */
static void stages_from(struct stage_times *st, const struct stage_times *run)
{
    st->load = run->load;
    st->sc = run->sc;
    st->prot = run->prot;
    st->arc = run->arc;
    st->meas = run->meas;
    st->flow = run->flow;
    st->cab = run->cab;
    st->find = run->find;
    st->stages = run->stages;
}

/* Runs a shell command as a whole process: wall seconds and the peak
 * memory of its largest child (kB); -1 when it could not run or failed. */
static double run_cmd(const char *cmd, long *peak_kB)
{
    struct rusage ru;
    double t = now();
    int status;
    pid_t pid = fork();

    if (pid < 0)
        return -1;
    if (pid == 0) {
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    if (wait4(pid, &status, 0, &ru) < 0)
        return -1;
    t = now() - t;
    if (peak_kB) {
        struct rusage rc;
        getrusage(RUSAGE_CHILDREN, &rc);
        *peak_kB = rc.ru_maxrss > ru.ru_maxrss ? rc.ru_maxrss : ru.ru_maxrss;
    }
    return WIFEXITED(status) && WEXITSTATUS(status) <= 3 ? t : -1;
}

/* The best of runs whole-process runs of cmd. */
static double best_of(const char *cmd, int runs)
{
    double best = -1;
    int i;

    for (i = 0; i < runs; i++) {
        double t = run_cmd(cmd, NULL);
        if (t >= 0 && (best < 0 || t < best))
            best = t;
    }
    return best;
}

static void target(const char *what, double v, const char *unit, double limit)
{
    if (v < 0)
        printf("  %-52s  failed\n", what);
    else
        printf("  %-52s %9.3f %-4s %s\n", what, v, unit, v <= limit ? "ok" : "OVER");
}

/* Writes a generated site to path; 0 on success. */
static int gen_file(const char *path, enum k3a_gen_shape shape, long n)
{
    FILE *fp = fopen(path, "w");
    int rc;

    if (!fp)
        return -1;
    rc = k3a_bench_gen(fp, shape, n);
    return fclose(fp) || rc ? -1 : 0;
}

/* 1,000 copies of the example factory audited by the program with -j 2
 * (workbook each and the summary; extra: more options, " --pdf --labels"
 * for the PDF report and labels of every site too); seconds or -1. */
static double batch_sites(const char *extra)
{
    char dir[] = "/tmp/k3a-bench-batch-XXXXXX", path[256], cmd[512];
    FILE *in, *out;
    char *text = NULL, *head;
    size_t len = 0, cap = 0, got;
    double t;
    int i;

    if (!mkdtemp(dir))
        return -1;
    in = fopen("examples/pabrik-karawang.ini", "rb");
    if (!in)
        return -1;
    for (;;) {
        if (len + 4096 > cap) {
            char *p = realloc(text, cap = cap * 2 + 8192);
            if (!p)
                break;
            text = p;
        }
        got = fread(text + len, 1, 4096, in);
        if (!got)
            break;
        len += got;
    }
    fclose(in);
    /* 1,000 sites, not 1,000 audits of one: each copy gets its own site
     * id (the history keys a site by it), so none is compared with an
     * earlier audit */
    head = text ? strstr(text, "[site]\n") : NULL;
    for (i = 0; i < 1000 && head; i++) {
        size_t at = (size_t)(head - text) + strlen("[site]\n");
        snprintf(path, sizeof(path), "%s/site%04d.ini", dir, i);
        out = fopen(path, "wb");
        if (!out)
            break;
        fwrite(text, 1, at, out);
        fprintf(out, "id = BENCH-%04d\n", i);
        fwrite(text + at, 1, len - at, out);
        fclose(out);
    }
    free(text);
    snprintf(cmd, sizeof(cmd),
             "mkdir -p %s/out && build/k3audit audit %s/*.ini -O %s/out -j 2 -q%s "
             ">/dev/null 2>&1",
             dir, dir, dir, extra);
    t = run_cmd(cmd, NULL);
    snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    return t;
}

static void print_row(const char *name, const struct stage_times *one)
{
    double noxl = one->load + one->stages;
    printf("%-14s %7.3f %7.3f %7.3f %7.3f %7.3f %7.3f %7.3f %7.3f %7.3f %8.3f %8.3f "
           "%9.1f %8zu %7.2f\n",
           name, one->load, one->sc, one->prot, one->arc, one->meas, one->flow, one->cab,
           one->find, one->xlsx, noxl, noxl + one->xlsx, (double)one->peak_kB / 1024.0,
           one->cells, one->raw > 0 ? one->xlsx / one->raw : 0);
}

static int shape_of(const char *w)
{
    int i;

    for (i = 0; i < K3A_GEN_SHAPES; i++)
        if (strcmp(w, k3a_gen_shape_words[i]) == 0)
            return i;
    return -1;
}

int main(int argc, char **argv)
{
    static const struct {
        const char *name;
        enum k3a_gen_shape shape;
        long n;
    } sizes[] = { { "radial 10k", K3A_GEN_RADIAL, 10000 },
                  { "radial 100k", K3A_GEN_RADIAL, 100000 },
                  { "tree 20k", K3A_GEN_RADIAL, 20000 },
                  { "chain 20k", K3A_GEN_CHAIN, 20000 },
                  { "deepchain 10k", K3A_GEN_DEEPCHAIN, 10000 },
                  { "deepchain 20k", K3A_GEN_DEEPCHAIN, 20000 },
                  { "ringchain 20k", K3A_GEN_RINGCHAIN, 20000 },
                  { "meshed 2000", K3A_GEN_MESHED, 2000 } };
    enum { R10K, R100K, T20K, C20K, D10K, D20K, RC20K, M2K, NSIZES };
    struct stage_times st[NSIZES];
    struct k3a_models m;
    struct k3a_diag_list dl;
    char cmd[1024];
    char wdir[] = "/tmp/k3a-bench-XXXXXX", big[64], tree[64], chain[64];
    double factory, sweep, batch, batch_pdf, pdf, whole100k = -1, wtree = -1, wchain = -1, ptree = -1,
           pchain = -1;
    long peak100k = 0;
    size_t i;

    /* each figure shows as it is measured, also when the output is a file */
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc == 3 || argc == 4) {
        /* one generated site's stages: k3a-bench SHAPE BUSES [--no-xlsx] */
        struct stage_times one;
        int shape = shape_of(argv[1]);
        int xlsx = argc == 3;
        if (shape < 0 || atol(argv[2]) < 2 || (argc == 4 && strcmp(argv[3], "--no-xlsx"))) {
            fprintf(stderr, "usage: k3a-bench [radial|meshed|chain|deepchain|ringchain "
                            "BUSES [--no-xlsx]]\n");
            return 2;
        }
        gsl_set_error_handler_off();
        printf("%-14s %7s %7s %7s %7s %7s %7s %7s %7s %7s %8s %8s %9s %8s %7s\n", "site",
               "load", "sc", "protect", "arcfl", "measure", "flow", "cables", "en+risk",
               "xlsx", "no-xlsx", "total", "peak MiB", "cells", "xlsx/raw");
        run_size((enum k3a_gen_shape)shape, atol(argv[2]), xlsx, &one);
        if (!one.ok)
            return 1;
        print_row(argv[1], &one);
        return 0;
    }
    if (access("build/k3audit", X_OK) != 0) {
        fprintf(stderr, "k3a-bench: build/k3audit is missing (make first)\n");
        return 1;
    }
    gsl_set_error_handler_off();
    k3a_diag_list_init(&dl);
    k3a_models_init(&m);
    if (k3a_models_load(&m, NULL, &dl) != K3A_OK)
        return 1;
    printf("k3audit benchmark (%s); wall-clock seconds; the library runs on one thread\n\n",
           K3A_VERSION);
    arcflash_rate(&m);
    k3a_models_release(&m);
    k3a_diag_list_release(&dl);

    /* what users feel: whole processes, as they run them, with their
     * outputs and audit history in a folder of the bench's own (a store
     * shared with other runs would time its size, not the audit) */
    if (!mkdtemp(wdir)) {
        fprintf(stderr, "k3a-bench: cannot make a folder in /tmp\n");
        return 1;
    }
    snprintf(big, sizeof(big), "%s/100k.ini", wdir);
    snprintf(tree, sizeof(tree), "%s/tree.ini", wdir);
    snprintf(chain, sizeof(chain), "%s/chain.ini", wdir);
    snprintf(cmd, sizeof(cmd),
             "build/k3audit audit examples/pabrik-karawang.ini -o %s/f.xlsx --json %s/f.json "
             "-q >/dev/null 2>&1",
             wdir, wdir);
    factory = best_of(cmd, 5);
    snprintf(cmd, sizeof(cmd),
             "build/k3audit scenario examples/pabrik-karawang.ini "
             "--sweep device.ACB-MAIN.short_time_s=0.05:0.5:50 -o %s/s.xlsx >/dev/null 2>&1",
             wdir);
    sweep = best_of(cmd, 3);
    batch = batch_sites("");
    batch_pdf = batch_sites(" --pdf --labels");
    /* the example's PDF report alone: with --pdf less without (cli.md
     * "PDF outputs") */
    snprintf(cmd, sizeof(cmd),
             "build/k3audit audit examples/pabrik-karawang.ini -O %s --no-xlsx --pdf -q "
             ">/dev/null 2>&1",
             wdir);
    pdf = best_of(cmd, 5);
    {
        double base;
        snprintf(cmd, sizeof(cmd),
                 "build/k3audit audit examples/pabrik-karawang.ini -O %s --no-xlsx -q "
                 ">/dev/null 2>&1",
                 wdir);
        base = best_of(cmd, 5);
        pdf = pdf < 0 || base < 0 ? -1 : pdf - base;
    }
    if (gen_file(big, K3A_GEN_RADIAL, 100000) == 0) {
        snprintf(cmd, sizeof(cmd),
                 "build/k3audit audit %s -o %s/100k.xlsx --json %s/100k.json -q "
                 ">/dev/null 2>&1",
                 big, wdir, wdir);
        whole100k = run_cmd(cmd, &peak100k);
    }
    if (gen_file(tree, K3A_GEN_RADIAL, 20000) == 0 &&
        gen_file(chain, K3A_GEN_CHAIN, 20000) == 0) {
        snprintf(cmd, sizeof(cmd), "build/k3audit audit %s -o %s/t.xlsx -q >/dev/null 2>&1",
                 tree, wdir);
        ptree = run_cmd(cmd, NULL);
        snprintf(cmd, sizeof(cmd), "build/k3audit audit %s -o %s/c.xlsx -q >/dev/null 2>&1",
                 chain, wdir);
        pchain = run_cmd(cmd, NULL);
    }
    snprintf(cmd, sizeof(cmd), "rm -rf %s", wdir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", wdir);

    /* the stages in process, one size per child */
    printf("\n%-14s %7s %7s %7s %7s %7s %7s %7s %7s %7s %8s %8s %9s %8s %7s\n", "site",
           "load", "sc", "protect", "arcfl", "measure", "flow", "cables", "en+risk",
           "xlsx", "no-xlsx", "total", "peak MiB", "cells", "xlsx/raw");
    for (i = 0; i < NSIZES; i++) {
        /* reading and stages: the better of two cold runs, each a process
         * of its own, the better run whole (a stage of 20 ms moves by half
         * between single runs on a shared machine); the workbook and the
         * peak memory from the second */
        struct stage_times cold;
        if (size_in_child(sizes[i].shape, sizes[i].n, 0, &cold) ||
            size_in_child(sizes[i].shape, sizes[i].n, 1, &st[i])) {
            printf("%-14s failed\n", sizes[i].name);
            continue;
        }
        if (cold.load + cold.stages < st[i].load + st[i].stages)
            stages_from(&st[i], &cold);
        print_row(sizes[i].name, &st[i]);
    }
    printf("\nflow: the load flow, demand, capacity and voltage drop; cables: thermal\n"
           "withstand and the cable findings; no-xlsx: reading the site and the stages\n"
           "end to end (one thread); xlsx/raw: our workbook against libxlsxwriter alone\n"
           "writing the same cells, formats, row heights and merges (bench/replay.c)\n"
           "\nthe sites (bench/gen.c): radial/tree: 1000-bus blocks, each a tree (fan-out\n"
           "five) from its own 1600 kVA transformer; chain: sections of 50 boards looped\n"
           "in one after the other, each section with its own 400 kVA transformer, every\n"
           "link with its MCCB, link and MCCB sized for the boards below (its checks pass\n"
           "as the tree's do); deepchain: every bus behind the one before from one\n"
           "transformer (the worst case for a walk per element; its far buses fail most\n"
           "checks, so it is compared with itself at half the size); ringchain: the deep\n"
           "chain with its first three boards in a ring (one meshed component: its load\n"
           "flow is one solve); meshed: the tree with ring ties between boards\n");
    if (st[T20K].ok && st[C20K].ok) {
        wtree = st[T20K].load + st[T20K].stages;
        wchain = st[C20K].load + st[C20K].stages;
    }
    printf("\nwhole process with the workbook: tree 20k %.3f s, chain 20k %.3f s\n", ptree,
           pchain);

    printf("\ntargets (a 2-core machine):\n");
    target("typical factory audit, whole process (ms) <= 25", factory * 1000, "ms", 25);
    target("50-point sweep on it, whole process <= 0.5 s", sweep, "s", 0.5);
    target("1,000 example-size sites with -j 2 <= 12 s", batch, "s", 12);
    printf("  %-52s\n", "(the example under 1,000 site ids, kept in a new store)");
    printf("  %-52s %9.3f s    (beside the figure above; no target)\n",
           "the same with --pdf --labels", batch_pdf);
    target("the example's PDF report (less the audit) <= 0.3 s", pdf, "s", 0.3);
    target("radial 100k with workbook and JSON <= 10 s", whole100k, "s", 10);
    target("radial 100k whole process peak <= 1024 MiB",
           whole100k < 0 ? -1 : (double)peak100k / 1024.0, "MiB", 1024);
    target("radial 100k single-threaded stages <= 2.5 s",
           st[R100K].ok ? st[R100K].load + st[R100K].stages : -1, "s", 2.5);
    target("chain 20k / tree 20k (stages) <= 1.5", wtree > 0 ? wchain / wtree : -1, "x",
           1.5);
    target("deepchain 20k / 10k (stages; linear) <= 2.2",
           st[D20K].ok && st[D10K].ok
               ? (st[D20K].load + st[D20K].stages) / (st[D10K].load + st[D10K].stages)
               : -1,
           "x", 2.2);
    target("ringchain 20k / deepchain 20k (load flow) <= 1.5",
           st[RC20K].ok && st[D20K].ok && st[D20K].flow > 0 ? st[RC20K].flow / st[D20K].flow
                                                           : -1,
           "x", 1.5);
    target("workbook / raw libxlsxwriter (100k) <= 1.1",
           st[R100K].ok && st[R100K].raw > 0 ? st[R100K].xlsx / st[R100K].raw : -1, "x",
           1.1);
    target("growth: 100k / 10k (stages and workbook) <= 11",
           st[R100K].ok && st[R10K].ok
               ? (st[R100K].load + st[R100K].stages + st[R100K].xlsx) /
                     (st[R10K].load + st[R10K].stages + st[R10K].xlsx)
               : -1,
           "x", 11);
    return 0;
}
