/*
 * scratch_test.c - the program's stand-in for libxlsxwriter's scratch
 * files (src/cli/xlsx_scratch.c) on its own: in memory, written, sought
 * and read back; moved to the library's file when its buffer cannot
 * grow; failing for good when that move fails.  A Check program of its
 * own, not in run_tests: there it would take the library's scratch for
 * every workbook the library's tests write.
 *
 * The source is compiled here after libxlsxwriter's own header
 * <xlsxwriter/utility.h>, so its hand-written declaration of lxw_tmpfile
 * must agree with the library's or this file does not compile; its
 * realloc is this file's test_realloc, which refuses growth on demand
 * (only the scratch buffer's growth goes through it).  Linked with
 * libxlsxwriter: the library's lxw_tmpfile is the file a spill goes to.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include <xlsxwriter/utility.h>

/* growth above this many bytes refused (0: none), and how often */
static size_t refuse_above;
static int n_refused;

static void *test_realloc(void *p, size_t n);
#define realloc test_realloc
#include "../src/cli/xlsx_scratch.c"
#undef realloc

#include <check.h> /* after: its fail() is not the stream's */

static void *test_realloc(void *p, size_t n)
{
    if (refuse_above && n > refuse_above) {
        n_refused++;
        return NULL;
    }
    return realloc(p, n);
}

/* the writer's own folder, and a user's TMPDIR=/dev/shm */
static char mem_dir[] = K3A__XL_SCRATCH_MEM, user_shm[] = "/dev/shm";

#define N_BYTES 200000

static unsigned char pattern(size_t i)
{
    return (unsigned char)(i * 7 % 251);
}

static void write_pattern(FILE *fp)
{
    unsigned char chunk[1000];
    size_t i, k;

    for (i = 0; i < N_BYTES; i += sizeof(chunk)) {
        for (k = 0; k < sizeof(chunk); k++)
            chunk[k] = pattern(i + k);
        ck_assert_uint_eq(fwrite(chunk, 1, sizeof(chunk), fp), sizeof(chunk));
    }
    ck_assert_int_eq(fflush(fp), 0);
}

/* Reads the whole stream back, sought to and fro, and writes over a
 * part in the middle: what any FILE of the library's would do. */
static void read_back(FILE *fp)
{
    static unsigned char all[N_BYTES + 1];
    unsigned char b[16];
    size_t i;

    rewind(fp);
    ck_assert_uint_eq(fread(all, 1, sizeof(all), fp), N_BYTES);
    ck_assert(feof(fp) && !ferror(fp));
    for (i = 0; i < N_BYTES; i++)
        if (all[i] != pattern(i))
            ck_abort_msg("byte %zu read back as %u, written %u", i, all[i], pattern(i));
    ck_assert_int_eq(fseeko(fp, 1000, SEEK_SET), 0);
    ck_assert_uint_eq(fread(b, 1, 10, fp), 10);
    ck_assert_uint_eq(b[0], pattern(1000));
    ck_assert_uint_eq(b[9], pattern(1009));
    ck_assert_int_eq(fseeko(fp, -5, SEEK_CUR), 0);
    ck_assert_int_eq((int)ftello(fp), 1005);
    ck_assert_uint_eq(fread(b, 1, 1, fp), 1);
    ck_assert_uint_eq(b[0], pattern(1005));
    ck_assert_int_eq(fseeko(fp, -3, SEEK_END), 0);
    ck_assert_uint_eq(fread(b, 1, sizeof(b), fp), 3);
    ck_assert_uint_eq(b[2], pattern(N_BYTES - 1));
    /* written over in the middle: the same length, the new bytes there */
    ck_assert_int_eq(fseeko(fp, 100, SEEK_SET), 0);
    ck_assert_uint_eq(fwrite("abc", 1, 3, fp), 3);
    ck_assert_int_eq(fseeko(fp, 99, SEEK_SET), 0);
    ck_assert_uint_eq(fread(b, 1, 5, fp), 5);
    ck_assert(b[0] == pattern(99) && memcmp(b + 1, "abc", 3) == 0 && b[4] == pattern(103));
    ck_assert_int_eq(fseeko(fp, 0, SEEK_END), 0);
    ck_assert_int_eq((int)ftello(fp), N_BYTES);
}

/* The writer's own /dev/shm: kept in memory (a stream without a file). */
START_TEST(in_memory)
{
    int failed = cli_scratch_failures();
    FILE *fp = lxw_tmpfile(mem_dir);

    n_refused = 0;
    ck_assert_ptr_nonnull(fp);
    ck_assert_int_eq(fileno(fp), -1);
    write_pattern(fp);
    read_back(fp);
    ck_assert_int_eq(fclose(fp), 0);
    ck_assert_int_eq(cli_scratch_failures(), failed);
    ck_assert_int_eq(n_refused, 0);
}
END_TEST

/* Before any write: nothing to read, no buffer touched. */
START_TEST(read_before_write)
{
    FILE *fp = lxw_tmpfile(mem_dir);
    char b[8];

    ck_assert_ptr_nonnull(fp);
    ck_assert_uint_eq(fread(b, 1, sizeof(b), fp), 0);
    ck_assert(feof(fp) && !ferror(fp));
    ck_assert_int_ne(fseeko(fp, 1, SEEK_SET), 0); /* past the end */
    ck_assert_int_eq(fclose(fp), 0);
}
END_TEST

/* Any other folder, /dev/shm spelled as a user's TMPDIR too, and none:
 * the library's own files. */
START_TEST(other_folders_are_files)
{
    char dir[] = "/tmp/k3a-scratch.XXXXXX";
    FILE *fp;

    ck_assert_ptr_nonnull(mkdtemp(dir));
    fp = lxw_tmpfile(dir);
    ck_assert_ptr_nonnull(fp);
    ck_assert_int_ge(fileno(fp), 0);
    fclose(fp);
    ck_assert_int_eq(rmdir(dir), 0); /* the library's file already removed */
    fp = lxw_tmpfile(NULL);
    ck_assert_ptr_nonnull(fp);
    ck_assert_int_ge(fileno(fp), 0);
    fclose(fp);
    if (access("/dev/shm", W_OK) == 0) {
        fp = lxw_tmpfile(user_shm);
        ck_assert_ptr_nonnull(fp);
        ck_assert_int_ge(fileno(fp), 0);
        fclose(fp);
    }
}
END_TEST

/* A buffer that cannot grow past 64 KiB goes on in the library's file:
 * the stream's state shows the move, and everything reads back. */
START_TEST(spill_when_growth_refused)
{
    static char buf[70000];
    struct scratch *s = calloc(1, sizeof(*s));
    int failed = cli_scratch_failures();

    n_refused = 0;
    memset(buf, 'x', sizeof(buf));
    ck_assert_int_eq((int)scratch_write(s, buf, 60000), 60000);
    ck_assert(s->p && !s->spill && s->cap == 65536);
    refuse_above = 65536;
    ck_assert_int_eq((int)scratch_write(s, buf, 10000), 10000);
    ck_assert_int_eq(n_refused, 1);
    ck_assert(s->spill && !s->p && !s->failed);
    ck_assert_int_eq((int)ftello(s->spill), 70000);
    ck_assert_int_eq(scratch_close(s), 0);

    /* the same through a FILE, written, sought and read back */
    {
        FILE *fp = lxw_tmpfile(mem_dir);
        ck_assert_ptr_nonnull(fp);
        write_pattern(fp);
        ck_assert_int_eq(n_refused, 2);
        read_back(fp);
        ck_assert_int_eq(fclose(fp), 0);
    }
    ck_assert_int_eq(cli_scratch_failures(), failed);
    refuse_above = 0;
}
END_TEST

/* The move itself fails (the file may hold 32 KiB, 60,000 bytes to
 * move): the stream fails for good and lets go of what it held. */
START_TEST(spill_that_fails_fails_for_good)
{
    static char buf[60000];
    struct scratch *s = calloc(1, sizeof(*s));
    struct rlimit was, small;
    off64_t off = 0;
    int failed = cli_scratch_failures();

    memset(buf, 'y', sizeof(buf));
    ck_assert_int_eq((int)scratch_write(s, buf, sizeof(buf)), (int)sizeof(buf));
    signal(SIGXFSZ, SIG_IGN);
    ck_assert_int_eq(getrlimit(RLIMIT_FSIZE, &was), 0);
    small = was;
    small.rlim_cur = 32768;
    ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &small), 0);
    refuse_above = 32768;
    ck_assert_int_eq((int)scratch_write(s, buf, 10000), -1);
    ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &was), 0);
    refuse_above = 0;
    ck_assert(s->failed && !s->spill && !s->p);
    ck_assert_int_eq(cli_scratch_failures(), failed + 1);
    ck_assert_int_eq((int)scratch_write(s, buf, 1), -1);
    ck_assert_int_eq((int)scratch_read(s, buf, 1), -1);
    ck_assert_int_eq(scratch_seek(s, &off, SEEK_SET), -1);
    ck_assert_int_eq(scratch_close(s), EOF);
    ck_assert_int_eq(cli_scratch_failures(), failed + 1);
}
END_TEST

/* No doubling past SIZE_MAX / 2 (the caller's bytes are never read),
 * no seek that overflows. */
START_TEST(no_overflow)
{
    char b[4] = "abc";
    struct scratch *s = calloc(1, sizeof(*s));
    off64_t off = INT64_MAX;
    int failed = cli_scratch_failures();

    ck_assert_int_eq((int)scratch_write(s, b, 3), 3);
    ck_assert_int_eq(scratch_seek(s, &off, SEEK_CUR), -1);
    off = INT64_MIN;
    ck_assert_int_eq(scratch_seek(s, &off, SEEK_END), -1);
    ck_assert_int_eq((int)scratch_write(s, b, SIZE_MAX / 2), -1);
    ck_assert(s->failed);
    ck_assert_int_eq(cli_scratch_failures(), failed + 1);
    ck_assert_int_eq(scratch_close(s), EOF);
}
END_TEST

int main(void)
{
    Suite *su = suite_create("xlsx_scratch");
    TCase *tc = tcase_create("scratch");
    SRunner *sr;
    int failed;

    tcase_add_test(tc, in_memory);
    tcase_add_test(tc, read_before_write);
    tcase_add_test(tc, other_folders_are_files);
    tcase_add_test(tc, spill_when_growth_refused);
    tcase_add_test(tc, spill_that_fails_fails_for_good);
    tcase_add_test(tc, no_overflow);
    suite_add_tcase(su, tc);
    sr = srunner_create(su);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
