/*
 * audit_jobs.c - `k3audit audit -j N SITE.ini...`: the sites in worker
 * processes (the program's parallelism at its edge: the library runs one
 * site at a time in each).  Each worker takes the next site from a shared
 * counter; each site's messages go to a file of its own and are printed
 * in argument order, so the output does not depend on which site
 * finished first.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "audit.h"
#include "cli.h"

/* The more serious of two exit statuses, cli.md (2) "Exit status": 1, then
 * 2, then 3, then 0 (a bad or unwritable site is never hidden behind a
 * --fail-on hit). */
int cli_more_serious(int a, int b)
{
    static const int rank[4] = { 0, 3, 2, 1 }; /* by status 0..3 */
    int ra = a >= 0 && a <= 3 ? rank[a] : 3, rb = b >= 0 && b <= 3 ? rank[b] : 3;
    return rb > ra ? b : a;
}

/* A progress bar on a terminal. */
void cli_progress(int done, int total)
{
    int w = 30, k = total > 0 ? done * w / total : w, i;

    fputs("\r[", stderr);
    for (i = 0; i < w; i++)
        fputc(i < k ? '#' : ' ', stderr);
    fprintf(stderr, "] %d/%d", done, total);
    if (done == total)
        fputc('\n', stderr);
    fflush(stderr);
}

/* A worker process: takes the next site from the shared counter until
 * none is left, each with its messages in a file of its own, and reports
 * (site, exit status) on the pipe.  One process audits many sites, so its
 * memory is faulted in once (a fork per site cost more system time than
 * the audit's own writing). */
static void worker(int *shared, int w, int fd, const char *dir, char **sites, int n,
                   char **outs, const struct audit_opts *o,
                   const struct k3a_models *models, struct k3a_site_summary *sums)
{
    struct audit_opts oc = *o;
    int *cur = shared + 1;

    oc.summary_stderr = 1;
    for (;;) {
        int rec[2], i = __atomic_fetch_add(&shared[0], 1, __ATOMIC_SEQ_CST), lfd;
        char log[64];
        if (i >= n)
            break;
        cur[w] = i;
        snprintf(log, sizeof(log), "%s/%d", dir, i);
        fflush(stderr);
        lfd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (lfd >= 0) {
            dup2(lfd, 2);
            close(lfd);
        }
        rec[0] = i;
        rec[1] = cli_audit_one(sites[i], outs[i], &oc, models, NULL, NULL, &sums[i]);
        fflush(stderr);
        cur[w] = -1;
        if (write(fd, rec, sizeof(rec)) != (ssize_t)sizeof(rec))
            break;
    }
    _exit(0);
}

/* Prints the messages of the sites done, in argument order, from the
 * first not yet printed; their exit statuses into *worst. */
static void print_done(const char *dir, char **sites, int n, const char *state,
                       const int *status, int *printed, int *worst, int bar)
{
    for (; *printed < n && state[*printed]; (*printed)++) {
        char log[64], buf[4096];
        FILE *fp;
        size_t len;
        snprintf(log, sizeof(log), "%s/%d", dir, *printed);
        fp = fopen(log, "r");
        if (fp) {
            if (bar)
                fputs("\r", stderr);
            while ((len = fread(buf, 1, sizeof(buf), fp)) > 0)
                fwrite(buf, 1, len, stderr);
            fclose(fp);
            unlink(log);
        }
        if (state[*printed] == 2)
            fprintf(stderr, "%s: the audit process failed\n", cli_safe(sites[*printed]));
        *worst = cli_more_serious(*worst, status[*printed]);
    }
}

/* Audits the sites in o->jobs worker processes.  Each site's messages
 * go to a file of its own; they are printed in argument order, so the
 * output does not depend on which site finished first.  A site that
 * fails, or whose process dies, never stops the others: the site a dead
 * worker was on is reported as failed, and the sites left get a new
 * generation of workers. */
int cli_audit_parallel(char **sites, int n, char **outs, const struct audit_opts *o,
                       const struct k3a_models *models, struct k3a_site_summary *sums)
{
    char dir[] = "/tmp/k3audit-jobs-XXXXXX";
    size_t shared_size = (size_t)(o->jobs + 1) * sizeof(int);
    int *status = calloc((size_t)n, sizeof(*status));
    char *state = calloc((size_t)n, 1); /* 0 to do, 1 done, 2 its process died */
    pid_t *pid = calloc((size_t)o->jobs, sizeof(*pid));
    /* [0]: the next site to take; [1 + w]: the site worker w is on, or -1 */
    int *shared = mmap(NULL, shared_size, PROT_READ | PROT_WRITE,
                       MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    int finished = 0, printed = 0, worst = EXIT_OK, i, w;
    int bar = !o->quiet && isatty(2);

    if (!status || !state || !pid || shared == MAP_FAILED || !mkdtemp(dir)) {
        free(status);
        free(state);
        free(pid);
        if (shared != MAP_FAILED)
            munmap(shared, shared_size);
        fprintf(stderr, "k3audit audit: cannot start the jobs\n");
        return EXIT_IO;
    }
    shared[0] = 0;
    fflush(stdout);
    fflush(stderr);
    while (finished < n) {
        int fd[2], rec[2], started = 0;
        if (pipe(fd) != 0)
            break;
        for (w = 0; w < o->jobs; w++) {
            pid[w] = 0;
            shared[1 + w] = -1;
            if (shared[0] >= n)
                continue;
            pid[w] = fork();
            if (pid[w] == 0) {
                /* the worker needs none of this bookkeeping (and leaves
                 * no block unreferenced when it exits) */
                close(fd[0]);
                free(pid);
                free(status);
                free(state);
                worker(shared, w, fd[1], dir, sites, n, outs, o, models, sums);
            }
            started += pid[w] > 0;
        }
        close(fd[1]);
        while (started && read(fd[0], rec, sizeof(rec)) == (ssize_t)sizeof(rec)) {
            if (rec[0] < 0 || rec[0] >= n || state[rec[0]])
                continue;
            status[rec[0]] = rec[1];
            state[rec[0]] = 1;
            finished++;
            if (bar)
                cli_progress(finished, n);
            print_done(dir, sites, n, state, status, &printed, &worst, bar);
        }
        close(fd[0]);
        /* the pipe closed: every worker of this generation has exited;
         * one that died leaves the site it was on */
        for (w = 0; w < o->jobs; w++) {
            int st, k = shared[1 + w];
            if (pid[w] > 0)
                waitpid(pid[w], &st, 0);
            if (pid[w] > 0 && k >= 0 && k < n && !state[k]) {
                status[k] = EXIT_IO;
                state[k] = 2;
                finished++;
            }
        }
        for (i = 0; i < n && !started; i++) /* no process would start */
            if (!state[i]) {
                status[i] = EXIT_IO;
                state[i] = 2;
                finished++;
            }
        for (i = 0; i < n; i++)
            if (state[i] == 2) {
                snprintf(sums[i].path, sizeof(sums[i].path), "%s", sites[i]);
                sums[i].status = EXIT_IO;
                sums[i].audited = 0;
            }
        print_done(dir, sites, n, state, status, &printed, &worst, bar);
    }
    rmdir(dir);
    munmap(shared, shared_size);
    free(pid);
    free(status);
    free(state);
    return worst;
}
