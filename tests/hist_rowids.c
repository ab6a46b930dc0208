/* hist_rowids.c - an LD_PRELOAD shim for tests/history.sh: the JSON array
 * of row ids bound to the statement that reads a previous audit's chosen
 * passing findings (json_each) is given, beside its own ids, the row id
 * of every finding of every other audit, as a slip in choosing them
 * would; the statement must still read that audit's rows alone (it also
 * matches audit_id).  Every other binding is left as it is.  Each time
 * it widens a list it appends "ids GIVEN -> BOUND" to the file named by
 * K3A_TEST_ROWIDS_LOG, so the test can tell that it ran. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* the ids in a JSON array of numbers ("[]": none) */
static int count_ids(const char *s)
{
    int n = 1;

    if (!s || !strpbrk(s, "0123456789"))
        return 0;
    for (; *s; s++)
        n += *s == ',';
    return n;
}

typedef int (*bind_fn)(sqlite3_stmt *, int, const char *, int, void (*)(void *));

/* the ids given, and those of the findings of every audit but the one of
 * the first id given */
#define WIDER                                                                \
    "SELECT json_group_array(row_id) FROM k3a_finding WHERE row_id IN "      \
    "(SELECT value FROM json_each(?1)) OR audit_id <> (SELECT audit_id FROM " \
    "k3a_finding WHERE row_id = (SELECT min(value) FROM json_each(?1)))"

int sqlite3_bind_text(sqlite3_stmt *st, int k, const char *s, int n, void (*del)(void *))
{
    static bind_fn real;
    const char *sql = sqlite3_sql(st);
    sqlite3_stmt *w;
    int rc;

    if (!real)
        *(void **)&real = dlsym(RTLD_NEXT, "sqlite3_bind_text");
    if (k != 1 || !sql || !strstr(sql, "json_each(") || strstr(sql, "json_group_array"))
        return real(st, k, s, n, del);
    if (sqlite3_prepare_v2(sqlite3_db_handle(st), WIDER, -1, &w, NULL) != SQLITE_OK)
        return SQLITE_ERROR;
    if (real(w, 1, s, n, SQLITE_TRANSIENT) != SQLITE_OK || sqlite3_step(w) != SQLITE_ROW) {
        sqlite3_finalize(w);
        return SQLITE_ERROR;
    }
    {
        const char *wide = (const char *)sqlite3_column_text(w, 0);
        const char *log = getenv("K3A_TEST_ROWIDS_LOG");
        FILE *fp = log ? fopen(log, "a") : NULL;
        if (fp) {
            fprintf(fp, "ids %d -> %d\n", count_ids(s), count_ids(wide));
            fclose(fp);
        }
        rc = real(st, 1, wide, -1, SQLITE_TRANSIENT);
    }
    sqlite3_finalize(w);
    return rc;
}
