/*
 * fmt.h - vsnprintf for the library's texts, independent of the locale.
 *
 * k3a__vfmt is the C library's vsnprintf run under the "C" locale
 * (clocale.c), so a program that links the library and sets a comma
 * locale still gets "1.5 m" in findings and a point in every number.
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

/* snprintf(buf, n, "%.*f", prec, v) under the "C" locale: the same bytes
 * and return value.  The digits of the values a finding's text shows
 * (prec <= 9, |v| 10^prec < 2^52) are written here from an exact
 * rounding, the rest by the C library. */
int k3a__fixed(char *buf, size_t n, int prec, double v);

/* snprintf(buf, n, "%s%s...", s[0], s[1], ...) for k strings: the same
 * bytes (a NULL written "(null)", as glibc does), without parsing a
 * format; returns the length of the whole text.  k3a__join(buf, n, a, b,
 * ...) counts the strings itself. */
size_t k3a__join_list(char *buf, size_t n, const char *const *s, size_t k);
#define k3a__join(buf, n, ...)                                                  \
    k3a__join_list((buf), (n), (const char *const[]){ __VA_ARGS__ },           \
                   sizeof((const char *const[]){ __VA_ARGS__ }) / sizeof(const char *))

/* 10^0 .. 10^22, each exactly a double (5^22 < 2^53) */
extern const double k3a__pow10[23];

/* v rounded to 10 significant digits, the precision of "%.10g" (the
 * JSON's numbers, k3a__fmt_double): exact for integers below 1e10, v
 * itself when not finite or beyond 1e+-22 of the rounding scale. */
double k3a__round_sig10(double v);

#endif
