/* hist_failread.c - an LD_PRELOAD shim for tests/history.sh: SQLite fails
 * to prepare the one statement that reads a previous audit's passing
 * findings (read after the audit has run), as a damaged page or a lost
 * connection would; every other statement runs as usual. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <sqlite3.h>
#include <string.h>

typedef int (*prepare_fn)(sqlite3 *, const char *, int, unsigned int, sqlite3_stmt **,
                          const char **);

int sqlite3_prepare_v3(sqlite3 *db, const char *sql, int n, unsigned int flags,
                       sqlite3_stmt **st, const char **tail)
{
    static prepare_fn real;

    if (!real)
        *(void **)&real = dlsym(RTLD_NEXT, "sqlite3_prepare_v3");
    if (sql && strstr(sql, "verdict = 'pass'") && strstr(sql, "row_id BETWEEN")) {
        sql = "SELECT * FROM k3a_test_passing_rows_unreadable";
        n = -1;
    }
    return real(db, sql, n, flags, st, tail);
}
