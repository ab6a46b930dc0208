/*
 * fmt.c - see fmt.h.
 *
 * The C library's vsnprintf under the "C" locale (clocale.c), whatever
 * locale the calling program set: the text of findings, the JSON and the
 * workbook never get a decimal comma.  A hand-written fast path for %f and
 * %g lived here; measured on the example factory (audit, whole process)
 * and a 50-point scenario sweep it gained nothing a user sees (docs/
 * bad-input.md "Locale"), so there is one path, the C library's.
 */
#include <math.h>
#include <stdio.h>

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
