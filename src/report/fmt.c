/*
 * fmt.c - see fmt.h.
 *
 * The C library's vsnprintf under the "C" locale (clocale.c), whatever
 * locale the calling program set: the text of findings, the JSON and the
 * workbook never get a decimal comma.  A hand-written fast path for %f and
 * %g lived here; measured on the example factory (audit, whole process)
 * and a 50-point scenario sweep it gained nothing a user sees (docs/
 * bad-input.md "Locale"), so k3a__vfmt has one path, the C library's.
 * One narrow exception, k3a__fixed: "%.Nf" with N <= 9, the numbers of a
 * finding's title, whose digits follow from one exact rounding; the C
 * library's conversion of them was a sixth of the CPU of the 100,000-bus
 * bench's stages (make bench: stages <= 2.5 s), and check_fmt.c compares
 * it with snprintf on the values that break decimal conversion.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "fmt.h"
#include "base.h"

/* exact powers of ten (5^22 < 2^53) */
const double k3a__pow10[23] = { 1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };

int k3a__vfmt(char *buf, size_t n, const char *fmt, va_list ap)
{
    void *old = k3a__c_locale_enter();
    int r = vsnprintf(buf, n, fmt, ap);

    k3a__c_locale_leave(old);
    return r;
}

/* "%.*f" of v when its digits are certain without the C library's
 * arbitrary-precision conversion: 0 <= prec <= 9 and |v| 10^prec below
 * 2^52.  Then |v| 10^prec = hi + lo exactly (fma), hi's fraction f is
 * exact, and f differs from 1/2 by at least an ulp of hi whenever it
 * differs at all, so lo (at most half an ulp) can only decide an exact
 * tie in hi: above it up, below it down, at it to even, as the C library
 * rounds the exact binary value.  Length written, or -1 (not handled, or
 * n too small: the caller uses the C library). */
static int fixed_exact(char *buf, size_t n, int prec, double v)
{
    char digits[24];
    double a = fabs(v), hi, lo, r, f;
    uint64_t q;
    int k = 0, len = 0, i;

    if (prec < 0 || prec > 9 || !(a < 0x1p52 / k3a__pow10[prec]))
        return -1; /* NaN and infinities too */
    hi = a * k3a__pow10[prec];
    lo = fma(a, k3a__pow10[prec], -hi);
    r = floor(hi);
    f = hi - r;
    q = (uint64_t)r;
    /* above half, or exactly half (neither above nor below) with lo above
     * it, or an exact tie and q odd (-Wfloat-equal: no ==) */
    if (f > 0.5 || (!(f < 0.5) && (lo > 0 || (!(lo < 0) && (q & 1)))))
        q++;
    /* digits of q, least significant first, at least prec + 1 of them */
    do {
        digits[k++] = (char)('0' + q % 10);
        q /= 10;
    } while (q || k <= prec);
    if ((size_t)(k + (prec > 0) + (signbit(v) != 0)) + 1 > n)
        return -1;
    if (signbit(v))
        buf[len++] = '-';
    for (i = k - 1; i >= 0; i--) {
        buf[len++] = digits[i];
        if (i == prec && prec > 0)
            buf[len++] = '.';
    }
    buf[len] = '\0';
    return len;
}

int k3a__fixed(char *buf, size_t n, int prec, double v)
{
    int len = fixed_exact(buf, n, prec, v);

    return len >= 0 ? len : k3a__fmt(buf, n, "%.*f", prec, v);
}

size_t k3a__join_list(char *buf, size_t n, const char *const *s, size_t k)
{
    size_t i, len = 0;

    for (i = 0; i < k; i++) {
        const char *p = s[i] ? s[i] : "(null)";
        size_t l = strlen(p);
        if (n && len < n - 1)
            memcpy(buf + len, p, l < n - 1 - len ? l : n - 1 - len);
        len += l;
    }
    if (n)
        buf[len < n - 1 ? len : n - 1] = '\0';
    return len;
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

    /* zero, and a whole number of up to 10 digits (a rating, a count, a
     * line): already itself at 10 significant digits (-Wfloat-equal: no ==) */
    if (!isfinite(v) || (a < 1e10 && !(floor(a) < a)))
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
