/* hist_failread.c - an LD_PRELOAD shim for tests/history.sh: SQLite fails
 * to prepare one statement that reads a previous audit's passing findings
 * (read after the audit has run), as a damaged page or a lost connection
 * would; every other statement runs as usual.  Which one: those that read
 * them by their range of row ids (the keys to choose from), or, with
 * K3A_TEST_FAIL_READ=json_each, the one that reads the rows chosen by
 * their row ids (a JSON array). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

typedef int (*prepare_fn)(sqlite3 *, const char *, int, unsigned int, sqlite3_stmt **,
                          const char **);

int sqlite3_prepare_v3(sqlite3 *db, const char *sql, int n, unsigned int flags,
                       sqlite3_stmt **st, const char **tail)
{
    static prepare_fn real;
    const char *which = getenv("K3A_TEST_FAIL_READ");

    if (!real)
        *(void **)&real = dlsym(RTLD_NEXT, "sqlite3_prepare_v3");
    if (which && strcmp(which, "json_each") == 0) {
        if (sql && strstr(sql, "json_each(")) {
            sql = "SELECT * FROM k3a_test_rows_by_id_unreadable";
            n = -1;
        }
    } else if (sql && strstr(sql, "verdict = 'pass'") && strstr(sql, "row_id BETWEEN")) {
        sql = "SELECT * FROM k3a_test_passing_rows_unreadable";
        n = -1;
    }
    return real(db, sql, n, flags, st, tail);
}
