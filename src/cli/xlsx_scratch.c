/*
 * xlsx_scratch.c - libxlsxwriter's scratch files kept in memory.
 *
 * libxlsxwriter writes each sheet's rows, and then each of the
 * workbook's XML parts (some 70 for the example factory), to a scratch
 * file it creates with lxw_tmpfile() (its public utility.h) and reads
 * back to deflate.  The workbook writer asks for them in /dev/shm for a
 * site of up to 2,000 buses, a few MB in all (src/report/xlsx_engine.c,
 * scratch_dir), spelling the folder K3A__XL_SCRATCH_MEM (src/base.h);
 * even there, creating, writing, reading and removing 70 files was about
 * a tenth of a small audit's time.  The program defines lxw_tmpfile,
 * which the dynamic linker gives libxlsxwriter in place of its own: what
 * the writer's own choice would put in /dev/shm, and only that (the text
 * compared exactly), is kept in a buffer of the program's memory; the
 * rest (a large site; any TMPDIR the user sets, /dev/shm too) goes to the
 * library's own lxw_tmpfile.  The workbook's bytes are the same either
 * way.  A program linked with the library alone keeps the files.
 *
 * Out of memory: a buffer that cannot grow is moved to the library's own
 * scratch file and goes on there.  A stream that still fails (no file, a
 * write or seek of it failed) fails for good: every later read, write and
 * seek fails and closing it returns EOF.  libxlsxwriter checks the files
 * it opens, not its writes, reads or closes, so it would deflate a short
 * part into a workbook it calls whole; the program asks
 * cli_scratch_failures() before it moves a workbook into place
 * (src/cli/cmd_audit.c).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "base.h"
#include "cli.h"

/* libxlsxwriter's declaration (xlsxwriter/utility.h, not included here:
 * src/report/xlsx.h is the one place that includes the library;
 * tests/scratch_test.c compiles this file after that header, so the two
 * must agree) */
FILE *lxw_tmpfile(char *tmpdir);

struct scratch {
    char *p;
    size_t len, cap, pos;
    FILE *spill; /* the library's file, once memory ran out */
    int failed;  /* every later call fails */
};

/* streams that failed since the program started (one thread writes
 * workbooks: the JSON's thread does not) */
static int n_failed;

int cli_scratch_failures(void)
{
    return n_failed;
}

/* libxlsxwriter's own lxw_tmpfile, the one this file stands in for */
static FILE *library_tmpfile(char *tmpdir)
{
    FILE *(*own)(char *);

    *(void **)&own = dlsym(RTLD_NEXT, "lxw_tmpfile");
    return own ? own(tmpdir) : NULL;
}

/* The stream fails for good: its memory and file let go.  -1. */
static int fail(struct scratch *s)
{
    if (!s->failed)
        n_failed++;
    s->failed = 1;
    if (s->spill)
        fclose(s->spill);
    s->spill = NULL;
    free(s->p);
    s->p = NULL;
    s->len = s->cap = s->pos = 0;
    return -1;
}

static ssize_t scratch_read(void *cookie, char *buf, size_t n)
{
    struct scratch *s = cookie;
    size_t k = s->pos < s->len ? s->len - s->pos : 0;

    if (s->failed)
        return -1;
    if (s->spill) {
        k = fread(buf, 1, n, s->spill);
        return k == 0 && ferror(s->spill) ? fail(s) : (ssize_t)k;
    }
    if (k > n)
        k = n;
    if (k)
        memcpy(buf, s->p + s->pos, k);
    s->pos += k;
    return (ssize_t)k;
}

/* The buffer so far into the library's file, positioned where it was;
 * the buffer let go.  -1 (the stream failed) when that cannot be done. */
static int spill(struct scratch *s)
{
    if (!(s->spill = library_tmpfile(NULL)))
        return fail(s);
    if ((s->len && fwrite(s->p, 1, s->len, s->spill) != s->len) ||
        fseeko(s->spill, (off_t)s->pos, SEEK_SET) != 0)
        return fail(s);
    free(s->p);
    s->p = NULL;
    return 0;
}

/* Room for n more bytes at pos: the buffer doubled as often as needed,
 * or moved to a file when it cannot grow.  -1 when the stream failed. */
static int make_room(struct scratch *s, size_t n)
{
    size_t cap = s->cap ? s->cap : 16384;
    char *p;

    if (n > SIZE_MAX / 2 - s->pos) /* no buffer holds that: not a real write */
        return fail(s);
    while (cap - s->pos < n)
        cap *= 2;
    if (!(p = realloc(s->p, cap)))
        return spill(s);
    s->p = p;
    s->cap = cap;
    return 0;
}

static ssize_t scratch_write(void *cookie, const char *buf, size_t n)
{
    struct scratch *s = cookie;

    if (s->failed)
        return -1;
    if (n == 0)
        return 0;
    if (!s->spill && n > s->cap - s->pos && make_room(s, n) != 0)
        return -1;
    if (s->spill)
        return fwrite(buf, 1, n, s->spill) == n ? (ssize_t)n : fail(s);
    memcpy(s->p + s->pos, buf, n);
    s->pos += n;
    if (s->pos > s->len)
        s->len = s->pos;
    return (ssize_t)n;
}

static int scratch_seek(void *cookie, off64_t *offset, int whence)
{
    struct scratch *s = cookie;
    off64_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? (off64_t)s->pos
                                                               : (off64_t)s->len;

    if (s->failed)
        return -1;
    if (s->spill) {
        if (fseeko(s->spill, (off_t)*offset, whence) != 0)
            return fail(s);
        *offset = (off64_t)ftello(s->spill);
        return 0;
    }
    /* within what was written (no holes) */
    if (*offset < -base || *offset > (off64_t)s->len - base)
        return -1;
    s->pos = (size_t)(base + *offset);
    *offset = (off64_t)s->pos;
    return 0;
}

static int scratch_close(void *cookie)
{
    struct scratch *s = cookie;
    int rc = s->failed ? EOF : 0;

    if (s->spill && fclose(s->spill) != 0) {
        if (!s->failed)
            n_failed++;
        rc = EOF;
    }
    free(s->p);
    free(s);
    return rc;
}

FILE *lxw_tmpfile(char *tmpdir)
{
    static const cookie_io_functions_t io = { scratch_read, scratch_write, scratch_seek,
                                              scratch_close };
    struct scratch *s;
    FILE *fp;

    if (!tmpdir || strcmp(tmpdir, K3A__XL_SCRATCH_MEM) != 0)
        return library_tmpfile(tmpdir);
    if (!(s = calloc(1, sizeof(*s))))
        return NULL;
    if (!(fp = fopencookie(s, "w+", io)))
        free(s);
    return fp;
}
