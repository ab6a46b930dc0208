/*
 * fmt.c - see fmt.h.
 *
 * The short road for %.Nf: y = |x| * 10^N is one rounding away from the
 * exact product (10^N is exact for N <= 22), so |y - exact| <= y * 2^-53.
 * Rounding y to an integer gives the exact answer unless the fraction of y
 * is within that distance of one half; those ties, and anything with
 * y >= 1e15, go to the C library.  %g is %.Nf with N from the decimal
 * exponent of the rounded value (C11 7.21.6.1p8, conversion g), trailing
 * zeros removed; the exponent style goes to the C library.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "fmt.h"

struct out {
    char *buf;
    size_t n;   /* size of buf */
    size_t len; /* length of the whole text so far */
};

static void put(struct out *o, const char *s, size_t k)
{
    if (o->n && o->len < o->n - 1) {
        size_t room = o->n - 1 - o->len;
        memcpy(o->buf + o->len, s, k < room ? k : room);
    }
    o->len += k;
}

struct spec {
    int zero, width, prec; /* prec -1: none */
    char len;              /* 0, 'l', 'L' (ll), 'z' */
    char conv;
};

/* Reads a conversion after its '%'; NULL when this file does not do it. */
static const char *parse_spec(const char *f, struct spec *s)
{
    memset(s, 0, sizeof(*s));
    s->prec = -1;
    if (*f == '%') {
        s->conv = '%';
        return f + 1;
    }
    while (*f == '0') {
        s->zero = 1;
        f++;
    }
    if (*f == '-' || *f == '+' || *f == ' ' || *f == '#' || *f == '*')
        return NULL;
    while (*f >= '0' && *f <= '9') {
        s->width = s->width * 10 + (*f++ - '0');
        if (s->width > 64)
            return NULL;
    }
    if (*f == '.') {
        f++;
        if (*f == '*')
            return NULL;
        s->prec = 0;
        while (*f >= '0' && *f <= '9') {
            s->prec = s->prec * 10 + (*f++ - '0');
            if (s->prec > 17)
                return NULL;
        }
    }
    if (*f == 'l') {
        s->len = 'l';
        if (*++f == 'l') {
            s->len = 'L';
            f++;
        }
    } else if (*f == 'z') {
        s->len = 'z';
        f++;
    }
    s->conv = *f;
    switch (*f) {
    case 's':
    case 'c':
        if (s->zero || s->width || s->prec >= 0 || s->len)
            return NULL;
        break;
    case 'd':
    case 'i':
    case 'u':
        if (s->prec >= 0)
            return NULL;
        break;
    case 'f':
    case 'g':
        if (s->zero || s->width || (s->len && s->len != 'l'))
            return NULL;
        break;
    default:
        return NULL;
    }
    return f + 1;
}

static size_t utoa(char *t, unsigned long long v)
{
    char tmp[24];
    size_t k = 0, i;

    do {
        tmp[k++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    for (i = 0; i < k; i++)
        t[i] = tmp[k - 1 - i];
    return k;
}

/* exact powers of ten (5^22 < 2^53) */
const double k3a__pow10[23] = { 1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };

/* |x| * 10^prec (-22 <= prec <= 22) rounded to an integer exactly as
 * printf would; 0 when that is not certain here. */
static int scaled(double a, int prec, unsigned long long *d)
{
    /* prec < 0: one correctly rounded division, as near as the product */
    double y = prec >= 0 ? a * k3a__pow10[prec] : a / k3a__pow10[-prec], fl, fr;

    if (!(y < 1e15))
        return 0;
    fl = floor(y);
    fr = y - fl; /* exact: y < 2^53 */
    if (fabs(fr - 0.5) <= y * 0x1p-52)
        return 0;
    *d = (unsigned long long)fl + (fr > 0.5);
    return 1;
}

/* d / 10^prec with prec decimals: "12.30" */
static size_t fixed_text(char *t, int neg, unsigned long long d, int prec)
{
    unsigned long long p = (unsigned long long)k3a__pow10[prec];
    size_t k = 0;

    if (neg)
        t[k++] = '-';
    k += utoa(t + k, d / p);
    if (prec > 0) {
        unsigned long long fr = d % p;
        int i;
        t[k++] = '.';
        for (i = prec - 1; i >= 0; i--) {
            t[k + (size_t)i] = (char)('0' + fr % 10);
            fr /= 10;
        }
        k += (size_t)prec;
    }
    return k;
}

static size_t fmt_f(char *t, double x, int prec)
{
    unsigned long long d;

    if (isfinite(x) && scaled(fabs(x), prec, &d))
        return fixed_text(t, signbit(x) != 0, d, prec);
    return (size_t)snprintf(t, 400, "%.*f", prec, x);
}

static size_t fmt_g(char *t, double x, int p)
{
    double a = fabs(x);
    unsigned long long d = 0, lo, hi;
    int e, tries, n = 0, ok = 0;
    size_t k;

    if (p == 0)
        p = 1;
    if (fpclassify(x) == FP_ZERO) {
        k = 0;
        if (signbit(x))
            t[k++] = '-';
        t[k++] = '0';
        return k;
    }
    if (!isfinite(x) || p > 15 || a < 1e-4 || a >= 1e15)
        return (size_t)snprintf(t, 400, "%.*g", p, x);
    lo = (unsigned long long)k3a__pow10[p - 1];
    hi = lo * 10;
    /* the decimal exponent from the table (the loop mends an error of
     * one either way at a power of ten) */
    for (e = -4; e < 14 && a >= (e + 1 >= 0 ? k3a__pow10[e + 1] : 1.0 / k3a__pow10[-(e + 1)]);
         e++)
        ;
    for (tries = 0; tries < 3; tries++) {
        n = p - 1 - e;
        if (n < -22 || n > 17 || !scaled(a, n, &d))
            break;
        if (d >= hi)
            e++;
        else if (d < lo)
            e--;
        else {
            ok = 1;
            break;
        }
    }
    if (!ok || e < -4)
        return (size_t)snprintf(t, 400, "%.*g", p, x);
    if (e >= p) {
        /* C11 7.21.6.1: style e, p - 1 decimals, trailing zeros removed,
         * an exponent of at least two digits ("3.08e+07") */
        k = fixed_text(t, signbit(x) != 0, d, p - 1);
        if (p > 1) {
            while (t[k - 1] == '0')
                k--;
            if (t[k - 1] == '.')
                k--;
        }
        t[k++] = 'e';
        t[k++] = '+';
        if (e < 10)
            t[k++] = '0';
        return k + utoa(t + k, (unsigned long long)e);
    }
    k = fixed_text(t, signbit(x) != 0, d, n);
    if (n > 0) {
        while (t[k - 1] == '0')
            k--;
        if (t[k - 1] == '.')
            k--;
    }
    return k;
}

int k3a__vfmt(char *buf, size_t n, const char *fmt, va_list ap)
{
    struct out o;
    const char *f = fmt, *pc;
    char t[400];
    va_list aq;

    /* one pass; a conversion this file does not do hands the whole
     * format to the C library, from its first argument */
    va_copy(aq, ap);
    o.buf = buf;
    o.n = n;
    o.len = 0;
    while ((pc = strchr(f, '%')) != NULL) {
        struct spec s;
        size_t k = 0;

        put(&o, f, (size_t)(pc - f));
        f = parse_spec(pc + 1, &s);
        if (!f) {
            int r = vsnprintf(buf, n, fmt, aq);
            va_end(aq);
            return r;
        }
        switch (s.conv) {
        case '%':
            t[k++] = '%';
            break;
        case 's': {
            const char *v = va_arg(ap, const char *);
            if (!v)
                v = "(null)";
            put(&o, v, strlen(v));
            continue;
        }
        case 'c':
            t[k++] = (char)va_arg(ap, int);
            break;
        case 'd':
        case 'i':
        case 'u': {
            unsigned long long m;
            int neg = 0;
            char dig[24];
            size_t nd, w;
            if (s.conv == 'u')
                m = s.len == 'l'   ? va_arg(ap, unsigned long)
                    : s.len == 'L' ? va_arg(ap, unsigned long long)
                    : s.len == 'z' ? va_arg(ap, size_t)
                                   : va_arg(ap, unsigned);
            else {
                long long v = s.len == 'l'   ? va_arg(ap, long)
                              : s.len == 'L' ? va_arg(ap, long long)
                              : s.len == 'z' ? (long long)va_arg(ap, ptrdiff_t)
                                             : va_arg(ap, int);
                neg = v < 0;
                m = neg ? 0ull - (unsigned long long)v : (unsigned long long)v;
            }
            nd = utoa(dig, m);
            w = nd + (size_t)neg;
            if (!s.zero)
                while (w < (size_t)s.width) {
                    t[k++] = ' ';
                    w++;
                }
            if (neg)
                t[k++] = '-';
            while (w < (size_t)s.width) {
                t[k++] = '0';
                w++;
            }
            memcpy(t + k, dig, nd);
            k += nd;
            break;
        }
        case 'f':
            k = fmt_f(t, va_arg(ap, double), s.prec < 0 ? 6 : s.prec);
            break;
        default: /* 'g' */
            k = fmt_g(t, va_arg(ap, double), s.prec < 0 ? 6 : s.prec);
            break;
        }
        put(&o, t, k);
    }
    va_end(aq);
    put(&o, f, strlen(f));
    if (n)
        buf[o.len < n ? o.len : n - 1] = '\0';
    return o.len > INT32_MAX ? -1 : (int)o.len;
}

int k3a__fmt(char *buf, size_t n, const char *fmt, ...)
{
    va_list ap;
    int r;

    va_start(ap, fmt);
    r = k3a__vfmt(buf, n, fmt, ap);
    va_end(ap);
    return r;
}

double k3a__round_sig10(double v)
{
    double a = fabs(v), m;
    int k, tries;

    if (!isfinite(v) || fpclassify(v) == FP_ZERO)
        return v;
    k = 9 - (int)floor(log10(a));
    for (tries = 0; tries < 2; tries++) { /* log10 may be one off at 10^n */
        if (k < -22 || k > 22)
            return v;
        m = k >= 0 ? a * k3a__pow10[k] : a / k3a__pow10[-k];
        if (m >= 1e10)
            k--;
        else if (m < 1e9)
            k++;
        else
            break;
    }
    if (k < -22 || k > 22)
        return v;
    m = nearbyint(k >= 0 ? a * k3a__pow10[k] : a / k3a__pow10[-k]);
    /* an exact integer and an exact power of ten: one correct rounding */
    a = k >= 0 ? m / k3a__pow10[k] : m * k3a__pow10[-k];
    return v < 0 ? -a : a;
}
