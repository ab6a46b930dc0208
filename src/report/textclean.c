/*
 * textclean.c - see include/k3audit/textclean.h.
 */
#include <string.h>

#include "k3audit/textclean.h"

static int is_hex(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') ||
           (c >= 'a' && c <= 'f');
}

/* Length of the valid UTF-8 sequence at s (1..4), 0 when invalid. */
static size_t utf8_len(const unsigned char *s)
{
    unsigned long cp;
    size_t len, k;

    if (s[0] < 0x80)
        return 1;
    if ((s[0] & 0xE0) == 0xC0) {
        len = 2;
        cp = s[0] & 0x1Fu;
    } else if ((s[0] & 0xF0) == 0xE0) {
        len = 3;
        cp = s[0] & 0x0Fu;
    } else if ((s[0] & 0xF8) == 0xF0) {
        len = 4;
        cp = s[0] & 0x07u;
    } else {
        return 0;
    }
    for (k = 1; k < len; k++) {
        if ((s[k] & 0xC0) != 0x80)
            return 0; /* also stops at the NUL */
        cp = (cp << 6) | (s[k] & 0x3Fu);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) ||
        (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

/* What to do with the text at s: 0 copy `*len` bytes, 1 escape `*len`
 * bytes as \xNN each, 2 write "_x005F" before a literal "_xHHHH_". */
static int classify(const unsigned char *s, unsigned flags, size_t *len)
{
    unsigned char c = s[0];

    if (c < 0x20 || c == 0x7F) {
        *len = 1;
        if (c == '\t' || (c == '\n' && (flags & K3A_CLEAN_KEEP_NEWLINE)))
            return 0;
        return 1;
    }
    if (c == '_' && (flags & K3A_CLEAN_OOXML) && s[1] == 'x' &&
        is_hex(s[2]) && is_hex(s[3]) && is_hex(s[4]) && is_hex(s[5]) &&
        s[6] == '_') {
        *len = 1;
        return 2;
    }
    if (c < 0x80) {
        *len = 1;
        return 0;
    }
    *len = utf8_len(s);
    if (!*len) {
        *len = 1; /* one invalid byte */
        return 1;
    }
    if (c == 0xC2 && s[1] >= 0x80 && s[1] <= 0x9F)
        return 1; /* C1 control */
    return 0;
}

int k3a_text_needs_clean(const char *src, unsigned flags)
{
    const unsigned char *s = (const unsigned char *)src;
    size_t len;

    if (!s)
        return 0;
    while (*s) {
        if (*s >= 0x20 && *s < 0x7F && *s != '_') {
            s++;
            continue;
        }
        if (classify(s, flags, &len))
            return 1;
        s += len;
    }
    return 0;
}

size_t k3a_text_clean(char *dst, size_t n, const char *src, unsigned flags)
{
    static const char hex[] = "0123456789ABCDEF";
    const unsigned char *s = (const unsigned char *)(src ? src : "");
    size_t out = 0, written = 0, len, i;

    while (*s) {
        char piece[32];
        size_t k = 0;
        int what = classify(s, flags, &len);

        if (what == 1) {
            for (i = 0; i < len; i++) {
                piece[k++] = '\\';
                piece[k++] = 'x';
                piece[k++] = hex[s[i] >> 4];
                piece[k++] = hex[s[i] & 15];
            }
        } else if (what == 2) {
            memcpy(piece, "_x005F_", 7); /* the "_" escaped; "xHHHH_" follows */
            k = 7;
        } else {
            memcpy(piece, s, len);
            k = len;
        }
        /* whole pieces only, and none after the first that did not fit */
        if (written == out && n && out + k < n) {
            memcpy(dst + out, piece, k);
            written += k;
        }
        out += k;
        s += len;
    }
    if (n)
        dst[written] = '\0';
    return out;
}

long k3a_text_control_at(const char *text, size_t n, unsigned *cp)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i;

    for (i = 0; i < n; i++) {
        if ((s[i] < 0x20 && s[i] != '\t') || s[i] == 0x7F) {
            *cp = s[i];
            return (long)i;
        }
        if (s[i] == 0xC2 && i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F) {
            *cp = s[i + 1];
            return (long)i;
        }
    }
    return -1;
}
