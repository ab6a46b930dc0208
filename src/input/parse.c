/*
 * parse.c - strict parsing of the values a site or model file holds.
 *
 * Numbers use a point as the decimal separator and no grouping, whatever
 * the process locale (the syntax is checked here first, and strtod runs
 * under the "C" locale, clocale.c).  Everything else
 * (trailing junk, NaN, infinities, overflow, a decimal comma, a unit typed
 * after the number) is an error with a hint.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "base.h"
#include "parse.h"

static int is_number_syntax(const char *s)
{
    int digits = 0;

    if (*s == '+' || *s == '-')
        s++;
    while (isdigit((unsigned char)*s)) {
        s++;
        digits++;
    }
    if (*s == '.') {
        s++;
        while (isdigit((unsigned char)*s)) {
            s++;
            digits++;
        }
    }
    if (!digits)
        return 0;
    if (*s == 'e' || *s == 'E') {
        int ed = 0;
        s++;
        if (*s == '+' || *s == '-')
            s++;
        while (isdigit((unsigned char)*s)) {
            s++;
            ed++;
        }
        if (!ed)
            return 0;
    }
    return *s == '\0';
}

static int lower_eq(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return 0;
    return *a == *b;
}

/* A hint for a value that is almost a number. */
static void number_hint(const char *t, char *msg, size_t n)
{
    const char *comma = strchr(t, ',');
    size_t len = strlen(t), i, j, dots = 0, k;
    char fixed[64];

    for (i = 0; i < len; i++)
        dots += t[i] == '.';
    if (comma && !strchr(comma + 1, ',') && !strchr(t, '.') && len < 60) {
        memcpy(fixed, t, len + 1);
        fixed[comma - t] = '.';
        if (is_number_syntax(fixed)) {
            snprintf(msg, n,
                     "'%s' is not a number (use a point as the decimal "
                     "separator: %s)",
                     t, fixed);
            return;
        }
    }
    if (dots > 1 && len < 60) {
        for (i = 0, j = 0; i < len; i++)
            if (t[i] != '.')
                fixed[j++] = t[i];
        fixed[j] = '\0';
        if (is_number_syntax(fixed)) {
            snprintf(msg, n,
                     "'%s' is not a number (no digit grouping: write %s)", t,
                     fixed);
            return;
        }
    }
    if (lower_eq(t, "nan") || lower_eq(t, "inf") || lower_eq(t, "+inf") ||
        lower_eq(t, "-inf") || lower_eq(t, "infinity")) {
        snprintf(msg, n, "'%s' is not a finite number", t);
        return;
    }
    /* "20 kA", "5ohm": a number followed by a unit. */
    for (k = 0; k < len && k < 60; k++)
        if (!(isdigit((unsigned char)t[k]) || t[k] == '.' || t[k] == '-' ||
              t[k] == '+'))
            break;
    if (k > 0 && k < len && k < 60) {
        memcpy(fixed, t, k);
        fixed[k] = '\0';
        if (is_number_syntax(fixed)) {
            const char *rest = t + k;
            while (isspace((unsigned char)*rest))
                rest++;
            if (isalpha((unsigned char)*rest) || *rest == '%') {
                snprintf(msg, n,
                         "'%s' is not a number (write the number only; the "
                         "unit is in the key name)",
                         t);
                return;
            }
            snprintf(msg, n, "'%s' is not a number (trailing '%s')", t,
                     t + k);
            return;
        }
    }
    snprintf(msg, n, "'%s' is not a number", t);
}

int k3a__parse_double(const char *text, double *out, char *msg, size_t n)
{
    char buf[128];
    char *end;
    double v;
    int err;
    void *old;
    size_t len = strlen(text);

    if (!is_number_syntax(text)) {
        number_hint(text, msg, n);
        return -1;
    }
    if (len >= sizeof(buf)) {
        snprintf(msg, n, "number is too long (%zu characters)", len);
        return -1;
    }
    memcpy(buf, text, len + 1);
    /* strtod under the "C" locale (clocale.c): a point, whatever locale
     * the calling program set; the syntax was checked above */
    old = k3a__c_locale_enter();
    errno = 0;
    v = strtod(buf, &end);
    err = errno;
    k3a__c_locale_leave(old);
    if (*end != '\0') {
        snprintf(msg, n, "'%s' is not a number", text);
        return -1;
    }
    if (err == ERANGE || !isfinite(v)) {
        if (err == ERANGE && fabs(v) < 1.0) {
            snprintf(msg, n, "'%s' is too small to represent", text);
            return -1;
        }
        snprintf(msg, n, "'%s' is too large to represent", text);
        return -1;
    }
    *out = v;
    return 0;
}

int k3a__parse_int(const char *text, long *out, char *msg, size_t n)
{
    const char *s = text;
    char *end;
    long v;

    if (*s == '+' || *s == '-')
        s++;
    if (!isdigit((unsigned char)*s)) {
        number_hint(text, msg, n);
        return -1;
    }
    errno = 0;
    v = strtol(text, &end, 10);
    if (*end != '\0') {
        double d;
        char m2[8];
        if (k3a__parse_double(text, &d, m2, sizeof(m2)) == 0)
            snprintf(msg, n, "'%s' is not a whole number", text);
        else
            number_hint(text, msg, n);
        return -1;
    }
    if (errno == ERANGE || v > INT_MAX || v < INT_MIN) {
        snprintf(msg, n, "'%s' is too large", text);
        return -1;
    }
    *out = v;
    return 0;
}

static int days_in_month(int y, int m)
{
    static const int dm[12] = { 31, 28, 31, 30, 31, 30,
                                31, 31, 30, 31, 30, 31 };
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dm[m - 1];
}

int k3a__parse_date(const char *text, struct k3a_date *out, char *msg,
                    size_t n)
{
    int i, y, m, d;

    for (i = 0; i < 10; i++) {
        int want_dash = (i == 4 || i == 7);
        if (want_dash ? text[i] != '-' : !isdigit((unsigned char)text[i]))
            break;
    }
    if (i != 10 || text[10] != '\0') {
        snprintf(msg, n, "'%s' is not a date (expected YYYY-MM-DD)", text);
        return -1;
    }
    y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 +
        (text[2] - '0') * 10 + (text[3] - '0');
    m = (text[5] - '0') * 10 + (text[6] - '0');
    d = (text[8] - '0') * 10 + (text[9] - '0');
    if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 ||
        d > days_in_month(y, m)) {
        snprintf(msg, n, "'%s' is not a valid calendar date", text);
        return -1;
    }
    out->y = y;
    out->m = m;
    out->d = d;
    return 0;
}

int k3a__parse_reading(const char *text, struct k3a_reading *out, char *msg,
                       size_t n)
{
    int cmp = 0;

    if (*text == '>' || *text == '<') {
        cmp = *text == '>' ? 1 : -1;
        text++;
        while (*text == ' ')
            text++;
    }
    if (k3a__parse_double(text, &out->value, msg, n) != 0)
        return -1;
    out->cmp = cmp;
    return 0;
}

int k3a__parse_bool(const char *text, int *out, char *msg, size_t n)
{
    if (strcmp(text, "yes") == 0) {
        *out = 1;
        return 0;
    }
    if (strcmp(text, "no") == 0) {
        *out = 0;
        return 0;
    }
    if (lower_eq(text, "ya") || lower_eq(text, "y") || lower_eq(text, "true") ||
        lower_eq(text, "1") || lower_eq(text, "yes"))
        snprintf(msg, n, "'%s' is not yes/no (did you mean 'yes'?)", text);
    else if (lower_eq(text, "tidak") || lower_eq(text, "t") ||
             lower_eq(text, "false") || lower_eq(text, "0") ||
             lower_eq(text, "no") || lower_eq(text, "n"))
        snprintf(msg, n, "'%s' is not yes/no (did you mean 'no'?)", text);
    else
        snprintf(msg, n, "'%s' is not yes/no", text);
    return -1;
}

/* Optimal string alignment distance (Damerau-Levenshtein with adjacent
 * transpositions), case-insensitive; strings longer than 63 are far. */
int k3a__edit_distance(const char *a, const char *b)
{
    int d[64][64];
    size_t la = strlen(a), lb = strlen(b), i, j;

    if (la > 63 || lb > 63)
        return 99;
    for (i = 0; i <= la; i++)
        d[i][0] = (int)i;
    for (j = 0; j <= lb; j++)
        d[0][j] = (int)j;
    for (i = 1; i <= la; i++)
        for (j = 1; j <= lb; j++) {
            int ca = tolower((unsigned char)a[i - 1]);
            int cb = tolower((unsigned char)b[j - 1]);
            int cost = ca != cb;
            int v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < v)
                v = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 &&
                ca == tolower((unsigned char)b[j - 2]) &&
                tolower((unsigned char)a[i - 2]) == cb &&
                d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    return d[la][lb];
}

int k3a__valid_name(const char *name)
{
    size_t n = 0;

    for (; *name; name++, n++) {
        unsigned char c = (unsigned char)*name;
        if (!(isalnum(c) || c == '-' || c == '_' || c == '.') || c > 127)
            return 0;
    }
    return n >= 1 && n <= 32;
}

void k3a__copy_cut(char *dst, size_t n, const char *src)
{
    size_t l = strlen(src);

    if (!n)
        return;
    if (l > n - 1)
        l = n - 1;
    memcpy(dst, src, l);
    dst[l] = '\0';
}

long k3a__utf8_invalid_at(const unsigned char *s, size_t n)
{
    size_t i = 0;

    while (i < n) {
        unsigned char c = s[i];
        size_t len, k;
        unsigned long cp;
        if (c < 0x80) {
            i++;
            continue;
        }
        if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1Fu;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0Fu;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07u;
        } else {
            return (long)i;
        }
        if (i + len > n)
            return (long)i;
        for (k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return (long)i;
            cp = (cp << 6) | (s[i + k] & 0x3Fu);
        }
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) ||
            (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return (long)i;
        i += len;
    }
    return -1;
}

void k3a__fmt_double(char *buf, size_t n, double v)
{
    /* as the file would write them: k3a__fmt is locale-independent */
    k3a__fmt(buf, n, "%.10g", v);
}
