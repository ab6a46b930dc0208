/*
 * clocale.c - the library's output does not depend on the caller's locale.
 *
 * The CLI never calls setlocale, but a program that links the library may
 * (setlocale(LC_ALL, "de_DE.UTF-8") or "id_ID.UTF-8": a decimal comma),
 * and the C library's printf/strtod family, and libxlsxwriter's number
 * cells through them, follow LC_NUMERIC.  Every public entry point that
 * parses or formats numbers runs under the "C" locale of the calling
 * thread (POSIX uselocale, thread-local, so the caller's own threads and
 * its global locale are untouched); the library starts no threads of its
 * own.  tests/locale_test.c runs an audit under de_DE.UTF-8 and compares
 * the workbook and JSON bytes with a C-locale run.
 */
#define _GNU_SOURCE
#include <locale.h>
#include <pthread.h>

#include "base.h"

static locale_t c_locale = (locale_t)0;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void make_c_locale(void)
{
    /* "C" always exists; kept for the life of the process */
    c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
}

void *k3a__c_locale_enter(void)
{
    pthread_once(&once, make_c_locale);
    if (c_locale == (locale_t)0)
        return NULL;
    return (void *)uselocale(c_locale);
}

void k3a__c_locale_leave(void *old)
{
    if (old)
        uselocale((locale_t)old);
}
