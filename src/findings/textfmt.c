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

char *k3a__vfmt_lang(enum k3a_lang lang, const char *fmt, va_list ap)
{
    struct out o = { NULL, 0, 0, 0 };
    const char *p = fmt;

    put(&o, "", 0);
    while (*p && !o.failed) {
        char spec[32];
        size_t sl = 0;
        int width = 0, prec = -1, has_w = 0, has_p = 0;
        char len[3] = "";
        char conv;
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
        spec[sl++] = '%';
        while (*p && strchr("-+ #0", *p) && sl < 8)
            spec[sl++] = *p++;
        if (*p == '*') {
            width = va_arg(ap, int);
            has_w = 1;
            p++;
        } else {
            while (isdigit((unsigned char)*p))
                width = width * 10 + (*p++ - '0'), has_w = 1;
        }
        if (*p == '.') {
            p++;
            has_p = 1;
            prec = 0;
            if (*p == '*') {
                prec = va_arg(ap, int);
                p++;
            } else {
                while (isdigit((unsigned char)*p))
                    prec = prec * 10 + (*p++ - '0');
            }
        }
        if (has_w)
            sl += (size_t)snprintf(spec + sl, sizeof(spec) - sl, "%d", width);
        if (has_p && prec >= 0)
            sl += (size_t)snprintf(spec + sl, sizeof(spec) - sl, ".%d", prec);
        if (*p == 'h' || *p == 'l') {
            len[0] = *p++;
            if (*p == len[0])
                len[1] = *p++;
        } else if (*p == 'z' || *p == 'j' || *p == 't' || *p == 'L') {
            len[0] = *p++;
        }
        conv = *p ? *p++ : 's';
        if (sl + strlen(len) + 2 > sizeof(spec))
            break; /* not a format the checks would pass */
        memcpy(spec + sl, len, strlen(len));
        sl += strlen(len);
        spec[sl++] = conv;
        spec[sl] = '\0';
        switch (conv) {
        case 'd':
        case 'i':
            if (len[0] == 'l' && len[1] == 'l')
                put_spec(&o, spec, va_arg(ap, long long));
            else if (len[0] == 'l')
                put_spec(&o, spec, va_arg(ap, long));
            else if (len[0] == 'z')
                put_spec(&o, spec, va_arg(ap, ptrdiff_t));
            else if (len[0] == 'j')
                put_spec(&o, spec, va_arg(ap, intmax_t));
            else if (len[0] == 't')
                put_spec(&o, spec, va_arg(ap, ptrdiff_t));
            else
                put_spec(&o, spec, va_arg(ap, int));
            break;
        case 'u':
        case 'o':
        case 'x':
        case 'X':
            if (len[0] == 'l' && len[1] == 'l')
                put_spec(&o, spec, va_arg(ap, unsigned long long));
            else if (len[0] == 'l')
                put_spec(&o, spec, va_arg(ap, unsigned long));
            else if (len[0] == 'z')
                put_spec(&o, spec, va_arg(ap, size_t));
            else if (len[0] == 'j')
                put_spec(&o, spec, va_arg(ap, uintmax_t));
            else if (len[0] == 't')
                put_spec(&o, spec, va_arg(ap, ptrdiff_t));
            else
                put_spec(&o, spec, va_arg(ap, unsigned));
            break;
        case 'c':
            put_spec(&o, spec, va_arg(ap, int));
            break;
        case 's':
            put_spec(&o, spec, va_arg(ap, const char *));
            break;
        case 'p':
            put_spec(&o, spec, va_arg(ap, void *));
            break;
        case 'f':
        case 'F':
        case 'e':
        case 'E':
        case 'g':
        case 'G':
        case 'a':
        case 'A': {
            double v = len[0] == 'L' ? (double)va_arg(ap, long double) : va_arg(ap, double);
            size_t at = o.len, i;
            if (isfinite(v) &&
                (((conv == 'g' || conv == 'G') &&
                  fabs(v) >= pow(10.0, prec < 0 ? 6 : prec ? prec : 1)) ||
                 ((conv == 'e' || conv == 'E') && fabs(v) >= 1e5))) {
                /* an exponent: the number in full, grouped */
                put_grouped(&o, v, lang == K3A_LANG_ID ? '.' : ',');
                break;
            }
            put_spec(&o, spec, v);
            if (lang == K3A_LANG_ID && !o.failed)
                for (i = at; i < o.len; i++)
                    if (o.buf[i] == '.')
                        o.buf[i] = ',';
            break;
        }
        default: /* %n and unknown conversions are not written */
            break;
        }
    }
    if (o.failed) {
        free(o.buf);
        return NULL;
    }
    return o.buf;
}

const char *k3a__num(char *buf, size_t n, enum k3a_lang lang, int decimals, double v)
{
    char *p;

    k3a__fmt(buf, n, "%.*f", decimals, v);
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
