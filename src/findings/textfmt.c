/*
 * textfmt.c - numbers in a finding's text the way its language writes
 * them (documents review B19): Bahasa Indonesia with a decimal comma,
 * English with a decimal point, and neither with an exponent ("1.07e+07"
 * is written 10.700.000 / 10,700,000).  Pure.
 */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "findings.h"
#include "fmt.h"

struct out {
    char *buf;
    size_t len, cap;
    int failed;
};

static void put(struct out *o, const char *s, size_t n)
{
    if (o->failed)
        return;
    if (o->len + n + 1 > o->cap) {
        size_t nc = o->cap ? o->cap : 256;
        char *p;
        while (nc < o->len + n + 1)
            nc *= 2;
        p = realloc(o->buf, nc);
        if (!p) {
            o->failed = 1;
            return;
        }
        o->buf = p;
        o->cap = nc;
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
    o->buf[o->len] = '\0';
}

/* One conversion, its spec built here from the caller's format: the
 * format checks of the caller's literal already vouched for it. */
#if defined(__GNUC__) || defined(__clang__)
#    pragma GCC diagnostic push
#    pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
static void put_spec(struct out *o, const char *spec, ...)
{
    char small[128];
    va_list ap;
    int n;

    va_start(ap, spec);
    n = k3a__vfmt(small, sizeof(small), spec, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof(small)) {
        put(o, small, (size_t)n);
    } else {
        char *big = malloc((size_t)n + 1);
        if (!big) {
            o->failed = 1;
            return;
        }
        va_start(ap, spec);
        k3a__vfmt(big, (size_t)n + 1, spec, ap);
        va_end(ap);
        put(o, big, (size_t)n);
        free(big);
    }
}
static int put_fixed_fmt(char *buf, size_t n, const char *spec, double v)
{
    return k3a__fmt(buf, n, spec, v);
}
#if defined(__GNUC__) || defined(__clang__)
#    pragma GCC diagnostic pop
#endif

/* v written in full with its thousands grouped by sep. */
static void put_grouped(struct out *o, double v, char sep)
{
    char digits[400], grouped[600];
    size_t n, i, k = 0;
    const char *d = digits;

    k3a__fmt(digits, sizeof(digits), "%.0f", v);
    if (*d == '-')
        grouped[k++] = *d++;
    n = strlen(d);
    for (i = 0; i < n && k + 2 < sizeof(grouped); i++) {
        if (i && (n - i) % 3 == 0)
            grouped[k++] = sep;
        grouped[k++] = d[i];
    }
    put(o, grouped, k);
}

/* v in fixed notation where %e, or %g below 1e-4, would write an
 * exponent: %e's prec+1 significant digits (its trailing zeros kept),
 * %g's prec significant digits (trailing zeros dropped unless '#'), at
 * least the digits before the point; flags kept, padded to width. */
static void put_fixed(struct out *o, const char *flags, int width, char conv, int prec,
                      double v)
{
    char spec[24], num[400];
    int x = !(fabs(v) > 0) ? 0 : (int)floor(log10(fabs(v))), dec, n;
    int left = strchr(flags, '-') != NULL, zero = strchr(flags, '0') != NULL;

    if (conv == 'g' || conv == 'G') {
        if (prec == 0)
            prec = 1;
        dec = prec - 1 - x;
    } else {
        dec = prec - x;
    }
    if (dec < 0)
        dec = 0;
    if (dec > 340)
        dec = 340;
    k3a__fmt(spec, sizeof(spec), "%%%s.%df", flags[0] ? flags : "", dec);
    n = put_fixed_fmt(num, sizeof(num), spec, v);
    if (n < 0 || (size_t)n >= sizeof(num))
        return;
    if ((conv == 'g' || conv == 'G') && !strchr(flags, '#') && strchr(num, '.')) {
        while (n > 0 && num[n - 1] == '0')
            num[--n] = '\0';
        if (n > 0 && num[n - 1] == '.')
            num[--n] = '\0';
    }
    if (n >= width || left) {
        put(o, num, (size_t)n);
        for (; n < width; n++)
            put(o, " ", 1);
    } else {
        size_t sign = (num[0] == '-' || num[0] == '+' || num[0] == ' ') ? 1 : 0;
        if (zero) {
            put(o, num, sign);
            for (; n < width; n++)
                put(o, "0", 1);
            put(o, num + sign, strlen(num + sign));
        } else {
            for (; n < width; n++)
                put(o, " ", 1);
            put(o, num, strlen(num));
        }
    }
}

/* One conversion of the caller's format, "%[flags][width][.prec][len]conv",
 * with its '*' arguments read. */
struct conv {
    char spec[32]; /* for the C library: the '*'s filled in, never 'L' */
    char flags[9];
    char len[3];
    char conv;
    int width, prec; /* prec -1: none */
    int has_w;
};

/* n written in decimal at spec[*sl] (room checked by the caller). */
static void spec_int(char *spec, size_t *sl, int n)
{
    char d[12];
    size_t k = 0;
    unsigned u = n < 0 ? 0u - (unsigned)n : (unsigned)n;

    if (n < 0)
        spec[(*sl)++] = '-';
    do {
        d[k++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    while (k)
        spec[(*sl)++] = d[--k];
}

/* Reads the conversion that starts after the '%' at *pp; 0 when it is not
 * one the format checks would pass. */
static int parse_conv(const char **pp, va_list *ap, struct conv *c)
{
    const char *p = *pp;
    size_t sl = 0, ll = 0;
    int has_p = 0;

    c->width = 0;
    c->prec = -1;
    c->has_w = 0;
    c->len[0] = c->len[1] = c->len[2] = '\0';
    c->spec[sl++] = '%';
    while ((*p == '-' || *p == '+' || *p == ' ' || *p == '#' || *p == '0') && sl < 8)
        c->spec[sl++] = *p++;
    memcpy(c->flags, c->spec + 1, sl - 1);
    c->flags[sl - 1] = '\0';
    if (*p == '*') {
        c->width = va_arg(*ap, int);
        c->has_w = 1;
        p++;
    } else {
        while (isdigit((unsigned char)*p))
            c->width = c->width * 10 + (*p++ - '0'), c->has_w = 1;
    }
    if (*p == '.') {
        p++;
        has_p = 1;
        c->prec = 0;
        if (*p == '*') {
            c->prec = va_arg(*ap, int);
            p++;
        } else {
            while (isdigit((unsigned char)*p))
                c->prec = c->prec * 10 + (*p++ - '0');
        }
    }
    if (c->has_w)
        spec_int(c->spec, &sl, c->width);
    if (has_p && c->prec >= 0) {
        c->spec[sl++] = '.';
        spec_int(c->spec, &sl, c->prec);
    }
    if (*p == 'h' || *p == 'l') {
        c->len[ll++] = *p++;
        if (*p == c->len[0])
            c->len[ll++] = *p++;
    } else if (*p == 'z' || *p == 'j' || *p == 't' || *p == 'L') {
        c->len[ll++] = *p++;
    }
    c->conv = *p ? *p++ : 's';
    *pp = p;
    if (sl + ll + 2 > sizeof(c->spec))
        return 0;
    /* a long double is read below and passed on as a double, so the spec
     * never keeps 'L' (review r3 item 14: "%Lf" given a double) */
    if (c->len[0] != 'L') {
        memcpy(c->spec + sl, c->len, ll);
        sl += ll;
    }
    c->spec[sl++] = c->conv;
    c->spec[sl] = '\0';
    return 1;
}

/* "%.Ng" of v (N = prec > 0, 1e-4 <= |v| < 10^N) as the C library writes
 * it, 1; or 0 when it would write an exponent (v rounds up to 10^N) or
 * the sizes do not fit, nothing written.  C11 7.21.6.1: with X the
 * exponent of v rounded to N digits, %g is %.(N-1-X)f with the trailing
 * zeros (and a final point) removed.  X is x = floor(log10|v|) or, when
 * the rounding carries into the next decade, x + 1; the digits are then
 * 10^(x+1) either way, so %.(N-1-x)f stripped is the same text. */
static int put_g_fixed(struct out *o, int prec, double v)
{
    char num[400];
    int x = (int)floor(log10(fabs(v))), dec = prec - 1 - x, n, lead;

    if (dec < 0)
        return 0;
    n = k3a__fixed(num, sizeof(num), dec, v);
    if (n < 0 || (size_t)n >= sizeof(num))
        return 0;
    lead = (int)strcspn(num + (num[0] == '-'), ".");
    if (lead > prec)
        return 0; /* rounded up to 10^N: an exponent, the C library's */
    if (strchr(num, '.')) {
        while (num[n - 1] == '0')
            num[--n] = '\0';
        if (num[n - 1] == '.')
            num[--n] = '\0';
    }
    put(o, num, (size_t)n);
    return 1;
}

/* A floating-point conversion in lang: a decimal comma in Bahasa
 * Indonesia, never an exponent. */
static void put_double(struct out *o, enum k3a_lang lang, const struct conv *c, double v)
{
    char conv = c->conv;
    int prec = c->prec;
    size_t at = o->len, i;

    /* %g takes an exponent when v rounded to its P significant digits
     * reaches 10^P (C11 7.21.6.1), so from 10^P - 0.5 on: 999.96 at %.3g
     * would be 1e+03 */
    if (isfinite(v) && (((conv == 'g' || conv == 'G') &&
                         fabs(v) >= pow(10.0, prec < 0 ? 6 : prec ? prec : 1) - 0.5) ||
                        ((conv == 'e' || conv == 'E') && fabs(v) >= 1e5))) {
        /* an exponent: the number in full, grouped */
        put_grouped(o, v, lang == K3A_LANG_ID ? '.' : ',');
        return;
    }
    if (isfinite(v) && (((conv == 'g' || conv == 'G') && fabs(v) > 0 && fabs(v) < 1e-4) ||
                        conv == 'e' || conv == 'E')) {
        put_fixed(o, c->flags, c->has_w ? c->width : 0, conv, prec < 0 ? 6 : prec, v);
    } else if (conv == 'g' && prec > 0 && !c->flags[0] && !c->has_w && isfinite(v) &&
               fabs(v) >= 1e-4 && put_g_fixed(o, prec, v)) {
        /* written: "%.Ng" without an exponent, through k3a__fixed */
    } else if (conv == 'f' && prec >= 0 && !c->flags[0] && !c->has_w) {
        char num[400]; /* "%.Nf", most numbers of a finding's text */
        int n = k3a__fixed(num, sizeof(num), prec, v);
        if (n >= 0 && (size_t)n < sizeof(num))
            put(o, num, (size_t)n);
        else
            put_spec(o, c->spec, v);
    } else {
        put_spec(o, c->spec, v);
    }
    if (lang == K3A_LANG_ID && !o->failed)
        for (i = at; i < o->len; i++)
            if (o->buf[i] == '.')
                o->buf[i] = ',';
}

/* One conversion's argument written; a plain "%s" or "%.Ns" (most of a
 * finding's text, and every "%.0s" that skips the other language's
 * words) is copied as it is. */
static void put_conv(struct out *o, enum k3a_lang lang, const struct conv *c, va_list *ap)
{
    const char *len = c->len;

    switch (c->conv) {
    case 'd':
    case 'i':
        if (len[0] == 'l' && len[1] == 'l')
            put_spec(o, c->spec, va_arg(*ap, long long));
        else if (len[0] == 'l')
            put_spec(o, c->spec, va_arg(*ap, long));
        else if (len[0] == 'z')
            put_spec(o, c->spec, va_arg(*ap, ptrdiff_t));
        else if (len[0] == 'j')
            put_spec(o, c->spec, va_arg(*ap, intmax_t));
        else if (len[0] == 't')
            put_spec(o, c->spec, va_arg(*ap, ptrdiff_t));
        else
            put_spec(o, c->spec, va_arg(*ap, int));
        break;
    case 'u':
    case 'o':
    case 'x':
    case 'X':
        if (len[0] == 'l' && len[1] == 'l')
            put_spec(o, c->spec, va_arg(*ap, unsigned long long));
        else if (len[0] == 'l')
            put_spec(o, c->spec, va_arg(*ap, unsigned long));
        else if (len[0] == 'z')
            put_spec(o, c->spec, va_arg(*ap, size_t));
        else if (len[0] == 'j')
            put_spec(o, c->spec, va_arg(*ap, uintmax_t));
        else if (len[0] == 't')
            put_spec(o, c->spec, va_arg(*ap, ptrdiff_t));
        else
            put_spec(o, c->spec, va_arg(*ap, unsigned));
        break;
    case 'c':
        put_spec(o, c->spec, va_arg(*ap, int));
        break;
    case 's': {
        const char *s = va_arg(*ap, const char *);
        if (s && !c->flags[0] && !c->has_w)
            put(o, s, c->prec >= 0 ? strnlen(s, (size_t)c->prec) : strlen(s));
        else
            put_spec(o, c->spec, s); /* padded, or NULL as the C library writes it */
        break;
    }
    case 'p':
        put_spec(o, c->spec, va_arg(*ap, void *));
        break;
    case 'f':
    case 'F':
    case 'e':
    case 'E':
    case 'g':
    case 'G':
    case 'a':
    case 'A':
        put_double(o, lang, c,
                   len[0] == 'L' ? (double)va_arg(*ap, long double) : va_arg(*ap, double));
        break;
    default: /* %n and unknown conversions are not written */
        break;
    }
}

char *k3a__vfmt_lang(enum k3a_lang lang, const char *fmt, va_list ap)
{
    struct out o = { NULL, 0, 0, 0 };
    const char *p = fmt;
    va_list aq;

    va_copy(aq, ap);
    put(&o, "", 0);
    while (*p && !o.failed) {
        struct conv c;
        const char *lit = strchr(p, '%');
        if (!lit) {
            put(&o, p, strlen(p));
            break;
        }
        put(&o, p, (size_t)(lit - p));
        p = lit + 1;
        if (*p == '%') {
            put(&o, "%", 1);
            p++;
            continue;
        }
        if (!parse_conv(&p, &aq, &c))
            break; /* not a format the checks would pass */
        put_conv(&o, lang, &c, &aq);
    }
    va_end(aq);
    if (o.failed) {
        free(o.buf);
        return NULL;
    }
    return o.buf;
}

const char *k3a__num(char *buf, size_t n, enum k3a_lang lang, int decimals, double v)
{
    char *p;

    k3a__fixed(buf, n, decimals, v);
    if (lang == K3A_LANG_ID)
        for (p = buf; *p; p++)
            if (*p == '.')
                *p = ',';
    return buf;
}

int k3a__fmt_lang(char *buf, size_t n, enum k3a_lang lang, const char *fmt, ...)
{
    va_list ap;
    char *t;
    size_t len;

    va_start(ap, fmt);
    t = k3a__vfmt_lang(lang, fmt, ap);
    va_end(ap);
    if (!t) {
        if (n)
            buf[0] = '\0';
        return -1;
    }
    len = strlen(t);
    if (n) {
        size_t k = len < n - 1 ? len : n - 1;
        memcpy(buf, t, k);
        buf[k] = '\0';
    }
    free(t);
    return (int)len;
}
