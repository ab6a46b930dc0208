/*
 * fmt.h - vsnprintf for the text of findings, faster on what they hold.
 *
 * A large site formats millions of numbers into finding titles and
 * clauses; glibc's printf spends most of its time on the general case of
 * converting a double.  k3a__vfmt gives exactly vsnprintf's bytes (the unit
 * tests compare the two on millions of values) and takes a short road for
 * the conversions titles use: %s %c %d %i %u (with l, ll, z and a zero-
 * padded width), %f and %g with a precision.  Any other conversion, and
 * any value near a rounding tie or out of the plain range, goes to the C
 * library.
 */
#ifndef K3A_FMT_H
#define K3A_FMT_H

#include <stdarg.h>
#include <stddef.h>

/* As vsnprintf: writes at most n bytes with the terminating NUL, returns
 * the length the whole text has (negative on an encoding error). */
int k3a__vfmt(char *buf, size_t n, const char *fmt, va_list ap)
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((format(printf, 3, 0)))
#endif
    ;

int k3a__fmt(char *buf, size_t n, const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* 10^0 .. 10^22, each exactly a double (5^22 < 2^53) */
extern const double k3a__pow10[23];

/* v rounded to 10 significant digits, the precision of "%.10g" (the
 * JSON's numbers, k3a__fmt_double): exact for integers below 1e10, v
 * itself when not finite or beyond 1e+-22 of the rounding scale. */
double k3a__round_sig10(double v);

#endif
